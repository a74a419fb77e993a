//! An exercise's pictures, each a figure with its alt text and caption: the
//! clinic's own pictures where the exercise names some, else the figure drawn
//! from its poses.

use crate::content::{Exercise, Rgb};
use crate::error::{Error, Result};
use crate::figure::{Drawing, PathCmd};
use crate::program::HandoutItem;

use super::super::document::{Item, NodeKind, Path, Segment, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// The tallest a picture may be, as a share of the column's width.
const MAX_TALL: f32 = 1.3;

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
    pictures_of(cx, f, x, y, w, &item.exercise)
}

/// [`pictures`] of an exercise.
pub(crate) fn pictures_of(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    ex: &Exercise,
) -> Result<f32> {
    if ex.images.is_empty() {
        if let Some(spec) = &ex.figure {
            let p = cx.colours.primary;
            let drawing = cx
                .figures
                .get(&ex.id, spec, Rgb(p.0, p.1, p.2))
                .map_err(|e| Error::Figure {
                    exercise: ex.id.clone(),
                    message: e.to_string(),
                })?;
            let alt = spec
                .alt
                .clone()
                .filter(|a| !a.trim().is_empty())
                .unwrap_or_else(|| cx.words.picture_alt(&ex.title));
            f.open(NodeKind::Figure { alt }, f.parent);
            let h = figure(f, &drawing, x, y, w);
            return Ok(h + 1.0 * MM);
        }
    }
    let mut ly = y;
    for (k, r) in ex.images.iter().enumerate() {
        let (iw, ih) = cx.picture_size(&r.file)?;
        if k > 0 {
            ly += 2.0 * MM;
        }
        let ph = (w * ih / iw).min(w * MAX_TALL);
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

/// A drawn figure scaled into a column `w` wide (and at most 1.3 times as
/// tall), centred; its paths join the frame's open node. Returns the height.
fn figure(f: &mut Frame, d: &Drawing, x: f32, y: f32, w: f32) -> f32 {
    if d.width <= 0.0 || d.height <= 0.0 {
        return 0.0;
    }
    let mut ph = w * d.height / d.width;
    if ph > w * MAX_TALL {
        ph = w * MAX_TALL;
    }
    let pw = ph * d.width / d.height;
    let scale = pw / d.width;
    let p = |v: f32| v * scale;
    for shape in &d.paths {
        let segments = shape
            .cmds
            .iter()
            .map(|c| match *c {
                PathCmd::MoveTo(a, b) => Segment::Move(p(a), p(b)),
                PathCmd::LineTo(a, b) => Segment::Line(p(a), p(b)),
                PathCmd::CubicTo(a, b, c, d, e, g) => {
                    Segment::Cubic(p(a), p(b), p(c), p(d), p(e), p(g))
                }
                PathCmd::Close => Segment::Close,
            })
            .collect();
        f.push(
            x + (w - pw) / 2.0,
            y,
            Item::Path(Path {
                segments,
                fill: shape.fill.map(Into::into),
                stroke: shape.stroke.map(|(c, sw)| (c.into(), p(sw))),
                width: pw,
                height: ph,
            }),
        );
    }
    ph
}
