//! The clinician's fast path: `handout` on a terminal asks for the patient, the
//! exercises and presets (searchable by title and tag), each dose and a note.
//!
//! The questions go through the [`Prompter`] trait: [`Terminal`] asks them on
//! the terminal (inquire); tests answer them from a script. The answers come
//! back typed ([`Answers`]: exercise items with their doses, checked by the same
//! rules as flags), and `make` adds them to the selection it got from its flags.

use std::io::IsTerminal;

use handout::content::Library;
use handout::error::{Error, Result};
use handout::program::{preset_override, Dose};
use handout::request::{DoseOverride, ItemSpec};
use handout::words::Words;

/// Checks an answer; `Err` holds the message to show before asking again.
pub type Check = fn(&str) -> std::result::Result<(), String>;

/// One line of text.
pub struct TextQuestion<'a> {
    pub message: &'a str,
    pub help: Option<&'a str>,
    /// Shown with the question and returned for an empty answer.
    pub default: Option<&'a str>,
    pub check: Check,
}

/// Several choices from a list that can be searched by typing.
pub struct SelectQuestion<'a> {
    pub message: &'a str,
    pub help: &'a str,
    pub options: &'a [String],
}

/// Asks questions. An answer is returned only once it passes the question's
/// check; Esc or Ctrl-C is [`Error::Cancelled`].
pub trait Prompter {
    fn text(&mut self, q: &TextQuestion<'_>) -> Result<String>;
    /// The indices of the chosen options (at least one), in list order.
    fn multi_select(&mut self, q: &SelectQuestion<'_>) -> Result<Vec<usize>>;
    /// Tell the clinician something (a warning).
    fn say(&mut self, text: &str);
}

/// What the flags did not give, and so is asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ask {
    pub patient: bool,
    pub exercises: bool,
    pub notes: bool,
}

/// The answers, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub patient: Option<String>,
    /// The first preset chosen: its title heads the handout.
    pub program: Option<String>,
    /// Exercises to add, or whose dose changes, in the order asked.
    pub items: Vec<ItemSpec>,
    pub notes: Option<String>,
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

/// One entry of the picker.
#[derive(Debug, Clone)]
enum Pick {
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

fn nonempty(s: &str) -> std::result::Result<(), String> {
    if s.trim().is_empty() {
        Err("please type the patient's name".into())
    } else {
        Ok(())
    }
}

fn any(_: &str) -> std::result::Result<(), String> {
    Ok(())
}

fn dose_check(s: &str) -> std::result::Result<(), String> {
    parse_dose(s).map(|_| ())
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

/// A dose in the item syntax (`3x10@3s`), when the syntax can say it.
pub fn dose_syntax(d: &Dose) -> Option<String> {
    let item = ItemSpec {
        id: "x".into(),
        dose: DoseOverride {
            sets: d.sets,
            reps: d.reps,
            hold_seconds: (d.hold_seconds > 0).then_some(d.hold_seconds),
            duration_seconds: (d.duration_seconds > 0).then_some(d.duration_seconds),
            per_day: d.per_day,
            days_per_week: d.days_per_week,
            // How often in the clinic's own words is not typed: Enter keeps it.
            frequency: None,
            each_side: d.each_side.then_some(true),
        },
        note: None,
    };
    let s = item.syntax()?;
    Some(
        s.strip_prefix("x:")
            .or(s.strip_prefix('x'))
            .unwrap_or("")
            .to_string(),
    )
}

/// The picker's entries: presets first, then exercises by title. A file that
/// does not load is left out with a warning.
fn options(lib: &Library, p: &mut dyn Prompter) -> (Vec<String>, Vec<Pick>) {
    let mut labels = Vec::new();
    let mut picks = Vec::new();
    for id in lib.program_ids() {
        let loaded = lib.program(id).and_then(|prog| {
            for item in &prog.exercises {
                lib.exercise(item.id.get_ref())?;
            }
            Ok(prog)
        });
        match loaded {
            Ok(prog) => {
                labels.push(format!(
                    "{}  (preset, {} exercises)",
                    prog.title,
                    prog.exercises.len()
                ));
                picks.push(Pick::Program(id.to_string()));
            }
            Err(e) => p.say(&format!("warning: preset `{id}` left out: {e}")),
        }
    }
    let mut exercises = Vec::new();
    for id in lib.exercise_ids() {
        match lib.exercise(id) {
            Ok(ex) => {
                let label = if ex.tags.is_empty() {
                    ex.title.clone()
                } else {
                    format!("{}  [{}]", ex.title, ex.tags.join(", "))
                };
                exercises.push((ex.title.to_lowercase(), label, id.to_string()));
            }
            Err(e) => p.say(&format!("warning: exercise `{id}` left out: {e}")),
        }
    }
    exercises.sort();
    for (_, label, id) in exercises {
        labels.push(label);
        picks.push(Pick::Exercise(id));
    }
    (labels, picks)
}

/// Ask what the flags did not give. Returns the answers as `make` flags.
pub fn ask(lib: &Library, p: &mut dyn Prompter, what: Ask) -> Result<Answers> {
    let words = Words::for_language(&lib.clinic.language);
    let mut answers = Answers::default();
    if what.patient {
        let name = p.text(&TextQuestion {
            message: "Patient's name:",
            help: Some("as it should be printed on the handout"),
            default: None,
            check: nonempty,
        })?;
        answers.patient = Some(name.trim().to_string());
    }
    if what.exercises {
        let (labels, picks) = options(lib, p);
        if labels.is_empty() {
            return Err(Error::NoExercises);
        }
        let picked = p.multi_select(&SelectQuestion {
            message: "Exercises and presets:",
            help: "type part of a title or tag to search, space to pick, enter when done (↑↓ move, → all, ← none)",
            options: &labels,
        })?;
        let mut chosen: Vec<Chosen> = Vec::new();
        let mut programs = Vec::new();
        for &i in &picked {
            if let Some(Pick::Program(pid)) = picks.get(i) {
                let prog = lib.program(pid)?;
                programs.push(pid.clone());
                for item in &prog.exercises {
                    let id = item.id.get_ref();
                    if chosen.iter().any(|c| &c.id == id) {
                        continue;
                    }
                    let ex = lib.exercise(id)?;
                    let o = preset_override(item);
                    chosen.push(Chosen {
                        id: id.clone(),
                        title: ex.title.clone(),
                        dose: Dose::from_spec(&ex.dose).with(&o),
                        program: Some(pid.clone()),
                    });
                }
            }
        }
        for &i in &picked {
            if let Some(Pick::Exercise(id)) = picks.get(i) {
                if chosen.iter().any(|c| &c.id == id) {
                    continue;
                }
                let ex = lib.exercise(id)?;
                chosen.push(Chosen {
                    id: id.clone(),
                    title: ex.title.clone(),
                    dose: Dose::from_spec(&ex.dose),
                    program: None,
                });
            }
        }
        if chosen.is_empty() {
            return Err(Error::NoExercises);
        }
        answers.program = programs.first().cloned();
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
                check: dose_check,
            })?;
            // The answer passed its check, so it parses.
            let o = DoseOverride::parse(&typed)?;
            let dose = c.dose.clone().with(&o);
            let changed = dose != c.dose;
            let in_main_program = c.program.is_some() && c.program == answers.program;
            if in_main_program && !changed {
                // The preset already gives this dose.
                continue;
            }
            if c.program.is_none() && !changed {
                answers.items.push(ItemSpec::plain(&c.id));
                continue;
            }
            // A changed dose, or one from a second preset: say it in full.
            answers.items.push(ItemSpec {
                id: c.id.clone(),
                dose: DoseOverride {
                    sets: dose.sets,
                    reps: dose.reps,
                    hold_seconds: Some(dose.hold_seconds),
                    duration_seconds: Some(dose.duration_seconds),
                    per_day: dose.per_day,
                    days_per_week: dose.days_per_week,
                    frequency: dose.frequency.clone(),
                    each_side: Some(dose.each_side),
                },
                note: None,
            });
        }
    }
    if what.notes {
        let note = p.text(&TextQuestion {
            message: "Note for the patient (optional):",
            help: Some("printed under the exercises; Enter to skip"),
            default: None,
            check: any,
        })?;
        let note = note.trim();
        if !note.is_empty() {
            answers.notes = Some(note.to_string());
        }
    }
    Ok(answers)
}

/// Questions on the terminal (inquire, on standard error).
pub struct Terminal;

fn inquire_error(e: inquire::InquireError) -> Error {
    use inquire::InquireError as E;
    match e {
        E::OperationCanceled => Error::Cancelled { interrupted: false },
        E::OperationInterrupted => Error::Cancelled { interrupted: true },
        E::NotTTY => Error::NoTerminal,
        E::IO(source) => Error::Read {
            path: "the terminal".into(),
            source,
        },
        e => Error::Refused {
            message: format!("the question could not be asked: {e}"),
            hint: None,
        },
    }
}

impl Prompter for Terminal {
    fn text(&mut self, q: &TextQuestion<'_>) -> Result<String> {
        let check = q.check;
        let mut t = inquire::Text::new(q.message).with_validator(move |s: &str| {
            Ok(match check(s) {
                Ok(()) => inquire::validator::Validation::Valid,
                Err(m) => inquire::validator::Validation::Invalid(m.into()),
            })
        });
        if let Some(h) = q.help {
            t = t.with_help_message(h);
        }
        if let Some(d) = q.default.filter(|d| !d.is_empty()) {
            t = t.with_default(d);
        }
        t.prompt().map_err(inquire_error)
    }

    fn multi_select(&mut self, q: &SelectQuestion<'_>) -> Result<Vec<usize>> {
        let picked = inquire::MultiSelect::new(q.message, q.options.to_vec())
            .with_help_message(q.help)
            .with_page_size(12)
            .with_keep_filter(false)
            // Once answered, show the titles without their tags.
            .with_formatter(&|picked| {
                picked
                    .iter()
                    .map(|o| o.value.split("  ").next().unwrap_or(o.value.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .with_validator(|a: &[inquire::list_option::ListOption<&String>]| {
                Ok(if a.is_empty() {
                    inquire::validator::Validation::Invalid(
                        "pick at least one exercise or preset (space picks the highlighted one)"
                            .into(),
                    )
                } else {
                    inquire::validator::Validation::Valid
                })
            })
            .raw_prompt()
            .map_err(inquire_error)?;
        Ok(picked.into_iter().map(|o| o.index).collect())
    }

    fn say(&mut self, text: &str) {
        eprintln!("{text}");
    }
}

#[cfg(test)]
mod tests;
