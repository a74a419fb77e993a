//! The ids a shell completion offers: exercise ids after `--exercises`,
//! program ids after `--program`, both after `show`, from the library in use.

use std::ffi::OsString;
use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;

use handout::config;
use handout::content::Library;

/// The library a completion request is about: `--library` on the line being
/// completed, else the usual choice (HANDOUT_LIBRARY, handout.toml, built-in).
fn completion_library() -> Option<Library> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut flag = None;
    for (i, a) in args.iter().enumerate() {
        let s = a.to_string_lossy();
        if s == "--library" {
            flag = args.get(i + 1).map(PathBuf::from);
        } else if let Some(v) = s.strip_prefix("--library=") {
            flag = Some(PathBuf::from(v));
        }
    }
    let choice = config::choose(&config::Context::from_env(flag)).ok()?;
    config::open(&choice).ok()
}

fn exercise_candidates(lib: &Library) -> Vec<(String, String)> {
    lib.exercise_ids()
        .map(|id| {
            let title = lib
                .exercise(id)
                .map(|e| e.title.clone())
                .unwrap_or_default();
            (id.to_string(), title)
        })
        .collect()
}

fn program_candidates(lib: &Library) -> Vec<(String, String)> {
    lib.program_ids()
        .map(|id| {
            let title = lib.program(id).map(|p| p.title).unwrap_or_default();
            (id.to_string(), title)
        })
        .collect()
}

/// `--exercises clams,hi<TAB>`: complete the last item of the list.
pub fn complete_exercises(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    let Some(lib) = completion_library() else {
        return Vec::new();
    };
    let current = current.to_string_lossy();
    let (done, last) = match current.rfind([',', ';']) {
        Some(i) => current.split_at(i + 1),
        None => ("", current.as_ref()),
    };
    exercise_candidates(&lib)
        .into_iter()
        .filter(|(id, _)| id.starts_with(last))
        .map(|(id, title)| CompletionCandidate::new(format!("{done}{id}")).help(Some(title.into())))
        .collect()
}

/// `--program <TAB>`.
pub fn complete_programs() -> Vec<CompletionCandidate> {
    completion_library()
        .map(|lib| program_candidates(&lib))
        .unwrap_or_default()
        .into_iter()
        .map(|(id, title)| CompletionCandidate::new(id).help(Some(title.into())))
        .collect()
}

/// `show <TAB>`: exercises and programs.
pub fn complete_ids() -> Vec<CompletionCandidate> {
    let Some(lib) = completion_library() else {
        return Vec::new();
    };
    exercise_candidates(&lib)
        .into_iter()
        .chain(program_candidates(&lib))
        .map(|(id, title)| CompletionCandidate::new(id).help(Some(title.into())))
        .collect()
}
