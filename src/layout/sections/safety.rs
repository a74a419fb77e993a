//! The "stop and call us" safety box: what the warning signs mean, the
//! signs, the clinic's phone, what is normal, and where to get urgent help
//! (the emergency number).

use crate::error::Result;
use crate::fonts::Weight;

use super::super::document::{ArtifactKind, Color, Item, NodeKind, Placed, Role, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

pub(crate) fn safety(cx: &Ctx) -> Result<Frame> {
    let t = cx.t;
    let s = &cx.clinic.safety;
    let w = cx.width;
    let pad = t.card.padding_mm.0 * MM;
    let inner = w - 2.0 * pad;
    let mut f = Frame {
        width: w,
        ..Default::default()
    };
    let body = cx.body();
    let pitch = cx.pitch(body.size);
    let hs = t.text.heading_pt.0;
    let mut y = pad;
    let title = cx.wrap(
        &[Span::new(
            &s.title,
            cx.style(Weight::Bold, hs, cx.colours.text),
        )],
        inner,
        "the safety title",
    )?;
    let section = f.node(NodeKind::Section, None);
    f.open(
        NodeKind::Heading {
            level: 2,
            title: s.title.clone(),
        },
        Some(section),
    );
    y += f.lines(pad, y, title, cx.pitch(hs)) + 0.5 * MM;
    // On a wide page, two columns: the signs; what to do.
    let two = inner >= 140.0 * MM;
    let gap = 6.0 * MM;
    let col = if two { (inner - gap) / 2.0 } else { inner };
    let meaning = cx.wrap(
        &[Span::new(cx.words.safety_meaning(), body)],
        inner,
        "the safety box",
    )?;
    f.open(NodeKind::Paragraph, Some(section));
    y += f.lines(pad, y, meaning, pitch) + 0.5 * MM;
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
        let lines = cx.wrap(&[Span::new(p, body)], col - bullet_w, "the safety points")?;
        f.open(NodeKind::ListBody, Some(li));
        ly += f.lines(pad + bullet_w, ly, lines, pitch);
    }
    let (rx, mut ry) = if two {
        (pad + col + gap, y)
    } else {
        (pad, ly + 1.5 * MM)
    };
    if !cx.clinic.phone.trim().is_empty() {
        let ds = t.text.dose_pt.0;
        let lines = cx.wrap(
            &[Span::new(
                cx.words.safety_call(cx.clinic.phone.trim()),
                cx.style(Weight::Bold, ds, cx.colours.text),
            )],
            col,
            "the clinic phone",
        )?;
        f.open(NodeKind::Paragraph, Some(section));
        ry += f.lines(rx, ry, lines, cx.pitch(ds)) + 1.0 * MM;
    }
    let normal = s.normal.clone().unwrap_or_else(|| cx.words.safety_normal());
    f.open(NodeKind::Paragraph, Some(section));
    ry += f.lines(
        rx,
        ry,
        cx.wrap(&[Span::new(normal, body)], col, "the safety box")?,
        pitch,
    );
    let mut urgent = Vec::new();
    if let Some(u) = &s.urgent {
        urgent.push(Span::new(format!("{} ", u.trim()), body));
    }
    if let Some(n) = crate::words::emergency_number(cx.clinic) {
        urgent.push(Span::new(cx.words.safety_emergency(&n), cx.bold()));
    }
    if !urgent.is_empty() {
        ry += 1.0 * MM;
        let lines = cx.wrap(&urgent, col, "the urgent advice")?;
        f.open(NodeKind::Paragraph, Some(section));
        ry += f.lines(rx, ry, lines, pitch);
    }
    y = ly.max(ry);
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
