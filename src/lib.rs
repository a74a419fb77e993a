//! `handout`: branded, printable home-exercise handouts from a plain-text library.
//!
//! The pipeline, one module per step:
//!
//! 1. [`content`]: library files (TOML, images) to typed, validated data.
//! 2. [`program`]: the clinician's selection resolved against the library into a [`program::Handout`].
//! 3. [`layout`]: pure functions that measure, wrap, place and paginate, producing
//!    pages of positioned items (no PDF types).
//! 4. [`render`]: pages to PDF bytes (krilla).
//! 5. The `handout` binary: a thin command line over [`Engine`].
//!
//! Fonts, images and the library are loaded once per run into an [`Engine`] and
//! shared by every handout it makes.

pub mod assets;
pub mod batch;
pub mod check;
pub mod config;
pub mod content;
pub mod deliver;
pub mod error;
pub mod figure;
pub mod fonts;
pub mod init;
pub mod interactive;
pub mod layout;
pub mod output;
pub mod program;
pub mod render;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rayon::prelude::*;

pub use error::{Error, Result};

use assets::ImageStore;
use content::{Library, Template};
use fonts::FontBook;
use layout::Document;
use program::{Handout, Selection};

/// Everything loaded once per run: the library, fonts, images and PDF resources.
pub struct Engine {
    pub library: Library,
    pub fonts: FontBook,
    pub images: ImageStore,
    /// How PDFs are written: tagged (PDF/UA-1) by default, PDF/A on request.
    pub pdf: render::PdfOptions,
    resources: render::Resources,
    templates: Mutex<HashMap<String, Arc<Template>>>,
    layout_cache: layout::LayoutCache,
}

impl Engine {
    pub fn new(library: Library) -> Result<Engine> {
        let fonts = FontBook::load(&library)?;
        let resources = render::Resources::new(&fonts)?;
        let images = ImageStore::new(max_print_mm(&library));
        let pdf = render::PdfOptions {
            tagged: true,
            pdfa: library.clinic.pdfa,
        };
        Ok(Engine {
            pdf,
            library,
            fonts,
            images,
            resources,
            templates: Mutex::new(HashMap::new()),
            layout_cache: layout::LayoutCache::default(),
        })
    }

    /// A template, parsed once.
    pub fn template(&self, id: &str) -> Result<Arc<Template>> {
        if let Some(t) = self
            .templates
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
        {
            return Ok(t.clone());
        }
        let t = Arc::new(self.library.template(id)?);
        let mut cache = self.templates.lock().unwrap_or_else(|e| e.into_inner());
        Ok(cache.entry(id.to_string()).or_insert(t).clone())
    }

    /// Step 2: resolve a selection.
    pub fn handout(&self, sel: &Selection, today: NaiveDate) -> Result<Handout> {
        program::resolve(&self.library, sel, today)
    }

    /// Step 3: lay out a handout (loading the images it shows, once per run).
    pub fn lay_out(&self, h: &Handout) -> Result<Document> {
        let template = self.template(&h.template)?;
        let clinic = &self.library.clinic;
        // Prepare the pictures this handout shows (each once per run), in parallel:
        // large photos take a while to decode.
        let mut names: Vec<&str> = clinic.logo.iter().map(String::as_str).collect();
        for item in &h.items {
            names.extend(item.exercise.images.iter().map(|i| i.file.as_str()));
        }
        names.dedup();
        names.retain(|n| self.images.loaded(n).is_none());
        let results: Vec<Result<_>> = names
            .par_iter()
            .map(|n| self.images.get(&self.library, n))
            .collect();
        for r in results {
            r?;
        }
        layout::lay_out_cached(
            h,
            clinic,
            &template,
            &self.fonts,
            &self.images,
            Some(&self.layout_cache),
        )
    }

    /// Step 4: render a laid-out document.
    pub fn render(&self, doc: &Document) -> Result<Vec<u8>> {
        render::pdf(doc, &self.resources, &self.images, self.pdf)
    }

    /// Selection to PDF bytes, with the laid-out document.
    pub fn make(&self, sel: &Selection, today: NaiveDate) -> Result<(Handout, Document, Vec<u8>)> {
        let h = self.handout(sel, today)?;
        let doc = self.lay_out(&h)?;
        let bytes = self.render(&doc)?;
        Ok((h, doc, bytes))
    }
}

/// The longest side, in millimetres, that any template prints a picture at
/// (the picture column, up to 1.3 times as tall; a logo up to four times as wide as tall).
fn max_print_mm(lib: &Library) -> f32 {
    lib.template_ids()
        .filter_map(|id| lib.template(id).ok())
        .map(|t| (t.card.picture_width_mm.0 * 1.3).max(t.header.logo_height_mm.0 * 4.0))
        .fold(65.0, f32::max)
}
