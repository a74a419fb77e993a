//! Pages to PDF with krilla: each placed item drawn (text as positioned
//! glyphs, shapes as paths, pictures as SVG or raster images), marked as
//! content of its structure node or as an artifact, then the tag tree, the
//! bookmarks and the metadata.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder, PdfVersion};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use krilla::text::{GlyphId, KrillaGlyph};
use krilla::{Document as PdfDocument, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use chrono::Datelike;

use super::{shape_outline, Attachment, PdfOptions, Resources};
use crate::assets::{ImageStore, Picture};
use crate::error::{Error, Result};
use crate::layout::{ArtifactKind, Color, Document, Item, Line, NodeKind, Role, Segment};
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};

fn paint(c: Color) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Color) -> Fill {
    Fill {
        paint: paint(c),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Render a laid-out document to PDF bytes.
pub(super) fn write(
    doc: &Document,
    res: &Resources,
    images: &ImageStore,
    opts: PdfOptions,
    attachment: Option<&Attachment>,
) -> Result<Vec<u8>> {
    let mut config = ConfigurationBuilder::new().with_version(PdfVersion::Pdf17);
    if opts.tagged {
        config = config.with_accessibility_validator(Accessibility::UA1);
    }
    // PDF/A-3: like PDF/A-2, and it may carry the handout's plan as an
    // associated file.
    if opts.pdfa {
        config = config.with_archival_validator(if opts.tagged {
            Archival::A3_A
        } else {
            Archival::A3_B
        });
    }
    let configuration = config
        .finish()
        .map_err(|e| Error::Pdf(format!("cannot combine the PDF standards: {e:?}")))?;
    let settings = SerializeSettings {
        // Creation date and ids come from the content only: same input, same bytes.
        configuration,
        enable_tagging: opts.tagged,
        ..SerializeSettings::default()
    };
    let mut pdf = PdfDocument::new_with(settings);
    // The content of each structure node, in drawing order.
    let mut content: Vec<Vec<Identifier>> = vec![Vec::new(); doc.structure.len()];
    // Where each structure node first appears: (page, x, y).
    let mut first_seen: Vec<Option<(usize, f32, f32)>> = vec![None; doc.structure.len()];
    for (page_index, page) in doc.pages.iter().enumerate() {
        let size = PageSettings::from_wh(doc.width, doc.height)
            .ok_or_else(|| Error::Pdf("bad page size".into()))?;
        let mut p = pdf.start_page_with(size);
        let mut s = p.surface();
        for placed in &page.items {
            if opts.tagged {
                match placed.role {
                    Role::Artifact(kind) => {
                        let kind = match kind {
                            ArtifactKind::Layout => ArtifactType::Layout,
                            ArtifactKind::Header => ArtifactType::Header,
                            ArtifactKind::Footer => ArtifactType::Footer,
                        };
                        s.start_tagged(ContentTag::Artifact(Artifact::new(kind, None)));
                    }
                    Role::Node(n) => {
                        let tag = match placed.item {
                            Item::Text(_) => ContentTag::Span(SpanTag::empty()),
                            _ => ContentTag::Other,
                        };
                        let id = s.start_tagged(tag);
                        if let Some(c) = content.get_mut(n) {
                            c.push(id);
                        }
                        if let Some(slot @ None) = first_seen.get_mut(n) {
                            let top = match &placed.item {
                                Item::Text(l) => placed.y - l.ascent,
                                _ => placed.y,
                            };
                            *slot = Some((page_index, placed.x, top));
                        }
                    }
                }
            }
            match &placed.item {
                Item::Text(line) => draw_line(&mut s, res, placed.x, placed.y, line),
                Item::Shape(shape) => draw_path(
                    &mut s,
                    shape_outline(placed.x, placed.y, shape),
                    shape.fill,
                    shape.stroke,
                    false,
                ),
                // Figures: round joins and caps, as they are drawn; in whole
                // tenths of a point from the figure's corner (35 micrometres,
                // below what a printer shows), the shortest numbers a PDF
                // writes: less to compress, a smaller file.
                Item::Path(path) => {
                    s.push_transform(&krilla::geom::Transform::from_row(
                        0.1, 0.0, 0.0, 0.1, placed.x, placed.y,
                    ));
                    draw_path(
                        &mut s,
                        path.segments.iter().map(|g| tenths(*g)),
                        path.fill,
                        path.stroke.map(|(c, w)| (c, w * 10.0)),
                        true,
                    );
                    s.pop();
                }
                Item::Image {
                    name,
                    width,
                    height,
                    ..
                } => {
                    let img = res.images.get(name, images).ok_or_else(|| {
                        Error::Pdf(format!("the image {name} was not loaded before rendering"))
                    })?;
                    if let Some(size) = Size::from_wh(*width, *height) {
                        s.push_transform(&Transform::from_translate(placed.x, placed.y));
                        match &img.source().picture {
                            Picture::Svg(tree) => {
                                s.draw_svg(tree, size, SvgSettings::default());
                            }
                            Picture::Raster(_) => s.draw_image(img.pdf_image()?, size),
                        }
                        s.pop();
                    }
                }
            }
            if opts.tagged {
                s.end_tagged();
            }
        }
        s.finish();
        p.finish();
    }
    if opts.tagged {
        pdf.set_tag_tree(tag_tree(doc, content));
        pdf.set_outline(outline(doc, &first_seen));
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
    if let Some(a) = attachment {
        let date = DateTime::new(d.year() as u16)
            .month(d.month() as u8)
            .day(d.day() as u8);
        pdf.embed_file(EmbeddedFile {
            path: a.name.clone(),
            mime_type: MimeType::new(&a.mime),
            description: Some(a.description.clone()),
            association_kind: AssociationKind::Data,
            data: a.data.clone().into(),
            modification_date: Some(date),
            compress: Some(true),
            location: None,
        })
        .ok_or_else(|| Error::Pdf(format!("two files named {} in one PDF", a.name)))?;
    }
    pdf.finish().map_err(|e| match e {
        krilla::error::KrillaError::Validation(errors) => {
            let list: Vec<String> = errors.iter().map(|(e, _)| format!("{e:?}")).collect();
            Error::Pdf(format!(
                "the handout cannot be written as {}: {}",
                opts.standards().join(" and "),
                list.join("; ")
            ))
        }
        e => Error::Pdf(e.to_string()),
    })
}

/// The structure tree: each node a tag group holding its content, then its child nodes.
fn tag_tree(doc: &Document, mut content: Vec<Vec<Identifier>>) -> TagTree {
    let n = doc.structure.len();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, node) in doc.structure.iter().enumerate().skip(1) {
        if let Some(p) = node.parent.filter(|&p| p < i) {
            kids[p].push(i);
        }
    }
    fn group(
        i: usize,
        doc: &Document,
        kids: &[Vec<usize>],
        content: &mut [Vec<Identifier>],
    ) -> TagGroup {
        let kind: TagKind = match &doc.structure[i].kind {
            NodeKind::Document | NodeKind::Section => Tag::Section.into(),
            NodeKind::Heading { level, title } => Tag::Hn(
                NonZeroU16::new((*level).max(1) as u16).unwrap_or(NonZeroU16::MIN),
                Some(title.clone()),
            )
            .into(),
            NodeKind::Paragraph => Tag::P.into(),
            NodeKind::List { ordered } => Tag::L(if *ordered {
                ListNumbering::Decimal
            } else {
                ListNumbering::Disc
            })
            .into(),
            NodeKind::ListItem => Tag::LI.into(),
            NodeKind::Label => Tag::Lbl.into(),
            NodeKind::ListBody => Tag::LBody.into(),
            NodeKind::Figure { alt } => Tag::Figure(Some(alt.clone())).into(),
            NodeKind::Caption => Tag::Caption.into(),
            NodeKind::Table => Tag::Table.into(),
            NodeKind::Row => Tag::TR.into(),
            NodeKind::HeaderCell { column } => Tag::TH(if *column {
                TableHeaderScope::Column
            } else {
                TableHeaderScope::Row
            })
            .into(),
            NodeKind::Cell => Tag::TD.into(),
        };
        let mut g = TagGroup::new(kind);
        for id in std::mem::take(&mut content[i]) {
            g.push(id);
        }
        for &k in &kids[i] {
            g.push(group(k, doc, kids, content));
        }
        g
    }
    let mut tree = TagTree::new().with_lang(Some(doc.meta.language.clone()));
    for &k in &kids[0] {
        tree.push(group(k, doc, &kids, &mut content));
    }
    tree
}

/// Bookmarks: the headings of levels 1 and 2, in reading order.
fn outline(doc: &Document, first_seen: &[Option<(usize, f32, f32)>]) -> Outline {
    let mut outline = Outline::new();
    for (i, node) in doc.structure.iter().enumerate() {
        if let NodeKind::Heading { level, title } = &node.kind {
            if *level > 2 {
                continue;
            }
            if let Some((page, x, y)) = first_seen[i] {
                let dest = XyzDestination::new(page, Point::from_xy(x, y));
                outline.push_child(OutlineNode::new(title.clone(), dest));
            }
        }
    }
    outline
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

/// A figure's segment in tenths of a point.
fn tenths(g: Segment) -> Segment {
    let t = |v: f32| v * 10.0;
    match g {
        Segment::Move(x, y) => Segment::Move(t(x), t(y)),
        Segment::Line(x, y) => Segment::Line(t(x), t(y)),
        Segment::Cubic(a, b, c, d, x, y) => Segment::Cubic(t(a), t(b), t(c), t(d), t(x), t(y)),
        Segment::Close => Segment::Close,
    }
}

fn draw_path(
    s: &mut krilla::surface::Surface,
    segments: impl IntoIterator<Item = Segment>,
    fill_colour: Option<Color>,
    stroke: Option<(Color, f32)>,
    round: bool,
) {
    // A figure's points are whole (see `tenths`); shapes (a QR code's
    // modules) keep every digit.
    let r = |v: f32| if round { v.round() } else { v };
    let mut pb = PathBuilder::new();
    for segment in segments {
        match segment {
            Segment::Move(x, y) => pb.move_to(r(x), r(y)),
            Segment::Line(x, y) => pb.line_to(r(x), r(y)),
            Segment::Cubic(x1, y1, x2, y2, x, y) => {
                pb.cubic_to(r(x1), r(y1), r(x2), r(y2), r(x), r(y))
            }
            Segment::Close => pb.close(),
        }
    }
    let Some(path) = pb.finish() else { return };
    s.set_fill(fill_colour.map(fill));
    s.set_stroke(stroke.map(|(c, width)| Stroke {
        paint: paint(c),
        width,
        line_join: if round {
            krilla::paint::LineJoin::Round
        } else {
            krilla::paint::LineJoin::Miter
        },
        line_cap: if round {
            krilla::paint::LineCap::Round
        } else {
            krilla::paint::LineCap::Butt
        },
        ..Default::default()
    }));
    s.draw_path(&path);
    s.set_stroke(None);
}
