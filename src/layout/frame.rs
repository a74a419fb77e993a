//! Frames: items placed relative to a top left corner, with the structure
//! nodes they belong to. Section builders fill a [`Frame`]; frames are put
//! inside one another ([`Frame::absorb`]) and finally on a page ([`place`]).
//! Also the pieces of the flow ([`Chunk`]) and rows of a card grid.

use super::document::{
    ArtifactKind, BlockKind, Color, Item, Line, Node, NodeKind, Placed, Rect, Role, Shape,
};

/// Items relative to a top left corner, with a size, and the structure nodes
/// they belong to (numbered within the frame; renumbered when it is placed).
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) items: Vec<Placed>,
    pub(crate) nodes: Vec<Node>,
    /// The role given to items pushed from now on.
    pub(crate) role: Role,
    /// The node that builders attach their nodes to (`None`: the frame's top level).
    pub(crate) parent: Option<usize>,
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
    pub(crate) fn new(width: f32) -> Frame {
        Frame {
            width,
            ..Default::default()
        }
    }

    /// A new structure node; `parent: None` attaches it to wherever the frame is placed.
    pub(crate) fn node(&mut self, kind: NodeKind, parent: Option<usize>) -> usize {
        self.nodes.push(Node { kind, parent });
        self.nodes.len() - 1
    }

    /// A new node whose content is what is pushed next.
    pub(crate) fn open(&mut self, kind: NodeKind, parent: Option<usize>) -> usize {
        let n = self.node(kind, parent);
        self.role = Role::Node(n);
        n
    }

    pub(crate) fn push(&mut self, x: f32, y: f32, item: Item) {
        let role = self.role;
        self.items.push(Placed { x, y, item, role });
    }

    /// A decorative shape (outline, rule, tint): always an artifact.
    pub(crate) fn shape(&mut self, x: f32, y: f32, shape: Shape) {
        self.items.push(Placed {
            x,
            y,
            item: Item::Shape(shape),
            role: Role::Artifact(ArtifactKind::Layout),
        });
    }

    /// Put `other` inside this frame at (dx, dy); its top-level nodes go under `parent`.
    pub(crate) fn absorb(&mut self, other: Frame, dx: f32, dy: f32, parent: Option<usize>) {
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
    pub(crate) fn rule(&mut self, y: f32, thickness: f32, colour: Color) {
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
    pub(crate) fn lines_centered(
        &mut self,
        x: f32,
        w: f32,
        top: f32,
        lines: Vec<Line>,
        pitch: f32,
    ) -> f32 {
        self.lines_aligned(top, lines, pitch, |_, l| x + (w - l.width) / 2.0)
    }

    /// Place lines from `top`, each `pitch` apart; returns the height used.
    ///
    /// The extra leading is split above and below each line; when the font's
    /// ascent and descent need more than the pitch, the lines are kept inside the
    /// returned height (accents on capitals never poke out of their block).
    pub(crate) fn lines(&mut self, x: f32, top: f32, lines: Vec<Line>, pitch: f32) -> f32 {
        self.lines_aligned(top, lines, pitch, |_, _| x)
    }

    /// Like [`Frame::lines`], the first `narrow` lines at `x.0`, the rest at
    /// `x.1` (words that run on below a picture beside them).
    pub(crate) fn lines_around(
        &mut self,
        x: (f32, f32),
        narrow: usize,
        top: f32,
        lines: Vec<Line>,
        pitch: f32,
    ) -> f32 {
        self.lines_aligned(top, lines, pitch, |k, _| if k < narrow { x.0 } else { x.1 })
    }

    /// Like [`Frame::lines`], each line aligned to the right edge `right`.
    pub(crate) fn lines_right(
        &mut self,
        right: f32,
        top: f32,
        lines: Vec<Line>,
        pitch: f32,
    ) -> f32 {
        self.lines_aligned(top, lines, pitch, |_, l| right - l.width)
    }

    fn lines_aligned(
        &mut self,
        top: f32,
        lines: Vec<Line>,
        pitch: f32,
        x_of: impl Fn(usize, &Line) -> f32,
    ) -> f32 {
        let n = lines.len();
        let mut height = n as f32 * pitch;
        for (k, line) in lines.into_iter().enumerate() {
            let extent = line.ascent + line.descent;
            let lead = ((pitch - extent) / 2.0).max(0.0);
            let baseline = top + k as f32 * pitch + lead + line.ascent;
            height = height.max(baseline + line.descent - top);
            let x = x_of(k, &line);
            self.push(x, baseline, Item::Text(line));
        }
        height
    }
}

/// Put a frame on a page at (dx, dy): its items join the page, its nodes the
/// document's structure (top-level ones under the document node). Returns
/// where its nodes start in the structure; `continues` is that of an earlier
/// part whose nodes its items belong to.
pub(crate) fn place(
    frame: Frame,
    dx: f32,
    dy: f32,
    structure: &mut Vec<Node>,
    items: &mut Vec<Placed>,
    continues: Option<usize>,
) -> usize {
    let base = continues.unwrap_or(structure.len());
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
    base
}

/// A page less full than this is not left behind when what follows fits on it.
pub(crate) const FULL_ENOUGH: f32 = 0.6;

/// A piece of the flow, placed whole, or cut where its [`Split`] allows.
#[derive(Clone)]
pub(crate) struct Chunk {
    pub(crate) frame: Frame,
    /// The blocks inside the frame, relative to its top left corner.
    pub(crate) blocks: Vec<(BlockKind, Rect)>,
    /// Start a new page before it, unless the page is still less than
    /// [`FULL_ENOUGH`] full and it fits there.
    pub(crate) new_page: bool,
    /// Start a new page before it, however full the page is (to keep the
    /// safety box from ending the handout alone).
    pub(crate) break_before: bool,
    /// Space after it, when not the usual gap between sections.
    pub(crate) space_after: Option<f32>,
    /// Where it may be cut across pages (a single card).
    pub(crate) split: Option<Split>,
    /// The lower part of a cut card: its items belong to the nodes of the
    /// part placed before it.
    pub(crate) continues: bool,
    /// A smaller form to use when this one does not fit where it would go
    /// (the one-week tracker as a single row).
    pub(crate) alt: Option<Box<Chunk>>,
}

impl Chunk {
    pub(crate) fn single(kind: BlockKind, frame: Frame) -> Chunk {
        let rect = Rect {
            x: 0.0,
            y: 0.0,
            width: frame.width,
            height: frame.height,
        };
        Chunk::of(frame, vec![(kind, rect)])
    }

    /// A chunk of `frame` holding `blocks` (relative to its corner).
    pub(crate) fn of(frame: Frame, blocks: Vec<(BlockKind, Rect)>) -> Chunk {
        Chunk {
            frame,
            blocks,
            new_page: false,
            break_before: false,
            space_after: None,
            split: None,
            continues: false,
            alt: None,
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
pub(crate) fn grid_row(row: Vec<(BlockKind, Frame)>, cell_w: f32, gap: f32, width: f32) -> Chunk {
    let height = row.iter().map(|(_, f)| f.height).fold(0.0, f32::max);
    let mut frame = Frame {
        height,
        ..Frame::new(width)
    };
    let mut blocks = Vec::new();
    let several = row.len() > 1;
    for (k, (kind, mut f)) in row.into_iter().enumerate() {
        let x = k as f32 * (cell_w + gap);
        if several {
            stretch(&mut f, height);
        }
        blocks.push((
            kind,
            Rect {
                x,
                y: 0.0,
                width: f.width,
                height: f.height,
            },
        ));
        frame.absorb(f, x, 0.0, None);
    }
    Chunk::of(frame, blocks)
}

/// Where a card may be cut across pages, and what its later part starts with.
#[derive(Debug, Clone)]
pub(crate) struct Split {
    /// Heights (from the frame's top) where nothing straddles: the top of a
    /// step or a paragraph, below the pictures and the dose.
    pub(crate) cuts: Vec<f32>,
    /// The title of the part on the next page ("Clams (continued)"),
    /// an artifact, with the card's padding above it.
    pub(crate) head: Frame,
    /// The space kept under the last line of the part above the cut.
    pub(crate) pad: f32,
}

/// Cut a boxed frame (its outline first) at height `at`: the part above,
/// closed with `split.pad` below, and the part below under `split.head`,
/// with the cuts that remain. The lower part has no nodes of its own: its
/// items belong to the upper part's nodes (see [`Chunk::continues`]).
pub(crate) fn cut(f: Frame, at: f32, split: &Split) -> (Frame, Frame, Split) {
    let head_h = split.head.height;
    let dy = head_h - at;
    let mut items = f.items.into_iter();
    let outline = items.next();
    let mut top = Frame {
        nodes: f.nodes,
        ..Frame::new(f.width)
    };
    let mut bottom = Frame::new(f.width);
    let top_h = at + split.pad;
    let bottom_h = f.height + dy;
    if let Some(o) = outline {
        for (frame, height) in [(&mut top, top_h), (&mut bottom, bottom_h)] {
            let mut o = o.clone();
            if let Item::Shape(s) = &mut o.item {
                s.height = height - 2.0 * o.y;
            }
            frame.items.push(o);
        }
    }
    bottom.absorb(split.head.clone(), 0.0, 0.0, None);
    for mut p in items {
        if p.bounds().y < at - 0.01 {
            top.items.push(p);
        } else {
            p.y += dy;
            bottom.items.push(p);
        }
    }
    top.height = top_h;
    bottom.height = bottom_h;
    let rest = Split {
        cuts: split
            .cuts
            .iter()
            .filter(|c| **c > at + 0.01)
            .map(|c| c + dy)
            .collect(),
        head: split.head.clone(),
        pad: split.pad,
    };
    (top, bottom, rest)
}
