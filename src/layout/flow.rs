//! The flow: a handout's sections assembled into chunks in the template's
//! order, then stacked down the pages (a new page before any chunk that does
//! not fit, with the running header on later pages), and the footers added
//! once the page count is known.

use crate::content::{Clinic, Section, Template};
use crate::error::{Error, Result};
use crate::figure::FigureCache;
use crate::fonts::FontBook;
use crate::program::Handout;
use crate::words::Words;

use super::cache::{card_cached, fixed_frame, LayoutCache};
use super::document::{Block, BlockKind, Document, Meta, Node, NodeKind, Page, Rect, MM};
use super::frame::{grid_row, place, Chunk, Frame};
use super::sections::footer::{footer, footer_right_width};
use super::sections::header::{header, running_header};
use super::sections::log::log_week;
use super::sections::notes::notes;
use super::sections::safety::safety;
use super::style::{Ctx, ImageSizes};

/// What a run lays out with: the clinic, the template of the handout, the
/// fonts, the sizes of the pictures and the words of its language.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub clinic: &'a Clinic,
    pub template: &'a Template,
    pub fonts: &'a FontBook,
    pub images: &'a dyn ImageSizes,
    pub words: &'a Words,
    /// Exercise figures, drawn once per run.
    pub figures: &'a FigureCache,
}

/// Lay out a handout on its paper, reusing cards and fixed sections from
/// `cache` when one is given (the result is the same without it).
pub fn lay_out(h: &Handout, inputs: &Inputs, cache: Option<&LayoutCache>) -> Result<Document> {
    let Inputs {
        clinic,
        template: t,
        fonts,
        images,
        words,
        figures,
    } = *inputs;
    let (pw, ph) = h.paper.size_pt();
    let margin = t.page.margin_mm.0 * MM;
    let cx = Ctx {
        fonts,
        images,
        t,
        clinic,
        words,
        figures,
        colours: t.colours.unwrap_or(clinic.colours).into(),
        width: pw - 2.0 * margin,
    };

    // The footer's height, measured with the widest page label it will hold.
    let right_w = footer_right_width(&cx)?;
    let footer_probe = fixed_frame(cache, t, cx.width, "footer probe".into(), || {
        footer(&cx, 99, 99, right_w)
    })?;
    let footer_top = ph - margin - footer_probe.height;
    let area = Area {
        margin,
        bottom: footer_top - t.page.footer_gap_mm.0 * MM,
        spacing: t.card.spacing_mm.0 * MM,
    };
    let running = running_header(&cx, h)?;

    // The most a chunk can be: a page below the running header.
    let page_room = area.bottom - margin - running.height;
    let chunks = assemble(&cx, h, cache, page_room)?;

    let mut structure = vec![Node {
        kind: NodeKind::Document,
        parent: None,
    }];
    let mut pages = paginate(chunks, &running, &area, &mut structure)?;

    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        let f = fixed_frame(
            cache,
            t,
            cx.width,
            format!("footer {} {total}", n + 1),
            || footer(&cx, n + 1, total, right_w),
        )?;
        let top = ph - margin - f.height;
        page.blocks.push(Block {
            kind: BlockKind::Footer,
            rect: Rect {
                x: margin,
                y: top,
                width: f.width,
                height: f.height,
            },
        });
        place(f, margin, top, &mut structure, &mut page.items);
    }

    Ok(Document {
        width: pw,
        height: ph,
        pages,
        meta: Meta {
            title: words.document_title(&h.patient),
            author: clinic.name.clone(),
            subject: h.program_title.clone().unwrap_or_else(|| words.title()),
            language: clinic.language.clone(),
            date: h.date,
        },
        structure,
    })
}

/// Where the flow goes on each page, in points from the page's top left.
struct Area {
    margin: f32,
    /// The lowest a chunk may reach (above the footer and its gap).
    bottom: f32,
    /// The usual gap between chunks.
    spacing: f32,
}

/// The handout's sections, as chunks of the flow in reading order.
fn assemble(
    cx: &Ctx,
    h: &Handout,
    cache: Option<&LayoutCache>,
    page_room: f32,
) -> Result<Vec<Chunk>> {
    let t = cx.t;
    let spacing = t.card.spacing_mm.0 * MM;
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut safety_placed = false;
    for (si, section) in t.sections.order.iter().enumerate() {
        match section {
            Section::Header => chunks.push(Chunk::single(BlockKind::Header, header(cx, h)?)),
            Section::Exercises => {
                let columns = t.layout.columns.0.max(1);
                let cell_w = (cx.width - spacing * (columns - 1) as f32) / columns as f32;
                let cell = Ctx {
                    width: cell_w,
                    ..cx.clone()
                };
                let mut cells: Vec<(BlockKind, Frame)> = Vec::new();
                for (i, item) in h.items.iter().enumerate() {
                    let kind = BlockKind::Card {
                        index: i,
                        id: item.exercise.id.clone(),
                    };
                    cells.push((kind, card_cached(&cell, cache, i, item)?));
                }
                // In a grid, the safety box takes a free cell of the last row.
                let next_is_safety = t.sections.order.get(si + 1) == Some(&Section::Safety);
                if columns > 1 && !cells.len().is_multiple_of(columns) && next_is_safety {
                    let f = fixed_frame(cache, t, cell_w, "safety".into(), || safety(&cell))?;
                    cells.push((BlockKind::Safety, f));
                    safety_placed = true;
                }
                for row in cells.chunks(columns) {
                    chunks.push(grid_row(row, cell_w, spacing, cx.width));
                }
            }
            Section::Safety => {
                if !safety_placed {
                    let f = fixed_frame(cache, t, cx.width, "safety".into(), || safety(cx))?;
                    chunks.push(Chunk::single(BlockKind::Safety, f));
                }
            }
            Section::Notes => {
                if let Some(n) = &h.notes {
                    let pieces = notes(cx, n, page_room)?;
                    let last = pieces.len().saturating_sub(1);
                    for (k, f) in pieces.into_iter().enumerate() {
                        let mut c = Chunk::single(BlockKind::Notes, f);
                        if k < last {
                            c.space_after = Some(t.text.body_pt.0 * 0.4);
                        }
                        chunks.push(c);
                    }
                }
            }
            Section::Log => {
                for week in 0..h.log_weeks as usize {
                    let mut c =
                        Chunk::single(BlockKind::Log { week: week + 1 }, log_week(cx, h, week)?);
                    c.new_page = week == 0;
                    chunks.push(c);
                }
            }
        }
    }
    Ok(chunks)
}

/// Stack the chunks down the pages: a new page (with the running header)
/// before a chunk that does not fit or asks for one; a chunk taller than a
/// page is an error naming it. Nodes join `structure`.
fn paginate(
    chunks: Vec<Chunk>,
    running: &Frame,
    area: &Area,
    structure: &mut Vec<Node>,
) -> Result<Vec<Page>> {
    let Area {
        margin,
        bottom,
        spacing,
    } = *area;
    let mut pages: Vec<Page> = vec![Page::default()];
    let mut y = margin;
    let mut first_on_page = true;
    for chunk in chunks {
        let fits = y + chunk.frame.height <= bottom + 0.01;
        if (!fits || chunk.new_page) && !first_on_page {
            let mut page = Page::default();
            let r = running.clone();
            page.blocks.push(Block {
                kind: BlockKind::RunningHeader,
                rect: Rect {
                    x: margin,
                    y: margin,
                    width: r.width,
                    height: r.height,
                },
            });
            y = margin + r.height;
            place(r, margin, margin, structure, &mut page.items);
            pages.push(page);
        }
        if y + chunk.frame.height > bottom + 0.01 {
            return Err(Error::TooTall {
                what: too_tall_name(&chunk),
                needed_mm: chunk.frame.height / MM,
                available_mm: (bottom - y) / MM,
            });
        }
        let page = pages.last_mut().unwrap();
        for (kind, r) in chunk.blocks {
            page.blocks.push(Block {
                kind,
                rect: Rect {
                    x: margin + r.x,
                    y: y + r.y,
                    ..r
                },
            });
        }
        let top = y;
        y += chunk.frame.height + chunk.space_after.unwrap_or(spacing);
        place(chunk.frame, margin, top, structure, &mut page.items);
        first_on_page = false;
    }
    Ok(pages)
}

/// What a chunk too tall for a page is, for the error.
fn too_tall_name(chunk: &Chunk) -> String {
    match chunk
        .blocks
        .iter()
        .map(|b| &b.0)
        .max_by_key(|k| matches!(k, BlockKind::Card { .. }))
    {
        Some(BlockKind::Card { id, .. }) => format!("exercise `{id}`"),
        Some(BlockKind::Safety) => "the safety box (clinic.toml [safety])".into(),
        Some(BlockKind::Notes) => "the notes".into(),
        Some(BlockKind::Log { .. }) => "a week of the exercise log".into(),
        _ => "the page header".into(),
    }
}
