//! Reading a library file and saying, in plain words, everything that is wrong
//! with it at once.
//!
//! serde stops at the first problem of a file. To find the next, the key that
//! held the problem is blanked out (replaced by spaces, so every position in the
//! text stays where it was) and the file is read again, until it reads or no
//! key can be blamed. Parser jargon (`invalid type: string "5", expected i64`)
//! is put in words a clinic's administrator can act on.

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::error::{suggest, Error, Pos};

/// Problems reported per file at most (a file that is not TOML at all would
/// otherwise give one per line).
const MAX_PROBLEMS: usize = 20;

/// Read `bytes` (shown as `shown` in messages) as `T`, or every problem found.
pub fn parse_all<T: DeserializeOwned>(shown: &str, bytes: &[u8]) -> Result<T, Vec<Error>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![Error::file(
            shown,
            format!("not UTF-8 text (bad byte at offset {})", e.valid_up_to()),
        )
        .with_hint("save the file as UTF-8")]
    })?;
    // The usual case, read once.
    let first = match toml::from_str::<T>(text) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let keys = match toml_edit::ImDocument::parse(text) {
        Ok(doc) => key_ranges(doc.as_table()),
        // A syntax error: the rest of the file cannot be read reliably.
        Err(e) => {
            let (message, hint) = plain(e.message());
            return Err(vec![place(
                shown,
                text,
                e.span().map(|s| s.start),
                message,
                hint,
            )]);
        }
    };
    let mut work = text.to_string();
    let mut problems = Vec::new();
    let mut blanked: Vec<String> = Vec::new();
    let mut next = Err(first);
    loop {
        match next {
            Ok(v) if problems.is_empty() => return Ok(v),
            Ok(_) => return Err(problems),
            Err(e) => {
                let message = e.message().trim().to_string();
                // A key that was blanked for an earlier problem is "missing" now,
                // and so is one an earlier unknown key was a misspelling of: not news.
                if let Some(key) = missing_field(&message) {
                    let suggested = format!("did you mean `{key}`?");
                    if blanked.iter().any(|b| b == key)
                        || problems
                            .iter()
                            .any(|p| p.hint().as_deref() == Some(&suggested))
                    {
                        return Err(problems);
                    }
                }
                let at = e.span().map(|s| s.start);
                let (m, hint) = plain(&message);
                problems.push(place(shown, text, at, m, hint));
                let Some(range) = at.and_then(|o| blame(&keys, o)) else {
                    return Err(problems);
                };
                if problems.len() >= MAX_PROBLEMS {
                    return Err(problems);
                }
                blanked.push(range.1.clone());
                blank(&mut work, range.0);
            }
        }
        next = toml::from_str::<T>(&work);
    }
}

/// A problem at byte `offset` of `text` (or of the whole file).
fn place(
    shown: &str,
    text: &str,
    offset: Option<usize>,
    message: String,
    hint: Option<String>,
) -> Error {
    Error::File {
        path: shown.to_string(),
        pos: offset.map(|o| Pos::of_offset(text, o)),
        message,
        hint,
    }
}

/// Every `key = value` written directly in a table, with the key's name:
/// (byte range of the whole line(s), key).
fn key_ranges(table: &toml_edit::Table) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    collect(table, &mut out);
    out.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    out
}

fn collect(table: &toml_edit::Table, out: &mut Vec<(Range<usize>, String)>) {
    for (name, item) in table.iter() {
        let key_span = table.get_key_value(name).and_then(|(k, _)| k.span());
        match item {
            toml_edit::Item::Value(v) => {
                if let (Some(k), Some(v)) = (key_span, v.span()) {
                    out.push((k.start..v.end, name.to_string()));
                }
            }
            toml_edit::Item::Table(t) => {
                let inner = out.len();
                collect(t, out);
                // The table as a whole, from its header to its last key.
                let end = out[inner..].iter().map(|(r, _)| r.end).max();
                if let (Some(h), Some(end)) = (t.span(), end) {
                    out.push((h.start..end.max(h.end), name.to_string()));
                } else if let Some(h) = t.span() {
                    out.push((h, name.to_string()));
                }
            }
            toml_edit::Item::ArrayOfTables(a) => {
                for t in a.iter() {
                    let inner = out.len();
                    collect(t, out);
                    let end = out[inner..].iter().map(|(r, _)| r.end).max();
                    if let Some(h) = t.span() {
                        out.push((h.start..end.unwrap_or(h.end).max(h.end), name.to_string()));
                    }
                }
            }
            toml_edit::Item::None => {}
        }
    }
}

/// The smallest key range holding `offset`.
fn blame(keys: &[(Range<usize>, String)], offset: usize) -> Option<(Range<usize>, String)> {
    keys.iter()
        .filter(|(r, _)| r.start <= offset && offset < r.end.max(r.start + 1))
        .min_by_key(|(r, _)| r.end - r.start)
        .cloned()
}

/// Replace `range` of `text` by spaces, keeping line breaks, byte for byte
/// (positions stay where they were).
fn blank(text: &mut String, range: Range<usize>) {
    let end = range.end.min(text.len());
    let mut fill = String::with_capacity(end - range.start);
    for c in text[range.start..end].chars() {
        if c == '\n' || c == '\r' {
            fill.push(c);
        } else {
            fill.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    text.replace_range(range.start..end, &fill);
}

/// `missing field `title`` -> `title`.
fn missing_field(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
}

/// A parser's message in plain words, and a hint.
pub fn plain(message: &str) -> (String, Option<String>) {
    let m = message.trim();
    let quoted = |s: &str| s.split(['"', '`']).nth(1).unwrap_or("").to_string();
    if let Some(rest) = m.strip_prefix("invalid type: string ") {
        let value = quoted(rest);
        if rest.contains("expected i64")
            || rest.contains("expected u")
            || rest.contains("expected f")
            || rest.contains("number")
        {
            return (
                format!("this must be a number, not text: `\"{value}\"`"),
                Some(format!("write it without quotes: {value}")),
            );
        }
        if rest.contains("expected a sequence") {
            return (
                "this must be a list in square brackets, not one text".into(),
                Some(format!("write it as [\"{value}\"]")),
            );
        }
        if rest.contains("expected a boolean") {
            return (
                "this must be true or false, not text".into(),
                Some("write true or false without quotes".into()),
            );
        }
    }
    if let Some(rest) = m.strip_prefix("invalid type: integer ") {
        let value = quoted(rest);
        return (
            format!("this must be text in quotes, not the number {value}"),
            Some(format!("write it as \"{value}\"")),
        );
    }
    if m.starts_with("invalid type: floating point") {
        return (
            "this must be text in quotes, not a number".into(),
            Some("put the value in double quotes".into()),
        );
    }
    if m.starts_with("invalid type: boolean") {
        return (
            "this must not be true or false here".into(),
            Some("see the other files of the library for the kind of value it takes".into()),
        );
    }
    if m.starts_with("invalid type: sequence") {
        return (
            "this must be one value, not a list in square brackets".into(),
            Some("remove the [ ] around it".into()),
        );
    }
    if let Some(key) = missing_field(m) {
        return (
            format!("the key `{key}` is missing"),
            Some(format!(
                "add a line `{key} = ...`; see the other files of the library"
            )),
        );
    }
    if let Some(rest) = m.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = suggest(key, known.iter().copied()).map(|s| format!("did you mean `{s}`?"));
        return (m.to_string(), hint);
    }
    if let Some(rest) = m.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = suggest(value, known.iter().copied()).map(|s| format!("did you mean `{s}`?"));
        return (
            format!(
                "`{value}` is not one of the allowed values{}",
                expected.trim_start_matches(',').replace("expected", ":")
            ),
            hint,
        );
    }
    if m.starts_with("duplicate key") {
        return (
            format!("the key {} is written twice", quoted(m)),
            Some("keep one of the two lines".into()),
        );
    }
    if m.contains("invalid basic string") || m.contains("invalid literal string") {
        return (
            "a text is missing its closing quote".into(),
            Some(
                "text must start and end with a double quote on the same line: \"like this\""
                    .into(),
            ),
        );
    }
    if m.contains("invalid string")
        || m.contains("unterminated")
        || m.contains("missing closing quote")
    {
        return (
            "a text is missing its closing quote".into(),
            Some("text must start and end with a double quote: \"like this\"".into()),
        );
    }
    if m.contains("invalid array") || m.contains("expected `]`") {
        return (
            "a list is not closed".into(),
            Some("a list is [\"one\", \"two\"], ending with ]".into()),
        );
    }
    if m.contains("expected `.`, `=`") || m.contains("expected `=`") {
        return (
            "a key must be followed by = and its value".into(),
            Some("write it as key = \"value\"".into()),
        );
    }
    if m.contains("invalid table header") || m.contains("expected `]`") {
        return (
            "a [section] heading is not written right".into(),
            Some("write it as [name] on a line of its own".into()),
        );
    }
    if m.starts_with("expected newline") || m.contains("expected newline") {
        return (
            "there is more on this line than one key = value".into(),
            Some("put each key on its own line; text goes in double quotes".into()),
        );
    }
    if m.contains("invalid") && m.contains("key") {
        return (
            "this line is not a key = value".into(),
            Some("keys are words like `title`; text goes in double quotes".into()),
        );
    }
    (m.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Exercise;

    fn problems(text: &str) -> Vec<String> {
        match parse_all::<Exercise>("ex.toml", text.as_bytes()) {
            Ok(_) => Vec::new(),
            Err(p) => p
                .iter()
                .map(|e| match e.hint() {
                    Some(h) => format!("{e} | {h}"),
                    None => e.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn every_problem_of_a_file_in_plain_words() {
        let text = "title = \"A\"\naim = 5\nstart = \"x\"\nstepz = [\"a\"]\nsteps = [\"one\"]\ntips = \"one tip\"\n\n[dose]\nsets = \"3\"\nreps = 10\n";
        let p = problems(text);
        assert_eq!(
            p,
            [
                "ex.toml:2:7: this must be text in quotes, not the number 5 | write it as \"5\"",
                "ex.toml:4:1: unknown field `stepz`, expected one of `title`, `aim`, `start`, `steps`, `tips`, `cautions`, `also-called`, `region`, `position`, `equipment`, `goal`, `tags`, `dose`, `images`, `easier`, `harder`, `video`, `figure` | did you mean `steps`?",
                "ex.toml:6:8: this must be a list in square brackets, not one text | write it as [\"one tip\"]",
                "ex.toml:9:8: this must be a number, not text: `\"3\"` | write it without quotes: 3",
            ]
        );
    }

    #[test]
    fn a_missing_quote_is_named_as_such() {
        let p = problems("title = \"A\naim = \"b\"\n");
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("ex.toml:1:"), "{p:?}");
        assert!(p[0].contains("missing its closing quote"), "{p:?}");
    }

    #[test]
    fn a_good_file_reads() {
        let text = "title = \"A\"\naim = \"b\"\nsteps = [\"one\"]\n[dose]\nreps = 3\n";
        assert!(problems(text).is_empty());
    }
}
