//! How the command line reports: `error: ...` and `hint: ...` on standard
//! error, in the command line's own words (flags and commands), and text on
//! standard output where a closed pipe is not an error.

use std::io::Write;
use std::process::ExitCode;

use handout::error::Error;

/// Where a choice came from, so a hint can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// `handout make` flags (and the prompts, which fill the same choices).
    Flags,
    /// A row of a roster given to `handout batch`.
    Roster,
}

/// The exit code for a command's result, printing the error if there is one.
pub fn exit(result: Result<ExitCode, Error>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(Error::Cancelled { interrupted }) => {
            eprintln!("cancelled: nothing was written");
            ExitCode::from(if interrupted { 130 } else { 1 })
        }
        Err(e) => {
            error(&e, Face::Flags);
            ExitCode::FAILURE
        }
    }
}

/// Print an error and its hint to standard error.
pub fn error(e: &Error, face: Face) {
    error_at(e, face, "");
}

/// Print an error, its message after `prefix` (e.g. `row 5: `).
pub fn error_at(e: &Error, face: Face, prefix: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {prefix}{}", escape(&message(e, face)));
    if let Some(h) = hint(e, face) {
        let _ = writeln!(err, "hint: {}", escape(&h));
    }
}

/// Print a warning to standard error.
pub fn warning(text: &str) {
    eprintln!("warning: {}", escape(text));
}

/// Text for a terminal: control characters (escape sequences among them) and
/// the invisible marks that reorder text are shown as `\u{..}` instead of
/// acting on the terminal; line breaks are kept.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    let acts = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(acts) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if acts(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// The error's message as this face says it.
pub fn message(e: &Error, face: Face) -> String {
    match (e, face) {
        (Error::OutputExists(_), Face::Roster) => {
            "the output file already exists (use --force to replace it)".to_string()
        }
        _ => e.to_string(),
    }
}

/// The hint in this face's words: the library's own hint, with the flag,
/// column or command that the user can act on.
pub fn hint(e: &Error, face: Face) -> Option<String> {
    let library_hint = e.hint();
    let with = |tail: &str| {
        Some(match &library_hint {
            Some(h) => format!("{h} {tail}"),
            None => tail.to_string(),
        })
    };
    match (e, face) {
        (Error::UnknownExercise { .. }, _) => with("Run `handout list` to see all exercises."),
        (Error::UnknownProgram { .. }, _) => with("Run `handout list` to see all programs."),
        (Error::EmptyPatient, Face::Flags) => {
            Some("give the patient's name with --patient \"First Last\"".into())
        }
        (Error::NoExercises, Face::Flags) => Some(
            "choose exercises with --exercises clams,hip-hitch or a preset with --program glute-strength".into(),
        ),
        (Error::EmptyPatient, Face::Roster) => {
            Some("fill in the row's `patient` cell".into())
        }
        (Error::NoExercises, Face::Roster) => {
            Some("fill in the row's `exercises` or `program` cell".into())
        }
        (Error::OutputExists(_), Face::Flags) => {
            Some("use --force to replace it, or -o to choose another file name".into())
        }
        (Error::OutputExists(_), Face::Roster) => None,
        (Error::Write { path, .. }, _) if path.as_os_str() == "standard output" => None,
        (Error::OutputIsFolder(p), Face::Flags) => Some(format!(
            "name a file, e.g. -o {}",
            p.join("handout.pdf").display()
        )),
        (Error::NotALibrary { .. }, _) => Some(
            "a library folder holds clinic.toml and exercises/; `handout init DIR` writes one"
                .into(),
        ),
        (Error::FolderNotEmpty(_), _) => {
            Some("init never overwrites files; name a new or empty folder".into())
        }
        (Error::NotAFolder(_), _) => Some("name a folder (a new one is made)".into()),
        (Error::BuiltinLibrary, _) => Some(
            "make a library of your own with `handout init myclinic`, then use it with `handout --library myclinic ...` (or set it once in handout.toml)".into(),
        ),
        (Error::NoTerminal, _) => Some(
            "give the choice as flags instead, e.g. handout make --patient \"Jane Doe\" --exercises clams,hip-hitch (see handout make --help)".into(),
        ),
        _ => library_hint,
    }
}

/// Write text to standard output (escaped for a terminal); a closed pipe
/// (`handout list | head`) is not an error.
pub fn out(text: &str) -> Result<(), Error> {
    let text = escape(text);
    let mut o = std::io::stdout().lock();
    match o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::stdout(e)),
        Ok(()) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_act_on_the_terminal() {
        assert_eq!(escape("plain\ntext, Zoë"), "plain\ntext, Zoë");
        assert_eq!(
            escape("bad \u{1b}[31mred\u{7} \u{202E}txt"),
            "bad \\u{1b}[31mred\\u{7} \\u{202e}txt"
        );
    }
}
