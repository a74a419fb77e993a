//! The plan a handout carries: `handout make --from OLD.pdf` re-issues it,
//! `handout show OLD.pdf` says what it prescribed.

mod common;

use common::*;

fn first_handout(env: &Env, extra: &[&str]) -> std::path::PathBuf {
    let mut args = vec![
        "make",
        "--patient",
        "Zoë Ó'Brien",
        "--program",
        "glute-strength",
        "--note",
        "clams=Use the green band",
        "--date",
        "2026-11-25",
        "--next-appointment",
        "2026-12-09 10:30",
        "-o",
        "old.pdf",
    ];
    args.extend_from_slice(extra);
    env.ok(&args);
    env.path().join("old.pdf")
}

#[test]
fn an_old_handout_is_reissued_with_one_dose_changed() {
    let env = Env::new();
    first_handout(&env, &[]);
    env.ok(&[
        "make",
        "--from",
        "old.pdf",
        "--exercises",
        "clams:2x15",
        "--date",
        "2026-12-09",
        "-o",
        "new.pdf",
    ]);
    let new = env.path().join("new.pdf");
    qpdf_check(&new);
    let words = pdf_words(&new);
    assert!(
        words.contains("Zoë Ó'Brien"),
        "the patient comes from the plan"
    );
    assert!(words.contains("9 December 2026"), "dated as asked: {words}");
    assert!(
        words.contains(
            "Do it 15 times, holding each for 3 seconds. Rest, then do it all once more."
        ),
        "the changed dose, 2 sets of 15: {words}"
    );
    assert!(words.contains("Use the green band"), "the note is kept");
    // Every other exercise of the old handout, with its old dose.
    let old = pdf_words(&env.path().join("old.pdf"));
    for id in builtin().program("glute-strength").unwrap().exercises {
        let title = builtin().exercise(id.id.get_ref()).unwrap().title.clone();
        assert!(old.contains(&title) && words.contains(&title), "{title}");
    }
    // The next appointment was for the visit that has happened.
    assert!(!words.contains("Next appointment"), "{words}");
    // What it prescribes now, as `show` reads it from the new PDF.
    let shown = env.ok(&["show", "new.pdf"]).stdout_text();
    assert!(shown.contains("Clams (clams): 2 sets × 15 reps"), "{shown}");
    assert!(shown.contains("Your note: Use the green band"), "{shown}");
}

#[test]
fn exercises_can_be_added_and_left_out_and_the_date_is_today_by_default() {
    let env = Env::new();
    first_handout(&env, &[]);
    env.ok(&[
        "make",
        "--from",
        "old.pdf",
        "--exercises",
        "bridge",
        "--without",
        "hip-hinge",
        "-o",
        "new.pdf",
    ]);
    let shown = env.ok(&["show", "new.pdf"]).stdout_text();
    assert!(shown.contains("(bridge)"), "{shown}");
    assert!(!shown.contains("(hip-hinge)"), "{shown}");
    assert!(
        !shown.contains("25 November 2026"),
        "dated today, not as the old one: {shown}"
    );
    let r = env.run(&[
        "make",
        "--from",
        "old.pdf",
        "--without",
        "bridge",
        "-o",
        "x.pdf",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("`bridge` is not in this handout, so it cannot be left out"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_plan_survives_pdfa_and_qpdf() {
    let env = Env::new();
    let old = first_handout(&env, &["--pdfa"]);
    qpdf_check(&old);
    let xmp = String::from_utf8_lossy(&std::fs::read(&old).unwrap()).into_owned();
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>"),
        "PDF/A-3 carries it"
    );
    // qpdf lists it as an attachment, with its description.
    let r = tool(
        "qpdf",
        &["--list-attachments", "--verbose", old.to_str().unwrap()],
    );
    assert!(
        r.stdout_text().contains("handout-plan.toml"),
        "{}",
        r.stdout_text()
    );
    env.ok(&[
        "make",
        "--from",
        "old.pdf",
        "--pdfa",
        "--exercises",
        "clams:2x15",
        "-o",
        "new.pdf",
    ]);
    qpdf_check(&env.path().join("new.pdf"));
    let shown = env.ok(&["show", "new.pdf"]).stdout_text();
    assert!(shown.contains("2 sets × 15 reps"), "{shown}");
}

#[test]
fn a_pdf_without_a_plan_is_refused_saying_why() {
    let env = Env::new();
    std::fs::write(env.path().join("other.pdf"), b"%PDF-1.7\nnot really\n").unwrap();
    for args in [
        vec!["make", "--from", "other.pdf"],
        vec!["show", "other.pdf"],
    ] {
        let r = env.run(&args);
        assert_eq!(r.code, 1);
        assert!(
            r.stderr.starts_with("error: other.pdf: no plan could be read from it: it carries no handout plan\nhint:"),
            "{}",
            r.stderr
        );
    }
    std::fs::write(env.path().join("text.pdf"), b"hello").unwrap();
    let r = env.run(&["show", "text.pdf"]);
    assert!(r.stderr.contains("it is not a PDF file"), "{}", r.stderr);
}
