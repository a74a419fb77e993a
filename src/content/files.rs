//! Where a library's files come from (embedded in the binary, or a folder on
//! disk) and the bounded walk that indexes a folder.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where one library file's bytes come from.
#[derive(Debug, Clone)]
pub(super) enum Origin {
    Embedded {
        path: &'static str,
        bytes: &'static [u8],
    },
    Disk(PathBuf),
}

/// One file of the library, addressed by its path inside the library
/// (`exercises/clams.toml`), displayed by where it really is.
#[derive(Debug, Clone)]
pub(super) struct FileRef {
    pub(super) origin: Origin,
}

impl FileRef {
    pub(super) fn display(&self) -> String {
        match &self.origin {
            Origin::Embedded { path, .. } => format!("{path} (built-in)"),
            Origin::Disk(p) => p.display().to_string(),
        }
    }

    pub(super) fn read(&self) -> Result<Cow<'static, [u8]>> {
        match &self.origin {
            Origin::Embedded { bytes, .. } => Ok(Cow::Borrowed(bytes)),
            Origin::Disk(p) => std::fs::read(p)
                .map(Cow::Owned)
                .map_err(|source| Error::Read {
                    path: p.display().to_string(),
                    source,
                }),
        }
    }
}

/// Folders of a library are read at most this deep.
pub const MAX_DEPTH: usize = 8;
/// The most files one top folder of a library (e.g. `exercises/`) may hold.
pub const MAX_FILES: usize = 10_000;

/// Index the files under `dir` as `rel/...`, in name order. Links to folders
/// are followed but never round a loop, hidden files are skipped, and the walk
/// stops at [`MAX_DEPTH`] and [`MAX_FILES`]: what it could not read goes to
/// `problems`, so `check` names it.
pub(super) fn walk(
    dir: &Path,
    rel: &str,
    out: &mut BTreeMap<String, FileRef>,
    problems: &mut Vec<Error>,
    confine: Option<&Path>,
) -> Result<()> {
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .max_depth(MAX_DEPTH)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut count = 0;
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                problems.push(if e.loop_ancestor().is_some() {
                    Error::file(
                        at,
                        "this link leads back to a folder that holds it; it was not followed",
                    )
                    .with_hint("remove the link, or point it at a folder outside this one")
                } else {
                    Error::file(at, format!("cannot be read: {e}"))
                });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            if entry.depth() == MAX_DEPTH {
                problems.push(Error::file(
                    entry.path().display().to_string(),
                    format!("folders nested more than {MAX_DEPTH} deep are not read"),
                ));
            }
            continue;
        }
        count += 1;
        if count > MAX_FILES {
            return Err(Error::file(
                dir.display().to_string(),
                format!("the folder holds more than {MAX_FILES} files; is it the right folder?"),
            ));
        }
        let Ok(inside) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let Some(inside) = inside.to_str() else {
            problems.push(Error::file(
                entry.path().display().to_string(),
                "the file name is not valid Unicode; it was not read",
            ));
            continue;
        };
        let inside = inside.replace(std::path::MAIN_SEPARATOR, "/");
        // Pictures stay inside the library: a link that leads out of it is not read.
        if let Some(root) = confine {
            let real = std::fs::canonicalize(entry.path());
            if !real.as_ref().is_ok_and(|r| r.starts_with(root)) {
                problems.push(
                    Error::file(
                        entry.path().display().to_string(),
                        "this is a link to a file outside the library; it was not read",
                    )
                    .with_hint("copy the picture into the library's images/ folder"),
                );
                continue;
            }
        }
        out.insert(
            format!("{rel}/{inside}"),
            FileRef {
                origin: Origin::Disk(entry.path().to_path_buf()),
            },
        );
    }
    Ok(())
}
