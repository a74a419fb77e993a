//! One exercise card: its outline, number and title, and the words (aim,
//! start, steps, tips, progressions, the clinician's note), with the
//! pictures, dose and video code placed beside or above them.

use crate::content::PicturePlace;
use crate::error::Result;
use crate::fonts::Weight;
use crate::program::HandoutItem;

use super::super::document::{ArtifactKind, Color, Item, NodeKind, Placed, Role, Shape, MM};
use super::super::frame::{Frame, Split};
use super::super::style::Ctx;
use super::super::text::Span;
use super::dose::dose_band;
use super::pictures::{
    has_picture, picture_aspect, picture_key, pictures, pictures_sized, pictures_width, MAX_TALL,
};
use super::qr::video_code;

/// One exercise card, `cx.width` wide, and where it may be cut across pages.
///
/// With pictures on the left (standard, large print, compact): the pictures
/// (with the key on the first card) in a column beside the title, "How much"
/// and the words, which run across the card once they are below the
/// pictures; a wide picture gets a wider column where the template sets a
/// least height (large print). With pictures on top: a small picture with
/// the title and dose beside it, the words underneath.
pub(crate) fn card(cx: &Ctx, index: usize, item: &HandoutItem) -> Result<(Frame, Option<Split>)> {
    let t = cx.t;
    let w = cx.width;
    let pad = t.card.padding_mm.0 * MM;
    let inner = w - 2.0 * pad;
    let mut f = Frame::new(w);
    // Reading order: title, dose, words, pictures, video.
    let section = f.node(NodeKind::Section, None);
    f.parent = Some(section);
    let ex = &item.exercise;
    let mut pic_w = (t.card.picture_width_mm.0 * MM).min(inner * 0.6);
    // A wide picture (a figure lying down) that the column would make less
    // tall than the template's least height gets a wider column, up to half
    // the card; the words run beside it all the same.
    if let (PicturePlace::Left, Some(min)) = (t.layout.picture, t.card.picture_height_mm) {
        if let Some(a) = picture_aspect(cx, ex)?.filter(|a| *a > 0.0) {
            if a * pic_w < min.0 * MM {
                pic_w = (min.0 * MM / a).min(inner * 0.5);
            }
        }
    }
    let gap = t.card.gap_mm.0 * MM;
    let key = index == 0 && has_picture(ex);
    let video = item.video.as_ref().filter(|_| t.sections.video);
    let mut cuts = Vec::new();
    let height = match t.layout.picture {
        PicturePlace::Left => {
            // A tall picture (a figure standing) is only as wide as it needs
            // to be, and the words take the rest; the key keeps its width.
            let tallest = pic_w * MAX_TALL;
            let col_w = if key || !has_picture(ex) {
                pic_w
            } else {
                pictures_width(cx, ex, pic_w, tallest)?.clamp(pic_w * 0.6, pic_w)
            };
            let text_x = pad + col_w + gap;
            let text_w = inner - col_w - gap;
            let mut pics = Frame::default();
            let mut ly = pad + pictures_sized(cx, &mut pics, pad, pad, col_w, tallest, ex)?;
            if key {
                pics.parent = pics
                    .nodes
                    .iter()
                    .rposition(|n| matches!(n.kind, NodeKind::Figure { .. }));
                ly += picture_key(cx, &mut pics, pad, ly, pic_w)? + 1.0 * MM;
            }
            let mut ty = pad + title_row(cx, &mut f, text_x, pad, text_w, index, item)?;
            ty += 1.5 * MM;
            ty += dose_band(cx, &mut f, text_x, ty, text_w, item)? + 1.2 * MM;
            f.absorb(pics, 0.0, 0.0, Some(section));
            if let Some(url) = video {
                ly += 1.5 * MM;
                ly += video_code(cx, &mut f, pad, ly, pic_w, url, false)?;
            }
            // Below the pictures the words take the card's width.
            let full = Column {
                from: ly + 1.0 * MM,
                x: pad,
                w: inner,
            };
            ty += words(
                cx,
                &mut f,
                (text_x, text_w),
                Some(full),
                ty,
                item,
                &mut cuts,
            )?;
            cuts.retain(|c| *c >= full.from);
            ty.max(ly) + pad
        }
        PicturePlace::Top => {
            let side_x = pad + pic_w + gap;
            let side_w = inner - pic_w - gap;
            let mut sy = pad + title_row(cx, &mut f, side_x, pad, side_w, index, item)?;
            sy += 1.5 * MM;
            sy += dose_band(cx, &mut f, side_x, sy, side_w, item)?;
            let mut py = pad + pictures(cx, &mut f, pad, pad, pic_w, item)?;
            if key {
                f.parent = f
                    .nodes
                    .iter()
                    .rposition(|n| matches!(n.kind, NodeKind::Figure { .. }));
                py += picture_key(cx, &mut f, pad, py, pic_w)?;
                f.parent = Some(section);
            }
            let mut y = sy.max(py) + 1.5 * MM;
            y += words(cx, &mut f, (pad, inner), None, y, item, &mut cuts)?;
            if let Some(url) = video {
                y += 2.0 * MM;
                y += video_code(cx, &mut f, pad, y, inner, url, true)?;
            }
            y + pad
        }
    };
    // The card's outline goes first, under everything.
    let border = t.card.border_pt.0;
    f.items.insert(
        0,
        Placed {
            x: border / 2.0,
            y: border / 2.0,
            item: Item::Shape(Shape {
                width: w - border,
                height: height - border,
                fill: None,
                stroke: Some((cx.rule_colour(), border)),
                radius: t.card.corner_mm.0 * MM,
            }),
            role: Role::Artifact(ArtifactKind::Layout),
        },
    );
    f.height = height;
    // No cut that would leave only the last lines, or only the title.
    cuts.retain(|c| *c < height - pad - 0.01);
    let split = if cuts.is_empty() {
        None
    } else {
        Some(Split {
            cuts,
            head: continued_head(cx, ex, w, pad)?,
            pad,
        })
    };
    Ok((f, split))
}

/// The title of a card's part on a later page, "Clams (continued)": page
/// furniture, not read out again.
fn continued_head(cx: &Ctx, ex: &crate::content::Exercise, w: f32, pad: f32) -> Result<Frame> {
    let hs = cx.t.text.heading_pt.0;
    let mut f = Frame {
        role: Role::Artifact(ArtifactKind::Header),
        ..Frame::new(w)
    };
    let lines = cx.wrap(
        &[Span::new(
            cx.words.card_continued(&ex.title),
            cx.style(Weight::Bold, hs, cx.colours.primary),
        )],
        w - 2.0 * pad,
        &format!("exercise `{}` (title)", ex.id),
    )?;
    f.height = pad + f.lines(pad, pad, lines, cx.pitch(hs)) + 1.5 * MM;
    Ok(f)
}

/// Where the words go once they are below the pictures.
#[derive(Clone, Copy)]
struct Column {
    from: f32,
    x: f32,
    w: f32,
}

/// The card's number in a circle and its title; returns the height used.
fn title_row(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    index: usize,
    item: &HandoutItem,
) -> Result<f32> {
    let ex = &item.exercise;
    let hs = cx.t.text.heading_pt.0;
    let d = hs * 1.5;
    let title_x = x + d + 2.0 * MM;
    let heading = cx.style(Weight::Bold, hs, cx.colours.primary);
    let mut spans = vec![Span::new(&ex.title, heading)];
    if let Some(also) = ex
        .also_called
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty() && cx.t.sections.also_called)
    {
        // The clinical name, in brackets, smaller and lighter.
        let size = cx.t.text.small_pt.0.max(hs * 0.7);
        spans.push(Span::new(
            format!(" {}", cx.words.card_also_called(also)),
            cx.style(Weight::Regular, size, cx.muted()),
        ));
    }
    let title_lines = cx.wrap(
        &spans,
        w - d - 2.0 * MM,
        &format!("exercise `{}` (title)", ex.id),
    )?;
    let title_h = title_lines.len() as f32 * cx.pitch(hs);
    let row = d.max(title_h);
    f.shape(
        x,
        y + (row - d) / 2.0,
        Shape {
            width: d,
            height: d,
            fill: Some(if cx.t.style.fills {
                cx.colours.tint
            } else {
                Color::WHITE
            }),
            stroke: Some((cx.colours.primary, 1.5)),
            radius: d / 2.0,
        },
    );
    // The number and the title read as one heading: "1 Clams".
    f.open(
        NodeKind::Heading {
            level: 2,
            title: ex.title.clone(),
        },
        f.parent,
    );
    let num = cx.wrap(
        &[Span::new((index + 1).to_string(), heading)],
        d * 2.0,
        "a number",
    )?;
    if let Some(n) = num.into_iter().next() {
        let baseline = y + row / 2.0 + (n.ascent - n.descent) / 2.0 - hs * 0.05;
        f.push(x + (d - n.width) / 2.0, baseline, Item::Text(n));
    }
    f.lines(
        title_x,
        y + (row - title_h) / 2.0,
        title_lines,
        cx.pitch(hs),
    );
    Ok(row)
}

/// Aim, start position, numbered steps, tips, progressions and the clinician's
/// note, in `col` (x, width), or in `full` once they are below its `from`;
/// returns the height used. The top of each step and of each paragraph after
/// the steps go in `cuts`: where the card may be cut.
fn words(
    cx: &Ctx,
    f: &mut Frame,
    col: (f32, f32),
    full: Option<Column>,
    y: f32,
    item: &HandoutItem,
    cuts: &mut Vec<f32>,
) -> Result<f32> {
    let t = cx.t;
    let ex = &item.exercise;
    let ctx = |part: &str| format!("exercise `{}` ({part})", ex.id);
    let body = cx.body();
    let bold = cx.bold();
    let pitch = cx.pitch(body.size);
    let para_gap = body.size * 0.4;
    let at = |ty: f32| match full {
        Some(c) if ty >= c.from => (c.x, c.w),
        _ => col,
    };
    // A paragraph that starts beside the pictures keeps to the column while
    // its lines start above the pictures' foot, then runs across the card:
    // (x, width) of its first `n` lines, `n`, and (x, width) of the rest.
    let around = |ty: f32| -> ((f32, f32), usize, (f32, f32)) {
        match full {
            Some(c) if ty < c.from => (col, ((c.from - ty) / pitch).ceil() as usize, (c.x, c.w)),
            Some(c) => (col, 0, (c.x, c.w)),
            None => (col, usize::MAX, col),
        }
    };
    // `spans` in lines from `ty`, `indent` in from the left; the lines, how
    // many of them are beside the pictures, and the x of those and of the
    // rest. A paragraph that would have only its first line beside the
    // pictures starts below them instead (a short line over long ones reads
    // as an indent, not as words around a picture); `ty` moves down. One
    // that takes as many lines in the column as around the pictures keeps to
    // the column (no last word alone out at the card's edge).
    let flow = |ty: &mut f32, spans: &[Span], indent: f32, part: &str| {
        let ((nx, nw), n, (wx, ww)) = around(*ty);
        let xs = (nx + indent, wx + indent);
        let lines = cx.wrap_around(spans, (nw - indent, n), ww - indent, &ctx(part))?;
        if n == 0 || n >= lines.len() {
            return Ok::<_, crate::error::Error>((lines, n, xs));
        }
        let narrow = cx.wrap(spans, nw - indent, &ctx(part))?;
        if narrow.len() == lines.len() {
            return Ok((narrow, usize::MAX, xs));
        }
        match full {
            Some(c) if n == 1 => {
                *ty = c.from;
                let lines = cx.wrap(spans, ww - indent, &ctx(part))?;
                Ok((lines, 0, (wx + indent, wx + indent)))
            }
            _ => Ok((lines, n, xs)),
        }
    };
    let mut ty = y;
    let labelled =
        |f: &mut Frame, ty: &mut f32, label: &str, text: &str, part: &str| -> Result<()> {
            let mut spans = Vec::new();
            if !label.is_empty() {
                spans.push(Span::new(label, bold));
            }
            spans.push(Span::new(text, body));
            let (lines, n, xs) = flow(ty, &spans, 0.0, part)?;
            f.open(NodeKind::Paragraph, f.parent);
            *ty += f.lines_around(xs, n, *ty, lines, pitch) + para_gap;
            Ok(())
        };
    if t.sections.aim {
        labelled(f, &mut ty, "", &ex.aim, "aim")?;
    }
    if let Some(start) = &ex.start {
        labelled(
            f,
            &mut ty,
            &format!("{} ", cx.words.card_start()),
            start,
            "start",
        )?;
    }
    let num_w = cx.measure(&format!("{}.", ex.steps.len().max(9)), bold)? + 1.5 * MM;
    let list = f.node(NodeKind::List { ordered: true }, f.parent);
    for (k, step) in ex.steps.iter().enumerate() {
        let (lines, narrow, (nx, wx)) = flow(&mut ty, &[Span::new(step, body)], num_w, "steps")?;
        cuts.push(ty);
        let li = f.node(NodeKind::ListItem, Some(list));
        let n = cx.wrap(
            &[Span::new(format!("{}.", k + 1), bold)],
            num_w * 2.0,
            "a number",
        )?;
        f.open(NodeKind::Label, Some(li));
        f.lines(if narrow > 0 { nx } else { wx } - num_w, ty, n, pitch);
        f.open(NodeKind::ListBody, Some(li));
        ty += f.lines_around((nx, wx), narrow, ty, lines, pitch) + para_gap * 0.4;
    }
    ty += para_gap * 0.6;
    let mut extra: Vec<(String, &str, &str)> = Vec::new();
    // When to stop or hold on: printed in every template, as one paragraph.
    let cautions = ex.cautions.join(" ");
    if !cautions.trim().is_empty() {
        extra.push((
            format!("{} ", cx.words.card_caution()),
            &cautions,
            "cautions",
        ));
    }
    if t.sections.tips {
        for tip in &ex.tips {
            extra.push((format!("{} ", cx.words.card_tip()), tip, "tips"));
        }
    }
    if t.sections.progressions {
        if let Some(e) = &ex.easier {
            extra.push((format!("{} ", cx.words.card_easier()), e, "easier"));
        }
        if let Some(h) = &ex.harder {
            extra.push((format!("{} ", cx.words.card_harder()), h, "harder"));
        }
    }
    for (label, text, part) in extra {
        cuts.push(ty);
        labelled(f, &mut ty, &label, text, part)?;
    }
    if let Some(note) = &item.note {
        cuts.push(ty);
        let (x, w) = at(ty);
        let bar = 3.0;
        let lines = cx.wrap(
            &[
                Span::new(format!("{} ", cx.words.card_note()), bold),
                Span::new(note, body),
            ],
            w - bar - 2.0 * MM,
            &format!("the note for exercise `{}`", ex.id),
        )?;
        let h = lines.len() as f32 * pitch;
        f.shape(
            x,
            ty,
            Shape {
                width: bar,
                height: h,
                fill: Some(cx.colours.primary),
                stroke: None,
                radius: 0.0,
            },
        );
        f.open(NodeKind::Paragraph, f.parent);
        ty += f.lines(x + bar + 2.0 * MM, ty, lines, pitch) + para_gap;
    }
    Ok(ty - para_gap - y)
}
