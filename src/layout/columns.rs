//! Cards down columns, as in a newspaper (`[layout] fill = "columns"`): each
//! column takes the next cards while they fit the page, then the next column;
//! where all that is left fits on one page, the columns are balanced so that
//! the tallest is as short as it can be. Unlike rows, no card waits beside a
//! taller neighbour, so less paper goes blank.

use super::document::{BlockKind, Rect};
use super::frame::{Chunk, Frame};

/// The cells (cards, and the safety box when it comes next) in chunks of
/// `columns` columns, `cell_w` wide and `gap` apart on a `width`: the first
/// at most `first_room` tall (what is left of the current page), the others
/// at most `page_room`. A cell taller than a page stands alone in its column
/// (pagination then names it as too tall).
pub(crate) fn column_chunks(
    cells: Vec<(BlockKind, Frame)>,
    columns: usize,
    (cell_w, gap, width): (f32, f32, f32),
    first_room: f32,
    page_room: f32,
) -> Vec<Chunk> {
    let heights: Vec<f32> = cells.iter().map(|(_, f)| f.height).collect();
    let is_card: Vec<bool> = cells
        .iter()
        .map(|(k, _)| matches!(k, BlockKind::Card { .. }))
        .collect();
    let plan = pack(
        &heights,
        &is_card,
        columns.max(1),
        gap,
        (first_room, page_room),
    );
    let mut cells = cells.into_iter();
    plan.iter()
        .map(|cols| {
            let cols = cols
                .iter()
                .map(|col| col.iter().filter_map(|_| cells.next()).collect())
                .collect();
            chunk(cols, cell_w, gap, width)
        })
        .collect()
}

/// Which cells go in each column of each chunk (indices into `heights`).
/// When the last chunk would hold no card (the safety box alone on a page),
/// the card before it comes along.
fn pack(
    heights: &[f32],
    is_card: &[bool],
    columns: usize,
    gap: f32,
    (first_room, page_room): (f32, f32),
) -> Vec<Vec<Vec<usize>>> {
    let mut plan: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut from = 0;
    let mut room = first_room;
    while from < heights.len() {
        let rest = &heights[from..];
        let mut take = fill(rest, columns, room, gap);
        if take.iter().all(|c| c.is_empty()) {
            if room < page_room {
                // Not even one card fits what is left of this page: start
                // on the next.
                room = page_room;
                continue;
            }
            take = vec![vec![0]];
        }
        let n: usize = take.iter().map(Vec::len).sum();
        if n == rest.len() {
            // The last of the cells: as short as the columns allow.
            take = fill(rest, columns, balanced(rest, columns, gap), gap);
        }
        plan.push(offset(take, from));
        from += n;
        room = page_room;
    }
    let lone = |chunk: &Vec<Vec<usize>>| !chunk.iter().flatten().any(|&i| is_card[i]);
    if plan.len() > 1 && plan.last().is_some_and(lone) {
        let last = plan.pop().unwrap();
        let before = plan.last_mut().unwrap();
        let moved = before.iter_mut().rev().find_map(Vec::pop);
        if before.iter().all(Vec::is_empty) {
            plan.pop();
        }
        let start = moved.unwrap_or(last[0][0]);
        let rest = &heights[start..];
        let take = fill(rest, columns, balanced(rest, columns, gap), gap);
        plan.push(offset(take, start));
    }
    plan
}

/// Column lists of indices into a slice starting at `from`, made absolute.
fn offset(cols: Vec<Vec<usize>>, from: usize) -> Vec<Vec<usize>> {
    cols.into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.into_iter().map(|i| i + from).collect())
        .collect()
}

/// Which cells (indices into `heights`, in order) go in each column when
/// each column takes the next cells while its height stays within `limit`.
fn fill(heights: &[f32], columns: usize, limit: f32, gap: f32) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); columns];
    let mut next = 0;
    for col in out.iter_mut() {
        let mut h = 0.0;
        while next < heights.len() {
            let add = heights[next] + if col.is_empty() { 0.0 } else { gap };
            if h + add > limit + 0.01 {
                break;
            }
            h += add;
            col.push(next);
            next += 1;
        }
    }
    out
}

/// The least height within which all the cells fit in `columns` columns,
/// keeping their order: the smallest limit at which [`fill`] places them all.
/// The answer is the height of some run of consecutive cells, so those are
/// the only limits worth trying.
fn balanced(heights: &[f32], columns: usize, gap: f32) -> f32 {
    let mut runs: Vec<f32> = Vec::new();
    for i in 0..heights.len() {
        let mut h = 0.0;
        for (j, x) in heights.iter().enumerate().skip(i) {
            h += x + if j > i { gap } else { 0.0 };
            runs.push(h);
        }
    }
    runs.sort_by(f32::total_cmp);
    let all = |limit: f32| {
        fill(heights, columns, limit, gap)
            .iter()
            .map(Vec::len)
            .sum::<usize>()
            == heights.len()
    };
    // Placing all is monotone in the limit: the first run that does it.
    let (mut lo, mut hi) = (0, runs.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if all(runs[mid]) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    runs[lo]
}

/// Columns of cells as one chunk of the flow, in reading order (down the
/// first column, then the next).
fn chunk(cols: Vec<Vec<(BlockKind, Frame)>>, cell_w: f32, gap: f32, width: f32) -> Chunk {
    let mut frame = Frame::new(width);
    let mut blocks = Vec::new();
    let mut height: f32 = 0.0;
    for (k, col) in cols.into_iter().enumerate() {
        let x = k as f32 * (cell_w + gap);
        let mut y = 0.0;
        for (n, (kind, f)) in col.into_iter().enumerate() {
            if n > 0 {
                y += gap;
            }
            blocks.push((
                kind,
                Rect {
                    x,
                    y,
                    width: f.width,
                    height: f.height,
                },
            ));
            let h = f.height;
            frame.absorb(f, x, y, None);
            y += h;
        }
        height = height.max(y);
    }
    frame.height = height;
    Chunk::of(frame, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(hs: &[f32]) -> Vec<(BlockKind, Frame)> {
        hs.iter()
            .enumerate()
            .map(|(i, h)| {
                (
                    BlockKind::Card {
                        index: i,
                        id: format!("c{i}"),
                    },
                    Frame {
                        height: *h,
                        ..Frame::new(90.0)
                    },
                )
            })
            .collect()
    }

    fn layout(c: &Chunk) -> Vec<(usize, f32, f32)> {
        c.blocks
            .iter()
            .map(|(k, r)| match k {
                BlockKind::Card { index, .. } => (*index, r.x, r.y),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn the_last_cards_are_balanced_in_order() {
        let chunks = column_chunks(
            cells(&[80.0, 80.0, 80.0, 70.0, 80.0]),
            2,
            (90.0, 10.0, 190.0),
            1000.0,
            1000.0,
        );
        assert_eq!(chunks.len(), 1);
        // 1-2 down the left (170), 3-5 down the right (250): the tallest
        // column is shorter than with 1-3 on the left (260).
        assert_eq!(
            layout(&chunks[0]),
            vec![
                (0, 0.0, 0.0),
                (1, 0.0, 90.0),
                (2, 100.0, 0.0),
                (3, 100.0, 90.0),
                (4, 100.0, 170.0)
            ]
        );
        assert_eq!(chunks[0].frame.height, 250.0);
    }

    #[test]
    fn a_full_page_fills_each_column_then_goes_on() {
        // 100 left on this page, 200 on the next ones.
        let chunks = column_chunks(
            cells(&[60.0, 60.0, 60.0, 60.0, 60.0]),
            2,
            (90.0, 10.0, 190.0),
            100.0,
            200.0,
        );
        assert_eq!(chunks.len(), 2);
        assert_eq!(layout(&chunks[0]), vec![(0, 0.0, 0.0), (1, 100.0, 0.0)]);
        // The three left, balanced: two and one.
        assert_eq!(
            layout(&chunks[1]),
            vec![(2, 0.0, 0.0), (3, 0.0, 70.0), (4, 100.0, 0.0)]
        );
    }

    #[test]
    fn the_safety_box_never_ends_alone_the_last_card_comes_along() {
        let mut cs = cells(&[80.0, 80.0, 70.0, 70.0]);
        cs.push((
            BlockKind::Safety,
            Frame {
                height: 65.0,
                ..Frame::new(90.0)
            },
        ));
        // Four cards fill the page's two columns; the safety box would be
        // alone on the next.
        let chunks = column_chunks(cs, 2, (90.0, 10.0, 190.0), 170.0, 250.0);
        assert_eq!(chunks.len(), 2);
        let kinds =
            |c: &Chunk| -> Vec<String> { c.blocks.iter().map(|(k, _)| format!("{k:?}")).collect() };
        assert_eq!(kinds(&chunks[0]).len(), 3);
        assert!(kinds(&chunks[1])[0].contains("c3"));
        assert_eq!(kinds(&chunks[1])[1], "Safety");
    }

    #[test]
    fn no_room_on_this_page_starts_on_the_next_and_a_giant_stands_alone() {
        let chunks = column_chunks(
            cells(&[60.0, 500.0, 60.0]),
            2,
            (90.0, 10.0, 190.0),
            40.0,
            200.0,
        );
        assert_eq!(chunks.len(), 3);
        assert_eq!(layout(&chunks[0]), vec![(0, 0.0, 0.0)]);
        assert_eq!(layout(&chunks[1]), vec![(1, 0.0, 0.0)]);
        assert_eq!(chunks[1].frame.height, 500.0);
        assert_eq!(layout(&chunks[2]), vec![(2, 0.0, 0.0)]);
    }
}
