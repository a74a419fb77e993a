//! Batch: the handouts of a roster, made in parallel on one shared [`Engine`].
//!
//! Jobs come from [`crate::roster`] in row order; they run on rayon's threads. A
//! row that fails is reported with its row number and every other row is still
//! written; files are written atomically, so a stopped run leaves only whole
//! PDFs. How progress and the summary are shown is the face's business.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::output;
use crate::roster::{Job, Roster, RowError};
use crate::Engine;
use std::io::Read;

/// How a batch ended.
#[derive(Debug, Default)]
pub struct Summary {
    pub written: usize,
    pub failed: Vec<RowError>,
    pub interrupted: bool,
}

impl Summary {
    /// `198 written, 2 failed: rows 17, 42`
    pub fn line(&self) -> String {
        let mut s = format!("{} written", self.written);
        if !self.failed.is_empty() {
            let rows: Vec<String> = self.failed.iter().map(|f| f.row.to_string()).collect();
            s += &format!(
                ", {} failed: row{} {}",
                self.failed.len(),
                if self.failed.len() == 1 { "" } else { "s" },
                rows.join(", ")
            );
        }
        if self.interrupted {
            s += " (interrupted: the remaining rows were not made)";
        }
        s
    }
}

/// Options for [`run`].
pub struct Options {
    pub out_dir: PathBuf,
    pub force: bool,
    pub today: NaiveDate,
}

/// Make every row's handout. `progress` is called once per finished row; `stop`
/// is checked before each row (set it to end the run early, e.g. on Ctrl-C).
pub fn run<R: Read + Send>(
    engine: &Engine,
    roster: Roster<R>,
    opts: &Options,
    progress: &(dyn Fn() + Sync),
    stop: &AtomicBool,
) -> Summary {
    let written = AtomicUsize::new(0);
    let failed = Mutex::new(Vec::new());
    roster
        .take_while(|_| !stop.load(Ordering::Relaxed))
        .par_bridge()
        .for_each(|job| {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let result = job.and_then(|job| {
                make_one(engine, &job, opts).map_err(|error| RowError {
                    row: job.row,
                    error,
                })
            });
            match result {
                Ok(()) => {
                    written.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => failed.lock().unwrap_or_else(|p| p.into_inner()).push(e),
            }
            progress();
        });
    let mut failed = failed.into_inner().unwrap_or_else(|p| p.into_inner());
    failed.sort_by_key(|f| f.row);
    Summary {
        written: written.into_inner(),
        failed,
        interrupted: stop.load(Ordering::Relaxed),
    }
}

fn make_one(engine: &Engine, job: &Job, opts: &Options) -> Result<()> {
    let path = opts.out_dir.join(&job.file_name);
    if !opts.force && path.exists() {
        return Err(Error::OutputExists(PathBuf::from(&job.file_name)));
    }
    let made = engine.make(&job.selection, opts.today)?;
    output::write_atomic(&path, &made.pdf, opts.force).map_err(|e| match e {
        Error::OutputExists(_) => Error::OutputExists(PathBuf::from(&job.file_name)),
        e => e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line() {
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
            interrupted: false,
        };
        assert_eq!(s.line(), "198 written, 2 failed: rows 17, 42");
    }
}
