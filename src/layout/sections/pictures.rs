//! An exercise's pictures, each a figure with its alt text and caption.

use crate::error::Result;
use crate::program::HandoutItem;

use super::super::document::{Item, NodeKind, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// The exercise's pictures (and captions) stacked in a column `w` wide; returns
/// the height used, including the gap below.
pub(crate) fn pictures(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    item: &HandoutItem,
) -> Result<f32> {
    let ex = &item.exercise;
    let mut ly = y;
    for (k, r) in ex.images.iter().enumerate() {
        let (iw, ih) = cx.picture_size(&r.file)?;
        if k > 0 {
            ly += 2.0 * MM;
        }
        let ph = (w * ih / iw).min(w * 1.3);
        let pw = ph * iw / ih;
        // Every picture is a figure with a description; content without one
        // (a clinic's own photo) falls back to naming the exercise.
        let alt = r
            .alt
            .clone()
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(|| cx.words.picture_alt(&ex.title));
        let figure = f.open(NodeKind::Figure { alt: alt.clone() }, f.parent);
        f.push(
            x + (w - pw) / 2.0,
            ly,
            Item::Image {
                name: r.file.clone(),
                width: pw,
                height: ph,
                alt: Some(alt),
            },
        );
        ly += ph;
        if let Some(cap) = &r.caption {
            let s = cx.small();
            let lines = cx.wrap(
                &[Span::new(cap, s)],
                w,
                &format!("exercise `{}` (caption)", ex.id),
            )?;
            ly += 1.0 * MM;
            f.open(NodeKind::Caption, Some(figure));
            ly += f.lines_centered(x, w, ly, lines, cx.pitch(s.size));
        }
        ly += 1.0 * MM;
    }
    Ok(ly - y)
}
