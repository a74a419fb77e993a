//! `handout make`, `list`, `show`, `check`: the real binary, its files and its errors.

mod common;

use common::*;

const ZOE: &[&str] = &[
    "make",
    "--patient",
    "Zoë Ó'Brien",
    "--program",
    "glute-strength",
    "--date",
    "2026-11-25",
];

/// Every word the built-in library puts on a card for `id`.
fn exercise_words(id: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(repo().join(format!("content/exercises/{id}.toml"))).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    // No aim: the standard template leaves it out (the plan box says what
    // the programme is for).
    let mut parts = vec![v["title"].as_str().unwrap().to_string()];
    parts.push(v["start"].as_str().unwrap().to_string());
    for k in ["steps", "tips"] {
        for s in v[k].as_array().unwrap() {
            parts.push(s.as_str().unwrap().to_string());
        }
    }
    parts
        .join(" ")
        .split_whitespace()
        .map(|w| w.to_string())
        .collect()
}

#[test]
fn make_with_a_program_writes_a_complete_two_page_pdf() {
    let env = Env::new();
    let r = env.ok(ZOE);
    assert!(
        r.stderr
            .starts_with("wrote zoe-obrien-2026-11-25.pdf (2 pages, "),
        "{}",
        r.stderr
    );
    assert_eq!(env.files(), ["zoe-obrien-2026-11-25.pdf"]);
    let pdf = env.path().join("zoe-obrien-2026-11-25.pdf");
    qpdf_check(&pdf);
    assert_eq!(page_count(&pdf), 2);
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 150 * 1024, "{size} bytes");

    // Fonts embedded as subsets.
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]).stdout_text();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains('+'), "not a subset: {row}");
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "emb/sub/uni: {row}"
        );
    }

    // Every word of the handout is extractable, the name spelled right.
    let words = pdf_words(&pdf);
    for needle in [
        "Zoë Ó'Brien",
        "25 November 2026",
        "Home exercise programme",
        "Glute strength",
        "David Morgan, Osteopath",
        "Canterbury Health Hub",
        "How much: Do it 12 times, holding each for 3 seconds.",
        "Rest, then do it all again: 3 rounds in all.",
        "Rest, then do it all once more.",
        "Do it 8 times.",
        "Then the other side. Once a day.",
        "Stop and call us if",
        "Page 1 of 2",
        "Page 2 of 2",
        "These exercises were chosen for you.",
    ] {
        assert!(words.contains(needle), "missing {needle:?} in:\n{words}");
    }
    for id in [
        "clams",
        "side-lying-leg-raise",
        "side-lying-leg-raise-glute-med",
        "hip-hitch",
        "hip-hinge",
    ] {
        for w in exercise_words(id) {
            assert!(words.contains(&w), "{id}: missing word {w:?}");
        }
    }

    // Metadata: title, author (the clinic), creation date (the handout's date).
    let info = pdfinfo(&pdf);
    assert!(
        info.contains("Title:           Home exercise programme: Zoë Ó'Brien"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Canterbury Health Hub"),
        "{info}"
    );
    assert!(info.contains("CreationDate:    Wed Nov 25 "), "{info}");
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
}

#[test]
fn make_with_exercises_and_doses_to_a_named_file() {
    let env = Env::new();
    env.ok(&[
        "make",
        "--patient",
        "Jane Doe",
        "--exercises",
        "clams,hip-hitch:2x10@5s",
        "-o",
        "jane.pdf",
        "--paper",
        "letter",
        "--clinician",
        "Sam Lee",
        "--notes",
        "Walk for 20 minutes a day.",
    ]);
    let pdf = env.path().join("jane.pdf");
    qpdf_check(&pdf);
    let words = pdf_words(&pdf);
    for needle in [
        "Jane Doe",
        "Sam Lee",
        "Clams",
        "Hip hitch",
        // clams keeps its default dose, hip-hitch takes the override
        "Do it 10 times, holding each for 3 seconds. Rest, then do it all again: 3 rounds",
        "Do it 10 times, holding each for 5 seconds. Rest, then do it all once more.",
        "Walk for 20 minutes a day.",
    ] {
        assert!(words.contains(needle), "missing {needle:?} in:\n{words}");
    }
    assert!(!words.contains("Hip hinge"));
    assert!(pdfinfo(&pdf).contains("612 x 792 pts (letter)"));
}

#[test]
fn the_same_command_twice_gives_identical_bytes() {
    let env = Env::new();
    let mut a = ZOE.to_vec();
    a.extend(["-o", "a.pdf"]);
    env.ok(&a);
    let mut b = ZOE.to_vec();
    b.extend(["-o", "b.pdf"]);
    env.ok(&b);
    let x = std::fs::read(env.path().join("a.pdf")).unwrap();
    let y = std::fs::read(env.path().join("b.pdf")).unwrap();
    assert!(x == y, "outputs differ");
}

#[test]
fn dash_writes_the_pdf_to_standard_output() {
    let env = Env::new();
    let mut a = ZOE.to_vec();
    a.extend(["-o", "-"]);
    let r = env.ok(&a);
    assert!(r.stdout.starts_with(b"%PDF-"));
    assert!(env.files().is_empty());
}

fn fails(env: &Env, args: &[&str], stderr: &str) {
    let before = env.files();
    let r = env.run(args);
    assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
    assert!(
        r.stderr.starts_with(stderr),
        "{args:?}\nexpected: {stderr}\ngot:      {}",
        r.stderr
    );
    assert_eq!(env.files(), before, "{args:?} left files behind");
}

#[test]
fn unknown_exercise_suggests_the_closest_id() {
    let env = Env::new();
    fails(
        &env,
        &["make", "--patient", "Jane Doe", "--exercises", "clamz"],
        "error: unknown exercise `clamz`\nhint: did you mean `clams`? Run `handout list` to see all exercises.\n",
    );
    fails(
        &env,
        &["make", "--patient", "Jane Doe", "--program", "glute"],
        "error: unknown program `glute`\nhint: did you mean `glute-strength`?",
    );
}

#[test]
fn bad_dose_syntax_is_explained() {
    let env = Env::new();
    fails(
        &env,
        &["make", "--patient", "Jane Doe", "--exercises", "clams:3by12"],
        "error: bad exercise item `clams:3by12`: the dose after : must be SETSxREPS, like 3x12\nhint: an item is ID[:SETSxREPS][@HOLDs]",
    );
    fails(
        &env,
        &["make", "--patient", "Jane Doe", "--exercises", "clams@soon"],
        "error: bad exercise item `clams@soon`: the hold after @ must be seconds, like @5s\n",
    );
}

#[test]
fn empty_patient_and_bad_date() {
    let env = Env::new();
    fails(
        &env,
        &["make", "--patient", "  ", "--program", "glute-strength"],
        "error: the patient name is empty\nhint: give the patient's name",
    );
    fails(
        &env,
        &[
            "make",
            "--patient",
            "Jane",
            "--program",
            "glute-strength",
            "--date",
            "30/02/2026",
        ],
        "error: bad date `30/02/2026`: there is no day 30 in February 2026\n",
    );
    fails(
        &env,
        &["make", "--patient", "Jane"],
        "error: no exercises chosen\nhint: choose exercises with --exercises",
    );
}

#[test]
fn an_existing_file_is_kept_without_force() {
    let env = Env::new();
    std::fs::write(env.path().join("zoe-obrien-2026-11-25.pdf"), b"keep me").unwrap();
    fails(
        &env,
        ZOE,
        "error: zoe-obrien-2026-11-25.pdf: the file already exists\nhint: use --force to replace it",
    );
    assert_eq!(
        std::fs::read(env.path().join("zoe-obrien-2026-11-25.pdf")).unwrap(),
        b"keep me"
    );
    let mut forced = ZOE.to_vec();
    forced.push("--force");
    env.ok(&forced);
    let bytes = std::fs::read(env.path().join("zoe-obrien-2026-11-25.pdf")).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(env.files(), ["zoe-obrien-2026-11-25.pdf"]);
}

#[test]
fn an_unwritable_output_folder_is_an_error() {
    let env = Env::new();
    let mut a = ZOE.to_vec();
    a.extend(["-o", "no-such-folder/out.pdf"]);
    fails(
        &env,
        &a,
        "error: cannot write no-such-folder/out.pdf: there is no folder no-such-folder",
    );
}

#[test]
fn a_missing_image_is_an_error_naming_the_file() {
    let env = Env::new();
    let lib = env.library("lib");
    // The clinic's own picture for clams, named but not there.
    show_picture(&lib, "clams", "clams.svg", "alt = \"Clams\"\n");
    let lib_arg = lib.to_str().unwrap().to_string();
    let r = env.run(&[
        "make",
        "--library",
        &lib_arg,
        "--patient",
        "Jane",
        "--exercises",
        "clams",
        "-o",
        "x.pdf",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(&format!(
            "error: {lib_arg}/images/clams.svg: image not found\n"
        )),
        "{}",
        r.stderr
    );
    assert!(!env.path().join("x.pdf").exists());
}

#[test]
fn a_broken_toml_file_is_reported_with_file_line_and_column() {
    let env = Env::new();
    let lib = env.library("lib");
    let f = lib.join("exercises/clams.toml");
    let text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("steps = [", "stepz = [");
    std::fs::write(&f, text.clone()).unwrap();
    let line = 1 + text.lines().position(|l| l.starts_with("stepz")).unwrap();
    let lib_arg = lib.to_str().unwrap().to_string();
    let r = env.run(&[
        "make",
        "--library",
        &lib_arg,
        "--patient",
        "Jane",
        "--exercises",
        "clams",
    ]);
    assert_eq!(r.code, 1);
    let expected = format!("error: {lib_arg}/exercises/clams.toml:{line}:1: unknown field `stepz`, expected one of `title`, `aim`, `start`, `steps`, `tips`, `cautions`, `also-called`, `region`, `position`, `equipment`, `goal`, `tags`, `dose`, `images`, `easier`, `harder`, `video`, `figure`\nhint: did you mean `steps`?\n");
    assert_eq!(r.stderr, expected);

    // check lists it too, and fails.
    let r = env.run(&["--library", &lib_arg, "check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(&format!(
            "{lib_arg}/exercises/clams.toml:{line}:1: unknown field `stepz`"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("1 problem(s)"), "{}", r.stderr);
    // Other exercises still work.
    env.ok(&[
        "make",
        "--library",
        &lib_arg,
        "--patient",
        "Jane",
        "--exercises",
        "hip-hitch",
    ]);
}

#[test]
fn check_passes_on_the_default_library() {
    let env = Env::new();
    let r = env.ok(&["check"]);
    assert_check_summary(&r.stdout_text(), "built-in");
}

#[test]
fn check_reports_every_problem() {
    let env = Env::new();
    let lib = env.library("lib");
    let lib_arg = lib.to_str().unwrap().to_string();
    // A preset naming an unknown exercise, a duplicate id in a subfolder, a bad colour, a corrupt image.
    let p = lib.join("programs/glute-strength.toml");
    let text =
        std::fs::read_to_string(&p)
            .unwrap()
            .replacen("id = \"hip-hinge\"", "id = \"hip-hing\"", 1);
    std::fs::write(&p, text).unwrap();
    std::fs::create_dir_all(lib.join("exercises/more")).unwrap();
    std::fs::copy(
        lib.join("exercises/clams.toml"),
        lib.join("exercises/more/clams.toml"),
    )
    .unwrap();
    let c = lib.join("clinic.toml");
    let text = std::fs::read_to_string(&c)
        .unwrap()
        .replace("#0B5563", "#0B556");
    std::fs::write(&c, text).unwrap();
    show_picture(&lib, "hip-hitch", "hip-hitch.svg", "alt = \"Hip hitch\"\n");
    std::fs::write(lib.join("images/hip-hitch.svg"), b"<svg broken").unwrap();

    let r = env.run(&["--library", &lib_arg, "check"]);
    // A broken clinic.toml stops everything: it is needed for every handout.
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(&format!("{lib_arg}/clinic.toml:"))
            && r.stderr.contains("`#0B556` is not a colour"),
        "{}",
        r.stderr
    );

    let text = std::fs::read_to_string(&c)
        .unwrap()
        .replace("#0B556", "#0B5563");
    std::fs::write(&c, text).unwrap();
    let r = env.run(&["--library", &lib_arg, "check"]);
    assert_eq!(r.code, 1);
    let e = &r.stderr;
    assert!(e.contains("duplicate exercise id `clams`"), "{e}");
    assert!(
        e.contains(&format!("{lib_arg}/programs/glute-strength.toml:"))
            && e.contains("unknown exercise `hip-hing`"),
        "{e}"
    );
    assert!(
        e.contains(&format!(
            "{lib_arg}/images/hip-hitch.svg: not a readable SVG drawing"
        )),
        "{e}"
    );
    assert!(e.contains("3 problem(s)"), "{e}");
}

/// A logo that cannot be read is one problem, reported once: the layout
/// checks go on without it rather than failing for every exercise.
#[test]
fn check_reports_a_broken_logo_once() {
    let env = Env::new();
    let lib = env.library("lib");
    let lib_arg = lib.to_str().unwrap().to_string();
    std::fs::write(lib.join("images/logo.svg"), b"<svg broken").unwrap();
    let r = env.run(&["--library", &lib_arg, "check"]);
    assert_eq!(r.code, 1);
    let e = &r.stderr;
    assert!(
        e.contains(&format!(
            "{lib_arg}/images/logo.svg: not a readable SVG drawing"
        )),
        "{e}"
    );
    assert!(!e.contains("was not prepared"), "{e}");
    assert!(e.contains("1 problem(s)"), "{e}");
}

#[test]
fn list_and_show() {
    let env = Env::new();
    let out = env.ok(&["list"]).stdout_text();
    assert!(out.contains("clams"), "{out}");
    assert!(out.contains("Side leg lift, leg behind"));
    assert!(out.contains("3 sets × 10 reps · hold 3 seconds · once a day · each side"));
    // Grouped by body region, with the position and equipment of each.
    assert!(out.contains("\nLow back and trunk ("), "{out}");
    let bird_dog = out
        .lines()
        .find(|l| l.trim_start().starts_with("bird-dog "))
        .unwrap();
    assert!(bird_dog.contains("hands-and-knees, mat"), "{bird_dog}");
    assert!(out.contains("glute-strength"));
    let out = env.ok(&["show", "hip-hitch"]).stdout_text();
    assert!(out.starts_with("Hip hitch (hip-hitch)\n"), "{out}");
    assert!(out.contains("  1. Put your weight on the leg next to the wall."));
    let out = env.ok(&["show", "glute-strength"]).stdout_text();
    // Each exercise of the program, numbered.
    for (k, ex) in glute_exercises().iter().enumerate() {
        let number = format!("{}.", k + 1);
        let id = format!("({})", ex.id);
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(number.as_str()))
            .unwrap_or_else(|| panic!("no line {number} in {out}"));
        assert!(line.contains(&ex.title) && line.contains(&id), "{line}");
        // With its dose.
        assert!(line.contains(" · "), "{line}");
    }
    let r = env.run(&["show", "hipp-hitch"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("did you mean `hip-hitch`?"));
}

#[test]
fn a_library_folder_without_clinic_toml_is_refused() {
    let env = Env::new();
    std::fs::create_dir_all(env.path().join("empty")).unwrap();
    let r = env.run(&["--library", "empty", "list"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "error: empty: not a handout library: it has no clinic.toml\nhint: a library folder holds clinic.toml and exercises/; `handout init DIR` writes one\n"
    );
}

#[test]
fn a_library_falls_back_to_built_in_templates_and_fonts() {
    let env = Env::new();
    let lib = env.library("lib");
    assert!(!lib.join("templates").exists() && !lib.join("fonts").exists());
    let c = lib.join("clinic.toml");
    let text = std::fs::read_to_string(&c)
        .unwrap()
        .replace("Canterbury Health Hub", "Riverside Physio");
    std::fs::write(&c, text).unwrap();
    env.ok(&[
        "make",
        "--library",
        "lib",
        "--patient",
        "Jane",
        "--exercises",
        "clams",
        "-o",
        "j.pdf",
    ]);
    assert!(pdf_words(&env.path().join("j.pdf")).contains("Riverside Physio"));
}

#[test]
fn a_character_without_a_font_is_an_error_not_a_box() {
    let env = Env::new();
    fails(
        &env,
        &["make", "--patient", "Wang 王", "--exercises", "clams"],
        "error: no font has the character '王' (U+738B) used in the patient name\nhint: add a font",
    );
}

#[test]
fn check_warns_when_a_clinic_picture_has_no_alt_text() {
    let env = Env::new();
    let lib = env.library("lib");
    // The clinic's own picture for the hip hinge, without alt text.
    std::fs::write(lib.join("images/hip-hinge.svg"), SVG).unwrap();
    show_picture(&lib, "hip-hinge", "hip-hinge.svg", "");
    let r = env.run(&["--library", "lib", "check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("hip-hinge.toml: the image hip-hinge.svg has no `alt` text for readers who cannot see it; handouts describe it as \"Picture of the exercise Hip hinge\""),
        "{}",
        r.stderr
    );
}

#[test]
fn five_mistakes_in_four_files_are_all_reported_in_one_check() {
    let env = Env::new();
    let lib = env.library("lib");
    let edit = |rel: &str, from: &str, to: &str| {
        let p = lib.join(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    };
    std::fs::create_dir_all(lib.join("templates")).unwrap();
    std::fs::copy(
        repo().join("templates/standard.toml"),
        lib.join("templates/standard.toml"),
    )
    .unwrap();
    // 1: a number written as text in clinic.toml (which used to hide all the rest).
    edit(
        "clinic.toml",
        "phone = \"01632 960 123\"",
        "phone = 1632960123",
    );
    // 2 and 3: an unknown key and a number in quotes in one exercise.
    edit(
        "exercises/clams.toml",
        "steps = [",
        "stepz = [\"x\"]\nsteps = [",
    );
    edit("exercises/clams.toml", "sets = 3", "sets = \"3\"");
    // 4: an unknown exercise in a program.
    edit(
        "programs/glute-strength.toml",
        "id = \"hip-hinge\"",
        "id = \"hip-hing\"",
    );
    // 5: an absurd template value.
    edit(
        "templates/standard.toml",
        "line-height = 1.2",
        "line-height = 0.001",
    );
    let r = env.run(&["--library", "lib", "check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let e = &r.stderr;
    for needle in [
        "lib/clinic.toml:",
        "this must be text in quotes, not the number 1632960123",
        "lib/exercises/clams.toml:",
        "unknown field `stepz`",
        "hint: did you mean `steps`?",
        "this must be a number, not text: `\"3\"`",
        "hint: write it without quotes: 3",
        "lib/programs/glute-strength.toml:",
        "unknown exercise `hip-hing`",
        "lib/templates/standard.toml:",
        "[text] line-height = 0.001 is outside 1 to 2.5",
        "5 problem(s)",
    ] {
        assert!(e.contains(needle), "missing {needle:?} in:\n{e}");
    }
}

#[test]
fn an_unedited_new_exercise_is_an_error_until_its_placeholders_are_replaced() {
    let env = Env::new();
    env.ok(&["init", "lib"]);
    env.ok(&["--library", "lib", "new-exercise", "wall-sit"]);
    let r = env.run(&["--library", "lib", "check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("\"First step.\" is the placeholder that new-exercise wrote"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("hint: replace it with your own words for the patient"),
        "{}",
        r.stderr
    );
    let r = env.run(&[
        "--library",
        "lib",
        "make",
        "--patient",
        "A B",
        "--exercises",
        "wall-sit",
    ]);
    assert_eq!(
        r.code, 1,
        "the placeholder never reaches a patient: {}",
        r.stderr
    );
}
