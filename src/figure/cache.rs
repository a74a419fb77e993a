//! Figures drawn once per run and shared: by exercise and ink colour.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::{draw, Drawing, FigureError, FigureSpec, FigureStyle, Rgb};

/// Each exercise's figure is drawn the first time a handout of the run needs
/// it (in the clinic's, or the template's, colour) and then reused, across
/// threads.
#[derive(Default)]
pub struct FigureCache {
    drawings: Mutex<HashMap<(String, Rgb), Arc<Drawing>>>,
}

impl FigureCache {
    /// The figure of exercise `id`, drawn from `spec` with `ink`.
    pub fn get(&self, id: &str, spec: &FigureSpec, ink: Rgb) -> Result<Arc<Drawing>, FigureError> {
        let key = (id.to_string(), ink);
        if let Some(d) = self.lock().get(&key) {
            return Ok(d.clone());
        }
        let drawn = Arc::new(draw(spec, &FigureStyle::new(ink))?);
        Ok(self.lock().entry(key).or_insert(drawn).clone())
    }

    /// How many figures were drawn (for tests).
    pub fn drawn(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, Rgb), Arc<Drawing>>> {
        self.drawings.lock().unwrap_or_else(|e| e.into_inner())
    }
}
