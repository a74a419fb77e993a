//! After the PDF is written: open it in the system viewer (`--open`), or send
//! it to a printer (`--print`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use handout::error::{Error, Result};
use handout::request::Paper;

use super::args::FastPath;

/// `--open` and `--print` cannot act on standard output: refuse before any work.
pub fn check(fast: &FastPath, to_stdout: bool) -> Result<()> {
    if to_stdout && (fast.open || fast.print.is_some()) {
        return Err(Error::Refused {
            message: "--open and --print need a PDF file, not standard output".into(),
            hint: Some("leave out `-o -`, or name a file with -o".into()),
        });
    }
    Ok(())
}

/// After the PDF is written: print it and/or open it, as the flags ask.
pub fn deliver(fast: &FastPath, path: &Path, paper: Paper) -> Result<()> {
    if let Some(printer) = &fast.print {
        let said = print(path, Some(printer), paper)?;
        let to = if printer.is_empty() {
            "the default printer".to_string()
        } else {
            format!("printer {printer}")
        };
        if said.is_empty() {
            eprintln!("sent {} to {to}", path.display());
        } else {
            eprintln!("sent {} to {to}: {said}", path.display());
        }
    }
    if fast.open {
        open(path)?;
    }
    Ok(())
}

/// The print command and its arguments: `lp [-d PRINTER] -o media=A4 FILE`.
pub fn print_command(file: &Path, printer: Option<&str>, paper: Paper) -> Command {
    let mut c = Command::new("lp");
    if let Some(p) = printer.filter(|p| !p.trim().is_empty()) {
        c.arg("-d").arg(p.trim());
    }
    let media = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "Letter",
    };
    c.arg("-o")
        .arg(format!("media={media}"))
        .arg(safe_arg(file));
    c
}

/// A path that cannot be taken for an option (`-x.pdf` becomes `./-x.pdf`).
fn safe_arg(file: &Path) -> PathBuf {
    if file.is_relative() && file.to_string_lossy().starts_with('-') {
        Path::new(".").join(file)
    } else {
        file.to_path_buf()
    }
}

/// Send `file` to a printer (the default one when `printer` is `None` or empty)
/// and wait for the print command. Returns what it said (e.g. `request id is
/// office-12 (1 file(s))`); an error carries its exit status and message.
pub fn print(file: &Path, printer: Option<&str>, paper: Paper) -> Result<String> {
    let mut cmd = print_command(file, printer, paper);
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Deliver {
            path: file.to_path_buf(),
            message: if e.kind() == std::io::ErrorKind::NotFound {
                "cannot print: the print command `lp` was not found (install CUPS, e.g. the cups-client package)".into()
            } else {
                format!("cannot print: cannot run `lp`: {e}")
            },
        })?;
    let said = |b: &[u8]| String::from_utf8_lossy(b).trim().to_string();
    if out.status.success() {
        return Ok(said(&out.stdout));
    }
    let status = match out.status.code() {
        Some(c) => format!("exit code {c}"),
        None => "killed by a signal".into(),
    };
    let mut message = format!("printing failed: `lp` ended with {status}");
    let err = said(&out.stderr);
    let text = if err.is_empty() {
        said(&out.stdout)
    } else {
        err
    };
    if !text.is_empty() {
        message += ": ";
        message += &text;
    }
    Err(Error::Deliver {
        path: file.to_path_buf(),
        message,
    })
}

/// The system's "open this file" command.
pub fn open_command(file: &Path) -> Command {
    let mut c = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        Command::new("xdg-open")
    };
    c.arg(safe_arg(file));
    c
}

/// Open `file` in the system viewer. Waits a few seconds for the opener to
/// report a failure; an opener still running after that (a viewer started in
/// the foreground) is left running.
pub fn open(file: &Path) -> Result<()> {
    let mut cmd = open_command(file);
    let name = cmd.get_program().to_string_lossy().into_owned();
    let err = |message: String| Error::Deliver {
        path: file.to_path_buf(),
        message,
    };
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| err(format!("cannot open the PDF: cannot run `{name}`: {e}")))?;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(err(format!(
                    "cannot open the PDF: `{name}` ended with {}",
                    status
                        .code()
                        .map_or("a signal".to_string(), |c| format!("exit code {c}"))
                )))
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(err(format!("cannot open the PDF: {e}"))),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(c: &Command) -> Vec<String> {
        c.get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn print_arguments() {
        let c = print_command(Path::new("jane.pdf"), Some("office"), Paper::A4);
        assert_eq!(c.get_program(), "lp");
        assert_eq!(args(&c), ["-d", "office", "-o", "media=A4", "jane.pdf"]);
        let c = print_command(Path::new("-j.pdf"), None, Paper::Letter);
        assert_eq!(args(&c), ["-o", "media=Letter", "./-j.pdf"]);
        let c = print_command(Path::new("/t/j.pdf"), Some(""), Paper::A4);
        assert_eq!(args(&c), ["-o", "media=A4", "/t/j.pdf"]);
    }
}
