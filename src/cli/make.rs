//! `handout make` (and `handout` alone on a terminal): one patient's handout,
//! from flags, the prompts, or both.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use handout::content::Library;
use handout::error::Error;
use handout::output;
use handout::render::PdfOptions;
use handout::request::{Choices, Selection};
use handout::Engine;

use super::args::MakeArgs;
use super::ask::{self, Ask};
use super::deliver;
use super::report;

impl MakeArgs {
    /// The flags' raw choices, for the request rules to check.
    fn choices(&self) -> Choices {
        Choices {
            patient: self.patient.clone(),
            program: self.program.clone(),
            exercises: self.exercises.clone(),
            without: self.without.clone(),
            date: self.date.clone(),
            clinician: self.clinician.clone(),
            notes: self.notes.clone(),
            exercise_notes: self.exercise_notes.clone(),
            paper: self.paper.clone(),
            template: self.template.clone(),
            log: self.log.clone(),
            next_appointment: self.next_appointment.clone(),
        }
    }
}

/// The PDF options the flags ask for.
pub fn pdf_options(pdfa: bool, untagged: bool) -> PdfOptions {
    PdfOptions {
        tagged: !untagged,
        pdfa,
    }
}

pub fn run(lib: Library, a: MakeArgs) -> Result<ExitCode, Error> {
    let mut sel = a.choices().selection_with(lib.rules())?;
    if let Some(old) = &a.from {
        sel = reissue(old, sel)?;
    }
    let mut force = a.force;
    if a.fast.interactive {
        ask_for_the_rest(&lib, &a, &mut sel)?;
    }
    let to_stdout = a.output.as_deref() == Some(Path::new("-"));
    deliver::check(&a.fast, to_stdout)?;
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::stdout(std::io::Error::other(
            "refusing to write a PDF to a terminal",
        )));
    }
    let today = chrono::Local::now().date_naive();
    let path = match &a.output {
        Some(p) => p.clone(),
        None => PathBuf::from(output::default_file_name(
            &sel.patient,
            sel.date.unwrap_or(today),
        )),
    };
    // Refuse early, before any work, when the file exists (or, on the fast
    // path, ask what to do: the answers are not lost).
    if !to_stdout && path.is_dir() {
        return Err(Error::OutputIsFolder(path));
    }
    let mut path = path;
    if !to_stdout && !force && path.exists() {
        if !a.fast.interactive {
            return Err(Error::OutputExists(path));
        }
        match ask::when_it_exists(&mut ask::Terminal, &path)? {
            ask::Exists::Replace => force = true,
            ask::Exists::NewName(p) => path = p,
        }
    }
    let engine = Engine::new(lib, pdf_options(a.pdfa, a.untagged))?;
    let made = engine.make(&sel, today)?;
    for w in made.handout.warnings() {
        report::warning(&w);
    }
    if to_stdout {
        let mut o = std::io::stdout().lock();
        o.write_all(&made.pdf)
            .and_then(|_| o.flush())
            .map_err(Error::stdout)?;
    } else {
        output::write_atomic(&path, &made.pdf, force)?;
        eprintln!(
            "wrote {} ({} page{}, {} KB)",
            path.display(),
            made.pages,
            if made.pages == 1 { "" } else { "s" },
            made.pdf.len().div_ceil(1024)
        );
        deliver::deliver(&a.fast, &path, made.handout.paper)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `--from OLD.pdf`: the plan an earlier handout carries, dated as the flags
/// say (today by default), with the flags' changes: exercises added or with a
/// new dose, exercises left out, other choices replaced. Its old next
/// appointment is dropped (it was for the visit that has now happened).
fn reissue(old: &Path, flags: Selection) -> Result<Selection, Error> {
    let plan = handout::plan::Plan::read(old)?;
    let mut sel = plan.selection()?;
    sel.date = flags.date;
    sel.next_appointment = flags.next_appointment;
    if !flags.patient.trim().is_empty() {
        sel.patient = flags.patient;
    }
    sel.items.extend(flags.items);
    sel.without = flags.without;
    sel.exercise_notes.extend(flags.exercise_notes);
    sel.clinician = flags.clinician.or(sel.clinician);
    sel.notes = flags.notes.or(sel.notes);
    sel.paper = flags.paper.or(sel.paper);
    sel.template = flags.template.or(sel.template);
    sel.log_weeks = flags.log_weeks.or(sel.log_weeks);
    Ok(sel)
}

/// `-i`: ask on the terminal for what the flags did not give, and add the answers.
fn ask_for_the_rest(lib: &Library, a: &MakeArgs, sel: &mut Selection) -> Result<(), Error> {
    let what = Ask {
        patient: a.patient.is_none() && a.from.is_none(),
        exercises: sel.program.is_none() && sel.items.is_empty(),
        notes: sel.notes.is_none(),
        template: sel.template.is_none(),
        paper: sel.paper.is_none(),
    };
    let got = ask::on_terminal(lib, what)?;
    if let Some(p) = got.patient {
        sel.patient = p;
    }
    if sel.program.is_none() {
        sel.program = got.program;
    }
    sel.items.extend(got.items);
    if !got.order.is_empty() {
        sel.order = got.order;
    }
    if sel.notes.is_none() {
        sel.notes = got.notes;
    }
    sel.template = sel.template.take().or(got.template);
    sel.paper = sel.paper.or(got.paper);
    Ok(())
}
