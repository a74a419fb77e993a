//! Which library a run uses, and the optional config file that sets it once.
//!
//! The first of these wins:
//!
//! 1. `--library DIR` on the command line;
//! 2. the `HANDOUT_LIBRARY` environment variable (ignored when empty);
//! 3. `library = "DIR"` in a config file: `handout.toml` in the current folder,
//!    else the user's `handout/handout.toml` in `$XDG_CONFIG_HOME` (or
//!    `~/.config`; `%APPDATA%` on Windows). A relative `DIR` is relative to the
//!    config file's folder;
//! 4. the library built into the binary.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::content::{parse_toml, Library};
use crate::error::{Error, Result};

/// The name of the config file, in the current folder or the user's config folder.
pub const CONFIG_FILE: &str = "handout.toml";
/// The environment variable naming a library folder.
pub const LIBRARY_VAR: &str = "HANDOUT_LIBRARY";

/// `handout.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The library folder; relative to the config file's folder.
    pub library: Option<PathBuf>,
}

/// Where the choice of library came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    /// The config file that set it.
    ConfigFile(PathBuf),
    BuiltIn,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag => f.write_str("--library"),
            Source::Env => f.write_str(LIBRARY_VAR),
            Source::ConfigFile(p) => write!(f, "{}", p.display()),
            Source::BuiltIn => f.write_str("the built-in library"),
        }
    }
}

/// The library to use: a folder (and who chose it), or the built-in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub dir: Option<PathBuf>,
    pub source: Source,
}

/// What the choice depends on, passed in so that it can be tested.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// `--library`, if given.
    pub flag: Option<PathBuf>,
    /// The value of `HANDOUT_LIBRARY`, if set.
    pub env: Option<OsString>,
    /// The config file in the current folder (normally just `handout.toml`).
    pub local_config: PathBuf,
    /// The user's config file, if there is a config folder.
    pub user_config: Option<PathBuf>,
}

impl Context {
    /// The real environment of this process.
    pub fn from_env(flag: Option<PathBuf>) -> Context {
        Context {
            flag,
            env: std::env::var_os(LIBRARY_VAR),
            local_config: PathBuf::from(CONFIG_FILE),
            user_config: user_config_file(),
        }
    }
}

/// The user's config file: `$XDG_CONFIG_HOME/handout/handout.toml`, else
/// `~/.config/handout/handout.toml` (`%APPDATA%\handout\handout.toml` on Windows).
pub fn user_config_file() -> Option<PathBuf> {
    let nonempty = |v: &str| {
        std::env::var_os(v)
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        nonempty("APPDATA")
    } else {
        nonempty("XDG_CONFIG_HOME").or_else(|| nonempty("HOME").map(|h| h.join(".config")))
    }?;
    Some(base.join("handout").join(CONFIG_FILE))
}

/// Read a config file.
pub fn read_config(path: &Path) -> Result<Config> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.display().to_string(),
        source,
    })?;
    parse_toml(&path.display().to_string(), &bytes)
}

/// Decide which library to use (see the module documentation for the order).
pub fn choose(ctx: &Context) -> Result<Choice> {
    if let Some(dir) = &ctx.flag {
        return Ok(Choice {
            dir: Some(dir.clone()),
            source: Source::Flag,
        });
    }
    if let Some(v) = ctx.env.as_ref().filter(|v| !v.is_empty()) {
        return Ok(Choice {
            dir: Some(expand_home(Path::new(v))),
            source: Source::Env,
        });
    }
    let files = std::iter::once(ctx.local_config.clone()).chain(ctx.user_config.clone());
    for file in files {
        if !file.is_file() {
            continue;
        }
        let config = read_config(&file)?;
        let Some(lib) = config.library else {
            // A config file without `library` chooses the built-in library.
            break;
        };
        let lib = expand_home(&lib);
        let dir = if lib.is_absolute() {
            lib
        } else {
            file.parent().unwrap_or(Path::new("")).join(lib)
        };
        return Ok(Choice {
            dir: Some(dir),
            source: Source::ConfigFile(file),
        });
    }
    Ok(Choice {
        dir: None,
        source: Source::BuiltIn,
    })
}

/// `~/x` to `$HOME/x`; anything else unchanged.
fn expand_home(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) if !home.is_empty() => PathBuf::from(home).join(rest),
        _ => p.to_path_buf(),
    }
}

/// Open the chosen library; an error says who chose a folder that is not a library.
pub fn open(choice: &Choice) -> Result<Library> {
    open_as(choice, Library::open)
}

/// Open the chosen library to check it (see [`Library::open_to_check`]).
pub fn open_to_check(choice: &Choice) -> Result<Library> {
    open_as(choice, Library::open_to_check)
}

fn open_as(choice: &Choice, open: fn(&Path) -> Result<Library>) -> Result<Library> {
    match &choice.dir {
        None => Library::builtin(),
        Some(dir) => open(dir).map_err(|e| match e {
            Error::NotALibrary { path, message } if choice.source != Source::Flag => {
                Error::NotALibrary {
                    path,
                    message: format!("{message} (the library set by {})", choice.source),
                }
            }
            e => e,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(dir: &Path) -> Context {
        Context {
            flag: None,
            env: None,
            local_config: dir.join("here").join(CONFIG_FILE),
            user_config: Some(dir.join("user").join(CONFIG_FILE)),
        }
    }

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn precedence_flag_env_local_user_builtin() {
        let d = tempfile::tempdir().unwrap();
        let mut c = ctx(d.path());
        assert_eq!(choose(&c).unwrap().source, Source::BuiltIn);
        assert_eq!(choose(&c).unwrap().dir, None);

        write(c.user_config.as_ref().unwrap(), "library = \"user-lib\"\n");
        let got = choose(&c).unwrap();
        assert_eq!(got.dir, Some(d.path().join("user").join("user-lib")));
        assert_eq!(
            got.source,
            Source::ConfigFile(c.user_config.clone().unwrap())
        );

        write(&c.local_config, "library = \"/abs/lib\"\n");
        let got = choose(&c).unwrap();
        assert_eq!(got.dir, Some(PathBuf::from("/abs/lib")));
        assert_eq!(got.source, Source::ConfigFile(c.local_config.clone()));

        c.env = Some(OsString::new());
        assert_eq!(choose(&c).unwrap().dir, Some(PathBuf::from("/abs/lib")));
        c.env = Some("env-lib".into());
        let got = choose(&c).unwrap();
        assert_eq!(
            (got.dir, got.source),
            (Some(PathBuf::from("env-lib")), Source::Env)
        );

        c.flag = Some("flag-lib".into());
        let got = choose(&c).unwrap();
        assert_eq!(
            (got.dir, got.source),
            (Some(PathBuf::from("flag-lib")), Source::Flag)
        );
    }

    #[test]
    fn a_config_without_library_means_built_in() {
        let d = tempfile::tempdir().unwrap();
        let c = ctx(d.path());
        write(&c.local_config, "# nothing yet\n");
        write(c.user_config.as_ref().unwrap(), "library = \"user-lib\"\n");
        assert_eq!(choose(&c).unwrap().source, Source::BuiltIn);
    }

    #[test]
    fn unknown_keys_are_errors_with_line_and_column() {
        let d = tempfile::tempdir().unwrap();
        let c = ctx(d.path());
        write(&c.local_config, "library = \"x\"\nlibary = \"y\"\n");
        let msg = choose(&c).unwrap_err().to_string();
        let want = format!(
            "{}:2:1: unknown field `libary`, expected `library`",
            c.local_config.display()
        );
        assert_eq!(msg, want);
    }

    #[test]
    fn a_missing_library_names_who_chose_it() {
        let d = tempfile::tempdir().unwrap();
        let c = ctx(d.path());
        write(&c.local_config, "library = \"nowhere\"\n");
        let e = open(&choose(&c).unwrap()).unwrap_err().to_string();
        assert!(e.contains("nowhere: not a handout library"), "{e}");
        assert!(
            e.ends_with(&format!(
                "(the library set by {})",
                c.local_config.display()
            )),
            "{e}"
        );
    }
}
