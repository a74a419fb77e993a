//! How hard an exercise's words are to read: the Flesch–Kincaid grade (a US
//! school grade) of everything the patient reads about it.

use crate::content::{Exercise, Program};

/// Grades above this are warned about; the built-in library keeps to
/// [`BUILT_IN_GRADE`] or below.
pub const WARN_GRADE: f64 = 7.0;
pub const BUILT_IN_GRADE: f64 = 6.0;

/// The patient-facing text of an exercise, each part a sentence.
fn sentences<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        text += p;
        if !p.ends_with(['.', '!', '?']) {
            text.push('.');
        }
        text.push(' ');
    }
    text
}

/// The reading grade of an exercise's words.
pub fn exercise_grade(ex: &Exercise) -> f64 {
    let mut parts: Vec<&str> = vec![ex.title.as_str(), ex.aim.as_str()];
    parts.extend(ex.start.as_deref());
    parts.extend(ex.steps.iter().map(String::as_str));
    parts.extend(ex.tips.iter().map(String::as_str));
    parts.extend(ex.cautions.iter().map(String::as_str));
    parts.extend(ex.easier.as_deref());
    parts.extend(ex.harder.as_deref());
    grade(&sentences(parts))
}

/// The reading grade of a programme's title and purpose.
pub fn program_grade(p: &Program) -> f64 {
    grade(&sentences([p.title.as_str(), p.purpose.as_str()]))
}

fn grade(text: &str) -> f64 {
    if text.trim().is_empty() {
        return 0.0;
    }
    textstat::flesch_kincaid_grade(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_score_low_and_jargon_high() {
        let plain = grade(&sentences([
            "Lie on your back.",
            "Lift one knee to your chest.",
            "Hold, then lower it",
        ]));
        let jargon = grade(&sentences([
            "Perform unilateral hip flexion whilst maintaining lumbopelvic neutrality throughout the prescribed repetitions.",
        ]));
        assert!(plain < 4.0, "{plain}");
        assert!(jargon > 12.0, "{jargon}");
    }
}
