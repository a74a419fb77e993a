//! The pipeline through the library API, set up once like the engine: the
//! built-in library, its fonts, one image store and one set of PDF resources
//! shared by every handout a test makes.

use handout::assets::ImageStore;
use handout::content::{Library, Template};
use handout::figure::FigureCache;
use handout::fonts::FontBook;
use handout::layout::{self, Document, LayoutCache};
use handout::program::{parse_date, resolve, Handout, Selection};
use handout::render::{self, PdfOptions, Resources};
use handout::words::Words;

pub struct Pipeline {
    pub lib: Library,
    pub fonts: FontBook,
    pub images: ImageStore,
    pub resources: Resources,
    pub words: Words,
    pub figures: FigureCache,
}

impl Pipeline {
    pub fn new() -> Pipeline {
        let lib = Library::builtin().unwrap();
        let fonts = FontBook::load(&lib).unwrap();
        let resources = Resources::new(&fonts).unwrap();
        Pipeline {
            words: Words::for_language(&lib.clinic.language),
            figures: FigureCache::default(),
            lib,
            fonts,
            images: ImageStore::default(),
            resources,
        }
    }

    /// The selection resolved as of 2026-11-25, its pictures prepared.
    pub fn handout(&self, sel: &Selection) -> Handout {
        let h = resolve(&self.lib, sel, parse_date("2026-11-25").unwrap()).unwrap();
        let logo = self.lib.clinic.logo.iter();
        let pictures = h.items.iter().flat_map(|i| &i.exercise.images);
        for name in logo.chain(pictures.map(|p| &p.file)) {
            self.images.get(&self.lib, name).unwrap();
        }
        h
    }

    pub fn template(&self, h: &Handout) -> Template {
        self.lib.template(&h.template).unwrap()
    }

    /// Lay out with `cache`, or without one.
    pub fn lay_out(&self, h: &Handout, cache: Option<&LayoutCache>) -> Document {
        let t = self.template(h);
        let inputs = layout::Inputs {
            clinic: &self.lib.clinic,
            template: &t,
            fonts: &self.fonts,
            images: &self.images,
            words: &self.words,
            figures: &self.figures,
        };
        layout::lay_out(h, &inputs, cache).unwrap()
    }

    /// A tagged PDF, as `handout make` writes it.
    pub fn pdf(&self, doc: &Document) -> Vec<u8> {
        render::pdf(
            doc,
            &self.resources,
            &self.images,
            PdfOptions::default(),
            None,
        )
        .unwrap()
    }

    pub fn preview(&self, doc: &Document) -> Vec<String> {
        render::preview(doc, &self.resources, &self.images).unwrap()
    }
}

/// Zoë Ó'Brien's glute-strength handout, as the binary's tests make it.
pub fn glute() -> Selection {
    Selection {
        patient: "Zoë Ó'Brien".into(),
        program: Some("glute-strength".into()),
        ..Default::default()
    }
}
