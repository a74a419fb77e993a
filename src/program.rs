//! The patient's selection, resolved against the library into a [`Handout`].
//!
//! This module reads no files itself: it asks the [`Library`] for exercises and
//! presets and combines them with what the clinician chose (command-line flags
//! or a roster row).

use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::content::{Count, DoseSpec, Exercise, Library, Seconds};
use crate::error::{Error, Pos, Result};

/// Paper sizes, in PostScript points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn parse(s: &str) -> Result<Paper> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" => Ok(Paper::Letter),
            _ => Err(Error::BadPaper(s.to_string())),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
}

/// A change to an exercise's default dose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoseOverride {
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    /// `Some(0)` removes the hold.
    pub hold_seconds: Option<u32>,
    pub frequency: Option<String>,
    pub each_side: Option<bool>,
}

/// The dose printed on a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dose {
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    pub hold_seconds: u32,
    pub frequency: Option<String>,
    pub each_side: bool,
}

impl Dose {
    pub fn from_spec(spec: &DoseSpec) -> Dose {
        Dose {
            sets: spec.sets.map(|Count(n)| n),
            reps: spec.reps.map(|Count(n)| n),
            hold_seconds: spec.hold_seconds.map_or(0, |Seconds(s)| s),
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
        if o.frequency.is_some() {
            self.frequency.clone_from(&o.frequency);
        }
        if let Some(e) = o.each_side {
            self.each_side = e;
        }
        self
    }

    /// The parts of the dose in reading order: `["3 sets × 12 reps", "hold 5 seconds", ...]`.
    pub fn parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        let plural =
            |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match (self.sets, self.reps) {
            (Some(s), Some(r)) => parts.push(format!(
                "{} × {}",
                plural(s, "set", "sets"),
                plural(r, "rep", "reps")
            )),
            (Some(s), None) => parts.push(plural(s, "set", "sets")),
            (None, Some(r)) => parts.push(plural(r, "rep", "reps")),
            (None, None) => {}
        }
        if self.hold_seconds > 0 {
            parts.push(format!(
                "hold {}",
                plural(self.hold_seconds, "second", "seconds")
            ));
        }
        if let Some(f) = &self.frequency {
            if !f.trim().is_empty() {
                parts.push(f.trim().to_string());
            }
        }
        if self.each_side {
            parts.push("each side".into());
        }
        parts
    }
}

impl fmt::Display for Dose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.parts().join(" · "))
    }
}

/// One chosen exercise: `ID[:SETSxREPS][@HOLDs]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpec {
    pub id: String,
    pub dose: DoseOverride,
    pub note: Option<String>,
}

impl ItemSpec {
    /// Parse one item, e.g. `clams`, `clams:3x12`, `hip-hitch:2x10@5s`, `clams@3s`.
    pub fn parse(item: &str) -> Result<ItemSpec> {
        let item = item.trim();
        let bad = |reason: &str| Error::BadItem {
            item: item.to_string(),
            reason: reason.to_string(),
        };
        let (rest, hold) = match item.split_once('@') {
            Some((rest, hold)) => {
                let digits = hold.trim().strip_suffix(['s', 'S']).unwrap_or(hold.trim());
                let secs: u32 = digits
                    .parse()
                    .map_err(|_| bad("the hold after @ must be seconds, like @5s"))?;
                if secs > 600 {
                    return Err(bad("a hold can be at most 600 seconds"));
                }
                (rest, Some(secs))
            }
            None => (item, None),
        };
        let (id, sets, reps) = match rest.split_once(':') {
            Some((id, dose)) => {
                let dose = dose.trim();
                let (s, r) = dose
                    .split_once(['x', 'X', '×'])
                    .ok_or_else(|| bad("the dose after : must be SETSxREPS, like 3x12"))?;
                let count = |t: &str, what: &str| -> Result<u32> {
                    match t.trim().parse::<u32>() {
                        Ok(n) if (1..=999).contains(&n) => Ok(n),
                        _ => Err(bad(&format!(
                            "{what} must be a whole number from 1 to 999 (SETSxREPS, like 3x12)"
                        ))),
                    }
                };
                (id, Some(count(s, "sets")?), Some(count(r, "reps")?))
            }
            None => (rest, None, None),
        };
        let id = id.trim();
        if id.is_empty() {
            return Err(bad("the exercise id is missing"));
        }
        if !crate::content::is_valid_id(id) {
            return Err(bad(
                "an exercise id is lowercase letters, digits and hyphens, like hip-hitch",
            ));
        }
        Ok(ItemSpec {
            id: id.to_string(),
            dose: DoseOverride {
                sets,
                reps,
                hold_seconds: hold,
                ..Default::default()
            },
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
}

/// What the clinician chose for one patient.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub patient: String,
    pub program: Option<String>,
    pub items: Vec<ItemSpec>,
    pub date: Option<NaiveDate>,
    pub clinician: Option<String>,
    pub notes: Option<String>,
    /// Notes for single exercises: (exercise id, text).
    pub exercise_notes: Vec<(String, String)>,
    pub paper: Paper,
    pub template: Option<String>,
    /// Weeks of tick-box exercise log to add (0 or none: no log).
    pub log_weeks: Option<u8>,
    pub next_appointment: Option<Appointment>,
}

/// The most weeks of log a handout can have.
pub const MAX_LOG_WEEKS: u8 = 12;

/// The next appointment: a date and maybe a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appointment {
    pub date: NaiveDate,
    pub time: Option<chrono::NaiveTime>,
}

impl Appointment {
    /// Parse `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
    pub fn parse(s: &str) -> Result<Appointment> {
        let t = s.trim();
        let bad = || Error::BadAppointment(s.to_string());
        let (d, time) = match t.split_once([' ', 'T']) {
            Some((d, tm)) => (
                d,
                Some(chrono::NaiveTime::parse_from_str(tm.trim(), "%H:%M").map_err(|_| bad())?),
            ),
            None => (t, None),
        };
        let date = parse_date(d).map_err(|_| bad())?;
        Ok(Appointment { date, time })
    }
}

impl fmt::Display for Appointment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.date.format("%A"), long_date(self.date))?;
        if let Some(t) = self.time {
            write!(f, " at {}", t.format("%H:%M"))?;
        }
        Ok(())
    }
}

/// Parse `ID=TEXT`, a note for one exercise.
pub fn parse_exercise_note(s: &str) -> Result<(String, String)> {
    let bad = |why: &str| Error::BadItem {
        item: s.to_string(),
        reason: why.to_string(),
    };
    let (id, text) = s
        .split_once('=')
        .ok_or_else(|| bad("a note is ID=TEXT, like clams=\"Use the green band\""))?;
    let id = id.trim();
    if !crate::content::is_valid_id(id) {
        return Err(bad(
            "a note is ID=TEXT, where ID is an exercise id like clams",
        ));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(bad("the note is empty"));
    }
    Ok((id.to_string(), text.to_string()))
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
    pub items: Vec<HandoutItem>,
    pub paper: Paper,
    pub template: String,
    pub log_weeks: u8,
    pub next_appointment: Option<Appointment>,
}

/// Parse `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    if t.len() != 10 {
        return Err(Error::BadDate(s.to_string()));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| Error::BadDate(s.to_string()))
}

/// `25 November 2026`: the unambiguous way to write a date for patients.
pub fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

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
    let mut program_title = None;
    if let Some(pid) = &sel.program {
        let program = lib.program(pid)?;
        program_title = Some(program.title.clone());
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
            let o = DoseOverride {
                sets: pi.sets.map(|c| c.0),
                reps: pi.reps.map(|c| c.0),
                hold_seconds: pi.hold_seconds.map(|s| s.0),
                frequency: pi.frequency.clone(),
                each_side: pi.each_side,
            };
            let dose = Dose::from_spec(&exercise.dose).with(&o);
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
    if items.is_empty() {
        return Err(Error::NoExercises);
    }
    for (id, text) in &sel.exercise_notes {
        match items.iter_mut().find(|i| &i.exercise.id == id) {
            Some(item) => item.note = Some(text.clone()),
            None => {
                return Err(Error::BadItem {
                    item: format!("{id}={text}"),
                    reason: format!("the note is for `{id}`, which is not in this handout"),
                })
            }
        }
    }
    let log_weeks = sel.log_weeks.unwrap_or(0);
    if log_weeks > MAX_LOG_WEEKS {
        return Err(Error::BadLog(log_weeks.to_string()));
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
        items,
        paper: sel.paper,
        template: sel.template.clone().unwrap_or_else(|| "standard".into()),
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

    fn item(s: &str) -> ItemSpec {
        ItemSpec::parse(s).unwrap()
    }

    #[test]
    fn item_syntax() {
        assert_eq!(item("clams").id, "clams");
        assert_eq!(item("clams").dose, DoseOverride::default());
        let i = item("hip-hitch:2x10@5s");
        assert_eq!(i.id, "hip-hitch");
        assert_eq!(
            (i.dose.sets, i.dose.reps, i.dose.hold_seconds),
            (Some(2), Some(10), Some(5))
        );
        let i = item(" clams@3 ");
        assert_eq!((i.dose.sets, i.dose.hold_seconds), (None, Some(3)));
        let i = item("clams:3X12");
        assert_eq!((i.dose.sets, i.dose.reps), (Some(3), Some(12)));
        let i = item("clams:3×12@0s");
        assert_eq!(i.dose.hold_seconds, Some(0));
    }

    #[test]
    fn bad_items() {
        for (s, why) in [
            ("clams:3", "SETSxREPS"),
            ("clams:x12", "sets must be"),
            ("clams:3x", "reps must be"),
            ("clams:0x12", "sets must be"),
            ("clams@five", "seconds"),
            ("clams@900s", "600"),
            (":3x12", "id is missing"),
            ("Clams", "lowercase"),
        ] {
            let e = ItemSpec::parse(s).unwrap_err();
            assert!(
                matches!(&e, Error::BadItem { .. }) && e.to_string().contains(why),
                "{s}: {e}"
            );
        }
    }

    #[test]
    fn item_lists() {
        let l = ItemSpec::parse_list("clams, hip-hitch:2x10@5s;hip-hinge,").unwrap();
        let ids: Vec<_> = l.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["clams", "hip-hitch", "hip-hinge"]);
    }

    #[test]
    fn dose_text() {
        let d = Dose {
            sets: Some(3),
            reps: Some(12),
            hold_seconds: 5,
            frequency: Some("daily".into()),
            each_side: true,
        };
        assert_eq!(
            d.to_string(),
            "3 sets × 12 reps · hold 5 seconds · daily · each side"
        );
        let d = Dose {
            sets: Some(1),
            reps: None,
            hold_seconds: 1,
            frequency: None,
            each_side: false,
        };
        assert_eq!(d.to_string(), "1 set · hold 1 second");
    }

    #[test]
    fn dates() {
        let d = parse_date("2026-11-25").unwrap();
        assert_eq!(long_date(d), "25 November 2026");
        for bad in ["2026-13-01", "2026-02-30", "25/11/2026", "2026-1-5", ""] {
            assert!(matches!(parse_date(bad), Err(Error::BadDate(_))), "{bad}");
        }
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
        let a = Appointment::parse("2026-12-02 10:30").unwrap();
        assert_eq!(a.to_string(), "Wednesday 2 December 2026 at 10:30");
        assert_eq!(
            Appointment::parse("2026-12-02").unwrap().to_string(),
            "Wednesday 2 December 2026"
        );
        for bad in ["2026-12-02 25:00", "tomorrow", "02/12/2026 10:30"] {
            assert!(
                matches!(Appointment::parse(bad), Err(Error::BadAppointment(_))),
                "{bad}"
            );
        }
        assert_eq!(
            parse_exercise_note("clams= Use the green band ").unwrap(),
            ("clams".to_string(), "Use the green band".to_string())
        );
        assert!(parse_exercise_note("clams").is_err());
        assert!(parse_exercise_note("Clams=x").is_err());
        assert!(parse_exercise_note("clams=").is_err());

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
        assert!(matches!(resolve(&lib, &sel, today), Err(Error::BadLog(_))));
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
