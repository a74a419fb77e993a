//! `handout`: branded, printable home-exercise handouts from a plain-text library.
//!
//! The pipeline, one module per step (see ARCHITECTURE.md):
//!
//! 1. [`content`]: library files (TOML, pictures) to typed, validated data.
//! 2. [`request`]: raw choices from any face (flags, a roster row, the prompts)
//!    to a typed [`request::Selection`], each rule written once.
//! 3. [`program`]: the selection resolved against the library into a [`program::Handout`].
//! 4. [`layout`]: pure functions that measure, wrap, place and paginate, producing
//!    pages of positioned items (no PDF types).
//! 5. [`render`]: pages to PDF bytes (krilla, the only module that knows it).
//!
//! [`Engine`] loads fonts, pictures and the library once per run and is the one
//! place that runs the steps; the faces (the `handout` binary; [`roster`] and
//! [`batch`] for spreadsheets) call it.

pub mod assets;
pub mod batch;
pub mod catalogue;
pub mod check;
pub mod config;
pub mod content;
pub mod engine;
pub mod error;
pub mod figure;
pub mod fonts;
pub mod ids;
pub mod init;
pub mod layout;
pub mod output;
pub mod plan;
pub mod program;
pub mod render;
pub mod request;
pub mod roster;
pub mod words;

pub use engine::{Engine, Made};
pub use error::{Error, Result};
