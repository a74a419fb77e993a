//! Writing handouts: file names, and files that appear whole or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// A file-name-safe form of a patient's name: lowercase ASCII words joined by
/// hyphens (`Zoë Ó'Brien` -> `zoe-obrien`), at most 60 characters.
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut out = String::new();
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' || c == '`' {
            // O'Brien -> obrien
        } else {
            pending_dash = true;
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "patient".into()
    } else {
        out
    }
}

/// `<patient-slug>-<date>.pdf`
pub fn default_file_name(patient: &str, date: NaiveDate) -> String {
    format!("{}-{}.pdf", slug(patient), date.format("%Y-%m-%d"))
}

/// Write `bytes` to `path` through a temporary file in the same folder, renamed
/// into place: the file appears whole or not at all. Without `force`, an
/// existing file is never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(Error::OutputIsFolder(path.to_path_buf()));
    }
    if !force && path.exists() {
        return Err(Error::OutputExists(path.to_path_buf()));
    }
    let werr = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source: without_temporary_name(source),
    };
    if !dir.is_dir() {
        return Err(werr(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("there is no folder {}", dir.display()),
        )));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".handout-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(werr)?;
    tmp.write_all(bytes).map_err(werr)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(werr)?;
    }
    if force {
        tmp.persist(path).map_err(|e| werr(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::OutputExists(path.to_path_buf())
            } else {
                werr(e.error)
            }
        })?;
    }
    Ok(())
}

/// The temporary file's name is ours, not the user's: an error from
/// creating or renaming it is shown without it (tempfile adds "at path ...").
fn without_temporary_name(e: std::io::Error) -> std::io::Error {
    let kind = e.kind();
    match e.get_ref().and_then(std::error::Error::source) {
        Some(inner) => std::io::Error::new(kind, inner.to_string()),
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Zoë Ó'Brien"), "zoe-obrien");
        assert_eq!(slug("Jane Doe"), "jane-doe");
        assert_eq!(slug("  Anne-Marie  d’Arc "), "anne-marie-darc");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Σωκράτης"), "sokrates");
        assert_eq!(slug("!!!"), "patient");
        assert!(slug(&"a".repeat(500)).len() <= 60);
    }

    #[test]
    fn atomic_write_never_clobbers_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.pdf");
        write_atomic(&p, b"one", false).unwrap();
        assert!(matches!(
            write_atomic(&p, b"two", false),
            Err(Error::OutputExists(_))
        ));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        // No temporary files left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unwritable_folder_is_an_error() {
        let p = Path::new("/nonexistent-folder-for-handout/a.pdf");
        assert!(matches!(
            write_atomic(p, b"x", false),
            Err(Error::Write { .. })
        ));
    }
}
