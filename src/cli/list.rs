//! `handout list`: the library's exercises grouped by body region (filtered
//! and searched as asked) and its programmes, as a table or as JSON for other
//! tools.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde_json::json;

use handout::catalogue::Filter;
use handout::content::{Exercise, Library, Region};
use handout::error::Error;
use handout::program::{preset_override, Dose};
use handout::words::Words;

use super::args::ListArgs;
use super::report::{self, out, Face};

impl ListArgs {
    fn filter(&self) -> Result<Filter, Error> {
        Ok(Filter {
            region: self.region.as_deref().map(Filter::region).transpose()?,
            position: self.position.as_deref().map(Filter::position).transpose()?,
            equipment: self
                .equipment
                .as_deref()
                .map(Filter::equipment)
                .transpose()?,
            goal: self.goal.as_deref().map(Filter::goal).transpose()?,
            words: self.words.join(" "),
        })
    }
}

/// The heading of a region's group.
fn region_title(r: Option<Region>) -> &'static str {
    match r {
        Some(Region::Back) => "Low back and trunk",
        Some(Region::Hip) => "Hip",
        Some(Region::Knee) => "Knee",
        Some(Region::Ankle) => "Ankle and foot",
        Some(Region::Shoulder) => "Shoulder",
        Some(Region::Neck) => "Neck and upper back",
        Some(Region::Balance) => "Balance and falls prevention",
        None => "Other",
    }
}

pub fn list(lib: &Library, a: &ListArgs) -> Result<ExitCode, Error> {
    let filter = a.filter()?;
    let words = Words::for_language(&lib.clinic.language);
    let mut failed = false;
    let mut found: Vec<(f64, std::sync::Arc<Exercise>)> = Vec::new();
    for id in lib.exercise_ids() {
        match lib.exercise(id) {
            Ok(ex) => {
                if let Some(score) = filter.score(&ex) {
                    found.push((score, ex));
                }
            }
            Err(e) => {
                report::error(&e, Face::Flags);
                failed = true;
            }
        }
    }
    let searching = !filter.words.trim().is_empty();
    if searching {
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title)));
    }
    let mut programs = Vec::new();
    for id in lib.program_ids() {
        match lib.program(id) {
            Ok(p) => programs.push(p),
            Err(e) => {
                report::error(&e, Face::Flags);
                failed = true;
            }
        }
    }
    if a.json {
        out(&format!("{}\n", json_of(lib, &found, &programs, &words)))?;
    } else {
        let mut text = String::new();
        if searching {
            text += &format!(
                "Exercises matching \"{}\" ({}):\n",
                filter.words,
                found.len()
            );
            text += &table(found.iter().map(|(_, ex)| row(ex, &words)).collect());
        } else {
            let mut groups: BTreeMap<Option<Region>, Vec<&Exercise>> = BTreeMap::new();
            for (_, ex) in &found {
                groups
                    .entry(ex.region.first().copied())
                    .or_default()
                    .push(ex);
            }
            text += &format!("Exercises ({}):\n", found.len());
            for (region, list) in groups {
                text += &format!("\n{} ({}):\n", region_title(region), list.len());
                text += &table(list.iter().map(|ex| row(ex, &words)).collect());
            }
        }
        let filtered = filter.region.is_some()
            || filter.position.is_some()
            || filter.equipment.is_some()
            || filter.goal.is_some()
            || searching;
        if !filtered {
            text += &format!("\nProgrammes ({}):\n", programs.len());
            text += &table(
                programs
                    .iter()
                    .map(|p| {
                        [
                            p.id.clone(),
                            p.title.clone(),
                            format!("{} exercises", p.exercises.len()),
                        ]
                        .to_vec()
                    })
                    .collect(),
            );
            text += "\n`handout show ID` shows an exercise or a programme in full.\n";
        }
        out(&text)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// An exercise's line: id, title, where and with what, default dose.
fn row(ex: &Exercise, words: &Words) -> Vec<String> {
    let mut about: Vec<String> = ex.position.iter().map(|p| p.to_string()).collect();
    about.extend(ex.equipment.iter().map(|e| e.to_string()));
    vec![
        ex.id.clone(),
        ex.title.clone(),
        about.join(", "),
        Dose::from_spec(&ex.dose).short(words),
    ]
}

/// Rows as aligned columns, two spaces apart.
pub fn table(rows: Vec<Vec<String>>) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; n];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::new();
    for r in rows {
        let mut line = String::from("  ");
        for (i, c) in r.iter().enumerate() {
            line += c;
            if i + 1 < r.len() {
                line += &" ".repeat(widths[i] - c.chars().count() + 2);
            }
        }
        s += line.trim_end();
        s.push('\n');
    }
    s
}

/// The library as JSON: exercises, programmes, and counts by region.
fn json_of(
    lib: &Library,
    found: &[(f64, std::sync::Arc<Exercise>)],
    programs: &[handout::content::Program],
    words: &Words,
) -> serde_json::Value {
    let mut by_region: BTreeMap<&str, usize> = Region::ALL.iter().map(|r| (r.name(), 0)).collect();
    for (_, ex) in found {
        for r in &ex.region {
            *by_region.entry(r.name()).or_default() += 1;
        }
    }
    let names = |v: &mut dyn Iterator<Item = &'static str>| v.collect::<Vec<_>>();
    let exercises: Vec<_> = found
        .iter()
        .map(|(_, ex)| {
            let d = Dose::from_spec(&ex.dose);
            json!({
                "id": ex.id,
                "title": ex.title,
                "also_called": ex.also_called,
                "aim": ex.aim,
                "region": names(&mut ex.region.iter().map(|r| r.name())),
                "position": ex.position.map(|p| p.name()),
                "equipment": names(&mut ex.equipment.iter().map(|e| e.name())),
                "goal": names(&mut ex.goal.iter().map(|g| g.name())),
                "tags": ex.tags,
                "dose": d.short(words),
                "has_figure": ex.figure.is_some(),
            })
        })
        .collect();
    let programmes: Vec<_> = programs
        .iter()
        .map(|p| {
            let items: Vec<_> = p
                .exercises
                .iter()
                .map(|i| {
                    let id = i.id.get_ref();
                    let dose = lib
                        .exercise(id)
                        .map(|ex| {
                            Dose::from_spec(&ex.dose)
                                .with(&preset_override(i))
                                .short(words)
                        })
                        .unwrap_or_default();
                    json!({ "id": id, "dose": dose })
                })
                .collect();
            json!({ "id": p.id, "title": p.title, "purpose": p.purpose, "exercises": items })
        })
        .collect();
    json!({
        "library": lib.name,
        "counts": {
            "exercises": exercises.len(),
            "programmes": programmes.len(),
            "by_region": by_region,
        },
        "exercises": exercises,
        "programmes": programmes,
    })
}
