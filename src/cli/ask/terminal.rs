//! The questions asked on the terminal, with inquire (on standard error).

use handout::error::{Error, Result};

use super::{Prompter, SelectQuestion, TextQuestion};

/// Questions on the terminal.
pub struct Terminal;

fn inquire_error(e: inquire::InquireError) -> Error {
    use inquire::InquireError as E;
    match e {
        E::OperationCanceled => Error::Cancelled { interrupted: false },
        E::OperationInterrupted => Error::Cancelled { interrupted: true },
        E::NotTTY => Error::NoTerminal,
        E::IO(source) => Error::Read {
            path: "the terminal".into(),
            source,
        },
        e => Error::Refused {
            message: format!("the question could not be asked: {e}"),
            hint: None,
        },
    }
}

impl Prompter for Terminal {
    fn text(&mut self, q: &TextQuestion<'_>) -> Result<String> {
        let check = q.check.clone();
        let mut t = inquire::Text::new(q.message).with_validator(move |s: &str| {
            Ok(match check(s) {
                Ok(()) => inquire::validator::Validation::Valid,
                Err(m) => inquire::validator::Validation::Invalid(m.into()),
            })
        });
        if let Some(h) = q.help {
            t = t.with_help_message(h);
        }
        if let Some(d) = q.default.filter(|d| !d.is_empty()) {
            t = t.with_default(d);
        }
        t.prompt().map_err(inquire_error)
    }

    fn select(&mut self, q: &SelectQuestion<'_>) -> Result<usize> {
        let picked = inquire::Select::new(q.message, q.options.to_vec())
            .with_help_message(q.help)
            .with_page_size(12)
            .with_starting_cursor(q.start.min(q.options.len().saturating_sub(1)))
            // Typing searches as `handout list` does: by words, typos forgiven.
            .with_scorer(&|input, _, value, _| {
                if input.trim().is_empty() {
                    return Some(0);
                }
                handout::catalogue::text_score(value, input).map(|s| (s * 1000.0) as i64)
            })
            // Once answered, show the title without its tags.
            .with_formatter(&|o| o.value.split("  ").next().unwrap_or(o.value).to_string())
            .raw_prompt()
            .map_err(inquire_error)?;
        Ok(picked.index)
    }

    fn say(&mut self, text: &str) {
        eprintln!("{}", super::super::report::escape(text));
    }
}
