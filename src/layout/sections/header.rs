//! The page header (logo, clinic, title, patient fields) and the running
//! header of later pages.

use crate::error::Result;
use crate::fonts::Weight;
use crate::program::Handout;

use super::super::document::{ArtifactKind, Item, NodeKind, Role, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::{self, Span};

pub(crate) fn header(cx: &Ctx, h: &Handout) -> Result<Frame> {
    let t = cx.t;
    let w = cx.width;
    let mut f = Frame {
        width: w,
        ..Default::default()
    };
    let c = cx.clinic;

    // Logo and clinic: the clinic's name is the first heading.
    let clinic_heading = f.node(
        NodeKind::Heading {
            level: 1,
            title: c.name.clone(),
        },
        None,
    );
    let logo_h = t.header.logo_height_mm.0 * MM;
    let mut x = 0.0;
    if let Some(logo) = &c.logo {
        let (iw, ih) = cx.picture_size(logo)?;
        let lw = logo_h * iw / ih;
        f.open(
            NodeKind::Figure {
                alt: cx.words.logo_alt(&c.name),
            },
            None,
        );
        f.push(
            0.0,
            0.0,
            Item::Image {
                name: logo.clone(),
                width: lw,
                height: logo_h,
                alt: Some(cx.words.logo_alt(&c.name)),
            },
        );
        x = lw + 4.0 * MM;
    }
    let name_size = t.text.clinic_pt.0;
    let name_lines = cx.wrap(
        &[Span::new(
            &c.name,
            cx.style(Weight::Bold, name_size, cx.colours.primary),
        )],
        w - x,
        "the clinic name",
    )?;
    f.role = Role::Node(clinic_heading);
    let mut ty = f.lines(x, 0.0, name_lines, cx.pitch(name_size));
    let contact: Vec<&str> = [c.phone.as_str(), c.email.as_str(), c.website.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let small = cx.small();
    let mut details: Vec<&str> = vec![c.address.trim()];
    details.extend(contact);
    details.retain(|d| !d.is_empty());
    if !details.is_empty() {
        let lines = cx.wrap(
            &[Span::new(details.join(" · "), small)],
            w - x,
            "the clinic details",
        )?;
        f.open(NodeKind::Paragraph, None);
        ty += f.lines(x, ty, lines, cx.pitch(small.size));
    }
    let mut y = ty.max(if x > 0.0 { logo_h } else { 0.0 }) + 2.0 * MM;
    f.rule(y, 2.0, cx.colours.primary);
    y += 2.0 + 2.5 * MM;

    // Title.
    // Title, with the program's name beside it when it fits, else under it.
    let title_size = t.text.title_pt.0;
    let title_style = cx.style(Weight::Bold, title_size, cx.colours.text);
    let title_text = cx.words.title();
    let title = cx.wrap(&[Span::new(&title_text, title_style)], w, "the title")?;
    let title_w = title.iter().map(|l| l.width).fold(0.0, f32::max);
    let title_n = title.len();
    f.open(
        NodeKind::Heading {
            level: 1,
            title: title_text,
        },
        None,
    );
    let th = f.lines(0.0, y, title, cx.pitch(title_size));
    if let Some(p) = &h.program_title {
        f.open(NodeKind::Paragraph, None);
        let s = cx.style(Weight::Regular, t.text.heading_pt.0, cx.colours.primary);
        let beside_x = title_w + 4.0 * MM;
        let one = cx.wrap(&[Span::new(p, s)], w - beside_x, "the program title")?;
        if title_n == 1 && one.len() == 1 {
            // Share the title's baseline.
            let line = one.into_iter().next().unwrap();
            let base = f.items.last().map_or(y, |p| p.y);
            f.push(beside_x, base, Item::Text(line));
            y += th;
        } else {
            y += th;
            let lines = cx.wrap(&[Span::new(p, s)], w, "the program title")?;
            y += f.lines(0.0, y, lines, cx.pitch(s.size));
        }
    } else {
        y += th;
    }
    y += 1.5 * MM;

    // Patient, date, clinician: labelled columns.
    let words = cx.words;
    let mut fields = vec![(words.label_patient(), h.patient.clone(), "the patient name")];
    fields.push((words.label_date(), words.long_date(h.date), "the date"));
    if let Some(c) = &h.clinician {
        fields.push((words.label_clinician(), c.clone(), "the clinician name"));
    }
    if let Some(a) = &h.next_appointment {
        fields.push((
            words.label_next_appointment(),
            words.appointment(a.date, a.time),
            "the appointment",
        ));
    }
    let col_gap = 4.0 * MM;
    let label = cx.style(Weight::Regular, t.text.small_pt.0, cx.muted());
    let value = cx.bold();
    // Columns as wide as their text, sharing what is left; when the text is
    // wider than the page, in proportion to it.
    let avail = w - col_gap * (fields.len() as f32 - 1.0);
    let mut natural = Vec::new();
    for (name, val, context) in &fields {
        let n = cx.measure(name, label)?;
        let v = text::measure_in(cx.shaped, cx.fonts, val, value, context)?;
        natural.push(n.max(v) + 0.5);
    }
    let widths = share_widths(&natural, avail);
    let mut col_h: f32 = 0.0;
    let mut cxp = 0.0;
    for (k, (name, val, context)) in fields.into_iter().enumerate() {
        let col_w = widths[k];
        let x0 = cxp;
        cxp += col_w + col_gap;
        let cxp = x0;
        f.open(NodeKind::Paragraph, None);
        let mut cy = f.lines(
            cxp,
            y,
            cx.wrap(&[Span::new(name, label)], col_w, "a label")?,
            cx.pitch(label.size),
        );
        cy += f.lines(
            cxp,
            y + cy,
            cx.wrap(&[Span::new(val, value)], col_w, context)?,
            cx.pitch(value.size),
        );
        col_h = col_h.max(cy);
    }
    y += col_h + 1.5 * MM;
    f.rule(y, 0.75, cx.rule_colour());
    y += 0.75;
    f.height = y;
    Ok(f)
}

/// Share `avail` between columns that would like `natural` widths. When all
/// fit, each gets its width and an equal part of what is left. Otherwise the
/// columns narrower than a fair share keep their width (a name or a date never
/// wraps because another field is long) and the wider ones share the rest.
pub(crate) fn share_widths(natural: &[f32], avail: f32) -> Vec<f32> {
    let n = natural.len();
    let total: f32 = natural.iter().sum();
    if total <= avail {
        let extra = (avail - total) / n as f32;
        return natural.iter().map(|w| w + extra).collect();
    }
    let mut widths: Vec<Option<f32>> = vec![None; n];
    let mut left = avail;
    loop {
        let open = widths.iter().filter(|w| w.is_none()).count();
        if open == 0 {
            break;
        }
        let share = left / open as f32;
        let mut settled = false;
        for (w, &nat) in widths.iter_mut().zip(natural) {
            if w.is_none() && nat <= share {
                *w = Some(nat);
                left -= nat;
                settled = true;
            }
        }
        if !settled {
            let share = left / open as f32;
            for w in widths.iter_mut().filter(|w| w.is_none()) {
                *w = Some(share);
            }
            break;
        }
    }
    widths.into_iter().map(|w| w.unwrap_or(0.0)).collect()
}

pub(crate) fn running_header(cx: &Ctx, h: &Handout) -> Result<Frame> {
    let w = cx.width;
    let mut f = Frame {
        role: Role::Artifact(ArtifactKind::Header),
        ..Frame::new(w)
    };
    let small = cx.small();
    let right_text = format!("{} · {}", h.patient, cx.words.long_date(h.date));
    let right = cx.wrap(
        &[Span::new(
            right_text,
            cx.style(Weight::Bold, small.size, cx.colours.text),
        )],
        w * 0.6,
        "the patient name",
    )?;
    let right_w = right.iter().map(|l| l.width).fold(0.0, f32::max);
    let left = cx.wrap(
        &[Span::new(&cx.clinic.name, small)],
        w - right_w - 6.0 * MM,
        "the clinic name",
    )?;
    let pitch = cx.pitch(small.size);
    let lh = f.lines(0.0, 0.0, left, pitch);
    let rh = f.lines_right(w, 0.0, right, pitch);
    let y = lh.max(rh) + 1.5 * MM;
    f.rule(y, 0.75, cx.rule_colour());
    f.height = y + 0.75 + 4.0 * MM;
    Ok(f)
}
