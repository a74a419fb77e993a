//! The footer: disclaimer, phone and "Page N of M".

use crate::error::Result;
use crate::fonts::Weight;

use super::super::document::{ArtifactKind, Role, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

fn footer_spans(cx: &Ctx, page: usize, of: usize) -> Vec<Span> {
    let small = cx.small();
    let mut right = Vec::new();
    if !cx.clinic.phone.trim().is_empty() {
        right.push(Span::new(
            cx.words.footer_tel(cx.clinic.phone.trim()),
            cx.style(Weight::Bold, small.size, cx.colours.text),
        ));
    }
    right.push(Span::new(cx.words.footer_page(page, of), small));
    right
}

/// The width of the footer's right column: the same on every page.
pub(crate) fn footer_right_width(cx: &Ctx) -> Result<f32> {
    let mut w: f32 = 0.0;
    for s in footer_spans(cx, 88, 88) {
        w = w.max(cx.measure(&s.text, s.style)?);
    }
    Ok(w.min(cx.width * 0.35))
}

/// The footer of page `page` of `of`: the disclaimer on the left and the
/// phone and page number on the right; when the template prints the
/// disclaimer in the safety box instead, one line: the phone on the left,
/// the page number on the right.
pub(crate) fn footer(cx: &Ctx, page: usize, of: usize, right_w: f32) -> Result<Frame> {
    let w = cx.width;
    let mut f = Frame {
        role: Role::Artifact(ArtifactKind::Footer),
        ..Frame::new(w)
    };
    let small = cx.small();
    let pitch = cx.pitch(small.size);
    f.rule(0.0, 0.75, cx.rule_colour());
    let top = 0.75 + 1.5 * MM;
    if !cx.t.sections.disclaimer_in_footer() {
        let mut spans = footer_spans(cx, page, of);
        let page_no = spans.pop().into_iter().collect::<Vec<_>>();
        let right = cx.wrap(&page_no, w * 0.4, "the footer")?;
        let right_w = right.iter().map(|l| l.width).fold(0.0, f32::max);
        let rh = f.lines_right(w, top, right, pitch);
        let lh = if spans.is_empty() {
            0.0
        } else {
            let left = cx.wrap(&spans, w - right_w - 6.0 * MM, "the footer")?;
            f.lines(0.0, top, left, pitch)
        };
        f.height = top + lh.max(rh);
        return Ok(f);
    }
    let mut right_lines = Vec::new();
    for s in footer_spans(cx, page, of) {
        right_lines.extend(cx.wrap(&[s], right_w + 0.1, "the footer")?);
    }
    let rh = f.lines_right(w, top, right_lines, pitch);
    let left = cx.wrap(
        &[Span::new(&cx.clinic.disclaimer, small)],
        w - right_w - 6.0 * MM,
        "the disclaimer",
    )?;
    let lh = f.lines(0.0, top, left, pitch);
    f.height = top + lh.max(rh);
    Ok(f)
}
