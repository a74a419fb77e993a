//! `handout batch`: rosters as spreadsheets export them, bad rows, safe names,
//! interruption, determinism.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;

fn write(env: &Env, name: &str, text: &str) {
    std::fs::write(env.path().join(name), text).unwrap();
}

fn pdfs(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    v.sort();
    v
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap()
}

const PLAIN: &str = "patient,exercises,program,date,notes
Jane Doe,\"clams,hip-hitch:2x10@5s\",,2026-11-25,\"Go slowly, please.
Twice a day.\"
Zoë Ó'Brien,,glute-strength,2026-11-25,
";

#[test]
fn an_excel_export_gives_the_same_pdfs_as_the_plain_roster() {
    let env = Env::new();
    write(&env, "plain.csv", PLAIN);
    // BOM, CRLF, semicolons, headers in other case and with spaces; the note's
    // comma and line break inside quotes.
    let excel = "\u{FEFF} Patient ;Exercises;PROGRAM;Date;Notes\r\nJane Doe;\"clams,hip-hitch:2x10@5s\";;2026-11-25;\"Go slowly, please.\r\nTwice a day.\"\r\nZoë Ó'Brien;;glute-strength;2026-11-25;\r\n";
    write(&env, "excel.csv", excel);
    let a = env.ok(&["batch", "plain.csv", "--out-dir", "a"]);
    env.ok(&["batch", "excel.csv", "--out-dir", "b"]);
    assert_eq!(a.stderr, "2 written\n");
    let names = pdfs(&env.path().join("a"));
    assert_eq!(
        names,
        ["jane-doe-2026-11-25.pdf", "zoe-obrien-2026-11-25.pdf"]
    );
    assert_eq!(pdfs(&env.path().join("b")), names);
    for n in &names {
        assert!(
            read(&env.path().join("a"), n) == read(&env.path().join("b"), n),
            "{n} differs"
        );
    }
    let jane = env.path().join("a/jane-doe-2026-11-25.pdf");
    qpdf_check(&jane);
    let words = pdf_words(&jane);
    // The note's two lines (a paragraph each; page 1 is full after the first).
    assert!(
        words.contains("Go slowly, please.") && words.contains("Twice a day."),
        "{words}"
    );
    assert!(
        words.contains(
            "Do it 10 times, holding each for 5 seconds. Rest, then do it all once more."
        ),
        "{words}"
    );
    assert_eq!(
        page_count(&env.path().join("a/zoe-obrien-2026-11-25.pdf")),
        2
    );
}

#[test]
fn two_bad_rows_among_fifty_are_reported_and_the_rest_written() {
    let env = Env::new();
    let mut csv = String::from("patient,program,exercises,date\n");
    for i in 0..50 {
        match i {
            16 => csv += "Bad Exercise,,clamz,2026-11-25\n", // row 18
            40 => csv += "Bad Date,glute-strength,,2026-02-30\n", // row 42
            _ => csv += &format!("Patient {i},glute-strength,,2026-11-25\n"),
        }
    }
    write(&env, "r.csv", &csv);
    let r = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "error: row 18, column `exercises`: unknown exercise `clamz`\n\
         hint: did you mean `clams`? Run `handout list` to see all exercises.\n\
         error: row 42, column `date`: bad date `2026-02-30`: there is no day 30 in February 2026\n\
         48 written, 2 failed: rows 18, 42\n"
    );
    let out = env.path().join("out");
    let names = pdfs(&out);
    assert_eq!(names.len(), 48);
    assert!(!names.iter().any(|n| n.starts_with("bad-")));
    // Patient names are not printed in progress or error output.
    assert!(!r.stderr.contains("Patient") && !r.stderr.contains("Bad Date"));
    qpdf_check(&out.join("patient-0-2026-11-25.pdf"));
}

#[test]
fn dangerous_patient_names_stay_inside_the_output_folder() {
    let env = Env::new();
    write(
        &env,
        "r.csv",
        "patient,program,date\n../../etc/passwd,glute-strength,2026-11-25\ncon,glute-strength,2026-11-25\nCON,glute-strength,2026-11-25\n",
    );
    env.ok(&["batch", "r.csv", "--out-dir", "deep/out"]);
    assert_eq!(
        pdfs(&env.path().join("deep/out")),
        [
            "con-2026-11-25-2.pdf",
            "con-2026-11-25.pdf",
            "etc-passwd-2026-11-25.pdf"
        ]
    );
    assert!(!env.path().join("etc").exists());
    assert_eq!(env.files(), ["deep", "r.csv"]);
}

#[test]
fn an_output_column_with_a_path_is_refused_for_that_row() {
    let env = Env::new();
    write(
        &env,
        "r.csv",
        "patient,program,output\nJane,glute-strength,../jane.pdf\nSam,glute-strength,sam\n",
    );
    let r = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("error: row 2, column `output`: the output name `../jane.pdf` must be a plain file name, without folders\n"), "{}", r.stderr);
    assert_eq!(pdfs(&env.path().join("out")), ["sam.pdf"]);
}

#[test]
fn an_unknown_column_stops_the_run_before_anything_is_written() {
    let env = Env::new();
    write(&env, "r.csv", "patient,programm\nJane,glute-strength\n");
    let r = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "error: r.csv:1: unknown column `programm` (column 2): the known columns are patient, exercises, program, date, clinician, notes, paper, template, output, log, next-appointment\nhint: did you mean `program`? rename or remove the column; nothing was written\n"
    );
    assert!(!env.path().join("out").exists());
}

#[test]
fn columns_and_values_are_read_as_people_write_them() {
    let env = Env::new();
    // Programme, any case, day-first dates, ids in capitals, A4 in capitals.
    write(
        &env,
        "r.csv",
        "Patient Name;PROGRAMME;Date;Paper;Template\nJane Doe;Glute-Strength;03/12/2026;A4;Compact\n",
    );
    let r = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(pdfs(&env.path().join("out")), ["jane-doe-2026-12-03.pdf"]);
    let words = pdf_words(&env.path().join("out/jane-doe-2026-12-03.pdf"));
    assert!(words.contains("3 December 2026"), "{words}");
    assert_eq!(
        page_count(&env.path().join("out/jane-doe-2026-12-03.pdf")),
        1,
        "compact: the glute programme and the safety box on one page"
    );
}

#[test]
fn the_same_roster_gives_the_same_bytes_whatever_the_jobs() {
    let env = Env::new();
    let mut csv = String::from("patient,program,date,paper\n");
    for i in 0..12 {
        let paper = if i % 2 == 0 { "a4" } else { "letter" };
        csv += &format!("Person {i},glute-strength,2026-11-25,{paper}\n");
    }
    write(&env, "r.csv", &csv);
    env.ok(&["batch", "r.csv", "--out-dir", "one", "--jobs", "1"]);
    env.ok(&["batch", "r.csv", "--out-dir", "two", "--jobs", "2"]);
    let names = pdfs(&env.path().join("one"));
    assert_eq!(names.len(), 12);
    for n in &names {
        assert!(
            read(&env.path().join("one"), n) == read(&env.path().join("two"), n),
            "{n}"
        );
    }
    // And the same as `make` for the same patient.
    env.ok(&[
        "make",
        "--patient",
        "Person 0",
        "--program",
        "glute-strength",
        "--date",
        "2026-11-25",
        "-o",
        "made.pdf",
    ]);
    assert!(
        read(env.path(), "made.pdf") == read(&env.path().join("one"), "person-0-2026-11-25.pdf")
    );
}

#[test]
fn existing_files_are_kept_without_force() {
    let env = Env::new();
    write(
        &env,
        "r.csv",
        "patient,program,date\nJane,glute-strength,2026-11-25\n",
    );
    std::fs::create_dir(env.path().join("out")).unwrap();
    std::fs::write(env.path().join("out/jane-2026-11-25.pdf"), b"old").unwrap();
    // An existing file is kept and counted as skipped, not as a failure.
    let r = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "0 written, 1 skipped (already there; --force replaces them)\n"
    );
    assert_eq!(read(&env.path().join("out"), "jane-2026-11-25.pdf"), b"old");
    env.ok(&["batch", "r.csv", "--out-dir", "out", "--force"]);
    assert!(read(&env.path().join("out"), "jane-2026-11-25.pdf").starts_with(b"%PDF"));
}

#[test]
fn running_the_same_roster_twice_writes_nothing_the_second_time() {
    let env = Env::new();
    let mut csv = String::from("patient,program,date\n");
    for i in 0..30 {
        csv += &format!("Patient {i},glute-strength,2026-11-25\n");
    }
    csv += "Bad Row,nope,2026-11-25\n";
    write(&env, "r.csv", &csv);
    let first = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(first.code, 1, "{}", first.stderr);
    assert!(
        first.stderr.ends_with("30 written, 1 failed: row 32\n"),
        "{}",
        first.stderr
    );
    let stamp = |name: &str| {
        std::fs::metadata(env.path().join("out").join(name))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = stamp("patient-0-2026-11-25.pdf");
    // Fix the bad row, run again: only it is written, the rest are skipped.
    write(
        &env,
        "r.csv",
        &csv.replace("Bad Row,nope", "Bad Row,glute-strength"),
    );
    let second = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(
        second.stderr,
        "1 written, 30 skipped (already there; --force replaces them)\n"
    );
    let third = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(third.code, 0);
    assert_eq!(
        third.stderr,
        "0 written, 31 skipped (already there; --force replaces them)\n"
    );
    assert_eq!(stamp("patient-0-2026-11-25.pdf"), before, "never rewritten");
}

#[test]
fn the_roster_can_come_from_standard_input() {
    let env = Env::new();
    let mut child = env
        .cmd(&["batch", "-", "--out-dir", "out", "--quiet"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PLAIN.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(pdfs(&env.path().join("out")).len(), 2);
}

fn big_roster(env: &Env, rows: usize) {
    let mut csv = String::from("patient,program,date\n");
    for i in 0..rows {
        csv += &format!("Patient {i},glute-strength,2026-11-25\n");
    }
    write(env, "big.csv", &csv);
}

/// Start a big batch, wait until some PDFs exist, then send `signal`.
fn interrupt(env: &Env, signal: &str) -> (i32, Vec<String>) {
    big_roster(env, 5000);
    let mut child = env
        .cmd(&["batch", "big.csv", "--out-dir", "out"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = env.path().join("out");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if out.exists() && pdfs(&out).len() >= 30 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let r = tool("kill", &[&format!("-{signal}"), &child.id().to_string()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let status = child.wait().unwrap();
    let names = pdfs(&out);
    assert!(
        !names.is_empty() && names.len() < 5000,
        "{} PDFs",
        names.len()
    );
    // Every PDF there is whole.
    for n in &names {
        qpdf_check(&out.join(n));
    }
    (status.code().unwrap_or(-1), names)
}

#[test]
fn a_killed_run_leaves_only_complete_pdfs() {
    let env = Env::new();
    interrupt(&env, "KILL");
}

#[test]
fn ctrl_c_finishes_the_files_being_written_and_cleans_up() {
    let env = Env::new();
    let (code, _) = interrupt(&env, "INT");
    assert_eq!(code, 130);
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(env.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".pdf"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn clinic_defaults_for_paper_and_template_apply_to_make_and_batch_and_flags_win() {
    let env = Env::new();
    let lib = env.library("lib");
    let clinic = lib.join("clinic.toml");
    let text = std::fs::read_to_string(&clinic)
        .unwrap()
        .replace("# paper = \"letter\"", "paper = \"letter\"")
        .replace("# template = \"large-print\"", "template = \"large-print\"");
    assert!(
        text.contains("\npaper = \"letter\""),
        "the clinic file changed"
    );
    std::fs::write(&clinic, text).unwrap();
    // make, no flags: Letter, large print (16 pt text).
    env.ok(&[
        "--library",
        "lib",
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "--date",
        "2026-11-25",
        "-o",
        "a.pdf",
    ]);
    let a = env.path().join("a.pdf");
    assert!(
        pdfinfo(&a).contains("612 x 792 pts (letter)"),
        "{}",
        pdfinfo(&a)
    );
    assert!(pdf_words(&a).contains("Clams"));
    // batch, no flags: the same.
    write(
        &env,
        "r.csv",
        "patient,exercises,date\nJane,clams,2026-11-25\nSam,clams,2026-11-25\n",
    );
    env.ok(&["--library", "lib", "batch", "r.csv", "--out-dir", "out"]);
    let jane = env.path().join("out/jane-2026-11-25.pdf");
    assert!(pdfinfo(&jane).contains("(letter)"));
    // The same bytes as asking for Letter and large print with flags.
    env.ok(&[
        "--library",
        "lib",
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "--date",
        "2026-11-25",
        "--paper",
        "letter",
        "--template",
        "large-print",
        "-o",
        "b.pdf",
    ]);
    assert_eq!(read(env.path(), "a.pdf"), read(env.path(), "b.pdf"));
    env.ok(&[
        "--library",
        "lib",
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "--date",
        "2026-11-25",
        "--paper",
        "letter",
        "--template",
        "standard",
        "-o",
        "s.pdf",
    ]);
    assert_ne!(read(env.path(), "a.pdf"), read(env.path(), "s.pdf"));
    write(
        &env,
        "one.csv",
        "patient,exercises,date\nA B,clams,2026-11-25\n",
    );
    env.ok(&["--library", "lib", "batch", "one.csv", "--out-dir", "one"]);
    assert_eq!(
        read(&env.path().join("one"), "a-b-2026-11-25.pdf"),
        read(env.path(), "a.pdf")
    );
    // A flag wins over the clinic, a row over the flag.
    write(
        &env,
        "r2.csv",
        "patient,exercises,date,paper\nJane,clams,2026-11-25,\nSam,clams,2026-11-25,letter\n",
    );
    env.ok(&[
        "--library",
        "lib",
        "batch",
        "r2.csv",
        "--out-dir",
        "out2",
        "--paper",
        "a4",
    ]);
    assert!(pdfinfo(&env.path().join("out2/jane-2026-11-25.pdf")).contains("(A4)"));
    assert!(pdfinfo(&env.path().join("out2/sam-2026-11-25.pdf")).contains("(letter)"));
    env.ok(&[
        "--library",
        "lib",
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "--paper",
        "a4",
        "-o",
        "c.pdf",
    ]);
    assert!(pdfinfo(&env.path().join("c.pdf")).contains("(A4)"));
}

#[test]
fn date_dates_the_rows_without_one_and_makes_runs_repeatable() {
    let env = Env::new();
    write(
        &env,
        "r.csv",
        "patient,program,date\nAnn Lee,glute-strength,\nBob Ray,glute-strength,2026-11-20\n",
    );
    let run = |dir: &str| {
        env.ok(&["batch", "r.csv", "--out-dir", dir, "--date", "3/12/2026"]);
        pdfs(&env.path().join(dir))
    };
    let names = run("a");
    assert_eq!(names, ["ann-lee-2026-12-03.pdf", "bob-ray-2026-11-20.pdf"]);
    assert_eq!(run("b"), names);
    for n in &names {
        assert!(
            read(&env.path().join("a"), n) == read(&env.path().join("b"), n),
            "{n} differs between runs"
        );
    }
    let r = env.run(&["batch", "r.csv", "--out-dir", "c", "--date", "31/2/2026"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "error: bad date `31/2/2026`: there is no day 31 in February 2026\n"
    );
    assert!(!env.path().join("c").exists());
}
