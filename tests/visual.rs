//! Visual references: pages of real output rendered to grayscale PNGs and
//! compared with the committed ones in tests/references/, under a threshold, so
//! a layout change is seen, not guessed. On a mismatch the test writes the new
//! page and a difference image to target/visual-diff/.
//!
//! Refresh the references after an intended change (then look at them):
//!     HANDOUT_UPDATE_REFERENCES=1 cargo test --test visual

mod common;

use std::path::PathBuf;

use common::*;
use image::{GrayImage, Luma};

/// Mean absolute difference allowed (0 to 255), and share of pixels that may differ a lot.
const MAX_MEAN: f64 = 1.5;
const MAX_CHANGED: f64 = 0.005;

fn check_page(name: &str, pdf: &std::path::Path, page: u32) {
    let env_dir = pdf.parent().unwrap();
    let prefix = env_dir.join(format!("{name}-render"));
    let r = tool(
        "pdftoppm",
        &[
            "-r",
            "30",
            "-gray",
            "-png",
            "-singlefile",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rendered = image::open(prefix.with_extension("png"))
        .unwrap()
        .to_luma8();
    let reference = repo().join("tests/references").join(format!("{name}.png"));
    if std::env::var_os("HANDOUT_UPDATE_REFERENCES").is_some() {
        rendered.save(&reference).unwrap();
        return;
    }
    let expected = image::open(&reference)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}; make it with HANDOUT_UPDATE_REFERENCES=1",
                reference.display()
            )
        })
        .to_luma8();
    let diff_dir = repo().join("target/visual-diff");
    let fail = |why: String| {
        std::fs::create_dir_all(&diff_dir).unwrap();
        rendered
            .save(diff_dir.join(format!("{name}-new.png")))
            .unwrap();
        if rendered.dimensions() == expected.dimensions() {
            let d = GrayImage::from_fn(rendered.width(), rendered.height(), |x, y| {
                let a = rendered.get_pixel(x, y)[0] as i16;
                let b = expected.get_pixel(x, y)[0] as i16;
                Luma([255 - (a - b).unsigned_abs().min(255) as u8])
            });
            d.save(diff_dir.join(format!("{name}-diff.png"))).unwrap();
        }
        panic!("{name}: {why}; see {}", diff_dir.display());
    };
    if rendered.dimensions() != expected.dimensions() {
        fail(format!(
            "size {:?} is not {:?}",
            rendered.dimensions(),
            expected.dimensions()
        ));
    }
    let n = (rendered.width() * rendered.height()) as f64;
    let mut sum = 0u64;
    let mut changed = 0u64;
    for (a, b) in rendered.pixels().zip(expected.pixels()) {
        let d = (a[0] as i32 - b[0] as i32).unsigned_abs() as u64;
        sum += d;
        if d > 48 {
            changed += 1;
        }
    }
    let mean = sum as f64 / n;
    let share = changed as f64 / n;
    if mean > MAX_MEAN || share > MAX_CHANGED {
        fail(format!(
            "mean difference {mean:.2}, {:.2}% of pixels changed",
            share * 100.0
        ));
    }
}

fn pdf(env: &Env, out: &str, extra: &[&str]) -> PathBuf {
    make_glute(env, out, extra)
}

#[test]
fn standard_pages_look_as_before() {
    let env = Env::new();
    let p = pdf(&env, "standard.pdf", &[]);
    check_page("standard-a4-1", &p, 1);
    check_page("standard-a4-2", &p, 2);
}

#[test]
fn large_print_and_compact_look_as_before() {
    let env = Env::new();
    let p = pdf(&env, "large.pdf", &["--template", "large-print"]);
    check_page("large-print-a4-1", &p, 1);
    let p = pdf(
        &env,
        "compact.pdf",
        &["--template", "compact", "--paper", "letter"],
    );
    check_page("compact-letter-1", &p, 1);
}

#[test]
fn the_log_looks_as_before() {
    let env = Env::new();
    let p = pdf(&env, "log.pdf", &["--log", "4"]);
    check_page("log-a4-3", &p, 3);
}

/// The comparison can fail: a different handout is caught.
#[test]
fn a_changed_page_is_caught() {
    if std::env::var_os("HANDOUT_UPDATE_REFERENCES").is_some() {
        return;
    }
    let env = Env::new();
    let p = pdf(&env, "other.pdf", &["--template", "compact"]);
    let caught = std::panic::catch_unwind(|| check_page("standard-a4-1", &p, 1));
    assert!(caught.is_err());
}
