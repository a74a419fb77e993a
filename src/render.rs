//! Render: laid-out pages to PDF bytes with krilla. The only module that knows the PDF crate.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document as PdfDocument, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use chrono::Datelike;

use crate::assets::{ImageStore, Picture};
use crate::content::Rgb;
use crate::error::{Error, Result};
use crate::fonts::FontBook;
use crate::layout::{Document, Item, Line, Shape};

/// PDF-side resources made once per run: krilla's handle on each font face.
pub struct Resources {
    fonts: Vec<Font>,
}

impl Resources {
    pub fn new(book: &FontBook) -> Result<Resources> {
        let fonts = book
            .faces()
            .map(|(_, face)| {
                Font::new(face.data.into(), 0)
                    .ok_or_else(|| Error::Pdf(format!("cannot embed the font {}", face.name)))
            })
            .collect::<Result<_>>()?;
        Ok(Resources { fonts })
    }
}

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: paint(c),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Render a laid-out document to PDF bytes.
pub fn pdf(doc: &Document, res: &Resources, images: &ImageStore) -> Result<Vec<u8>> {
    let settings = SerializeSettings {
        // Creation date and ids come from the content only: same input, same bytes.
        ..SerializeSettings::default()
    };
    let mut pdf = PdfDocument::new_with(settings);
    for page in &doc.pages {
        let size = PageSettings::from_wh(doc.width, doc.height)
            .ok_or_else(|| Error::Pdf("bad page size".into()))?;
        let mut p = pdf.start_page_with(size);
        let mut s = p.surface();
        for placed in &page.items {
            match &placed.item {
                Item::Text(line) => draw_line(&mut s, res, placed.x, placed.y, line),
                Item::Shape(shape) => draw_shape(&mut s, placed.x, placed.y, shape),
                Item::Image {
                    name,
                    width,
                    height,
                    ..
                } => {
                    let img = images.loaded(name).ok_or_else(|| {
                        Error::Pdf(format!("the image {name} was not loaded before rendering"))
                    })?;
                    let Some(size) = Size::from_wh(*width, *height) else {
                        continue;
                    };
                    s.push_transform(&Transform::from_translate(placed.x, placed.y));
                    match &img.picture {
                        Picture::Svg(tree) => {
                            s.draw_svg(tree, size, SvgSettings::default());
                        }
                        Picture::Raster(image) => s.draw_image(image.clone(), size),
                    }
                    s.pop();
                }
            }
        }
        s.finish();
        p.finish();
    }
    let d = doc.meta.date;
    let metadata = Metadata::new()
        .title(doc.meta.title.clone())
        .authors(vec![doc.meta.author.clone()])
        .description(doc.meta.subject.clone())
        .language(doc.meta.language.clone())
        .creator(format!("handout {}", env!("CARGO_PKG_VERSION")))
        .creation_date(
            DateTime::new(d.year() as u16)
                .month(d.month() as u8)
                .day(d.day() as u8),
        );
    pdf.set_metadata(metadata);
    pdf.finish().map_err(|e| Error::Pdf(format!("{e:?}")))
}

fn draw_line(s: &mut krilla::surface::Surface, res: &Resources, x: f32, y: f32, line: &Line) {
    for run in &line.runs {
        if run.glyphs.is_empty() {
            continue;
        }
        let size = run.style.size;
        let glyphs: Vec<KrillaGlyph> = run
            .glyphs
            .iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(g.id as u32),
                    g.advance / size,
                    g.x_offset / size,
                    g.y_offset / size,
                    0.0,
                    g.start..g.end,
                    None,
                )
            })
            .collect();
        s.set_fill(Some(fill(run.style.color)));
        s.set_stroke(None);
        s.draw_glyphs(
            Point::from_xy(x + run.x, y),
            &glyphs,
            res.fonts[run.font.0 as usize].clone(),
            &run.text,
            size,
            false,
        );
    }
}

fn draw_shape(s: &mut krilla::surface::Surface, x: f32, y: f32, shape: &Shape) {
    let (w, h) = (shape.width, shape.height);
    if w <= 0.0 || h <= 0.0 {
        return;
    }
    let r = shape.radius.min(w / 2.0).min(h / 2.0);
    let mut pb = PathBuilder::new();
    if r <= 0.0 {
        pb.move_to(x, y);
        pb.line_to(x + w, y);
        pb.line_to(x + w, y + h);
        pb.line_to(x, y + h);
        pb.close();
    } else {
        // Quarter circles as cubic Béziers.
        let k = r * 0.552_284_8;
        pb.move_to(x + r, y);
        pb.line_to(x + w - r, y);
        pb.cubic_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
        pb.line_to(x + w, y + h - r);
        pb.cubic_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
        pb.line_to(x + r, y + h);
        pb.cubic_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
        pb.line_to(x, y + r);
        pb.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
        pb.close();
    }
    let Some(path) = pb.finish() else { return };
    s.set_fill(shape.fill.map(fill));
    s.set_stroke(shape.stroke.map(|(c, width)| Stroke {
        paint: paint(c),
        width,
        ..Default::default()
    }));
    s.draw_path(&path);
    s.set_stroke(None);
}
