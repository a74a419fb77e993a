//! Draw every built-in exercise that has a `[figure]`: one SVG each and a
//! contact sheet, plus the time `draw` takes and any validation problems.
//! Arguments ending in `.toml` are exercise files (or files with only a
//! `[figure]` section) drawn instead of, or besides, the named built-ins.
//!
//! ```sh
//! cargo run --example figure_sheet -- OUT_DIR [IDS...] [FILE.toml...]
//! ```
//!
//! With `FIGURE_POINTS=left-foot,right-hand` it also prints where those
//! body points are (mm; X forward, Y left, Z up) in the start and end pose,
//! to tune a pose (feet that should stay together, a hand on a chair).

use std::time::Instant;

use handout::content::Library;
use handout::figure::{self, FigureSpec, FigureStyle};

#[derive(serde::Deserialize)]
struct Only {
    figure: FigureSpec,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .ok_or("usage: figure_sheet OUT_DIR [IDS...] [FILE.toml...]")?;
    let (files, wanted): (Vec<String>, Vec<String>) = args.partition(|a| a.ends_with(".toml"));
    std::fs::create_dir_all(&out)?;
    let lib = Library::builtin()?;
    let style = FigureStyle::new(lib.clinic.colours.primary);
    let mut specs: Vec<(String, FigureSpec)> = Vec::new();
    if files.is_empty() || !wanted.is_empty() {
        let ids: Vec<String> = lib.exercise_ids().map(str::to_string).collect();
        for id in ids {
            if !wanted.is_empty() && !wanted.contains(&id) {
                continue;
            }
            let ex = lib.exercise(&id)?;
            if let Some(spec) = &ex.figure {
                specs.push((id, spec.clone()));
            }
        }
    }
    for f in &files {
        let text = std::fs::read_to_string(f)?;
        // Only the `[figure]` table (the rest of the file is ignored).
        let spec = toml::from_str::<Only>(&text)
            .map_err(|e| format!("{f}: {e}"))?
            .figure;
        let id = std::path::Path::new(f)
            .file_stem()
            .map_or("figure".into(), |s| s.to_string_lossy().into_owned());
        specs.push((id, spec));
    }
    let points = std::env::var("FIGURE_POINTS").unwrap_or_default();
    let mut drawings = Vec::new();
    for (id, spec) in &specs {
        print_points(id, spec, &points);
        for p in figure::validate(spec) {
            eprintln!("{id}: problem: {} (hint: {:?})", p.message, p.hint);
        }
        let d = match figure::draw(spec, &style) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{id}: {e}");
                continue;
            }
        };
        // FIGURE_RUNS=1 skips the timing (when tuning many poses).
        let runs: u32 = std::env::var("FIGURE_RUNS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200)
            .max(1);
        let t = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(figure::draw(std::hint::black_box(spec), &style)?);
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
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

/// Where the named body points are in the start and end pose.
fn print_points(id: &str, spec: &FigureSpec, names: &str) {
    if names.is_empty() {
        return;
    }
    let (Some(r), _) = figure::resolve::resolve(spec) else {
        return;
    };
    let sc = figure::scene::build(&r);
    for name in names.split(',') {
        let Some(bp) = figure::body::body_point(name.trim()) else {
            eprintln!("{id}: no body point `{name}`");
            continue;
        };
        let (a, b) = (bp.world(&sc.start.sk), bp.world(&sc.end.sk));
        println!(
            "{id}: {name}: start ({:.0}, {:.0}, {:.0}) end ({:.0}, {:.0}, {:.0})",
            a.x, a.y, a.z, b.x, b.y, b.z
        );
    }
}
