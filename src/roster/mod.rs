//! Rosters: one handout per row of a spreadsheet export (CSV).
//!
//! The roster is read as a stream: a header row, then one row per patient. The
//! header is checked before anything is written (unknown columns are an error).
//! Each row's cells go through [`crate::request`] like any other face's choices,
//! and rows are turned into [`Job`]s in order, which is where output names are
//! chosen (so `-2`, `-3` suffixes do not depend on thread timing). Making the
//! handouts is [`crate::batch`]'s work.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::output;
use crate::request::{split_notes, Choices, Field, Rules, Selection};

/// The columns a roster may have, in the order messages list them.
pub fn column_names() -> impl Iterator<Item = &'static str> {
    Field::ALL.into_iter().map(Field::name)
}

/// One handout to make.
#[derive(Debug, Clone)]
pub struct Job {
    /// Row number as a spreadsheet shows it (the header is row 1).
    pub row: usize,
    pub selection: Selection,
    pub file_name: String,
}

/// A row that could not be made.
#[derive(Debug)]
pub struct RowError {
    pub row: usize,
    pub error: Error,
}

/// The longest header row read, in bytes: a header that does not end by then
/// is not a roster (for example `/dev/zero` or a binary file).
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// The longest row, in bytes: every cell has a limit far below it (see
/// [`crate::request::text::max_chars`]), so only a broken file reaches it.
pub const MAX_ROW_BYTES: usize = 4 * 1024 * 1024;

/// The input after the header, as the CSV reader sees it.
type Input = RowLimit<std::io::Chain<std::io::Cursor<Vec<u8>>, Box<dyn Read + Send>>>;

/// A roster being read: the checked header and the rows still to come.
pub struct Roster {
    source: String,
    reader: csv::Reader<Input>,
    columns: Vec<Field>,
    record: csv::StringRecord,
    today: NaiveDate,
    rules: Rules,
    used_names: HashSet<String>,
    /// Set when the input itself failed: no more rows can be read.
    ended: bool,
    pub delimiter: u8,
}

impl Roster {
    /// Read and check the header of a roster. `source` names it in messages.
    /// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
    /// mark (Excel's "Unicode text") are read; anything else is refused.
    pub fn open(
        source: &str,
        input: impl Read + Send + 'static,
        today: NaiveDate,
        rules: Rules,
    ) -> Result<Roster> {
        let decoded: Box<dyn Read + Send> = Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .bom_sniffing(true)
                .strip_bom(true)
                .utf8_passthru(true)
                .build(input),
        );
        let mut buf = BufReader::new(decoded);
        let header = read_header_line(&mut buf).map_err(|e| Error::Read {
            path: source.to_string(),
            source: e,
        })?;
        let Some(mut header) = header else {
            return Err(Error::file(
                source,
                format!(
                    "the header row is longer than {} KB: this is not a roster (CSV) file",
                    MAX_HEADER_BYTES / 1024
                ),
            )
            .with_hint("save the spreadsheet as CSV UTF-8 (comma delimited)"));
        };
        if header.starts_with(b"\xEF\xBB\xBF") {
            header.drain(..3);
        }
        if header.contains(&0) {
            return Err(Error::file(
                source,
                "the roster is not text that can be read: it looks like UTF-16 without a byte-order mark, or a binary file",
            )
            .with_hint("save the spreadsheet as CSV UTF-8 (comma delimited)"));
        }
        if std::str::from_utf8(&header).is_err() {
            return Err(Error::file(
                source,
                "the header row is not UTF-8 text (it may be in an older Windows or Mac encoding)",
            )
            .with_hint("save the spreadsheet as CSV UTF-8 (comma delimited)"));
        }
        if header.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::file(
                source,
                "the roster is empty: it needs a header row like `patient,program`",
            ));
        }
        let delimiter = detect_delimiter(&header);
        // The rest of the stream after the header; buffered bytes first.
        let rest = buf.buffer().to_vec();
        let inner = buf.into_inner();
        let mut head = header.clone();
        head.extend_from_slice(&rest);
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(RowLimit::new(std::io::Cursor::new(head).chain(inner)));
        let mut roster = Roster {
            source: source.to_string(),
            reader,
            columns: Vec::new(),
            record: csv::StringRecord::new(),
            today,
            rules,
            used_names: HashSet::new(),
            ended: false,
            delimiter,
        };
        roster.check_header()?;
        Ok(roster)
    }

    fn check_header(&mut self) -> Result<()> {
        let headers = self
            .reader
            .headers()
            .map_err(|e| {
                Error::file(
                    self.source.clone(),
                    format!("cannot read the header row: {e}"),
                )
            })?
            .clone();
        let mut seen = HashSet::new();
        for (i, h) in headers.iter().enumerate() {
            let name = h.trim().to_lowercase();
            let col = Field::from_name(&name).ok_or_else(|| {
                let near = crate::error::suggest(&Field::key(&name), column_names())
                    .map(|c| format!("did you mean `{c}`? "))
                    .unwrap_or_default();
                Error::file(
                    format!("{}:1", self.source),
                    format!(
                        "unknown column `{}` (column {}): the known columns are {}",
                        h.trim(),
                        i + 1,
                        column_names().collect::<Vec<_>>().join(", ")
                    ),
                )
                .with_hint(format!(
                    "{near}rename or remove the column; nothing was written"
                ))
            })?;
            if !seen.insert(col) {
                return Err(Error::file(
                    format!("{}:1", self.source),
                    format!("the column `{name}` appears twice"),
                ));
            }
            self.columns.push(col);
        }
        if !seen.contains(&Field::Patient) {
            return Err(Error::file(
                format!("{}:1", self.source),
                "the roster has no `patient` column",
            )
            .with_hint("the header row needs `patient` and `program` and/or `exercises`, e.g. patient,program"));
        }
        if !seen.contains(&Field::Program) && !seen.contains(&Field::Exercises) {
            return Err(Error::file(
                format!("{}:1", self.source),
                "the roster has neither a `program` nor an `exercises` column",
            ));
        }
        Ok(())
    }

    /// The next row as a job, or the reason it cannot be one. `None` at the end.
    /// Blank rows are skipped.
    pub fn next_job(&mut self) -> Option<std::result::Result<Job, RowError>> {
        if self.ended {
            return None;
        }
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Err(e) => {
                    let row = e
                        .position()
                        .map_or(self.reader.get_ref().lines, |p| p.record() as usize + 1);
                    let error =
                        Error::file(self.source.clone(), format!("cannot read the roster: {e}"));
                    // A broken stream ends the roster (reading on could fail
                    // forever); bad UTF-8 in one row does not.
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        self.ended = true;
                    }
                    return Some(Err(RowError { row, error }));
                }
                Ok(true) => {
                    if self.record.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    let row = self
                        .record
                        .position()
                        .map_or(0, |p| p.record() as usize + 1);
                    return Some(self.job(row).map_err(|error| RowError { row, error }));
                }
            }
        }
    }

    fn job(&mut self, row: usize) -> Result<Job> {
        let last_has_newline = self
            .record
            .iter()
            .next_back()
            .is_some_and(|f| f.contains('\n'));
        if (self.record.len() < self.columns.len() && last_has_newline)
            || self.record.len() > self.columns.len()
        {
            return Err(Error::RowShape {
                fields: self.record.len(),
                columns: self.columns.len(),
                unclosed_quote: self.record.len() < self.columns.len(),
            });
        }
        let mut c = Choices::default();
        let mut output_name = None;
        for (col, value) in self.columns.iter().zip(self.record.iter()) {
            let v = value.trim();
            if v.is_empty() {
                continue;
            }
            let v = Some(v.to_string());
            match col {
                Field::Patient => c.patient = v,
                Field::Exercises => c.exercises.extend(v),
                Field::Program => c.program = v,
                Field::Date => c.date = v,
                Field::Clinician => c.clinician = v,
                Field::Notes | Field::ExerciseNote => {
                    (c.notes, c.exercise_notes) = split_notes(value.trim());
                }
                Field::Log => c.log = v,
                Field::NextAppointment => c.next_appointment = v,
                Field::Paper => c.paper = v,
                Field::Template => c.template = v,
                Field::Output => output_name = Some(safe_output_name(value.trim())?),
            }
        }
        let selection: Selection = c.selection_with(self.rules)?;
        if selection.patient.trim().is_empty() {
            return Err(Error::EmptyPatient);
        }
        let base = match output_name {
            Some(n) => n,
            None => {
                output::default_file_name(&selection.patient, selection.date.unwrap_or(self.today))
            }
        };
        let file_name = self.unique(base);
        Ok(Job {
            row,
            selection,
            file_name,
        })
    }

    /// `name`, or `name-2.pdf`, `name-3.pdf`... if an earlier row took it.
    fn unique(&mut self, name: String) -> String {
        let (stem, ext) = match name.rsplit_once('.') {
            Some((s, e)) => (s.to_string(), format!(".{e}")),
            None => (name.clone(), String::new()),
        };
        let mut candidate = name;
        let mut n = 2;
        while !self.used_names.insert(candidate.to_lowercase()) {
            candidate = format!("{stem}-{n}{ext}");
            n += 1;
        }
        candidate
    }
}

impl Iterator for Roster {
    type Item = std::result::Result<Job, RowError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_job()
    }
}

/// The header line (up to the first newline outside quotes), including the
/// newline; `None` if it is longer than [`MAX_HEADER_BYTES`].
fn read_header_line(r: &mut impl BufRead) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let mut in_quotes = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(Some(line));
        }
        let mut used = 0;
        let mut done = false;
        for &b in chunk {
            used += 1;
            line.push(b);
            match b {
                b'"' => in_quotes = !in_quotes,
                b'\n' if !in_quotes => {
                    done = true;
                    break;
                }
                _ => {}
            }
        }
        r.consume(used);
        if done {
            return Ok(Some(line));
        }
        if line.len() > MAX_HEADER_BYTES {
            return Ok(None);
        }
    }
}

/// A reader that fails once one row (up to a newline outside quotes) grows
/// past [`MAX_ROW_BYTES`], so a broken file cannot fill the memory.
pub struct RowLimit<R> {
    inner: R,
    in_quotes: bool,
    row_bytes: usize,
    /// The line being read (the header is line 1).
    lines: usize,
}

impl<R> RowLimit<R> {
    fn new(inner: R) -> RowLimit<R> {
        RowLimit {
            inner,
            in_quotes: false,
            row_bytes: 0,
            lines: 1,
        }
    }
}

impl<R: Read> Read for RowLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            self.row_bytes += 1;
            match b {
                b'"' => self.in_quotes = !self.in_quotes,
                b'\n' => {
                    self.lines += 1;
                    if !self.in_quotes {
                        self.row_bytes = 0;
                    }
                }
                _ => {}
            }
            if self.row_bytes > MAX_ROW_BYTES {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "the row on line {} is longer than {} MB; no real row is that long: is a closing quote missing?",
                        self.lines,
                        MAX_ROW_BYTES / (1024 * 1024)
                    ),
                ));
            }
        }
        Ok(n)
    }
}

/// Comma or semicolon, whichever separates more fields of the header.
fn detect_delimiter(header: &[u8]) -> u8 {
    let (mut commas, mut semis, mut tabs, mut in_quotes) = (0, 0, 0, false);
    for &b in header {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => commas += 1,
            b';' if !in_quotes => semis += 1,
            b'\t' if !in_quotes => tabs += 1,
            _ => {}
        }
    }
    if tabs > commas && tabs > semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// Check a file name from the roster's `output` column: a plain name that stays
/// inside the output folder. `.pdf` is added when missing.
pub fn safe_output_name(name: &str) -> Result<String> {
    let bad = |why: &str| Error::BadOutputName {
        name: name.to_string(),
        reason: why.to_string(),
    };
    if name.contains(['/', '\\']) {
        return Err(bad("must be a plain file name, without folders"));
    }
    if name.chars().any(|c| c.is_control()) {
        return Err(bad("contains control characters"));
    }
    if name.starts_with('.') {
        return Err(bad("must not start with a dot"));
    }
    if name.contains([':', '*', '?', '"', '<', '>', '|']) {
        return Err(bad(
            "contains a character not allowed in file names (: * ? \" < > |)",
        ));
    }
    let mut name = name.trim_end_matches([' ', '.']).to_string();
    if !name.to_lowercase().ends_with(".pdf") {
        name.push_str(".pdf");
    }
    let stem = name[..name.len() - 4].to_string();
    let base = stem.split('.').next().unwrap_or("").to_ascii_lowercase();
    const RESERVED: &[&str] = &["con", "prn", "aux", "nul"];
    let reserved = RESERVED.contains(&base.as_str())
        || ((base.starts_with("com") || base.starts_with("lpt"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit());
    if reserved || stem.is_empty() {
        return Err(bad("is a name reserved by Windows or empty"));
    }
    if name.len() > 200 {
        return Err(bad("is longer than 200 bytes"));
    }
    Ok(name)
}

/// Count the data rows of a roster file (for a progress bar), cheaply. Only
/// for a regular file: a pipe would be read twice.
pub fn count_rows(path: &Path) -> Option<u64> {
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let f = std::fs::File::open(path).ok()?;
    let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .bom_sniffing(true)
        .strip_bom(true)
        .utf8_passthru(true)
        .build(f);
    let mut r = BufReader::new(decoded);
    let header = read_header_line(&mut r).ok()??;
    let delimiter = detect_delimiter(&header);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(RowLimit::new(r));
    let mut rec = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut rec).ok()? {
        if rec.iter().any(|f| !f.iter().all(u8::is_ascii_whitespace)) {
            n += 1;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests;
