//! The library's one error type.
//!
//! Every error names what went wrong and, where it applies, the file and line.
//! [`Error::hint`] gives the next step for the user; the binary prints it as
//! `hint: ...` under `error: ...`. Patient names never appear in an error.

use std::fmt;
use std::path::PathBuf;

/// Where in a file a problem is (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    /// The line and column of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        let before = &text.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Pos { line, col }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem in one library file, with its position where known.
    #[error("{}: {message}", fmt_place(path, *pos))]
    File {
        path: String,
        pos: Option<Pos>,
        message: String,
        hint: Option<String>,
    },
    #[error("unknown exercise `{id}`")]
    UnknownExercise {
        id: String,
        suggestion: Option<String>,
    },
    #[error("unknown program `{id}`")]
    UnknownProgram {
        id: String,
        suggestion: Option<String>,
    },
    #[error("unknown template `{id}`")]
    UnknownTemplate {
        id: String,
        suggestion: Option<String>,
    },
    #[error("bad exercise item `{item}`: {reason}")]
    BadItem { item: String, reason: String },
    #[error("the patient name is empty")]
    EmptyPatient,
    /// A roster row that cannot be used as it is.
    #[error("{0}")]
    BadRow(String),
    #[error("no exercises chosen")]
    NoExercises,
    #[error("bad date `{0}`: expected YYYY-MM-DD, for example 2026-11-25")]
    BadDate(String),
    #[error("bad paper size `{0}`: expected a4 or letter")]
    BadPaper(String),
    #[error("bad appointment `{0}`: expected YYYY-MM-DD HH:MM, for example 2026-12-02 10:30")]
    BadAppointment(String),
    #[error("bad log length `{0}`: expected a number of weeks from 0 to 12")]
    BadLog(String),
    #[error("{}: the file already exists", .0.display())]
    OutputExists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a handout library: {message}")]
    NotALibrary { path: String, message: String },
    /// A command that cannot do what was asked (e.g. `init` into a folder that is not empty).
    #[error("{message}")]
    Refused {
        message: String,
        hint: Option<String>,
    },
    /// The clinician stopped an interactive prompt (Esc, or Ctrl-C when `interrupted`).
    #[error("cancelled: nothing was written")]
    Cancelled { interrupted: bool },
    #[error("interactive mode needs a terminal")]
    NoTerminal,
    /// The PDF was written but could not be opened or printed.
    #[error("{message}")]
    Deliver { path: PathBuf, message: String },
    #[error("no font has the character {ch:?} (U+{:04X}) used in {context}", *ch as u32)]
    MissingGlyph { ch: char, context: String },
    #[error("{what} is too tall to fit on one page ({needed_mm:.0} mm needed, {available_mm:.0} mm available)")]
    TooTall {
        what: String,
        needed_mm: f32,
        available_mm: f32,
    },
    /// Layout was asked to place a picture whose size it was not given: the
    /// caller did not prepare it (with `ImageStore::get`) first.
    #[error("the picture `{name}` was not prepared, so it cannot be placed")]
    PictureNotLoaded { name: String },
    #[error("could not write the PDF: {0}")]
    Pdf(String),
}

fn fmt_place(path: &str, pos: Option<Pos>) -> String {
    match pos {
        Some(p) => format!("{path}:{}:{}", p.line, p.col),
        None => path.to_string(),
    }
}

impl Error {
    /// A problem in a file, without a position.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::File {
            path: path.into(),
            pos: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Writing to standard output failed.
    pub fn stdout(source: std::io::Error) -> Error {
        Error::Write {
            path: "standard output".into(),
            source,
        }
    }

    /// A problem at a byte offset of a file's text.
    pub fn at(
        path: impl Into<String>,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Error {
        Error::File {
            path: path.into(),
            pos: Some(Pos::of_offset(text, offset)),
            message: message.into(),
            hint: None,
        }
    }

    /// The same error with a hint attached (only for [`Error::File`]).
    pub fn with_hint(mut self, text: impl Into<String>) -> Error {
        if let Error::File { hint, .. } = &mut self {
            *hint = Some(text.into());
        }
        self
    }

    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        let did_you_mean = |s: &Option<String>| {
            s.as_ref()
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default()
        };
        match self {
            Error::File { hint, .. } => hint.clone(),
            Error::UnknownExercise { suggestion, .. } => Some(format!(
                "{}Run `handout list` to see all exercises.",
                did_you_mean(suggestion)
            )),
            Error::UnknownProgram { suggestion, .. } => Some(format!(
                "{}Run `handout list` to see all programs.",
                did_you_mean(suggestion)
            )),
            Error::UnknownTemplate { suggestion, .. } => Some(format!(
                "{}Templates are the .toml files in the library's templates/ folder.",
                did_you_mean(suggestion)
            )),
            Error::BadItem { .. } => Some(
                "an item is ID[:SETSxREPS][@HOLDs], for example clams, clams:3x12 or hip-hitch:2x10@5s".into(),
            ),
            Error::EmptyPatient => Some("give the patient's name with --patient \"First Last\"".into()),
            Error::NoExercises => Some(
                "choose exercises with --exercises clams,hip-hitch or a preset with --program glute-strength".into(),
            ),
            Error::OutputExists(_) => {
                Some("use --force to replace it, or -o to choose another file name".into())
            }
            Error::Write { .. } => {
                Some("check that the folder exists and that you may write to it".into())
            }
            Error::NotALibrary { .. } => Some(
                "a library folder holds clinic.toml and exercises/; `handout init DIR` writes one".into(),
            ),
            Error::Refused { hint, .. } => hint.clone(),
            Error::NoTerminal => Some(
                "give the choice as flags instead, e.g. handout make --patient \"Jane Doe\" --exercises clams,hip-hitch (see handout make --help)".into(),
            ),
            Error::Deliver { path, .. } => Some(format!(
                "the handout itself was written to {}; open or print it from there",
                path.display()
            )),
            Error::MissingGlyph { .. } => Some(
                "add a font that has this character to the library's fonts/ folder and list it under fallback-regular and fallback-bold in fonts/fonts.toml".into(),
            ),
            Error::TooTall { .. } => Some("shorten its text, or use a template with smaller type".into()),
            _ => None,
        }
    }
}

/// The closest of `candidates` to `wanted`, if it is close enough to be a likely typo.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wanted, c);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.filter(|(s, _)| *s >= 0.8).map(|(_, c)| c.to_string())
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(Pos::of_offset(text, 0), Pos { line: 1, col: 1 });
        assert_eq!(Pos::of_offset(text, 6), Pos { line: 2, col: 1 });
        // after the two-byte é
        assert_eq!(Pos::of_offset(text, 9), Pos { line: 2, col: 3 });
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["clams", "hip-hitch", "hip-hinge"];
        assert_eq!(suggest("clamz", ids), Some("clams".into()));
        assert_eq!(suggest("hip-hich", ids), Some("hip-hitch".into()));
        assert_eq!(suggest("deadlift", ids), None);
    }
}
