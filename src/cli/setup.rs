//! Setting up: `init` (a library of the clinic's own), `new-exercise`, shell
//! completions (the scripts and the ids they offer) and the manual page.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, ValueEnum};
use clap_complete::engine::CompletionCandidate;

use handout::config;
use handout::content::Library;
use handout::error::Error;

use super::args::Cli;

/// `handout init DIR`.
pub fn init(dir: &Path) -> Result<ExitCode, Error> {
    let n = handout::init::init(dir)?;
    let text = format!(
        "wrote a copy of the default library to {} ({n} files)\n\n{}",
        dir.display(),
        handout::init::next_steps(dir)
    );
    let _ = std::io::stdout().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// `handout new-exercise ID`.
pub fn new_exercise(lib: &Library, id: &str) -> Result<ExitCode, Error> {
    let path = handout::init::new_exercise(lib, id)?;
    println!("{}", path.display());
    eprintln!(
        "edit it (every key is explained in it), then run `handout --library {} check`",
        lib.name
    );
    Ok(ExitCode::SUCCESS)
}

/// Shells that `handout completions` writes a script for.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

/// The shell's registration script: it calls `handout` back (with `COMPLETE=SHELL`)
/// for each completion, so exercise and program ids come from the library in use
/// at that moment (`--library` on the line, `HANDOUT_LIBRARY`, handout.toml).
pub fn completions(shell: Shell) -> Result<ExitCode, Error> {
    let name = shell
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    let shells = clap_complete::env::Shells::builtins();
    let Some(sh) = shells.completer(&name) else {
        return Err(Error::Refused {
            message: format!("no completions for {name}"),
            hint: None,
        });
    };
    // Call back the binary as it was called: `handout` through PATH, a path made absolute.
    let mut completer = PathBuf::from(
        std::env::args_os()
            .next()
            .unwrap_or_else(|| "handout".into()),
    );
    if completer.components().count() > 1 {
        completer = std::path::absolute(&completer).unwrap_or(completer);
    }
    let mut buf = Vec::new();
    sh.write_registration(
        "COMPLETE",
        "handout",
        "handout",
        &completer.to_string_lossy(),
        &mut buf,
    )
    .map_err(Error::stdout)?;
    let _ = std::io::stdout().write_all(&buf);
    Ok(ExitCode::SUCCESS)
}

/// `handout man [COMMAND]`: the manual page in roff.
pub fn man(command: Option<&str>) -> Result<ExitCode, Error> {
    let mut cmd = Cli::command();
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => cmd
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| Error::Refused {
                message: format!("no command `{name}`"),
                hint: Some(format!(
                    "commands: {}",
                    cmd.get_subcommands()
                        .map(|c| c.get_name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            })?,
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .source(concat!("handout ", env!("CARGO_PKG_VERSION")))
        .manual("handout manual")
        .render(&mut buf)
        .map_err(Error::stdout)?;
    let _ = std::io::stdout().write_all(&buf);
    Ok(ExitCode::SUCCESS)
}

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
