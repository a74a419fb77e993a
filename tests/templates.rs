//! Templates, the exercise log, video QR codes and patient fields, through the binary.

mod common;

use std::path::Path;

use common::*;

fn make(env: &Env, extra: &[&str], out: &str) -> std::path::PathBuf {
    make_glute(env, out, extra)
}

/// Every font size set in the PDF's content streams (`/fN size Tf`).
fn font_sizes(pdf: &Path) -> Vec<f32> {
    let qdf = pdf.with_extension("qdf.pdf");
    let r = tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            qdf.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(&qdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut sizes = Vec::new();
    for part in text.split(" Tf") {
        let mut words = part.rsplit(|c: char| c.is_whitespace());
        // krilla writes e.g. `BT 0 Tr/f0 16 Tf`: the font name may follow an operator directly.
        if let (Some(size), Some(font)) = (words.next(), words.next()) {
            if font.contains("/f") {
                if let Ok(s) = size.parse::<f32>() {
                    sizes.push(s);
                }
            }
        }
    }
    sizes
}

#[test]
fn templates_are_listed() {
    let env = Env::new();
    let out = env.ok(&["templates"]).stdout_text();
    for t in ["standard", "large-print", "compact"] {
        assert!(out.contains(t), "{out}");
    }
    assert!(out.contains("Large print"));
}

#[test]
fn every_template_works_on_both_papers() {
    let env = Env::new();
    for t in ["standard", "large-print", "compact"] {
        for paper in ["a4", "letter"] {
            let out = format!("{t}-{paper}.pdf");
            let pdf = make(&env, &["--template", t, "--paper", paper], &out);
            let pages = page_count(&pdf);
            let words = pdf_words(&pdf);
            for title in ["Clams", "Hip hitch", "Hip hinge", "Stop and call us if"] {
                assert!(words.contains(title), "{out}: {title}");
            }
            match (t, paper) {
                ("compact", "a4") => assert_eq!(pages, 1, "{out}"),
                ("standard", "a4") => assert_eq!(pages, 2, "{out}"),
                _ => assert!(pages <= 5, "{out}: {pages} pages"),
            }
        }
    }
}

#[test]
fn large_print_has_no_text_under_16_pt() {
    let env = Env::new();
    let pdf = make(
        &env,
        &[
            "--template",
            "large-print",
            "--log",
            "1",
            "--notes",
            "Walk daily.",
        ],
        "lp.pdf",
    );
    let sizes = font_sizes(&pdf);
    assert!(sizes.len() > 50, "{sizes:?}");
    assert!(sizes.iter().all(|&s| s >= 16.0), "{sizes:?}");
    // The standard template does use smaller type (footer, labels): the check can fail.
    let std = make(&env, &[], "std.pdf");
    assert!(font_sizes(&std).iter().any(|&s| s < 16.0));
}

#[test]
fn a_four_week_log_shows_dated_weeks_and_every_exercise() {
    let env = Env::new();
    let pdf = make(&env, &["--log", "4"], "log.pdf");
    assert_eq!(page_count(&pdf), 3);
    // The log is on the last page, on its own.
    let r = tool(
        "pdftotext",
        &["-f", "3", "-l", "3", pdf.to_str().unwrap(), "-"],
    );
    let page = r
        .stdout_text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(page.contains("Exercise log"), "{page}");
    for week in [
        "Week 1: 25 November to 1 December 2026",
        "Week 2: 2 December to 8 December 2026",
        "Week 3: 9 December to 15 December 2026",
        "Week 4: 16 December to 22 December 2026",
    ] {
        assert!(page.contains(week), "{week} in {page}");
    }
    // Each exercise in each of the four weeks.
    for ex in glute_exercises() {
        let title = ex.title.as_str();
        assert!(page.matches(title).count() >= 4, "{title}");
    }
    for day in ["Wed 25", "Tue 1", "Tue 22", "Wed 16"] {
        assert!(page.contains(day), "{day}");
    }
    assert!(!page.contains("Start:"), "no cards on the log page");
    let r = env.run(&[
        "make",
        "--patient",
        "A",
        "--program",
        "glute-strength",
        "--log",
        "13",
    ]);
    assert_eq!(r.code, 2, "clap rejects it: {}", r.stderr);
}

/// A library whose clams exercise has a video (relative to the clinic's base address).
fn video_library(env: &Env) -> std::path::PathBuf {
    let lib = env.library("lib");
    let c = lib.join("clinic.toml");
    let text = std::fs::read_to_string(&c).unwrap().replace(
        "language = \"en-GB\"",
        "language = \"en-GB\"\nvideo-base-url = \"https://canterburyhealthhub.example/videos/\"",
    );
    std::fs::write(&c, text).unwrap();
    let e = lib.join("exercises/clams.toml");
    let text = std::fs::read_to_string(&e)
        .unwrap()
        .replace("tags = [", "video = \"clams\"\ntags = [");
    std::fs::write(&e, text).unwrap();
    lib
}

#[test]
fn a_qr_code_printed_from_the_pdf_decodes_to_the_video_address() {
    let env = Env::new();
    let lib = video_library(&env);
    for template in ["standard", "compact"] {
        let out = format!("{template}.pdf");
        let pdf = make(
            &env,
            &["--library", lib.to_str().unwrap(), "--template", template],
            &out,
        );
        let prefix = env.path().join(template);
        // At 300 dpi, as a printer prints it (at 150 dpi a module is four
        // and a half pixels, and whether the reader finds the code depends
        // on where the page puts it).
        let r = tool(
            "pdftoppm",
            &[
                "-r",
                "300",
                "-f",
                "1",
                "-l",
                "1",
                "-png",
                "-gray",
                pdf.to_str().unwrap(),
                prefix.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let png = std::fs::read_dir(env.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                let n = p.file_name().unwrap().to_string_lossy().into_owned();
                n.starts_with(template) && n.ends_with(".png")
            })
            .unwrap();
        let img = image::open(&png).unwrap().to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(img);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "{template}: {} codes found", grids.len());
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(
            content, "https://canterburyhealthhub.example/videos/clams",
            "{template}"
        );
    }
}

#[test]
fn check_rejects_malformed_video_addresses() {
    let env = Env::new();
    let lib = env.library("lib");
    let e = lib.join("exercises/hip-hitch.toml");
    let text = std::fs::read_to_string(&e)
        .unwrap()
        .replace("tags = [", "video = \"ftp://example.org/x\"\ntags = [");
    std::fs::write(&e, text).unwrap();
    let e = lib.join("exercises/clams.toml");
    let text = std::fs::read_to_string(&e)
        .unwrap()
        .replace("tags = [", "video = \"clams.mp4\"\ntags = [");
    std::fs::write(&e, text).unwrap();
    let r = env.run(&["--library", lib.to_str().unwrap(), "check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("hip-hitch.toml: the video `ftp://example.org/x` is not a web address"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("clams.toml: the video `clams.mp4` is not a full address (https://...) and clinic.toml has no `video-base-url`"), "{}", r.stderr);
    // make refuses too, naming the file.
    let r = env.run(&[
        "make",
        "--library",
        lib.to_str().unwrap(),
        "--patient",
        "A",
        "--exercises",
        "clams",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("clams.toml: the video `clams.mp4`"),
        "{}",
        r.stderr
    );
}

#[test]
fn notes_on_cards_and_the_next_appointment() {
    let env = Env::new();
    let pdf = make(
        &env,
        &[
            "--note",
            "clams=Use the green band",
            "--note",
            "hip-hinge=Hold the kitchen bench",
            "--next-appointment",
            "2026-12-02 10:30",
            "--notes",
            "Walk for 20 minutes a day.",
        ],
        "n.pdf",
    );
    let words = pdf_words(&pdf);
    for needle in [
        "Your note: Use the green band",
        "Your note: Hold the kitchen bench",
        "Next appointment",
        "Wednesday 2 December 2026 at 10:30",
        "Notes from your clinician",
        "Walk for 20 minutes a day.",
    ] {
        assert!(words.contains(needle), "{needle} in {words}");
    }
    let r = env.run(&[
        "make",
        "--patient",
        "A",
        "--exercises",
        "clams",
        "--note",
        "hip-hitch=x",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("the note is for `hip-hitch`, which is not in this handout"),
        "{}",
        r.stderr
    );
    let r = env.run(&[
        "make",
        "--patient",
        "A",
        "--exercises",
        "clams",
        "--next-appointment",
        "next week",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with("error: bad appointment `next week`"),
        "{}",
        r.stderr
    );
}

#[test]
fn batch_rows_choose_template_log_notes_and_appointment() {
    let env = Env::new();
    std::fs::write(
        env.path().join("r.csv"),
        "patient,program,date,template,log,notes,next-appointment\n\
         Jane Doe,glute-strength,2026-11-25,compact,2,\"Walk daily | clams=Use the green band\",2026-12-02 09:15\n",
    )
    .unwrap();
    env.ok(&["batch", "r.csv", "--out-dir", "out"]);
    let pdf = env.path().join("out/jane-doe-2026-11-25.pdf");
    qpdf_check(&pdf);
    assert_eq!(
        page_count(&pdf),
        2,
        "cards, then the notes, safety box and log"
    );
    let words = pdf_words(&pdf);
    for needle in [
        "Walk daily",
        "Your note: Use the green band",
        "Week 2:",
        "at 09:15",
    ] {
        assert!(words.contains(needle), "{needle} in {words}");
    }
}
