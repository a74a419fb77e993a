//! Helpers for tests that run the real `handout` binary in a temporary folder.
#![allow(dead_code)]

pub mod exif;
pub mod pipeline;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: o.stdout,
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// A temporary working folder with the binary ready to run in it.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.args(args)
            .current_dir(self.path())
            .env_remove("HANDOUT_LIBRARY")
            // No user config file unless a test writes one to <dir>/.config/handout/handout.toml.
            .env("XDG_CONFIG_HOME", self.path().join(".config"))
            .stdin(Stdio::null());
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.cmd(args).output().unwrap().into()
    }

    /// Run, and fail the test if the command has not ended within `secs`
    /// seconds (a hang, not a speed limit: give it ten times what it needs).
    pub fn run_within(&self, secs: u64, args: &[&str]) -> Run {
        self.run_within_cmd(secs, self.cmd(args))
    }

    pub fn run_within_cmd(&self, secs: u64, mut cmd: Command) -> Run {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed().as_secs() >= secs {
                let _ = child.kill();
                panic!("hung: still running after {secs} s: {cmd:?}");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        child.wait_with_output().unwrap().into()
    }

    /// Run and insist on success.
    pub fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(r.code, 0, "handout {args:?} failed:\n{}", r.stderr);
        r
    }

    /// Files in the folder (names), sorted.
    pub fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// Copy the repository's content/ into `name/` here, as a library to edit.
    pub fn library(&self, name: &str) -> PathBuf {
        let to = self.path().join(name);
        copy_dir(&repo().join("content"), &to);
        to
    }
}

/// A small SVG drawing, for a clinic's own picture.
pub const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="teal"/></svg>"#;

/// Gives exercise `id` of the library at `lib` the clinic's own picture
/// `images/<file>` (which wins over the figure drawn from its poses): one more
/// `[[images]]` table, with `extra` keys such as `alt = "…"`. The file itself
/// is the caller's to write (or to leave missing).
pub fn show_picture(lib: &Path, id: &str, file: &str, extra: &str) {
    let f = lib.join("exercises").join(format!("{id}.toml"));
    let mut text = std::fs::read_to_string(&f).unwrap();
    text.push_str(&format!("\n[[images]]\nfile = \"{file}\"\n{extra}"));
    std::fs::write(&f, text).unwrap();
}

/// The binary under test: this build's, or `HANDOUT_TEST_BIN` (to show that a
/// test fails on an older build).
pub fn bin() -> PathBuf {
    std::env::var_os("HANDOUT_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_handout")))
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// Run an external tool (poppler, qpdf); the tests need them (`.ci/run` installs them).
pub fn tool(name: &str, args: &[&str]) -> Run {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run `{name}` ({e}); install poppler-utils and qpdf, or run .ci/run")
    });
    out.into()
}

pub fn pdftotext(pdf: &Path) -> String {
    let r = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout_text()
}

/// pdftotext output with all white space folded to single spaces.
pub fn pdf_words(pdf: &Path) -> String {
    pdftotext(pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn pdfinfo(pdf: &Path) -> String {
    let r = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout_text()
}

pub fn page_count(pdf: &Path) -> usize {
    pdfinfo(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

pub fn qpdf_check(pdf: &Path) {
    let r = tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert_eq!(
        r.code,
        0,
        "qpdf --check failed:\n{}{}",
        r.stdout_text(),
        r.stderr
    );
}

/// Make Zoë Ó'Brien's glute-strength handout dated 2026-11-25 as `out` (with
/// `extra` flags), insist on success, and check the PDF with qpdf.
pub fn make_glute(env: &Env, out: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec![
        "make",
        "--patient",
        "Zoë Ó'Brien",
        "--program",
        "glute-strength",
        "--date",
        "2026-11-25",
        "--force",
        "-o",
        out,
    ];
    args.extend_from_slice(extra);
    env.ok(&args);
    let pdf = env.path().join(out);
    qpdf_check(&pdf);
    pdf
}

/// The built-in library, for the facts tests expect (counts, titles) instead of
/// numbers written into the tests.
pub fn builtin() -> handout::content::Library {
    handout::content::Library::builtin().unwrap()
}

/// What `handout check` prints for a sound copy of the built-in library named `name`.
/// Checks `check`'s one-line summary for a clean copy of the built-in
/// library: the counts, no problems, and the highest reading grade, which
/// must be at most 6 for the built-in text.
pub fn assert_check_summary(stdout: &str, name: &str) {
    let lib = builtin();
    let head = format!(
        "library {name}: {} exercises, {} programs, {} templates, {} images: no problems; highest reading grade ",
        lib.exercise_ids().count(),
        lib.program_ids().count(),
        lib.template_ids().count(),
        lib.files_under("images/").count()
    );
    let rest = stdout
        .strip_prefix(&head)
        .unwrap_or_else(|| panic!("summary {stdout:?} does not start {head:?}"));
    let grade: f64 = rest
        .split_whitespace()
        .next()
        .and_then(|g| g.parse().ok())
        .unwrap_or_else(|| panic!("no grade in {stdout:?}"));
    assert!(grade <= 6.0, "built-in text above grade 6: {stdout}");
    assert!(rest.ends_with(")\n"), "{stdout:?}");
}

/// The exercises of the glute-strength program, in its order.
pub fn glute_exercises() -> Vec<std::sync::Arc<handout::content::Exercise>> {
    let lib = builtin();
    let program = lib.program("glute-strength").unwrap();
    program
        .exercises
        .iter()
        .map(|item| lib.exercise(item.id.get_ref()).unwrap())
        .collect()
}
