//! The engine: everything one run loads once (the library, fonts, pictures,
//! templates and the layout cache), and the one function that makes a handout.
//!
//! Every face (`make`, `batch`, the prompts, later the web app) builds a
//! [`Selection`](crate::request::Selection) and calls [`Engine::make`]; nothing
//! else assembles the pipeline. An engine is shared by reference across threads
//! (a batch) and across requests (a server).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::assets::ImageStore;
use crate::content::{Library, Template};
use crate::error::Result;
use crate::figure::FigureCache;
use crate::fonts::FontBook;
use crate::layout::{self, Document};
use crate::plan::{self, Plan};
use crate::program::{self, Handout};
use crate::render::{self, Attachment, PdfOptions};
use crate::request::Selection;
use crate::words::Words;

/// A handout made: its PDF and what a face may want to say about it.
#[derive(Debug)]
pub struct Made {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// The resolved handout (patient, date, items), e.g. to name the file.
    pub handout: Handout,
}

/// Everything loaded once per run.
pub struct Engine {
    library: Library,
    fonts: FontBook,
    images: ImageStore,
    /// How PDFs are written: tagged (PDF/UA-1) by default, PDF/A on request.
    pdf: PdfOptions,
    resources: render::Resources,
    templates: Mutex<HashMap<String, Arc<Template>>>,
    layout_cache: layout::LayoutCache,
    words: Words,
    figures: FigureCache,
}

impl Engine {
    /// Load the fonts and prepare the PDF resources for `library`. `pdf` says
    /// how every handout of the run is written; the clinic's `pdfa = true`
    /// turns PDF/A on as well.
    pub fn new(library: Library, mut pdf: PdfOptions) -> Result<Engine> {
        pdf.pdfa |= library.clinic.pdfa;
        let fonts = FontBook::load(&library)?;
        let resources = render::Resources::new(&fonts)?;
        let images = ImageStore::new(max_print_mm(&library));
        let words = Words::for_language(&library.clinic.language);
        Ok(Engine {
            words,
            figures: FigureCache::default(),
            pdf,
            library,
            fonts,
            images,
            resources,
            templates: Mutex::new(HashMap::new()),
            layout_cache: layout::LayoutCache::default(),
        })
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn pdf_options(&self) -> PdfOptions {
        self.pdf
    }

    /// The words of the clinic's language.
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// Make one handout: the selection resolved against the library, laid out
    /// and rendered to PDF bytes that carry the handout's plan.
    pub fn make(&self, sel: &Selection, today: NaiveDate) -> Result<Made> {
        let handout = self.resolve(sel, today)?;
        let doc = self.lay_out(&handout)?;
        let plan = Attachment {
            name: plan::FILE_NAME.into(),
            description: plan::DESCRIPTION.into(),
            mime: "text/plain".into(),
            data: Plan::of(&handout).to_toml().into_bytes(),
        };
        let pdf = render::pdf(&doc, &self.resources, &self.images, self.pdf, Some(&plan))?;
        Ok(Made {
            pdf,
            pages: doc.pages.len(),
            handout,
        })
    }

    /// The selection resolved against the library.
    pub fn resolve(&self, sel: &Selection, today: NaiveDate) -> Result<Handout> {
        program::resolve(&self.library, sel, today)
    }

    /// A resolved handout laid out on its pages (the pictures it shows are
    /// prepared first, each once per run).
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
        let inputs = layout::Inputs {
            clinic,
            template: &template,
            fonts: &self.fonts,
            images: &self.images,
            words: &self.words,
            figures: &self.figures,
        };
        layout::lay_out(h, &inputs, Some(&self.layout_cache))
    }

    /// A contact sheet of the figures (or pictures) of `ids`, in the
    /// clinic's colours.
    pub fn sheet(&self, ids: &[&str], spec: layout::SheetSpec) -> Result<Document> {
        let exercises = ids
            .iter()
            .map(|id| self.library.exercise(id))
            .collect::<Result<Vec<_>>>()?;
        let mut names: Vec<&str> = Vec::new();
        for ex in &exercises {
            names.extend(ex.images.iter().map(|i| i.file.as_str()));
        }
        for n in names {
            self.images.get(&self.library, n)?;
        }
        let template = self.template(program::DEFAULT_TEMPLATE)?;
        let inputs = layout::Inputs {
            clinic: &self.library.clinic,
            template: &template,
            fonts: &self.fonts,
            images: &self.images,
            words: &self.words,
            figures: &self.figures,
        };
        let refs: Vec<&crate::content::Exercise> = exercises.iter().map(|e| &**e).collect();
        layout::sheet(&refs, &inputs, spec)
    }

    /// A laid-out document as SVG pages, drawn as the PDF is.
    pub fn preview(&self, doc: &Document) -> Result<Vec<String>> {
        render::preview(doc, &self.resources, &self.images)
    }

    /// A laid-out document as PNG pages at `dpi`.
    pub fn png(&self, doc: &Document, dpi: f32) -> Result<Vec<Vec<u8>>> {
        render::png(doc, &self.resources, &self.images, dpi)
    }

    /// A laid-out document rendered to PDF bytes (without a plan: for pages
    /// that are not a handout, such as a contact sheet).
    pub fn render(&self, doc: &Document) -> Result<Vec<u8>> {
        render::pdf(doc, &self.resources, &self.images, self.pdf, None)
    }

    /// A template, parsed once.
    fn template(&self, id: &str) -> Result<Arc<Template>> {
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
}

/// The longest side, in millimetres, that any template prints a picture at
/// (the picture column, up to 1.3 times as tall; a logo up to four times as wide as tall).
fn max_print_mm(lib: &Library) -> f32 {
    lib.template_ids()
        .filter_map(|id| lib.template(id).ok())
        .map(|t| (t.card.picture_width_mm.0 * 1.3).max(t.header.logo_height_mm.0 * 4.0))
        .fold(65.0, f32::max)
}
