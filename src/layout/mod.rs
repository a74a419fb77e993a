//! Layout: a [`Handout`](crate::program::Handout) to pages of positioned items.
//! Pure: no files, no PDF.
//!
//! Each section of the handout (header, plan box, one card per exercise, the
//! safety box, the notes, the log or tick chart) is built as a frame of items
//! placed relative to its top left corner, measured with the real shaped
//! text. The flow then stacks the frames down the page, starting a new page
//! before any frame that does not fit; a card that would leave a page too
//! empty is cut between its steps and goes on under its title ("continued"),
//! and the safety box and tick chart move up into free space when that saves
//! a page. Last it adds the footer, whose "Page N of M" needs the page count.
//! Coordinates are points from the page's top left.
//!
//! Where things are:
//!
//! | file | what it owns |
//! |---|---|
//! | `document.rs` | the output model: [`Document`], [`Page`], [`Placed`], [`Item`] (a shaped [`Line`] of text, an image, a [`Shape`]), [`Color`], [`Block`], the structure tree ([`Node`], [`Role`]), [`Meta`] |
//! | `text.rs` | shaping with font fallback, line breaking, measuring: [`Span`]s to [`Line`]s |
//! | `style.rs` | the context the section builders share: type styles, colours, line pitch, wrapping, picture sizes ([`ImageSizes`]) |
//! | `frame.rs` | frames of items and structure nodes, placing lines in them, chunks of the flow, grid rows |
//! | `sections/` | one builder per section: `header` (and the running header), `plan`, `card`, `dose`, `pictures` (and their key), `qr`, `safety`, `notes`, `log` (and the tick chart), `footer` |
//! | `flow.rs` | [`lay_out`]: sections assembled in the template's order, paginated, footers added |
//! | `paginate.rs` | the chunks stacked down the pages: cards cut between steps, the safety box and tick chart moved into free space |
//! | `cache.rs` | [`LayoutCache`]: cards and fixed sections reused between handouts of a run |
//! | `fill.rs` | [`Document::page_fill`]: how full each page is, to measure wasted paper |

mod cache;
mod columns;
mod document;
mod fill;
mod flow;
mod frame;
mod paginate;
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
