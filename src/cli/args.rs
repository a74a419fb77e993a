//! The command line's flags and commands (clap). Parsing only: each command's
//! work is in its own module of `cli`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter};

use handout::error::Error;
use handout::request::{self, Paper};

/// A flag value checked by the request rule while the flags are parsed, so a
/// bad one is a usage error (exit code 2) like any other; the value is kept as
/// typed and becomes part of the [`request::Choices`].
fn checked<T: 'static>(
    rule: fn(&str) -> handout::Result<T>,
) -> impl Fn(&str) -> Result<String, String> + Clone + Send + Sync + 'static {
    move |s: &str| match rule(s) {
        Ok(_) => Ok(s.to_string()),
        Err(Error::Choice { reason, .. }) => Err(reason),
        Err(e) => Err(e.to_string()),
    }
}

pub const ITEM_HELP: &str =
    "Exercise items: ID[:DOSE], separated by commas. A dose has parts, in any order:
  3x12       3 sets of 12 repetitions        3x       3 times
  @5s        hold each for 5 seconds         30s, 10min   do it for that long
  daily, 2/day   how many times a day        3/week   on 3 days a week
  each-side, one-side
For example:
  clams                               the exercise with its default dose
  clams:3x12@5s                       3 sets of 12, hold each for 5 seconds
  clams@3s                            default sets and reps, hold 3 seconds
  calf-stretch-wall:3x@30s 2/day      3 times, hold 30 seconds, twice a day
  marching-on-the-spot:2min daily     for 2 minutes, once a day
  e.g. --exercises \"clams:3x12@5s,hip-hitch\"
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
pub struct Cli {
    /// Library folder to use instead of the built-in one, e.g. --library myclinic (default: HANDOUT_LIBRARY, then `library` in handout.toml)
    #[arg(long, global = true, value_name = "DIR")]
    pub library: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Make one patient's handout, e.g. `handout make --patient "Jane Doe" --program glute-strength`
    #[command(after_help = ITEM_HELP)]
    Make(Box<MakeArgs>),
    /// List the library's exercises by body region, and its programmes; search and filter them, e.g. `handout list --region knee --position sitting` or `handout list calf strech`
    List(ListArgs),
    /// Show one exercise or programme in full, or what an earlier handout prescribed, e.g. `handout show clams` or `handout show jane-2026-11-25.pdf`
    Show {
        /// Exercise or programme id, e.g. clams, or a handout's PDF
        #[arg(add = ArgValueCandidates::new(super::complete::complete_ids))]
        id: String,
    },
    /// Check every file of the library and report all problems, e.g. `handout --library myclinic check`
    Check,
    /// Draw an exercise's picture on its own (to see a pose while you edit it), or a contact sheet, e.g. `handout figure clams -o clams.png`
    Figure(FigureArgs),
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
        shell: Shell,
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
pub struct BatchArgs {
    /// The roster: a CSV file, or `-` for standard input
    pub roster: PathBuf,

    /// Folder for the PDFs (created if missing), e.g. --out-dir sheets (default: here)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out_dir: PathBuf,

    /// Handouts made at once (default: one per CPU core), e.g. --jobs 2
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Replace PDFs that already exist (by default they are kept, and counted as skipped)
    #[arg(long)]
    pub force: bool,

    /// The date for rows without a `date` cell, e.g. --date 2026-11-25 (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Paper size for rows without a `paper` cell: a4 or letter (default: the clinic's, else a4)
    #[arg(long, value_name = "SIZE", value_parser = checked(Paper::parse))]
    pub paper: Option<String>,

    /// Page design for rows without a `template` cell (default: the clinic's, else standard)
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,

    /// Print nothing but the summary and errors
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Write PDF/A-2 for the patient record (also `pdfa = true` in clinic.toml), e.g. --pdfa
    #[arg(long)]
    pub pdfa: bool,

    /// Write an untagged PDF, without structure for screen readers (for comparison only)
    #[arg(long, hide = true)]
    pub untagged: bool,
}

#[derive(Args)]
pub struct ListArgs {
    /// Words to search for in titles, clinical names and tags (typos are forgiven), e.g. calf stretch
    pub words: Vec<String>,

    /// Only this body region: back, hip, knee, ankle, shoulder, neck, balance
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// Only this position: standing, sitting, lying-on-back, lying-on-front, lying-on-side, hands-and-knees, kneeling
    #[arg(long, value_name = "POSITION")]
    pub position: Option<String>,

    /// Only exercises that use this: band, chair, wall, step, towel, ball, mat, pillow, stick, table, weight
    #[arg(long, value_name = "THING")]
    pub equipment: Option<String>,

    /// Only this goal: strength, stretch, mobility, balance, control, endurance
    #[arg(long, value_name = "GOAL")]
    pub goal: Option<String>,

    /// Print the library as JSON (exercises, programmes, counts by region), for other tools
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct FigureArgs {
    /// Exercise ids, e.g. clams (several make a contact sheet)
    #[arg(add = ArgValueCompleter::new(super::complete::complete_exercises))]
    pub ids: Vec<String>,

    /// Every exercise of the library that has a figure or a picture, as a contact sheet
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,

    /// Output file: .svg, .png or .pdf (default: ID.svg for one exercise, figures.png for several)
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Figures side by side (default 3 on a sheet)
    #[arg(long, value_name = "N")]
    pub columns: Option<usize>,

    /// Width of each figure in millimetres (default 60)
    #[arg(long = "width-mm", value_name = "MM")]
    pub width_mm: Option<f32>,

    /// Resolution of a PNG in dots per inch (default 150)
    #[arg(long, value_name = "DPI")]
    pub dpi: Option<f32>,

    /// Leave the exercise titles off a contact sheet (to test the pictures blind)
    #[arg(long)]
    pub no_titles: bool,
}

#[derive(Args)]
pub struct MakeArgs {
    /// The patient's name as it should be printed, e.g. --patient "Zoë Ó'Brien"
    #[arg(
        long,
        short = 'p',
        value_name = "NAME",
        required_unless_present_any = ["interactive", "from"]
    )]
    pub patient: Option<String>,

    /// Re-issue the plan an earlier handout carries, dated today, with any changes the other flags give, e.g. --from jane-2026-11-25.pdf --exercises clams:2x15
    #[arg(long, value_name = "OLD.pdf", conflicts_with = "program")]
    pub from: Option<PathBuf>,

    /// Leave these exercises out (of a program or a re-issued plan), e.g. --without hip-hinge
    #[arg(long, value_name = "IDS", add = ArgValueCompleter::new(super::complete::complete_exercises))]
    pub without: Vec<String>,

    #[command(flatten)]
    pub fast: FastPath,

    /// A preset program of exercises, e.g. --program glute-strength
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(super::complete::complete_programs))]
    pub program: Option<String>,

    /// Exercises with optional doses, e.g. --exercises clams,hip-hitch:2x10@5s
    #[arg(long, short = 'e', value_name = "ITEMS", add = ArgValueCompleter::new(super::complete::complete_exercises))]
    pub exercises: Vec<String>,

    /// The handout's date, e.g. --date 2026-11-25 (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Clinician's name to print, e.g. --clinician "Sam Lee, Physiotherapist"
    #[arg(long, value_name = "NAME")]
    pub clinician: Option<String>,

    /// General notes for the patient, printed under the exercises, e.g. --notes "Walk daily"
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,

    /// A note on one exercise's card (repeatable), e.g. --note clams="Use the green band"
    #[arg(long = "note", value_name = "ID=TEXT")]
    pub exercise_notes: Vec<String>,

    /// Add a tick-box exercise log for this many weeks (1 to 12), e.g. --log 4
    #[arg(long, value_name = "WEEKS", value_parser = checked(request::parse_log_weeks))]
    pub log: Option<String>,

    /// The next appointment, printed in the header, e.g. --next-appointment "2026-12-02 10:30"
    #[arg(long, value_name = "DATE [TIME]")]
    pub next_appointment: Option<String>,

    /// Paper size: a4 or letter (default: the clinic's, else a4), e.g. --paper letter
    #[arg(long, value_name = "SIZE", value_parser = checked(Paper::parse))]
    pub paper: Option<String>,

    /// Page design from the library's templates/ (default: the clinic's, else standard; see `handout templates`), e.g. --template large-print
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,

    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,

    /// Write PDF/A-2 for the patient record (also `pdfa = true` in clinic.toml), e.g. --pdfa
    #[arg(long)]
    pub pdfa: bool,

    /// Write an untagged PDF, without structure for screen readers (for comparison only)
    #[arg(long, hide = true)]
    pub untagged: bool,

    /// Output file, `-` for standard output (default: <patient>-<date>.pdf here), e.g. -o jane.pdf
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `make` flags for the fast path (listed last in `make --help`).
#[derive(Args, Debug, Default)]
pub struct FastPath {
    /// Ask on the terminal for what the flags do not give (patient, exercises, doses, note), e.g. handout make -i
    #[arg(long, short = 'i', display_order = 1000)]
    pub interactive: bool,

    /// Open the PDF in the system viewer once it is written, e.g. --open
    #[arg(long, display_order = 1001)]
    pub open: bool,

    /// Print the PDF with `lp` on PRINTER (default: the default printer) on the --paper size, e.g. --print office
    #[arg(
        long,
        value_name = "PRINTER",
        num_args = 0..=1,
        default_missing_value = "",
        display_order = 1002
    )]
    pub print: Option<String>,
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
