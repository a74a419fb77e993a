//! The `handout` command line: parses flags, calls the library, reports.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter};

use handout::content::Library;
use handout::error::Error;
use handout::program::{
    parse_date, parse_exercise_note, Appointment, Dose, ItemSpec, Paper, Selection,
};
use handout::{batch, check, config, output, Engine};

const ITEM_HELP: &str = "Exercise items: ID[:SETSxREPS][@HOLDs], separated by commas.
  clams               the exercise with its default dose
  clams:3x12          3 sets of 12 repetitions
  clams:3x12@5s       3 sets of 12, hold each for 5 seconds
  hip-hitch:2x10@5s   2 sets of 10, hold each for 5 seconds
  clams@3s            default sets and reps, hold 3 seconds
  e.g. --exercises clams:3x12@5s,hip-hitch
On a terminal, `handout make -i` (or just `handout`) asks for the patient, the
exercises and presets (type to search titles and tags) and each dose.";

#[derive(Parser)]
#[command(
    name = "handout",
    version,
    about = "Branded, printable home-exercise handouts (PDF) from a plain-text exercise library",
    long_about = "Branded, printable home-exercise handouts (PDF) from a plain-text exercise library.\n\nWith no command, on a terminal, it asks for the patient, the exercises and their doses, and writes the handout.",
    after_help = "Examples:\n  handout                      (on a terminal: asks, then writes the PDF)\n  handout make --patient \"Jane Doe\" --program glute-strength\n  handout make --patient \"Jane Doe\" --exercises clams,hip-hitch:2x10@5s -o jane.pdf --print\n  handout list\n  handout init myclinic && handout --library myclinic check"
)]
struct Cli {
    /// Library folder to use instead of the built-in one, e.g. --library myclinic (default: HANDOUT_LIBRARY, then `library` in handout.toml)
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Make one patient's handout, e.g. `handout make --patient "Jane Doe" --program glute-strength`
    #[command(after_help = ITEM_HELP)]
    Make(Box<MakeArgs>),
    /// List the library's exercises (id, title, tags, default dose) and programs
    List,
    /// Show one exercise or program in full, e.g. `handout show clams`
    Show {
        /// Exercise or program id, e.g. clams
        #[arg(add = ArgValueCandidates::new(cli::complete_ids))]
        id: String,
    },
    /// Check every file of the library and report all problems, e.g. `handout --library myclinic check`
    Check,
    /// List the page designs, e.g. `handout templates` then `handout make --template large-print ...`
    Templates,
    /// Make one handout per row of a roster (CSV), e.g. `handout batch roster.csv --out-dir sheets`
    #[command(after_help = BATCH_HELP)]
    Batch(BatchArgs),
    /// Write an editable copy of the default library into a new folder, e.g. `handout init myclinic`
    Init {
        /// The folder to create (it must not exist, or be empty), e.g. myclinic
        dir: PathBuf,
    },
    /// Write a commented skeleton exercise into the library's exercises/, e.g. `handout --library myclinic new-exercise wall-squat`
    NewExercise {
        /// The new exercise's id (lowercase letters, digits, hyphens), e.g. wall-squat
        id: String,
    },
    /// Print a shell completion script, e.g. `handout completions bash > ~/.local/share/bash-completion/completions/handout`
    Completions {
        /// The shell, e.g. bash
        shell: cli::Shell,
    },
    /// Print the manual page (roff), e.g. `handout man > handout.1` or `handout man make | man -l -`
    Man {
        /// A command's own page, e.g. make
        command: Option<String>,
    },
}

const BATCH_HELP: &str =
    "The roster is CSV as spreadsheets export it (comma or semicolon, UTF-8 with or without BOM).
Columns (header row, any case): patient (required), exercises and/or program,
and optionally date, clinician, notes, paper, template, output (a file name),
log (weeks of tick-box log), next-appointment (YYYY-MM-DD HH:MM).
In notes, parts separated by | that look like clams=Use the green band go on
that exercise's card; the rest are general notes.
  patient,program,date
  Jane Doe,glute-strength,2026-11-25
  Sam Lee,,2026-11-26           <- with an `exercises` column: \"clams,hip-hitch:2x10@5s\"
Rows are numbered as a spreadsheet shows them (the header is row 1).";

#[derive(Args)]
struct BatchArgs {
    /// The roster: a CSV file, or `-` for standard input
    roster: PathBuf,

    /// Folder for the PDFs (created if missing), e.g. --out-dir sheets (default: here)
    #[arg(long, value_name = "DIR", default_value = ".")]
    out_dir: PathBuf,

    /// Handouts made at once (default: one per CPU core), e.g. --jobs 2
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Replace PDFs that already exist
    #[arg(long)]
    force: bool,

    /// Print nothing but the summary and errors
    #[arg(long, short = 'q')]
    quiet: bool,

    /// Write PDF/A-2 for the patient record (also `pdfa = true` in clinic.toml), e.g. --pdfa
    #[arg(long)]
    pdfa: bool,

    /// Write an untagged PDF, without structure for screen readers (for comparison only)
    #[arg(long, hide = true)]
    untagged: bool,
}

#[derive(Args)]
struct MakeArgs {
    /// The patient's name as it should be printed, e.g. --patient "Zoë Ó'Brien"
    #[arg(
        long,
        short = 'p',
        value_name = "NAME",
        required_unless_present = "interactive"
    )]
    patient: Option<String>,

    #[command(flatten)]
    fast: cli::FastPath,

    /// A preset program of exercises, e.g. --program glute-strength
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(cli::complete_programs))]
    program: Option<String>,

    /// Exercises with optional doses, e.g. --exercises clams,hip-hitch:2x10@5s
    #[arg(long, short = 'e', value_name = "ITEMS", add = ArgValueCompleter::new(cli::complete_exercises))]
    exercises: Vec<String>,

    /// The handout's date, e.g. --date 2026-11-25 (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,

    /// Clinician's name to print, e.g. --clinician "Sam Lee, Physiotherapist"
    #[arg(long, value_name = "NAME")]
    clinician: Option<String>,

    /// General notes for the patient, printed under the exercises, e.g. --notes "Walk daily"
    #[arg(long, value_name = "TEXT")]
    notes: Option<String>,

    /// A note on one exercise's card (repeatable), e.g. --note clams="Use the green band"
    #[arg(long = "note", value_name = "ID=TEXT")]
    exercise_notes: Vec<String>,

    /// Add a tick-box exercise log for this many weeks (1 to 12), e.g. --log 4
    #[arg(long, value_name = "WEEKS", value_parser = clap::value_parser!(u8).range(0..=12))]
    log: Option<u8>,

    /// The next appointment, printed in the header, e.g. --next-appointment "2026-12-02 10:30"
    #[arg(long, value_name = "DATE [TIME]")]
    next_appointment: Option<String>,

    /// Paper size, e.g. --paper letter
    #[arg(long, value_name = "SIZE", default_value = "a4", value_parser = ["a4", "letter"])]
    paper: String,

    /// Page design from the library's templates/, e.g. --template standard
    #[arg(long, value_name = "NAME", default_value = "standard")]
    template: String,

    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,

    /// Write PDF/A-2 for the patient record (also `pdfa = true` in clinic.toml), e.g. --pdfa
    #[arg(long)]
    pdfa: bool,

    /// Write an untagged PDF, without structure for screen readers (for comparison only)
    #[arg(long, hide = true)]
    untagged: bool,

    /// Output file, `-` for standard output (default: <patient>-<date>.pdf here), e.g. -o jane.pdf
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    // Shell completion requests (COMPLETE=bash handout -- ...) are answered here.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Error::Cancelled { interrupted }) => {
            eprintln!("cancelled: nothing was written");
            ExitCode::from(if interrupted { 130 } else { 1 })
        }
        Err(e) => {
            report(&e);
            ExitCode::FAILURE
        }
    }
}

/// Print an error and its hint to standard error.
fn report(e: &Error) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {e}");
    if let Some(h) = e.hint() {
        let _ = writeln!(err, "hint: {h}");
    }
}

/// Write to standard output; a closed pipe (`handout list | head`) is not an error.
fn out(text: &str) -> Result<(), Error> {
    let mut o = std::io::stdout().lock();
    match o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::stdout(e)),
        Ok(()) => Ok(()),
    }
}

/// `--library`, else HANDOUT_LIBRARY, else handout.toml, else the built-in library.
fn open_library(dir: &Option<PathBuf>) -> Result<Library, Error> {
    config::open(&config::choose(&config::Context::from_env(dir.clone()))?)
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let command = match cli.command {
        Some(c) => c,
        // `handout` alone: the interactive fast path, on a terminal only.
        None if cli::have_terminal() => match Cli::try_parse_from(["handout", "make", "-i"]) {
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
    match command {
        Command::Init { dir } => return cli::init(&dir),
        Command::Completions { shell } => return cli::completions(shell),
        Command::Man { command } => return cli::man(command.as_deref()),
        _ => {}
    }
    let lib = open_library(&cli.library)?;
    match command {
        Command::Make(args) => make(lib, *args),
        Command::List => list(&lib),
        Command::Show { id } => show(&lib, &id),
        Command::Batch(args) => batch(lib, args),
        Command::Templates => templates(&lib),
        Command::NewExercise { id } => cli::new_exercise(&lib, &id),
        Command::Init { .. } | Command::Completions { .. } | Command::Man { .. } => {
            unreachable!("handled above")
        }
        Command::Check => {
            let r = check::check(&lib);
            for w in &r.warnings {
                eprintln!("warning: {w}");
            }
            for p in &r.problems {
                report(p);
            }
            if r.ok() {
                out(&format!("{}\n", r.summary(&lib)))?;
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("{}", r.summary(&lib));
                Ok(ExitCode::FAILURE)
            }
        }
    }
}

fn make(lib: Library, mut a: MakeArgs) -> Result<ExitCode, Error> {
    if a.fast.interactive {
        let what = handout::interactive::Ask {
            patient: a.patient.is_none(),
            exercises: a.program.is_none() && a.exercises.is_empty(),
            notes: a.notes.is_none(),
        };
        let got = cli::ask(&lib, what)?;
        a.patient = a.patient.or(got.patient);
        a.program = a.program.or(got.program);
        a.exercises.extend(got.items);
        a.notes = a.notes.or(got.notes);
    }
    let mut items = Vec::new();
    for list in &a.exercises {
        items.extend(ItemSpec::parse_list(list)?);
    }
    let date = a.date.as_deref().map(parse_date).transpose()?;
    let exercise_notes = a
        .exercise_notes
        .iter()
        .map(|n| parse_exercise_note(n))
        .collect::<Result<Vec<_>, _>>()?;
    let sel = Selection {
        patient: a.patient.unwrap_or_default(),
        program: a.program,
        items,
        date,
        clinician: a.clinician,
        notes: a.notes,
        exercise_notes,
        paper: Paper::parse(&a.paper)?,
        template: Some(a.template),
        log_weeks: a.log,
        next_appointment: a
            .next_appointment
            .as_deref()
            .map(Appointment::parse)
            .transpose()?,
    };
    let to_stdout = a.output.as_deref() == Some(std::path::Path::new("-"));
    cli::check_delivery(&a.fast, to_stdout)?;
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::stdout(std::io::Error::other(
            "refusing to write a PDF to a terminal",
        )));
    }
    let mut engine = Engine::new(lib)?;
    engine.pdf.pdfa |= a.pdfa;
    engine.pdf.tagged &= !a.untagged;
    let today = chrono::Local::now().date_naive();
    let handout = engine.handout(&sel, today)?;
    let path = match &a.output {
        Some(p) => p.clone(),
        None => PathBuf::from(output::default_file_name(&handout.patient, handout.date)),
    };
    // Refuse early, before any work, when the file exists.
    if !to_stdout && !a.force && path.exists() {
        return Err(Error::OutputExists(path));
    }
    let doc = engine.lay_out(&handout)?;
    let bytes = engine.render(&doc)?;
    if to_stdout {
        let mut o = std::io::stdout().lock();
        o.write_all(&bytes)
            .and_then(|_| o.flush())
            .map_err(Error::stdout)?;
    } else {
        output::write_atomic(&path, &bytes, a.force)?;
        eprintln!(
            "wrote {} ({} page{}, {} KB)",
            path.display(),
            doc.pages.len(),
            if doc.pages.len() == 1 { "" } else { "s" },
            bytes.len().div_ceil(1024)
        );
        cli::deliver(&a.fast, &path, sel.paper)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn list(lib: &Library) -> Result<ExitCode, Error> {
    let mut rows = vec![[
        "ID".to_string(),
        "TITLE".to_string(),
        "TAGS".to_string(),
        "DEFAULT DOSE".to_string(),
    ]];
    let mut failed = false;
    for id in lib.exercise_ids() {
        match lib.exercise(id) {
            Ok(ex) => rows.push([
                id.to_string(),
                ex.title.clone(),
                ex.tags.join(", "),
                Dose::from_spec(&ex.dose).to_string(),
            ]),
            Err(e) => {
                report(&e);
                failed = true;
            }
        }
    }
    let mut text = format!("Exercises ({}):\n", rows.len() - 1);
    text += &table(&rows);
    let mut prows = vec![[
        "ID".to_string(),
        "TITLE".to_string(),
        "EXERCISES".to_string(),
    ]];
    for id in lib.program_ids() {
        match lib.program(id) {
            Ok(p) => prows.push([
                id.to_string(),
                p.title.clone(),
                p.exercises
                    .iter()
                    .map(|i| i.id.get_ref().as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ]),
            Err(e) => {
                report(&e);
                failed = true;
            }
        }
    }
    text += &format!("\nPrograms ({}):\n", prows.len() - 1);
    text += &table(&prows);
    out(&text)?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::new();
    for r in rows {
        let mut line = String::from("  ");
        for (i, c) in r.iter().enumerate() {
            line += c;
            if i + 1 < N {
                line += &" ".repeat(widths[i] - c.chars().count() + 2);
            }
        }
        s += line.trim_end();
        s.push('\n');
    }
    s
}

fn show(lib: &Library, id: &str) -> Result<ExitCode, Error> {
    if lib.program_ids().any(|p| p == id) {
        let p = lib.program(id)?;
        let mut s = format!("{} (program `{id}`)\n", p.title);
        if !p.description.is_empty() {
            s += &format!("{}\n", p.description);
        }
        for (k, item) in p.exercises.iter().enumerate() {
            let ex = lib.exercise(item.id.get_ref())?;
            s += &format!("  {}. {} ({})\n", k + 1, ex.title, ex.id);
        }
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
    s += &format!("Default dose: {}\n", Dose::from_spec(&ex.dose));
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

fn batch(lib: Library, a: BatchArgs) -> Result<ExitCode, Error> {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    let today = chrono::Local::now().date_naive();
    let from_stdin = a.roster.as_os_str() == "-";
    let source = if from_stdin {
        "standard input".to_string()
    } else {
        a.roster.display().to_string()
    };
    let input: Box<dyn std::io::Read + Send> = if from_stdin {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(&a.roster).map_err(|e| Error::Read {
            path: source.clone(),
            source: e,
        })?)
    };
    // Check the header and the library before writing anything.
    let roster = batch::Roster::open(&source, input, today)?;
    let mut engine = Engine::new(lib)?;
    engine.pdf.pdfa |= a.pdfa;
    engine.pdf.tagged &= !a.untagged;
    std::fs::create_dir_all(&a.out_dir).map_err(|e| Error::Write {
        path: a.out_dir.clone(),
        source: e,
    })?;

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // First Ctrl-C: finish the handouts being written, start no more.
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    }

    let show_bar = !a.quiet && std::io::stderr().is_terminal();
    let bar = if show_bar {
        let total = if from_stdin {
            None
        } else {
            batch::count_rows(&a.roster)
        };
        let bar = match total {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} [{bar:40}] {pos}/{len} handouts  {elapsed} elapsed  eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Some(bar)
    } else {
        None
    };
    let progress = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let opts = batch::Options {
        out_dir: a.out_dir.clone(),
        force: a.force,
        today,
    };
    // 0 lets rayon use one thread per core.
    let jobs = a.jobs.map_or(0, usize::from);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::BadRow(format!("cannot start worker threads: {e}")))?;
    let summary = pool.install(|| batch::run(&engine, roster, &opts, &progress, &stop));
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let mut err = std::io::stderr().lock();
    for f in &summary.failed {
        let message = match &f.error {
            Error::OutputExists(_) => {
                "the output file already exists (use --force to replace it)".to_string()
            }
            e => e.to_string(),
        };
        let _ = writeln!(err, "error: row {}: {message}", f.row);
        if let Some(h) = f
            .error
            .hint()
            .filter(|_| !matches!(f.error, Error::OutputExists(_)))
        {
            let _ = writeln!(err, "hint: {h}");
        }
    }
    let _ = writeln!(err, "{}", summary.line());
    Ok(if summary.interrupted {
        ExitCode::from(130)
    } else if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn templates(lib: &Library) -> Result<ExitCode, Error> {
    let mut rows = vec![[
        "NAME".to_string(),
        "TITLE".to_string(),
        "DESCRIPTION".to_string(),
    ]];
    let mut failed = false;
    for id in lib.template_ids() {
        match lib.template(id) {
            Ok(t) => rows.push([id.to_string(), t.name.clone(), t.description.clone()]),
            Err(e) => {
                report(&e);
                failed = true;
            }
        }
    }
    out(&format!(
        "Templates ({}), for --template NAME (each on --paper a4 or letter):\n{}",
        rows.len() - 1,
        table(&rows)
    ))?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
