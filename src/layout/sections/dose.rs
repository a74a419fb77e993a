//! The dose box: the dose set apart with a bar, packed parts in bold.

use crate::error::Result;
use crate::fonts::Weight;
use crate::program::HandoutItem;

use super::super::document::{Color, NodeKind, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// The dose, set apart: a box with a dark bar, one part per line in bold;
/// returns the height used.
pub(crate) fn dose_box(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    item: &HandoutItem,
) -> Result<f32> {
    let t = cx.t;
    let ex = &item.exercise;
    let ds = t.text.dose_pt.0;
    let bar = 4.0;
    let dpad = 1.3 * MM;
    let dose_w = w - bar - 2.0 * dpad;
    let label = cx.style(Weight::Bold, t.text.small_pt.0, cx.colours.primary);
    let mut dose_lines = cx.wrap(
        &[Span::new(cx.words.dose_label(), label)],
        dose_w,
        "a label",
    )?;
    let label_n = dose_lines.len();
    // Parts share a line when they fit ("daily · each side").
    let dose_style = cx.style(Weight::Bold, ds, cx.colours.text);
    let mut packed: Vec<String> = Vec::new();
    for part in item.dose.parts(cx.words) {
        if let Some(last) = packed.last_mut() {
            let joined = format!("{last} · {part}");
            if cx.measure(&joined, dose_style)? <= dose_w {
                *last = joined;
                continue;
            }
        }
        packed.push(part);
    }
    for line in packed {
        dose_lines.extend(cx.wrap(
            &[Span::new(line, dose_style)],
            dose_w,
            &format!("exercise `{}` (dose)", ex.id),
        )?);
    }
    let label_pitch = label.size * 1.1;
    let dh = label_n as f32 * label_pitch
        + (dose_lines.len() - label_n) as f32 * cx.pitch(ds)
        + 2.0 * dpad;
    let (fill, stroke) = if t.style.fills {
        (Some(cx.colours.tint), None)
    } else {
        (Some(Color::WHITE), Some((cx.colours.text, 1.2)))
    };
    f.shape(
        x,
        y,
        Shape {
            width: w,
            height: dh,
            fill,
            stroke,
            radius: 0.0,
        },
    );
    f.shape(
        x,
        y,
        Shape {
            width: bar,
            height: dh,
            fill: Some(cx.colours.primary),
            stroke: None,
            radius: 0.0,
        },
    );
    f.open(NodeKind::Paragraph, f.parent);
    let mut dy = y + dpad;
    for (k, l) in dose_lines.into_iter().enumerate() {
        let p = if k < label_n {
            label_pitch
        } else {
            cx.pitch(ds)
        };
        dy += f.lines(x + bar + dpad, dy, vec![l], p);
    }
    Ok(dh)
}
