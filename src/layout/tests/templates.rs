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
fn compact_runs_the_glute_programme_down_two_columns_the_safety_box_last() {
    let s = setup();
    let d = doc(&s, with_template("compact", Paper::A4)).unwrap();
    // With the plan box, four cards fill page 1's two columns; the last one
    // and the safety box share page 2, side by side.
    assert_eq!(d.pages.len(), 2);
    assert_invariants(&d, margin_of(&s, "compact"), glute_exercises(&s).len());
    let cards = card_blocks(&d);
    // Down the first column (1, 2), then the second (3, 4), each card right
    // under the one before, whatever its neighbour's height.
    let spacing = s.lib.template("compact").unwrap().card.spacing_mm.0 * MM;
    assert_eq!(cards[0].rect.x, cards[1].rect.x);
    assert!((cards[1].rect.y - cards[0].rect.bottom() - spacing).abs() < 0.01);
    assert_eq!(cards[2].rect.y, cards[0].rect.y);
    assert!(cards[2].rect.x > cards[0].rect.right());
    assert!((cards[3].rect.y - cards[2].rect.bottom() - spacing).abs() < 0.01);
    assert_ne!(
        cards[0].rect.height, cards[2].rect.height,
        "no row stretches them"
    );
    // The safety box ends the last column, beside the last card.
    let last = d.pages.last().unwrap();
    let safety = last
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Safety)
        .unwrap();
    assert_eq!(safety.rect.y, cards[4].rect.y);
    assert!(safety.rect.x > cards[4].rect.right());
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
    for b in cards.iter().take(4) {
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
fn words_never_run_over_a_picture() {
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
}
