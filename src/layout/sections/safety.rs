//! The "stop and call us" safety box: what the warning signs mean, the
//! signs, the clinic's phone, what is normal, and where to get urgent help
//! (the emergency number).

use crate::error::Result;
use crate::fonts::Weight;

use super::super::document::{ArtifactKind, Color, Item, NodeKind, Placed, Role, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// The safety box; `normal`: with what is normal (when no plan box says it).
/// On a wide page its two columns share the width as makes it least tall.
pub(crate) fn safety(cx: &Ctx, normal: bool) -> Result<Frame> {
    let mut best = safety_split(cx, normal, 0.5)?;
    if cx.width - 2.0 * cx.t.card.padding_mm.0 * MM >= TWO_COLUMNS {
        for share in [0.4, 0.45, 0.56, 0.62, 0.68] {
            let f = safety_split(cx, normal, share)?;
            if f.height < best.height - 0.01 {
                best = f;
            }
        }
    }
    Ok(best)
}

/// The width from which the box has two columns.
const TWO_COLUMNS: f32 = 140.0 * MM;

/// The safety box, the signs taking `share` of the width when in two columns.
///
/// Reading order: the title, what the signs mean, the signs, the phone, what
/// is normal, urgent help. On a wide page the phone shares the title's line
/// (where it fits), the signs fill the left column and the rest the right.
fn safety_split(cx: &Ctx, normal: bool, share: f32) -> Result<Frame> {
    let t = cx.t;
    let s = &cx.clinic.safety;
    let w = cx.width;
    let pad = t.card.padding_mm.0 * MM;
    let inner = w - 2.0 * pad;
    let mut f = Frame::new(w);
    let body = cx.body();
    let pitch = cx.pitch(body.size);
    let hs = t.text.heading_pt.0;
    let two = inner >= TWO_COLUMNS;
    let gap = 6.0 * MM;
    let (left, right) = if two {
        ((inner - gap) * share, (inner - gap) * (1.0 - share))
    } else {
        (inner, inner)
    };
    let section = f.node(NodeKind::Section, None);
    f.open(
        NodeKind::Heading {
            level: 2,
            title: s.title.clone(),
        },
        Some(section),
    );
    let title = cx.wrap(
        &[Span::new(
            &s.title,
            cx.style(Weight::Bold, hs, cx.colours.text),
        )],
        inner,
        "the safety title",
    )?;
    let title_w = title.iter().map(|l| l.width).fold(0.0, f32::max);
    let one_title_line = title.len() == 1;
    let mut y = pad + f.lines(pad, pad, title, cx.pitch(hs)) + 0.5 * MM;
    let title_base = f.items.last().map_or(pad, |p| p.y);

    let meaning = cx.wrap(
        &[Span::new(cx.words.safety_meaning(), body)],
        right,
        "the safety box",
    )?;
    let (meaning_node, meaning_at) = (f.node(NodeKind::Paragraph, Some(section)), y);
    let mut ry = y;
    if two {
        f.role = super::super::document::Role::Node(meaning_node);
        ry += f.lines(pad + left + gap, ry, meaning, pitch) + 1.0 * MM;
    } else {
        f.role = super::super::document::Role::Node(meaning_node);
        y += f.lines(pad, meaning_at, meaning, pitch) + 0.5 * MM;
    }
    let mut ly = y;
    let bullet_w = cx.measure("•", body)? + 2.0 * MM;
    let list = f.node(NodeKind::List { ordered: false }, Some(section));
    for p in &s.points {
        let li = f.node(NodeKind::ListItem, Some(list));
        f.open(NodeKind::Label, Some(li));
        f.lines(
            pad,
            ly,
            cx.wrap(&[Span::new("•", cx.bold())], bullet_w, "a bullet")?,
            pitch,
        );
        let lines = cx.wrap(&[Span::new(p, body)], left - bullet_w, "the safety points")?;
        f.open(NodeKind::ListBody, Some(li));
        ly += f.lines(pad + bullet_w, ly, lines, pitch);
    }
    let rx = if two { pad + left + gap } else { pad };
    if !two {
        ry = ly + 1.5 * MM;
    }
    if !cx.clinic.phone.trim().is_empty() {
        let ds = t.text.dose_pt.0;
        let call = cx.wrap(
            &[Span::new(
                cx.words.safety_call(cx.clinic.phone.trim()),
                cx.style(Weight::Bold, ds, cx.colours.text),
            )],
            if two { right } else { inner },
            "the clinic phone",
        )?;
        f.open(NodeKind::Paragraph, Some(section));
        let call_w = call.iter().map(|l| l.width).fold(0.0, f32::max);
        if two && one_title_line && call.len() == 1 && title_w + gap + call_w <= inner {
            // Beside the title, on its baseline.
            let line = call.into_iter().next().unwrap();
            f.push(pad + inner - call_w, title_base, Item::Text(line));
        } else {
            ry += f.lines(rx, ry, call, cx.pitch(ds)) + 1.0 * MM;
        }
    }
    if normal {
        let normal = s.normal.clone().unwrap_or_else(|| cx.words.safety_normal());
        f.open(NodeKind::Paragraph, Some(section));
        let lines = cx.wrap(&[Span::new(normal, body)], right, "the safety box")?;
        ry += f.lines(rx, ry, lines, pitch) + 1.0 * MM;
    }
    let mut urgent = Vec::new();
    if let Some(u) = &s.urgent {
        urgent.push(Span::new(format!("{} ", u.trim()), body));
    }
    if let Some(n) = crate::words::emergency_number(cx.clinic) {
        urgent.push(Span::new(cx.words.safety_emergency(&n), cx.bold()));
    }
    if !urgent.is_empty() {
        let lines = cx.wrap(&urgent, right, "the urgent advice")?;
        f.open(NodeKind::Paragraph, Some(section));
        ry += f.lines(rx, ry, lines, pitch) + 1.0 * MM;
    }
    let mut y = ly.max(ry - 1.0 * MM);
    if !t.sections.disclaimer_in_footer() && !cx.clinic.disclaimer.trim().is_empty() {
        // The disclaimer, once, across the box, in place of every page's
        // footer.
        let lines = cx.wrap(
            &[Span::new(&cx.clinic.disclaimer, body)],
            inner,
            "the disclaimer",
        )?;
        f.open(NodeKind::Paragraph, Some(section));
        y += 1.5 * MM;
        y += f.lines(pad, y, lines, pitch);
    }
    y += pad;
    f.items.insert(
        0,
        Placed {
            x: 1.0,
            y: 1.0,
            item: Item::Shape(Shape {
                width: w - 2.0,
                height: y - 2.0,
                fill: Some(if t.style.fills {
                    cx.colours.tint
                } else {
                    Color::WHITE
                }),
                stroke: Some((cx.colours.text, 2.0)),
                radius: t.card.corner_mm.0 * MM,
            }),
            role: Role::Artifact(ArtifactKind::Layout),
        },
    );
    f.height = y;
    Ok(f)
}
