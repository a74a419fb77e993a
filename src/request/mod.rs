//! Requests: raw choices from any face (command-line flags, a roster row, the
//! prompts, later a web form) turned into the typed [`Selection`] the engine
//! works from.
//!
//! Each rule is written once, here: what a paper size, a date, a log length, an
//! exercise item, an exercise note or an appointment may look like. Faces pass
//! the text they received in a [`Choices`] (or call the single parsers below for
//! one value, as the prompts do) and get back either a selection or an
//! [`Error::Choice`] that names the [`Field`] at fault, so each face can point at
//! its own flag, column or question.

mod dates;
pub(crate) mod field;
mod items;
pub mod text;
mod values;

use chrono::NaiveDate;

use crate::error::{Error, Result};

pub use dates::{parse_date_as, parse_time, DateOrder};
pub use field::Field;
pub use items::{DoseOverride, ItemSpec, MAX_COUNT, MAX_HOLD_SECONDS};
pub use values::{
    parse_date, parse_exercise_note, parse_log_weeks, split_notes, Appointment, ExerciseNote,
    Paper, MAX_LOG_WEEKS,
};

/// The error for a value of `field` that cannot be used.
pub(crate) fn bad(field: Field, value: &str, reason: impl Into<String>) -> Error {
    Error::Choice {
        field,
        value: value.to_string(),
        reason: reason.into(),
    }
}

/// What the clinician chose for one patient, typed and checked for syntax (the
/// library is consulted later, by [`crate::program::resolve`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub patient: String,
    pub program: Option<String>,
    /// The heading when there is no program (a re-issued plan keeps its title).
    pub title: Option<String>,
    pub items: Vec<ItemSpec>,
    /// Exercises to leave out (of a program or a re-issued plan).
    pub without: Vec<String>,
    /// The order to print the exercises in, by id (the rest follow in their
    /// own order); empty: a program's order, then the items'.
    pub order: Vec<String>,
    pub date: Option<NaiveDate>,
    pub clinician: Option<String>,
    pub notes: Option<String>,
    /// Notes for single exercises: (exercise id, text).
    pub exercise_notes: Vec<ExerciseNote>,
    /// `None`: the default paper.
    pub paper: Option<Paper>,
    /// `None`: the default template.
    pub template: Option<String>,
    /// Weeks of tick-box exercise log to add (0 or none: no log).
    pub log_weeks: Option<u8>,
    pub next_appointment: Option<Appointment>,
}

/// Raw choices as a face received them: text, not yet checked. Empty or
/// whitespace-only values count as not given.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub patient: Option<String>,
    pub program: Option<String>,
    /// Lists of exercise items (`clams,hip-hitch:2x10@5s`); several lists add up.
    pub exercises: Vec<String>,
    /// Exercise ids to leave out, in lists like the items.
    pub without: Vec<String>,
    pub date: Option<String>,
    pub clinician: Option<String>,
    /// General notes, printed under the exercises.
    pub notes: Option<String>,
    /// Notes for single exercises, `ID=TEXT` each.
    pub exercise_notes: Vec<String>,
    pub paper: Option<String>,
    pub template: Option<String>,
    pub log: Option<String>,
    pub next_appointment: Option<String>,
}

/// A value that was given: cleaned at the edge ([`text::clean`]), trimmed,
/// and not empty.
fn given(field: Field, v: &Option<String>) -> Result<Option<String>> {
    match v {
        Some(raw) => {
            let t = text::clean(field, raw)?;
            let t = t.trim();
            Ok((!t.is_empty()).then(|| t.to_string()))
        }
        None => Ok(None),
    }
}

/// How a clinic writes things that can be read more than one way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rules {
    /// Which comes first in a date written with numbers only.
    pub date_order: DateOrder,
}

impl Choices {
    /// Check every value and build the selection, dates read day first. The
    /// first bad value is the error.
    pub fn selection(&self) -> Result<Selection> {
        self.selection_with(Rules::default())
    }

    /// Check every value and build the selection under the clinic's `rules`.
    pub fn selection_with(&self, rules: Rules) -> Result<Selection> {
        let mut items = Vec::new();
        for list in &self.exercises {
            items.extend(ItemSpec::parse_list(&text::clean(Field::Exercises, list)?)?);
        }
        let mut without = Vec::new();
        for list in &self.without {
            for item in ItemSpec::parse_list(&text::clean(Field::Exercises, list)?)? {
                without.push(item.id);
            }
        }
        let mut exercise_notes = Vec::new();
        for n in &self.exercise_notes {
            if let Some(n) = given(Field::ExerciseNote, &Some(n.clone()))? {
                exercise_notes.push(parse_exercise_note(&n)?);
            }
        }
        let date = given(Field::Date, &self.date)?;
        let paper = given(Field::Paper, &self.paper)?;
        let log = given(Field::Log, &self.log)?;
        let next = given(Field::NextAppointment, &self.next_appointment)?;
        Ok(Selection {
            patient: given(Field::Patient, &self.patient)?.unwrap_or_default(),
            program: given(Field::Program, &self.program)?.map(|p| p.to_lowercase()),
            title: None,
            items,
            without,
            order: Vec::new(),
            date: date
                .as_deref()
                .map(|d| parse_date_as(d, rules.date_order, Field::Date))
                .transpose()?,
            clinician: given(Field::Clinician, &self.clinician)?,
            notes: given(Field::Notes, &self.notes)?,
            exercise_notes,
            paper: paper.as_deref().map(Paper::parse).transpose()?,
            template: given(Field::Template, &self.template)?.map(|t| t.to_lowercase()),
            log_weeks: log.as_deref().map(parse_log_weeks).transpose()?,
            next_appointment: next
                .as_deref()
                .map(|a| Appointment::parse_as(a, rules.date_order))
                .transpose()?,
        })
    }
}

#[cfg(test)]
mod tests;
