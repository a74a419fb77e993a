//! Text: shaping with font fallback, and line breaking.
//!
//! A paragraph is a list of [`Span`]s (text with a style). It is split into
//! pieces that one face can draw, each piece is shaped with rustybuzz (so
//! kerning and ligatures are measured exactly as they will be drawn), and lines
//! are broken greedily at Unicode line-break opportunities (UAX #14). A word
//! wider than the line is broken between characters.

use unicode_linebreak::{linebreaks, BreakOpportunity};

pub use super::document::{Glyph, GlyphRun, Line, Style};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::document::Color;
use crate::error::{Error, Result};
use crate::fonts::{is_invisible, FontBook, FontId, Weight};

#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
        }
    }
}

/// Paragraphs shaped in one layout, by their spans: the same text wrapped
/// at several widths (the safety box tried in several column widths, a card
/// measured and then placed) is shaped once. It lives as long as one
/// handout's layout, so it holds at most that handout's text.
#[derive(Default)]
pub(crate) struct ShapeCache(RefCell<HashMap<Vec<SpanKey>, Rc<Shaped>>>);

/// A span's text and what its shaping depends on (size as bits).
type SpanKey = (String, Weight, u32, Color);

/// `spans` shaped, from `cache` when they were shaped before.
fn shaped_in(
    cache: &ShapeCache,
    fonts: &FontBook,
    spans: &[Span],
    context: &str,
) -> Result<Rc<Shaped>> {
    let key: Vec<_> = spans
        .iter()
        .map(|s| {
            let st = s.style;
            (s.text.clone(), st.weight, st.size.to_bits(), st.color)
        })
        .collect();
    let known = cache.0.borrow().get(&key).cloned();
    let shaped = match known {
        Some(s) => s,
        None => {
            let s = Rc::new(shape(fonts, spans, context)?);
            cache.0.borrow_mut().insert(key, s.clone());
            s
        }
    };
    Ok(shaped)
}

/// [`wrap`], shaping through `cache`.
pub(crate) fn wrap_in(
    cache: &ShapeCache,
    fonts: &FontBook,
    spans: &[Span],
    width: f32,
    context: &str,
) -> Result<Vec<Line>> {
    lines(fonts, &*shaped_in(cache, fonts, spans, context)?, &|_| {
        width
    })
}

/// Lines as wide as `narrow.0` for the first `narrow.1` lines, then `wide`:
/// a paragraph that runs past the foot of a picture beside it takes the
/// whole width below the picture.
pub(crate) fn wrap_around_in(
    cache: &ShapeCache,
    fonts: &FontBook,
    spans: &[Span],
    narrow: (f32, usize),
    wide: f32,
    context: &str,
) -> Result<Vec<Line>> {
    let shaped = shaped_in(cache, fonts, spans, context)?;
    lines(fonts, &shaped, &|k| {
        if k < narrow.1 {
            narrow.0
        } else {
            wide
        }
    })
}

/// [`measure`], shaping through `cache`.
pub(crate) fn measure_in(
    cache: &ShapeCache,
    fonts: &FontBook,
    text: &str,
    style: Style,
    context: &str,
) -> Result<f32> {
    let shaped = shaped_in(cache, fonts, &[Span::new(text, style)], context)?;
    Ok(shaped.glyphs.iter().map(|(g, _, _)| g.advance).sum())
}

/// A paragraph shaped as one long line, before breaking.
pub(crate) struct Shaped {
    text: String,
    /// (glyph, face, style, absolute cluster start, absolute cluster end)
    glyphs: Vec<(Glyph, FontId, Style)>,
    /// The first span's style (the size and weight of an empty line).
    first: Option<Style>,
}

/// Pick a face for each character: the first face of the style's chain that has
/// it. Marks and joiners stay with the face of the character before them.
fn pieces(
    fonts: &FontBook,
    text: &str,
    weight: Weight,
    context: &str,
) -> Result<Vec<(usize, usize, FontId)>> {
    let mut out: Vec<(usize, usize, FontId)> = Vec::new();
    let primary = fonts.chain(weight)[0];
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let prev = out.last().map(|p| p.2);
        let face = if c.is_whitespace() || is_invisible(c) || c.is_control() {
            prev.unwrap_or(primary)
        } else if is_mark(c) && prev.is_some_and(|p| fonts.face(p).has_char(c)) {
            prev.unwrap()
        } else {
            fonts
                .covering(weight, c)
                .ok_or_else(|| Error::MissingGlyph {
                    ch: c,
                    context: context.to_string(),
                })?
        };
        match out.last_mut() {
            Some(last) if last.2 == face && last.1 == i => last.1 = end,
            _ => out.push((i, end, face)),
        }
    }
    Ok(out)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || c == '\u{200D}'
}

fn shape(fonts: &FontBook, spans: &[Span], context: &str) -> Result<Shaped> {
    let mut text = String::new();
    let mut glyphs = Vec::new();
    for span in spans {
        let base = text.len();
        // Tabs and newlines inside a span are spaces and breaks handled by the caller;
        // control characters are dropped.
        let clean: String = span
            .text
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        text.push_str(&clean);
        for (start, end, font) in pieces(fonts, &clean, span.style.weight, context)? {
            let face = fonts.face(font);
            let mut buf = rustybuzz::UnicodeBuffer::new();
            buf.push_str(&clean[start..end]);
            buf.set_direction(rustybuzz::Direction::LeftToRight);
            buf.guess_segment_properties();
            let plan = face.plan(buf.script());
            let out = rustybuzz::shape_with_plan(&face.shaper, &plan, buf);
            let scale = span.style.size / face.units_per_em;
            let infos = out.glyph_infos();
            let positions = out.glyph_positions();
            for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
                let cs = start + info.cluster as usize;
                let ce = infos[k..]
                    .iter()
                    .map(|i| start + i.cluster as usize)
                    .find(|&c| c != cs)
                    .unwrap_or(end);
                glyphs.push((
                    Glyph {
                        id: info.glyph_id as u16,
                        advance: pos.x_advance as f32 * scale,
                        x_offset: pos.x_offset as f32 * scale,
                        y_offset: pos.y_offset as f32 * scale,
                        start: base + cs,
                        end: base + ce,
                    },
                    font,
                    span.style,
                ));
            }
        }
    }
    Ok(Shaped {
        text,
        glyphs,
        first: spans.first().map(|s| s.style),
    })
}

/// Shape `spans` and break them into lines no wider than `width` points.
///
/// `context` names what the text is (for the error when a character has no font).
pub fn wrap(fonts: &FontBook, spans: &[Span], width: f32, context: &str) -> Result<Vec<Line>> {
    lines(fonts, &shape(fonts, spans, context)?, &|_| width)
}

/// A shaped paragraph broken into lines, the `k`-th (0-based) no wider than
/// `width(k)` points.
fn lines(fonts: &FontBook, shaped: &Shaped, width: &dyn Fn(usize) -> f32) -> Result<Vec<Line>> {
    let text = &shaped.text;
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    // Candidate break positions (byte offsets where a new line may start).
    let mut breaks: Vec<(usize, bool)> = linebreaks(text)
        .map(|(i, op)| (i, op == BreakOpportunity::Mandatory))
        .collect();
    if breaks.last().map(|b| b.0) != Some(text.len()) {
        breaks.push((text.len(), true));
    }
    // Width of the glyphs whose cluster starts in [a, b), without trailing
    // spaces: a difference of running sums, so a long paragraph costs time in
    // proportion to its length, not its square.
    let g = &shaped.glyphs;
    let glyphs = GlyphIndex::new(g);
    let width_of = |a: usize, b: usize, trim: bool| -> f32 {
        let mut end = b;
        if trim {
            while end > a && text[..end].ends_with(|c: char| c.is_whitespace()) {
                end = text[..end].char_indices().next_back().map_or(a, |(i, _)| i);
            }
        }
        glyphs.width(a, end)
    };

    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    let mut last_fit = None::<usize>;
    let mut i = 0;
    while i < breaks.len() {
        let (pos, mandatory) = breaks[i];
        let width = width(lines.len());
        let w = width_of(line_start, pos, true);
        if w <= width + 0.01 {
            last_fit = Some(pos);
            if mandatory {
                lines.push((line_start, pos));
                line_start = pos;
                last_fit = None;
            }
            i += 1;
            continue;
        }
        match last_fit {
            Some(fit) if fit > line_start => {
                lines.push((line_start, fit));
                line_start = fit;
                last_fit = None;
                // Re-examine this break from the new line start.
            }
            _ => {
                // One word wider than the line: break it between clusters.
                let mut cut = line_start;
                let mut acc = 0.0;
                for (gl, _, _) in &g[glyphs.range(line_start, pos)] {
                    if acc + gl.advance > width && cut > line_start {
                        break;
                    }
                    acc += gl.advance;
                    cut = gl.end.max(cut);
                }
                if cut <= line_start || cut >= pos {
                    cut = pos;
                }
                lines.push((line_start, cut));
                line_start = cut;
                last_fit = None;
                if cut == pos {
                    i += 1;
                }
            }
        }
    }
    if line_start < text.len() {
        lines.push((line_start, text.len()));
    }

    let mut out = Vec::new();
    for (a, b) in lines {
        // Drop trailing whitespace and newlines.
        let mut end = b;
        while end > a && text[..end].ends_with(|c: char| c.is_whitespace()) {
            end = text[..end].char_indices().next_back().map_or(a, |(i, _)| i);
        }
        out.push(build_line(fonts, shaped, glyphs.range(a, end), a, end));
    }
    // A mandatory break at the very end makes no extra empty line, but blank
    // lines inside the paragraph are kept.
    while out.last().is_some_and(|l: &Line| l.runs.is_empty()) {
        out.pop();
    }
    Ok(out)
}

/// The glyphs of a shaped paragraph by where their clusters start: their
/// starts never decrease (left-to-right text, pieces shaped in order), so the
/// glyphs of a stretch of text are found by binary search and their width is
/// a difference of running sums.
struct GlyphIndex {
    starts: Vec<usize>,
    /// `sums[i]`: the advance of glyphs `0..i`.
    sums: Vec<f32>,
}

impl GlyphIndex {
    fn new(glyphs: &[(Glyph, FontId, Style)]) -> GlyphIndex {
        let mut starts = Vec::with_capacity(glyphs.len());
        let mut sums = Vec::with_capacity(glyphs.len() + 1);
        let mut acc = 0.0;
        sums.push(acc);
        for (g, _, _) in glyphs {
            // Keep the starts ordered even if a shaper ever reorders a cluster.
            starts.push(starts.last().map_or(g.start, |&s: &usize| s.max(g.start)));
            acc += g.advance;
            sums.push(acc);
        }
        GlyphIndex { starts, sums }
    }

    /// The glyphs whose cluster starts in `[a, b)`.
    fn range(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        let lo = self.starts.partition_point(|&s| s < a);
        let hi = self.starts.partition_point(|&s| s < b).max(lo);
        lo..hi
    }

    fn width(&self, a: usize, b: usize) -> f32 {
        let r = self.range(a, b);
        self.sums[r.end] - self.sums[r.start]
    }
}

fn build_line(
    fonts: &FontBook,
    shaped: &Shaped,
    range: std::ops::Range<usize>,
    a: usize,
    b: usize,
) -> Line {
    let mut runs: Vec<GlyphRun> = Vec::new();
    let mut x = 0.0;
    for (gl, font, style) in &shaped.glyphs[range] {
        let same = runs
            .last()
            .is_some_and(|r| r.font == *font && r.style == *style);
        if !same {
            runs.push(GlyphRun {
                font: *font,
                style: *style,
                text: String::new(),
                glyphs: Vec::new(),
                x,
                width: 0.0,
            });
        }
        let run = runs.last_mut().unwrap();
        run.glyphs.push(*gl);
        run.width += gl.advance;
        x += gl.advance;
    }
    // Give each run its text and make glyph ranges relative to it.
    for run in &mut runs {
        let start = run.glyphs.iter().map(|g| g.start).min().unwrap_or(a);
        let end = run
            .glyphs
            .iter()
            .map(|g| g.end)
            .max()
            .unwrap_or(a)
            .min(b.max(start));
        let end = end.max(start);
        run.text = shaped.text[start..end].to_string();
        for g in &mut run.glyphs {
            g.start -= start;
            g.end = g.end.min(end) - start;
            if g.end < g.start {
                g.end = g.start;
            }
        }
    }
    let size = runs
        .iter()
        .map(|r| r.style.size)
        .fold(0.0, f32::max)
        .max(shaped.first.map_or(0.0, |s| s.size));
    let weight = shaped.first.map_or(Weight::Regular, |s| s.weight);
    let face = fonts.primary(weight);
    Line {
        width: x,
        ascent: face.ascender * size,
        descent: -face.descender * size,
        runs,
    }
}

/// The width of `text` on one line, in points.
pub fn measure(fonts: &FontBook, text: &str, style: Style, context: &str) -> Result<f32> {
    let shaped = shape(fonts, &[Span::new(text, style)], context)?;
    Ok(shaped.glyphs.iter().map(|(g, _, _)| g.advance).sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::layout::Color;

    fn book() -> FontBook {
        FontBook::load(&Library::builtin().unwrap()).unwrap()
    }

    fn style(size: f32) -> Style {
        Style {
            weight: Weight::Regular,
            size,
            color: Color::BLACK,
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn short_text_is_one_line() {
        let f = book();
        let lines = wrap(
            &f,
            &[Span::new("Lie on your side.", style(12.0))],
            500.0,
            "t",
        )
        .unwrap();
        assert_eq!(texts(&lines), ["Lie on your side."]);
        let w = measure(&f, "Lie on your side.", style(12.0), "t").unwrap();
        assert!((lines[0].width - w).abs() < 0.01);
        assert!(w > 60.0 && w < 120.0, "{w}");
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        let f = book();
        let text = "Keep your feet touching. Lift your top knee up, like a clam shell opening.";
        let lines = wrap(&f, &[Span::new(text, style(12.0))], 150.0, "t").unwrap();
        assert!(lines.len() >= 3, "{:?}", texts(&lines));
        for l in &lines {
            assert!(l.width <= 150.01, "{} is {}", l.text(), l.width);
            assert!(!l.text().ends_with(' '));
        }
        // Nothing lost: the words come back in order.
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn lines_around_a_picture_are_narrow_then_wide() {
        let f = book();
        let cache = ShapeCache::default();
        let text = "Lie on your side with your head on a pillow. Bend your hips and knees. \
                    Keep your feet together and your top hip over the bottom one.";
        let spans = [Span::new(text, style(12.0))];
        let lines = wrap_around_in(&cache, &f, &spans, (120.0, 2), 300.0, "t").unwrap();
        let all_narrow = wrap(&f, &spans, 120.0, "t").unwrap();
        assert!(
            lines.len() > 3 && lines.len() < all_narrow.len(),
            "{:?}",
            texts(&lines)
        );
        for (k, l) in lines.iter().enumerate() {
            let max = if k < 2 { 120.01 } else { 300.01 };
            assert!(l.width <= max, "line {k}: {} is {}", l.text(), l.width);
        }
        // The lines below the picture use the width: wider than any beside it.
        assert!(lines[2].width > 120.0, "{:?}", texts(&lines));
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn size_scales_width() {
        let f = book();
        let a = measure(&f, "Hip hinge", style(10.0), "t").unwrap();
        let b = measure(&f, "Hip hinge", style(20.0), "t").unwrap();
        assert!((b - 2.0 * a).abs() < 0.01);
    }

    #[test]
    fn mandatory_breaks_and_blank_lines() {
        let f = book();
        let lines = wrap(
            &f,
            &[Span::new("one\ntwo\n\nthree\n", style(12.0))],
            500.0,
            "t",
        )
        .unwrap();
        assert_eq!(texts(&lines), ["one", "two", "", "three"]);
    }

    #[test]
    fn long_word_is_broken() {
        let f = book();
        let word = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        let lines = wrap(&f, &[Span::new(word, style(12.0))], 80.0, "t").unwrap();
        assert!(lines.len() > 2);
        assert_eq!(texts(&lines).concat(), word);
        for l in &lines {
            assert!(l.width <= 80.01);
        }
    }

    #[test]
    fn fallback_per_character() {
        let f = book();
        let lines = wrap(&f, &[Span::new("Zoë Αλέξανδρος", style(12.0))], 500.0, "t").unwrap();
        let fonts: Vec<_> = lines[0].runs.iter().map(|r| r.font).collect();
        // Latin in the main face, Greek in the fallback.
        assert_eq!(fonts.len(), 2, "{:?}", lines[0].runs);
        assert_eq!(lines[0].runs[0].text, "Zoë ");
        assert_eq!(lines[0].runs[1].text, "Αλέξανδρος");
        assert_ne!(fonts[0], fonts[1]);
    }

    #[test]
    fn missing_character_is_an_error() {
        let f = book();
        let e = wrap(
            &f,
            &[Span::new("Mr 王", style(12.0))],
            500.0,
            "the patient name",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "no font has the character '王' (U+738B) used in the patient name"
        );
    }

    #[test]
    fn styled_spans_make_runs() {
        let f = book();
        let bold = Style {
            weight: Weight::Bold,
            ..style(12.0)
        };
        let lines = wrap(
            &f,
            &[
                Span::new("Tip: ", bold),
                Span::new("keep it slow.", style(12.0)),
            ],
            500.0,
            "t",
        )
        .unwrap();
        assert_eq!(lines[0].runs.len(), 2);
        assert_eq!(lines[0].runs[0].text, "Tip: ");
        assert!(lines[0].runs[1].x > 0.0);
        assert_eq!(lines[0].text(), "Tip: keep it slow.");
    }
}
