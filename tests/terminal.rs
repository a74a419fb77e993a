//! The fast path on a real (pseudo) terminal: `handout` alone asks, in order,
//! and writes the handout; when the file is there it offers a new name.

mod common;

use std::time::Duration;

use common::*;
use expectrl::Session;

fn spawn(env: &Env, args: &[&str]) -> Session {
    let mut cmd = std::process::Command::new(bin());
    cmd.args(args)
        .current_dir(env.path())
        .env_remove("HANDOUT_LIBRARY")
        .env("XDG_CONFIG_HOME", env.path().join(".config"))
        .env("TERM", "xterm")
        .env("COLUMNS", "120")
        .env("LINES", "40");
    let mut s = Session::spawn(cmd).expect("a terminal");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

/// Wait for `prompt`, then type `answer` and Enter.
fn answer(s: &mut Session, prompt: &str, answer: &str) {
    s.expect(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    // Let the prompt finish drawing before typing into it.
    std::thread::sleep(Duration::from_millis(150));
    s.send(answer).unwrap();
    std::thread::sleep(Duration::from_millis(150));
    s.send("\r").unwrap();
}

fn pdfs(env: &Env) -> Vec<String> {
    env.files()
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .collect()
}

#[test]
fn the_fast_path_keeps_the_order_picked_and_offers_a_new_name_when_the_file_is_there() {
    let env = Env::new();
    let lib = builtin();
    let hitch = lib.exercise("hip-hitch").unwrap().title.clone();
    let clams = lib.exercise("clams").unwrap().title.clone();
    for run in 0..2 {
        let mut s = spawn(&env, &["make", "-i", "--date", "2026-11-25"]);
        answer(&mut s, "Patient's name", "Jane Doe");
        // Searched with a typo, as `handout list` forgives it.
        answer(&mut s, "Add an exercise or a preset", "hip hich");
        answer(&mut s, "Add another", &clams);
        answer(&mut s, "Add another", "Done");
        answer(&mut s, "Order on the sheet", "");
        for _ in 0..2 {
            answer(&mut s, "Dose for", "");
            answer(&mut s, "card (optional)", "");
        }
        answer(&mut s, "Page design", "");
        answer(&mut s, "Paper", "");
        answer(&mut s, "Note for the patient", "");
        if run == 1 {
            // The file is there: the second choice (highlighted) saves under a new name.
            answer(&mut s, "is already there", "");
        }
        s.expect("wrote").expect("the handout is written");
        s.expect(expectrl::Eof).ok();
    }
    assert_eq!(
        pdfs(&env),
        ["jane-doe-2026-11-25-2.pdf", "jane-doe-2026-11-25.pdf"]
    );
    // Printed in the order picked: the hip hitch first.
    let words = pdf_words(&env.path().join("jane-doe-2026-11-25.pdf"));
    let (h, c) = (words.find(&hitch).unwrap(), words.find(&clams).unwrap());
    assert!(h < c, "{words}");
}

#[test]
fn cancel_at_the_file_question_writes_nothing() {
    let env = Env::new();
    std::fs::write(env.path().join("sam-lee-2026-11-25.pdf"), b"keep me").unwrap();
    let mut s = spawn(
        &env,
        &[
            "make",
            "-i",
            "--patient",
            "Sam Lee",
            "--exercises",
            "clams",
            "--date",
            "2026-11-25",
            "--template",
            "standard",
            "--paper",
            "a4",
            "--notes",
            "x",
        ],
    );
    answer(&mut s, "is already there", "Cancel");
    s.expect("cancelled: nothing was written").unwrap();
    assert_eq!(
        std::fs::read(env.path().join("sam-lee-2026-11-25.pdf")).unwrap(),
        b"keep me"
    );
}
