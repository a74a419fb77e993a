//! Text as it comes in from any face, made safe once, at the edge.
//!
//! Line and page breaks that editors and spreadsheets write in many ways (a
//! lone carriage return, form feed, vertical tab, NEL, the Unicode line and
//! paragraph separators) become line breaks where a field holds paragraphs and
//! spaces where it holds one line; any other control character is refused, as
//! is text longer than its field allows or a letter buried under a stack of
//! accents. Names and notes are health information: an error about them never
//! repeats them.

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::{bad, Field};
use crate::error::Result;

/// The most characters a field may hold: generous for real use, small enough
/// that no value can make a handout slow to lay out.
pub fn max_chars(field: Field) -> usize {
    match field {
        Field::Patient | Field::Clinician => 200,
        Field::Notes => 20_000,
        Field::ExerciseNote => 2_000,
        Field::Exercises => 10_000,
        Field::Program | Field::Template | Field::Output => 200,
        Field::Date | Field::Paper | Field::Log | Field::NextAppointment => 100,
    }
}

/// The most combining marks (accents) one letter may carry.
pub const MAX_MARKS: usize = 4;

/// Does the field hold paragraphs (line breaks kept) rather than one line?
fn holds_paragraphs(field: Field) -> bool {
    matches!(field, Field::Notes | Field::ExerciseNote)
}

/// Is the value health information, never to be repeated in a message?
pub fn is_private(field: Field) -> bool {
    matches!(
        field,
        Field::Patient | Field::Notes | Field::ExerciseNote | Field::Output
    )
}

/// The text of a field, normalised: breaks as the field holds them, no other
/// control characters, within its length, no letter with more than
/// [`MAX_MARKS`] accents.
pub fn clean(field: Field, raw: &str) -> Result<String> {
    let shown = if is_private(field) { "" } else { raw };
    let fail = |reason: String| bad(field, shown, reason);
    let count = raw.chars().count();
    let max = max_chars(field);
    if count > max {
        return Err(fail(format!(
            "it is {count} characters long, and at most {max} fit; shorten it"
        )));
    }
    let paragraphs = holds_paragraphs(field);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().enumerate().peekable();
    let mut marks = 0;
    while let Some((i, c)) = chars.next() {
        let brk = match c {
            // CR LF is one break.
            '\r' => {
                if chars.peek().is_some_and(|(_, n)| *n == '\n') {
                    chars.next();
                }
                true
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
            _ => false,
        };
        if brk {
            out.push(if paragraphs { '\n' } else { ' ' });
            marks = 0;
            continue;
        }
        if c == '\t' {
            out.push(' ');
            marks = 0;
            continue;
        }
        if c.is_control() {
            return Err(fail(format!(
                "it holds a control character (U+{:04X}) at character {}; remove it",
                c as u32,
                i + 1
            )));
        }
        if c.general_category_group() == GeneralCategoryGroup::Mark {
            marks += 1;
            if marks > MAX_MARKS {
                return Err(fail(format!(
                    "character {} carries more than {MAX_MARKS} accents stacked on one letter; remove the extra ones",
                    i + 1
                )));
            }
        } else {
            marks = 0;
        }
        out.push(c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn breaks_become_line_breaks_in_notes_and_spaces_in_names() {
        let raw = "Walk daily\u{0C}Rest on Sundays\rSleep\u{85}Eat\u{2028}Drink\u{2029}Read\u{0B}End\r\nDone\tnow";
        assert_eq!(
            clean(Field::Notes, raw).unwrap(),
            "Walk daily\nRest on Sundays\nSleep\nEat\nDrink\nRead\nEnd\nDone now"
        );
        assert_eq!(
            clean(Field::Patient, "Jane\u{0C}Doe\rSmith").unwrap(),
            "Jane Doe Smith"
        );
    }

    #[test]
    fn other_control_characters_are_refused_without_repeating_private_text() {
        let e = clean(Field::Patient, "Jane\u{1B}[31mDoe").unwrap_err();
        assert!(matches!(
            e,
            Error::Choice {
                field: Field::Patient,
                ..
            }
        ));
        let m = e.to_string();
        assert!(m.contains("U+001B") && m.contains("character 5"), "{m}");
        assert!(!m.contains("Jane"), "{m}");
        let e = clean(Field::Clinician, "Dr\u{7}X").unwrap_err();
        assert!(e.to_string().contains("`Dr\u{7}X`"), "not private: shown");
    }

    #[test]
    fn long_text_and_stacked_accents_are_refused() {
        assert!(clean(Field::Patient, &"a".repeat(200)).is_ok());
        let e = clean(Field::Patient, &"a".repeat(201)).unwrap_err();
        assert!(e.to_string().contains("201 characters"), "{e}");
        assert!(clean(Field::Notes, &"word ".repeat(4000)).is_ok());
        assert!(clean(Field::Notes, &"word ".repeat(4001)).is_err());
        // Vietnamese and precomposed accents are fine; a tower of marks is not.
        assert!(clean(Field::Patient, "Nguyễn Thị Ánh e\u{301}\u{323}").is_ok());
        let zalgo = format!("Z{}oe", "\u{301}\u{302}\u{303}".repeat(10));
        let e = clean(Field::Patient, &zalgo).unwrap_err();
        assert!(e.to_string().contains("accents"), "{e}");
    }
}
