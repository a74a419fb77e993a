//! Templates checked as a whole: every length and ratio in a range that makes
//! a readable page, and a page with room for the header, a card and the footer.
//! Each problem names the template file, the line of the key and the range.

use super::model::Template;
use crate::error::{Error, Pos};

/// One key of a template with the range it must lie in.
struct Range {
    section: &'static str,
    key: &'static str,
    min: f32,
    max: f32,
    unit: &'static str,
}

const fn r(
    section: &'static str,
    key: &'static str,
    min: f32,
    max: f32,
    unit: &'static str,
) -> Range {
    Range {
        section,
        key,
        min,
        max,
        unit,
    }
}

/// The ranges, as a designer would keep them for a printed handout.
const RANGES: &[Range] = &[
    r("page", "margin-mm", 5.0, 40.0, "mm"),
    r("page", "footer-gap-mm", 0.5, 20.0, "mm"),
    r("text", "body-pt", 8.0, 28.0, "pt"),
    r("text", "line-height", 1.0, 2.5, "times the type size"),
    r("text", "title-pt", 10.0, 48.0, "pt"),
    r("text", "clinic-pt", 8.0, 40.0, "pt"),
    r("text", "heading-pt", 8.0, 40.0, "pt"),
    r("text", "dose-pt", 8.0, 40.0, "pt"),
    r("text", "small-pt", 7.0, 28.0, "pt"),
    r("header", "logo-height-mm", 5.0, 50.0, "mm"),
    r("card", "picture-width-mm", 15.0, 120.0, "mm"),
    r("card", "gap-mm", 0.5, 20.0, "mm"),
    r("card", "padding-mm", 0.5, 15.0, "mm"),
    r("card", "spacing-mm", 0.5, 20.0, "mm"),
    r("card", "border-pt", 0.1, 5.0, "pt"),
    r("card", "corner-mm", 0.1, 10.0, "mm"),
];

/// The narrowest and shortest paper a template must fit (A4's width, Letter's height), in mm.
const PAPER_MM: (f32, f32) = (210.0, 279.4);
/// The least room a page must leave for the words, in mm.
const MIN_CONTENT_MM: (f32, f32) = (100.0, 150.0);

fn value(t: &Template, section: &str, key: &str) -> f32 {
    match (section, key) {
        ("page", "margin-mm") => t.page.margin_mm.0,
        ("page", "footer-gap-mm") => t.page.footer_gap_mm.0,
        ("text", "body-pt") => t.text.body_pt.0,
        ("text", "line-height") => t.text.line_height.0,
        ("text", "title-pt") => t.text.title_pt.0,
        ("text", "clinic-pt") => t.text.clinic_pt.0,
        ("text", "heading-pt") => t.text.heading_pt.0,
        ("text", "dose-pt") => t.text.dose_pt.0,
        ("text", "small-pt") => t.text.small_pt.0,
        ("header", "logo-height-mm") => t.header.logo_height_mm.0,
        ("card", "picture-width-mm") => t.card.picture_width_mm.0,
        ("card", "gap-mm") => t.card.gap_mm.0,
        ("card", "padding-mm") => t.card.padding_mm.0,
        ("card", "spacing-mm") => t.card.spacing_mm.0,
        ("card", "border-pt") => t.card.border_pt.0,
        ("card", "corner-mm") => t.card.corner_mm.0,
        _ => f32::NAN,
    }
}

/// Where `key` is written under `[section]` in the template's text.
fn position(text: &str, section: &str, key: &str) -> Option<Pos> {
    let header = format!("[{section}]");
    let mut in_section = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            in_section = t.starts_with(&header);
        } else if in_section
            && t.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            let indent = line.len() - line.trim_start().len();
            return Some(Pos::of_offset(text, offset + indent));
        }
        offset += line.len();
    }
    None
}

/// Every problem of a parsed template; `text` is its file's text, `shown` its name.
pub fn template_problems(t: &Template, text: &str, shown: &str) -> Vec<Error> {
    let mut problems = Vec::new();
    let at = |section: &str, key: &str, message: String, hint: &str| Error::File {
        path: shown.to_string(),
        pos: position(text, section, key),
        message,
        hint: Some(hint.to_string()),
    };
    for r in RANGES {
        let v = value(t, r.section, r.key);
        if !(r.min..=r.max).contains(&v) {
            problems.push(at(
                r.section,
                r.key,
                format!(
                    "[{}] {} = {v} is outside {} to {} {}",
                    r.section, r.key, r.min, r.max, r.unit
                ),
                "set it within the range; the built-in templates show values that print well",
            ));
        }
    }
    let m = t.page.margin_mm.0;
    let (w, h) = (PAPER_MM.0 - 2.0 * m, PAPER_MM.1 - 2.0 * m);
    if w < MIN_CONTENT_MM.0 || h < MIN_CONTENT_MM.1 {
        problems.push(at(
            "page",
            "margin-mm",
            format!(
                "[page] margin-mm = {m} leaves {w:.0} x {h:.0} mm for the words; a page needs at least {} x {} mm for the header, a card and the footer",
                MIN_CONTENT_MM.0, MIN_CONTENT_MM.1
            ),
            "use smaller margins",
        ));
    }
    let columns = t.layout.columns.0 as f32;
    let cell = (w - (columns - 1.0) * t.card.spacing_mm.0) / columns;
    if t.card.picture_width_mm.0 + t.card.gap_mm.0 + 2.0 * t.card.padding_mm.0 > cell * 0.8 {
        problems.push(at(
            "card",
            "picture-width-mm",
            format!(
                "[card] picture-width-mm = {} leaves too little room for the words in a card {cell:.0} mm wide",
                t.card.picture_width_mm.0
            ),
            "use a narrower picture, fewer columns or smaller margins",
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_toml;

    const STANDARD: &str = include_str!("../../templates/standard.toml");

    fn problems(text: &str) -> Vec<String> {
        let t: Template = parse_toml("t.toml", text.as_bytes()).unwrap();
        template_problems(&t, text, "t.toml")
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn the_built_in_template_is_sane() {
        assert!(problems(STANDARD).is_empty(), "{:?}", problems(STANDARD));
    }

    #[test]
    fn absurd_values_name_the_file_line_key_and_range() {
        let text: String = STANDARD
            .lines()
            .map(|l| {
                if l.starts_with("line-height") {
                    "line-height = 0.001"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        let line = STANDARD
            .lines()
            .position(|l| l.starts_with("line-height"))
            .unwrap()
            + 1;
        assert_eq!(
            p[0],
            format!("t.toml:{line}:1: [text] line-height = 0.001 is outside 1 to 2.5 times the type size")
        );
        let text = STANDARD.replace("margin-mm = 11", "margin-mm = 120");
        let p = problems(&text);
        assert!(
            p.iter()
                .any(|m| m.contains("[page] margin-mm = 120 is outside 5 to 40 mm")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|m| m.contains("for the header, a card and the footer")),
            "{p:?}"
        );
    }
}
