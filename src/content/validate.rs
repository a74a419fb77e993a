//! What an exercise's types cannot catch: empty or placeholder text, too many
//! pictures, a figure that cannot be drawn, a video address that is not one.

use super::model::{Clinic, Exercise};
use crate::error::Error;

/// The full address of an exercise's video: its `video` if that is a full
/// http(s) address, else `video` resolved against the clinic's `video-base-url`.
pub fn video_url(clinic: &Clinic, ex: &Exercise) -> std::result::Result<Option<String>, String> {
    let Some(v) = ex.video.as_deref().map(str::trim) else {
        return Ok(None);
    };
    let web = |u: url::Url, what: &str| -> std::result::Result<String, String> {
        if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none_or(str::is_empty) {
            return Err(format!(
                "{what} `{u}` is not a web address (http:// or https://)"
            ));
        }
        Ok(u.to_string())
    };
    match url::Url::parse(v) {
        Ok(u) => web(u, "the video").map(Some),
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let Some(base) = &clinic.video_base_url else {
                return Err(format!(
                    "the video `{v}` is not a full address (https://...) and clinic.toml has no `video-base-url`"
                ));
            };
            let base = url::Url::parse(base.trim()).map_err(|e| {
                format!("clinic.toml `video-base-url` `{base}` is not a valid address: {e}")
            })?;
            let base = web(base, "clinic.toml `video-base-url`")?;
            let base = url::Url::parse(&base).map_err(|e| e.to_string())?;
            let joined = base
                .join(v)
                .map_err(|e| format!("the video `{v}` is not a valid address: {e}"))?;
            web(joined, "the video").map(Some)
        }
        Err(e) => Err(format!("the video `{v}` is not a valid address: {e}")),
    }
}

/// The text `handout new-exercise` writes for the author to replace.
pub const PLACEHOLDERS: &[&str] = &[
    "Write in one line what this exercise does for the patient.",
    "Describe how to get into the starting position.",
    "First step.",
    "Second step.",
];

/// Every problem of a parsed exercise that its types cannot catch; `text` is
/// its file's text (for positions).
pub(super) fn validate_exercise(ex: &Exercise, shown: &str, text: &str) -> Vec<Error> {
    let mut problems = Vec::new();
    let at = |needle: &str, message: String| {
        let pos = text
            .find(needle)
            .map(|o| crate::error::Pos::of_offset(text, o));
        Error::File {
            path: shown.to_string(),
            pos,
            message,
            hint: None,
        }
    };
    if ex.title.trim().is_empty() {
        problems.push(at("title", "`title` is empty".into()));
    }
    if ex.steps.is_empty() {
        problems.push(at(
            "steps",
            "`steps` is empty: give at least one step".into(),
        ));
    }
    if ex.steps.iter().any(|s| s.trim().is_empty()) {
        problems.push(at("steps", "a step is empty".into()));
    }
    if ex.images.len() > 2 {
        problems.push(at("[[images]]", "at most two images fit on a card".into()));
    }
    let mut texts: Vec<&str> = vec![ex.aim.as_str()];
    texts.extend(ex.start.as_deref());
    texts.extend(ex.steps.iter().map(String::as_str));
    for p in PLACEHOLDERS {
        if texts.iter().any(|t| t.trim() == *p) {
            problems.push(
                at(
                    p,
                    format!("\"{p}\" is the placeholder that new-exercise wrote"),
                )
                .with_hint("replace it with your own words for the patient"),
            );
        }
    }
    problems
}

/// The problems of an exercise's figure: names, ranges, and a pose through
/// the floor or a prop (posing the body to find out, so `check` asks for it,
/// not every handout).
pub(super) fn figure_problems(ex: &Exercise, shown: &str, text: &str) -> Vec<Error> {
    let Some(fig) = &ex.figure else {
        return Vec::new();
    };
    crate::figure::validate(fig)
        .into_iter()
        .map(|p| Error::File {
            path: shown.to_string(),
            pos: p.span.map(|s| crate::error::Pos::of_offset(text, s.start)),
            message: format!("figure: {}", p.message),
            hint: p.hint,
        })
        .collect()
}
