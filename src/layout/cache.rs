//! The layout cache: laid-out cards and fixed sections (the safety box,
//! footers) kept between the handouts of one run, by what they depend on.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::content::Template;
use crate::error::Result;
use crate::program::{Dose, HandoutItem};

use super::frame::{Frame, Split};
use super::sections::card::card;
use super::style::Ctx;

/// A laid-out card and where it may be cut across pages.
type CutCard = (Frame, Option<Split>);

/// Laid-out exercise cards kept between handouts of one run: in a roster most
/// patients share exercises, doses and numbering, and a card depends on nothing
/// else. Memoisation only: results are the same with or without it.
#[derive(Default)]
pub struct LayoutCache {
    cards: Mutex<HashMap<CardKey, Arc<CutCard>>>,
    /// Sections that are the same on every handout: the safety box, footers.
    fixed: Mutex<HashMap<(String, u32, String), Arc<Frame>>>,
    hits: AtomicUsize,
}

impl LayoutCache {
    /// Entries kept at most in each map (a run with more distinct ones starts over).
    const LIMIT: usize = 2048;

    /// How many sections were reused instead of laid out again so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// `build()`, or its earlier result for the same key in `map`.
    fn get_or_build<K: Hash + Eq, V: Clone>(
        &self,
        map: &Mutex<HashMap<K, Arc<V>>>,
        key: K,
        build: impl FnOnce() -> Result<V>,
    ) -> Result<V> {
        if let Some(f) = map.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok((**f).clone());
        }
        let f = build()?;
        let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= LayoutCache::LIMIT {
            map.clear();
        }
        map.insert(key, Arc::new(f.clone()));
        Ok(f)
    }
}

/// A section that is the same on every handout with this template and width
/// (`what` names it), reused from `cache` when it was built before.
pub(crate) fn fixed_frame(
    cache: Option<&LayoutCache>,
    t: &Template,
    width: f32,
    what: String,
    build: impl FnOnce() -> Result<Frame>,
) -> Result<Frame> {
    let Some(c) = cache else { return build() };
    c.get_or_build(&c.fixed, (t.id.clone(), width.to_bits(), what), build)
}

/// What a card depends on besides the run's fonts, clinic and template.
#[derive(Hash, PartialEq, Eq)]
struct CardKey {
    template: String,
    width: u32,
    index: usize,
    exercise: String,
    dose: Dose,
    note: Option<String>,
    often_in_plan: bool,
}

/// A card and where it may be cut, reused from `cache` when the same card
/// was laid out before in this run.
pub(crate) fn card_cached(
    cx: &Ctx,
    cache: Option<&LayoutCache>,
    index: usize,
    item: &HandoutItem,
) -> Result<(Frame, Option<Split>)> {
    let Some(c) = cache else {
        return card(cx, index, item);
    };
    let key = CardKey {
        template: cx.t.id.clone(),
        width: cx.width.to_bits(),
        index,
        exercise: item.exercise.id.clone(),
        dose: item.dose.clone(),
        note: item.note.clone(),
        often_in_plan: cx.often_in_plan,
    };
    c.get_or_build(&c.cards, key, || card(cx, index, item))
}
