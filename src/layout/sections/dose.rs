//! The dose, headed "How much": in words a patient reads without decoding
//! ("Do it 12 times, holding for 3 seconds each time."), or in short where
//! space is tight (`[sections] dose-in-words = false`: "3 sets × 12 reps").

use crate::error::Result;
use crate::fonts::Weight;
use crate::program::{Dose, HandoutItem};
use crate::words::Words;

use super::super::document::{Color, NodeKind, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::{Span, Style};

/// The dose in words, a sentence each, in the order they are done: how many
/// and how long to hold, the rounds, the other side, how often.
pub(crate) fn dose_sentences(d: &Dose, w: &Words) -> Vec<String> {
    let mut v = Vec::new();
    let rounds = d.sets.filter(|s| *s > 1);
    match d.reps {
        Some(reps) => {
            v.push(w.dose_words_count(reps, d.hold_seconds));
            if let Some(s) = rounds {
                v.push(w.dose_words_sets(s));
            }
        }
        None => {
            if d.hold_seconds > 0 {
                v.push(w.dose_words_hold(d.hold_seconds));
            }
            if let Some(s) = rounds {
                v.push(w.dose_words_times(s));
            }
        }
    }
    if d.duration_seconds > 0 {
        v.push(w.dose_words_duration(d.duration_seconds));
    }
    if d.each_side {
        v.push(w.dose_words_each_side());
    }
    match d.frequency.as_deref().map(str::trim) {
        Some(f) if !f.is_empty() => v.push(w.dose_words_often(f)),
        _ => match (d.per_day, d.days_per_week) {
            (Some(n), days) => v.push(w.dose_words_per_day(n, days.unwrap_or(7))),
            (None, Some(days)) if days < 7 => v.push(w.dose_words_days(days)),
            _ => {}
        },
    }
    v
}

/// `text` as spans, its numbers in `bold` so the eye finds them.
pub(crate) fn numbers_bold(text: &str, regular: Style, bold: Style) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let digit = rest.starts_with(|c: char| c.is_ascii_digit());
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digit)
            .unwrap_or(rest.len());
        spans.push(Span::new(&rest[..end], if digit { bold } else { regular }));
        rest = &rest[end..];
    }
    spans
}

/// The box's tint (or white with an outline, for large print) and its bar.
fn dose_frame(cx: &Ctx, f: &mut Frame, x: f32, y: f32, w: f32, h: f32, bar: f32) {
    let (fill, stroke) = if cx.t.style.fills {
        (Some(cx.colours.tint), None)
    } else {
        (Some(Color::WHITE), Some((cx.colours.text, 1.2)))
    };
    for (width, fill, stroke) in [(w, fill, stroke), (bar, Some(cx.colours.primary), None)] {
        f.shape(
            x,
            y,
            Shape {
                width,
                height: h,
                fill,
                stroke,
                radius: 0.0,
            },
        );
    }
}

/// The dose as a band: "How much:" and the dose (in words, or in short) as
/// one paragraph; returns the height used.
pub(crate) fn dose_band(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    item: &HandoutItem,
) -> Result<f32> {
    let body = cx.body();
    let bold = cx.bold();
    let bar = 4.0;
    let dpad = 1.0 * MM;
    let inner = w - bar - 2.0 * dpad;
    let label = cx.style(Weight::Bold, body.size, cx.colours.primary);
    let head = Span::new(format!("{}: ", cx.words.dose_label()), label);
    let ctx = format!("exercise `{}` (dose)", item.exercise.id);
    let lines = if cx.t.sections.dose_in_words {
        let mut spans = vec![head];
        let sentences = dose_sentences(&item.dose, cx.words);
        spans.extend(numbers_bold(&sentences.join(" "), body, bold));
        cx.wrap(&spans, inner, &ctx)?
    } else {
        // In short, where space is tight: the parts packed whole on lines
        // ("3 sets × 12 reps · hold 3 seconds"), never broken inside.
        let sep = cx.words.dose_separator();
        let mut rows: Vec<Vec<Span>> = vec![vec![head.clone()]];
        let mut used = cx.measure(&head.text, label)?;
        let parts = item.dose.parts_with(cx.words, !cx.often_in_plan);
        for (k, part) in parts.into_iter().enumerate() {
            let row = rows.last_mut().unwrap();
            let piece = if k > 0 {
                format!("{sep}{part}")
            } else {
                part.clone()
            };
            let pw = cx.measure(&piece, bold)?;
            if k == 0 || used + pw <= inner {
                used += pw;
                row.push(Span::new(piece, bold));
            } else {
                used = cx.measure(&part, bold)?;
                rows.push(vec![Span::new(part, bold)]);
            }
        }
        let mut lines = Vec::new();
        for row in rows {
            lines.extend(cx.wrap(&row, inner, &ctx)?);
        }
        lines
    };
    let pitch = cx.pitch(body.size);
    let dh = lines.len() as f32 * pitch + 2.0 * dpad;
    dose_frame(cx, f, x, y, w, dh, bar);
    f.open(NodeKind::Paragraph, f.parent);
    f.lines(x + bar + dpad, y + dpad, lines, pitch);
    Ok(dh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dose(f: impl FnOnce(&mut Dose)) -> Dose {
        let mut d = Dose::default();
        f(&mut d);
        d
    }

    #[test]
    fn doses_read_as_sentences_in_the_order_they_are_done() {
        let w = Words::for_language("en-GB");
        let d = dose(|d| {
            d.sets = Some(3);
            d.reps = Some(12);
            d.hold_seconds = 3;
            d.each_side = true;
            d.per_day = Some(1);
        });
        assert_eq!(
            dose_sentences(&d, &w).join(" "),
            "Do it 12 times, holding each for 3 seconds. Rest, then do it all again: \
             3 rounds in all. Then the other side. Once a day."
        );
        let d = dose(|d| {
            d.sets = Some(3);
            d.hold_seconds = 30;
            d.per_day = Some(2);
            d.days_per_week = Some(3);
        });
        assert_eq!(
            dose_sentences(&d, &w).join(" "),
            "Hold it for 30 seconds. Do it 3 times, with a rest in between. \
             Twice a day, on 3 days a week."
        );
        let d = dose(|d| {
            d.duration_seconds = 600;
            d.days_per_week = Some(5);
        });
        assert_eq!(
            dose_sentences(&d, &w).join(" "),
            "Keep going for 10 minutes. On 5 days a week."
        );
        let d = dose(|d| {
            d.reps = Some(1);
            d.frequency = Some(" daily ".into());
        });
        assert_eq!(dose_sentences(&d, &w).join(" "), "Do it once. Daily.");
    }

    #[test]
    fn numbers_are_bold() {
        let regular = Style {
            weight: Weight::Regular,
            size: 12.0,
            color: Color::BLACK,
        };
        let bold = Style {
            weight: Weight::Bold,
            ..regular
        };
        let spans = numbers_bold("Do it 12 times, 3 rounds", regular, bold);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.text.as_str(), s.style.weight == Weight::Bold))
            .collect();
        assert_eq!(
            parts,
            [
                ("Do it ", false),
                ("12", true),
                (" times, ", false),
                ("3", true),
                (" rounds", false)
            ]
        );
    }
}
