//! Exercise items as a clinician types them: `ID[:SETSxREPS][@HOLDs]`.

use super::{bad, Field};
use crate::error::Result;

/// A change to an exercise's default dose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoseOverride {
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    /// `Some(0)` removes the hold.
    pub hold_seconds: Option<u32>,
    /// `Some(0)` removes the duration.
    pub duration_seconds: Option<u32>,
    pub per_day: Option<u32>,
    pub days_per_week: Option<u32>,
    pub frequency: Option<String>,
    pub each_side: Option<bool>,
}

impl DoseOverride {
    /// Parse a dose as typed after an exercise id: `3x12@5s`, `2x10`, `@5s`, or
    /// nothing (keep the default).
    pub fn parse(text: &str) -> Result<DoseOverride> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(DoseOverride::default());
        }
        let (sets_reps, hold) = match t.split_once('@') {
            Some((sr, h)) => (sr, Some(h)),
            None => (t, None),
        };
        let sets_reps = (!sets_reps.trim().is_empty()).then_some(sets_reps);
        parse_dose(t, sets_reps, hold)
    }
}

/// Items with more sets, repetitions or seconds than this are refused.
pub const MAX_COUNT: u32 = 999;
/// The longest hold, in seconds.
pub const MAX_HOLD_SECONDS: u32 = 600;

/// `SETSxREPS` and `HOLDs` of an item (`whole` names it in errors).
fn parse_dose(whole: &str, sets_reps: Option<&str>, hold: Option<&str>) -> Result<DoseOverride> {
    let err = |reason: &str| bad(Field::Exercises, whole, reason);
    let hold_seconds = match hold {
        Some(hold) => {
            let h = hold.trim();
            let digits = h.strip_suffix(['s', 'S']).unwrap_or(h);
            let secs: u32 = digits
                .parse()
                .map_err(|_| err("the hold after @ must be seconds, like @5s"))?;
            if secs > MAX_HOLD_SECONDS {
                return Err(err("a hold can be at most 600 seconds"));
            }
            Some(secs)
        }
        None => None,
    };
    let (sets, reps) = match sets_reps {
        Some(dose) => {
            let (s, r) = dose
                .trim()
                .split_once(['x', 'X', '×'])
                .ok_or_else(|| err("the dose after : must be SETSxREPS, like 3x12"))?;
            let count = |t: &str, what: &str| -> Result<u32> {
                match t.trim().parse::<u32>() {
                    Ok(n) if (1..=MAX_COUNT).contains(&n) => Ok(n),
                    _ => Err(err(&format!(
                        "{what} must be a whole number from 1 to 999 (SETSxREPS, like 3x12)"
                    ))),
                }
            };
            (Some(count(s, "sets")?), Some(count(r, "reps")?))
        }
        None => (None, None),
    };
    Ok(DoseOverride {
        sets,
        reps,
        hold_seconds,
        ..Default::default()
    })
}

/// One chosen exercise: `ID[:SETSxREPS][@HOLDs]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpec {
    pub id: String,
    pub dose: DoseOverride,
    pub note: Option<String>,
}

impl ItemSpec {
    /// An exercise with its default dose.
    pub fn plain(id: impl Into<String>) -> ItemSpec {
        ItemSpec {
            id: id.into(),
            dose: DoseOverride::default(),
            note: None,
        }
    }

    /// Parse one item, e.g. `clams`, `clams:3x12`, `hip-hitch:2x10@5s`, `clams@3s`.
    pub fn parse(item: &str) -> Result<ItemSpec> {
        let item = item.trim();
        let (rest, hold) = match item.split_once('@') {
            Some((rest, hold)) => (rest, Some(hold)),
            None => (item, None),
        };
        let (id, sets_reps) = match rest.split_once(':') {
            Some((id, dose)) => (id, Some(dose)),
            None => (rest, None),
        };
        // The dose is checked first: its message is the more useful one.
        let dose = parse_dose(item, sets_reps, hold)?;
        let id = id.trim();
        if id.is_empty() {
            return Err(bad(Field::Exercises, item, "the exercise id is missing"));
        }
        if !crate::content::is_valid_id(id) {
            return Err(bad(
                Field::Exercises,
                item,
                "an exercise id is lowercase letters, digits and hyphens, like hip-hitch",
            ));
        }
        Ok(ItemSpec {
            id: id.to_string(),
            dose,
            note: None,
        })
    }

    /// Parse a list of items separated by commas or semicolons.
    pub fn parse_list(list: &str) -> Result<Vec<ItemSpec>> {
        list.split([',', ';'])
            .filter(|s| !s.trim().is_empty())
            .map(ItemSpec::parse)
            .collect()
    }

    /// The item in its own syntax (`clams:3x12@5s`), when the syntax can say its dose.
    pub fn syntax(&self) -> Option<String> {
        let d = &self.dose;
        if d.frequency.is_some()
            || d.each_side.is_some()
            || d.duration_seconds.is_some()
            || d.per_day.is_some()
            || d.days_per_week.is_some()
        {
            return None;
        }
        let hold = d.hold_seconds.map(|h| format!("@{h}s")).unwrap_or_default();
        match (d.sets, d.reps) {
            (Some(s), Some(r)) => Some(format!("{}:{s}x{r}{hold}", self.id)),
            (None, None) => Some(format!("{}{hold}", self.id)),
            _ => None,
        }
    }
}
