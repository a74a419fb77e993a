//! Pages to SVG, for a preview that matches the PDF: one SVG document per page,
//! in points, drawing the same placed items in the same order as `pdf.rs`.
//!
//! - Text: each glyph as a `<path class="glyph">` of its outline from the font
//!   file, placed exactly as laid out (the pen moves by the shaped advances, plus
//!   the glyph's offsets), so no font is needed to show it. Each line is a
//!   `<g class="text">` labelled with its text; each run a group with its colour.
//! - Shapes: `<path class="shape">` with the outline the PDF draws.
//! - Pictures: `<image class="image">` with a `data:` URI (a drawing as SVG, a
//!   raster picture as its embedded bytes), labelled with its alt text.
//!
//! Not drawn: what only the PDF has (the structure tree, bookmarks, metadata).

use std::collections::HashMap;
use std::fmt::Write;

use rustybuzz::ttf_parser;

use super::{shape_outline, Resources};
use crate::assets::ImageStore;
use crate::error::{Error, Result};
use crate::fonts::FontId;
use crate::layout::{Color, Document, Item, Line, Page, Segment};

/// Every page of `doc` as an SVG document.
pub(super) fn pages(doc: &Document, res: &Resources, images: &ImageStore) -> Result<Vec<String>> {
    let mut glyphs = Glyphs {
        res,
        paths: HashMap::new(),
    };
    doc.pages
        .iter()
        .map(|p| page(doc, p, res, images, &mut glyphs))
        .collect()
}

fn page(
    doc: &Document,
    page: &Page,
    res: &Resources,
    images: &ImageStore,
    glyphs: &mut Glyphs,
) -> Result<String> {
    let (w, h) = (num(doc.width), num(doc.height));
    let mut out = String::with_capacity(64 * 1024);
    out += &format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}">"#
    );
    out += &format!(r##"<rect class="page" width="{w}" height="{h}" fill="#FFFFFF"/>"##);
    for placed in &page.items {
        match &placed.item {
            Item::Text(line) => text(&mut out, placed.x, placed.y, line, glyphs),
            Item::Shape(shape) => draw_path(
                &mut out,
                "shape",
                shape_outline(placed.x, placed.y, shape),
                shape.fill,
                shape.stroke,
            ),
            Item::Path(path) => draw_path(
                &mut out,
                "path",
                path.moved(placed.x, placed.y),
                path.fill,
                path.stroke,
            ),
            Item::Image {
                name,
                width,
                height,
                alt,
            } => {
                let picture = res
                    .images
                    .get(name, images)
                    .ok_or_else(|| Error::PictureNotLoaded { name: name.clone() })?;
                if *width > 0.0 && *height > 0.0 {
                    let label = alt
                        .as_ref()
                        .map(|a| format!(r#" aria-label="{}""#, escape(a)))
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        r#"<image class="image" x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none"{label} href="{}"/>"#,
                        num(placed.x),
                        num(placed.y),
                        num(*width),
                        num(*height),
                        picture.data_uri()
                    );
                }
            }
        }
    }
    out += "</svg>\n";
    Ok(out)
}

/// A line of text with its baseline's left end at (x, y), as glyph outlines.
fn text(out: &mut String, x: f32, y: f32, line: &Line, glyphs: &mut Glyphs) {
    let _ = write!(
        out,
        r#"<g class="text" aria-label="{}">"#,
        escape(&line.text())
    );
    for run in &line.runs {
        if run.glyphs.is_empty() {
            continue;
        }
        let scale = run.style.size / glyphs.units_per_em(run.font);
        let _ = write!(out, r#"<g fill="{}">"#, colour(run.style.color));
        let mut pen = x + run.x;
        for g in &run.glyphs {
            let d = glyphs.outline(run.font, g.id);
            if !d.is_empty() {
                let _ = write!(
                    out,
                    r#"<path class="glyph" transform="matrix({s} 0 0 -{s} {} {})" d="{d}"/>"#,
                    num(pen + g.x_offset),
                    num(y - g.y_offset),
                    s = scale_num(scale),
                );
            }
            pen += g.advance;
        }
        out.push_str("</g>");
    }
    out.push_str("</g>");
}

fn draw_path(
    out: &mut String,
    class: &str,
    segments: impl IntoIterator<Item = Segment>,
    fill: Option<Color>,
    stroke: Option<(Color, f32)>,
) {
    let mut d = PathData(String::new());
    for segment in segments {
        use ttf_parser::OutlineBuilder;
        match segment {
            Segment::Move(x, y) => d.move_to(x, y),
            Segment::Line(x, y) => d.line_to(x, y),
            Segment::Cubic(x1, y1, x2, y2, x, y) => d.curve_to(x1, y1, x2, y2, x, y),
            Segment::Close => d.close(),
        }
    }
    let d = d.0;
    if d.is_empty() {
        return;
    }
    let fill = fill.map_or("none".to_string(), colour);
    let stroke = stroke.map_or(String::new(), |(c, width)| {
        let round = if class == "path" {
            r#" stroke-linejoin="round" stroke-linecap="round""#
        } else {
            ""
        };
        format!(
            r#" stroke="{}" stroke-width="{}"{round}"#,
            colour(c),
            num(width)
        )
    });
    let _ = write!(
        out,
        r#"<path class="{class}" d="{d}" fill="{fill}"{stroke}/>"#
    );
}

/// Glyph outlines as SVG path data in font units (y up), each made once per preview.
struct Glyphs<'a> {
    res: &'a Resources,
    paths: HashMap<(FontId, u16), String>,
}

impl Glyphs<'_> {
    fn units_per_em(&self, font: FontId) -> f32 {
        self.res.outlines[font.0 as usize].units_per_em() as f32
    }

    fn outline(&mut self, font: FontId, glyph: u16) -> &str {
        let face = &self.res.outlines[font.0 as usize];
        self.paths.entry((font, glyph)).or_insert_with(|| {
            let mut d = PathData(String::new());
            face.outline_glyph(ttf_parser::GlyphId(glyph), &mut d);
            d.0
        })
    }
}

/// SVG path data, written by a glyph's outline or a shape's.
struct PathData(String);

impl ttf_parser::OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {}", num(x), num(y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {}", num(x), num(y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{} {} {} {}", num(x1), num(y1), num(x), num(y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(
            self.0,
            "C{} {} {} {} {} {}",
            num(x1),
            num(y1),
            num(x2),
            num(y2),
            num(x),
            num(y)
        );
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// A coordinate in points (or font units): three decimals, no trailing zeros.
fn num(v: f32) -> String {
    trim(format!("{v:.3}"))
}

/// A glyph's scale (font size over units per em): small, so more decimals.
fn scale_num(v: f32) -> String {
    trim(format!("{v:.7}"))
}

fn trim(s: String) -> String {
    let t = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if t == "-0" {
        "0".into()
    } else {
        t.into()
    }
}

fn colour(c: Color) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::fonts::{FontBook, Weight};
    use crate::layout::text::{wrap, Span, Style};
    use crate::layout::{ArtifactKind, Meta, Placed, Role, Shape};
    use crate::program::{parse_date, resolve, Selection};

    struct Run {
        lib: Library,
        fonts: FontBook,
        res: Resources,
        store: ImageStore,
    }

    fn run() -> Run {
        let lib = Library::builtin().unwrap();
        let fonts = FontBook::load(&lib).unwrap();
        let res = Resources::new(&fonts).unwrap();
        Run {
            lib,
            fonts,
            res,
            store: ImageStore::default(),
        }
    }

    fn count(svg: &str, what: &str) -> usize {
        svg.matches(what).count()
    }

    fn placed(x: f32, y: f32, item: Item) -> Placed {
        Placed {
            x,
            y,
            item,
            role: Role::Artifact(ArtifactKind::Layout),
        }
    }

    fn document(items: Vec<Placed>) -> Document {
        Document {
            width: 200.0,
            height: 100.0,
            pages: vec![Page {
                items,
                blocks: Vec::new(),
            }],
            meta: Meta {
                title: "t".into(),
                author: "a".into(),
                subject: "s".into(),
                language: "en".into(),
                date: parse_date("2026-11-25").unwrap(),
            },
            structure: Vec::new(),
        }
    }

    fn rect(radius: f32, width: f32) -> Item {
        Item::Shape(Shape {
            width,
            height: 20.0,
            fill: Some(Color::WHITE),
            stroke: Some((Color::BLACK, 1.0)),
            radius,
        })
    }

    #[test]
    fn a_page_has_a_path_per_visible_glyph_a_path_per_shape_and_its_pictures() {
        let r = run();
        r.store.get(&r.lib, "logo.svg").unwrap();
        let style = Style {
            weight: Weight::Regular,
            size: 12.0,
            color: Color(0x11, 0x22, 0x33),
        };
        let line = wrap(&r.fonts, &[Span::new("Ab c", style)], 500.0, "t")
            .unwrap()
            .remove(0);
        let font = line.runs[0].font;
        let doc = document(vec![
            placed(10.0, 20.0, Item::Text(line)),
            placed(5.0, 50.0, rect(0.0, 50.0)),
            placed(60.0, 50.0, rect(5.0, 50.0)),
            // No area: nothing to draw, in the PDF either.
            placed(60.0, 80.0, rect(0.0, 0.0)),
            placed(
                120.0,
                10.0,
                Item::Image {
                    name: "logo.svg".into(),
                    width: 40.0,
                    height: 30.0,
                    alt: Some("Clams & <more>".into()),
                },
            ),
        ]);
        let pages = preview_pages(&doc, &r);
        assert_eq!(pages.len(), 1);
        let svg = &pages[0];
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="100pt" viewBox="0 0 200 100">"#), "{svg}");
        // "Ab c": three glyphs with outlines, the space has none.
        assert_eq!(count(svg, r#"class="glyph""#), 3, "{svg}");
        assert_eq!(count(svg, r#"class="shape""#), 2, "{svg}");
        assert_eq!(count(svg, r#"class="image""#), 1, "{svg}");
        assert!(svg.contains(r##"<g class="text" aria-label="Ab c"><g fill="#112233">"##));
        // The first glyph sits at the line's start, scaled to 12 pt, y up.
        let s = scale_num(12.0 / r.fonts.face(font).units_per_em);
        assert!(
            svg.contains(&format!(r#"transform="matrix({s} 0 0 -{s} 10 20)""#)),
            "{svg}"
        );
        // The plain rectangle and the rounded one (quarter circles as curves).
        assert!(svg.contains(r##"<path class="shape" d="M5 50L55 50L55 70L5 70Z" fill="#FFFFFF" stroke="#000000" stroke-width="1"/>"##), "{svg}");
        let rounded = svg
            .split(r#"d=""#)
            .find(|d| d.starts_with("M65 50L105 50C"));
        let rounded = rounded.expect("the rounded rectangle").split('"').next();
        assert_eq!(rounded.unwrap().matches('C').count(), 4, "{svg}");
        assert!(svg.contains(r#"aria-label="Clams &amp; &lt;more&gt;""#));
        assert!(svg.contains(r#"href="data:image/svg+xml;base64,"#));
        // It is an SVG a renderer reads, picture and all.
        let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).unwrap();
        // (usvg measures in CSS pixels: 96 to the inch, 72 points.)
        assert!((tree.size().width() - 200.0 * 96.0 / 72.0).abs() < 0.01);
        fn images(g: &usvg::Group) -> usize {
            g.children()
                .iter()
                .map(|n| match n {
                    usvg::Node::Image(_) => 1,
                    usvg::Node::Group(g) => images(g),
                    _ => 0,
                })
                .sum()
        }
        assert_eq!(images(tree.root()), 1);
    }

    fn preview_pages(doc: &Document, r: &Run) -> Vec<String> {
        super::super::preview(doc, &r.res, &r.store).unwrap()
    }

    #[test]
    fn a_picture_that_was_not_prepared_is_an_error() {
        let r = run();
        let doc = document(vec![placed(
            0.0,
            0.0,
            Item::Image {
                name: "logo.svg".into(),
                width: 40.0,
                height: 30.0,
                alt: None,
            },
        )]);
        let e = super::super::preview(&doc, &r.res, &r.store).unwrap_err();
        assert!(
            matches!(&e, Error::PictureNotLoaded { name } if name == "logo.svg"),
            "{e:?}"
        );
    }

    #[test]
    fn the_glute_strength_page_1_draws_the_clinic_name_from_its_glyph_outlines() {
        let r = run();
        let sel = Selection {
            patient: "Zoë Ó'Brien".into(),
            program: Some("glute-strength".into()),
            ..Default::default()
        };
        let h = resolve(&r.lib, &sel, parse_date("2026-11-25").unwrap()).unwrap();
        let t = r.lib.template(&h.template).unwrap();
        for name in r.lib.clinic.logo.iter().chain(
            h.items
                .iter()
                .flat_map(|i| i.exercise.images.iter().map(|p| &p.file)),
        ) {
            r.store.get(&r.lib, name).unwrap();
        }
        let words = crate::words::Words::for_language(&r.lib.clinic.language);
        let inputs = crate::layout::Inputs {
            clinic: &r.lib.clinic,
            template: &t,
            fonts: &r.fonts,
            images: &r.store,
            words: &words,
            figures: &Default::default(),
        };
        let doc = crate::layout::lay_out(&h, &inputs, None).unwrap();
        let pages = preview_pages(&doc, &r);
        assert_eq!(pages.len(), doc.pages.len());
        let svg = &pages[0];

        // The clinic's name, as laid out: one glyph path per letter, each at
        // its laid-out place, with the face's outline of that glyph.
        let name = &r.lib.clinic.name;
        let (at, line) = doc.pages[0]
            .items
            .iter()
            .find_map(|p| match &p.item {
                Item::Text(l) if &l.text() == name => Some((p, l)),
                _ => None,
            })
            .expect("the clinic name is on page 1");
        let open = format!(r#"<g class="text" aria-label="{name}">"#);
        let start = svg.find(&open).expect("the clinic name's group");
        let group = &svg[start..start + svg[start..].find("</g></g>").unwrap()];
        let letters = name.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(count(group, r#"class="glyph""#), letters, "{group}");
        let run = &line.runs[0];
        let face = &r.res.outlines[run.font.0 as usize];
        let s = scale_num(run.style.size / face.units_per_em() as f32);
        let mut pen = at.x + run.x;
        for g in &run.glyphs {
            let c = run.text[g.start..g.end].chars().next().unwrap();
            if !c.is_whitespace() {
                let mut d = PathData(String::new());
                face.outline_glyph(ttf_parser::GlyphId(g.id), &mut d)
                    .expect("a letter has an outline");
                let expected = format!(
                    r#"<path class="glyph" transform="matrix({s} 0 0 -{s} {} {})" d="{}"/>"#,
                    num(pen + g.x_offset),
                    num(at.y - g.y_offset),
                    d.0
                );
                assert!(
                    group.contains(&expected),
                    "{c:?}: {expected} not in {group}"
                );
            }
            pen += g.advance;
        }
        assert!((pen - at.x - line.width).abs() < 0.01);

        // Every visible glyph of the page is drawn, and every picture.
        let visible: usize = doc.pages[0]
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(l) => Some(l),
                _ => None,
            })
            .flat_map(|l| &l.runs)
            .flat_map(|run| {
                run.glyphs
                    .iter()
                    .filter(|g| !run.text[g.start..g.end].trim().is_empty())
            })
            .count();
        assert_eq!(count(svg, r#"class="glyph""#), visible);
        let pictures = doc.pages[0]
            .items
            .iter()
            .filter(|p| matches!(p.item, Item::Image { .. }))
            .count();
        assert_eq!(count(svg, r#"class="image""#), pictures);
    }
}
