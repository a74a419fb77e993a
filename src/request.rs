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

use std::fmt;

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// One of the things a clinician chooses for a handout. Faces name it their own
/// way (a flag, a roster column, a question); [`Field::name`] is the roster column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Patient,
    Program,
    Exercises,
    Date,
    Clinician,
    Notes,
    /// A note on one exercise's card (`ID=TEXT`).
    ExerciseNote,
    Paper,
    Template,
    Log,
    NextAppointment,
    /// The output file name.
    Output,
}

impl Field {
    /// Every field, in the order a roster lists its known columns.
    pub const ALL: [Field; 11] = [
        Field::Patient,
        Field::Exercises,
        Field::Program,
        Field::Date,
        Field::Clinician,
        Field::Notes,
        Field::Paper,
        Field::Template,
        Field::Output,
        Field::Log,
        Field::NextAppointment,
    ];

    /// The field's name as a roster column.
    pub fn name(self) -> &'static str {
        match self {
            Field::Patient => "patient",
            Field::Program => "program",
            Field::Exercises => "exercises",
            Field::Date => "date",
            Field::Clinician => "clinician",
            Field::Notes => "notes",
            Field::ExerciseNote => "notes",
            Field::Paper => "paper",
            Field::Template => "template",
            Field::Log => "log",
            Field::NextAppointment => "next-appointment",
            Field::Output => "output",
        }
    }

    /// The field a roster column names (already trimmed and lowercased).
    pub fn from_name(name: &str) -> Option<Field> {
        match name {
            "next appointment" => Some(Field::NextAppointment),
            _ => Field::ALL.into_iter().find(|f| f.name() == name),
        }
    }

    /// What a value of this field is called in a message: "bad date `x`".
    pub fn what(self) -> &'static str {
        match self {
            Field::Patient => "patient name",
            Field::Program => "program",
            Field::Exercises => "exercise item",
            Field::Date => "date",
            Field::Clinician => "clinician",
            Field::Notes => "notes",
            Field::ExerciseNote => "exercise item",
            Field::Paper => "paper size",
            Field::Template => "template",
            Field::Log => "log length",
            Field::NextAppointment => "appointment",
            Field::Output => "output name",
        }
    }

    /// How a good value looks, face-neutral (no flag or column names), where
    /// the message alone does not say it.
    pub fn example(self) -> Option<&'static str> {
        match self {
            Field::Exercises => Some(
                "an item is ID[:SETSxREPS][@HOLDs], for example clams, clams:3x12 or hip-hitch:2x10@5s",
            ),
            _ => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a value of `field` that cannot be used.
fn bad(field: Field, value: &str, reason: impl Into<String>) -> Error {
    Error::Choice {
        field,
        value: value.to_string(),
        reason: reason.into(),
    }
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PostScript points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// `a4`, `letter` or `us-letter`, in any case.
    pub fn parse(s: &str) -> Result<Paper> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" => Ok(Paper::Letter),
            _ => Err(bad(Field::Paper, s, "expected a4 or letter")),
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
        if d.frequency.is_some() || d.each_side.is_some() {
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
        let err = || {
            bad(
                Field::NextAppointment,
                s,
                "expected YYYY-MM-DD HH:MM, for example 2026-12-02 10:30",
            )
        };
        let (d, time) = match t.split_once([' ', 'T']) {
            Some((d, tm)) => (
                d,
                Some(chrono::NaiveTime::parse_from_str(tm.trim(), "%H:%M").map_err(|_| err())?),
            ),
            None => (t, None),
        };
        let date = parse_date(d).map_err(|_| err())?;
        Ok(Appointment { date, time })
    }
}

/// Parse `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    let err = || {
        bad(
            Field::Date,
            s,
            "expected YYYY-MM-DD, for example 2026-11-25",
        )
    };
    if t.len() != 10 {
        return Err(err());
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| err())
}

/// The most weeks of log a handout can have.
pub const MAX_LOG_WEEKS: u8 = 12;

/// Parse a number of weeks of log, 0 to [`MAX_LOG_WEEKS`].
pub fn parse_log_weeks(s: &str) -> Result<u8> {
    s.trim()
        .parse::<u8>()
        .ok()
        .filter(|w| *w <= MAX_LOG_WEEKS)
        .ok_or_else(|| bad(Field::Log, s, "expected a number of weeks from 0 to 12"))
}

/// Parse `ID=TEXT`, a note for one exercise.
pub fn parse_exercise_note(s: &str) -> Result<(String, String)> {
    let err = |why: &str| bad(Field::ExerciseNote, s, why);
    let (id, text) = s
        .split_once('=')
        .ok_or_else(|| err("a note is ID=TEXT, like clams=\"Use the green band\""))?;
    let id = id.trim();
    if !crate::content::is_valid_id(id) {
        return Err(err(
            "a note is ID=TEXT, where ID is an exercise id like clams",
        ));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(err("the note is empty"));
    }
    Ok((id.to_string(), text.to_string()))
}

/// A note for one exercise: (exercise id, text).
pub type ExerciseNote = (String, String);

/// A notes field that may carry notes for single exercises (a roster's `notes`
/// cell): parts separated by `|`; a part that starts `ID=` is a note on that
/// exercise's card (checked later, as [`Choices::exercise_notes`]), the others
/// are general notes, joined by line breaks.
pub fn split_notes(field: &str) -> (Option<String>, Vec<String>) {
    let mut general = Vec::new();
    let mut per_exercise = Vec::new();
    for part in field.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        let is_exercise_note = part
            .split_once('=')
            .is_some_and(|(id, _)| crate::content::is_valid_id(id.trim()));
        if is_exercise_note {
            per_exercise.push(part.to_string());
        } else {
            general.push(part);
        }
    }
    let general = (!general.is_empty()).then(|| general.join("\n"));
    (general, per_exercise)
}

/// What the clinician chose for one patient, typed and checked for syntax (the
/// library is consulted later, by [`crate::program::resolve`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub patient: String,
    pub program: Option<String>,
    pub items: Vec<ItemSpec>,
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

/// A value that was given: trimmed, and not empty.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Choices {
    /// Check every value and build the selection. The first bad value is the error.
    pub fn selection(&self) -> Result<Selection> {
        let mut items = Vec::new();
        for list in &self.exercises {
            items.extend(ItemSpec::parse_list(list)?);
        }
        let exercise_notes = self
            .exercise_notes
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| parse_exercise_note(n))
            .collect::<Result<Vec<_>>>()?;
        Ok(Selection {
            patient: self.patient.clone().unwrap_or_default(),
            program: given(&self.program).map(str::to_string),
            items,
            date: given(&self.date).map(parse_date).transpose()?,
            clinician: given(&self.clinician).map(str::to_string),
            notes: given(&self.notes).map(str::to_string),
            exercise_notes,
            paper: given(&self.paper).map(Paper::parse).transpose()?,
            template: given(&self.template).map(str::to_string),
            log_weeks: given(&self.log).map(parse_log_weeks).transpose()?,
            next_appointment: given(&self.next_appointment)
                .map(Appointment::parse)
                .transpose()?,
        })
    }
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
        // And back again.
        for s in ["clams", "clams:3x12", "hip-hitch:2x10@5s", "clams@3s"] {
            assert_eq!(item(s).syntax().as_deref(), Some(s));
        }
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
                matches!(
                    &e,
                    Error::Choice {
                        field: Field::Exercises,
                        ..
                    }
                ) && e.to_string().contains(why),
                "{s}: {e}"
            );
            assert!(e.to_string().starts_with("bad exercise item `"), "{e}");
        }
    }

    #[test]
    fn item_lists() {
        let l = ItemSpec::parse_list("clams, hip-hitch:2x10@5s;hip-hinge,").unwrap();
        let ids: Vec<_> = l.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["clams", "hip-hitch", "hip-hinge"]);
    }

    #[test]
    fn doses_as_typed_alone() {
        assert_eq!(DoseOverride::parse("").unwrap(), DoseOverride::default());
        let o = DoseOverride::parse(" 3x12@5s ").unwrap();
        assert_eq!(
            (o.sets, o.reps, o.hold_seconds),
            (Some(3), Some(12), Some(5))
        );
        assert_eq!(DoseOverride::parse("@0s").unwrap().hold_seconds, Some(0));
        assert!(DoseOverride::parse("5s").is_err());
        assert!(DoseOverride::parse("3x12@").is_err());
    }

    #[test]
    fn dates_papers_logs() {
        assert!(parse_date("2026-11-25").is_ok());
        for bad in ["2026-13-01", "2026-02-30", "25/11/2026", "2026-1-5", ""] {
            let e = parse_date(bad).unwrap_err();
            assert!(
                matches!(
                    e,
                    Error::Choice {
                        field: Field::Date,
                        ..
                    }
                ),
                "{bad}"
            );
            assert_eq!(
                e.to_string(),
                format!("bad date `{bad}`: expected YYYY-MM-DD, for example 2026-11-25")
            );
        }
        // The flag, the roster and the prompts all take the same spellings.
        for p in ["a4", "A4", " letter", "US-Letter"] {
            assert!(Paper::parse(p).is_ok(), "{p}");
        }
        assert_eq!(
            Paper::parse("a5").unwrap_err().to_string(),
            "bad paper size `a5`: expected a4 or letter"
        );
        assert_eq!(parse_log_weeks(" 4 ").unwrap(), 4);
        assert_eq!(parse_log_weeks("12").unwrap(), MAX_LOG_WEEKS);
        for bad in ["13", "-1", "four", "300"] {
            assert_eq!(
                parse_log_weeks(bad).unwrap_err().to_string(),
                format!("bad log length `{bad}`: expected a number of weeks from 0 to 12")
            );
        }
    }

    #[test]
    fn appointments_and_notes() {
        let a = Appointment::parse("2026-12-02 10:30").unwrap();
        assert_eq!(a.time.unwrap().to_string(), "10:30:00");
        for bad in ["2026-12-02 25:00", "tomorrow", "02/12/2026 10:30"] {
            assert!(
                matches!(
                    Appointment::parse(bad),
                    Err(Error::Choice {
                        field: Field::NextAppointment,
                        ..
                    })
                ),
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
    }

    #[test]
    fn notes_field_syntax() {
        let (g, e) = split_notes("Walk daily | clams=Use the green band|hip-hitch = Hold the sink");
        assert_eq!(g.as_deref(), Some("Walk daily"));
        let e: Vec<_> = e.iter().map(|n| parse_exercise_note(n).unwrap()).collect();
        assert_eq!(
            e,
            [
                ("clams".to_string(), "Use the green band".to_string()),
                ("hip-hitch".to_string(), "Hold the sink".to_string())
            ]
        );
        // An equals sign in plain text is not an exercise note.
        let (g, e) = split_notes("Dose = as shown");
        assert_eq!((g.as_deref(), e.len()), (Some("Dose = as shown"), 0));
    }

    #[test]
    fn choices_become_a_selection_with_each_rule_applied() {
        let c = Choices {
            patient: Some("Jane Doe".into()),
            program: Some(" ".into()),
            exercises: vec!["clams:3x12".into(), "hip-hitch".into()],
            date: Some("2026-11-25".into()),
            paper: Some("Letter".into()),
            log: Some("4".into()),
            next_appointment: Some("2026-12-02 10:30".into()),
            exercise_notes: vec!["clams=Green band".into()],
            ..Default::default()
        };
        let s = c.selection().unwrap();
        assert_eq!(s.program, None, "a blank value is not given");
        assert_eq!(s.items.len(), 2);
        assert_eq!(s.paper, Some(Paper::Letter));
        assert_eq!(s.log_weeks, Some(4));
        assert_eq!(s.exercise_notes.len(), 1);
        assert!(s.next_appointment.is_some());
        let e = Choices {
            log: Some("13".into()),
            ..c
        }
        .selection()
        .unwrap_err();
        assert!(
            matches!(
                e,
                Error::Choice {
                    field: Field::Log,
                    ..
                }
            ),
            "{e}"
        );
    }
}
