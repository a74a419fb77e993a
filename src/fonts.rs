//! The fonts of one run: parsed once, shared by every handout.
//!
//! A [`FontBook`] holds the main family (regular and bold) and the fallback
//! faces named in `fonts/fonts.toml`. Text is drawn character by character with
//! the first face of its weight's chain that has the character.

use std::sync::{Arc, RwLock};

use crate::content::Library;
use crate::error::{Error, Result};

/// Index of a face in the [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontId(pub u16);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One parsed font face.
pub struct Face {
    /// The file name, for messages.
    pub name: String,
    /// The font file. Faces live as long as the process (a run loads them once).
    pub data: &'static [u8],
    pub shaper: rustybuzz::Face<'static>,
    pub units_per_em: f32,
    /// Ascender and descender as fractions of the em (descender negative).
    pub ascender: f32,
    pub descender: f32,
    /// Shaping plans by script (left to right), made once: building a plan costs
    /// far more than shaping a paragraph with it.
    plans: RwLock<Vec<(rustybuzz::Script, Arc<rustybuzz::ShapePlan>)>>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face").field("name", &self.name).finish()
    }
}

impl Face {
    fn parse(name: String, data: &'static [u8]) -> Result<Face> {
        let shaper = rustybuzz::Face::from_slice(data, 0).ok_or_else(|| {
            Error::file(
                name.clone(),
                "not a font file that can be read (TrueType or OpenType)",
            )
        })?;
        let upem = shaper.units_per_em() as f32;
        Ok(Face {
            ascender: shaper.ascender() as f32 / upem,
            descender: shaper.descender() as f32 / upem,
            units_per_em: upem,
            name,
            data,
            shaper,
            plans: RwLock::new(Vec::new()),
        })
    }

    /// The shaping plan for left-to-right text in `script`.
    pub fn plan(&self, script: rustybuzz::Script) -> Arc<rustybuzz::ShapePlan> {
        let find = |v: &Vec<(rustybuzz::Script, Arc<rustybuzz::ShapePlan>)>| {
            v.iter().find(|(s, _)| *s == script).map(|(_, p)| p.clone())
        };
        if let Some(p) = find(&self.plans.read().unwrap_or_else(|e| e.into_inner())) {
            return p;
        }
        let mut plans = self.plans.write().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = find(&plans) {
            return p;
        }
        let plan = Arc::new(rustybuzz::ShapePlan::new(
            &self.shaper,
            rustybuzz::Direction::LeftToRight,
            Some(script),
            None,
            &[],
        ));
        plans.push((script, plan.clone()));
        plan
    }

    pub fn has_char(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

#[derive(Debug)]
pub struct FontBook {
    faces: Vec<Face>,
    regular: Vec<FontId>,
    bold: Vec<FontId>,
}

impl FontBook {
    /// Load the fonts named by the library's `fonts/fonts.toml`.
    pub fn load(lib: &Library) -> Result<FontBook> {
        let manifest = lib.fonts_manifest()?;
        let mut faces: Vec<Face> = Vec::new();
        let mut load = |file: &str| -> Result<FontId> {
            let rel = format!("fonts/{file}");
            if let Some(i) = faces.iter().position(|f| f.name == lib.display(&rel)) {
                return Ok(FontId(i as u16));
            }
            if !lib.has_file(&rel) {
                return Err(Error::file(
                    lib.display("fonts/fonts.toml"),
                    format!("the font file `{file}` is not in the fonts folder"),
                ));
            }
            let data: &'static [u8] = match lib.read(&rel)? {
                std::borrow::Cow::Borrowed(b) => b,
                // Loaded once per run and kept for its whole life.
                std::borrow::Cow::Owned(v) => Box::leak(v.into_boxed_slice()),
            };
            faces.push(Face::parse(lib.display(&rel), data)?);
            Ok(FontId(faces.len() as u16 - 1))
        };
        let mut regular = vec![load(&manifest.regular)?];
        let mut bold = vec![load(&manifest.bold)?];
        for f in &manifest.fallback_regular {
            regular.push(load(f)?);
        }
        for f in &manifest.fallback_bold {
            bold.push(load(f)?);
        }
        Ok(FontBook {
            faces,
            regular,
            bold,
        })
    }

    pub fn face(&self, id: FontId) -> &Face {
        &self.faces[id.0 as usize]
    }

    pub fn faces(&self) -> impl Iterator<Item = (FontId, &Face)> {
        self.faces
            .iter()
            .enumerate()
            .map(|(i, f)| (FontId(i as u16), f))
    }

    /// The faces tried, in order, for a weight.
    pub fn chain(&self, weight: Weight) -> &[FontId] {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The main face of a weight (for line metrics).
    pub fn primary(&self, weight: Weight) -> &Face {
        self.face(self.chain(weight)[0])
    }

    /// The first face of the weight's chain that has `c`.
    pub fn covering(&self, weight: Weight, c: char) -> Option<FontId> {
        self.chain(weight)
            .iter()
            .copied()
            .find(|&id| self.face(id).has_char(c))
    }

    /// The first character of `text` that no face of `weight` has.
    pub fn uncovered(&self, weight: Weight, text: &str) -> Option<char> {
        text.chars()
            .filter(|c| !c.is_control())
            .find(|&c| self.covering(weight, c).is_none() && !is_invisible(c))
    }
}

/// Characters that draw nothing and need no glyph of their own.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || ('\u{FE00}'..='\u{FE0F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_fonts_cover_latin_greek_cyrillic() {
        let lib = Library::builtin().unwrap();
        let book = FontBook::load(&lib).unwrap();
        for w in [Weight::Regular, Weight::Bold] {
            assert_eq!(book.uncovered(w, "Zoë Ó'Brien ×·–"), None);
            assert_eq!(book.uncovered(w, "Αλέξανδρος Ωμέγα"), None);
            assert_eq!(book.uncovered(w, "Наталья Щукина"), None);
            assert_eq!(book.uncovered(w, "王"), Some('王'));
        }
        // Latin is drawn with the main family.
        assert_eq!(
            book.covering(Weight::Regular, 'ë'),
            Some(book.chain(Weight::Regular)[0])
        );
    }
}
