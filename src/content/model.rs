//! The typed form of the library's TOML files.
//!
//! Every struct denies unknown fields and uses kebab-case keys, so a typo in a
//! file is an error naming its line and the keys that were expected. Values
//! with a range (counts, sizes, colours) are checked while parsing, so their
//! errors point at the value too.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// An sRGB colour, written `#RRGGBB` in the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(v(0)?, v(2)?, v(4)?))
    }

    /// Relative luminance (WCAG 2), 0 for black to 1 for white.
    pub fn luminance(self) -> f32 {
        let lin = |c: u8| {
            let c = c as f32 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rgb::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a colour: write it as #RRGGBB, for example #0B5563"
            ))
        })
    }
}

/// A whole number in a range, read from a file with an error naming the range.
/// `$int` is the type it is kept as (u32 unless given).
macro_rules! bounded {
    ($(#[$doc:meta])* $name:ident, $min:literal, $max:literal, $what:literal) => {
        bounded!($(#[$doc])* $name: u32, $min, $max, $what);
    };
    ($(#[$doc:meta])* $name:ident: $int:ty, $min:literal, $max:literal, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name(pub $int);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let n = i64::deserialize(d)?;
                if ($min..=$max).contains(&n) {
                    Ok($name(n as $int))
                } else {
                    Err(serde::de::Error::custom(format!(
                        "{n} is out of range: expected {} from {} to {}",
                        $what, $min, $max
                    )))
                }
            }
        }
    };
}

pub(crate) use bounded;

bounded!(
    /// A whole number of sets or repetitions, 1 to 999.
    Count, 1, 999, "a whole number"
);
bounded!(
    /// A hold time in seconds, 0 (no hold) to 600.
    Seconds, 0, 600, "seconds"
);
bounded!(
    /// Weeks of exercise log: 0 to 12.
    LogWeeks, 0, 12, "a number of weeks"
);
bounded!(
    /// How long something is done for, in seconds: 5 to 3600.
    Duration, 5, 3600, "seconds"
);
bounded!(
    /// Times a day: 1 to 6.
    PerDay, 1, 6, "a number of times a day"
);
bounded!(
    /// Days a week: 1 to 7.
    DaysPerWeek, 1, 7, "a number of days a week"
);

/// A length or type size: a positive number below 1000.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure(pub f32);

impl<'de> Deserialize<'de> for Measure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = f64::deserialize(d)?;
        if n > 0.0 && n < 1000.0 {
            Ok(Measure(n as f32))
        } else {
            Err(serde::de::Error::custom(format!(
                "{n} is out of range: expected a number above 0"
            )))
        }
    }
}

/// `content/clinic.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Clinic {
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub website: String,
    pub logo: Option<String>,
    #[serde(default)]
    pub default_clinician: String,
    #[serde(default = "default_language")]
    pub language: String,
    /// Where exercise videos live: an exercise's relative `video` is resolved against it.
    pub video_base_url: Option<String>,
    /// Write every handout as PDF/A-2 (as `--pdfa` does).
    #[serde(default)]
    pub pdfa: bool,
    /// The ambulance number for the safety box (default: `language`'s country's).
    pub emergency_number: Option<String>,
    /// Words a patient may not know and their meaning, explained in the plan box.
    #[serde(default)]
    pub glossary: std::collections::BTreeMap<String, String>,
    pub disclaimer: String,
    pub colours: Colours,
    pub safety: Safety,
    /// What a handout gets when the clinician does not say.
    #[serde(default)]
    pub defaults: ClinicDefaults,
}

/// `[defaults]` in clinic.toml: the clinic's usual choices, used by every face
/// (a flag, a roster cell or an answer still wins).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ClinicDefaults {
    /// `a4` or `letter`.
    pub paper: Option<crate::request::Paper>,
    /// A template id, e.g. `large-print`.
    pub template: Option<String>,
    /// Weeks of exercise log on every handout (0 to 12).
    pub log_weeks: Option<LogWeeks>,
    /// How dates written with numbers are read: `day-first` (3/12/2026 is
    /// 3 December) or `month-first` (12/3/2026 is 3 December).
    #[serde(default)]
    pub date_order: crate::request::DateOrder,
}

fn default_language() -> String {
    "en-GB".into()
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Colours {
    /// Headings, rules, the dose bar. Must be dark.
    pub primary: Rgb,
    /// Light background behind the dose and the safety box.
    pub tint: Rgb,
    /// Body text.
    pub text: Rgb,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Safety {
    pub title: String,
    pub points: Vec<String>,
    pub urgent: Option<String>,
    /// What ache is normal, in the clinic's words instead of the handout's.
    pub normal: Option<String>,
}

/// `content/exercises/<id>.toml`. The id is the file name without `.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Exercise {
    #[serde(skip)]
    pub id: String,
    pub title: String,
    pub aim: String,
    pub start: Option<String>,
    pub steps: Vec<String>,
    #[serde(default)]
    pub tips: Vec<String>,
    /// What to take care of: when to stop, what to avoid.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// The name a clinician may know it by, printed in brackets after the title.
    pub also_called: Option<String>,
    /// The parts of the body it is for, the main one first.
    #[serde(default)]
    pub region: Vec<Region>,
    /// How the patient is placed.
    pub position: Option<Position>,
    /// What the patient needs, if anything.
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// What it does.
    #[serde(default)]
    pub goal: Vec<Goal>,
    /// More words to find it by, in `handout list` and the picker.
    #[serde(default)]
    pub tags: Vec<String>,
    pub dose: DoseSpec,
    #[serde(default)]
    pub images: Vec<ImageRef>,
    /// An easier way to do it (printed when the template shows progressions).
    pub easier: Option<String>,
    /// A harder way to do it, for when it becomes easy.
    pub harder: Option<String>,
    /// A video of the exercise: a full https:// address, or a path under the
    /// clinic's `video-base-url`. The card shows it as a QR code.
    pub video: Option<String>,
    /// A figure drawn from poses (see `src/figure/README.md`).
    pub figure: Option<crate::figure::FigureSpec>,
}

/// The parts of the body an exercise is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// Low back and trunk.
    Back,
    Hip,
    Knee,
    /// Ankle and foot.
    Ankle,
    Shoulder,
    /// Neck and upper back.
    Neck,
    /// Balance and falls prevention.
    Balance,
}

/// How the patient is placed for an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    Standing,
    Sitting,
    LyingOnBack,
    LyingOnFront,
    LyingOnSide,
    HandsAndKnees,
    Kneeling,
}

/// What an exercise needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Equipment {
    Band,
    Chair,
    Wall,
    Step,
    Towel,
    Ball,
    Mat,
    Pillow,
    Stick,
    Table,
    Weight,
}

/// What an exercise does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    Strength,
    Stretch,
    Mobility,
    Balance,
    Control,
    Endurance,
}

macro_rules! names {
    ($($t:ty: $($v:ident => $n:literal),+;)+) => {$(
        impl $t {
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];
            pub fn name(self) -> &'static str {
                match self { $(<$t>::$v => $n),+ }
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    )+};
}

names! {
    Region: Back => "back", Hip => "hip", Knee => "knee", Ankle => "ankle", Shoulder => "shoulder", Neck => "neck", Balance => "balance";
    Position: Standing => "standing", Sitting => "sitting", LyingOnBack => "lying-on-back", LyingOnFront => "lying-on-front", LyingOnSide => "lying-on-side", HandsAndKnees => "hands-and-knees", Kneeling => "kneeling";
    Equipment: Band => "band", Chair => "chair", Wall => "wall", Step => "step", Towel => "towel", Ball => "ball", Mat => "mat", Pillow => "pillow", Stick => "stick", Table => "table", Weight => "weight";
    Goal: Strength => "strength", Stretch => "stretch", Mobility => "mobility", Balance => "balance", Control => "control", Endurance => "endurance";
}

/// A picture of an exercise: a file in images/.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ImageRef {
    pub file: String,
    /// What the picture shows, for readers who cannot see it.
    pub alt: Option<String>,
    /// Printed under the picture, e.g. "Start" or "Finish".
    pub caption: Option<String>,
}

/// An exercise's default dose.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DoseSpec {
    pub sets: Option<Count>,
    pub reps: Option<Count>,
    pub hold_seconds: Option<Seconds>,
    /// For something done for a time (walking, balance): how long, in seconds.
    pub duration_seconds: Option<Duration>,
    /// How many times a day (1 to 6).
    pub per_day: Option<PerDay>,
    /// On how many days a week (1 to 7; all 7 when left out).
    pub days_per_week: Option<DaysPerWeek>,
    /// How often, in the clinic's own words (printed as written, instead of
    /// `per-day` and `days-per-week`).
    pub frequency: Option<String>,
    #[serde(default)]
    pub each_side: bool,
}

/// `content/programs/<id>.toml`: a preset list of exercises with doses.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Program {
    #[serde(skip)]
    pub id: String,
    pub title: String,
    /// One sentence in plain words: what the programme is for.
    #[serde(default, alias = "description")]
    pub purpose: String,
    /// What to do, in the clinic's words, instead of the plan made from the doses.
    pub plan: Option<String>,
    pub exercises: Vec<ProgramItem>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProgramItem {
    pub id: toml::Spanned<String>,
    pub sets: Option<Count>,
    pub reps: Option<Count>,
    pub hold_seconds: Option<Seconds>,
    pub duration_seconds: Option<Duration>,
    pub per_day: Option<PerDay>,
    pub days_per_week: Option<DaysPerWeek>,
    pub frequency: Option<String>,
    pub each_side: Option<bool>,
    pub note: Option<String>,
}

/// `fonts/fonts.toml`: which font files to use.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FontsManifest {
    pub regular: String,
    pub bold: String,
    #[serde(default)]
    pub fallback_regular: Vec<String>,
    #[serde(default)]
    pub fallback_bold: Vec<String>,
}

pub use super::template::*;
