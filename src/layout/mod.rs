//! Layout: a [`Handout`](crate::program::Handout) to pages of positioned items.
//! Pure: no files, no PDF.
//!
//! Each section of the handout (header, one card per exercise, the safety box,
//! the notes, the log) is built as a frame of items placed relative to its top
//! left corner, measured with the real shaped text. The flow then stacks the
//! frames down the page, starting a new page before any frame that does not
//! fit (frames are never split), and finally adds the footer, whose "Page N of
//! M" needs the page count. Coordinates are points from the page's top left.
//!
//! Where things are:
//!
//! | file | what it owns |
//! |---|---|
//! | `document.rs` | the output model: [`Document`], [`Page`], [`Placed`], [`Item`] (a shaped [`Line`] of text, an image, a [`Shape`]), [`Color`], [`Block`], the structure tree ([`Node`], [`Role`]), [`Meta`] |
//! | `text.rs` | shaping with font fallback, line breaking, measuring: [`Span`]s to [`Line`]s |
//! | `style.rs` | the context the section builders share: type styles, colours, line pitch, wrapping, picture sizes ([`ImageSizes`]) |
//! | `frame.rs` | frames of items and structure nodes, placing lines in them, chunks of the flow, grid rows |
//! | `sections/` | one builder per section: `header` (and the running header), `card`, `dose`, `pictures`, `qr`, `safety`, `notes`, `log`, `footer` |
//! | `flow.rs` | [`lay_out`]: sections assembled in the template's order, paginated, footers added |
//! | `cache.rs` | [`LayoutCache`]: cards and fixed sections reused between handouts of a run |
//! | `fill.rs` | [`Document::page_fill`]: how full each page is, to measure wasted paper |

mod cache;
mod document;
mod fill;
mod flow;
mod frame;
mod sections;
mod sheet;
mod style;
pub mod text;

pub use cache::LayoutCache;
pub use document::{
    ArtifactKind, Block, BlockKind, Color, Document, Glyph, GlyphRun, Item, Line, Meta, Node,
    NodeKind, Page, Path, Placed, Rect, Role, Segment, Shape, Style, MM,
};
pub use fill::page_fill;
pub use flow::{lay_out, Inputs};
pub use sheet::{sheet, SheetSpec};
pub use style::ImageSizes;
pub use text::Span;

#[cfg(test)]
mod tests;
