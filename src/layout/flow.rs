//! The flow: a handout's sections assembled into chunks in the template's
//! order (the plan box after the header unless the template places it; the
//! tick chart where a log would go, when there is none), then stacked down
//! the pages (`paginate.rs`, with the running header on later pages), and
//! the footers added once the page count is known.

use crate::content::{Clinic, GridFill, Section, Template};
use crate::error::Result;
use crate::figure::FigureCache;
use crate::fonts::FontBook;
use crate::program::Handout;
use crate::words::Words;

use super::cache::{card_cached, fixed_frame, LayoutCache};
use super::columns::column_chunks;
use super::document::{Block, BlockKind, Document, Meta, Node, NodeKind, Rect, MM};
use super::frame::{grid_row, place, Chunk, Frame};
use super::paginate::{arrange, paginate, room_left, Area};
use super::sections::footer::{footer, footer_right_width};
use super::sections::header::{header, running_header};
use super::sections::log::{log_week, tracker};
use super::sections::notes::notes;
use super::sections::plan::{common_often, plan};
use super::sections::safety::safety;
use super::style::{Ctx, ImageSizes};
use super::text::ShapeCache;

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
    let (clinic, t, words) = (inputs.clinic, inputs.template, inputs.words);
    let (pw, ph) = h.paper.size_pt();
    let margin = t.page.margin_mm.0 * MM;
    let shaped = ShapeCache::default();
    let cx = Ctx::new(inputs, &shaped, pw - 2.0 * margin);

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
        footer_top,
    };
    let running = running_header(&cx, h)?;

    // The most a chunk can be: a page below the running header.
    let page_room = area.bottom - margin - running.height;
    let chunks = arrange(
        assemble(&cx, h, cache, (&running, &area, page_room))?,
        &running,
        &area,
    );

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
        place(f, margin, top, &mut structure, &mut page.items, None);
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

/// The template's order of sections, with the plan box after the header
/// when the template shows it but does not place it.
fn order(t: &Template) -> Vec<Section> {
    let mut order: Vec<Section> = t
        .sections
        .order
        .iter()
        .copied()
        .filter(|s| *s != Section::Plan || t.sections.plan)
        .collect();
    if t.sections.plan && !order.contains(&Section::Plan) {
        let at = order
            .iter()
            .position(|s| *s == Section::Header)
            .map_or(0, |i| i + 1);
        order.insert(at, Section::Plan);
    }
    order
}

/// The handout's sections, as chunks of the flow in reading order, for
/// pages below `running` in `area` (`page_room`: the height of one).
fn assemble(
    cx: &Ctx,
    h: &Handout,
    cache: Option<&LayoutCache>,
    (running, area, page_room): (&Frame, &Area, f32),
) -> Result<Vec<Chunk>> {
    let t = cx.t;
    let spacing = t.card.spacing_mm.0 * MM;
    let order = order(t);
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut safety_placed = false;
    for (si, section) in order.iter().enumerate() {
        match section {
            Section::Header => chunks.push(Chunk::single(BlockKind::Header, header(cx, h)?)),
            Section::Plan => chunks.push(Chunk::single(BlockKind::Plan, plan(cx, h)?)),
            Section::Exercises => {
                let columns = t.layout.columns.0.max(1);
                let cell_w = (cx.width - spacing * (columns - 1) as f32) / columns as f32;
                let cell = Ctx {
                    width: cell_w,
                    often_in_plan: order.contains(&Section::Plan)
                        && common_often(h, cx.words).is_some(),
                    ..cx.clone()
                };
                let mut cells: Vec<(BlockKind, Frame)> = Vec::new();
                for (i, item) in h.items.iter().enumerate() {
                    let kind = BlockKind::Card {
                        index: i,
                        id: item.exercise.id.clone(),
                    };
                    let (frame, split) = card_cached(&cell, cache, i, item)?;
                    if columns == 1 {
                        let mut c = Chunk::single(kind, frame);
                        c.split = split;
                        chunks.push(c);
                    } else {
                        cells.push((kind, frame));
                    }
                }
                // In a grid, the safety box takes a free cell of the last row
                // (or the foot of the last column) when it comes next (notes,
                // if any, go first).
                let rest = &order[si + 1..];
                let safety_next = rest.iter().find(|s| match s {
                    Section::Notes => h.notes.is_some(),
                    Section::Safety => true,
                    _ => false,
                }) == Some(&Section::Safety);
                let by_columns = t.layout.fill == GridFill::Columns;
                let free_cell = by_columns || !cells.len().is_multiple_of(columns);
                if columns > 1 && free_cell && safety_next {
                    let f = fixed_frame(cache, t, cell_w, "safety".into(), || {
                        safety(&cell, !order.contains(&Section::Plan))
                    })?;
                    cells.push((BlockKind::Safety, f));
                    safety_placed = true;
                }
                if by_columns && columns > 1 {
                    let first_room = room_left(&chunks, running, area);
                    chunks.extend(column_chunks(
                        std::mem::take(&mut cells),
                        columns,
                        (cell_w, spacing, cx.width),
                        first_room,
                        page_room,
                    ));
                }
                while !cells.is_empty() {
                    let row: Vec<_> = cells.drain(..columns.min(cells.len())).collect();
                    chunks.push(grid_row(row, cell_w, spacing, cx.width));
                }
            }
            Section::Safety => {
                if !safety_placed {
                    let f = fixed_frame(cache, t, cx.width, "safety".into(), || {
                        safety(cx, !order.contains(&Section::Plan))
                    })?;
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
            Section::Log if h.log_weeks > 0 => {
                for week in 0..h.log_weeks as usize {
                    let mut c =
                        Chunk::single(BlockKind::Log { week: week + 1 }, log_week(cx, h, week)?);
                    c.new_page = week == 0;
                    chunks.push(c);
                }
            }
            Section::Log if t.sections.tracker => {
                let mut c = Chunk::single(BlockKind::Tracker, tracker(cx, h, false)?);
                c.alt = Some(Box::new(Chunk::single(
                    BlockKind::Tracker,
                    tracker(cx, h, true)?,
                )));
                chunks.push(c);
            }
            Section::Log => {}
        }
    }
    Ok(chunks)
}
