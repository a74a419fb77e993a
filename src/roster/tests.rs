//! Reading rosters.

use super::*;
use crate::request::parse_date;

fn today() -> NaiveDate {
    parse_date("2026-11-25").unwrap()
}

fn jobs(csv: &str) -> Vec<std::result::Result<Job, RowError>> {
    Roster::open(
        "r.csv",
        std::io::Cursor::new(csv.as_bytes().to_vec()),
        today(),
        Rules::default(),
    )
    .unwrap()
    .collect()
}

#[test]
fn header_is_matched_loosely_and_checked() {
    let r = Roster::open(
        "r.csv",
        " Patient ; PROGRAM \n".as_bytes(),
        today(),
        Rules::default(),
    )
    .unwrap();
    assert_eq!(r.delimiter, b';');
    let e = Roster::open(
        "r.csv",
        "patient,programm\n".as_bytes(),
        today(),
        Rules::default(),
    )
    .err()
    .unwrap();
    assert_eq!(
        e.to_string(),
        "r.csv:1: unknown column `programm` (column 2): the known columns are patient, exercises, program, date, clinician, notes, paper, template, output, log, next-appointment"
    );
    assert!(Roster::open("r.csv", "program\n".as_bytes(), today(), Rules::default()).is_err());
    assert!(Roster::open(
        "r.csv",
        "patient,notes\n".as_bytes(),
        today(),
        Rules::default()
    )
    .is_err());
    assert!(Roster::open(
        "r.csv",
        "patient,patient,program\n".as_bytes(),
        today(),
        Rules::default()
    )
    .is_err());
    assert!(Roster::open("r.csv", "".as_bytes(), today(), Rules::default()).is_err());
}

#[test]
fn bom_crlf_semicolons_and_quoted_fields() {
    let plain = "patient,exercises,notes\nJane Doe,\"clams,hip-hitch:2x10@5s\",\"Slowly, please.\nTwice a day.\"\n";
    let excel = "\u{FEFF}Patient;Exercises;Notes\r\nJane Doe;clams;hip-hitch:2x10@5s;\"Slowly, please.\r\nTwice a day.\"\r\n";
    // Excel's field with a ';' inside must be quoted:
    let excel = excel.replace("clams;hip-hitch:2x10@5s", "\"clams;hip-hitch:2x10@5s\"");
    let a: Vec<_> = jobs(plain).into_iter().map(|j| j.unwrap()).collect();
    let b: Vec<_> = jobs(&excel).into_iter().map(|j| j.unwrap()).collect();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].selection.items, b[0].selection.items);
    assert_eq!(a[0].selection.items.len(), 2);
    assert_eq!(a[0].file_name, "jane-doe-2026-11-25.pdf");
    assert_eq!(a[0].file_name, b[0].file_name);
    // Line endings inside a note are the note's own.
    assert_eq!(
        a[0].selection.notes.as_deref().map(|n| n.replace('\r', "")),
        b[0].selection.notes.as_deref().map(|n| n.replace('\r', ""))
    );
}

#[test]
fn rows_are_numbered_as_in_a_spreadsheet_and_bad_rows_say_why() {
    // A blank spreadsheet row exports as ",,": it is skipped but keeps its number.
    let csv = "patient,program,date\nA,glute-strength,2026-11-25\n,glute-strength,\n,,\nB,glute-strength,25/11/26\nC,glute-strength,\n";
    let r = jobs(csv);
    assert_eq!(r.len(), 4, "the blank row is skipped");
    assert_eq!(r[0].as_ref().unwrap().row, 2);
    let e = r[1].as_ref().unwrap_err();
    assert_eq!(
        (e.row, e.error.to_string()),
        (3, "the patient name is empty".to_string())
    );
    let e = r[2].as_ref().unwrap_err();
    assert_eq!(e.row, 5);
    assert!(e.error.to_string().starts_with("bad date `25/11/26`"));
    assert_eq!(r[3].as_ref().unwrap().row, 6);
}

#[test]
fn same_names_get_numbered_in_row_order() {
    let csv = "patient,program\nJane Doe,p\nJane Doe,p\njane  doe,p\n";
    let names: Vec<_> = jobs(csv)
        .into_iter()
        .map(|j| j.unwrap().file_name)
        .collect();
    assert_eq!(
        names,
        [
            "jane-doe-2026-11-25.pdf",
            "jane-doe-2026-11-25-2.pdf",
            "jane-doe-2026-11-25-3.pdf"
        ]
    );
}

#[test]
fn names_never_leave_the_output_folder() {
    let csv = "patient,program\n../../etc/passwd,p\ncon,p\n";
    let names: Vec<_> = jobs(csv)
        .into_iter()
        .map(|j| j.unwrap().file_name)
        .collect();
    assert_eq!(names, ["etc-passwd-2026-11-25.pdf", "con-2026-11-25.pdf"]);
    assert_eq!(safe_output_name("jane").unwrap(), "jane.pdf");
    assert_eq!(safe_output_name("Jane Doe.PDF").unwrap(), "Jane Doe.PDF");
    for bad in [
        "../x.pdf", "a/b", "a\\b", "con", "CON.pdf", "lpt1.pdf", ".hidden", "a\u{7}b", "c:x", "",
    ] {
        assert!(safe_output_name(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn notes_column_syntax() {
    let csv = "patient,program,notes\nA,glute-strength,Walk daily | clams=Use the green band|hip-hitch = Hold the sink\n";
    let a = jobs(csv).remove(0).unwrap();
    assert_eq!(a.selection.notes.as_deref(), Some("Walk daily"));
    assert_eq!(
        a.selection.exercise_notes,
        [
            ("clams".to_string(), "Use the green band".to_string()),
            ("hip-hitch".to_string(), "Hold the sink".to_string())
        ]
    );
    let csv = "patient,program,log,next-appointment\nA,glute-strength,4,2026-12-02 10:30\nB,glute-strength,13,\nC,glute-strength,,2026-13-02\n";
    let r = jobs(csv);
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.selection.log_weeks, Some(4));
    assert!(a.selection.next_appointment.is_some());
    assert!(matches!(
        r[1].as_ref().unwrap_err().error,
        Error::Choice {
            field: Field::Log,
            ..
        }
    ));
    assert!(matches!(
        r[2].as_ref().unwrap_err().error,
        Error::Choice {
            field: Field::NextAppointment,
            ..
        }
    ));
}

/// A reader that gives the header, then fails every time it is read.
struct Broken(&'static [u8]);

impl Read for Broken {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.0.is_empty() {
            return Err(std::io::Error::other("the disk went away"));
        }
        let n = buf.len().min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn a_failing_stream_ends_the_roster_after_one_error() {
    let r = Roster::open(
        "r.csv",
        Broken(b"patient,program\n"),
        today(),
        Rules::default(),
    )
    .unwrap();
    let rows: Vec<_> = r.take(5).collect();
    assert_eq!(rows.len(), 1, "stops instead of failing forever");
    let e = rows[0].as_ref().unwrap_err();
    assert!(
        e.error.to_string().contains("the disk went away"),
        "{}",
        e.error
    );
}

#[test]
fn an_unclosed_quote_is_named() {
    let r = jobs("patient;program\n\"unterminated;glute-strength\nnext;glute-strength\n");
    let e = r[0].as_ref().unwrap_err();
    assert_eq!(e.row, 2);
    assert!(
        e.error.to_string().contains("missing its closing quote"),
        "{}",
        e.error
    );
}
