//! Inputs a mature tool must survive: each case of the second adversarial pass,
//! run through the real binary. Each test fails on the build before these
//! fixes (run them against an older binary with `HANDOUT_TEST_BIN=path`).

mod common;

use common::*;

fn write(env: &Env, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(env.path().join(name), bytes).unwrap();
}

fn pdfs(env: &Env, dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(env.path().join(dir))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".pdf"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn a_megabyte_roster_cell_is_refused_at_once_naming_row_and_column() {
    let env = Env::new();
    let big = "Walk daily. ".repeat(90_000);
    write(
        &env,
        "r.csv",
        format!("patient,program,date,notes\nJane Doe,glute-strength,2026-11-25,{big}\nSam Lee,glute-strength,2026-11-25,short\n"),
    );
    let r = env.run_within(60, &["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.starts_with(
            "error: row 2, column `notes`: bad notes: it is 1079999 characters long, and at most 20000 fit"
        ),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("Walk daily"),
        "the notes are not repeated"
    );
    assert_eq!(pdfs(&env, "out"), ["sam-lee-2026-11-25.pdf"]);

    // A 100,000-character name on the command line: refused, and not repeated.
    let name = "Zoë ".repeat(25_000);
    let r = env.run_within(
        60,
        &["make", "--patient", &name, "--program", "glute-strength"],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(
            "error: bad patient name: it is 100000 characters long, and at most 200 fit"
        ),
        "{}",
        &r.stderr[..r.stderr.len().min(300)]
    );
}

#[test]
fn a_header_that_never_ends_is_refused_with_bounded_memory() {
    let env = Env::new();
    let r = env.run_within(60, &["batch", "/dev/zero", "--out-dir", "out"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .starts_with("error: /dev/zero: the header row is longer than 64 KB: this is not a roster (CSV) file\n"),
        "{}",
        r.stderr
    );
    // A header that ends, then a row that never does.
    let mut csv = b"patient,program,notes\nJane,glute-strength,\"".to_vec();
    csv.extend(std::iter::repeat_n(b'x', 5 * 1024 * 1024));
    write(&env, "r.csv", &csv);
    let r = env.run_within(60, &["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("is longer than 4 MB"), "{}", r.stderr);
}

#[test]
fn symlink_loops_in_exercises_are_reported_not_followed() {
    let env = Env::new();
    let lib = env.library("lib");
    let ex = lib.join("exercises");
    std::fs::create_dir(ex.join("a")).unwrap();
    std::fs::create_dir(ex.join("b")).unwrap();
    std::os::unix::fs::symlink("..", ex.join("a/up")).unwrap();
    std::os::unix::fs::symlink("..", ex.join("b/up")).unwrap();
    std::os::unix::fs::symlink(".", ex.join("self")).unwrap();
    let r = env.run_within(60, &["--library", "lib", "check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr
            .matches("this link leads back to a folder that holds it; it was not followed")
            .count(),
        3,
        "{}",
        r.stderr
    );
    // The library still makes handouts.
    let r = env.run_within(
        60,
        &[
            "--library",
            "lib",
            "make",
            "--patient",
            "A B",
            "--exercises",
            "clams",
            "-o",
            "a.pdf",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn page_and_line_breaks_of_every_kind_separate_words() {
    let env = Env::new();
    let notes = "Walk daily\u{0C}Rest on Sundays\rSleep well\u{85}Drink water\u{0B}Sit tall\u{2028}Stand up";
    let r = env.run(&[
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "--notes",
        notes,
        "-o",
        "a.pdf",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = pdftotext(&env.path().join("a.pdf"));
    for line in [
        "Walk daily",
        "Rest on Sundays",
        "Sleep well",
        "Drink water",
        "Sit tall",
        "Stand up",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == line),
            "{line:?} not on a line of its own:\n{text}"
        );
    }
    // The same in a roster cell; other control characters are refused with the row and column.
    write(
        &env,
        "r.csv",
        "patient,exercises,notes\nJane,clams,\"Walk daily\u{0C}Rest on Sundays\"\nSam,clams,\"Bell\u{7}here\"\n",
    );
    let r = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "error: row 3, column `notes`: bad notes: it holds a control character (U+0007)"
        ),
        "{}",
        r.stderr
    );
    let made = env.path().join("out").join(&pdfs(&env, "out")[0]);
    let text = pdftotext(&made);
    assert!(text.lines().any(|l| l.trim() == "Walk daily"), "{text}");
}

#[test]
fn an_absurd_template_is_refused_naming_the_file_and_key() {
    let env = Env::new();
    let lib = env.library("lib");
    std::fs::create_dir_all(lib.join("templates")).unwrap();
    let standard = std::fs::read_to_string(repo().join("templates/standard.toml")).unwrap();
    std::fs::write(
        lib.join("templates/tight.toml"),
        standard.replace("line-height = 1.2", "line-height = 0.001"),
    )
    .unwrap();
    std::fs::write(
        lib.join("templates/wide.toml"),
        standard.replace("margin-mm = 11", "margin-mm = 300"),
    )
    .unwrap();
    for (t, key) in [
        ("tight", "[text] line-height = 0.001 is outside 1 to 2.5"),
        ("wide", "[page] margin-mm = 300 is outside 5 to 40 mm"),
    ] {
        let r = env.run(&[
            "--library",
            "lib",
            "make",
            "--patient",
            "A B",
            "--exercises",
            "clams",
            "--template",
            t,
        ]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(
            r.stderr
                .starts_with(&format!("error: lib/templates/{t}.toml:")),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains(key), "{}", r.stderr);
    }
    let r = env.run(&["--library", "lib", "check"]);
    assert!(
        r.stderr.contains("tight.toml") && r.stderr.contains("wide.toml"),
        "{}",
        r.stderr
    );
}

#[test]
fn roster_header_text_is_escaped_on_the_terminal() {
    let env = Env::new();
    write(
        &env,
        "r.csv",
        "patient,\u{1b}[31mprogram\u{1b}[0m\nJane,glute-strength\n",
    );
    let r = env.run(&["batch", "r.csv", "--out-dir", "out"]);
    assert_eq!(r.code, 1);
    assert!(!r.stderr.contains('\u{1b}'), "{:?}", r.stderr);
    assert!(r.stderr.contains("\\u{1b}[31mprogram"), "{}", r.stderr);
}

#[test]
fn an_output_that_is_a_folder_is_named_as_a_folder() {
    let env = Env::new();
    std::fs::create_dir(env.path().join("sheets")).unwrap();
    for force in [false, true] {
        let mut args = vec![
            "make",
            "--patient",
            "A B",
            "--exercises",
            "clams",
            "-o",
            "sheets",
        ];
        if force {
            args.push("--force");
        }
        let r = env.run(&args);
        assert_eq!(r.code, 1);
        assert!(
            r.stderr.starts_with("error: sheets: this is a folder, not a file\nhint: name a file, e.g. -o sheets/handout.pdf\n"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn a_full_disk_on_standard_output_is_one_line_and_a_failure() {
    let env = Env::new();
    let full = std::fs::File::create("/dev/full").unwrap();
    let mut cmd = env.cmd(&[
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "-o",
        "-",
    ]);
    cmd.stdout(full);
    let out = cmd.stderr(std::process::Stdio::piped()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: cannot write standard output: No space left on device"),
        "{stderr}"
    );
}

#[test]
fn an_appointment_before_the_handout_date_is_a_warning() {
    let env = Env::new();
    let r = env.run(&[
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "--date",
        "2026-11-25",
        "--next-appointment",
        "2026-11-20 10:00",
        "-o",
        "a.pdf",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.starts_with(
            "warning: the next appointment (2026-11-20) is before the handout's date (2026-11-25)"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_utf16_roster_from_excel_is_read() {
    let env = Env::new();
    // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab separated.
    let text = "patient\tprogram\tdate\r\nZoë Ó'Brien\tglute-strength\t2026-11-25\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    write(&env, "r.txt", &bytes);
    let r = env.run(&["batch", "r.txt", "--out-dir", "out"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(pdfs(&env, "out"), ["zoe-obrien-2026-11-25.pdf"]);
    assert!(pdf_words(&env.path().join("out/zoe-obrien-2026-11-25.pdf")).contains("Zoë Ó'Brien"));
    // Without its byte-order mark it is refused, saying what to do.
    write(&env, "r.txt", &bytes[2..]);
    let r = env.run(&["batch", "r.txt", "--out-dir", "out2"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("UTF-16") && r.stderr.contains("hint: save the spreadsheet as CSV UTF-8"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_name_with_a_tower_of_accents_is_refused() {
    let env = Env::new();
    let name = format!("Zo{}e", "\u{301}\u{302}\u{303}\u{304}".repeat(8));
    let r = env.run(&[
        "make",
        "--patient",
        &name,
        "--exercises",
        "clams",
        "-o",
        "a.pdf",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("more than 4 accents stacked on one letter"),
        "{}",
        r.stderr
    );
    assert!(!env.path().join("a.pdf").exists());
    // Real names with accents are fine.
    env.ok(&[
        "make",
        "--patient",
        "Nguyễn Thị Ánh",
        "--exercises",
        "clams",
        "-o",
        "b.pdf",
    ]);
}

/// A PNG whose header claims `w` x `h` pixels (the pixel data is not needed to refuse it).
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    v.extend(13u32.to_be_bytes());
    v.extend(&ihdr);
    v.extend(crc32(&ihdr).to_be_bytes());
    // A first (tiny, incomplete) image data chunk, so the header can be read.
    let idat = b"IDAT\x78\x9c\x03\x00".to_vec();
    v.extend(4u32.to_be_bytes());
    v.extend(&idat);
    v.extend(crc32(&idat).to_be_bytes());
    v
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                s.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// A library whose clams exercise shows `images/<file>` holding `svg`.
fn library_with_svg(env: &Env, file: &str, svg: &str) -> std::path::PathBuf {
    let lib = env.library("lib");
    let path = lib.join("images").join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, svg).unwrap();
    show_picture(&lib, "clams", file, "alt = \"A picture\"\n");
    lib
}

fn svg_with_image(href: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="30"><image width="40" height="30" xlink:href="{href}"/></svg>"#
    )
}

#[test]
fn a_picture_inside_an_svg_stays_inside_the_library() {
    let env = Env::new();
    let secret = env.path().join("secret.png");
    std::fs::write(&secret, png_header(2, 2)).unwrap();
    for href in [
        secret.to_str().unwrap(),
        "../../secret.png",
        "file:///etc/passwd",
    ] {
        let _ = std::fs::remove_dir_all(env.path().join("lib"));
        library_with_svg(&env, "clams.svg", &svg_with_image(href));
        let r = env.run(&["--library", "lib", "check"]);
        assert_eq!(r.code, 1, "{href}: {}", r.stderr);
        assert!(
            r.stderr.contains("lib/images/clams.svg: the picture")
                && (r.stderr.contains("is outside the library")
                    || r.stderr.contains("images/ folder")),
            "{href}: {}",
            r.stderr
        );
        let r = env.run(&[
            "--library",
            "lib",
            "make",
            "--patient",
            "A B",
            "--exercises",
            "clams",
            "-o",
            "a.pdf",
        ]);
        assert_eq!(r.code, 1, "{href}: a handout never shows it");
    }
}

#[test]
fn a_relative_picture_inside_an_svg_is_found_beside_the_svg() {
    let env = Env::new();
    // The same name in the current folder must not be the one used.
    std::fs::write(env.path().join("dot.png"), b"not a picture").unwrap();
    let lib = library_with_svg(&env, "sub/pic.svg", &svg_with_image("dot.png"));
    let mut png = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png, 2, 2);
        enc.set_color(png::ColorType::Rgb);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[0, 0, 255].repeat(4)).unwrap();
    }
    std::fs::write(lib.join("images/sub/dot.png"), &png).unwrap();
    let r = env.run(&[
        "--library",
        "lib",
        "make",
        "--patient",
        "A B",
        "--exercises",
        "clams",
        "-o",
        "a.pdf",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_huge_raster_inside_an_svg_is_refused_like_any_picture() {
    let env = Env::new();
    let href = format!(
        "data:image/png;base64,{}",
        base64(&png_header(30_000, 30_000))
    );
    library_with_svg(&env, "clams.svg", &svg_with_image(&href));
    let r = env.run_within(60, &["--library", "lib", "check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("30000x30000 pixels, over the limit of 100 megapixels"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_picture_that_links_out_of_the_library_is_not_read() {
    let env = Env::new();
    let lib = env.library("lib");
    let outside = env.path().join("outside.png");
    std::fs::write(&outside, png_header(2, 2)).unwrap();
    show_picture(&lib, "clams", "clams.svg", "alt = \"Clams\"\n");
    std::os::unix::fs::symlink(&outside, lib.join("images/clams.svg")).unwrap();
    let r = env.run(&["--library", "lib", "check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("clams.svg: this is a link to a file outside the library; it was not read"),
        "{}",
        r.stderr
    );
}
