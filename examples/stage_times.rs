//! Time each pipeline stage for the glute-strength handout, in one thread.
//!     cargo run --release --example stage_times
use std::time::Instant;

use handout::content::Library;
use handout::render::PdfOptions;
use handout::request::{parse_date, Selection};
use handout::Engine;

fn main() {
    // `untagged` as the first argument: compare with tagged output.
    let pdf = PdfOptions {
        tagged: std::env::args().nth(1).as_deref() != Some("untagged"),
        ..PdfOptions::default()
    };
    let engine = Engine::new(Library::builtin().unwrap(), pdf).unwrap();
    let today = parse_date("2026-11-25").unwrap();
    let sel = Selection {
        patient: "Zoë Ó'Brien".into(),
        program: Some("glute-strength".into()),
        ..Default::default()
    };
    let n = 1000;
    let (mut resolve, mut layout, mut render) = (0.0, 0.0, 0.0);
    for _ in 0..n {
        let t0 = Instant::now();
        let h = engine.resolve(&sel, today).unwrap();
        let t1 = Instant::now();
        let doc = engine.lay_out(&h).unwrap();
        let t2 = Instant::now();
        let bytes = engine.render(&doc).unwrap();
        let t3 = Instant::now();
        std::hint::black_box(bytes);
        resolve += (t1 - t0).as_secs_f64();
        layout += (t2 - t1).as_secs_f64();
        render += (t3 - t2).as_secs_f64();
    }
    let ms = |s: f64| s * 1000.0 / n as f64;
    println!(
        "{} per handout: resolve {:.3} ms, layout {:.3} ms, render {:.3} ms",
        if engine.pdf_options().tagged {
            "tagged"
        } else {
            "untagged"
        },
        ms(resolve),
        ms(layout),
        ms(render)
    );
}
