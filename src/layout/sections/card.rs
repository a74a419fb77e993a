//! One exercise card: its outline, number and title, and the words (aim,
//! start, steps, tips, progressions, the clinician's note), with the
//! pictures, dose and video code placed beside or above them.

use crate::content::PicturePlace;
use crate::error::Result;
use crate::fonts::Weight;
use crate::program::HandoutItem;

use super::super::document::{ArtifactKind, Color, Item, NodeKind, Placed, Role, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;
use super::dose::dose_box;
use super::pictures::pictures;
use super::qr::video_code;

/// One exercise card, `cx.width` wide.
///
/// With pictures on the left (standard, large print): pictures, the dose and the
/// video code in a column beside the words. With pictures on top (compact): a
/// small picture with the title and dose beside it, the words underneath.
pub(crate) fn card(cx: &Ctx, index: usize, item: &HandoutItem) -> Result<Frame> {
    let t = cx.t;
    let w = cx.width;
    let pad = t.card.padding_mm.0 * MM;
    let inner = w - 2.0 * pad;
    let mut f = Frame::new(w);
    // Reading order: title, words, dose, pictures, video.
    let section = f.node(NodeKind::Section, None);
    f.parent = Some(section);
    let pic_w = (t.card.picture_width_mm.0 * MM).min(inner * 0.6);
    let gap = t.card.gap_mm.0 * MM;
    let height = match t.layout.picture {
        PicturePlace::Left => {
            let text_x = pad + pic_w + gap;
            let text_w = inner - pic_w - gap;
            let mut ty = pad + title_row(cx, &mut f, text_x, pad, text_w, index, item)?;
            ty += 1.5 * MM;
            ty += words(cx, &mut f, text_x, ty, text_w, item)?;
            let mut pics = Frame::default();
            let mut ly = pad + pictures(cx, &mut pics, pad, pad, pic_w, item)?;
            ly += dose_box(cx, &mut f, pad, ly, pic_w, item)?;
            f.absorb(pics, 0.0, 0.0, Some(section));
            if let Some(url) = item.video.as_ref().filter(|_| t.sections.video) {
                ly += 2.5 * MM;
                ly += video_code(cx, &mut f, pad, ly, pic_w, url, false)?;
            }
            ty.max(ly) + pad
        }
        PicturePlace::Top => {
            let side_x = pad + pic_w + gap;
            let side_w = inner - pic_w - gap;
            let mut sy = pad + title_row(cx, &mut f, side_x, pad, side_w, index, item)?;
            sy += 1.5 * MM;
            sy += dose_box(cx, &mut f, side_x, sy, side_w, item)?;
            let py = pad + pictures(cx, &mut f, pad, pad, pic_w, item)?;
            let mut y = sy.max(py) + 1.5 * MM;
            y += words(cx, &mut f, pad, y, inner, item)?;
            if let Some(url) = item.video.as_ref().filter(|_| t.sections.video) {
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
    Ok(f)
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
    let d = hs * 1.7;
    let title_x = x + d + 2.0 * MM;
    let heading = cx.style(Weight::Bold, hs, cx.colours.primary);
    let title_lines = cx.wrap(
        &[Span::new(&ex.title, heading)],
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
/// note; returns the height used.
fn words(cx: &Ctx, f: &mut Frame, x: f32, y: f32, w: f32, item: &HandoutItem) -> Result<f32> {
    let t = cx.t;
    let ex = &item.exercise;
    let ctx = |part: &str| format!("exercise `{}` ({part})", ex.id);
    let body = cx.body();
    let bold = cx.bold();
    let pitch = cx.pitch(body.size);
    let para_gap = body.size * 0.4;
    let mut ty = y;
    let labelled =
        |f: &mut Frame, ty: &mut f32, label: &str, text: &str, part: &str| -> Result<()> {
            let mut spans = Vec::new();
            if !label.is_empty() {
                spans.push(Span::new(label, bold));
            }
            spans.push(Span::new(text, body));
            let lines = cx.wrap(&spans, w, &ctx(part))?;
            f.open(NodeKind::Paragraph, f.parent);
            *ty += f.lines(x, *ty, lines, pitch) + para_gap;
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
        let li = f.node(NodeKind::ListItem, Some(list));
        let n = cx.wrap(
            &[Span::new(format!("{}.", k + 1), bold)],
            num_w * 2.0,
            "a number",
        )?;
        f.open(NodeKind::Label, Some(li));
        f.lines(x, ty, n, pitch);
        let lines = cx.wrap(&[Span::new(step, body)], w - num_w, &ctx("steps"))?;
        f.open(NodeKind::ListBody, Some(li));
        ty += f.lines(x + num_w, ty, lines, pitch) + para_gap * 0.4;
    }
    ty += para_gap * 0.6;
    if t.sections.tips {
        for tip in &ex.tips {
            labelled(
                f,
                &mut ty,
                &format!("{} ", cx.words.card_tip()),
                tip,
                "tips",
            )?;
        }
    }
    if t.sections.progressions {
        if let Some(e) = &ex.easier {
            labelled(
                f,
                &mut ty,
                &format!("{} ", cx.words.card_easier()),
                e,
                "easier",
            )?;
        }
        if let Some(h) = &ex.harder {
            labelled(
                f,
                &mut ty,
                &format!("{} ", cx.words.card_harder()),
                h,
                "harder",
            )?;
        }
    }
    if let Some(note) = &item.note {
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
