//! The typed form of a template file (`templates/<name>.toml`): page, type
//! sizes, card geometry, columns, picture placement, style and which sections
//! a handout shows, in which order. Ranges are checked in `limits.rs`.

use serde::Deserialize;

use super::model::{bounded, Colours, Measure};

/// `templates/<name>.toml`: how a handout looks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Template {
    #[serde(skip)]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub page: PageSpec,
    pub text: TextSpec,
    pub header: HeaderSpec,
    pub card: CardSpec,
    #[serde(default)]
    pub layout: LayoutSpec,
    #[serde(default)]
    pub style: StyleSpec,
    pub sections: Sections,
    /// Overrides the clinic's colours for this design.
    pub colours: Option<Colours>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PageSpec {
    pub margin_mm: Measure,
    pub footer_gap_mm: Measure,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TextSpec {
    pub body_pt: Measure,
    pub line_height: Measure,
    pub title_pt: Measure,
    pub clinic_pt: Measure,
    pub heading_pt: Measure,
    /// The safety box's "Call us on" line.
    pub dose_pt: Measure,
    pub small_pt: Measure,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HeaderSpec {
    pub logo_height_mm: Measure,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CardSpec {
    pub picture_width_mm: Measure,
    pub gap_mm: Measure,
    pub padding_mm: Measure,
    pub spacing_mm: Measure,
    pub border_pt: Measure,
    pub corner_mm: Measure,
    /// A wide picture less tall than this in the column goes under the title, this tall.
    pub picture_height_mm: Option<Measure>,
}

/// How cards are arranged.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LayoutSpec {
    /// Cards side by side (1 to 3).
    #[serde(default = "one")]
    pub columns: Columns,
    /// Where a card's picture goes.
    #[serde(default)]
    pub picture: PicturePlace,
    /// With several columns, how cards fill them: across in rows of equal
    /// height, or down each column in turn, as in a newspaper.
    #[serde(default)]
    pub fill: GridFill,
}

impl Default for LayoutSpec {
    fn default() -> Self {
        LayoutSpec {
            columns: Columns(1),
            picture: PicturePlace::Left,
            fill: GridFill::Rows,
        }
    }
}

fn one() -> Columns {
    Columns(1)
}

bounded!(
    /// A number of columns, 1 to 3.
    Columns: usize, 1, 3, "a number of columns"
);

/// How cards fill a page's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GridFill {
    /// Across, in rows: each row as tall as its tallest card.
    #[default]
    Rows,
    /// Down one column, then the next (the last page's columns balanced):
    /// no card waits for a taller neighbour, so less paper.
    Columns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PicturePlace {
    /// Pictures, dose and video code in a column left of the words.
    #[default]
    Left,
    /// A small picture at the top left with the title and dose beside it, the words below.
    Top,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StyleSpec {
    /// Light colour behind the dose, the safety box and the numbers. `false`
    /// keeps every text on white (outlines only), for large print.
    #[serde(default = "yes")]
    pub fills: bool,
}

impl Default for StyleSpec {
    fn default() -> Self {
        StyleSpec { fills: true }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Sections {
    pub order: Vec<Section>,
    #[serde(default = "yes")]
    pub tips: bool,
    /// Print each exercise's easier and harder variants.
    #[serde(default)]
    pub progressions: bool,
    /// Print a QR code for exercises that have a video.
    #[serde(default = "yes")]
    pub video: bool,
    /// Print the aim line under each title.
    #[serde(default = "yes")]
    pub aim: bool,
    /// The plan box (after the header unless `order` places it).
    #[serde(default = "yes")]
    pub plan: bool,
    /// The plan box as one paragraph, without heading and glossary.
    #[serde(default)]
    pub short_plan: bool,
    /// Without a log, a one-week tick chart at the end.
    #[serde(default = "yes")]
    pub tracker: bool,
    /// The dose in sentences, or (`false`) in short: "3 sets × 12 reps".
    #[serde(default = "yes")]
    pub dose_in_words: bool,
    /// Print each exercise's clinical name in brackets after its title.
    #[serde(default = "yes")]
    pub also_called: bool,
    /// Where the clinic's disclaimer goes: in every page's footer, or once,
    /// at the end of the safety box (the footers then take one line).
    #[serde(default)]
    pub disclaimer: DisclaimerPlace,
}

/// Where the clinic's disclaimer is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DisclaimerPlace {
    /// In the footer of every page.
    #[default]
    Footer,
    /// Once, at the end of the safety box.
    Safety,
}

impl Sections {
    /// Whether the disclaimer goes in the footers: where the template asks,
    /// and also when it asks for the safety box but shows none.
    pub fn disclaimer_in_footer(&self) -> bool {
        self.disclaimer == DisclaimerPlace::Footer || !self.order.contains(&Section::Safety)
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    Header,
    /// What the exercises are for, what to do and what is normal.
    Plan,
    Exercises,
    Safety,
    Notes,
    /// The tick-box exercise log (when the handout asks for one).
    Log,
}
