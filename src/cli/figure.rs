//! `handout figure`: an exercise's picture on its own, to see a pose while
//! editing it, or a contact sheet of every figure in the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use handout::content::Library;
use handout::error::Error;
use handout::layout::SheetSpec;
use handout::output;
use handout::render::PdfOptions;
use handout::Engine;

use super::args::FigureArgs;

/// What the output file's name asks for.
enum Format {
    Svg,
    Png,
    Pdf,
}

fn format_of(path: &Path) -> Result<Format, Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        Some("pdf") => Ok(Format::Pdf),
        _ => Err(Error::Refused {
            message: format!(
                "{}: the file name must end in .svg, .png or .pdf",
                path.display()
            ),
            hint: Some("e.g. -o clams.png".into()),
        }),
    }
}

pub fn run(lib: Library, a: FigureArgs) -> Result<ExitCode, Error> {
    let ids: Vec<String> = if a.all {
        let mut ids = Vec::new();
        for id in lib.exercise_ids() {
            let ex = lib.exercise(id)?;
            if ex.figure.is_some() || !ex.images.is_empty() {
                ids.push(id.to_string());
            }
        }
        ids
    } else {
        a.ids.iter().map(|i| i.trim().to_lowercase()).collect()
    };
    if ids.is_empty() {
        return Err(Error::Refused {
            message: "no exercise to draw".into(),
            hint: Some("name one, e.g. handout figure clams, or use --all".into()),
        });
    }
    let path = match &a.output {
        Some(p) => p.clone(),
        None if ids.len() == 1 => PathBuf::from(format!("{}.svg", ids[0])),
        None => PathBuf::from("figures.png"),
    };
    let format = format_of(&path)?;
    let engine = Engine::new(lib, PdfOptions::default())?;
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let spec = SheetSpec {
        columns: a
            .columns
            .unwrap_or(if ids.len() == 1 { 1 } else { 3 })
            .max(1),
        cell_mm: a.width_mm.unwrap_or(60.0).clamp(20.0, 250.0),
        titles: ids.len() > 1 && !a.no_titles,
    };
    let doc = engine.sheet(&refs, spec)?;
    let bytes = match format {
        Format::Svg => engine.preview(&doc)?.concat().into_bytes(),
        Format::Png => engine
            .png(&doc, a.dpi.unwrap_or(150.0).clamp(30.0, 600.0))?
            .concat(),
        Format::Pdf => engine.render(&doc)?,
    };
    output::write_atomic(&path, &bytes, true)?;
    eprintln!(
        "wrote {} ({} exercise{})",
        path.display(),
        ids.len(),
        if ids.len() == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}
