//! The command line: one module per command family. `main.rs` parses and
//! dispatches here; each module turns flags into the library's requests, calls
//! the engine and reports in the command line's words.
//!
//! - [`args`]: the flags and commands (clap);
//! - [`make`]: one handout; [`ask`]: the questions of the fast path;
//!   [`deliver`]: `--open` and `--print`;
//! - [`batch`]: a roster's handouts, with progress and a summary;
//! - [`list`]: the library by region, searched and filtered, or as JSON;
//! - [`library`]: `show`, `templates`, `check`;
//! - [`figure`]: a figure on its own, or a contact sheet;
//! - [`setup`]: `init`, `new-exercise`, completion scripts, the manual;
//!   [`complete`]: the ids a completion offers;
//! - [`report`]: errors and hints, and writing to standard output;
//!   [`unknown`]: parsing, with our own hint for an option clap does not know.

pub mod args;
pub mod ask;
pub mod batch;
pub mod complete;
pub mod deliver;
pub mod figure;
pub mod library;
pub mod list;
pub mod make;
pub mod report;
pub mod setup;
pub mod unknown;

use std::path::PathBuf;

use handout::config;
use handout::content::Library;
use handout::error::Error;

/// `--library`, else HANDOUT_LIBRARY, else handout.toml, else the built-in library.
pub fn open_library(dir: &Option<PathBuf>) -> Result<Library, Error> {
    config::open(&config::choose(&config::Context::from_env(dir.clone()))?)
}

/// The library as [`open_library`] chooses it, opened to be checked: a broken
/// clinic.toml is one of the problems reported, not the end of the check.
pub fn open_library_to_check(dir: &Option<PathBuf>) -> Result<Library, Error> {
    config::open_to_check(&config::choose(&config::Context::from_env(dir.clone()))?)
}
