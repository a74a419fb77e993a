//! Looking at the library: `list`, `show`, `templates` and `check`.

use std::process::ExitCode;

use handout::check;
use handout::content::Library;
use handout::error::Error;
use handout::program::{preset_override, Dose};
use handout::words::Words;

use super::report::{self, out, Face};

/// `handout check`: every problem of every file, then a summary.
pub fn check(lib: &Library) -> Result<ExitCode, Error> {
    let r = check::check(lib);
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
    for p in &r.problems {
        report::error(p, Face::Flags);
    }
    if r.ok() {
        out(&format!("{}\n", r.summary(lib)))?;
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{}", r.summary(lib));
        Ok(ExitCode::FAILURE)
    }
}

pub fn show(lib: &Library, id: &str) -> Result<ExitCode, Error> {
    if id.to_ascii_lowercase().ends_with(".pdf") {
        return show_plan(lib, std::path::Path::new(id));
    }
    if lib.program_ids().any(|p| p == id) {
        let p = lib.program(id)?;
        let mut s = format!("{} (program `{id}`)\n", p.title);
        if !p.purpose.is_empty() {
            s += &format!("{}\n", p.purpose);
        }
        let words = Words::for_language(&lib.clinic.language);
        let mut rows = Vec::new();
        for (k, item) in p.exercises.iter().enumerate() {
            let ex = lib.exercise(item.id.get_ref())?;
            let dose = Dose::from_spec(&ex.dose).with(&preset_override(item));
            rows.push(vec![
                format!("{}.", k + 1),
                ex.title.clone(),
                format!("({})", ex.id),
                dose.short(&words),
            ]);
        }
        s += &super::list::table(rows);
        out(&s)?;
        return Ok(ExitCode::SUCCESS);
    }
    let ex = lib.exercise(id)?;
    let mut s = format!("{} ({})\n\n", ex.title, ex.id);
    s += &format!("Aim: {}\n", ex.aim);
    if let Some(start) = &ex.start {
        s += &format!("Start: {start}\n");
    }
    s += "Steps:\n";
    for (k, step) in ex.steps.iter().enumerate() {
        s += &format!("  {}. {step}\n", k + 1);
    }
    for tip in &ex.tips {
        s += &format!("Tip: {tip}\n");
    }
    let words = Words::for_language(&lib.clinic.language);
    s += &format!(
        "Default dose: {}\n",
        Dose::from_spec(&ex.dose).short(&words)
    );
    if !ex.tags.is_empty() {
        s += &format!("Tags: {}\n", ex.tags.join(", "));
    }
    for img in &ex.images {
        s += &format!("Image: {}", img.file);
        if let Some(alt) = &img.alt {
            s += &format!(" ({alt})");
        }
        s.push('\n');
    }
    s += &format!("File: {}\n", lib.display(&format!("exercises/{id}.toml")));
    out(&s)?;
    Ok(ExitCode::SUCCESS)
}

/// `handout show OLD.pdf`: what an earlier handout prescribed, from the plan
/// it carries, with the doses in the clinic's words.
fn show_plan(lib: &Library, path: &std::path::Path) -> Result<ExitCode, Error> {
    let shown = path.display().to_string();
    let plan = handout::plan::Plan::read(path)?;
    let sel = plan.selection()?;
    let words = Words::for_language(&lib.clinic.language);
    let date = sel.date.map(|d| words.long_date(d)).unwrap_or_default();
    let mut s = format!("{} for {}, {date}\n", words.title(), plan.patient);
    if let Some(t) = &plan.title {
        s += &format!("{t}\n");
    }
    for (k, item) in sel.items.iter().enumerate() {
        let title = lib
            .exercise(&item.id)
            .map(|e| e.title.clone())
            .unwrap_or_else(|_| format!("{} (no longer in this library)", item.id));
        let dose = Dose::default().with(&item.dose).short(&words);
        s += &format!("  {}. {title} ({}): {dose}\n", k + 1, item.id);
        if let Some(note) = &item.note {
            s += &format!("     {} {note}\n", words.card_note());
        }
    }
    if let Some(n) = &plan.notes {
        s += &format!("{}: {n}\n", words.notes_heading());
    }
    if let Some(c) = &plan.clinician {
        s += &format!("{}: {c}\n", words.label_clinician());
    }
    s += &format!(
        "Made with the {} template on {} paper",
        plan.template, plan.paper
    );
    if plan.log_weeks > 0 {
        s += &format!(", with {} weeks of log", plan.log_weeks);
    }
    s += &format!(".\nMake it again, dated today: handout make --from {shown}\n");
    out(&s)?;
    Ok(ExitCode::SUCCESS)
}

pub fn templates(lib: &Library) -> Result<ExitCode, Error> {
    let mut rows = vec![vec![
        "NAME".to_string(),
        "TITLE".to_string(),
        "DESCRIPTION".to_string(),
    ]];
    let mut failed = false;
    for id in lib.template_ids() {
        match lib.template(id) {
            Ok(t) => rows.push(vec![id.to_string(), t.name.clone(), t.description.clone()]),
            Err(e) => {
                report::error(&e, Face::Flags);
                failed = true;
            }
        }
    }
    out(&format!(
        "Templates ({}), for --template NAME (each on --paper a4 or letter):\n{}",
        rows.len() - 1,
        super::list::table(rows)
    ))?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
