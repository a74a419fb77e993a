//! Single values: paper sizes, dates, appointments, log lengths and notes.

use chrono::NaiveDate;

use super::dates::{parse_date_as, parse_time, DateOrder};
use super::{bad, Field};
use crate::error::Result;

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

impl<'de> serde::Deserialize<'de> for Paper {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Paper::parse(&s).map_err(|_| {
            serde::de::Error::custom(format!("`{s}` is not a paper size: write a4 or letter"))
        })
    }
}

/// The next appointment: a date and maybe a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appointment {
    pub date: NaiveDate,
    pub time: Option<chrono::NaiveTime>,
}

impl Appointment {
    /// Parse a date (day first) and maybe a time: `2026-12-02 10:30`.
    pub fn parse(s: &str) -> Result<Appointment> {
        Appointment::parse_as(s, DateOrder::DayFirst)
    }

    /// Parse a date, numbers read in `order`, and maybe a time:
    /// `2026-12-02 10:30`, `2/12/2026 2:30pm`, `2 December 2026`.
    pub fn parse_as(s: &str, order: DateOrder) -> Result<Appointment> {
        let t = s.trim();
        let date = |d: &str| parse_date_as(d, order, Field::NextAppointment);
        if let Some((d, tm)) = t.split_once('T') {
            if let (Ok(date), Some(time)) = (date(d), parse_time(tm)) {
                return Ok(Appointment {
                    date,
                    time: Some(time),
                });
            }
        }
        // The time is the last word or two ("10:30", "2:30 pm"), when they read as one.
        let words: Vec<&str> = t.split_whitespace().collect();
        for n in [2, 1] {
            if words.len() > n {
                let (d, tm) = words.split_at(words.len() - n);
                let has_time_mark = tm.concat().contains([':', '.'])
                    || tm.last().is_some_and(|w| {
                        let w = w.to_lowercase();
                        w.ends_with("am") || w.ends_with("pm")
                    });
                if let (true, Some(time)) = (has_time_mark, parse_time(&tm.join(" "))) {
                    if let Ok(date) = date(&d.join(" ")) {
                        return Ok(Appointment {
                            date,
                            time: Some(time),
                        });
                    }
                }
            }
        }
        Ok(Appointment {
            date: date(t)?,
            time: None,
        })
    }
}

/// Parse a date: ISO (`2026-11-25`), day first (`25/11/2026`) or in words.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    parse_date_as(s, DateOrder::DayFirst, Field::Date)
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
    let id = id.trim().to_lowercase();
    let id = id.as_str();
    if !crate::ids::is_valid_id(id) {
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
            // Written as an id (lowercase): "Dose = as shown" stays a general note.
            .is_some_and(|(id, _)| crate::ids::is_valid_id(id.trim()));
        if is_exercise_note {
            per_exercise.push(part.to_string());
        } else {
            general.push(part);
        }
    }
    let general = (!general.is_empty()).then(|| general.join("\n"));
    (general, per_exercise)
}
