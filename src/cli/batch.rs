//! `handout batch`: a roster's handouts, with a progress bar, Ctrl-C handling
//! and a summary. Reading the roster and naming the files is the library's
//! ([`handout::roster`]); making them is [`handout::batch`].

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use handout::batch::{self, Summary};
use handout::content::Library;
use handout::error::Error;
use handout::request::{self, Field, Paper};
use handout::roster::{self, Roster};
use handout::Engine;

use super::args::BatchArgs;
use super::make::pdf_options;
use super::report::{self, Face};

pub fn run(lib: Library, a: BatchArgs) -> Result<ExitCode, Error> {
    let today = match &a.date {
        Some(d) => request::parse_date_as(d, lib.rules().date_order, Field::Date)?,
        None => chrono::Local::now().date_naive(),
    };
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
    let roster = Roster::open(&source, input, today, lib.rules())?;
    let engine = Engine::new(lib, pdf_options(a.pdfa, a.untagged))?;
    if a.out_dir.exists() && !a.out_dir.is_dir() {
        return Err(Error::NotAFolder(a.out_dir.clone()));
    }
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
            roster::count_rows(&a.roster)
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
        paper: a.paper.as_deref().map(Paper::parse).transpose()?,
        template: a.template.clone(),
    };
    // 0 lets rayon use one thread per core.
    let jobs = a.jobs.map_or(0, usize::from);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let summary = pool.install(|| batch::run(&engine, roster, &opts, &progress, &stop));
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    for (row, w) in &summary.warnings {
        report::warning(&format!("row {row}: {w}"));
    }
    for f in &summary.failed {
        let at = match f.error.field() {
            Some(field) => format!("row {}, column `{field}`: ", f.row),
            None => format!("row {}: ", f.row),
        };
        report::error_at(&f.error, Face::Roster, &at);
    }
    eprintln!("{}", summary_line(&summary));
    Ok(if summary.interrupted {
        ExitCode::from(130)
    } else if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `198 written, 3 skipped (already there), 2 failed: rows 17, 42`
pub fn summary_line(s: &Summary) -> String {
    let mut line = format!("{} written", s.written);
    if s.skipped > 0 {
        line += &format!(
            ", {} skipped (already there; --force replaces them)",
            s.skipped
        );
    }
    if !s.failed.is_empty() {
        let rows: Vec<String> = s.failed.iter().map(|f| f.row.to_string()).collect();
        line += &format!(
            ", {} failed: row{} {}",
            s.failed.len(),
            if s.failed.len() == 1 { "" } else { "s" },
            rows.join(", ")
        );
    }
    if s.interrupted {
        line += " (interrupted: the remaining rows were not made)";
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use handout::roster::RowError;

    #[test]
    fn summary() {
        let s = Summary {
            written: 198,
            failed: vec![
                RowError {
                    row: 17,
                    error: Error::EmptyPatient,
                },
                RowError {
                    row: 42,
                    error: Error::EmptyPatient,
                },
            ],
            ..Default::default()
        };
        assert_eq!(summary_line(&s), "198 written, 2 failed: rows 17, 42");
        let s = Summary {
            written: 0,
            skipped: 30,
            ..Default::default()
        };
        assert_eq!(
            summary_line(&s),
            "0 written, 30 skipped (already there; --force replaces them)"
        );
    }
}
