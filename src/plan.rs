//! The plan: what a handout prescribed, carried inside its own PDF as a small
//! embedded TOML file, so a clinician can re-issue or progress it later
//! (`handout make --from OLD.pdf`) without any patient database.
//!
//! The plan holds the resolved handout (each exercise with the dose it was
//! given, in order, with its note), written in the request syntax the command
//! line and rosters use, so reading it back goes through the same rules.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::program::{Dose, Handout};
use crate::request::{Appointment, DoseOverride, Field, ItemSpec, Paper, Selection};

/// The embedded file's name in the PDF.
pub const FILE_NAME: &str = "handout-plan.toml";
/// What the embedded file is, for readers of the PDF.
pub const DESCRIPTION: &str = "The exercise plan of this handout, for `handout make --from`";
/// The largest PDF read to find a plan (a handout is well under a megabyte).
pub const MAX_PDF_BYTES: u64 = 50 * 1024 * 1024;

/// One exercise as it was prescribed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PlanItem {
    pub id: String,
    /// The dose in item syntax, e.g. `3x12@3s 1/day each-side`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dose: String,
    /// How often, in the clinic's own words, when the dose said it so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a handout prescribed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Plan {
    /// The version of this format.
    pub format: u32,
    pub patient: String,
    /// The handout's date, `YYYY-MM-DD`.
    pub date: String,
    /// The program whose title headed the handout, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinician: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub paper: String,
    pub template: String,
    #[serde(default)]
    pub log_weeks: u8,
    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_appointment: Option<String>,
    #[serde(rename = "exercise")]
    pub exercises: Vec<PlanItem>,
}

/// The dose as a change from nothing: every part it has.
fn full_override(d: &Dose) -> DoseOverride {
    DoseOverride {
        sets: d.sets,
        reps: d.reps,
        hold_seconds: Some(d.hold_seconds),
        duration_seconds: (d.duration_seconds > 0).then_some(d.duration_seconds),
        per_day: d.per_day,
        days_per_week: d.days_per_week,
        frequency: None,
        each_side: Some(d.each_side),
    }
}

impl Plan {
    pub const FORMAT: u32 = 1;

    /// The plan of a resolved handout.
    pub fn of(h: &Handout) -> Plan {
        Plan {
            format: Plan::FORMAT,
            patient: h.patient.clone(),
            date: h.date.format("%Y-%m-%d").to_string(),
            title: h.program_title.clone(),
            clinician: h.clinician.clone(),
            notes: h.notes.clone(),
            paper: h.paper.name().to_string(),
            template: h.template.clone(),
            log_weeks: h.log_weeks,
            next_appointment: h.next_appointment.map(|a| match a.time {
                Some(t) => format!("{} {}", a.date.format("%Y-%m-%d"), t.format("%H:%M")),
                None => a.date.format("%Y-%m-%d").to_string(),
            }),
            exercises: h
                .items
                .iter()
                .map(|i| {
                    // Every part of a dose has a syntax (how often in the
                    // clinic's words is kept beside it, and left out here).
                    let dose = full_override(&i.dose).syntax().unwrap_or_default();
                    PlanItem {
                        id: i.exercise.id.clone(),
                        dose,
                        frequency: i.dose.frequency.clone(),
                        note: i.note.clone(),
                    }
                })
                .collect(),
        }
    }

    /// The plan as the TOML text embedded in the PDF.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!("# {DESCRIPTION}.\n{body}")
    }

    /// Read a plan; `shown` names where it came from in errors.
    pub fn from_toml(shown: &str, text: &[u8]) -> Result<Plan> {
        let plan: Plan = crate::content::parse_toml(shown, text)?;
        if plan.format != Plan::FORMAT {
            return Err(Error::file(
                shown,
                format!(
                    "the plan is in format {}, and this version of handout reads format {}",
                    plan.format,
                    Plan::FORMAT
                ),
            ));
        }
        Ok(plan)
    }

    /// The selection that makes this handout again (checked by the request
    /// rules, as if typed).
    pub fn selection(&self) -> Result<Selection> {
        // The words come from a file anyone may have edited: they pass the
        // same rules as typed ones (length, control characters, accents).
        let clean = |field: Field, s: &str| crate::request::text::clean(field, s);
        let clean_opt =
            |field: Field, s: &Option<String>| s.as_deref().map(|s| clean(field, s)).transpose();
        let mut items = Vec::new();
        for p in &self.exercises {
            let text = if p.dose.is_empty() {
                p.id.clone()
            } else if p.dose.starts_with('@') {
                format!("{}{}", p.id, p.dose)
            } else {
                format!("{}:{}", p.id, p.dose)
            };
            let mut item = ItemSpec::parse(&text)?;
            item.dose.frequency = clean_opt(Field::Exercises, &p.frequency)?;
            item.note = clean_opt(Field::ExerciseNote, &p.note)?;
            items.push(item);
        }
        Ok(Selection {
            patient: clean(Field::Patient, &self.patient)?,
            title: clean_opt(Field::Program, &self.title)?,
            items,
            date: Some(crate::request::parse_date(&self.date)?),
            clinician: clean_opt(Field::Clinician, &self.clinician)?,
            notes: clean_opt(Field::Notes, &self.notes)?,
            paper: Some(Paper::parse(&self.paper)?),
            template: Some(clean(Field::Template, &self.template)?),
            log_weeks: Some(self.log_weeks),
            next_appointment: self
                .next_appointment
                .as_deref()
                .map(Appointment::parse)
                .transpose()?,
            ..Default::default()
        })
    }

    /// The plan of the handout in the file `path` (refused unread when it is
    /// larger than any handout).
    pub fn read(path: &std::path::Path) -> Result<Plan> {
        let shown = path.display().to_string();
        let read_err = |source| Error::Read {
            path: shown.clone(),
            source,
        };
        if std::fs::metadata(path).map_err(read_err)?.len() > MAX_PDF_BYTES {
            return Err(Error::file(
                &shown,
                "this is larger than any handout; is it the right file?",
            ));
        }
        let bytes = std::fs::read(path).map_err(read_err)?;
        Plan::from_pdf(&shown, &bytes)
    }

    /// The plan embedded in a handout's PDF (`shown` names the file).
    pub fn from_pdf(shown: &str, bytes: &[u8]) -> Result<Plan> {
        let not_one = |why: &str| {
            Error::file(shown, format!("no plan could be read from it: {why}")).with_hint(
                "give a PDF made by handout (version 0.2 or later); older handouts carry no plan",
            )
        };
        if bytes.len() as u64 > MAX_PDF_BYTES {
            return Err(not_one("it is larger than any handout"));
        }
        if !bytes.starts_with(b"%PDF-") {
            return Err(not_one("it is not a PDF file"));
        }
        // A damaged file must not bring the program down: the parser is
        // someone else's code, run on whatever file the user names.
        let parsed = std::panic::catch_unwind(|| embedded_plan(bytes));
        match parsed {
            Ok(Some(text)) => Plan::from_toml(&format!("{shown} (its plan)"), &text),
            Ok(None) => Err(not_one("it carries no handout plan")),
            Err(_) => Err(not_one("the PDF is damaged")),
        }
    }
}

/// The bytes of the embedded file named [`FILE_NAME`], if there is one.
fn embedded_plan(bytes: &[u8]) -> Option<Vec<u8>> {
    let doc = lopdf::Document::load_mem(bytes).ok()?;
    let catalog = doc.catalog().ok()?;
    let names = doc.dereference(catalog.get(b"Names").ok()?).ok()?.1;
    let files = doc
        .dereference(names.as_dict().ok()?.get(b"EmbeddedFiles").ok()?)
        .ok()?
        .1;
    let list = doc
        .dereference(files.as_dict().ok()?.get(b"Names").ok()?)
        .ok()?
        .1
        .as_array()
        .ok()?;
    for pair in list.chunks(2) {
        let [name, spec] = pair else { continue };
        let name = doc.dereference(name).ok()?.1.as_str().ok()?;
        if name != FILE_NAME.as_bytes() {
            continue;
        }
        let spec = doc.dereference(spec).ok()?.1.as_dict().ok()?;
        let ef = doc
            .dereference(spec.get(b"EF").ok()?)
            .ok()?
            .1
            .as_dict()
            .ok()?;
        let stream = doc
            .dereference(ef.get(b"F").ok()?)
            .ok()?
            .1
            .as_stream()
            .ok()?;
        return stream
            .decompressed_content()
            .ok()
            .or_else(|| Some(stream.content.clone()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::program::resolve;
    use crate::request::parse_date;

    /// Every dose of every built-in programme comes back from the plan as it
    /// was; a dose of sets with no repetitions (three holds) is written too.
    #[test]
    fn every_dose_survives_the_plan() {
        let lib = Library::builtin().unwrap();
        let date = parse_date("2026-11-25").unwrap();
        let doses = |h: &Handout| h.items.iter().map(|i| i.dose.clone()).collect::<Vec<_>>();
        for id in lib.program_ids() {
            let sel = Selection {
                patient: "Zoë Ó'Brien".into(),
                program: Some(id.to_string()),
                ..Default::default()
            };
            let mut h = resolve(&lib, &sel, date).unwrap();
            let plan = Plan::from_toml("test", Plan::of(&h).to_toml().as_bytes()).unwrap();
            assert!(plan.exercises.iter().all(|p| !p.dose.is_empty()), "{id}");
            let again = resolve(&lib, &plan.selection().unwrap(), date).unwrap();
            assert_eq!(doses(&again), doses(&h), "{id}");
            let d = &mut h.items[0].dose;
            (d.sets, d.reps, d.hold_seconds) = (Some(3), None, 45);
            let dose = &Plan::of(&h).exercises[0].dose;
            assert!(dose.starts_with("3 sets@45s"), "{id}: {dose}");
        }
    }

    /// A plan read from a file passes the rules typed words pass.
    #[test]
    fn the_words_of_a_plan_are_cleaned_like_typed_ones() {
        let lib = Library::builtin().unwrap();
        let sel = Selection {
            patient: "Jane Doe".into(),
            program: Some("glute-strength".into()),
            ..Default::default()
        };
        let h = resolve(&lib, &sel, parse_date("2026-11-25").unwrap()).unwrap();
        let mut plan = Plan::of(&h);
        plan.patient = "Jane \u{1b}[31mDoe".into();
        assert!(plan.selection().is_err(), "an escape code in the name");
        plan.patient = "Jane Doe".into();
        plan.notes = Some("Walk daily\u{c}Rest on Sundays".into());
        let notes = plan.selection().unwrap().notes.unwrap();
        assert!(
            !notes.contains('\u{c}') && notes.contains("daily"),
            "{notes:?}"
        );
        plan.exercises[0].note = Some("x".repeat(100_000));
        assert!(plan.selection().is_err(), "a note far too long");
    }
}
