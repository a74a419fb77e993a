//! Pagination and the text on the pages: every item inside the margins, cards
//! whole, notes flowing over pages, sizes of type, errors for what cannot fit.

use super::*;

#[test]
fn glute_strength_fits_two_a4_pages() {
    let s = setup();
    let d = doc(&s, glute(Paper::A4)).unwrap();
    assert_eq!(d.pages.len(), 2);
    assert_standard_glute(&s, &d);
}

#[test]
fn glute_strength_on_letter_keeps_invariants() {
    let s = setup();
    let d = doc(&s, glute(Paper::Letter)).unwrap();
    assert!(d.pages.len() <= 3, "{} pages", d.pages.len());
    assert_eq!((d.width, d.height), (612.0, 792.0));
    assert_standard_glute(&s, &d);
}

#[test]
fn a_long_name_and_clinician_keep_the_layout_sound() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.patient = "Alexandra Konstantinopoulou-Featherstonehaugh".into();
    let d = doc(&s, sel.clone()).unwrap();
    assert_standard_glute(&s, &d);
    // The handout is full to its second page: a name that wraps may take a third.
    assert!(d.pages.len() <= 3, "{} pages", d.pages.len());
    // Very long names wrap inside their columns; the layout stays sound.
    sel.clinician = Some("Dr Maximilian Oppenheimer-Wolfe, Consultant Physiotherapist".into());
    sel.patient = "Alexandra Konstantinopoulou-Featherstonehaugh de la Cruz y Montenegro".into();
    let d = doc(&s, sel).unwrap();
    assert_standard_glute(&s, &d);
}

#[test]
fn every_page_says_page_n_of_m_and_the_text_is_all_there() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.notes = Some("Walk for 20 minutes every day.\nCome back in two weeks.".into());
    sel.items = ItemSpec::parse_list("clams:2x15@4s").unwrap();
    let d = doc(&s, sel).unwrap();
    let text = all_text(&d).replace('\n', " ");
    let n = d.pages.len();
    for k in 1..=n {
        assert!(text.contains(&format!("Page {k} of {n}")), "{text}");
    }
    for needle in [
        "Zoë Ó'Brien",
        "25 November 2026",
        "Clams",
        "Hip hinge",
        "Do it 15 times, holding each for 4 seconds.",
        "Rest, then do it all once more.",
        "Walk for 20 minutes every day.",
        "Come back in two weeks.",
        "Stop and call us if",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn body_text_is_at_least_12_pt_and_nothing_below_10_5() {
    let s = setup();
    let d = doc(&s, glute(Paper::A4)).unwrap();
    for p in &d.pages {
        for b in p
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Card { .. }))
        {
            for it in p.items.iter().filter(|i| b.rect.contains(&i.bounds())) {
                if let Item::Text(l) = &it.item {
                    let label = l.text() == "DOSE" || is_also_called(&s, &l.text());
                    assert!(
                        label || l.max_size() >= 12.0,
                        "{:?} is {} pt",
                        l.text(),
                        l.max_size()
                    );
                }
            }
        }
        for it in &p.items {
            if let Item::Text(l) = &it.item {
                assert!(l.max_size() >= 10.5, "{:?}", l.text());
            }
        }
    }
}

#[test]
fn long_notes_flow_onto_more_pages_without_splitting_cards() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.notes = Some("Keep moving through the day. ".repeat(60));
    let d = doc(&s, sel).unwrap();
    assert!(d.pages.len() >= 3);
    assert_standard_glute(&s, &d);
    // Later pages carry the running header with the patient's name.
    let first_line = d.pages[1]
        .items
        .iter()
        .find_map(|i| match &i.item {
            Item::Text(l) if l.text().contains("Zoë") => Some(l.text()),
            _ => None,
        })
        .unwrap();
    assert!(first_line.contains("25 November 2026"));
}

#[test]
fn many_exercises_paginate_in_order() {
    let s = setup();
    let items = "clams,side-lying-leg-raise,side-lying-leg-raise-glute-med,hip-hitch,hip-hinge";
    let sel = Selection {
        patient: "Jane Doe".into(),
        items: ItemSpec::parse_list(items).unwrap(),
        ..Default::default()
    };
    let d = doc(&s, sel).unwrap();
    assert_invariants(&d, margin_of(&s, "standard"), items.split(',').count());
}

/// A handout of one clams card whose steps are `steps`.
fn clams_with_steps(s: &Setup, steps: Vec<String>) -> Handout {
    let mut ex = (*s.lib.exercise("clams").unwrap()).clone();
    ex.steps = steps;
    Handout {
        patient: "Jane Doe".into(),
        date: parse_date("2026-11-25").unwrap(),
        clinician: None,
        notes: None,
        program_title: None,
        purpose: None,
        plan: None,
        items: vec![crate::program::HandoutItem {
            dose: crate::program::Dose::from_spec(&ex.dose),
            exercise: std::sync::Arc::new(ex),
            note: None,
            video: None,
        }],
        paper: Paper::A4,
        template: "standard".into(),
        log_weeks: 0,
        next_appointment: None,
    }
}

#[test]
fn a_card_taller_than_a_page_goes_on_over_pages_under_its_title_continued() {
    let s = setup();
    let step = "Keep going slowly and steadily, breathing out as you lift.".to_string();
    let h = clams_with_steps(&s, vec![step; 120]);
    let t = s.lib.template("standard").unwrap();
    let d = lay(&s, &h, &t, &sizes()).unwrap();
    assert!(d.pages.len() >= 3, "{} pages", d.pages.len());
    assert_invariants(&d, margin_of(&s, "standard"), 1);
    let text = all_text(&d);
    let card_pages = d
        .pages
        .iter()
        .filter(|p| {
            p.blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Card { .. }))
        })
        .count();
    assert!(card_pages >= 3);
    assert_eq!(text.matches("Clams (continued)").count(), card_pages - 1);
    // Every step is there once, in order, and the repeated title is page furniture.
    for k in 1..=120 {
        assert_eq!(text.matches(&format!("\n{k}.\n")).count(), 1, "step {k}");
    }
    for p in &d.pages {
        for it in &p.items {
            if let Item::Text(l) = &it.item {
                if l.text().contains("(continued)") {
                    assert!(matches!(it.role, Role::Artifact(_)));
                }
            }
        }
    }
}

#[test]
fn a_card_that_cannot_be_cut_and_is_taller_than_a_page_is_an_error() {
    let s = setup();
    let step = "Keep going slowly and steadily, breathing out as you lift. ".repeat(90);
    let h = clams_with_steps(&s, vec![step]);
    let t = s.lib.template("standard").unwrap();
    let e = lay(&s, &h, &t, &sizes()).unwrap_err();
    assert!(matches!(e, Error::TooTall { .. }), "{e}");
    assert!(
        e.to_string().starts_with("exercise `clams` is too tall"),
        "{e}"
    );
}

#[test]
fn a_character_no_font_has_is_an_error_that_does_not_print_the_name() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.patient = "Wang 王".into();
    let e = doc(&s, sel).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("U+738B") && msg.contains("the patient name"),
        "{msg}"
    );
    assert!(!msg.contains("Wang"), "{msg}");
}

#[test]
fn greek_and_cyrillic_names_lay_out() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.patient = "Αλέξανδρος Наталья".into();
    let d = doc(&s, sel).unwrap();
    assert!(all_text(&d).contains("Αλέξανδρος Наталья"));
}

#[test]
fn layout_is_deterministic() {
    let s = setup();
    let a = doc(&s, glute(Paper::A4)).unwrap();
    let b = doc(&s, glute(Paper::A4)).unwrap();
    assert_eq!(format!("{:?}", a.pages), format!("{:?}", b.pages));
}

#[test]
fn notes_longer_than_a_page_flow_over_pages_line_by_line() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    let para = "Keep moving gently through the day and rest when you need to. ".repeat(40);
    sel.notes = Some(vec![para; 6].join("\n"));
    let d = doc(&s, sel).unwrap();
    assert!(d.pages.len() >= 4, "{} pages", d.pages.len());
    assert_standard_glute(&s, &d);
    let text = all_text(&d)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(text.matches("Notes from your clinician").count(), 1);
    // Every word arrives: 6 paragraphs x 40 sentences.
    assert_eq!(text.matches("rest when you need to.").count(), 240);
}
