//! The `handout` command line: parse, dispatch, report, exit code. Each
//! command's work is in a module of `cli`.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use cli::args::{Cli, Command};
use handout::error::Error;

fn main() -> ExitCode {
    // Shell completion requests (COMPLETE=bash handout -- ...) are answered here.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    match cli::unknown::parse() {
        Ok(cli) => cli::report::exit(run(cli)),
        Err(code) => code,
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let command = match cli.command {
        Some(c) => c,
        // `handout` alone: the interactive fast path, on a terminal only.
        None if cli::ask::have_terminal() => match Cli::try_parse_from(["handout", "make", "-i"]) {
            Ok(Cli {
                command: Some(c), ..
            }) => c,
            _ => {
                return Err(Error::Refused {
                    message: "interactive mode is not available".into(),
                    hint: Some("use `handout make -i`".into()),
                })
            }
        },
        None => {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{}", Cli::command().render_help());
            let _ = writeln!(
                err,
                "\nerror: no command given, and no terminal to ask on\nhint: give a command, e.g. handout make --patient \"Jane Doe\" --program glute-strength"
            );
            return Ok(ExitCode::from(2));
        }
    };
    // Commands that need no library.
    match &command {
        Command::Init { dir } => return cli::setup::init(dir),
        Command::Completions { shell } => return cli::setup::completions(*shell),
        Command::Man { command } => return cli::setup::man(command.as_deref()),
        _ => {}
    }
    if let Command::Check = command {
        return cli::library::check(&cli::open_library_to_check(&cli.library)?);
    }
    let lib = cli::open_library(&cli.library)?;
    match command {
        Command::Make(args) => cli::make::run(lib, *args),
        Command::Batch(args) => cli::batch::run(lib, args),
        Command::Figure(args) => cli::figure::run(lib, args),
        Command::List(args) => cli::list::list(&lib, &args),
        Command::Show { id } => cli::library::show(&lib, &id),
        Command::Templates => cli::library::templates(&lib),
        Command::NewExercise { id } => cli::setup::new_exercise(&lib, &id),
        Command::Init { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Check => {
            unreachable!("handled above")
        }
    }
}
