//! The library's one error type.
//!
//! Every error names what went wrong and, where it applies, the file and line.
//! [`Error::hint`] gives the next step for the user in words that suit any
//! face; a face (the command line, later the web app) prints it as `hint: ...`
//! under `error: ...`, replacing it with its own wording where it can name a
//! flag, a column or a command. Patient names never appear in an error.

use std::fmt;
use std::path::PathBuf;

use crate::request::field::Field;

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
    /// A chosen value (from a flag, a roster cell, a prompt) that cannot be used.
    /// `value` is empty where it must not be repeated (names and notes).
    #[error("bad {}{}: {reason}", field.what(), if value.is_empty() { String::new() } else { format!(" `{value}`") })]
    Choice {
        field: Field,
        value: String,
        reason: String,
    },
    #[error("the patient name is empty")]
    EmptyPatient,
    #[error("no exercises chosen")]
    NoExercises,
    /// A roster row whose fields do not line up with the header.
    #[error("it has {fields} fields but the header has {columns} columns{}", if *unclosed_quote { "; a quoted field may be missing its closing quote" } else { "" })]
    RowShape {
        fields: usize,
        columns: usize,
        unclosed_quote: bool,
    },
    /// A file name given for the output that cannot be used.
    #[error("the output name `{}` {reason}", name.escape_debug())]
    BadOutputName { name: String, reason: String },
    /// An exercise's figure could not be drawn (names or angles are wrong).
    #[error("exercise `{exercise}`: the figure cannot be drawn: {message}")]
    Figure { exercise: String, message: String },
    #[error("cannot make a QR code for {url}: {reason}")]
    QrCode { url: String, reason: String },
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    #[error("{}: the file already exists", .0.display())]
    OutputExists(PathBuf),
    /// The output was named as a folder that exists.
    #[error("{}: this is a folder, not a file", .0.display())]
    OutputIsFolder(PathBuf),
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
    /// A new library (or another folder to be filled) must go into a new or empty folder.
    #[error("{}: the folder is not empty", .0.display())]
    FolderNotEmpty(PathBuf),
    #[error("{}: this is a file, not a folder", .0.display())]
    NotAFolder(PathBuf),
    /// The library built into the binary was asked to change.
    #[error("the built-in library cannot be changed")]
    BuiltinLibrary,
    #[error("`{0}` is not a valid exercise id")]
    BadId(String),
    #[error("exercise `{id}` already exists: {path}")]
    ExerciseExists { id: String, path: String },
    /// A face that cannot do what was asked (e.g. `--open` with standard output).
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

    /// What the user can do about it, in words that suit any face: no flag,
    /// column or command is named here (each face adds its own wording).
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::File { hint, .. } | Error::Refused { hint, .. } => hint.clone(),
            Error::UnknownExercise { suggestion, .. }
            | Error::UnknownProgram { suggestion, .. } => {
                suggestion.as_ref().map(|s| format!("did you mean `{s}`?"))
            }
            Error::UnknownTemplate { suggestion, .. } => Some(format!(
                "{}Templates are the .toml files in the library's templates/ folder.",
                did_you_mean(suggestion)
            )),
            Error::Choice { field, .. } => field.example().map(str::to_string),
            Error::EmptyPatient => Some("every handout needs the patient's name".into()),
            Error::NoExercises => Some("choose exercises, a program, or both".into()),
            Error::OutputExists(_) => {
                Some("choose another file name, or allow the file to be replaced".into())
            }
            Error::Write { source, .. } => match source.kind() {
                std::io::ErrorKind::StorageFull => {
                    Some("the disk is full: free some space, then make it again".into())
                }
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    Some("you may not write there: choose another folder".into())
                }
                std::io::ErrorKind::NotFound => Some("create the folder first, or write the file somewhere else".into()),
                _ => None,
            },
            Error::NotALibrary { .. } => {
                Some("a library folder holds clinic.toml and exercises/".into())
            }
            Error::FolderNotEmpty(_) => {
                Some("nothing is ever overwritten; name a new or empty folder".into())
            }
            Error::BuiltinLibrary => Some(
                "make a library of your own (an editable copy of the built-in one) and change that".into(),
            ),
            Error::BadId(_) => Some(
                "use lowercase letters, digits and single hyphens, like `wall-squat`".into(),
            ),
            Error::ExerciseExists { .. } => Some("edit that file, or choose another id".into()),
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

    /// The choice this error is about, when it is about one (so a face can
    /// point at its flag, column or question).
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Choice { field, .. } => Some(*field),
            Error::EmptyPatient => Some(Field::Patient),
            Error::NoExercises | Error::UnknownExercise { .. } => Some(Field::Exercises),
            Error::UnknownProgram { .. } => Some(Field::Program),
            Error::UnknownTemplate { .. } => Some(Field::Template),
            Error::BadOutputName { .. } => Some(Field::Output),
            _ => None,
        }
    }
}

fn did_you_mean(s: &Option<String>) -> String {
    s.as_ref()
        .map(|s| format!("did you mean `{s}`? "))
        .unwrap_or_default()
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
