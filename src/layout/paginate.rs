//! Pagination: the chunks of the flow stacked down the pages, a card cut
//! between its steps where that fills a page, the safety box and the tick
//! chart moved into free space rather than end a handout alone.

use std::collections::VecDeque;

use crate::error::{Error, Result};

use super::document::{Block, BlockKind, Node, Page, Rect, MM};
use super::frame::{cut, place, Chunk, Frame, Split, FULL_ENOUGH};

/// A card is cut rather than moved whole to the next page when that would
/// leave more than this share of the page blank.
const CUT_WORTH: f32 = 0.12;

/// Where the flow goes on each page, in points from the page's top left.
pub(crate) struct Area {
    pub(crate) margin: f32,
    /// The lowest a chunk may reach (above the footer and its gap).
    pub(crate) bottom: f32,
    /// The usual gap between chunks.
    pub(crate) spacing: f32,
    /// The top of the footer: how full a page is counts up to here, as
    /// [`super::fill::page_fill`] measures it.
    pub(crate) footer_top: f32,
}

/// The safety box and the tick chart may leave the end of the handout for
/// the free space at the bottom of an earlier page, when that saves a page
/// (rather than end the handout with a page of their own).
fn is_float(c: &Chunk) -> bool {
    matches!(
        c.blocks.as_slice(),
        [(BlockKind::Safety | BlockKind::Tracker, _)]
    )
}

/// The chunks in the order that takes the fewest pages: as assembled, or
/// with the safety box and tick chart ([`is_float`]) moved up into the free
/// space of an earlier page, as late as will save a page. Tried only when
/// the last page would hold nothing else.
pub(crate) fn arrange(chunks: Vec<Chunk>, running: &Frame, area: &Area) -> Vec<Chunk> {
    // Trials are laid out on bare shapes (no items to copy), in an order of
    // the chunks' indices, with perhaps a page break forced before one.
    let skel: Vec<Chunk> = chunks.iter().map(skeleton).collect();
    let bare_running = bare(running);
    let dry = |order: &[usize], brk: Option<usize>| {
        let cs = order
            .iter()
            .map(|&i| {
                let mut c = skel[i].clone();
                c.break_before |= brk == Some(i);
                c
            })
            .collect();
        paginate(cs, &bare_running, area, &mut Vec::new())
    };
    // Pages; whether the last holds the safety box alone; how much it holds;
    // whether it holds nothing but what may move. Less is better, in that order.
    let score = |order: &[usize]| match dry(order, None) {
        Ok(p) => {
            let last = p.last().map_or(&[][..], |page| page.blocks.as_slice());
            let content = last
                .iter()
                .filter(|b| b.kind != BlockKind::RunningHeader)
                .map(|b| b.rect.height)
                .sum::<f32>();
            let floats_only = last.iter().all(|b| {
                matches!(
                    b.kind,
                    BlockKind::RunningHeader | BlockKind::Safety | BlockKind::Tracker
                )
            });
            let safety_alone = last
                .iter()
                .filter(|b| b.kind != BlockKind::RunningHeader)
                .map(|b| &b.kind)
                .eq([&BlockKind::Safety]);
            (p.len(), safety_alone, content, floats_only)
        }
        Err(_) => (usize::MAX, false, 0.0, false),
    };
    let better = |a: (usize, bool, f32, bool), b: (usize, bool, f32, bool)| {
        (a.0, a.1) < (b.0, b.1) || ((a.0, a.1) == (b.0, b.1) && a.2 < b.2 - 0.01)
    };
    let given: Vec<usize> = (0..chunks.len()).collect();
    let base = score(&given);
    let first_card = chunks
        .iter()
        .position(|c| matches!(c.blocks.first(), Some((BlockKind::Card { .. }, _))));
    let (true, Some(first_card)) = (base.3, first_card) else {
        return chunks;
    };
    let mut best = given.clone();
    let mut best_n = base;
    let floats: Vec<usize> = (0..chunks.len())
        .filter(|&i| is_float(&chunks[i]))
        .collect();
    for f in floats {
        let at = best.iter().position(|&i| i == f).unwrap_or(f);
        for p in (first_card..at).rev() {
            let mut trial = best.clone();
            let c = trial.remove(at);
            trial.insert(p, c);
            let n = score(&trial);
            if better(n, best_n) {
                best_n = n;
                best = trial;
                break;
            }
        }
    }
    if (best_n.0, best_n.1) < (base.0, base.1) {
        return in_order(chunks, &best, None);
    }
    if !base.1 {
        return chunks;
    }
    // Else the last chunk before them goes over with them, when the page it
    // leaves stays full enough and no page is added.
    if let Some(last) = (0..chunks.len()).rev().find(|&i| !is_float(&chunks[i])) {
        if let Ok(pages) = dry(&given, Some(last)) {
            let n = pages.len();
            let top = |k: usize| {
                if k == 0 {
                    area.margin
                } else {
                    area.margin + running.height
                }
            };
            let full_enough = n >= 2 && {
                let reach = pages[n - 2]
                    .blocks
                    .iter()
                    .map(|b| b.rect.bottom())
                    .fold(0.0, f32::max);
                (reach - top(n - 2)) / (area.bottom - top(n - 2)) >= FULL_ENOUGH
            };
            if n <= base.0 && full_enough {
                return in_order(chunks, &given, Some(last));
            }
        }
    }
    // Else, the safety box may go up before the exercises.
    if let Some(f) = chunks
        .iter()
        .position(|c| matches!(c.blocks.as_slice(), [(BlockKind::Safety, _)]))
    {
        let mut trial = given.clone();
        let c = trial.remove(f);
        trial.insert(first_card, c);
        let n = score(&trial);
        if n.0 <= base.0 && !n.1 {
            return in_order(chunks, &trial, None);
        }
    }
    chunks
}

/// How much height is left on the last page once `chunks` are laid out:
/// the room for what comes next (all of a fresh page's when they end a page).
pub(crate) fn room_left(chunks: &[Chunk], running: &Frame, area: &Area) -> f32 {
    let skel: Vec<Chunk> = chunks.iter().map(skeleton).collect();
    let Ok(pages) = paginate(skel, &bare(running), area, &mut Vec::new()) else {
        return 0.0;
    };
    let Some(last) = pages.last() else {
        return area.bottom - area.margin;
    };
    let content = last
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::RunningHeader);
    match content.map(|b| b.rect.bottom()).reduce(f32::max) {
        Some(reach) => (area.bottom - reach - area.spacing).max(0.0),
        None => {
            let top = last
                .blocks
                .iter()
                .map(|b| b.rect.bottom())
                .fold(area.margin, f32::max);
            area.bottom - top
        }
    }
}

/// A frame's size without its items.
fn bare(f: &Frame) -> Frame {
    Frame {
        width: f.width,
        height: f.height,
        ..Frame::default()
    }
}

/// A chunk's shape without its items: all pagination needs, cheap to copy.
fn skeleton(c: &Chunk) -> Chunk {
    Chunk {
        frame: bare(&c.frame),
        blocks: c.blocks.clone(),
        new_page: c.new_page,
        break_before: c.break_before,
        space_after: c.space_after,
        split: c.split.as_ref().map(|s| Split {
            cuts: s.cuts.clone(),
            head: bare(&s.head),
            pad: s.pad,
        }),
        continues: c.continues,
        alt: c.alt.as_ref().map(|a| Box::new(skeleton(a))),
    }
}

/// The chunks in `order` (indices), with a page break before `brk`.
fn in_order(chunks: Vec<Chunk>, order: &[usize], brk: Option<usize>) -> Vec<Chunk> {
    let mut slots: Vec<Option<Chunk>> = chunks.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| {
            let mut c = slots[i].take()?;
            c.break_before |= brk == Some(i);
            Some(c)
        })
        .collect()
}

/// Stack the chunks down the pages: a new page (with the running header)
/// before a chunk that does not fit, or that asks for one while the page is
/// full enough. A card that does not fit is cut between its steps when that
/// fills the page better (the rest goes on under its title, "continued"),
/// and a chunk with a smaller form takes it where only that fits. A chunk
/// taller than a page that cannot be cut is an error naming it. Nodes join
/// `structure`.
pub(crate) fn paginate(
    chunks: Vec<Chunk>,
    running: &Frame,
    area: &Area,
    structure: &mut Vec<Node>,
) -> Result<Vec<Page>> {
    let Area {
        margin,
        bottom,
        spacing,
        footer_top,
    } = *area;
    let mut queue: VecDeque<Chunk> = chunks.into();
    let mut pages: Vec<Page> = vec![Page::default()];
    let mut y = margin;
    let mut page_top = margin;
    let mut first_on_page = true;
    // The height the page's content covers (gaps between chunks not counted).
    let mut covered = 0.0;
    // Where the nodes of the last chunk that had its own start.
    let mut base = 0;
    while let Some(mut chunk) = queue.pop_front() {
        let room = bottom - y;
        let fill = covered / (footer_top - page_top);
        let mut fits = chunk.frame.height <= room + 0.01;
        if !fits {
            if let Some(alt) = chunk.alt.take().filter(|a| a.frame.height <= room + 0.01) {
                chunk = *alt;
                fits = true;
            }
        }
        let wants_new = !first_on_page
            && (chunk.break_before || chunk.new_page && !(fits && fill < FULL_ENOUGH));
        if !fits || wants_new {
            // Better a card cut between its steps than a page left emptier
            // than it need be.
            let worth = first_on_page || room > CUT_WORTH * (bottom - page_top);
            if !wants_new && worth {
                if let Some((top, rest)) = cut_to_fit(&mut chunk, room, first_on_page) {
                    covered += top.frame.height;
                    let b = put(top, margin, y, structure, pages.last_mut().unwrap(), base);
                    if !b.1 {
                        base = b.0;
                    }
                    queue.push_front(rest);
                    y = bottom;
                    first_on_page = false;
                    continue;
                }
            }
            if !first_on_page {
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
                page_top = y;
                covered = 0.0;
                place(r, margin, margin, structure, &mut page.items, None);
                pages.push(page);
                first_on_page = true;
                if chunk.frame.height > bottom - y + 0.01 {
                    queue.push_front(chunk);
                    continue;
                }
            }
        }
        if y + chunk.frame.height > bottom + 0.01 {
            return Err(Error::TooTall {
                what: too_tall_name(&chunk),
                needed_mm: chunk.frame.height / MM,
                available_mm: (bottom - y) / MM,
            });
        }
        let gap = chunk.space_after.unwrap_or(spacing);
        let height = chunk.frame.height;
        let spans = spans_height(&chunk.blocks);
        let (b, continued) = put(chunk, margin, y, structure, pages.last_mut().unwrap(), base);
        if !continued {
            base = b;
        }
        y += height + gap;
        covered += spans;
        first_on_page = false;
    }
    Ok(pages)
}

/// The height the blocks of a chunk cover, gaps between them not counted
/// (as [`super::fill::page_fill`] counts it: down a column of cards, the
/// gaps between them are not content).
fn spans_height(blocks: &[(BlockKind, Rect)]) -> f32 {
    let spans = blocks.iter().map(|(_, r)| (r.y, r.bottom())).collect();
    super::fill::covered(spans, f32::MIN)
}

/// Cut a card so that its upper part fits `room`: the upper part and the
/// rest, as chunks. Only where the rest is not a scrap (a fifth of the card),
/// unless the card is taller than the page it starts on.
fn cut_to_fit(chunk: &mut Chunk, room: f32, fresh_page: bool) -> Option<(Chunk, Chunk)> {
    let split = chunk.split.as_ref()?;
    let h = chunk.frame.height;
    let at = split
        .cuts
        .iter()
        .copied()
        .filter(|c| c + split.pad <= room + 0.01)
        .filter(|c| fresh_page || h - c >= 0.2 * h)
        .reduce(f32::max)?;
    let kind = chunk.blocks.first()?.0.clone();
    let frame = std::mem::take(&mut chunk.frame);
    let (top, bottom, rest) = cut(frame, at, split);
    let mut upper = Chunk::single(kind.clone(), top);
    upper.continues = chunk.continues;
    let mut lower = Chunk::single(kind, bottom);
    lower.continues = true;
    lower.split = Some(rest);
    Some((upper, lower))
}

/// Put a chunk on `page` at height `y`; returns where its nodes start and
/// whether it continues an earlier part (whose nodes start at `base`).
fn put(
    chunk: Chunk,
    margin: f32,
    y: f32,
    structure: &mut Vec<Node>,
    page: &mut Page,
    base: usize,
) -> (usize, bool) {
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
    let continued = chunk.continues;
    let b = place(
        chunk.frame,
        margin,
        y,
        structure,
        &mut page.items,
        continued.then_some(base),
    );
    (b, continued)
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
        Some(BlockKind::Plan) => "the plan box".into(),
        Some(BlockKind::Tracker) => "the tick chart".into(),
        _ => "the page header".into(),
    }
}
