//! The output model: what layout hands to render. A [`Document`] is pages of
//! [`Placed`] items (text lines, images, shapes) at positions in points from the
//! page's top left corner, the [`Block`]s they form, the logical structure for
//! tagged PDF ([`Node`]s, each item's [`Role`]) and the [`Meta`]data. A text
//! item is a shaped [`Line`] of [`GlyphRun`]s, ready to draw. Nothing
//! here knows the PDF crate or the library's files; [`Color`] is the model's
//! own colour.

use chrono::NaiveDate;

use crate::fonts::{FontId, Weight};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    pub const BLACK: Color = Color(0, 0, 0);
    pub const WHITE: Color = Color(255, 255, 255);

    /// Mix toward `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Color, t: f32) -> Color {
        let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
        Color(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

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
    /// A vector path (part of a drawn figure).
    Path(Path),
}

/// One piece of a path outline, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

/// A path, its points relative to where it is placed and inside the box
/// `width` x `height` from there.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub segments: Vec<Segment>,
    pub fill: Option<Color>,
    pub stroke: Option<(Color, f32)>,
    pub width: f32,
    pub height: f32,
}

impl Path {
    /// The same path moved by (dx, dy).
    pub fn moved(&self, dx: f32, dy: f32) -> impl Iterator<Item = Segment> + '_ {
        self.segments.iter().map(move |s| match *s {
            Segment::Move(x, y) => Segment::Move(x + dx, y + dy),
            Segment::Line(x, y) => Segment::Line(x + dx, y + dy),
            Segment::Cubic(a, b, c, d, x, y) => {
                Segment::Cubic(a + dx, b + dy, c + dx, d + dy, x + dx, y + dy)
            }
            Segment::Close => Segment::Close,
        })
    }
}

/// A rectangle (rounded when `radius` > 0; a circle when square with radius half its side).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub width: f32,
    pub height: f32,
    pub fill: Option<Color>,
    pub stroke: Option<(Color, f32)>,
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
            Item::Path(p) => Rect {
                x: self.x,
                y: self.y,
                width: p.width,
                height: p.height,
            },
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
    /// What the exercises are for, what to do, what is normal.
    Plan,
    Safety,
    Notes,
    /// The one-week tick chart of a handout without a log.
    Tracker,
    /// A week (1-based) of the exercise log.
    Log {
        week: usize,
    },
    Footer,
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub weight: Weight,
    pub size: f32,
    pub color: Color,
}

/// One shaped glyph, in points at its run's size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte range in the run's text of the cluster this glyph belongs to.
    pub start: usize,
    pub end: usize,
}

/// Glyphs drawn with one face and style, with the text they stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    pub font: FontId,
    pub style: Style,
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// Where the run starts, from the line's left edge.
    pub x: f32,
    pub width: f32,
}

/// One line of text, ready to draw at a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub runs: Vec<GlyphRun>,
    pub width: f32,
    /// Height above and depth below the baseline (both positive), in points.
    pub ascent: f32,
    pub descent: f32,
}

impl Line {
    /// The text of the line (for tests and extraction checks).
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    pub fn max_size(&self) -> f32 {
        self.runs.iter().map(|r| r.style.size).fold(0.0, f32::max)
    }
}
