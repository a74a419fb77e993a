//! Content loading: library files to typed, validated data.
//!
//! A library is a folder laid out like `content/`: `clinic.toml`,
//! `exercises/` (one `<id>.toml` per exercise, subfolders allowed),
//! `images/`, `programs/`, and optionally `templates/` and `fonts/`, which fall
//! back to the built-in ones when absent. The built-in library is embedded in
//! the binary at build time.
//!
//! Opening a library indexes its files and parses `clinic.toml`; exercises,
//! programs and templates are parsed when first asked for, so one broken file
//! does not stop a handout that does not use it (`handout check` reads them all).

pub mod diagnose;
mod files;
mod limits;
pub mod model;
mod template;
mod validate;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;

pub use files::{MAX_DEPTH, MAX_FILES};
pub use model::*;
pub use validate::{video_url, PLACEHOLDERS};

use files::{walk, FileRef, Origin};
use validate::{figure_problems, validate_exercise};

use crate::error::{suggest, Error, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The exercise library, clinic and designs one run works from.
pub struct Library {
    /// Human name of the library: `built-in` or the folder.
    pub name: String,
    /// The folder, for a library on disk.
    root: Option<PathBuf>,
    pub clinic: Clinic,
    files: BTreeMap<String, FileRef>,
    exercises: BTreeMap<String, String>,
    programs: BTreeMap<String, String>,
    templates: BTreeMap<String, String>,
    /// Problems found while indexing (bad file names, duplicate ids).
    index_problems: Vec<Error>,
    exercise_cache: HashMap<String, OnceLock<Arc<Exercise>>>,
    /// Programs as parsed, once each (a batch asks for one per row).
    program_cache: HashMap<String, OnceLock<Program>>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("name", &self.name).finish()
    }
}

pub use crate::ids::is_valid_id;

/// The files of the built-in library as `(path, bytes)`, paths as in the source
/// tree: `content/clinic.toml`, `content/exercises/clams.toml`, `templates/standard.toml`,
/// `fonts/fonts.toml`...
pub fn embedded_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    embedded::FILES.iter().copied()
}

impl Library {
    /// The library built into the binary.
    pub fn builtin() -> Result<Library> {
        let mut files = BTreeMap::new();
        for (path, bytes) in embedded_files() {
            let rel = path.strip_prefix("content/").unwrap_or(path);
            files.insert(
                rel.to_string(),
                FileRef {
                    origin: Origin::Embedded { path, bytes },
                },
            );
        }
        Library::from_files("built-in".into(), None, files, false)
    }

    /// A library folder; its missing `templates/` and `fonts/` come from the built-in library.
    pub fn open(dir: &Path) -> Result<Library> {
        Library::open_as(dir, false)
    }

    /// A library folder opened to be checked: problems in `clinic.toml` are
    /// kept among [`Library::index_problems`] (and the built-in clinic's
    /// settings stand in), so every other file can still be checked.
    pub fn open_to_check(dir: &Path) -> Result<Library> {
        Library::open_as(dir, true)
    }

    fn open_as(dir: &Path, lenient: bool) -> Result<Library> {
        let shown = dir.display().to_string();
        let meta = std::fs::metadata(dir).map_err(|e| Error::NotALibrary {
            path: shown.clone(),
            message: format!("cannot open the folder: {e}"),
        })?;
        if !meta.is_dir() {
            return Err(Error::NotALibrary {
                path: shown,
                message: "this is a file, not a folder".into(),
            });
        }
        for required in ["clinic.toml", "exercises"] {
            if !dir.join(required).exists() {
                let mut message = format!("it has no {required}");
                if dir.join("content").join(required).exists() {
                    message += &format!(" (did you mean {}?)", dir.join("content").display());
                }
                return Err(Error::NotALibrary {
                    path: shown,
                    message,
                });
            }
        }
        let mut files = BTreeMap::new();
        let mut own_tops = Vec::new();
        let mut walk_problems = Vec::new();
        for top in [
            "clinic.toml",
            "exercises",
            "images",
            "programs",
            "templates",
            "fonts",
        ] {
            let path = dir.join(top);
            if path.is_file() {
                files.insert(
                    top.to_string(),
                    FileRef {
                        origin: Origin::Disk(path),
                    },
                );
            } else if path.is_dir() {
                own_tops.push(top);
                // Pictures must not lead out of the library.
                let root = std::fs::canonicalize(dir).ok();
                let confine = if top == "images" {
                    root.as_deref()
                } else {
                    None
                };
                walk(&path, top, &mut files, &mut walk_problems, confine)?;
            }
        }
        // Designs and fonts fall back to the built-in ones, folder by folder.
        for (path, bytes) in embedded_files() {
            for top in ["templates", "fonts"] {
                if path.starts_with(&format!("{top}/")) && !own_tops.contains(&top) {
                    files.insert(
                        path.to_string(),
                        FileRef {
                            origin: Origin::Embedded { path, bytes },
                        },
                    );
                }
            }
        }
        let mut lib = Library::from_files(shown, Some(dir.to_path_buf()), files, lenient)?;
        lib.index_problems.splice(0..0, walk_problems);
        Ok(lib)
    }

    fn from_files(
        name: String,
        root: Option<PathBuf>,
        files: BTreeMap<String, FileRef>,
        lenient: bool,
    ) -> Result<Library> {
        let mut index_problems = Vec::new();
        let mut index = |folder: &str, what: &str| {
            let mut map: BTreeMap<String, String> = BTreeMap::new();
            for (rel, file) in &files {
                let Some(inside) = rel.strip_prefix(folder) else {
                    continue;
                };
                let Some(stem) = inside
                    .rsplit('/')
                    .next()
                    .and_then(|n| n.strip_suffix(".toml"))
                else {
                    continue;
                };
                if !is_valid_id(stem) {
                    index_problems.push(Error::file(
                        file.display(),
                        format!("`{stem}` is not a valid {what} id: use lowercase letters, digits and single hyphens, like `hip-hitch`"),
                    ).with_hint("rename the file"));
                    continue;
                }
                if let Some(first) = map.get(stem) {
                    index_problems.push(Error::file(
                        file.display(),
                        format!("duplicate {what} id `{stem}`: {} has the same name", files[first].display()),
                    ).with_hint("ids come from file names, so each must be used once; rename one of the files"));
                    continue;
                }
                map.insert(stem.to_string(), rel.clone());
            }
            map
        };
        let exercises = index("exercises/", "exercise");
        let programs = index("programs/", "program");
        let templates = index("templates/", "template");
        let clinic_file = files.get("clinic.toml").ok_or_else(|| Error::NotALibrary {
            path: name.clone(),
            message: "it has no clinic.toml".into(),
        })?;
        let clinic: Clinic = match diagnose::parse_all(&clinic_file.display(), &clinic_file.read()?)
        {
            Ok(c) => c,
            Err(problems) if lenient => {
                // Check the rest of the library with the built-in clinic's settings.
                index_problems.extend(problems);
                Library::builtin()?.clinic
            }
            Err(mut problems) => return Err(problems.remove(0)),
        };
        let exercise_cache = exercises
            .keys()
            .map(|k| (k.clone(), OnceLock::new()))
            .collect();
        let program_cache = programs
            .keys()
            .map(|k| (k.clone(), OnceLock::new()))
            .collect();
        Ok(Library {
            name,
            root,
            clinic,
            files,
            exercises,
            programs,
            templates,
            index_problems,
            exercise_cache,
            program_cache,
        })
    }

    /// How the clinic writes what can be read more than one way (dates).
    pub fn rules(&self) -> crate::request::Rules {
        crate::request::Rules {
            date_order: self.clinic.defaults.date_order,
        }
    }

    /// The library's folder; `None` for the built-in library.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Is this the library built into the binary?
    pub fn is_builtin(&self) -> bool {
        self.root.is_none()
    }

    /// Problems found while indexing the files (invalid or duplicate ids).
    pub fn index_problems(&self) -> &[Error] {
        &self.index_problems
    }

    pub fn exercise_ids(&self) -> impl Iterator<Item = &str> {
        self.exercises.keys().map(String::as_str)
    }

    pub fn program_ids(&self) -> impl Iterator<Item = &str> {
        self.programs.keys().map(String::as_str)
    }

    pub fn template_ids(&self) -> impl Iterator<Item = &str> {
        self.templates.keys().map(String::as_str)
    }

    /// How a library file is shown in messages.
    pub fn display(&self, rel: &str) -> String {
        match (self.files.get(rel), &self.root) {
            (Some(f), _) => f.display(),
            (None, Some(root)) => root.join(rel).display().to_string(),
            (None, None) => format!("content/{rel} (built-in)"),
        }
    }

    /// Paths inside the library of the files under `prefix` (e.g. `images/`).
    pub fn files_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.files
            .keys()
            .filter(move |k| k.starts_with(prefix))
            .map(String::as_str)
    }

    /// Does the library have this file (path inside the library)?
    pub fn has_file(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }

    /// The bytes of a library file.
    pub fn read(&self, rel: &str) -> Result<Cow<'static, [u8]>> {
        match self.files.get(rel) {
            Some(f) => f.read(),
            None => Err(Error::file(
                format!("{}/{rel}", self.name),
                "no such file in the library",
            )),
        }
    }

    /// An exercise, parsed once and then shared.
    pub fn exercise(&self, id: &str) -> Result<Arc<Exercise>> {
        self.exercise_checked(id)
            .map_err(|mut problems| problems.remove(0))
    }

    /// The problems of an exercise's figure, each with its line (for `check`).
    pub fn figure_problems(&self, ex: &Exercise) -> Vec<Error> {
        let Some(rel) = self.exercises.get(&ex.id) else {
            return Vec::new();
        };
        let text = self
            .read(rel)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        figure_problems(ex, &self.display(rel), &text)
    }

    /// An exercise, or every problem of its file (for `check`).
    pub fn exercise_checked(&self, id: &str) -> std::result::Result<Arc<Exercise>, Vec<Error>> {
        let Some(cell) = self.exercise_cache.get(id) else {
            return Err(vec![Error::UnknownExercise {
                id: id.to_string(),
                suggestion: suggest(id, self.exercise_ids()),
            }]);
        };
        if let Some(e) = cell.get() {
            return Ok(e.clone());
        }
        let rel = &self.exercises[id];
        let shown = self.display(rel);
        let bytes = self.read(rel).map_err(|e| vec![e])?;
        let mut ex: Exercise = diagnose::parse_all(&shown, &bytes)?;
        ex.id = id.to_string();
        let text = String::from_utf8_lossy(&bytes);
        let problems = validate_exercise(&ex, &shown, &text);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(cell.get_or_init(|| Arc::new(ex)).clone())
    }

    pub fn program(&self, id: &str) -> Result<Program> {
        self.program_checked(id)
            .map_err(|mut problems| problems.remove(0))
    }

    /// A program, or every problem of its file (for `check`).
    pub fn program_checked(&self, id: &str) -> std::result::Result<Program, Vec<Error>> {
        let Some(rel) = self.programs.get(id) else {
            return Err(vec![Error::UnknownProgram {
                id: id.to_string(),
                suggestion: suggest(id, self.program_ids()),
            }]);
        };
        let cell = &self.program_cache[id];
        if let Some(p) = cell.get() {
            return Ok(p.clone());
        }
        let bytes = self.read(rel).map_err(|e| vec![e])?;
        let mut p: Program = diagnose::parse_all(&self.display(rel), &bytes)?;
        p.id = id.to_string();
        Ok(cell.get_or_init(|| p).clone())
    }

    /// Where a program's file is, and its text (to point at lines in it).
    pub fn program_source(&self, id: &str) -> Option<(String, String)> {
        let rel = self.programs.get(id)?;
        let text = String::from_utf8(self.read(rel).ok()?.into_owned()).ok()?;
        Some((self.display(rel), text))
    }

    /// A template, parsed and checked (its first problem is the error).
    pub fn template(&self, id: &str) -> Result<Template> {
        self.template_checked(id)
            .map_err(|mut problems| problems.remove(0))
    }

    /// A template, or every problem of its file: how it is written, then its
    /// values (for `check`).
    pub fn template_checked(&self, id: &str) -> std::result::Result<Template, Vec<Error>> {
        let Some(rel) = self.templates.get(id) else {
            return Err(vec![Error::UnknownTemplate {
                id: id.to_string(),
                suggestion: suggest(id, self.template_ids()),
            }]);
        };
        let bytes = self.read(rel).map_err(|e| vec![e])?;
        let mut t: Template = diagnose::parse_all(&self.display(rel), &bytes)?;
        t.id = id.to_string();
        let problems = self.template_problems(&t);
        if problems.is_empty() {
            Ok(t)
        } else {
            Err(problems)
        }
    }

    /// Every problem of a parsed template's values, with the file and line of each.
    pub fn template_problems(&self, t: &Template) -> Vec<Error> {
        let Some(rel) = self.templates.get(&t.id) else {
            return Vec::new();
        };
        let text = self
            .read(rel)
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        limits::template_problems(t, &text.unwrap_or_default(), &self.display(rel))
    }

    pub fn fonts_manifest(&self) -> Result<FontsManifest> {
        self.parse("fonts/fonts.toml")
    }

    /// Path inside the library of an image named by content (`clams.svg`).
    pub fn image_path(name: &str) -> String {
        format!("images/{name}")
    }

    fn parse<T: DeserializeOwned>(&self, rel: &str) -> Result<T> {
        let shown = self.display(rel);
        parse_toml(&shown, &self.read(rel)?)
    }
}

/// Parse TOML into `T`, turning errors into `file:line:col: message` in plain
/// words (the first problem; [`diagnose::parse_all`] gives them all).
pub fn parse_toml<T: DeserializeOwned>(shown: &str, bytes: &[u8]) -> Result<T> {
    diagnose::parse_all(shown, bytes).map_err(|mut problems| problems.remove(0))
}

#[cfg(test)]
mod tests;
