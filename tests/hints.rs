//! Hints fit the face that shows them: they name the flag or the column the
//! user can change, never a hidden flag, never our temporary file names.

mod common;

use common::*;

#[test]
fn an_unknown_flag_gets_the_visible_flag_people_meant() {
    let env = Env::new();
    let r = env.run(&["make", "--name", "Jane Doe", "--program", "glute-strength"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: `handout make` has no option `--name`\nhint: did you mean `--patient`? `handout make --help` lists its options\n"
    );
    // The hidden comparison flag is never offered, however close the typo.
    let r = env.run(&["make", "--untaged"]);
    assert_eq!(r.code, 2);
    assert!(!r.stderr.contains("untagged"), "{}", r.stderr);
    // Each command's own flags: batch writes to a folder.
    let r = env.run(&["batch", "roster.csv", "-o", "sheets"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("hint: did you mean `--out-dir`?"),
        "{}",
        r.stderr
    );
    // A global flag's value is not taken for the command.
    let r = env.run(&["--library", "make", "make", "--patinet", "x"]);
    assert!(
        r.stderr
            .contains("`handout make` has no option `--patinet`\nhint: did you mean `--patient`?"),
        "{}",
        r.stderr
    );
    assert!(env.files().is_empty());
}

#[test]
fn a_note_for_a_mistyped_exercise_names_the_one_in_the_handout() {
    let env = Env::new();
    let r = env.run(&[
        "make",
        "--patient",
        "Jane Doe",
        "--program",
        "glute-strength",
        "--note",
        "clam=Use the green band",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("error: bad exercise note `clam=Use the green band`: the note is for `clam`, which is not in this handout; did you mean `clams`?\n"),
        "{}",
        r.stderr
    );
    assert!(env.files().is_empty());
}

#[test]
fn an_empty_patient_cell_names_the_column_not_a_flag() {
    let env = Env::new();
    std::fs::write(
        env.path().join("r.csv"),
        "Patient,Programme\n,glute-strength\nBob Smith,glute-strength\n",
    )
    .unwrap();
    let r = env.run(&["batch", "r.csv"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "error: row 2, column `patient`: the patient name is empty\nhint: fill in the row's `patient` cell\n"
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("--patient"), "{}", r.stderr);
}

#[test]
fn a_missing_folder_is_named_without_the_temporary_file() {
    let env = Env::new();
    let r = env.run(&[
        "make",
        "--patient",
        "Jane Doe",
        "--program",
        "glute-strength",
        "-o",
        "no-such-folder/jane.pdf",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "error: cannot write no-such-folder/jane.pdf: there is no folder no-such-folder\nhint: create the folder first, or write the file somewhere else\n"
    );
    assert!(!r.stderr.contains(".part"));
    assert!(env.files().is_empty());
}

#[test]
fn a_mistyped_list_filter_names_the_filter_not_an_exercise_item() {
    let env = Env::new();
    let r = env.run(&["list", "--region", "kneee"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("error: `kneee` is not a region: the regions are back, hip, knee")
            && r.stderr.contains("\nhint: did you mean `knee`?"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("SETSxREPS"), "{}", r.stderr);
}
