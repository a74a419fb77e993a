//! A contact sheet: exercises' figures in a grid, each with its title under
//! it, on one page as tall as it needs (for looking at a library's pictures
//! side by side, and for the README).

use crate::content::Exercise;
use crate::error::Result;
use crate::fonts::Weight;

use super::document::{Document, Meta, Node, NodeKind, Page, MM};
use super::flow::Inputs;
use super::frame::{place, Frame};
use super::sections::pictures::pictures_of;
use super::style::Ctx;
use super::text::{ShapeCache, Span};

/// How the sheet is set out, in millimetres.
#[derive(Debug, Clone, Copy)]
pub struct SheetSpec {
    pub columns: usize,
    /// The width of each figure (its height follows, up to 1.3 times that).
    pub cell_mm: f32,
    /// Print the exercise's title under each figure.
    pub titles: bool,
}

/// Lay out `exercises` (those with a figure or pictures) in a grid.
pub fn sheet(exercises: &[&Exercise], inputs: &Inputs, spec: SheetSpec) -> Result<Document> {
    let margin = 8.0 * MM;
    let gap = 6.0 * MM;
    let columns = spec.columns.max(1);
    let cell = spec.cell_mm * MM;
    let width = 2.0 * margin + columns as f32 * cell + (columns - 1) as f32 * gap;
    let shaped = ShapeCache::default();
    let cx = Ctx::new(inputs, &shaped, cell);
    let mut structure = vec![Node {
        kind: NodeKind::Document,
        parent: None,
    }];
    let mut page = Page::default();
    let mut y = margin;
    for row in exercises.chunks(columns) {
        let mut row_h: f32 = 0.0;
        for (k, ex) in row.iter().enumerate() {
            let mut f = Frame::new(cell);
            let mut h = pictures_of(&cx, &mut f, 0.0, 0.0, cell, ex)?;
            if spec.titles {
                let style = cx.style(Weight::Bold, 10.0, cx.colours.text);
                let lines = cx.wrap(&[Span::new(&ex.title, style)], cell, "a title")?;
                f.open(NodeKind::Caption, None);
                h += 1.5 * MM + f.lines_centered(0.0, cell, h + 1.5 * MM, lines, 12.0);
            }
            row_h = row_h.max(h);
            let x = margin + k as f32 * (cell + gap);
            place(f, x, y, &mut structure, &mut page.items, None);
        }
        y += row_h + gap;
    }
    Ok(Document {
        width,
        height: y - gap + margin,
        pages: vec![page],
        meta: Meta {
            title: inputs.words.title(),
            author: inputs.clinic.name.clone(),
            subject: String::new(),
            language: inputs.clinic.language.clone(),
            date: chrono::NaiveDate::default(),
        },
        structure,
    })
}
