//! How layout time grows with the length of the notes (issue: bounded work).
//!     cargo run --release --example notes_scaling [KB ...]
//! Lays out the glute-strength handout with notes of each size (default 10,
//! 100 and 1000 KB of ordinary sentences), bypassing the 20,000-character limit
//! that the command line and rosters apply, and prints the time per size.
use std::time::Instant;

use handout::content::Library;
use handout::render::PdfOptions;
use handout::request::{parse_date, Selection};
use handout::Engine;

fn main() {
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if args.is_empty() {
            vec![10, 100, 1000]
        } else {
            args
        }
    };
    let engine = Engine::new(Library::builtin().unwrap(), PdfOptions::default()).unwrap();
    let today = parse_date("2026-11-25").unwrap();
    let sentence = "Walk for ten minutes each day, slowly at first, and rest when you need to. ";
    for kb in sizes {
        let mut notes = String::new();
        let mut para = 0;
        while notes.len() < kb * 1024 {
            notes.push_str(sentence);
            para += 1;
            if std::env::var_os("ONE_PARAGRAPH").is_none() && para % 6 == 0 {
                notes.push('\n');
            }
        }
        let sel = Selection {
            patient: "Zoë Ó'Brien".into(),
            program: Some("glute-strength".into()),
            notes: Some(notes),
            ..Default::default()
        };
        let h = engine.resolve(&sel, today).unwrap();
        let t = Instant::now();
        let doc = engine.lay_out(&h).unwrap();
        let layout = t.elapsed();
        let t = Instant::now();
        let pdf = engine.render(&doc).unwrap();
        let render = t.elapsed();
        println!(
            "notes {kb:>5} KB: layout {:>9.1} ms ({:.2} ms per KB), render {:>8.1} ms, {} pages, {} KB PDF",
            layout.as_secs_f64() * 1000.0,
            layout.as_secs_f64() * 1000.0 / kb as f64,
            render.as_secs_f64() * 1000.0,
            doc.pages.len(),
            pdf.len() / 1024
        );
    }
}
