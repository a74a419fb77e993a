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
use crate::request::Paper;
use crate::roster::{Job, Roster, RowError};
use crate::Engine;

/// How a batch ended.
#[derive(Debug, Default)]
pub struct Summary {
    pub written: usize,
    /// Rows whose file was already there (kept, as `force` was not set).
    pub skipped: usize,
    pub failed: Vec<RowError>,
    /// Rows made with something that looks wrong: (row, warning).
    pub warnings: Vec<(usize, String)>,
    pub interrupted: bool,
}

/// What became of one row.
enum Outcome {
    Written(Vec<String>),
    Skipped,
}

/// Options for [`run`].
pub struct Options {
    pub out_dir: PathBuf,
    pub force: bool,
    pub today: NaiveDate,
    /// Paper and template for rows that do not give their own (before the
    /// clinic's defaults).
    pub paper: Option<Paper>,
    pub template: Option<String>,
}

/// Make every row's handout. `progress` is called once per finished row; `stop`
/// is checked before each row (set it to end the run early, e.g. on Ctrl-C).
pub fn run(
    engine: &Engine,
    roster: Roster,
    opts: &Options,
    progress: &(dyn Fn() + Sync),
    stop: &AtomicBool,
) -> Summary {
    let written = AtomicUsize::new(0);
    let skipped = AtomicUsize::new(0);
    let failed = Mutex::new(Vec::new());
    let warnings = Mutex::new(Vec::new());
    roster
        .take_while(|_| !stop.load(Ordering::Relaxed))
        .par_bridge()
        .for_each(|job| {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let result = job.and_then(|job| match make_one(engine, &job, opts) {
                Ok(outcome) => Ok((job.row, outcome)),
                Err(error) => Err(RowError {
                    row: job.row,
                    error,
                }),
            });
            match result {
                Ok((_, Outcome::Skipped)) => {
                    skipped.fetch_add(1, Ordering::Relaxed);
                }
                Ok((row, Outcome::Written(w))) => {
                    written.fetch_add(1, Ordering::Relaxed);
                    if !w.is_empty() {
                        let mut all = warnings.lock().unwrap_or_else(|p| p.into_inner());
                        all.extend(w.into_iter().map(|w| (row, w)));
                    }
                }
                Err(e) => failed.lock().unwrap_or_else(|p| p.into_inner()).push(e),
            }
            progress();
        });
    let mut failed = failed.into_inner().unwrap_or_else(|p| p.into_inner());
    failed.sort_by_key(|f| f.row);
    let mut warnings = warnings.into_inner().unwrap_or_else(|p| p.into_inner());
    warnings.sort();
    Summary {
        written: written.into_inner(),
        skipped: skipped.into_inner(),
        failed,
        warnings,
        interrupted: stop.load(Ordering::Relaxed),
    }
}

/// Make one row's handout, unless its file is already there (and `force` is
/// not set): a re-run after fixing some rows writes only what is missing.
fn make_one(engine: &Engine, job: &Job, opts: &Options) -> Result<Outcome> {
    let path = opts.out_dir.join(&job.file_name);
    if !opts.force && path.exists() {
        return Ok(Outcome::Skipped);
    }
    let made = if opts.paper.is_some() || opts.template.is_some() {
        let mut sel = job.selection.clone();
        sel.paper = sel.paper.or(opts.paper);
        sel.template = sel.template.or_else(|| opts.template.clone());
        engine.make(&sel, opts.today)?
    } else {
        engine.make(&job.selection, opts.today)?
    };
    match output::write_atomic(&path, &made.pdf, opts.force) {
        Ok(()) => Ok(Outcome::Written(made.handout.warnings())),
        // Made by someone else meanwhile: keep theirs.
        Err(Error::OutputExists(_)) => Ok(Outcome::Skipped),
        Err(e) => Err(e),
    }
}
