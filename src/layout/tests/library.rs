//! Every programme of the built-in library with every template on both
//! papers (issue 13), how full their pages are, and what each handout
//! teaches: the plan box, the picture key, the tick chart, the safety box.

use super::*;

fn programs(s: &Setup) -> Vec<String> {
    let mut ids: Vec<String> = s.lib.program_ids().map(String::from).collect();
    ids.sort();
    ids
}

fn programme(id: &str, template: &str, paper: Paper) -> Selection {
    Selection {
        patient: "Zoë Ó'Brien".into(),
        program: Some(id.into()),
        template: Some(template.into()),
        paper: Some(paper),
        ..Default::default()
    }
}

/// The content blocks of a page (not its header or footer furniture).
fn content(p: &Page) -> Vec<&Block> {
    p.blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Footer | BlockKind::RunningHeader))
        .collect()
}

/// No page but the last is left less than 60% full when what follows could
/// have been placed there: the next page then starts with something taller
/// than the room that was left, and not with the rest of a cut card.
fn assert_no_page_left_too_empty(d: &Document, t: &crate::content::Template, what: &str) {
    for n in d.underfilled(0.6) {
        let footer = d.pages[n]
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Footer)
            .unwrap();
        let reach = content(&d.pages[n])
            .iter()
            .map(|b| b.rect.bottom())
            .fold(0.0, f32::max);
        let room = footer.rect.y - t.page.footer_gap_mm.0 * MM - reach - t.card.spacing_mm.0 * MM;
        let next = content(&d.pages[n + 1])[0];
        let continued = content(&d.pages[n])
            .last()
            .is_some_and(|b| b.kind == next.kind);
        assert!(
            !continued && next.rect.height > room,
            "{what}: page {} is {:.0}% full, and {:?} ({:.0} mm) could go in its {:.0} mm",
            n + 1,
            d.page_fill()[n] * 100.0,
            next.kind,
            next.rect.height / MM,
            room / MM
        );
    }
}

#[test]
fn every_programme_makes_a_handout_with_every_template_on_both_papers() {
    let s = setup();
    for id in programs(&s) {
        let cards = s.lib.program(&id).unwrap().exercises.len();
        for template in ["standard", "large-print", "compact"] {
            for paper in [Paper::A4, Paper::Letter] {
                for log in [None, Some(4)] {
                    let what = format!("{id}, {template}, {paper:?}, log {log:?}");
                    let mut sel = programme(&id, template, paper);
                    sel.log_weeks = log;
                    let d = doc(&s, sel).unwrap_or_else(|e| panic!("{what}: {e}"));
                    assert_invariants(&d, margin_of(&s, template), cards);
                    let t = s.lib.template(template).unwrap();
                    assert_no_page_left_too_empty(&d, &t, &what);
                    assert!(d.safety_alone().is_empty(), "{what}: safety box alone");
                }
            }
        }
    }
}

#[test]
fn the_built_in_programmes_fill_their_pages() {
    let s = setup();
    for template in ["standard", "large-print", "compact"] {
        for paper in [Paper::A4, Paper::Letter] {
            let mut before_last = Vec::new();
            for id in programs(&s) {
                let d = doc(&s, programme(&id, template, paper)).unwrap();
                let fill = d.page_fill();
                before_last.extend_from_slice(&fill[..fill.len() - 1]);
                assert!(fill.iter().all(|f| *f > 0.0 && *f <= 1.0), "{fill:?}");
            }
            let mean = before_last.iter().sum::<f32>() / before_last.len().max(1) as f32;
            assert!(
                mean >= 0.75,
                "{template} {paper:?}: pages before the last {:.0}% full on average",
                mean * 100.0
            );
        }
    }
}

#[test]
fn the_glute_programme_takes_two_a4_pages_and_its_log_shares_the_safety_box() {
    let s = setup();
    let d = doc(&s, glute(Paper::A4)).unwrap();
    assert_eq!(d.pages.len(), 2, "{:?}", d.page_fill());
    let mut sel = glute(Paper::A4);
    sel.log_weeks = Some(4);
    let d = doc(&s, sel).unwrap();
    assert!(d.safety_alone().is_empty());
    let safety_page = d
        .pages
        .iter()
        .position(|p| p.blocks.iter().any(|b| b.kind == BlockKind::Safety))
        .unwrap();
    assert!(content(&d.pages[safety_page]).len() > 1);
}

#[test]
fn page_one_starts_with_the_plan_box_saying_what_for_what_to_do_and_what_is_normal() {
    let s = setup();
    for template in ["standard", "large-print", "compact"] {
        let d = doc(&s, with_template(template, Paper::A4)).unwrap();
        let first = content(&d.pages[0]);
        assert_eq!(first[0].kind, BlockKind::Header);
        assert_eq!(first[1].kind, BlockKind::Plan, "{template}");
        let plan: String = d.pages[0]
            .items
            .iter()
            .filter(|i| first[1].rect.contains(&i.bounds()))
            .filter_map(|i| match &i.item {
                Item::Text(l) => Some(l.text()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        for needle in [
            "Five exercises for weak glute muscles",
            "Do all 5 exercises once a day, every day.",
            "until we see you again",
            "settles within a day is normal",
            "Stop and call us if",
        ] {
            assert!(
                plan.contains(needle),
                "{template}: {needle:?} not in {plan:?}"
            );
        }
        // The words a patient may not know, from the clinic's glossary.
        if template != "compact" {
            assert!(
                plan.contains("Glute: the muscles of your buttock."),
                "{plan}"
            );
        }
    }
}

#[test]
fn the_plan_says_until_the_appointment_or_for_the_weeks_of_the_log() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.next_appointment = Some(crate::program::Appointment::parse("2026-12-02 10:30").unwrap());
    let text = all_text(&doc(&s, sel).unwrap()).replace('\n', " ");
    assert!(text.contains("Keep going until your next appointment on Wednesday 2 December."));
    let mut sel = glute(Paper::A4);
    sel.log_weeks = Some(4);
    let text = all_text(&doc(&s, sel).unwrap()).replace('\n', " ");
    assert!(text.contains("Keep going for the next 4 weeks"), "{text}");
}

#[test]
fn the_first_picture_has_a_key_and_no_other_does() {
    let s = setup();
    for template in ["standard", "large-print", "compact"] {
        let d = doc(&s, with_template(template, Paper::A4)).unwrap();
        let mut keys = Vec::new();
        for p in &d.pages {
            for it in &p.items {
                if let Item::Text(l) = &it.item {
                    if l.text().contains("where you start") {
                        let card = p.blocks.iter().find(|b| b.rect.contains(&it.bounds()));
                        keys.push(card.map(|b| b.kind.clone()));
                    }
                }
            }
        }
        assert_eq!(keys.len(), 1, "{template}");
        assert!(
            matches!(keys[0], Some(BlockKind::Card { index: 0, .. })),
            "{template}: {keys:?}"
        );
        assert!(all_text(&d)
            .replace('\n', " ")
            .contains("which way to move"));
    }
}

#[test]
fn without_a_log_a_tick_chart_ends_the_handout_unless_the_template_leaves_it_out() {
    let s = setup();
    for (template, paper, tracker) in [
        ("standard", Paper::A4, true),
        ("standard", Paper::Letter, true),
        ("large-print", Paper::A4, true),
        ("compact", Paper::A4, false),
    ] {
        let d = doc(&s, with_template(template, paper)).unwrap();
        let found = d
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .any(|b| b.kind == BlockKind::Tracker);
        assert_eq!(found, tracker, "{template} {paper:?}");
        if tracker {
            let text = all_text(&d).replace('\n', " ");
            assert!(text.contains("Bring this sheet to every appointment."));
            assert!(text.contains("Tick"));
        }
        // With a log, the log is the tracker.
        let mut sel = with_template(template, paper);
        sel.log_weeks = Some(2);
        let d = doc(&s, sel).unwrap();
        assert!(!d
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .any(|b| b.kind == BlockKind::Tracker));
        let text = all_text(&d).replace('\n', " ");
        assert!(
            text.contains("tick the box of each exercise you did"),
            "{text}"
        );
        assert!(text.contains("Bring this sheet to every appointment."));
    }
}

#[test]
fn the_safety_box_says_what_the_signs_mean_and_where_to_get_urgent_help() {
    let s = setup();
    let d = doc(&s, glute(Paper::A4)).unwrap();
    let text = all_text(&d).replace('\n', " ");
    assert!(text.contains("These signs mean an exercise may be harming you"));
    assert!(text.contains("In an emergency, call 999."));
    assert!(text.contains("Call us on 01632 960 123"));
    // Without the clinic's number, the usual one for its country.
    let mut clinic = s.lib.clinic.clone();
    clinic.emergency_number = None;
    clinic.language = "en-US".into();
    let h = resolve(&s.lib, &glute(Paper::A4), parse_date("2026-11-25").unwrap()).unwrap();
    let t = s.lib.template("standard").unwrap();
    let inputs = Inputs {
        clinic: &clinic,
        template: &t,
        fonts: &s.fonts,
        images: &sizes(),
        words: &s.words,
        figures: &s.figures,
    };
    let d = lay_out(&h, &inputs, None).unwrap();
    assert!(all_text(&d)
        .replace('\n', " ")
        .contains("In an emergency, call 911."));
}

#[test]
fn a_clinical_name_follows_the_title_in_brackets_smaller() {
    let s = setup();
    let sel = Selection {
        patient: "Jane Doe".into(),
        items: ItemSpec::parse_list("heel-to-toe-stand").unwrap(),
        ..Default::default()
    };
    let d = doc(&s, sel).unwrap();
    let also = s
        .lib
        .exercise("heel-to-toe-stand")
        .unwrap()
        .also_called
        .clone()
        .unwrap();
    let line = d.pages[0]
        .items
        .iter()
        .find_map(|i| match &i.item {
            Item::Text(l) if l.text().contains(&format!("({also})")) => Some(l.clone()),
            _ => None,
        })
        .expect("the clinical name is printed");
    let title = line.runs.first().unwrap().style;
    let bracket = line
        .runs
        .iter()
        .find(|r| r.text.contains('('))
        .unwrap()
        .style;
    assert!(bracket.size < title.size);
    assert_ne!(bracket.color, title.color);
}
