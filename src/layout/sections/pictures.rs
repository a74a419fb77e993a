//! An exercise's pictures, each a figure with its alt text and caption: the
//! clinic's own pictures where the exercise names some, else the figure drawn
//! from its poses.

use crate::content::Exercise;
use crate::error::{Error, Result};
use crate::figure::{Drawing, FigureStyle, PathCmd};
use crate::program::HandoutItem;

use super::super::document::{ArtifactKind, Item, NodeKind, Path, Role, Segment, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// The tallest a picture may be, as a share of the column's width.
pub(crate) const MAX_TALL: f32 = 1.15;

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
    pictures_sized(cx, f, x, y, w, w * MAX_TALL, ex)
}

/// The drawn figure of an exercise that shows one (no pictures of its own).
fn drawing(cx: &Ctx, ex: &Exercise) -> Result<Option<std::sync::Arc<Drawing>>> {
    let (true, Some(spec)) = (ex.images.is_empty(), &ex.figure) else {
        return Ok(None);
    };
    let p = cx.colours.primary;
    cx.figures
        .get(&ex.id, spec, p.into())
        .map(Some)
        .map_err(|e| Error::Figure {
            exercise: ex.id.clone(),
            message: e.to_string(),
        })
}

/// The height of an exercise's first picture over its width, if it shows one.
pub(crate) fn picture_aspect(cx: &Ctx, ex: &Exercise) -> Result<Option<f32>> {
    if let Some(d) = drawing(cx, ex)? {
        return Ok((d.width > 0.0).then(|| d.height / d.width));
    }
    match ex.images.first() {
        Some(r) => {
            let (iw, ih) = cx.picture_size(&r.file)?;
            Ok((iw > 0.0).then(|| ih / iw))
        }
        None => Ok(None),
    }
}

/// Whether an exercise shows a picture.
pub(crate) fn has_picture(ex: &Exercise) -> bool {
    !ex.images.is_empty() || ex.figure.is_some()
}

/// How wide the pictures of an exercise are when they may be `w` wide and
/// `max_h` tall.
pub(crate) fn pictures_width(cx: &Ctx, ex: &Exercise, w: f32, max_h: f32) -> Result<f32> {
    let fit = |iw: f32, ih: f32| (w * ih / iw).min(max_h) * iw / ih;
    if let Some(d) = drawing(cx, ex)? {
        if d.width > 0.0 && d.height > 0.0 {
            return Ok(fit(d.width, d.height));
        }
        return Ok(0.0);
    }
    let mut widest: f32 = 0.0;
    for r in &ex.images {
        let (iw, ih) = cx.picture_size(&r.file)?;
        widest = widest.max(fit(iw, ih));
    }
    Ok(widest)
}

/// [`pictures_of`], each picture at most `max_h` tall.
pub(crate) fn pictures_sized(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    max_h: f32,
    ex: &Exercise,
) -> Result<f32> {
    if let Some(spec) = ex.figure.as_ref().filter(|_| ex.images.is_empty()) {
        if let Some(drawing) = drawing(cx, ex)? {
            let alt = spec
                .alt
                .clone()
                .filter(|a| !a.trim().is_empty())
                .unwrap_or_else(|| cx.words.picture_alt(&ex.title));
            f.open(NodeKind::Figure { alt }, f.parent);
            let h = figure(f, &drawing, x, y, w, max_h);
            return Ok(h + 1.0 * MM);
        }
    }
    let mut ly = y;
    for (k, r) in ex.images.iter().enumerate() {
        let (iw, ih) = cx.picture_size(&r.file)?;
        if k > 0 {
            ly += 2.0 * MM;
        }
        let ph = (w * ih / iw).min(max_h);
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

/// A drawn figure scaled into a column `w` wide (and at most `max_h`
/// tall), centred; its paths join the frame's open node. Returns the height.
fn figure(f: &mut Frame, d: &Drawing, x: f32, y: f32, w: f32, max_h: f32) -> f32 {
    if d.width <= 0.0 || d.height <= 0.0 {
        return 0.0;
    }
    let ph = (w * d.height / d.width).min(max_h);
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

/// The key to the pictures, one line where it fits: a light grey swatch
/// "where you start", an arrow "which way to move", in the figures' own
/// colours; a caption of the figure open before it. Returns the height used.
pub(crate) fn picture_key(cx: &Ctx, f: &mut Frame, x: f32, y: f32, w: f32) -> Result<f32> {
    let p = cx.colours.primary;
    let style = FigureStyle::new(p.into());
    let small = cx.body();
    let pitch = cx.pitch(small.size);
    let icon = small.size * 1.1;
    let words = [cx.words.picture_key_start(), cx.words.picture_key_move()];
    // The key is read as one sentence; the icons are decoration.
    let figure = f.parent;
    let caption = f.node(NodeKind::Caption, figure);
    let mut cx0 = x;
    let mut top = y;
    let mut first = true;
    for (k, label) in words.iter().enumerate() {
        let lines = cx.wrap(
            &[Span::new(label, small)],
            w - icon - 1.5 * MM,
            "the picture key",
        )?;
        let lw = lines.iter().map(|l| l.width).fold(0.0, f32::max);
        let need = icon + 1.5 * MM + lw;
        if !first && cx0 + need > x + w {
            cx0 = x;
            top += pitch;
        }
        let iy = top + (pitch - icon) / 2.0;
        f.role = Role::Artifact(ArtifactKind::Layout);
        if k == 0 {
            f.shape(
                cx0,
                iy + icon * 0.15,
                Shape {
                    width: icon,
                    height: icon * 0.7,
                    fill: Some(style.ghost.into()),
                    stroke: Some((style.ghost_far.into(), 0.5)),
                    radius: icon * 0.2,
                },
            );
        } else {
            // A shaft and a head, pointing right.
            let (a, m, t, hh) = (icon * 0.5, icon * 0.16, icon * 0.4, icon * 0.3);
            f.push(
                cx0,
                iy,
                Item::Path(Path {
                    segments: vec![
                        Segment::Move(0.0, a - m / 2.0),
                        Segment::Line(icon - t, a - m / 2.0),
                        Segment::Line(icon - t, a - hh),
                        Segment::Line(icon, a),
                        Segment::Line(icon - t, a + hh),
                        Segment::Line(icon - t, a + m / 2.0),
                        Segment::Line(0.0, a + m / 2.0),
                        Segment::Close,
                    ],
                    fill: Some(style.arrow.into()),
                    stroke: None,
                    width: icon,
                    height: icon,
                }),
            );
        }
        f.role = Role::Node(caption);
        let n = lines.len();
        f.lines(cx0 + icon + 1.5 * MM, top, lines, pitch);
        top += (n.max(1) - 1) as f32 * pitch;
        cx0 += need + 4.0 * MM;
        first = false;
    }
    Ok(top + pitch - y)
}
