//! The three built-in templates on both papers.

use super::*;

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
            assert_invariants(&d, margin_of(&s, template), glute_exercises(&s).len());
            let pages = d.pages.len();
            match (template, paper) {
                ("standard", Paper::A4) => assert_eq!(pages, 3, "two pages and the log"),
                // The last row, the notes, the safety box and the log share page 2.
                ("compact", Paper::A4) => assert_eq!(pages, 2, "the log shares page 2"),
                _ => assert!(pages <= 6, "{template} {paper:?}: {pages} pages"),
            }
        }
    }
}

#[test]
fn compact_puts_the_glute_programme_on_one_page_down_two_columns() {
    let s = setup();
    let d = doc(&s, with_template("compact", Paper::A4)).unwrap();
    // The whole programme on one page: the plan box, then cards 1-3 down the
    // first column and 4, 5 and the safety box down the second.
    assert_eq!(d.pages.len(), 1);
    assert_invariants(&d, margin_of(&s, "compact"), glute_exercises(&s).len());
    let cards = card_blocks(&d);
    assert_eq!(cards.len(), 5);
    // Each card right under the one before, whatever its neighbour's height.
    let spacing = s.lib.template("compact").unwrap().card.spacing_mm.0 * MM;
    let under = |a: &Block, b: &Block| {
        a.rect.x == b.rect.x && (b.rect.y - a.rect.bottom() - spacing).abs() < 0.01
    };
    assert!(under(cards[0], cards[1]) && under(cards[1], cards[2]));
    assert_eq!(cards[3].rect.y, cards[0].rect.y);
    assert!(cards[3].rect.x > cards[0].rect.right());
    assert!(under(cards[3], cards[4]));
    assert_ne!(
        cards[0].rect.height, cards[3].rect.height,
        "no row stretches them"
    );
    // The safety box ends the second column, under the last card.
    let safety = d.pages[0]
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Safety)
        .unwrap();
    assert!(under(cards[4], safety));
    assert!(d.safety_alone().is_empty());
    for p in &d.pages {
        for it in &p.items {
            if let Item::Text(l) = &it.item {
                let footer_or_label = l.max_size() >= 9.5;
                assert!(footer_or_label, "{:?}", l.text());
            }
        }
    }
    // Body text in the cards is at least 11 pt.
    for b in &cards {
        for it in d.pages[0]
            .items
            .iter()
            .filter(|i| b.rect.contains(&i.bounds()))
        {
            if let Item::Text(l) = &it.item {
                let small_ok = is_also_called(&s, &l.text());
                assert!(
                    small_ok || l.max_size() >= 11.0,
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
        assert_invariants(&d, margin_of(&s, "large-print"), glute_exercises(&s).len());
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
                            let coloured = sh.fill.is_some_and(|f| f != Color::WHITE);
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
fn a_grid_in_rows_keeps_each_row_as_tall_as_its_tallest_card() {
    let s = setup();
    let mut t = s.lib.template("compact").unwrap();
    t.layout.fill = crate::content::GridFill::Rows;
    let d = doc_with(&s, with_template("compact", Paper::A4), &t).unwrap();
    assert_invariants(&d, t.page.margin_mm.0, glute_exercises(&s).len());
    let cards = card_blocks(&d);
    // Across: 1 and 2 side by side, equally tall, 3 under them.
    assert_eq!(cards[0].rect.y, cards[1].rect.y);
    assert!(cards[1].rect.x > cards[0].rect.right());
    assert_eq!(cards[0].rect.height, cards[1].rect.height);
    assert_eq!(cards[2].rect.x, cards[0].rect.x);
    assert!(cards[2].rect.y > cards[0].rect.bottom());
}

#[test]
fn pictures_on_top_still_lay_out() {
    let s = setup();
    let mut t = s.lib.template("compact").unwrap();
    t.layout.picture = crate::content::PicturePlace::Top;
    for paper in [Paper::A4, Paper::Letter] {
        let d = doc_with(&s, with_template("compact", paper), &t).unwrap();
        assert_invariants(&d, t.page.margin_mm.0, glute_exercises(&s).len());
    }
}

/// The items of `card` on `page` that are pictures (drawn figures, images),
/// and their joint bounds.
fn picture_bounds(page: &crate::layout::Page, card: &Block) -> Option<Rect> {
    let mut r: Option<Rect> = None;
    for it in &page.items {
        let b = it.bounds();
        if !card.rect.contains(&b) || !matches!(it.item, Item::Path(_) | Item::Image { .. }) {
            continue;
        }
        r = Some(match r {
            None => b,
            Some(a) => {
                let (x, y) = (a.x.min(b.x), a.y.min(b.y));
                Rect {
                    x,
                    y,
                    width: a.right().max(b.right()) - x,
                    height: a.bottom().max(b.bottom()) - y,
                }
            }
        });
    }
    r
}

#[test]
fn words_run_on_under_a_picture_and_never_over_it() {
    let s = setup();
    for template in ["standard", "large-print", "compact"] {
        let d = doc(&s, with_template(template, Paper::A4)).unwrap();
        for page in &d.pages {
            let cards = page.blocks.iter().filter(|b| {
                // The first card's key (a swatch and an arrow) sits under its picture.
                matches!(b.kind, BlockKind::Card { index, .. } if index > 0)
            });
            for card in cards {
                let Some(pic) = picture_bounds(page, card) else {
                    continue;
                };
                for it in &page.items {
                    if let Item::Text(l) = &it.item {
                        let b = it.bounds();
                        assert!(
                            !card.rect.contains(&b) || !b.overlaps(&pic),
                            "{template}: {:?} over the picture of {:?}",
                            l.text(),
                            card.kind
                        );
                    }
                }
            }
        }
    }
    // Compact, card 3: "Start" begins beside the picture and, below its foot,
    // runs on from the card's left edge.
    let d = doc(&s, with_template("compact", Paper::A4)).unwrap();
    let page = &d.pages[0];
    let card = card_blocks(&d)[2];
    let pic = picture_bounds(page, card).unwrap();
    let lines: Vec<(Rect, String)> = page
        .items
        .iter()
        .filter(|it| card.rect.contains(&it.bounds()))
        .filter_map(|it| match &it.item {
            Item::Text(l) => Some((it.bounds(), l.text())),
            _ => None,
        })
        .collect();
    let start = lines
        .iter()
        .position(|(_, t)| t.starts_with("Start:"))
        .unwrap();
    let steps = lines.iter().position(|(_, t)| t == "1.").unwrap();
    let paragraph = &lines[start..steps];
    // Beside the picture, then from the left edge (under it), never back.
    let beside = paragraph
        .iter()
        .take_while(|(r, _)| r.x > pic.right())
        .count();
    assert!(beside >= 1 && beside < paragraph.len(), "{paragraph:?}");
    for (r, t) in &paragraph[beside..] {
        assert!(r.x < pic.x + 1.0 && r.y >= pic.bottom(), "{t:?} at {r:?}");
    }
}

#[test]
fn a_dose_in_short_leaves_out_how_often_when_the_plan_says_it_for_all() {
    let s = setup();
    let text = |sel: Selection| all_text(&doc(&s, sel).unwrap());
    // Compact: the plan says "once a day, every day"; the cards do not.
    let compact = text(with_template("compact", Paper::A4));
    assert!(compact.contains("once a day, every day"), "{compact}");
    assert!(!compact.contains("once a day\n") && !compact.contains("· once a day"));
    // One exercise twice a day: the plan cannot say it for all, so every card does.
    let mut mixed = with_template("compact", Paper::A4);
    mixed.items = ItemSpec::parse_list("clams:3x12@3s 2/day").unwrap();
    let mixed = text(mixed);
    assert!(
        mixed.contains("twice a day") && mixed.contains("once a day"),
        "{mixed}"
    );
    assert!(!mixed.contains("every day."), "{mixed}");
    // In words (standard), each card still ends with how often.
    let standard = text(with_template("standard", Paper::A4));
    assert_eq!(standard.matches("Once a day.").count(), 5, "{standard}");
}
