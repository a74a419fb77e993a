//! Draw every built-in exercise that has a `[figure]`: one SVG each and a
//! contact sheet, plus the time `draw` takes and any validation problems.
//!
//! ```sh
//! cargo run --example figure_sheet -- OUT_DIR [IDS...]
//! ```

use std::time::Instant;

use handout::content::Library;
use handout::figure::{self, FigureStyle};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: figure_sheet OUT_DIR [IDS...]")?;
    let wanted: Vec<String> = args.collect();
    std::fs::create_dir_all(&out)?;
    let lib = Library::builtin()?;
    let style = FigureStyle::new(lib.clinic.colours.primary);
    let mut drawings = Vec::new();
    let ids: Vec<String> = lib.exercise_ids().map(str::to_string).collect();
    for id in ids {
        if !wanted.is_empty() && !wanted.contains(&id) {
            continue;
        }
        let ex = lib.exercise(&id)?;
        let Some(spec) = &ex.figure else { continue };
        for p in figure::validate(spec) {
            eprintln!(
                "{id}: problem: {} (hint: {:?}, span {:?})",
                p.message, p.hint, p.span
            );
        }
        let d = figure::draw(spec, &style)?;
        let runs = 200;
        let t = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(figure::draw(std::hint::black_box(spec), &style)?);
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / runs as f64;
        println!(
            "{id}: {:.1} x {:.1} mm, {} paths, draw {per:.0} us",
            d.width,
            d.height,
            d.paths.len()
        );
        std::fs::write(format!("{out}/{id}.svg"), figure::to_svg(&d))?;
        drawings.push(d);
    }
    // Contact sheet: three across, each cell as tall as the tallest in its row.
    let gap = 6.0f32;
    let cols = 3;
    let cell_w = drawings.iter().map(|d| d.width).fold(0.0, f32::max);
    let mut body = String::new();
    let mut y = gap;
    for row in drawings.chunks(cols) {
        let h = row.iter().map(|d| d.height).fold(0.0, f32::max);
        for (i, d) in row.iter().enumerate() {
            let x = gap + i as f32 * (cell_w + gap) + (cell_w - d.width) / 2.0;
            body.push_str(&format!(
                "<g transform=\"translate({x:.2} {:.2})\">\n{}</g>\n",
                y + (h - d.height) / 2.0,
                figure::svg::svg_elements(d)
            ));
        }
        y += h + gap;
    }
    let w = gap + cols as f32 * (cell_w + gap);
    let sheet = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.1}mm\" height=\"{y:.1}mm\" viewBox=\"0 0 {w:.2} {y:.2}\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{body}</svg>\n"
    );
    std::fs::write(format!("{out}/sheet.svg"), sheet)?;
    Ok(())
}
