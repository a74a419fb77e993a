//! The plan box at the top of the first page: in a few plain sentences what
//! the exercises are for, what to do (how many, how often, for how long),
//! what ache is normal and what is not, and the meaning of the words on the
//! sheet a patient may not know. Made from the programme and the doses, in
//! the clinic's words where it gives them (a programme's `plan`, the
//! clinic's `[safety] normal` and `[glossary]`).

use crate::error::Result;
use crate::fonts::Weight;
use crate::program::{Dose, Handout};
use crate::words::Words;

use super::super::document::{ArtifactKind, Color, Item, NodeKind, Placed, Role, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// How often a dose says to do it, as the plan says it ("twice a day, every
/// day"), or `None` when it does not say.
fn often(d: &Dose, w: &Words) -> Option<String> {
    match d.frequency.as_deref().map(str::trim) {
        Some(f) if !f.is_empty() => Some(f.to_string()),
        _ => match (d.per_day, d.days_per_week) {
            (Some(n), days) => Some(w.plan_often(n, days.unwrap_or(7))),
            (None, Some(days)) if days < 7 => Some(w.plan_often(1, days)),
            _ => None,
        },
    }
}

/// How often to do every exercise, when all the doses say the same and the
/// plan box says it in its own words (not the clinic's): "once a day, every
/// day". A short dose then leaves it out.
pub(crate) fn common_often(h: &Handout, w: &Words) -> Option<String> {
    if h.plan.is_some() {
        return None;
    }
    let first = h.items.first().and_then(|i| often(&i.dose, w));
    let same = h.items.iter().all(|i| often(&i.dose, w) == first);
    first.filter(|_| same)
}

/// What to do: the clinic's words for the programme, or how many exercises
/// and how often; and for how long (unless the clinic's words say).
pub(crate) fn what_to_do(h: &Handout, w: &Words) -> (String, Option<String>) {
    if let Some(p) = &h.plan {
        return (p.clone(), None);
    }
    let n = h.items.len();
    let what = match common_often(h, w) {
        Some(o) => w.plan_do_same(n, &o),
        None => w.plan_do_mixed(n),
    };
    let how_long = match (&h.next_appointment, h.log_weeks) {
        (Some(a), _) => w.plan_until_appointment(a.date),
        (None, weeks) if weeks > 1 => w.plan_for_weeks(weeks.into()),
        _ => w.plan_until_seen(),
    };
    (what, Some(how_long))
}

/// The clinic's glossary entries for the words this handout prints, in the
/// order they first appear: (term, meaning).
pub(crate) fn glossary<'a>(cx: &'a Ctx, h: &Handout) -> Vec<(&'a str, &'a str)> {
    let t = cx.t;
    let mut text = String::new();
    let mut add = |s: &str| {
        text.push_str(&s.to_lowercase());
        text.push('\n');
    };
    for s in [&h.program_title, &h.purpose, &h.plan]
        .into_iter()
        .flatten()
    {
        add(s);
    }
    for item in &h.items {
        let ex = &item.exercise;
        add(&ex.title);
        if t.sections.also_called {
            ex.also_called.iter().for_each(|s| add(s));
        }
        if t.sections.aim {
            add(&ex.aim);
        }
        ex.start.iter().for_each(|s| add(s));
        ex.steps.iter().for_each(|s| add(s));
        if t.sections.tips {
            ex.tips.iter().for_each(|s| add(s));
        }
        if t.sections.progressions {
            ex.easier.iter().chain(&ex.harder).for_each(|s| add(s));
        }
    }
    let mut found: Vec<(usize, &str, &str)> = cx
        .clinic
        .glossary
        .iter()
        .filter_map(|(term, meaning)| {
            first_use(&text, &term.to_lowercase()).map(|at| (at, term.as_str(), meaning.as_str()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, t, m)| (t, m)).collect()
}

/// Where `term` is first used in `text` as a word of its own (or with a
/// plural ending).
fn first_use(text: &str, term: &str) -> Option<usize> {
    if term.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(term).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = &text[at + term.len()..];
        let rest = after
            .strip_prefix("es")
            .filter(|r| !word(r.chars().next()))
            .or_else(|| after.strip_prefix('s'))
            .unwrap_or(after);
        !word(before) && !word(rest.chars().next())
    })
}

/// The plan box, `cx.width` wide.
pub(crate) fn plan(cx: &Ctx, h: &Handout) -> Result<Frame> {
    let t = cx.t;
    let w = cx.width;
    let words = cx.words;
    let pad = t.card.padding_mm.0 * MM;
    let inner = w - 2.0 * pad;
    let mut f = Frame::new(w);
    let body = cx.body();
    let bold = cx.bold();
    let pitch = cx.pitch(body.size);
    let hs = t.text.heading_pt.0;
    let section = f.node(NodeKind::Section, None);
    let short = t.sections.short_plan;
    let mut y = pad;
    if !short {
        f.open(
            NodeKind::Heading {
                level: 2,
                title: words.plan_heading(),
            },
            Some(section),
        );
        let heading = cx.wrap(
            &[Span::new(
                words.plan_heading(),
                cx.style(Weight::Bold, hs, cx.colours.primary),
            )],
            inner,
            "the plan",
        )?;
        y += f.lines(pad, y, heading, cx.pitch(hs)) + 0.5 * MM;
    }

    let safety = &cx.clinic.safety;
    let normal = safety
        .normal
        .clone()
        .unwrap_or_else(|| words.plan_ache_text());
    // What for, then what to do in bold (the main message), for how long,
    // what ache is normal and what is not; the glossary in smaller type.
    let mut main = Vec::new();
    if let Some(p) = &h.purpose {
        main.push(Span::new(format!("{p} "), body));
    }
    let (what, how_long) = what_to_do(h, words);
    main.push(Span::new(what, bold));
    if let Some(l) = how_long {
        main.push(Span::new(format!(" {l}"), body));
    }
    main.push(Span::new(
        format!(" {normal} {}", words.plan_not_normal(&safety.title)),
        body,
    ));
    let mut paragraphs: Vec<(Vec<Span>, f32)> = vec![(main, pitch)];
    let glossary = if short { Vec::new() } else { glossary(cx, h) };
    if !glossary.is_empty() {
        let small = cx.small();
        let small_bold = cx.style(Weight::Bold, small.size, small.color);
        let mut spans = vec![Span::new(format!("{} ", words.plan_words()), small_bold)];
        for (k, (term, meaning)) in glossary.iter().enumerate() {
            let entry = words.plan_glossary_entry(term, meaning);
            let sep = if k > 0 { "  " } else { "" };
            // The term in bold, its meaning in regular.
            match entry.split_once(": ") {
                Some((t, m)) => {
                    spans.push(Span::new(format!("{sep}{t}:"), small_bold));
                    spans.push(Span::new(format!(" {m}."), small));
                }
                None => spans.push(Span::new(format!("{sep}{entry}."), small)),
            }
        }
        paragraphs.push((spans, cx.pitch(small.size)));
    }
    for (spans, pitch) in paragraphs {
        let lines = cx.wrap(&spans, inner, "the plan")?;
        f.open(NodeKind::Paragraph, Some(section));
        y += f.lines(pad, y, lines, pitch) + body.size * 0.25;
    }
    y += pad - body.size * 0.25;
    f.items.insert(
        0,
        Placed {
            x: 0.75,
            y: 0.75,
            item: Item::Shape(Shape {
                width: w - 1.5,
                height: y - 1.5,
                fill: Some(Color::WHITE),
                stroke: Some((cx.colours.primary, 1.5)),
                radius: t.card.corner_mm.0 * MM,
            }),
            role: Role::Artifact(ArtifactKind::Layout),
        },
    );
    f.height = y;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::first_use;

    #[test]
    fn terms_are_found_as_words_and_plurals() {
        assert_eq!(first_use("weak glute muscles", "glute"), Some(5));
        assert_eq!(first_use("your glutes work", "glute"), Some(5));
        assert_eq!(first_use("the gluteus medius", "glute"), None);
        assert_eq!(first_use("the gluteus medius", "gluteus medius"), Some(4));
        assert_eq!(first_use("keep your pelvis steady", "pelvis"), Some(10));
        assert_eq!(first_use("the pelvises", "pelvis"), Some(4));
        assert_eq!(first_use("squads", "quads"), None);
    }
}
