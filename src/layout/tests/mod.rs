//! Layout tests, on the laid-out data (no PDF involved): the shared setup and
//! the invariants every handout must keep, then one file per concern.

mod library;
mod pages;
mod sections;
mod structure;
mod templates;

use std::collections::HashMap;

use super::sections::header::share_widths;
use super::*;
use crate::content::Library;
use crate::error::{Error, Result};
use crate::fonts::FontBook;
use crate::program::{parse_date, resolve, Handout, ItemSpec, Paper, Selection};

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
    words: crate::words::Words,
    figures: crate::figure::FigureCache,
}

fn setup() -> Setup {
    let lib = Library::builtin().unwrap();
    let fonts = FontBook::load(&lib).unwrap();
    let words = crate::words::Words::for_language(&lib.clinic.language);
    Setup {
        lib,
        fonts,
        words,
        figures: Default::default(),
    }
}

/// Lay out `h` with template `t` and these picture sizes, no cache.
fn lay(
    s: &Setup,
    h: &Handout,
    t: &crate::content::Template,
    images: &dyn ImageSizes,
) -> Result<Document> {
    let inputs = Inputs {
        clinic: &s.lib.clinic,
        template: t,
        fonts: &s.fonts,
        images,
        words: &s.words,
        figures: &s.figures,
    };
    lay_out(h, &inputs, None)
}

fn doc(s: &Setup, sel: Selection) -> Result<Document> {
    let h = resolve(&s.lib, &sel, parse_date("2026-11-25").unwrap())?;
    let t = s.lib.template(&h.template)?;
    lay(s, &h, &t, &sizes())
}

/// [`doc`] with template `t` (a built-in one changed by the test).
fn doc_with(s: &Setup, sel: Selection, t: &crate::content::Template) -> Result<Document> {
    let h = resolve(&s.lib, &sel, parse_date("2026-11-25").unwrap())?;
    lay(s, &h, t, &sizes())
}

/// The cards' blocks, on every page, in reading order.
fn card_blocks(d: &Document) -> Vec<&Block> {
    d.pages
        .iter()
        .flat_map(|p| &p.blocks)
        .filter(|b| matches!(b.kind, BlockKind::Card { .. }))
        .collect()
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
        let mut last_x = f32::MIN;
        for (i, a) in page.blocks.iter().enumerate() {
            assert!(
                area.contains(&a.rect),
                "page {}: block {:?} outside",
                n + 1,
                a.kind
            );
            // Down the page, or up to the top of the next column.
            assert!(
                a.rect.y >= last_y_on_page || a.rect.x > last_x,
                "reading order broken at {:?}",
                a.kind
            );
            last_y_on_page = a.rect.y;
            last_x = a.rect.x;
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
    // Each card in order; a card cut across pages goes on at the top of the
    // next page, under its title repeated ("continued").
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for (n, page) in d.pages.iter().enumerate() {
        for b in &page.blocks {
            if let BlockKind::Card { index, .. } = b.kind {
                if let Some(&(last, last_page)) = parts.last() {
                    if last == index {
                        assert_eq!(last_page + 1, n, "card {index} goes on past the next page");
                        let first = page.blocks.iter().find(|b| {
                            !matches!(b.kind, BlockKind::RunningHeader | BlockKind::Header)
                        });
                        assert_eq!(
                            first.map(|b| &b.kind),
                            Some(&b.kind),
                            "card {index} goes on lower down"
                        );
                    }
                }
                parts.push((index, n));
            }
        }
    }
    seen_cards.dedup();
    assert_eq!(seen_cards, (0..cards).collect::<Vec<_>>());
}

impl Placed {
    fn item_kind(&self) -> String {
        match &self.item {
            Item::Text(l) => format!("text {:?}", l.text()),
            Item::Image { name, .. } => format!("image {name}"),
            Item::Shape(_) => "shape".into(),
            Item::Path(_) => "path".into(),
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

fn with_template(template: &str, paper: Paper) -> Selection {
    Selection {
        template: Some(template.into()),
        ..glute(paper)
    }
}

/// The exercises of the glute-strength program, as the library has them.
fn glute_exercises(s: &Setup) -> Vec<std::sync::Arc<crate::content::Exercise>> {
    let program = s.lib.program("glute-strength").unwrap();
    program
        .exercises
        .iter()
        .map(|item| s.lib.exercise(item.id.get_ref()).unwrap())
        .collect()
}

/// The invariants of a glute-strength handout with the standard template.
/// Whether a line is (part of) an exercise's clinical name, which follows its
/// title in brackets, smaller: "(clamshell)".
fn is_also_called(s: &Setup, line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && s.lib.exercise_ids().any(|id| {
            s.lib.exercise(id).is_ok_and(|ex| {
                ex.also_called
                    .as_deref()
                    .is_some_and(|a| format!("({a})").contains(line))
            })
        })
}

fn assert_standard_glute(s: &Setup, d: &Document) {
    assert_invariants(d, margin_of(s, "standard"), glute_exercises(s).len());
}

fn margin_of(s: &Setup, template: &str) -> f32 {
    s.lib.template(template).unwrap().page.margin_mm.0
}
