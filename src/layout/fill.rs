//! How full the pages are: a measure of wasted paper, read from the laid-out
//! [`Document`] alone.
//!
//! A page's content area runs from the top margin (below the running header on
//! later pages) to the top of its footer. Its fill is the share of that height
//! covered by content blocks (the header, cards, the plan and safety boxes,
//! notes, the log), gaps between blocks not counted. A page full to the footer
//! reads about 95% (the gaps between cards), half a page about 50%.

use super::document::{BlockKind, Document, Page};

/// The fill of one page, 0 to 1.
pub fn page_fill(page: &Page) -> f32 {
    let footer = page
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Footer)
        .map(|b| b.rect.y);
    let running = page
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::RunningHeader)
        .map(|b| b.rect.bottom());
    let spans: Vec<(f32, f32)> = page
        .blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Footer | BlockKind::RunningHeader))
        .map(|b| (b.rect.y, b.rect.bottom()))
        .collect();
    let top = running.or_else(|| spans.iter().map(|s| s.0).reduce(f32::min));
    let (Some(top), Some(bottom)) = (top, footer) else {
        return 0.0;
    };
    if bottom <= top {
        return 0.0;
    }
    (covered(spans, top) / (bottom - top)).clamp(0.0, 1.0)
}

/// The height that vertical spans (top, bottom) cover below `from`, each
/// part counted once and the gaps between them not at all.
pub(crate) fn covered(mut spans: Vec<(f32, f32)>, from: f32) -> f32 {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut covered, mut reach) = (0.0, from);
    for (a, b) in spans {
        let a = a.max(reach);
        if b > a {
            covered += b - a;
            reach = b;
        }
    }
    covered
}

impl Document {
    /// The share of each page's content area that content covers, 0 to 1
    /// (see [`page_fill`]).
    pub fn page_fill(&self) -> Vec<f32> {
        self.pages.iter().map(page_fill).collect()
    }

    /// Pages other than the last that are less than `min` full.
    pub fn underfilled(&self, min: f32) -> Vec<usize> {
        let fill = self.page_fill();
        let last = fill.len().saturating_sub(1);
        (0..last).filter(|&n| fill[n] < min).collect()
    }

    /// Pages whose only content is the safety box (besides page furniture).
    pub fn safety_alone(&self) -> Vec<usize> {
        self.pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let content: Vec<_> = p
                    .blocks
                    .iter()
                    .filter(|b| !matches!(b.kind, BlockKind::Footer | BlockKind::RunningHeader))
                    .collect();
                content.len() == 1 && content[0].kind == BlockKind::Safety
            })
            .map(|(n, _)| n)
            .collect()
    }
}
