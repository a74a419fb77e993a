//! The clinician's general notes, in pieces that flow over pages.

use crate::error::Result;
use crate::fonts::Weight;

use super::super::document::{NodeKind, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::{Line, Span};

/// The general notes: a heading, then a piece per paragraph (a paragraph taller
/// than `room`, a page, is cut between lines), so long notes flow over pages.
pub(crate) fn notes(cx: &Ctx, notes: &str, room: f32) -> Result<Vec<Frame>> {
    let w = cx.width;
    let hs = cx.t.text.heading_pt.0;
    let body = cx.body();
    let pitch = cx.pitch(body.size);
    let mut first = Frame::new(w);
    first.open(
        NodeKind::Heading {
            level: 2,
            title: cx.words.notes_heading(),
        },
        None,
    );
    let mut y = first.lines(
        0.0,
        0.0,
        cx.wrap(
            &[Span::new(
                cx.words.notes_heading(),
                cx.style(Weight::Bold, hs, cx.colours.primary),
            )],
            w,
            "a heading",
        )?,
        cx.pitch(hs),
    );
    y += 1.0 * MM;
    first.height = y;
    let mut pieces = vec![first];
    let text = notes.replace("\\n", "\n");
    for para in text.split('\n') {
        let lines = cx.wrap(&[Span::new(para, body)], w, "the notes")?;
        let mut lines = lines.into_iter().peekable();
        if lines.peek().is_none() {
            continue;
        }
        while lines.peek().is_some() {
            // The heading stays with the first lines.
            let mut f = if pieces.len() == 1 && pieces[0].nodes.len() == 1 {
                pieces.pop().unwrap_or_default()
            } else {
                Frame::new(w)
            };
            let top = f.height;
            let fit = (((room - top) / pitch).floor() as usize).max(1);
            let take: Vec<Line> = lines.by_ref().take(fit).collect();
            f.open(NodeKind::Paragraph, None);
            f.height = top + f.lines(0.0, top, take, pitch);
            pieces.push(f);
        }
    }
    Ok(pieces)
}
