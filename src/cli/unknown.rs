//! Parsing the command line, with our own answer to a flag clap does not
//! know: clap's "a similar argument exists" may name a hidden flag (`--name`
//! suggested `--untagged`) and its "use '-- -o'" tip is wrong for people who
//! meant another flag. We suggest only visible flags of the command typed,
//! with the words people reach for first (`--name` is `--patient`).

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory, Parser};

use super::args::Cli;

/// Flags people type for one of ours, per command (`*` for any command).
const SYNONYMS: &[(&str, &str, &str)] = &[
    ("*", "name", "--patient"),
    ("*", "patient-name", "--patient"),
    ("*", "for", "--patient"),
    ("*", "programme", "--program"),
    ("*", "preset", "--program"),
    ("*", "exercise", "--exercises"),
    ("*", "size", "--paper"),
    ("*", "design", "--template"),
    ("*", "layout", "--template"),
    ("*", "style", "--template"),
    ("make", "out", "--output"),
    ("make", "out-dir", "--output"),
    ("batch", "output", "--out-dir"),
    ("batch", "out", "--out-dir"),
    ("batch", "o", "--out-dir"),
    ("figure", "out", "--output"),
];

/// The parsed command line, or the process's exit after a usage error.
pub fn parse() -> Result<Cli, ExitCode> {
    parse_from(std::env::args_os())
}

fn parse_from(args: impl IntoIterator<Item = OsString>) -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = args.into_iter().collect();
    match Cli::try_parse_from(&args) {
        Ok(cli) => Ok(cli),
        Err(e) if e.kind() == ErrorKind::UnknownArgument => {
            let typed = match e.get(ContextKind::InvalidArg) {
                Some(ContextValue::String(s)) => s.clone(),
                _ => e.exit(),
            };
            let (command, path) = command_typed(&args);
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: `{path}` has no option `{typed}`");
            let _ = writeln!(err, "hint: {}", advice(&command, &path, &typed));
            Err(ExitCode::from(2))
        }
        Err(e) => e.exit(),
    }
}

/// The (sub)command the user typed, and how they would name it (`handout make`).
fn command_typed(args: &[OsString]) -> (Command, String) {
    let mut command = Cli::command();
    command.build();
    let mut path = "handout".to_string();
    let mut value_next = false;
    for arg in args.iter().skip(1) {
        let Some(arg) = arg.to_str() else { continue };
        if std::mem::take(&mut value_next) {
            continue;
        }
        if let Some(flag) = arg.strip_prefix('-') {
            // A flag that takes a value (`--library DIR`, `-j 2`) skips it.
            value_next = !flag.contains('=')
                && command.get_arguments().any(|a| {
                    let named = match flag.strip_prefix('-') {
                        Some(long) => a.get_long() == Some(long),
                        None => {
                            flag.len() == 1
                                && a.get_short().map(String::from).as_deref() == Some(flag)
                        }
                    };
                    named && a.get_action().takes_values()
                });
            continue;
        }
        match command.find_subcommand(arg) {
            Some(sub) => {
                path = format!("{path} {}", sub.get_name());
                let sub = sub.clone();
                command = sub;
            }
            None => break,
        }
    }
    (command, path)
}

/// What to type instead of `typed` in `command`.
fn advice(command: &Command, path: &str, typed: &str) -> String {
    let help = format!("`{path} --help` lists its options");
    let name = typed
        .split('=')
        .next()
        .unwrap_or(typed)
        .trim_start_matches('-');
    let sub = path.split(' ').nth(1).unwrap_or("");
    let visible: Vec<String> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_positional())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .chain(["--help".to_string()])
        .collect();
    let synonym = SYNONYMS
        .iter()
        .find(|(c, from, _)| (*c == "*" || *c == sub) && from.eq_ignore_ascii_case(name))
        .map(|(_, _, to)| to.to_string())
        .filter(|to| visible.contains(to));
    let near = synonym.or_else(|| {
        handout::error::suggest(name, visible.iter().map(|v| v.trim_start_matches('-')))
            .map(|v| format!("--{v}"))
    });
    match near {
        Some(flag) => format!("did you mean `{flag}`? {help}"),
        None => help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advice_for(args: &[&str]) -> String {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let (command, path) = command_typed(&args);
        let typed = args.last().unwrap().to_str().unwrap();
        advice(&command, &path, typed)
    }

    #[test]
    fn hidden_flags_are_never_suggested() {
        let a = advice_for(&["handout", "make", "--name"]);
        assert_eq!(
            a,
            "did you mean `--patient`? `handout make --help` lists its options"
        );
        let a = advice_for(&["handout", "make", "--untaged"]);
        assert!(!a.contains("untagged"), "{a}");
    }

    #[test]
    fn each_command_gets_its_own_flag() {
        assert!(advice_for(&["handout", "batch", "r.csv", "-o"])
            .starts_with("did you mean `--out-dir`?"));
        assert!(advice_for(&["handout", "make", "--out"]).starts_with("did you mean `--output`?"));
        assert!(advice_for(&["handout", "make", "--programme"])
            .starts_with("did you mean `--program`?"));
        assert!(
            advice_for(&["handout", "make", "--patinet"]).starts_with("did you mean `--patient`?")
        );
        let a = advice_for(&["handout", "--library", "make", "make", "--nme"]);
        assert!(
            a.ends_with("`handout make --help` lists its options"),
            "{a}"
        );
        assert_eq!(
            advice_for(&["handout", "list", "--zzzzzzzz"]),
            "`handout list --help` lists its options"
        );
    }
}
