//! Layout: a [`Handout`] to pages of positioned items. Pure: no files, no PDF.
//!
//! Each section of the handout (header, one card per exercise, the safety box,
//! the notes) is built as a [`Frame`] of items placed relative to its top left
//! corner, measured with the real shaped text. The paginator then stacks the
//! frames down the page, starting a new page before any frame that does not
//! fit (frames are never split), and finally adds the footer, whose "Page N of
//! M" needs the page count. Coordinates are points from the page's top left.

pub mod text;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::content::{Clinic, Colours, PicturePlace, Rgb, Section, Template};
use crate::error::{Error, Result};
use crate::fonts::{FontBook, Weight};
use crate::program::{long_date, Handout, HandoutItem};
pub use text::{GlyphRun, Line, Span, Style};

pub const MM: f32 = 72.0 / 25.4;

/// A laid-out handout.
#[derive(Debug, Clone)]
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub meta: Meta,
    /// The logical structure in reading order, for tagged PDF: node 0 is the
    /// document; each node's children are the later nodes naming it as parent.
    pub structure: Vec<Node>,
}

/// What a placed item is to a reader of the structure (a screen reader).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Decoration or page furniture, not read out.
    Artifact(ArtifactKind),
    /// Part of the content of structure node `n` (an index into [`Document::structure`]).
    Node(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArtifactKind {
    /// Rules, outlines, tints, bars.
    Layout,
    /// The running header of later pages.
    Header,
    /// The footer: disclaimer, phone, page numbers.
    Footer,
}

/// A node of the logical structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// `None` only for the document node.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Document,
    /// A group: an exercise card, the safety box, the notes, a week of the log.
    Section,
    Heading {
        level: u8,
        title: String,
    },
    Paragraph,
    List {
        ordered: bool,
    },
    ListItem,
    /// A list item's number or bullet.
    Label,
    /// A list item's text.
    ListBody,
    Figure {
        alt: String,
    },
    Caption,
    Table,
    Row,
    /// A header cell, for its column or row.
    HeaderCell {
        column: bool,
    },
    Cell,
}

/// What the PDF says about itself.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub language: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<Placed>,
    /// The sections on this page and where they are.
    pub blocks: Vec<Block>,
}

/// An item at a position. For text, `(x, y)` is the left end of the baseline;
/// for images and shapes, the top left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub item: Item,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(Line),
    Image {
        /// The file name in the library's images/.
        name: String,
        width: f32,
        height: f32,
        alt: Option<String>,
    },
    Shape(Shape),
}

/// A rectangle (rounded when `radius` > 0; a circle when square with radius half its side).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub width: f32,
    pub height: f32,
    pub fill: Option<Rgb>,
    pub stroke: Option<(Rgb, f32)>,
    pub radius: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    pub fn contains(&self, o: &Rect) -> bool {
        const E: f32 = 0.01;
        o.x >= self.x - E
            && o.y >= self.y - E
            && o.right() <= self.right() + E
            && o.bottom() <= self.bottom() + E
    }
}

impl Placed {
    /// The box the item covers on the page.
    pub fn bounds(&self) -> Rect {
        match &self.item {
            Item::Text(l) => Rect {
                x: self.x,
                y: self.y - l.ascent,
                width: l.width,
                height: l.ascent + l.descent,
            },
            Item::Image { width, height, .. } => Rect {
                x: self.x,
                y: self.y,
                width: *width,
                height: *height,
            },
            Item::Shape(s) => {
                let half = s.stroke.map_or(0.0, |(_, w)| w / 2.0);
                Rect {
                    x: self.x - half,
                    y: self.y - half,
                    width: s.width + 2.0 * half,
                    height: s.height + 2.0 * half,
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub rect: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Header,
    RunningHeader,
    /// The card of the `index`-th exercise (0-based).
    Card {
        index: usize,
        id: String,
    },
    Safety,
    Notes,
    /// A week (1-based) of the exercise log.
    Log {
        week: usize,
    },
    Footer,
}

/// The sizes of the images a handout uses, in any unit (only the ratio matters).
pub trait ImageSizes {
    fn size(&self, name: &str) -> Option<(f32, f32)>;
}

impl ImageSizes for HashMap<String, (f32, f32)> {
    fn size(&self, name: &str) -> Option<(f32, f32)> {
        self.get(name).copied()
    }
}

/// Items relative to a top left corner, with a size, and the structure nodes
/// they belong to (numbered within the frame; renumbered when it is placed).
#[derive(Debug, Clone)]
struct Frame {
    width: f32,
    height: f32,
    items: Vec<Placed>,
    nodes: Vec<Node>,
    /// The role given to items pushed from now on.
    role: Role,
    /// The node that builders attach their nodes to (`None`: the frame's top level).
    parent: Option<usize>,
}

impl Default for Frame {
    fn default() -> Self {
        Frame {
            width: 0.0,
            height: 0.0,
            items: Vec::new(),
            nodes: Vec::new(),
            role: Role::Artifact(ArtifactKind::Layout),
            parent: None,
        }
    }
}

impl Frame {
    fn new(width: f32) -> Frame {
        Frame {
            width,
            ..Default::default()
        }
    }

    /// A new structure node; `parent: None` attaches it to wherever the frame is placed.
    fn node(&mut self, kind: NodeKind, parent: Option<usize>) -> usize {
        self.nodes.push(Node { kind, parent });
        self.nodes.len() - 1
    }

    /// A new node whose content is what is pushed next.
    fn open(&mut self, kind: NodeKind, parent: Option<usize>) -> usize {
        let n = self.node(kind, parent);
        self.role = Role::Node(n);
        n
    }

    fn push(&mut self, x: f32, y: f32, item: Item) {
        let role = self.role;
        self.items.push(Placed { x, y, item, role });
    }

    /// A decorative shape (outline, rule, tint): always an artifact.
    fn shape(&mut self, x: f32, y: f32, shape: Shape) {
        self.items.push(Placed {
            x,
            y,
            item: Item::Shape(shape),
            role: Role::Artifact(ArtifactKind::Layout),
        });
    }

    /// Put `other` inside this frame at (dx, dy); its top-level nodes go under `parent`.
    fn absorb(&mut self, other: Frame, dx: f32, dy: f32, parent: Option<usize>) {
        let base = self.nodes.len();
        for n in other.nodes {
            self.nodes.push(Node {
                kind: n.kind,
                parent: n.parent.map(|p| p + base).or(parent),
            });
        }
        for mut p in other.items {
            p.x += dx;
            p.y += dy;
            if let Role::Node(n) = p.role {
                p.role = Role::Node(n + base);
            }
            self.items.push(p);
        }
    }

    /// A horizontal rule across the frame's width (decoration).
    fn rule(&mut self, y: f32, thickness: f32, colour: Rgb) {
        let width = self.width;
        self.shape(
            0.0,
            y,
            Shape {
                width,
                height: thickness,
                fill: Some(colour),
                stroke: None,
                radius: 0.0,
            },
        );
    }

    /// Lines centred in a column from `x`, `w` wide.
    fn lines_centered(&mut self, x: f32, w: f32, top: f32, lines: Vec<Line>, pitch: f32) -> f32 {
        self.lines_aligned(top, lines, pitch, |l| x + (w - l.width) / 2.0)
    }

    /// Place lines from `top`, each `pitch` apart; returns the height used.
    ///
    /// The extra leading is split above and below each line; when the font's
    /// ascent and descent need more than the pitch, the lines are kept inside the
    /// returned height (accents on capitals never poke out of their block).
    fn lines(&mut self, x: f32, top: f32, lines: Vec<Line>, pitch: f32) -> f32 {
        self.lines_aligned(top, lines, pitch, |_| x)
    }

    /// Like [`Frame::lines`], each line aligned to the right edge `right`.
    fn lines_right(&mut self, right: f32, top: f32, lines: Vec<Line>, pitch: f32) -> f32 {
        self.lines_aligned(top, lines, pitch, |l| right - l.width)
    }

    fn lines_aligned(
        &mut self,
        top: f32,
        lines: Vec<Line>,
        pitch: f32,
        x_of: impl Fn(&Line) -> f32,
    ) -> f32 {
        let n = lines.len();
        let mut height = n as f32 * pitch;
        for (k, line) in lines.into_iter().enumerate() {
            let extent = line.ascent + line.descent;
            let lead = ((pitch - extent) / 2.0).max(0.0);
            let baseline = top + k as f32 * pitch + lead + line.ascent;
            height = height.max(baseline + line.descent - top);
            let x = x_of(&line);
            self.push(x, baseline, Item::Text(line));
        }
        height
    }
}

/// Put a frame on a page at (dx, dy): its items join the page, its nodes the
/// document's structure (top-level ones under the document node).
fn place(frame: Frame, dx: f32, dy: f32, structure: &mut Vec<Node>, items: &mut Vec<Placed>) {
    let base = structure.len();
    for n in frame.nodes {
        structure.push(Node {
            kind: n.kind,
            parent: Some(n.parent.map_or(0, |p| p + base)),
        });
    }
    for mut p in frame.items {
        p.x += dx;
        p.y += dy;
        if let Role::Node(n) = p.role {
            p.role = Role::Node(n + base);
        }
        items.push(p);
    }
}

/// A piece of the flow, placed whole: never split across pages.
struct Chunk {
    frame: Frame,
    /// The blocks inside the frame, relative to its top left corner.
    blocks: Vec<(BlockKind, Rect)>,
    /// Start a new page before it (unless the page is still empty).
    new_page: bool,
    /// Space after it, when not the usual gap between sections.
    space_after: Option<f32>,
}

impl Chunk {
    fn single(kind: BlockKind, frame: Frame) -> Chunk {
        let rect = Rect {
            x: 0.0,
            y: 0.0,
            width: frame.width,
            height: frame.height,
        };
        Chunk {
            frame,
            blocks: vec![(kind, rect)],
            new_page: false,
            space_after: None,
        }
    }
}

/// Make a boxed frame (outline first) `height` tall.
fn stretch(f: &mut Frame, height: f32) {
    if height <= f.height {
        return;
    }
    if let Some(Placed {
        item: Item::Shape(s),
        ..
    }) = f.items.first_mut()
    {
        s.height += height - f.height;
    }
    f.height = height;
}

/// One row of a grid of cards: equal heights, `gap` apart.
fn grid_row(row: &[(BlockKind, Frame)], cell_w: f32, gap: f32, width: f32) -> Chunk {
    let height = row.iter().map(|(_, f)| f.height).fold(0.0, f32::max);
    let mut frame = Frame {
        height,
        ..Frame::new(width)
    };
    let mut blocks = Vec::new();
    for (k, (kind, f)) in row.iter().enumerate() {
        let x = k as f32 * (cell_w + gap);
        let mut f = f.clone();
        if row.len() > 1 {
            stretch(&mut f, height);
        }
        blocks.push((
            kind.clone(),
            Rect {
                x,
                y: 0.0,
                width: f.width,
                height: f.height,
            },
        ));
        frame.absorb(f, x, 0.0, None);
    }
    Chunk {
        frame,
        blocks,
        new_page: false,
        space_after: None,
    }
}

/// Mix `a` toward `b` by `t` (0 = a, 1 = b).
fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// Everything the section builders share.
#[derive(Clone)]
struct Ctx<'a> {
    fonts: &'a FontBook,
    images: &'a dyn ImageSizes,
    t: &'a Template,
    clinic: &'a Clinic,
    colours: Colours,
    width: f32,
}

impl Ctx<'_> {
    fn style(&self, weight: Weight, size: f32, color: Rgb) -> Style {
        Style {
            weight,
            size,
            color,
        }
    }
    fn body(&self) -> Style {
        self.style(Weight::Regular, self.t.text.body_pt.0, self.colours.text)
    }
    fn bold(&self) -> Style {
        self.style(Weight::Bold, self.t.text.body_pt.0, self.colours.text)
    }
    fn small(&self) -> Style {
        self.style(Weight::Regular, self.t.text.small_pt.0, self.colours.text)
    }
    fn pitch(&self, size: f32) -> f32 {
        size * self.t.text.line_height.0
    }
    /// A dark grey for labels, still high contrast on white.
    fn muted(&self) -> Rgb {
        mix(self.colours.text, Rgb::WHITE, 0.22)
    }
    fn rule_colour(&self) -> Rgb {
        mix(self.colours.primary, Rgb::WHITE, 0.55)
    }
    fn wrap(&self, spans: &[Span], width: f32, context: &str) -> Result<Vec<Line>> {
        text::wrap(self.fonts, spans, width, context)
    }
    fn measure(&self, s: &str, style: Style) -> Result<f32> {
        text::measure(self.fonts, s, style, "the layout")
    }
}

/// Laid-out exercise cards kept between handouts of one run: in a roster most
/// patients share exercises, doses and numbering, and a card depends on nothing
/// else. Memoisation only: results are the same with or without it.
#[derive(Default)]
pub struct LayoutCache {
    cards: std::sync::Mutex<HashMap<CardKey, Arc<Frame>>>,
    /// Sections that are the same on every handout: the safety box, footers.
    fixed: std::sync::Mutex<HashMap<(String, u32, String), Arc<Frame>>>,
}

/// `build()`, or its earlier result for the same key.
fn fixed_frame(
    cache: Option<&LayoutCache>,
    t: &Template,
    width: f32,
    what: String,
    build: impl FnOnce() -> Result<Frame>,
) -> Result<Frame> {
    let Some(c) = cache else { return build() };
    let key = (t.id.clone(), width.to_bits(), what);
    if let Some(f) = c.fixed.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok((**f).clone());
    }
    let f = build()?;
    let mut fixed = c.fixed.lock().unwrap_or_else(|e| e.into_inner());
    if fixed.len() >= LayoutCache::LIMIT {
        fixed.clear();
    }
    fixed.insert(key, Arc::new(f.clone()));
    Ok(f)
}

#[derive(Hash, PartialEq, Eq)]
struct CardKey {
    template: String,
    width: u32,
    index: usize,
    exercise: String,
    dose: String,
    note: Option<String>,
}

impl LayoutCache {
    /// Cards kept at most (a run with more distinct cards starts over).
    const LIMIT: usize = 2048;
}

/// Lay out a handout on its paper with a template.
pub fn lay_out(
    h: &Handout,
    clinic: &Clinic,
    t: &Template,
    fonts: &FontBook,
    images: &dyn ImageSizes,
) -> Result<Document> {
    lay_out_cached(h, clinic, t, fonts, images, None)
}

/// [`lay_out`], reusing cards from `cache`.
pub fn lay_out_cached(
    h: &Handout,
    clinic: &Clinic,
    t: &Template,
    fonts: &FontBook,
    images: &dyn ImageSizes,
    cache: Option<&LayoutCache>,
) -> Result<Document> {
    let (pw, ph) = h.paper.size_pt();
    let margin = t.page.margin_mm.0 * MM;
    let cx = Ctx {
        fonts,
        images,
        t,
        clinic,
        colours: t.colours.unwrap_or(clinic.colours),
        width: pw - 2.0 * margin,
    };

    // The footer's height, measured with the widest page label it will hold.
    let right_w = footer_right_width(&cx)?;
    let footer_probe = fixed_frame(cache, t, cx.width, "footer probe".into(), || {
        footer(&cx, 99, 99, right_w)
    })?;
    let footer_top = ph - margin - footer_probe.height;
    let bottom = footer_top - t.page.footer_gap_mm.0 * MM;
    let running = running_header(&cx, h)?;

    // The most a chunk can be: a page below the running header.
    let page_room = bottom - margin - running.height;

    // Sections, as chunks of the flow in reading order.
    let spacing = t.card.spacing_mm.0 * MM;
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut safety_placed = false;
    for (si, section) in t.sections.order.iter().enumerate() {
        match section {
            Section::Header => chunks.push(Chunk::single(BlockKind::Header, header(&cx, h)?)),
            Section::Exercises => {
                let columns = t.layout.columns.0.max(1);
                let cell_w = (cx.width - spacing * (columns - 1) as f32) / columns as f32;
                let cell = Ctx {
                    width: cell_w,
                    ..cx.clone()
                };
                let mut cells: Vec<(BlockKind, Frame)> = Vec::new();
                for (i, item) in h.items.iter().enumerate() {
                    let kind = BlockKind::Card {
                        index: i,
                        id: item.exercise.id.clone(),
                    };
                    cells.push((kind, card_cached(&cell, cache, i, item)?));
                }
                // In a grid, the safety box takes a free cell of the last row.
                let next_is_safety = t.sections.order.get(si + 1) == Some(&Section::Safety);
                if columns > 1 && !cells.len().is_multiple_of(columns) && next_is_safety {
                    let f = fixed_frame(cache, t, cell_w, "safety".into(), || safety(&cell))?;
                    cells.push((BlockKind::Safety, f));
                    safety_placed = true;
                }
                for row in cells.chunks(columns) {
                    chunks.push(grid_row(row, cell_w, spacing, cx.width));
                }
            }
            Section::Safety => {
                if !safety_placed {
                    let f = fixed_frame(cache, t, cx.width, "safety".into(), || safety(&cx))?;
                    chunks.push(Chunk::single(BlockKind::Safety, f));
                }
            }
            Section::Notes => {
                if let Some(n) = &h.notes {
                    let pieces = notes(&cx, n, page_room)?;
                    let last = pieces.len().saturating_sub(1);
                    for (k, f) in pieces.into_iter().enumerate() {
                        let mut c = Chunk::single(BlockKind::Notes, f);
                        if k < last {
                            c.space_after = Some(cx.t.text.body_pt.0 * 0.4);
                        }
                        chunks.push(c);
                    }
                }
            }
            Section::Log => {
                for week in 0..h.log_weeks as usize {
                    let mut c =
                        Chunk::single(BlockKind::Log { week: week + 1 }, log_week(&cx, h, week)?);
                    c.new_page = week == 0;
                    chunks.push(c);
                }
            }
        }
    }

    let mut pages: Vec<Page> = vec![Page::default()];
    let mut structure = vec![Node {
        kind: NodeKind::Document,
        parent: None,
    }];
    let mut y = margin;
    let mut first_on_page = true;
    for chunk in chunks {
        let fits = y + chunk.frame.height <= bottom + 0.01;
        if (!fits || chunk.new_page) && !first_on_page {
            pages.push(Page::default());
            let page = pages.last_mut().unwrap();
            let r = running.clone();
            page.blocks.push(Block {
                kind: BlockKind::RunningHeader,
                rect: Rect {
                    x: margin,
                    y: margin,
                    width: r.width,
                    height: r.height,
                },
            });
            y = margin + r.height;
            place(r, margin, margin, &mut structure, &mut page.items);
        }
        if y + chunk.frame.height > bottom + 0.01 {
            let what = match chunk
                .blocks
                .iter()
                .map(|b| &b.0)
                .max_by_key(|k| matches!(k, BlockKind::Card { .. }))
            {
                Some(BlockKind::Card { id, .. }) => format!("exercise `{id}`"),
                Some(BlockKind::Safety) => "the safety box (clinic.toml [safety])".into(),
                Some(BlockKind::Notes) => "the notes".into(),
                Some(BlockKind::Log { .. }) => "a week of the exercise log".into(),
                _ => "the page header".into(),
            };
            return Err(Error::TooTall {
                what,
                needed_mm: chunk.frame.height / MM,
                available_mm: (bottom - y) / MM,
            });
        }
        let page = pages.last_mut().unwrap();
        for (kind, r) in chunk.blocks {
            page.blocks.push(Block {
                kind,
                rect: Rect {
                    x: margin + r.x,
                    y: y + r.y,
                    ..r
                },
            });
        }
        let top = y;
        y += chunk.frame.height + chunk.space_after.unwrap_or(spacing);
        place(chunk.frame, margin, top, &mut structure, &mut page.items);
        first_on_page = false;
    }

    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        let f = fixed_frame(
            cache,
            t,
            cx.width,
            format!("footer {} {total}", n + 1),
            || footer(&cx, n + 1, total, right_w),
        )?;
        let top = ph - margin - f.height;
        page.blocks.push(Block {
            kind: BlockKind::Footer,
            rect: Rect {
                x: margin,
                y: top,
                width: f.width,
                height: f.height,
            },
        });
        place(f, margin, top, &mut structure, &mut page.items);
    }

    Ok(Document {
        width: pw,
        height: ph,
        pages,
        meta: Meta {
            title: format!("Home exercise programme: {}", h.patient),
            author: clinic.name.clone(),
            subject: h
                .program_title
                .clone()
                .unwrap_or_else(|| "Home exercise programme".into()),
            language: clinic.language.clone(),
            date: h.date,
        },
        structure,
    })
}

fn header(cx: &Ctx, h: &Handout) -> Result<Frame> {
    let t = cx.t;
    let w = cx.width;
    let mut f = Frame {
        width: w,
        ..Default::default()
    };
    let c = cx.clinic;

    // Logo and clinic: the clinic's name is the first heading.
    let clinic_heading = f.node(
        NodeKind::Heading {
            level: 1,
            title: c.name.clone(),
        },
        None,
    );
    let logo_h = t.header.logo_height_mm.0 * MM;
    let mut x = 0.0;
    if let Some(logo) = &c.logo {
        if let Some((iw, ih)) = cx.images.size(logo) {
            let lw = logo_h * iw / ih;
            f.open(
                NodeKind::Figure {
                    alt: format!("{} logo", c.name),
                },
                None,
            );
            f.push(
                0.0,
                0.0,
                Item::Image {
                    name: logo.clone(),
                    width: lw,
                    height: logo_h,
                    alt: Some(format!("{} logo", c.name)),
                },
            );
            x = lw + 4.0 * MM;
        }
    }
    let name_size = t.text.clinic_pt.0;
    let name_lines = cx.wrap(
        &[Span::new(
            &c.name,
            cx.style(Weight::Bold, name_size, cx.colours.primary),
        )],
        w - x,
        "the clinic name",
    )?;
    f.role = Role::Node(clinic_heading);
    let mut ty = f.lines(x, 0.0, name_lines, cx.pitch(name_size));
    let contact: Vec<&str> = [c.phone.as_str(), c.email.as_str(), c.website.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let small = cx.small();
    let mut details: Vec<&str> = vec![c.address.trim()];
    details.extend(contact);
    details.retain(|d| !d.is_empty());
    if !details.is_empty() {
        let lines = cx.wrap(
            &[Span::new(details.join("  ·  "), small)],
            w - x,
            "the clinic details",
        )?;
        f.open(NodeKind::Paragraph, None);
        ty += f.lines(x, ty, lines, cx.pitch(small.size));
    }
    let mut y = ty.max(if x > 0.0 { logo_h } else { 0.0 }) + 2.0 * MM;
    f.rule(y, 2.0, cx.colours.primary);
    y += 2.0 + 3.0 * MM;

    // Title.
    // Title, with the program's name beside it when it fits, else under it.
    let title_size = t.text.title_pt.0;
    let title_style = cx.style(Weight::Bold, title_size, cx.colours.text);
    let title = cx.wrap(
        &[Span::new("Home exercise programme", title_style)],
        w,
        "the title",
    )?;
    let title_w = title.iter().map(|l| l.width).fold(0.0, f32::max);
    let title_n = title.len();
    f.open(
        NodeKind::Heading {
            level: 1,
            title: "Home exercise programme".into(),
        },
        None,
    );
    let th = f.lines(0.0, y, title, cx.pitch(title_size));
    if let Some(p) = &h.program_title {
        f.open(NodeKind::Paragraph, None);
        let s = cx.style(Weight::Regular, t.text.heading_pt.0, cx.colours.primary);
        let beside_x = title_w + 4.0 * MM;
        let one = cx.wrap(&[Span::new(p, s)], w - beside_x, "the program title")?;
        if title_n == 1 && one.len() == 1 {
            // Share the title's baseline.
            let line = one.into_iter().next().unwrap();
            let base = f.items.last().map_or(y, |p| p.y);
            f.push(beside_x, base, Item::Text(line));
            y += th;
        } else {
            y += th;
            let lines = cx.wrap(&[Span::new(p, s)], w, "the program title")?;
            y += f.lines(0.0, y, lines, cx.pitch(s.size));
        }
    } else {
        y += th;
    }
    y += 2.5 * MM;

    // Patient, date, clinician: labelled columns.
    let mut fields = vec![("Patient", h.patient.clone(), "the patient name")];
    fields.push(("Date", long_date(h.date), "the date"));
    if let Some(c) = &h.clinician {
        fields.push(("Clinician", c.clone(), "the clinician name"));
    }
    if let Some(a) = &h.next_appointment {
        fields.push(("Next appointment", a.to_string(), "the appointment"));
    }
    let col_gap = 4.0 * MM;
    let label = cx.style(Weight::Regular, t.text.small_pt.0, cx.muted());
    let value = cx.bold();
    // Columns as wide as their text, sharing what is left; when the text is
    // wider than the page, in proportion to it.
    let avail = w - col_gap * (fields.len() as f32 - 1.0);
    let mut natural = Vec::new();
    for (name, val, context) in &fields {
        let n = cx.measure(name, label)?;
        let v = text::measure(cx.fonts, val, value, context)?;
        natural.push(n.max(v) + 0.5);
    }
    let widths = share_widths(&natural, avail);
    let mut col_h: f32 = 0.0;
    let mut cxp = 0.0;
    for (k, (name, val, context)) in fields.into_iter().enumerate() {
        let col_w = widths[k];
        let x0 = cxp;
        cxp += col_w + col_gap;
        let cxp = x0;
        f.open(NodeKind::Paragraph, None);
        let mut cy = f.lines(
            cxp,
            y,
            cx.wrap(&[Span::new(name, label)], col_w, "a label")?,
            cx.pitch(label.size),
        );
        cy += f.lines(
            cxp,
            y + cy,
            cx.wrap(&[Span::new(val, value)], col_w, context)?,
            cx.pitch(value.size),
        );
        col_h = col_h.max(cy);
    }
    y += col_h + 2.0 * MM;
    f.rule(y, 0.75, cx.rule_colour());
    y += 0.75;
    f.height = y;
    Ok(f)
}

/// Share `avail` between columns that would like `natural` widths. When all
/// fit, each gets its width and an equal part of what is left. Otherwise the
/// columns narrower than a fair share keep their width (a name or a date never
/// wraps because another field is long) and the wider ones share the rest.
fn share_widths(natural: &[f32], avail: f32) -> Vec<f32> {
    let n = natural.len();
    let total: f32 = natural.iter().sum();
    if total <= avail {
        let extra = (avail - total) / n as f32;
        return natural.iter().map(|w| w + extra).collect();
    }
    let mut widths: Vec<Option<f32>> = vec![None; n];
    let mut left = avail;
    loop {
        let open = widths.iter().filter(|w| w.is_none()).count();
        if open == 0 {
            break;
        }
        let share = left / open as f32;
        let mut settled = false;
        for (w, &nat) in widths.iter_mut().zip(natural) {
            if w.is_none() && nat <= share {
                *w = Some(nat);
                left -= nat;
                settled = true;
            }
        }
        if !settled {
            let share = left / open as f32;
            for w in widths.iter_mut().filter(|w| w.is_none()) {
                *w = Some(share);
            }
            break;
        }
    }
    widths.into_iter().map(|w| w.unwrap_or(0.0)).collect()
}

fn running_header(cx: &Ctx, h: &Handout) -> Result<Frame> {
    let w = cx.width;
    let mut f = Frame {
        role: Role::Artifact(ArtifactKind::Header),
        ..Frame::new(w)
    };
    let small = cx.small();
    let right_text = format!("{} · {}", h.patient, long_date(h.date));
    let right = cx.wrap(
        &[Span::new(
            right_text,
            cx.style(Weight::Bold, small.size, cx.colours.text),
        )],
        w * 0.6,
        "the patient name",
    )?;
    let right_w = right.iter().map(|l| l.width).fold(0.0, f32::max);
    let left = cx.wrap(
        &[Span::new(&cx.clinic.name, small)],
        w - right_w - 6.0 * MM,
        "the clinic name",
    )?;
    let pitch = cx.pitch(small.size);
    let lh = f.lines(0.0, 0.0, left, pitch);
    let rh = f.lines_right(w, 0.0, right, pitch);
    let y = lh.max(rh) + 1.5 * MM;
    f.rule(y, 0.75, cx.rule_colour());
    f.height = y + 0.75 + 4.0 * MM;
    Ok(f)
}

/// A card, reused from `cache` when the same card was laid out before in this run.
fn card_cached(
    cx: &Ctx,
    cache: Option<&LayoutCache>,
    index: usize,
    item: &HandoutItem,
) -> Result<Frame> {
    let Some(c) = cache else {
        return card(cx, index, item);
    };
    let key = CardKey {
        template: cx.t.id.clone(),
        width: cx.width.to_bits(),
        index,
        exercise: item.exercise.id.clone(),
        dose: item.dose.to_string(),
        note: item.note.clone(),
    };
    if let Some(f) = c.cards.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok((**f).clone());
    }
    let f = card(cx, index, item)?;
    let mut cards = c.cards.lock().unwrap_or_else(|e| e.into_inner());
    if cards.len() >= LayoutCache::LIMIT {
        cards.clear();
    }
    cards.insert(key, Arc::new(f.clone()));
    Ok(f)
}

/// One exercise card, `cx.width` wide.
///
/// With pictures on the left (standard, large print): pictures, the dose and the
/// video code in a column beside the words. With pictures on top (compact): a
/// small picture with the title and dose beside it, the words underneath.
fn card(cx: &Ctx, index: usize, item: &HandoutItem) -> Result<Frame> {
    let t = cx.t;
    let w = cx.width;
    let pad = t.card.padding_mm.0 * MM;
    let inner = w - 2.0 * pad;
    let mut f = Frame::new(w);
    // Reading order: title, words, dose, pictures, video.
    let section = f.node(NodeKind::Section, None);
    f.parent = Some(section);
    let pic_w = (t.card.picture_width_mm.0 * MM).min(inner * 0.6);
    let gap = t.card.gap_mm.0 * MM;
    let height = match t.layout.picture {
        PicturePlace::Left => {
            let text_x = pad + pic_w + gap;
            let text_w = inner - pic_w - gap;
            let mut ty = pad + title_row(cx, &mut f, text_x, pad, text_w, index, item)?;
            ty += 1.5 * MM;
            ty += words(cx, &mut f, text_x, ty, text_w, item)?;
            let mut pics = Frame::default();
            let mut ly = pad + pictures(cx, &mut pics, pad, pad, pic_w, item)?;
            ly += dose_box(cx, &mut f, pad, ly, pic_w, item)?;
            f.absorb(pics, 0.0, 0.0, Some(section));
            if let Some(url) = item.video.as_ref().filter(|_| t.sections.video) {
                ly += 2.5 * MM;
                ly += video_code(cx, &mut f, pad, ly, pic_w, url, false)?;
            }
            ty.max(ly) + pad
        }
        PicturePlace::Top => {
            let side_x = pad + pic_w + gap;
            let side_w = inner - pic_w - gap;
            let mut sy = pad + title_row(cx, &mut f, side_x, pad, side_w, index, item)?;
            sy += 1.5 * MM;
            sy += dose_box(cx, &mut f, side_x, sy, side_w, item)?;
            let py = pad + pictures(cx, &mut f, pad, pad, pic_w, item)?;
            let mut y = sy.max(py) + 1.5 * MM;
            y += words(cx, &mut f, pad, y, inner, item)?;
            if let Some(url) = item.video.as_ref().filter(|_| t.sections.video) {
                y += 2.0 * MM;
                y += video_code(cx, &mut f, pad, y, inner, url, true)?;
            }
            y + pad
        }
    };
    // The card's outline goes first, under everything.
    let border = t.card.border_pt.0;
    f.items.insert(
        0,
        Placed {
            x: border / 2.0,
            y: border / 2.0,
            item: Item::Shape(Shape {
                width: w - border,
                height: height - border,
                fill: None,
                stroke: Some((cx.rule_colour(), border)),
                radius: t.card.corner_mm.0 * MM,
            }),
            role: Role::Artifact(ArtifactKind::Layout),
        },
    );
    f.height = height;
    Ok(f)
}

/// The card's number in a circle and its title; returns the height used.
fn title_row(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    index: usize,
    item: &HandoutItem,
) -> Result<f32> {
    let ex = &item.exercise;
    let hs = cx.t.text.heading_pt.0;
    let d = hs * 1.7;
    let title_x = x + d + 2.0 * MM;
    let heading = cx.style(Weight::Bold, hs, cx.colours.primary);
    let title_lines = cx.wrap(
        &[Span::new(&ex.title, heading)],
        w - d - 2.0 * MM,
        &format!("exercise `{}` (title)", ex.id),
    )?;
    let title_h = title_lines.len() as f32 * cx.pitch(hs);
    let row = d.max(title_h);
    f.shape(
        x,
        y + (row - d) / 2.0,
        Shape {
            width: d,
            height: d,
            fill: Some(if cx.t.style.fills {
                cx.colours.tint
            } else {
                Rgb::WHITE
            }),
            stroke: Some((cx.colours.primary, 1.5)),
            radius: d / 2.0,
        },
    );
    // The number and the title read as one heading: "1 Clams".
    f.open(
        NodeKind::Heading {
            level: 2,
            title: ex.title.clone(),
        },
        f.parent,
    );
    let num = cx.wrap(
        &[Span::new((index + 1).to_string(), heading)],
        d * 2.0,
        "a number",
    )?;
    if let Some(n) = num.into_iter().next() {
        let baseline = y + row / 2.0 + (n.ascent - n.descent) / 2.0 - hs * 0.05;
        f.push(x + (d - n.width) / 2.0, baseline, Item::Text(n));
    }
    f.lines(
        title_x,
        y + (row - title_h) / 2.0,
        title_lines,
        cx.pitch(hs),
    );
    Ok(row)
}

/// Aim, start position, numbered steps, tips, progressions and the clinician's
/// note; returns the height used.
fn words(cx: &Ctx, f: &mut Frame, x: f32, y: f32, w: f32, item: &HandoutItem) -> Result<f32> {
    let t = cx.t;
    let ex = &item.exercise;
    let ctx = |part: &str| format!("exercise `{}` ({part})", ex.id);
    let body = cx.body();
    let bold = cx.bold();
    let pitch = cx.pitch(body.size);
    let para_gap = body.size * 0.4;
    let mut ty = y;
    let labelled =
        |f: &mut Frame, ty: &mut f32, label: &str, text: &str, part: &str| -> Result<()> {
            let mut spans = Vec::new();
            if !label.is_empty() {
                spans.push(Span::new(label, bold));
            }
            spans.push(Span::new(text, body));
            let lines = cx.wrap(&spans, w, &ctx(part))?;
            f.open(NodeKind::Paragraph, f.parent);
            *ty += f.lines(x, *ty, lines, pitch) + para_gap;
            Ok(())
        };
    if t.sections.aim {
        labelled(f, &mut ty, "", &ex.aim, "aim")?;
    }
    if let Some(start) = &ex.start {
        labelled(f, &mut ty, "Start: ", start, "start")?;
    }
    let num_w = cx.measure(&format!("{}.", ex.steps.len().max(9)), bold)? + 1.5 * MM;
    let list = f.node(NodeKind::List { ordered: true }, f.parent);
    for (k, step) in ex.steps.iter().enumerate() {
        let li = f.node(NodeKind::ListItem, Some(list));
        let n = cx.wrap(
            &[Span::new(format!("{}.", k + 1), bold)],
            num_w * 2.0,
            "a number",
        )?;
        f.open(NodeKind::Label, Some(li));
        f.lines(x, ty, n, pitch);
        let lines = cx.wrap(&[Span::new(step, body)], w - num_w, &ctx("steps"))?;
        f.open(NodeKind::ListBody, Some(li));
        ty += f.lines(x + num_w, ty, lines, pitch) + para_gap * 0.4;
    }
    ty += para_gap * 0.6;
    if t.sections.tips {
        for tip in &ex.tips {
            labelled(f, &mut ty, "Tip: ", tip, "tips")?;
        }
    }
    if t.sections.progressions {
        if let Some(e) = &ex.easier {
            labelled(f, &mut ty, "Easier: ", e, "easier")?;
        }
        if let Some(h) = &ex.harder {
            labelled(f, &mut ty, "Harder: ", h, "harder")?;
        }
    }
    if let Some(note) = &item.note {
        let bar = 3.0;
        let lines = cx.wrap(
            &[Span::new("Your note: ", bold), Span::new(note, body)],
            w - bar - 2.0 * MM,
            &format!("the note for exercise `{}`", ex.id),
        )?;
        let h = lines.len() as f32 * pitch;
        f.shape(
            x,
            ty,
            Shape {
                width: bar,
                height: h,
                fill: Some(cx.colours.primary),
                stroke: None,
                radius: 0.0,
            },
        );
        f.open(NodeKind::Paragraph, f.parent);
        ty += f.lines(x + bar + 2.0 * MM, ty, lines, pitch) + para_gap;
    }
    Ok(ty - para_gap - y)
}

/// The exercise's pictures (and captions) stacked in a column `w` wide; returns
/// the height used, including the gap below.
fn pictures(cx: &Ctx, f: &mut Frame, x: f32, y: f32, w: f32, item: &HandoutItem) -> Result<f32> {
    let ex = &item.exercise;
    let mut ly = y;
    for (k, r) in ex.images.iter().enumerate() {
        let Some((iw, ih)) = cx.images.size(&r.file) else {
            continue;
        };
        if k > 0 {
            ly += 2.0 * MM;
        }
        let ph = (w * ih / iw).min(w * 1.3);
        let pw = ph * iw / ih;
        // Every picture is a figure with a description; content without one
        // (a clinic's own photo) falls back to naming the exercise.
        let alt = r
            .alt
            .clone()
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(|| format!("Picture of the exercise {}", ex.title));
        let figure = f.open(NodeKind::Figure { alt: alt.clone() }, f.parent);
        f.push(
            x + (w - pw) / 2.0,
            ly,
            Item::Image {
                name: r.file.clone(),
                width: pw,
                height: ph,
                alt: Some(alt),
            },
        );
        ly += ph;
        if let Some(cap) = &r.caption {
            let s = cx.small();
            let lines = cx.wrap(
                &[Span::new(cap, s)],
                w,
                &format!("exercise `{}` (caption)", ex.id),
            )?;
            ly += 1.0 * MM;
            f.open(NodeKind::Caption, Some(figure));
            ly += f.lines_centered(x, w, ly, lines, cx.pitch(s.size));
        }
        ly += 1.0 * MM;
    }
    Ok(ly - y)
}

/// The dose, set apart: a box with a dark bar, one part per line in bold;
/// returns the height used.
fn dose_box(cx: &Ctx, f: &mut Frame, x: f32, y: f32, w: f32, item: &HandoutItem) -> Result<f32> {
    let t = cx.t;
    let ex = &item.exercise;
    let ds = t.text.dose_pt.0;
    let bar = 4.0;
    let dpad = 1.3 * MM;
    let dose_w = w - bar - 2.0 * dpad;
    let label = cx.style(Weight::Bold, t.text.small_pt.0, cx.colours.primary);
    let mut dose_lines = cx.wrap(&[Span::new("DOSE", label)], dose_w, "a label")?;
    let label_n = dose_lines.len();
    // Parts share a line when they fit ("daily · each side").
    let dose_style = cx.style(Weight::Bold, ds, cx.colours.text);
    let mut packed: Vec<String> = Vec::new();
    for part in item.dose.parts() {
        if let Some(last) = packed.last_mut() {
            let joined = format!("{last} · {part}");
            if cx.measure(&joined, dose_style)? <= dose_w {
                *last = joined;
                continue;
            }
        }
        packed.push(part);
    }
    for line in packed {
        dose_lines.extend(cx.wrap(
            &[Span::new(line, dose_style)],
            dose_w,
            &format!("exercise `{}` (dose)", ex.id),
        )?);
    }
    let label_pitch = label.size * 1.1;
    let dh = label_n as f32 * label_pitch
        + (dose_lines.len() - label_n) as f32 * cx.pitch(ds)
        + 2.0 * dpad;
    let (fill, stroke) = if t.style.fills {
        (Some(cx.colours.tint), None)
    } else {
        (Some(Rgb::WHITE), Some((cx.colours.text, 1.2)))
    };
    f.shape(
        x,
        y,
        Shape {
            width: w,
            height: dh,
            fill,
            stroke,
            radius: 0.0,
        },
    );
    f.shape(
        x,
        y,
        Shape {
            width: bar,
            height: dh,
            fill: Some(cx.colours.primary),
            stroke: None,
            radius: 0.0,
        },
    );
    f.open(NodeKind::Paragraph, f.parent);
    let mut dy = y + dpad;
    for (k, l) in dose_lines.into_iter().enumerate() {
        let p = if k < label_n {
            label_pitch
        } else {
            cx.pitch(ds)
        };
        dy += f.lines(x + bar + dpad, dy, vec![l], p);
    }
    Ok(dh)
}

/// Modules of white around a QR code, as the standard asks.
const QR_QUIET: usize = 4;
/// The printed size of a QR code's symbol (without its quiet zone).
const QR_MM: f32 = 22.0;

/// A QR code of `url` drawn as squares, with the short address beside or under
/// it; returns the height used.
fn video_code(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    url: &str,
    beside: bool,
) -> Result<f32> {
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| Error::QrCode {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
    let n = code.width();
    let module = QR_MM * MM / n as f32;
    let quiet = QR_QUIET as f32 * module;
    let side = n as f32 * module + 2.0 * quiet;
    f.open(
        NodeKind::Figure {
            alt: format!("QR code: scan it to watch the video at {url}"),
        },
        f.parent,
    );
    let colours = code.to_colors();
    // One rectangle per horizontal run of dark modules.
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colours[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colours[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                f.push(
                    x + quiet + start as f32 * module,
                    y + quiet + row as f32 * module,
                    Item::Shape(Shape {
                        // A hair wider than the module so runs join without seams.
                        width: (col - start) as f32 * module,
                        height: module + 0.05,
                        fill: Some(Rgb::BLACK),
                        stroke: None,
                        radius: 0.0,
                    }),
                );
            } else {
                col += 1;
            }
        }
    }
    let short = url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let small = cx.small();
    let spans = [
        Span::new(
            "Video: ",
            cx.style(Weight::Bold, small.size, cx.colours.text),
        ),
        Span::new(short, small),
    ];
    let pitch = cx.pitch(small.size);
    f.open(NodeKind::Paragraph, f.parent);
    if beside {
        let lx = x + side + 1.0 * MM;
        let lines = cx.wrap(&spans, w - side - 1.0 * MM, "the video address")?;
        let lh = lines.len() as f32 * pitch;
        f.lines(lx, y + (side - lh).max(0.0) / 2.0, lines, pitch);
        Ok(side.max(lh))
    } else {
        let lines = cx.wrap(&spans, w, "the video address")?;
        let lh = f.lines(x, y + side, lines, pitch);
        Ok(side + lh)
    }
}

fn safety(cx: &Ctx) -> Result<Frame> {
    let t = cx.t;
    let s = &cx.clinic.safety;
    let w = cx.width;
    let pad = t.card.padding_mm.0 * MM;
    let inner = w - 2.0 * pad;
    let mut f = Frame {
        width: w,
        ..Default::default()
    };
    let body = cx.body();
    let pitch = cx.pitch(body.size);
    let hs = t.text.heading_pt.0;
    let mut y = pad;
    let title = cx.wrap(
        &[Span::new(
            &s.title,
            cx.style(Weight::Bold, hs, cx.colours.text),
        )],
        inner,
        "the safety title",
    )?;
    let section = f.node(NodeKind::Section, None);
    f.open(
        NodeKind::Heading {
            level: 2,
            title: s.title.clone(),
        },
        Some(section),
    );
    y += f.lines(pad, y, title, cx.pitch(hs)) + 1.0 * MM;
    let bullet_w = cx.measure("•", body)? + 2.0 * MM;
    let list = f.node(NodeKind::List { ordered: false }, Some(section));
    for p in &s.points {
        let li = f.node(NodeKind::ListItem, Some(list));
        f.open(NodeKind::Label, Some(li));
        f.lines(
            pad,
            y,
            cx.wrap(&[Span::new("•", cx.bold())], bullet_w, "a bullet")?,
            pitch,
        );
        let lines = cx.wrap(&[Span::new(p, body)], inner - bullet_w, "the safety points")?;
        f.open(NodeKind::ListBody, Some(li));
        y += f.lines(pad + bullet_w, y, lines, pitch);
    }
    if !cx.clinic.phone.trim().is_empty() {
        y += 1.5 * MM;
        let ds = t.text.dose_pt.0;
        let lines = cx.wrap(
            &[Span::new(
                format!("Call us on {}", cx.clinic.phone.trim()),
                cx.style(Weight::Bold, ds, cx.colours.text),
            )],
            inner,
            "the clinic phone",
        )?;
        f.open(NodeKind::Paragraph, Some(section));
        y += f.lines(pad, y, lines, cx.pitch(ds));
    }
    if let Some(u) = &s.urgent {
        y += 1.5 * MM;
        let lines = cx.wrap(&[Span::new(u, body)], inner, "the urgent advice")?;
        f.open(NodeKind::Paragraph, Some(section));
        y += f.lines(pad, y, lines, pitch);
    }
    y += pad;
    f.items.insert(
        0,
        Placed {
            x: 1.0,
            y: 1.0,
            item: Item::Shape(Shape {
                width: w - 2.0,
                height: y - 2.0,
                fill: Some(if t.style.fills {
                    cx.colours.tint
                } else {
                    Rgb::WHITE
                }),
                stroke: Some((cx.colours.text, 2.0)),
                radius: t.card.corner_mm.0 * MM,
            }),
            role: Role::Artifact(ArtifactKind::Layout),
        },
    );
    f.height = y;
    Ok(f)
}

/// The general notes: a heading, then a piece per paragraph (a paragraph taller
/// than `room`, a page, is cut between lines), so long notes flow over pages.
fn notes(cx: &Ctx, notes: &str, room: f32) -> Result<Vec<Frame>> {
    let w = cx.width;
    let hs = cx.t.text.heading_pt.0;
    let body = cx.body();
    let pitch = cx.pitch(body.size);
    let mut first = Frame::new(w);
    first.open(
        NodeKind::Heading {
            level: 2,
            title: "Notes from your clinician".into(),
        },
        None,
    );
    let mut y = first.lines(
        0.0,
        0.0,
        cx.wrap(
            &[Span::new(
                "Notes from your clinician",
                cx.style(Weight::Bold, hs, cx.colours.primary),
            )],
            w,
            "a heading",
        )?,
        cx.pitch(hs),
    );
    y += 1.0 * MM;
    first.height = y;
    let mut pieces = vec![first];
    let text = notes.replace("\\n", "\n");
    for para in text.split('\n') {
        let lines = cx.wrap(&[Span::new(para, body)], w, "the notes")?;
        let mut lines = lines.into_iter().peekable();
        if lines.peek().is_none() {
            continue;
        }
        while lines.peek().is_some() {
            // The heading stays with the first lines.
            let mut f = if pieces.len() == 1 && pieces[0].nodes.len() == 1 {
                pieces.pop().unwrap_or_default()
            } else {
                Frame::new(w)
            };
            let top = f.height;
            let fit = (((room - top) / pitch).floor() as usize).max(1);
            let take: Vec<Line> = lines.by_ref().take(fit).collect();
            f.open(NodeKind::Paragraph, None);
            f.height = top + f.lines(0.0, top, take, pitch);
            pieces.push(f);
        }
    }
    Ok(pieces)
}

/// One week (`week` from 0) of the tick-box exercise log: a row per exercise,
/// a column per day with its date. The first week carries the log's title.
fn log_week(cx: &Ctx, h: &Handout, week: usize) -> Result<Frame> {
    let t = cx.t;
    let w = cx.width;
    let mut f = Frame {
        width: w,
        ..Default::default()
    };
    let body = cx.body();
    let bold = cx.bold();
    let small = cx.small();
    let small_bold = cx.style(Weight::Bold, small.size, cx.colours.text);
    let pitch = cx.pitch(body.size);
    let mut y = 0.0;
    if week == 0 {
        let hs = t.text.heading_pt.0;
        f.open(
            NodeKind::Heading {
                level: 2,
                title: "Exercise log".into(),
            },
            None,
        );
        y += f.lines(
            0.0,
            y,
            cx.wrap(
                &[Span::new(
                    "Exercise log",
                    cx.style(Weight::Bold, hs, cx.colours.primary),
                )],
                w,
                "a heading",
            )?,
            cx.pitch(hs),
        );
        f.open(NodeKind::Paragraph, None);
        y += f.lines(
            0.0,
            y,
            cx.wrap(
                &[Span::new(
                    "Tick a box each day you do the exercise. Bring this sheet to your next appointment.",
                    body,
                )],
                w,
                "the log",
            )?,
            pitch,
        ) + 2.0 * MM;
    }
    let first = h.date + chrono::Days::new(7 * week as u64);
    let last = first + chrono::Days::new(6);
    let title = format!(
        "Week {}: {} to {}",
        week + 1,
        first.format("%-d %B"),
        long_date(last)
    );
    f.open(
        NodeKind::Heading {
            level: 3,
            title: title.clone(),
        },
        None,
    );
    y += f.lines(
        0.0,
        y,
        cx.wrap(&[Span::new(title, bold)], w, "the log")?,
        pitch,
    ) + 1.0 * MM;

    let name_w = (w * 0.32).max(30.0 * MM).min(w * 0.5);
    let day_w = (w - name_w) / 7.0;
    let cell_pad = 0.9 * MM;
    let rule = cx.rule_colour();
    let line = |f: &mut Frame, x: f32, y: f32, width: f32, height: f32| {
        f.shape(
            x,
            y,
            Shape {
                width,
                height,
                fill: Some(rule),
                stroke: None,
                radius: 0.0,
            },
        )
    };
    let table_top = y;
    // Header row: day name and day of the month ("Wed 25"), centred in each
    // column; in narrow columns (large print) the number goes under the name.
    let sp = cx.pitch(small.size);
    let mut labels = Vec::new();
    for d in 0..7 {
        let day = first + chrono::Days::new(d);
        labels.push(cx.wrap(
            &[
                Span::new(day.format("%a ").to_string(), small_bold),
                Span::new(day.format("%-d").to_string(), small),
            ],
            day_w - 1.0,
            "the log dates",
        )?);
    }
    let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    let head_h = label_lines as f32 * sp + 2.0 * cell_pad;
    let table = f.node(NodeKind::Table, None);
    let head_row = f.node(NodeKind::Row, Some(table));
    f.open(NodeKind::HeaderCell { column: true }, Some(head_row));
    f.lines(
        cell_pad,
        y + (head_h - sp) / 2.0,
        cx.wrap(&[Span::new("Exercise", small_bold)], name_w, "the log")?,
        sp,
    );
    for (d, lines) in labels.into_iter().enumerate() {
        let cx0 = name_w + d as f32 * day_w;
        f.open(NodeKind::HeaderCell { column: true }, Some(head_row));
        f.lines_centered(cx0, day_w, y + cell_pad, lines, sp);
    }
    y += head_h;
    line(&mut f, 0.0, y, w, 1.0);
    // One row per exercise.
    let boxs = (body.size * 1.3).min(day_w - 2.0 * cell_pad);
    for item in &h.items {
        let lines = cx.wrap(
            &[Span::new(&item.exercise.title, body)],
            name_w - 2.0 * cell_pad,
            &format!("exercise `{}` (title)", item.exercise.id),
        )?;
        let text_h = lines.len() as f32 * pitch;
        let row_h = text_h.max(boxs) + 2.0 * cell_pad;
        let row = f.node(NodeKind::Row, Some(table));
        f.open(NodeKind::HeaderCell { column: false }, Some(row));
        f.lines(cell_pad, y + (row_h - text_h) / 2.0, lines, pitch);
        for d in 0..7 {
            let bx = name_w + d as f32 * day_w + (day_w - boxs) / 2.0;
            // The empty tick box is the cell's content.
            f.open(NodeKind::Cell, Some(row));
            f.push(
                bx,
                y + (row_h - boxs) / 2.0,
                Item::Shape(Shape {
                    width: boxs,
                    height: boxs,
                    fill: Some(Rgb::WHITE),
                    stroke: Some((cx.colours.text, 1.0)),
                    radius: 1.5,
                }),
            );
        }
        y += row_h;
        line(&mut f, 0.0, y, w, 0.6);
    }
    // Column rules and the frame around the table.
    for d in 0..7 {
        line(
            &mut f,
            name_w + d as f32 * day_w,
            table_top,
            0.6,
            y - table_top,
        );
    }
    f.shape(
        0.5,
        table_top,
        Shape {
            width: w - 1.0,
            height: y - table_top,
            fill: None,
            stroke: Some((cx.colours.text, 1.0)),
            radius: 0.0,
        },
    );
    f.height = y + 1.0;
    Ok(f)
}

fn footer_spans(cx: &Ctx, page: usize, of: usize) -> Vec<Span> {
    let small = cx.small();
    let mut right = Vec::new();
    if !cx.clinic.phone.trim().is_empty() {
        right.push(Span::new(
            format!("Tel {}", cx.clinic.phone.trim()),
            cx.style(Weight::Bold, small.size, cx.colours.text),
        ));
    }
    right.push(Span::new(format!("Page {page} of {of}"), small));
    right
}

/// The width of the footer's right column: the same on every page.
fn footer_right_width(cx: &Ctx) -> Result<f32> {
    let mut w: f32 = 0.0;
    for s in footer_spans(cx, 88, 88) {
        w = w.max(cx.measure(&s.text, s.style)?);
    }
    Ok(w.min(cx.width * 0.35))
}

fn footer(cx: &Ctx, page: usize, of: usize, right_w: f32) -> Result<Frame> {
    let w = cx.width;
    let mut f = Frame {
        role: Role::Artifact(ArtifactKind::Footer),
        ..Frame::new(w)
    };
    let small = cx.small();
    let pitch = cx.pitch(small.size);
    f.rule(0.0, 0.75, cx.rule_colour());
    let top = 0.75 + 1.5 * MM;
    let mut right_lines = Vec::new();
    for s in footer_spans(cx, page, of) {
        right_lines.extend(cx.wrap(&[s], right_w + 0.1, "the footer")?);
    }
    let rh = f.lines_right(w, top, right_lines, pitch);
    let left = cx.wrap(
        &[Span::new(&cx.clinic.disclaimer, small)],
        w - right_w - 6.0 * MM,
        "the disclaimer",
    )?;
    let lh = f.lines(0.0, top, left, pitch);
    f.height = top + lh.max(rh);
    Ok(f)
}

#[cfg(test)]
mod tests;
