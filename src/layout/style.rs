//! The context every section builder shares ([`Ctx`]): the fonts, the
//! template, the clinic, the colours and the width to fill, with the text
//! styles, line pitch, wrapping and measuring built on them; and the one door
//! to picture sizes ([`ImageSizes`], [`Ctx::picture_size`]).

use std::collections::HashMap;

use crate::content::{Clinic, Colours, Rgb, Template};
use crate::error::{Error, Result};
use crate::figure::FigureCache;
use crate::fonts::{FontBook, Weight};
use crate::words::Words;

use super::document::Color;
use super::flow::Inputs;
use super::text::{self, Line, ShapeCache, Span, Style};

/// The sizes of the images a handout uses, in any unit (only the ratio matters).
pub trait ImageSizes {
    fn size(&self, name: &str) -> Option<(f32, f32)>;
}

impl ImageSizes for HashMap<String, (f32, f32)> {
    fn size(&self, name: &str) -> Option<(f32, f32)> {
        self.get(name).copied()
    }
}

impl From<Rgb> for Color {
    fn from(c: Rgb) -> Color {
        Color(c.0, c.1, c.2)
    }
}

impl From<Color> for Rgb {
    fn from(c: Color) -> Rgb {
        Rgb(c.0, c.1, c.2)
    }
}

/// The template's (or clinic's) colours, as layout paints them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    pub(crate) primary: Color,
    pub(crate) tint: Color,
    pub(crate) text: Color,
}

impl From<Colours> for Palette {
    fn from(c: Colours) -> Palette {
        Palette {
            primary: c.primary.into(),
            tint: c.tint.into(),
            text: c.text.into(),
        }
    }
}

/// Everything the section builders share.
#[derive(Clone)]
pub(crate) struct Ctx<'a> {
    pub(crate) fonts: &'a FontBook,
    pub(crate) images: &'a dyn ImageSizes,
    pub(crate) t: &'a Template,
    pub(crate) clinic: &'a Clinic,
    pub(crate) words: &'a Words,
    pub(crate) figures: &'a FigureCache,
    /// Paragraphs already shaped in this layout.
    pub(crate) shaped: &'a ShapeCache,
    pub(crate) colours: Palette,
    /// The width to fill, in points.
    pub(crate) width: f32,
    /// The plan box says how often to do every exercise, so a dose in short
    /// leaves it out.
    pub(crate) often_in_plan: bool,
}

impl<'a> Ctx<'a> {
    /// The context of one layout: `inputs` shared by the run, `shaped` for
    /// this layout, `width` to fill.
    pub(crate) fn new(inputs: &Inputs<'a>, shaped: &'a ShapeCache, width: f32) -> Ctx<'a> {
        Ctx {
            fonts: inputs.fonts,
            images: inputs.images,
            t: inputs.template,
            clinic: inputs.clinic,
            words: inputs.words,
            figures: inputs.figures,
            shaped,
            colours: inputs
                .template
                .colours
                .unwrap_or(inputs.clinic.colours)
                .into(),
            width,
            often_in_plan: false,
        }
    }

    pub(crate) fn style(&self, weight: Weight, size: f32, color: Color) -> Style {
        Style {
            weight,
            size,
            color,
        }
    }
    pub(crate) fn body(&self) -> Style {
        self.style(Weight::Regular, self.t.text.body_pt.0, self.colours.text)
    }
    pub(crate) fn bold(&self) -> Style {
        self.style(Weight::Bold, self.t.text.body_pt.0, self.colours.text)
    }
    pub(crate) fn small(&self) -> Style {
        self.style(Weight::Regular, self.t.text.small_pt.0, self.colours.text)
    }
    pub(crate) fn pitch(&self, size: f32) -> f32 {
        size * self.t.text.line_height.0
    }
    /// A dark grey for labels, still high contrast on white.
    pub(crate) fn muted(&self) -> Color {
        self.colours.text.mix(Color::WHITE, 0.22)
    }
    pub(crate) fn rule_colour(&self) -> Color {
        self.colours.primary.mix(Color::WHITE, 0.55)
    }
    pub(crate) fn wrap(&self, spans: &[Span], width: f32, context: &str) -> Result<Vec<Line>> {
        text::wrap_in(self.shaped, self.fonts, spans, width, context)
    }
    /// [`Ctx::wrap`], the first `narrow.1` lines `narrow.0` wide, the rest `wide`.
    pub(crate) fn wrap_around(
        &self,
        spans: &[Span],
        narrow: (f32, usize),
        wide: f32,
        context: &str,
    ) -> Result<Vec<Line>> {
        text::wrap_around_in(self.shaped, self.fonts, spans, narrow, wide, context)
    }
    pub(crate) fn measure(&self, s: &str, style: Style) -> Result<f32> {
        text::measure_in(self.shaped, self.fonts, s, style, "the layout")
    }
    /// The natural size of the picture `name` (only the ratio matters). A
    /// picture that was not prepared is an error, never silently left out.
    pub(crate) fn picture_size(&self, name: &str) -> Result<(f32, f32)> {
        self.images
            .size(name)
            .ok_or_else(|| Error::PictureNotLoaded {
                name: name.to_string(),
            })
    }
}
