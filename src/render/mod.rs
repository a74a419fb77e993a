//! Render: laid-out pages ([`Document`]) to PDF bytes with krilla, or to SVG
//! pages for a preview. The only module that knows the PDF crate; it reads
//! nothing but layout's output model and the run's fonts and pictures.
//!
//! | file | what it owns |
//! |---|---|
//! | `mod.rs` | [`PdfOptions`], [`Resources`] (made once per run), the entry points [`pdf`] and [`preview`], and the outline of a shape, which both draw |
//! | `pdf.rs` | pages to PDF: text, shapes and pictures, tags, bookmarks, metadata |
//! | `images.rs` | pictures encoded for krilla (and for the preview) once per run, shared by every handout |
//! | `preview.rs` | pages to SVG: the same items at the same places, text as glyph outlines |

mod images;
mod pdf;
mod preview;

use krilla::text::Font;
use rustybuzz::ttf_parser;

use crate::assets::ImageStore;
use crate::error::{Error, Result};
use crate::fonts::FontBook;
use crate::layout::{Document, Segment, Shape};

/// How the PDF is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfOptions {
    /// A tagged PDF (structure tree, artifacts, alt text) checked as PDF/UA-1.
    pub tagged: bool,
    /// PDF/A-2 for archiving (PDF/A-2a when tagged, else PDF/A-2b).
    pub pdfa: bool,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            tagged: true,
            pdfa: false,
        }
    }
}

impl PdfOptions {
    /// The standards the output claims and krilla checks, for messages.
    pub fn standards(self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.pdfa {
            v.push(if self.tagged { "PDF/A-3a" } else { "PDF/A-3b" });
        }
        if self.tagged {
            v.push("PDF/UA-1");
        }
        v
    }
}

/// What rendering needs, made once per run: krilla's handle on each font face,
/// each face's outlines (for the preview), and the pictures encoded so far.
pub struct Resources {
    fonts: Vec<Font>,
    outlines: Vec<ttf_parser::Face<'static>>,
    images: images::Encoded,
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
        let outlines = book
            .faces()
            .map(|(_, face)| (*face.shaper).clone())
            .collect();
        Ok(Resources {
            fonts,
            outlines,
            images: images::Encoded::default(),
        })
    }
}

/// Render a laid-out document to PDF bytes.
pub fn pdf(
    doc: &Document,
    res: &Resources,
    images: &ImageStore,
    opts: PdfOptions,
    attachment: Option<&Attachment>,
) -> Result<Vec<u8>> {
    pdf::write(doc, res, images, opts, attachment)
}

/// A file carried inside the PDF (the handout's plan), associated with the
/// document as its source data, so it is allowed in PDF/A-3.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub description: String,
    /// A MIME type, e.g. `text/plain`.
    pub mime: String,
    pub data: Vec<u8>,
}

/// Render a laid-out document to SVG, one string per page, drawn from the same
/// items as [`pdf`]: shapes as paths, pictures embedded as data URIs, and text
/// as the glyph outlines of the fonts at the glyphs' laid-out positions.
pub fn preview(doc: &Document, res: &Resources, images: &ImageStore) -> Result<Vec<String>> {
    preview::pages(doc, res, images)
}

/// The pages of [`preview`] as PNG pictures at `dpi`, one per page.
pub fn png(doc: &Document, res: &Resources, images: &ImageStore, dpi: f32) -> Result<Vec<Vec<u8>>> {
    let scale = dpi / 72.0;
    let options = resvg::usvg::Options::default();
    let mut out = Vec::new();
    for svg in preview(doc, res, images)? {
        let tree = resvg::usvg::Tree::from_str(&svg, &options)
            .map_err(|e| Error::Pdf(format!("cannot draw the preview: {e}")))?;
        let (w, h) = (
            (doc.width * scale).ceil().max(1.0) as u32,
            (doc.height * scale).ceil().max(1.0) as u32,
        );
        let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
            .ok_or_else(|| Error::Pdf(format!("a picture of {w}x{h} pixels is too large")))?;
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        // The SVG is sized in points, which usvg reads at 96 per inch: scale
        // from the size it reports to the pixels wanted.
        let size = tree.size();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(
                w as f32 / size.width(),
                h as f32 / size.height(),
            ),
            &mut pixmap.as_mut(),
        );
        out.push(
            pixmap
                .encode_png()
                .map_err(|e| Error::Pdf(format!("cannot write the PNG: {e}")))?,
        );
    }
    Ok(out)
}

/// The outline of a shape with its top left corner at (x, y): a rectangle, its
/// corners rounded with quarter circles (as cubic Béziers) when it has a
/// radius. Empty for a shape with no area.
fn shape_outline(x: f32, y: f32, shape: &Shape) -> Vec<Segment> {
    use Segment::*;
    let (w, h) = (shape.width, shape.height);
    if w <= 0.0 || h <= 0.0 {
        return Vec::new();
    }
    let r = shape.radius.min(w / 2.0).min(h / 2.0);
    if r <= 0.0 {
        return vec![
            Move(x, y),
            Line(x + w, y),
            Line(x + w, y + h),
            Line(x, y + h),
            Close,
        ];
    }
    let k = r * 0.552_284_8;
    vec![
        Move(x + r, y),
        Line(x + w - r, y),
        Cubic(x + w - r + k, y, x + w, y + r - k, x + w, y + r),
        Line(x + w, y + h - r),
        Cubic(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
        Line(x + r, y + h),
        Cubic(x + r - k, y + h, x, y + h - r + k, x, y + h - r),
        Line(x, y + r),
        Cubic(x, y + r - k, x + r - k, y, x + r, y),
        Close,
    ]
}
