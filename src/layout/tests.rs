//! Layout invariants, checked on the laid-out data (no PDF involved).

use super::*;
use crate::content::Library;
use crate::fonts::FontBook;
use crate::program::{parse_date, resolve, ItemSpec, Paper, Selection};

/// Image sizes of the built-in pictures (4:3 drawings, square logo).
fn sizes() -> HashMap<String, (f32, f32)> {
    let mut m = HashMap::new();
    for id in [
        "clams",
        "side-lying-leg-raise",
        "side-lying-leg-raise-glute-med",
        "hip-hitch",
        "hip-hinge",
    ] {
        m.insert(format!("{id}.svg"), (400.0, 300.0));
    }
    m.insert("logo.svg".into(), (100.0, 100.0));
    m
}

struct Setup {
    lib: Library,
    fonts: FontBook,
}

fn setup() -> Setup {
    let lib = Library::builtin().unwrap();
    let fonts = FontBook::load(&lib).unwrap();
    Setup { lib, fonts }
}

fn doc(s: &Setup, sel: Selection) -> Result<Document> {
    let h = resolve(&s.lib, &sel, parse_date("2026-11-25").unwrap())?;
    let t = s.lib.template(&h.template)?;
    lay_out(&h, &s.lib.clinic, &t, &s.fonts, &sizes())
}

fn glute(paper: Paper) -> Selection {
    Selection {
        patient: "Zoë Ó'Brien".into(),
        program: Some("glute-strength".into()),
        paper: Some(paper),
        ..Default::default()
    }
}

fn page_rect(d: &Document, margin_mm: f32) -> Rect {
    let m = margin_mm * MM;
    Rect {
        x: m,
        y: m,
        width: d.width - 2.0 * m,
        height: d.height - 2.0 * m,
    }
}

/// The invariants every laid-out handout must keep.
fn assert_invariants(d: &Document, margin_mm: f32, cards: usize) {
    let area = page_rect(d, margin_mm);
    let mut seen_cards = Vec::new();
    let mut last_y_on_page;
    for (n, page) in d.pages.iter().enumerate() {
        // Every item inside the printable area.
        for it in &page.items {
            let b = it.bounds();
            assert!(
                area.contains(&b),
                "page {}: {:?} outside the margins: {b:?}",
                n + 1,
                it.item_kind()
            );
        }
        // Blocks do not overlap, run top to bottom, and hold their items.
        last_y_on_page = f32::MIN;
        for (i, a) in page.blocks.iter().enumerate() {
            assert!(
                area.contains(&a.rect),
                "page {}: block {:?} outside",
                n + 1,
                a.kind
            );
            assert!(
                a.rect.y >= last_y_on_page,
                "reading order broken at {:?}",
                a.kind
            );
            last_y_on_page = a.rect.y;
            for b in &page.blocks[i + 1..] {
                assert!(
                    !a.rect.overlaps(&b.rect),
                    "page {}: {:?} overlaps {:?}",
                    n + 1,
                    a.kind,
                    b.kind
                );
            }
            if let BlockKind::Card { index, .. } = a.kind {
                seen_cards.push(index);
            }
        }
        for it in &page.items {
            let b = it.bounds();
            let inside = page.blocks.iter().filter(|bl| bl.rect.contains(&b)).count();
            assert_eq!(
                inside,
                1,
                "page {}: item {:?} at {b:?} is in {inside} blocks",
                n + 1,
                it.item_kind()
            );
        }
        // Each page ends with its footer.
        assert_eq!(
            page.blocks.last().map(|b| &b.kind),
            Some(&BlockKind::Footer)
        );
    }
    // Each card exactly once, in order.
    assert_eq!(seen_cards, (0..cards).collect::<Vec<_>>());
}

impl Placed {
    fn item_kind(&self) -> String {
        match &self.item {
            Item::Text(l) => format!("text {:?}", l.text()),
            Item::Image { name, .. } => format!("image {name}"),
            Item::Shape(_) => "shape".into(),
        }
    }
}

fn all_text(d: &Document) -> String {
    let mut s = String::new();
    for p in &d.pages {
        for it in &p.items {
            if let Item::Text(l) = &it.item {
                s += &l.text();
                s.push('\n');
            }
        }
    }
    s
}

#[test]
fn glute_strength_fits_two_a4_pages() {
    let s = setup();
    let d = doc(&s, glute(Paper::A4)).unwrap();
    assert_eq!(d.pages.len(), 2);
    assert_invariants(&d, 11.0, 5);
}

#[test]
fn glute_strength_on_letter_keeps_invariants() {
    let s = setup();
    let d = doc(&s, glute(Paper::Letter)).unwrap();
    assert!(d.pages.len() <= 3, "{} pages", d.pages.len());
    assert_eq!((d.width, d.height), (612.0, 792.0));
    assert_invariants(&d, 11.0, 5);
}

#[test]
fn a_long_name_and_clinician_still_fit_two_pages() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.patient = "Alexandra Konstantinopoulou-Featherstonehaugh".into();
    let d = doc(&s, sel.clone()).unwrap();
    assert_invariants(&d, 11.0, 5);
    assert_eq!(d.pages.len(), 2);
    // Very long names wrap inside their columns; the layout stays sound.
    sel.clinician = Some("Dr Maximilian Oppenheimer-Wolfe, Consultant Physiotherapist".into());
    sel.patient = "Alexandra Konstantinopoulou-Featherstonehaugh de la Cruz y Montenegro".into();
    let d = doc(&s, sel).unwrap();
    assert_invariants(&d, 11.0, 5);
}

#[test]
fn every_page_says_page_n_of_m_and_the_text_is_all_there() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.notes = Some("Walk for 20 minutes every day.\nCome back in two weeks.".into());
    sel.items = ItemSpec::parse_list("clams:2x15@4s").unwrap();
    let d = doc(&s, sel).unwrap();
    let text = all_text(&d);
    let n = d.pages.len();
    for k in 1..=n {
        assert!(text.contains(&format!("Page {k} of {n}")), "{text}");
    }
    for needle in [
        "Zoë Ó'Brien",
        "25 November 2026",
        "Clams",
        "Hip hinge",
        "2 sets × 15 reps",
        "hold 4 seconds",
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
                    let label = l.text() == "DOSE";
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
    assert_invariants(&d, 11.0, 5);
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
    assert_invariants(&d, 11.0, 5);
}

#[test]
fn a_card_taller_than_a_page_is_an_error() {
    let s = setup();
    let mut ex = (*s.lib.exercise("clams").unwrap()).clone();
    ex.steps = vec!["Keep going slowly and steadily, breathing out as you lift.".to_string(); 60];
    let h = Handout {
        patient: "Jane Doe".into(),
        date: parse_date("2026-11-25").unwrap(),
        clinician: None,
        notes: None,
        program_title: None,
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
    };
    let t = s.lib.template("standard").unwrap();
    let e = lay_out(&h, &s.lib.clinic, &t, &s.fonts, &sizes()).unwrap_err();
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

fn with_template(template: &str, paper: Paper) -> Selection {
    Selection {
        template: Some(template.into()),
        ..glute(paper)
    }
}

fn margin_of(s: &Setup, template: &str) -> f32 {
    s.lib.template(template).unwrap().page.margin_mm.0
}

#[test]
fn every_template_on_both_papers_keeps_the_invariants() {
    let s = setup();
    for template in ["standard", "large-print", "compact"] {
        for paper in [Paper::A4, Paper::Letter] {
            let mut sel = with_template(template, paper);
            sel.log_weeks = Some(2);
            sel.notes = Some("Walk every day.".into());
            sel.next_appointment =
                Some(crate::program::Appointment::parse("2026-12-02 10:30").unwrap());
            let d = doc(&s, sel).unwrap();
            assert_invariants(&d, margin_of(&s, template), 5);
            let pages = d.pages.len();
            match (template, paper) {
                ("standard", Paper::A4) => assert_eq!(pages, 3, "two pages and the log"),
                // The notes do not fit beside the full grid: they go on page 2.
                ("compact", Paper::A4) => assert_eq!(pages, 3, "notes, then the log"),
                _ => assert!(pages <= 6, "{template} {paper:?}: {pages} pages"),
            }
        }
    }
}

#[test]
fn compact_fits_the_glute_programme_on_one_a4_page() {
    let s = setup();
    let d = doc(&s, with_template("compact", Paper::A4)).unwrap();
    assert_eq!(d.pages.len(), 1);
    assert_invariants(&d, margin_of(&s, "compact"), 5);
    // Two columns: cards side by side.
    let cards: Vec<&Block> = d.pages[0]
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Card { .. }))
        .collect();
    assert_eq!(cards[0].rect.y, cards[1].rect.y);
    assert!(cards[1].rect.x > cards[0].rect.right());
    // The safety box takes the free cell beside the last card.
    let safety = d.pages[0]
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Safety)
        .unwrap();
    assert_eq!(safety.rect.y, cards[4].rect.y);
    for p in &d.pages {
        for it in &p.items {
            if let Item::Text(l) = &it.item {
                let footer_or_label = l.max_size() >= 9.5;
                assert!(footer_or_label, "{:?}", l.text());
            }
        }
    }
    // Body text in the cards is at least 11 pt.
    for b in cards {
        for it in d.pages[0]
            .items
            .iter()
            .filter(|i| b.rect.contains(&i.bounds()))
        {
            if let Item::Text(l) = &it.item {
                assert!(
                    l.text() == "DOSE" || l.max_size() >= 11.0,
                    "{:?} {}",
                    l.text(),
                    l.max_size()
                );
            }
        }
    }
}

#[test]
fn large_print_has_no_text_under_16_pt_and_no_text_over_colour() {
    let s = setup();
    for paper in [Paper::A4, Paper::Letter] {
        let mut sel = with_template("large-print", paper);
        sel.log_weeks = Some(1);
        sel.notes = Some("Walk every day.".into());
        let d = doc(&s, sel).unwrap();
        assert_invariants(&d, margin_of(&s, "large-print"), 5);
        for p in &d.pages {
            for it in &p.items {
                if let Item::Text(l) = &it.item {
                    assert!(
                        l.max_size() >= 16.0,
                        "{:?} is {} pt",
                        l.text(),
                        l.max_size()
                    );
                    // Nothing coloured under any text: every filled shape under it is white.
                    let b = it.bounds();
                    for under in &p.items {
                        if let Item::Shape(sh) = &under.item {
                            let coloured = sh.fill.is_some_and(|f| f != Rgb::WHITE);
                            let sb = Rect {
                                x: under.x,
                                y: under.y,
                                width: sh.width,
                                height: sh.height,
                            };
                            assert!(
                                !(coloured && sb.overlaps(&b) && sh.width > 6.0),
                                "{:?} over a {:?} fill",
                                l.text(),
                                sh.fill
                            );
                        }
                    }
                }
            }
        }
    }
}

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
        for ex in ["Clams", "Side-lying leg raise", "Hip hitch", "Hip hinge"] {
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
        // 5 exercises x 7 days of tick boxes.
        let boxes = d.pages[*n]
            .items
            .iter()
            .filter(|i| rect.contains(&i.bounds()))
            .filter(|i| matches!(&i.item, Item::Shape(sh) if sh.fill == Some(Rgb::WHITE) && sh.width == sh.height))
            .count();
        assert_eq!(boxes, 35, "week {week}");
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
    let d = lay_out(&h, &s.lib.clinic, &t, &s.fonts, &sizes()).unwrap();
    let text = all_text(&d)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Easier: Make smaller movements"), "{text}");
    assert!(text.contains("Harder: Use a stronger band"));
    assert_invariants(&d, 11.0, 5);
}

#[test]
fn a_video_becomes_a_qr_code_of_at_least_20_mm() {
    let s = setup();
    let sel = glute(Paper::A4);
    let mut h = resolve(&s.lib, &sel, parse_date("2026-11-25").unwrap()).unwrap();
    h.items[0].video = Some("https://canterburyhealthhub.example/videos/clams".into());
    for template in ["standard", "compact", "large-print"] {
        let t = s.lib.template(template).unwrap();
        let d = lay_out(&h, &s.lib.clinic, &t, &s.fonts, &sizes()).unwrap();
        assert_invariants(&d, t.page.margin_mm.0, 5);
        let card = d.pages[0]
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Card { index: 0, .. }))
            .unwrap();
        let black: Vec<Rect> = d.pages[0]
            .items
            .iter()
            .filter(|i| card.rect.contains(&i.bounds()))
            .filter(|i| matches!(&i.item, Item::Shape(sh) if sh.fill == Some(Rgb::BLACK)))
            .map(|i| i.bounds())
            .collect();
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
fn content_is_in_the_structure_and_page_furniture_is_artifact() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.log_weeks = Some(1);
    sel.notes = Some("Walk daily.".into());
    let d = doc(&s, sel).unwrap();
    assert_eq!(d.structure[0].kind, NodeKind::Document);
    for (i, n) in d.structure.iter().enumerate().skip(1) {
        let p = n.parent.expect("only the document has no parent");
        assert!(p < i, "node {i} comes before its parent {p}");
    }
    for p in &d.pages {
        for it in &p.items {
            let footer = p.blocks.iter().any(|b| {
                matches!(b.kind, BlockKind::Footer | BlockKind::RunningHeader)
                    && b.rect.contains(&it.bounds())
            });
            match (&it.item, it.role) {
                (Item::Text(l), Role::Artifact(_)) => {
                    assert!(footer, "{:?} is not in the structure", l.text())
                }
                (Item::Text(l), Role::Node(_)) => {
                    assert!(!footer, "{:?} in a footer is tagged", l.text())
                }
                (Item::Image { .. }, role) => assert!(
                    matches!(role, Role::Node(n) if matches!(d.structure[n].kind, NodeKind::Figure { .. }))
                ),
                _ => {}
            }
            if let Role::Node(n) = it.role {
                assert!(n < d.structure.len());
            }
        }
    }
    let headings: Vec<String> = d
        .structure
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Heading { title, .. } => Some(title.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "Canterbury Health Hub",
            "Home exercise programme",
            "Clams",
            "Side-lying leg raise",
            "Side-lying leg raise (gluteus medius)",
            "Hip hitch",
            "Hip hinge",
            "Stop and call us if",
            "Notes from your clinician",
            "Exercise log",
            "Week 1: 25 November to 1 December 2026",
        ]
    );
}

#[test]
fn notes_longer_than_a_page_flow_over_pages_line_by_line() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    let para = "Keep moving gently through the day and rest when you need to. ".repeat(40);
    sel.notes = Some(vec![para; 6].join("\n"));
    let d = doc(&s, sel).unwrap();
    assert!(d.pages.len() >= 4, "{} pages", d.pages.len());
    assert_invariants(&d, 11.0, 5);
    let text = all_text(&d)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(text.matches("Notes from your clinician").count(), 1);
    // Every word arrives: 6 paragraphs x 40 sentences.
    assert_eq!(text.matches("rest when you need to.").count(), 240);
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
    assert_invariants(&d, 11.0, 5);
}
