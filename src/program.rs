//! The patient's selection, resolved against the library into a [`Handout`].
//!
//! This module reads no files itself: it asks the [`Library`] for exercises and
//! presets and combines them with what the clinician chose (a [`Selection`],
//! made by [`crate::request`] from whichever face the choice came through).

use std::sync::Arc;

use chrono::NaiveDate;

use crate::content::{Count, DoseSpec, Exercise, Library, ProgramItem, Seconds};
use crate::error::{Error, Pos, Result};
use crate::request::Field;
pub use crate::request::{
    parse_date, Appointment, DoseOverride, ItemSpec, Paper, Selection, MAX_LOG_WEEKS,
};
use crate::words::Words;

/// The dose printed on a card.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Dose {
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    pub hold_seconds: u32,
    /// For something done for a time: how long, in seconds (0: not timed).
    pub duration_seconds: u32,
    pub per_day: Option<u32>,
    pub days_per_week: Option<u32>,
    /// How often in the clinic's own words (printed instead of per day and days a week).
    pub frequency: Option<String>,
    pub each_side: bool,
}

impl Dose {
    pub fn from_spec(spec: &DoseSpec) -> Dose {
        Dose {
            sets: spec.sets.map(|Count(n)| n),
            reps: spec.reps.map(|Count(n)| n),
            hold_seconds: spec.hold_seconds.map_or(0, |Seconds(s)| s),
            duration_seconds: spec.duration_seconds.map_or(0, |d| d.0),
            per_day: spec.per_day.map(|d| d.0),
            days_per_week: spec.days_per_week.map(|d| d.0),
            frequency: spec.frequency.clone(),
            each_side: spec.each_side,
        }
    }

    pub fn with(mut self, o: &DoseOverride) -> Dose {
        if o.sets.is_some() {
            self.sets = o.sets;
        }
        if o.reps.is_some() {
            self.reps = o.reps;
        }
        if let Some(h) = o.hold_seconds {
            self.hold_seconds = h;
        }
        if let Some(d) = o.duration_seconds {
            self.duration_seconds = d;
        }
        if o.per_day.is_some() || o.days_per_week.is_some() {
            // A new "how often" replaces the clinic's own words for it.
            self.frequency = None;
        }
        if o.per_day.is_some() {
            self.per_day = o.per_day;
        }
        if o.days_per_week.is_some() {
            self.days_per_week = o.days_per_week;
        }
        if o.frequency.is_some() {
            self.frequency.clone_from(&o.frequency);
        }
        if let Some(e) = o.each_side {
            self.each_side = e;
        }
        self
    }

    /// The parts of the dose in reading order, in short:
    /// `["3 sets × 12 reps", "hold 5 seconds", "once a day", "each side"]`.
    pub fn parts(&self, w: &Words) -> Vec<String> {
        self.parts_with(w, true)
    }

    /// [`Dose::parts`], without how often when `often` is false (the plan
    /// says it once for every exercise).
    pub fn parts_with(&self, w: &Words, often: bool) -> Vec<String> {
        let mut parts = Vec::new();
        match (self.sets, self.reps) {
            (Some(s), Some(r)) => parts.push(w.dose_sets_reps(s, r)),
            (Some(s), None) => parts.push(w.dose_sets(s)),
            (None, Some(r)) => parts.push(w.dose_reps(r)),
            (None, None) => {}
        }
        if self.hold_seconds > 0 {
            parts.push(w.dose_hold(self.hold_seconds));
        }
        if self.duration_seconds > 0 {
            parts.push(w.dose_duration(self.duration_seconds));
        }
        match &self.frequency {
            _ if !often => {}
            Some(f) if !f.trim().is_empty() => parts.push(f.trim().to_string()),
            _ => {
                let weekly = self.days_per_week.filter(|d| *d < 7);
                match (self.per_day, weekly) {
                    // "3 days a week" says once on those days.
                    (Some(1) | None, Some(_)) | (None, None) => {}
                    (Some(n), _) => parts.push(w.dose_per_day(n)),
                }
                if let Some(d) = weekly {
                    parts.push(w.dose_days_a_week(d));
                }
            }
        }
        if self.each_side {
            parts.push(w.dose_each_side());
        }
        parts
    }

    /// The dose in short, on one line: `3 sets × 12 reps · hold 5 seconds`.
    pub fn short(&self, w: &Words) -> String {
        self.parts(w).join(&w.dose_separator())
    }
}

/// One exercise as it will be printed.
#[derive(Debug, Clone)]
pub struct HandoutItem {
    pub exercise: Arc<Exercise>,
    pub dose: Dose,
    pub note: Option<String>,
    /// The exercise's video, as a full address.
    pub video: Option<String>,
}

/// Everything one handout says, resolved and validated.
#[derive(Debug, Clone)]
pub struct Handout {
    pub patient: String,
    pub date: NaiveDate,
    pub clinician: Option<String>,
    pub notes: Option<String>,
    pub program_title: Option<String>,
    /// What the program is for, in one plain sentence (its `purpose`).
    pub purpose: Option<String>,
    /// What to do, in the clinic's own words (the program's `plan`).
    pub plan: Option<String>,
    pub items: Vec<HandoutItem>,
    pub paper: Paper,
    pub template: String,
    pub log_weeks: u8,
    pub next_appointment: Option<Appointment>,
}

impl Handout {
    /// Things that look wrong but do not stop the handout, for the face to show.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(a) = self.next_appointment.filter(|a| a.date < self.date) {
            warnings.push(format!(
                "the next appointment ({}) is before the handout's date ({}); it is printed as given",
                a.date.format("%Y-%m-%d"),
                self.date.format("%Y-%m-%d")
            ));
        }
        warnings
    }
}

/// The dose a preset (program) gives an exercise, as a change to its default.
pub fn preset_override(pi: &ProgramItem) -> DoseOverride {
    DoseOverride {
        sets: pi.sets.map(|c| c.0),
        reps: pi.reps.map(|c| c.0),
        hold_seconds: pi.hold_seconds.map(|s| s.0),
        duration_seconds: pi.duration_seconds.map(|d| d.0),
        per_day: pi.per_day.map(|d| d.0),
        days_per_week: pi.days_per_week.map(|d| d.0),
        frequency: pi.frequency.clone(),
        each_side: pi.each_side,
    }
}

/// The template used when the selection names none.
pub const DEFAULT_TEMPLATE: &str = "standard";

/// Combine the selection with the library into a handout.
///
/// A program's exercises come first, in its order; `items` then add exercises or,
/// for an exercise already in the program, change its dose.
pub fn resolve(lib: &Library, sel: &Selection, today: NaiveDate) -> Result<Handout> {
    let patient = sel.patient.split_whitespace().collect::<Vec<_>>().join(" ");
    if patient.is_empty() {
        return Err(Error::EmptyPatient);
    }
    let mut items: Vec<HandoutItem> = Vec::new();
    let mut program_title = sel.title.clone();
    let (mut purpose, mut plan) = (None, None);
    if let Some(pid) = &sel.program {
        let program = lib.program(pid)?;
        program_title = Some(program.title.clone());
        purpose = Some(program.purpose.trim().to_string()).filter(|p| !p.is_empty());
        plan = program
            .plan
            .as_ref()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        for pi in &program.exercises {
            let exercise = lib.exercise(pi.id.get_ref()).map_err(|e| {
                // Point at the id in the program file.
                match (&e, lib.program_source(pid)) {
                    (Error::UnknownExercise { .. }, Some((shown, text))) => Error::File {
                        path: shown,
                        pos: Some(Pos::of_offset(&text, pi.id.span().start)),
                        message: e.to_string(),
                        hint: e.hint(),
                    },
                    _ => e,
                }
            })?;
            let dose = Dose::from_spec(&exercise.dose).with(&preset_override(pi));
            items.push(HandoutItem {
                video: video_url(lib, &exercise)?,
                exercise,
                dose,
                note: pi.note.clone(),
            });
        }
    }
    for spec in &sel.items {
        let exercise = lib.exercise(&spec.id)?;
        if let Some(existing) = items.iter_mut().find(|i| i.exercise.id == spec.id) {
            existing.dose = existing.dose.clone().with(&spec.dose);
            if spec.note.is_some() {
                existing.note.clone_from(&spec.note);
            }
            continue;
        }
        let dose = Dose::from_spec(&exercise.dose).with(&spec.dose);
        items.push(HandoutItem {
            video: video_url(lib, &exercise)?,
            exercise,
            dose,
            note: spec.note.clone(),
        });
    }
    for id in &sel.without {
        if !items.iter().any(|i| &i.exercise.id == id) {
            return Err(Error::Choice {
                field: Field::Exercises,
                value: id.clone(),
                reason: format!("`{id}` is not in this handout, so it cannot be left out"),
            });
        }
        items.retain(|i| &i.exercise.id != id);
    }
    if items.is_empty() {
        return Err(Error::NoExercises);
    }
    if !sel.order.is_empty() {
        let rank = |id: &str| sel.order.iter().position(|o| o == id).unwrap_or(usize::MAX);
        items.sort_by_key(|i| rank(&i.exercise.id));
    }
    for (id, text) in &sel.exercise_notes {
        match items.iter_mut().find(|i| &i.exercise.id == id) {
            Some(item) => item.note = Some(text.clone()),
            None => {
                return Err(Error::Choice {
                    field: Field::ExerciseNote,
                    value: format!("{id}={text}"),
                    reason: match crate::error::suggest(
                        id,
                        items.iter().map(|i| i.exercise.id.as_str()),
                    ) {
                        Some(near) => format!(
                            "the note is for `{id}`, which is not in this handout; did you mean `{near}`?"
                        ),
                        None => format!("the note is for `{id}`, which is not in this handout"),
                    },
                })
            }
        }
    }
    let defaults = &lib.clinic.defaults;
    let log_weeks = sel
        .log_weeks
        .or(defaults.log_weeks.map(|w| w.0 as u8))
        .unwrap_or(0);
    if log_weeks > MAX_LOG_WEEKS {
        return Err(Error::Choice {
            field: Field::Log,
            value: log_weeks.to_string(),
            reason: "expected a number of weeks from 0 to 12".into(),
        });
    }
    let clean = |s: &Option<String>| {
        s.as_ref()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let clinician = match &sel.clinician {
        Some(c) => clean(&Some(c.clone())),
        None => clean(&Some(lib.clinic.default_clinician.clone())),
    };
    Ok(Handout {
        patient,
        date: sel.date.unwrap_or(today),
        clinician,
        notes: clean(&sel.notes),
        program_title,
        purpose,
        plan,
        items,
        paper: sel.paper.or(defaults.paper).unwrap_or_default(),
        template: sel
            .template
            .clone()
            .or_else(|| defaults.template.clone())
            .unwrap_or_else(|| DEFAULT_TEMPLATE.into()),
        log_weeks,
        next_appointment: sel.next_appointment,
    })
}

fn video_url(lib: &Library, ex: &Exercise) -> Result<Option<String>> {
    crate::content::video_url(&lib.clinic, ex)
        .map_err(|message| Error::file(lib.display(&format!("exercises/{}.toml", ex.id)), message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dose_text() {
        let d = Dose {
            sets: Some(3),
            reps: Some(12),
            hold_seconds: 5,
            frequency: Some("daily".into()),
            each_side: true,
            ..Default::default()
        };
        let w = Words::for_language("en");
        assert_eq!(
            d.short(&w),
            "3 sets × 12 reps · hold 5 seconds · daily · each side"
        );
        let d = Dose {
            sets: Some(1),
            reps: None,
            hold_seconds: 1,
            frequency: None,
            each_side: false,
            ..Default::default()
        };
        assert_eq!(d.short(&w), "1 set · hold 1 second");
        let d = Dose {
            reps: Some(3),
            hold_seconds: 30,
            per_day: Some(2),
            each_side: true,
            ..Default::default()
        };
        assert_eq!(
            d.short(&w),
            "3 reps · hold 30 seconds · twice a day · each side"
        );
        let d = Dose {
            duration_seconds: 600,
            per_day: Some(1),
            days_per_week: Some(5),
            ..Default::default()
        };
        assert_eq!(d.short(&w), "10 minutes · 5 days a week");
    }

    #[test]
    fn resolve_program_and_overrides() {
        let lib = Library::builtin().unwrap();
        let today = parse_date("2026-11-25").unwrap();
        let sel = Selection {
            patient: "  Zoë   Ó'Brien ".into(),
            program: Some("glute-strength".into()),
            items: ItemSpec::parse_list("hip-hitch:2x10@5s").unwrap(),
            ..Default::default()
        };
        let h = resolve(&lib, &sel, today).unwrap();
        assert_eq!(h.patient, "Zoë Ó'Brien");
        assert_eq!(h.items.len(), 5);
        let hitch = h
            .items
            .iter()
            .find(|i| i.exercise.id == "hip-hitch")
            .unwrap();
        assert_eq!(
            (hitch.dose.sets, hitch.dose.reps, hitch.dose.hold_seconds),
            (Some(2), Some(10), 5)
        );
        assert_eq!(h.date, today);
        assert_eq!(h.clinician.as_deref(), Some("David Morgan, Osteopath"));
    }

    #[test]
    fn appointments_and_notes() {
        let w = Words::for_language("en");
        let a = Appointment::parse("2026-12-02 10:30").unwrap();
        assert_eq!(
            w.appointment(a.date, a.time),
            "Wednesday 2 December 2026 at 10:30"
        );
        let a = Appointment::parse("2026-12-02").unwrap();
        assert_eq!(w.appointment(a.date, a.time), "Wednesday 2 December 2026");

        let lib = Library::builtin().unwrap();
        let today = parse_date("2026-11-25").unwrap();
        let mut sel = Selection {
            patient: "A B".into(),
            items: ItemSpec::parse_list("clams").unwrap(),
            exercise_notes: vec![("clams".into(), "Green band".into())],
            ..Default::default()
        };
        let h = resolve(&lib, &sel, today).unwrap();
        assert_eq!(h.items[0].note.as_deref(), Some("Green band"));
        sel.exercise_notes = vec![("hip-hitch".into(), "x".into())];
        let e = resolve(&lib, &sel, today).unwrap_err();
        assert!(e.to_string().contains("not in this handout"), "{e}");
        sel.exercise_notes.clear();
        sel.log_weeks = Some(13);
        assert!(matches!(
            resolve(&lib, &sel, today),
            Err(Error::Choice {
                field: Field::Log,
                ..
            })
        ));
    }

    #[test]
    fn resolve_errors() {
        let lib = Library::builtin().unwrap();
        let today = parse_date("2026-11-25").unwrap();
        let mut sel = Selection {
            patient: " ".into(),
            items: ItemSpec::parse_list("clams").unwrap(),
            ..Default::default()
        };
        assert!(matches!(
            resolve(&lib, &sel, today),
            Err(Error::EmptyPatient)
        ));
        sel.patient = "A B".into();
        sel.items = vec![];
        assert!(matches!(
            resolve(&lib, &sel, today),
            Err(Error::NoExercises)
        ));
        sel.items = ItemSpec::parse_list("clamz").unwrap();
        assert!(matches!(
            resolve(&lib, &sel, today),
            Err(Error::UnknownExercise { .. })
        ));
        sel.items = vec![];
        sel.program = Some("glute".into());
        assert!(matches!(
            resolve(&lib, &sel, today),
            Err(Error::UnknownProgram { .. })
        ));
    }
}
