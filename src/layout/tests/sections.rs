//! Sections that appear on request: the log, notes, the next appointment,
//! progressions, video codes; and the header's columns.

use super::*;

#[test]
fn a_four_week_log_has_every_exercise_and_dated_columns_and_starts_a_page() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.log_weeks = Some(4);
    let d = doc(&s, sel).unwrap();
    let mut weeks = Vec::new();
    for (n, p) in d.pages.iter().enumerate() {
        for b in &p.blocks {
            if let BlockKind::Log { week } = b.kind {
                weeks.push((n, week, b.rect));
            }
        }
    }
    assert_eq!(weeks.iter().map(|w| w.1).collect::<Vec<_>>(), [1, 2, 3, 4]);
    // The log starts on a page of its own (after the running header).
    let first_page = weeks[0].0;
    assert!(first_page >= 2);
    assert!(!d.pages[first_page]
        .blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Card { .. } | BlockKind::Safety)));
    for (n, week, rect) in &weeks {
        let texts: Vec<String> = d.pages[*n]
            .items
            .iter()
            .filter(|i| rect.contains(&i.bounds()))
            .filter_map(|i| match &i.item {
                Item::Text(l) => Some(l.text()),
                _ => None,
            })
            .collect();
        let all = texts.join("\n");
        for ex in ["Clams", "Side leg lift", "Hip hitch", "Hip hinge"] {
            assert!(all.contains(ex), "week {week}: {ex} missing");
        }
        // 7 dated columns: weekday and day of the month ("Wed 25").
        let start = parse_date("2026-11-25").unwrap() + chrono::Days::new(7 * (*week as u64 - 1));
        for d in 0..7 {
            let day = start + chrono::Days::new(d);
            assert!(
                texts.contains(&day.format("%a %-d").to_string()),
                "week {week}: {day} missing"
            );
        }
        // A row of 7 tick boxes per exercise.
        let boxes = d.pages[*n]
            .items
            .iter()
            .filter(|i| rect.contains(&i.bounds()))
            .filter(|i| matches!(&i.item, Item::Shape(sh) if sh.fill == Some(Color::WHITE) && sh.width == sh.height))
            .count();
        assert_eq!(boxes, 7 * glute_exercises(&s).len(), "week {week}");
    }
    assert!(all_text(&d).contains("Week 4: 16 December to 22 December 2026"));
}

#[test]
fn appointment_notes_and_progressions_are_printed_when_asked() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.next_appointment = Some(crate::program::Appointment::parse("2026-12-02 10:30").unwrap());
    sel.exercise_notes = vec![("clams".into(), "Use the green band".into())];
    let d = doc(&s, sel.clone()).unwrap();
    let text = all_text(&d)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Next appointment"));
    assert!(text.contains("Wednesday 2 December 2026 at 10:30"));
    assert!(text.contains("Your note: Use the green band"));
    assert!(
        !text.contains("Easier:"),
        "standard does not print progressions"
    );
    // A template that prints them.
    let h = resolve(&s.lib, &sel, parse_date("2026-11-25").unwrap()).unwrap();
    let mut t = s.lib.template("standard").unwrap();
    t.sections.progressions = true;
    let d = lay(&s, &h, &t, &sizes()).unwrap();
    let text = all_text(&d)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Easier: Lift your knee only a little way."),
        "{text}"
    );
    assert!(text.contains("Harder: Put an exercise band around your legs"));
    assert_standard_glute(&s, &d);
}

#[test]
fn a_video_becomes_a_qr_code_of_at_least_20_mm() {
    let s = setup();
    let sel = glute(Paper::A4);
    let mut h = resolve(&s.lib, &sel, parse_date("2026-11-25").unwrap()).unwrap();
    h.items[0].video = Some("https://canterburyhealthhub.example/videos/clams".into());
    for template in ["standard", "compact", "large-print"] {
        let t = s.lib.template(template).unwrap();
        let d = lay(&s, &h, &t, &sizes()).unwrap();
        assert_invariants(&d, t.page.margin_mm.0, glute_exercises(&s).len());
        // The code is on the card, in whichever part of it (a card may go
        // on over a page), and all in one part.
        let parts: Vec<Vec<Rect>> = d
            .pages
            .iter()
            .flat_map(|p| {
                p.blocks
                    .iter()
                    .filter(|b| matches!(b.kind, BlockKind::Card { index: 0, .. }))
                    .map(move |card| {
                        p.items
                            .iter()
                            .filter(|i| card.rect.contains(&i.bounds()))
                            .filter(|i| {
                                matches!(&i.item, Item::Shape(sh) if sh.fill == Some(Color::BLACK))
                            })
                            .map(|i| i.bounds())
                            .collect()
                    })
            })
            .collect();
        let with_code: Vec<&Vec<Rect>> = parts.iter().filter(|b| !b.is_empty()).collect();
        assert_eq!(with_code.len(), 1, "{template}: the code in one part");
        let black = with_code[0];
        assert!(black.len() > 20, "{template}: no QR code");
        let left = black.iter().map(|r| r.x).fold(f32::MAX, f32::min);
        let right = black.iter().map(|r| r.right()).fold(0.0, f32::max);
        assert!(
            (right - left) / MM >= 20.0,
            "{template}: {} mm",
            (right - left) / MM
        );
        // The address may wrap after a slash.
        assert!(all_text(&d)
            .replace('\n', "")
            .contains("canterburyhealthhub.example/videos/clams"));
    }
}

#[test]
fn header_columns_keep_short_fields_whole() {
    // All fit: natural widths plus an equal share of the rest.
    assert_eq!(share_widths(&[10.0, 20.0], 40.0), [15.0, 25.0]);
    // Too wide: the short ones keep their width, the long one takes the rest.
    assert_eq!(
        share_widths(&[28.0, 38.0, 55.0, 80.0], 176.0),
        [28.0, 38.0, 55.0, 55.0]
    );
    // Two long ones share what the short one leaves.
    assert_eq!(
        share_widths(&[20.0, 100.0, 100.0], 120.0),
        [20.0, 50.0, 50.0]
    );
    let total: f32 = share_widths(&[60.0, 70.0, 80.0], 150.0).iter().sum();
    assert!((total - 150.0).abs() < 0.01);

    // In a real header with a next appointment, the patient name and the date stay on one line.
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.next_appointment = Some(crate::program::Appointment::parse("2026-12-02 10:30").unwrap());
    let d = doc(&s, sel).unwrap();
    let texts: Vec<String> = d.pages[0]
        .items
        .iter()
        .filter_map(|i| match &i.item {
            Item::Text(l) => Some(l.text()),
            _ => None,
        })
        .collect();
    assert!(texts.contains(&"Zoë Ó'Brien".to_string()), "{texts:?}");
    assert!(texts.contains(&"25 November 2026".to_string()), "{texts:?}");
    assert_standard_glute(&s, &d);
}

#[test]
fn a_picture_that_was_not_prepared_is_an_error_not_a_gap() {
    let s = setup();
    let mut h = resolve(&s.lib, &glute(Paper::A4), parse_date("2026-11-25").unwrap()).unwrap();
    // The clinic's own picture for the second exercise, in place of its figure.
    std::sync::Arc::make_mut(&mut h.items[1].exercise)
        .images
        .push(crate::content::ImageRef {
            file: "hip-hitch.svg".into(),
            alt: Some("Standing, one hip lifts".into()),
            caption: None,
        });
    let t = s.lib.template("standard").unwrap();
    // An exercise's picture, then the logo, missing from the sizes layout is given.
    let picture = &h.items[1].exercise.images[0].file;
    let logo = s.lib.clinic.logo.clone().unwrap();
    for missing in [picture.as_str(), logo.as_str()] {
        let mut known = sizes();
        assert!(known.remove(missing).is_some(), "{missing} is a picture");
        let e = lay(&s, &h, &t, &known).unwrap_err();
        assert!(
            matches!(&e, Error::PictureNotLoaded { name } if name == missing),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            format!("the picture `{missing}` was not prepared, so it cannot be placed")
        );
    }
    // With every picture prepared, each one is placed.
    let d = lay(&s, &h, &t, &sizes()).unwrap();
    let placed = d
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i.item, Item::Image { .. }))
        .count();
    let pictures: usize = h.items.iter().map(|i| i.exercise.images.len()).sum();
    assert_eq!(placed, pictures + 1, "every picture and the logo");
}
