//! The clinician's fast path: `handout` on a terminal asks for the patient,
//! the exercises and presets one by one (searched by typing, kept in the order
//! picked, then reordered if wanted), each dose and a note for each card, the
//! page design and the paper (the clinic's usual ones offered first), and a
//! note for the patient.
//!
//! The questions go through the [`Prompter`] trait: [`Terminal`] asks them on
//! the terminal (inquire); tests answer them from a script. The answers come
//! back typed ([`Answers`]), checked by the same rules as flags, and `make`
//! adds them to the selection it got from its flags.

mod terminal;

use std::io::IsTerminal;
use std::sync::Arc;

use handout::content::Library;
use handout::error::{Error, Result};
use handout::program::{preset_override, Dose, DEFAULT_TEMPLATE};
use handout::request::{text, DoseOverride, Field, ItemSpec, Paper};
use handout::words::Words;

pub use terminal::Terminal;

/// Checks an answer; `Err` holds the message to show before asking again.
pub type Check = Arc<dyn Fn(&str) -> std::result::Result<(), String> + Send + Sync>;

/// One line of text.
pub struct TextQuestion<'a> {
    pub message: &'a str,
    pub help: Option<&'a str>,
    /// Shown with the question and returned for an empty answer.
    pub default: Option<&'a str>,
    pub check: Check,
}

/// One choice from a list that can be searched by typing.
pub struct SelectQuestion<'a> {
    pub message: &'a str,
    pub help: &'a str,
    pub options: &'a [String],
    /// The option highlighted at first (Enter picks it).
    pub start: usize,
}

/// Asks questions. An answer is returned only once it passes the question's
/// check; Esc or Ctrl-C is [`Error::Cancelled`].
pub trait Prompter {
    fn text(&mut self, q: &TextQuestion<'_>) -> Result<String>;
    /// The index of the chosen option.
    fn select(&mut self, q: &SelectQuestion<'_>) -> Result<usize>;
    /// Tell the clinician something (a warning).
    fn say(&mut self, text: &str);
}

/// What the flags did not give, and so is asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ask {
    pub patient: bool,
    pub exercises: bool,
    pub notes: bool,
    pub template: bool,
    pub paper: bool,
}

/// The answers, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub patient: Option<String>,
    /// The first preset chosen: its title heads the handout.
    pub program: Option<String>,
    /// Exercises to add, or whose dose changes, or that have a note.
    pub items: Vec<ItemSpec>,
    /// Every chosen exercise, in the order to print them.
    pub order: Vec<String>,
    pub notes: Option<String>,
    pub template: Option<String>,
    pub paper: Option<Paper>,
}

/// Is there a terminal to ask questions on (keyboard in, prompts on standard error)?
pub fn have_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Ask on the terminal for what the flags did not give.
pub fn on_terminal(lib: &Library, what: Ask) -> Result<Answers> {
    if !have_terminal() {
        return Err(Error::NoTerminal);
    }
    ask(lib, &mut Terminal, what)
}

/// What the picker offers.
#[derive(Debug, Clone)]
enum Pick {
    Done,
    Program(String),
    Exercise(String),
}

/// An exercise on its way to the handout, with the dose it will get.
struct Chosen {
    id: String,
    title: String,
    dose: Dose,
    /// The preset it came from, if any.
    program: Option<String>,
}

fn check(f: impl Fn(&str) -> std::result::Result<(), String> + Send + Sync + 'static) -> Check {
    Arc::new(f)
}

/// The patient's name: the request rule, and not empty.
fn name_check() -> Check {
    check(|s| {
        let clean = text::clean(Field::Patient, s).map_err(|e| match e {
            Error::Choice { reason, .. } => reason,
            e => e.to_string(),
        })?;
        if clean.trim().is_empty() {
            Err("please type the patient's name".into())
        } else {
            Ok(())
        }
    })
}

/// Free text for `field` (a note): the request rule.
fn text_check(field: Field) -> Check {
    check(move |s| {
        text::clean(field, s).map(|_| ()).map_err(|e| match e {
            Error::Choice { reason, .. } => reason,
            e => e.to_string(),
        })
    })
}

/// Parse a dose as typed at the prompt: `3x12@5s`, `2x10`, `@5s`, or nothing
/// (keep the default); the message says what to type instead.
fn parse_dose(text: &str) -> std::result::Result<DoseOverride, String> {
    DoseOverride::parse(text).map_err(|e| match e {
        Error::Choice { reason, .. } => format!(
            "{}: type a dose like 3x12@5s, 2x10, @5s, 10min or 2/day",
            reason.replace("the dose after : ", "the dose ")
        ),
        e => e.to_string(),
    })
}

/// A dose in the item syntax (`3x10@3s each-side`), when the syntax can say it.
pub fn dose_syntax(d: &Dose) -> Option<String> {
    DoseOverride {
        sets: d.sets,
        reps: d.reps,
        hold_seconds: (d.hold_seconds > 0).then_some(d.hold_seconds),
        duration_seconds: (d.duration_seconds > 0).then_some(d.duration_seconds),
        per_day: d.per_day,
        days_per_week: d.days_per_week,
        // How often in the clinic's own words is not typed: Enter keeps it.
        frequency: None,
        each_side: d.each_side.then_some(true),
    }
    .syntax()
}

/// An order typed as numbers (`3 1 2`, `3,1`): the positions, each once; the
/// ones not typed follow in their order.
fn parse_order(text: &str, n: usize) -> std::result::Result<Vec<usize>, String> {
    let mut order = Vec::new();
    for part in text.split([' ', ',', ';']).filter(|p| !p.is_empty()) {
        let k: usize = part
            .parse()
            .ok()
            .filter(|k| (1..=n).contains(k))
            .ok_or_else(|| format!("`{part}` is not a number from 1 to {n}"))?;
        if order.contains(&(k - 1)) {
            return Err(format!("{k} is there twice"));
        }
        order.push(k - 1);
    }
    let rest: Vec<usize> = (0..n).filter(|k| !order.contains(k)).collect();
    order.extend(rest);
    Ok(order)
}

/// Ask what the flags did not give.
pub fn ask(lib: &Library, p: &mut dyn Prompter, what: Ask) -> Result<Answers> {
    let words = Words::for_language(&lib.clinic.language);
    let mut answers = Answers::default();
    if what.patient {
        let name = p.text(&TextQuestion {
            message: "Patient's name:",
            help: Some("as it should be printed on the handout"),
            default: None,
            check: name_check(),
        })?;
        answers.patient = Some(name.trim().to_string());
    }
    if what.exercises {
        let mut chosen = pick(lib, p)?;
        if chosen.len() > 1 {
            let list: Vec<String> = chosen
                .iter()
                .enumerate()
                .map(|(k, c)| format!("{} {}", k + 1, c.title))
                .collect();
            let message = format!("Order on the sheet: {}", list.join(" · "));
            let n = chosen.len();
            let typed = p.text(&TextQuestion {
                message: &message,
                help: Some("Enter keeps it; or type the numbers in the order you want, e.g. 2 1"),
                default: None,
                check: check(move |s| parse_order(s, n).map(|_| ())),
            })?;
            let order = parse_order(&typed, n).map_err(|reason| Error::Refused {
                message: reason,
                hint: None,
            })?;
            let mut slots: Vec<Option<Chosen>> = chosen.into_iter().map(Some).collect();
            chosen = order.into_iter().filter_map(|k| slots[k].take()).collect();
        }
        answers.program = chosen.iter().find_map(|c| c.program.clone());
        for c in &chosen {
            let default = dose_syntax(&c.dose);
            let help = format!(
                "{}. Enter keeps it; or type a dose, e.g. 3x12@5s, 2x10, @0s (no hold), 3x@30s, 10min, 2/day, each-side",
                c.dose.short(&words)
            );
            let message = format!("Dose for {}:", c.title);
            let typed = p.text(&TextQuestion {
                message: &message,
                help: Some(&help),
                default: default.as_deref(),
                check: check(|s| parse_dose(s).map(|_| ())),
            })?;
            // The answer passed its check, so it parses.
            let o = DoseOverride::parse(&typed)?;
            let dose = c.dose.clone().with(&o);
            let message = format!("Note on the {} card (optional):", c.title);
            let note = p.text(&TextQuestion {
                message: &message,
                help: Some("printed on this exercise's card; Enter to skip"),
                default: None,
                check: text_check(Field::ExerciseNote),
            })?;
            let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
            answers.order.push(c.id.clone());
            let in_main_program = c.program.is_some() && c.program == answers.program;
            let keeps_dose = dose == c.dose && (in_main_program || c.program.is_none());
            if keeps_dose && in_main_program && note.is_none() {
                // The preset already gives it.
                continue;
            }
            answers.items.push(ItemSpec {
                id: c.id.clone(),
                // A changed dose, or one from a second preset: said in full.
                dose: if keeps_dose {
                    DoseOverride::default()
                } else {
                    DoseOverride {
                        sets: dose.sets,
                        reps: dose.reps,
                        hold_seconds: Some(dose.hold_seconds),
                        duration_seconds: Some(dose.duration_seconds),
                        per_day: dose.per_day,
                        days_per_week: dose.days_per_week,
                        frequency: dose.frequency.clone(),
                        each_side: Some(dose.each_side),
                    }
                },
                note,
            });
        }
    }
    if what.template {
        let ids: Vec<&str> = lib.template_ids().collect();
        let usual = lib
            .clinic
            .defaults
            .template
            .clone()
            .unwrap_or_else(|| DEFAULT_TEMPLATE.to_string());
        let labels: Vec<String> = ids
            .iter()
            .map(|id| match lib.template(id) {
                Ok(t) => format!("{}: {}", t.name, t.description),
                Err(_) => id.to_string(),
            })
            .collect();
        let start = ids.iter().position(|i| *i == usual).unwrap_or(0);
        let k = p.select(&SelectQuestion {
            message: "Page design:",
            help: "Enter keeps the clinic's usual one; ↑↓ to choose",
            options: &labels,
            start,
        })?;
        answers.template = ids.get(k).map(|s| s.to_string());
    }
    if what.paper {
        let papers = [Paper::A4, Paper::Letter];
        let labels = vec!["A4".to_string(), "US Letter".to_string()];
        let usual = lib.clinic.defaults.paper.unwrap_or_default();
        let start = papers.iter().position(|p| *p == usual).unwrap_or(0);
        let k = p.select(&SelectQuestion {
            message: "Paper:",
            help: "Enter keeps the clinic's usual one",
            options: &labels,
            start,
        })?;
        answers.paper = papers.get(k).copied();
    }
    if what.notes {
        let note = p.text(&TextQuestion {
            message: "Note for the patient (optional):",
            help: Some("printed under the exercises; Enter to skip"),
            default: None,
            check: text_check(Field::Notes),
        })?;
        let note = note.trim();
        if !note.is_empty() {
            answers.notes = Some(note.to_string());
        }
    }
    Ok(answers)
}

/// Pick exercises and presets one at a time, in the order wanted, until Done.
fn pick(lib: &Library, p: &mut dyn Prompter) -> Result<Vec<Chosen>> {
    let mut chosen: Vec<Chosen> = Vec::new();
    let mut presets_taken: Vec<String> = Vec::new();
    let (presets, exercises) = catalogue(lib, p);
    loop {
        let mut labels = Vec::new();
        let mut picks = Vec::new();
        if !chosen.is_empty() {
            labels.push(format!("Done: go on with these {}", chosen.len()));
            picks.push(Pick::Done);
        }
        for (label, id) in &presets {
            if !presets_taken.contains(id) {
                labels.push(label.clone());
                picks.push(Pick::Program(id.clone()));
            }
        }
        for (label, id) in &exercises {
            if !chosen.iter().any(|c| &c.id == id) {
                labels.push(label.clone());
                picks.push(Pick::Exercise(id.clone()));
            }
        }
        let so_far: Vec<&str> = chosen.iter().map(|c| c.title.as_str()).collect();
        let message = if chosen.is_empty() {
            "Add an exercise or a preset:".to_string()
        } else {
            format!("Add another, or Done ({}):", so_far.join(", "))
        };
        let k = p.select(&SelectQuestion {
            message: &message,
            help: "type part of a title or tag to search, Enter to add; ↑↓ move",
            options: &labels,
            start: 0,
        })?;
        match picks.get(k) {
            Some(Pick::Done) | None => break,
            Some(Pick::Program(pid)) => {
                presets_taken.push(pid.clone());
                let prog = lib.program(pid)?;
                for item in &prog.exercises {
                    let id = item.id.get_ref();
                    if chosen.iter().any(|c| &c.id == id) {
                        continue;
                    }
                    let ex = lib.exercise(id)?;
                    chosen.push(Chosen {
                        id: id.clone(),
                        title: ex.title.clone(),
                        dose: Dose::from_spec(&ex.dose).with(&preset_override(item)),
                        program: Some(pid.clone()),
                    });
                }
            }
            Some(Pick::Exercise(id)) => {
                let ex = lib.exercise(id)?;
                chosen.push(Chosen {
                    id: id.clone(),
                    title: ex.title.clone(),
                    dose: Dose::from_spec(&ex.dose),
                    program: None,
                });
            }
        }
    }
    if chosen.is_empty() {
        return Err(Error::NoExercises);
    }
    Ok(chosen)
}

/// One thing to pick: its label (what the list shows and searches) and its id.
type Entry = (String, String);

/// What can be picked: presets, then exercises by title, each with a label to
/// search by (title, region, position, equipment, tags). A file that does not
/// load is left out with a warning.
fn catalogue(lib: &Library, p: &mut dyn Prompter) -> (Vec<Entry>, Vec<Entry>) {
    let mut presets = Vec::new();
    for id in lib.program_ids() {
        let loaded = lib.program(id).and_then(|prog| {
            for item in &prog.exercises {
                lib.exercise(item.id.get_ref())?;
            }
            Ok(prog)
        });
        match loaded {
            Ok(prog) => presets.push((
                format!(
                    "{}  (preset, {} exercises)",
                    prog.title,
                    prog.exercises.len()
                ),
                id.to_string(),
            )),
            Err(e) => p.say(&format!("warning: preset `{id}` left out: {e}")),
        }
    }
    let mut exercises = Vec::new();
    for id in lib.exercise_ids() {
        match lib.exercise(id) {
            Ok(ex) => {
                let mut about: Vec<String> = ex.region.iter().map(|r| r.to_string()).collect();
                about.extend(ex.position.map(|p| p.to_string()));
                about.extend(ex.equipment.iter().map(|e| e.to_string()));
                about.extend(ex.tags.iter().cloned());
                about.dedup();
                let label = if about.is_empty() {
                    ex.title.clone()
                } else {
                    format!("{}  [{}]", ex.title, about.join(", "))
                };
                exercises.push((ex.title.to_lowercase(), label, id.to_string()));
            }
            Err(e) => p.say(&format!("warning: exercise `{id}` left out: {e}")),
        }
    }
    exercises.sort();
    let exercises = exercises.into_iter().map(|(_, l, id)| (l, id)).collect();
    (presets, exercises)
}

/// What to do when the handout's file is already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exists {
    Replace,
    NewName(std::path::PathBuf),
}

/// The file is already there: replace it, save under a new name, or cancel
/// (nothing is written; the answers so far are not lost until then).
pub fn when_it_exists(p: &mut dyn Prompter, path: &std::path::Path) -> Result<Exists> {
    let new = free_name(path);
    let options = vec![
        "Replace it".to_string(),
        format!("Save as {}", new.display()),
        "Cancel (nothing is written)".to_string(),
    ];
    let message = format!("{} is already there.", path.display());
    let k = p.select(&SelectQuestion {
        message: &message,
        help: "↑↓ to choose, Enter to confirm",
        options: &options,
        start: 1,
    })?;
    match k {
        0 => Ok(Exists::Replace),
        1 => Ok(Exists::NewName(new)),
        _ => Err(Error::Cancelled { interrupted: false }),
    }
}

/// `name-2.pdf`, `name-3.pdf`...: the first name not taken beside `path`.
fn free_name(path: &std::path::Path) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests;
