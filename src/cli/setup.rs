//! Setting up: `init` (a library of the clinic's own), `new-exercise`, shell
//! completions (the scripts and the ids they offer) and the manual page.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, ValueEnum};

use handout::content::Library;
use handout::error::Error;

use super::args::{Cli, Shell};

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
