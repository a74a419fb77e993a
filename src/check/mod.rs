//! `handout check`: load and validate the whole library, reporting every problem.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;

use crate::assets::ImageStore;
use crate::content::{Library, Rgb};
use crate::error::{Error, Pos};
use crate::figure::FigureCache;
use crate::fonts::FontBook;
use crate::layout;
use crate::program::{Dose, Handout, HandoutItem, Paper};
use crate::words::Words;

mod reading;

/// What `check` found.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Error>,
    pub warnings: Vec<String>,
    pub exercises: usize,
    pub programs: usize,
    pub templates: usize,
    pub images: usize,
    /// The hardest words to read: (grade, what).
    pub hardest: Option<(f64, String)>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn summary(&self, lib: &Library) -> String {
        format!(
            "library {}: {} exercises, {} programs, {} templates, {} images: {}",
            lib.name,
            self.exercises,
            self.programs,
            self.templates,
            self.images,
            if self.ok() {
                "no problems".to_string()
            } else {
                format!("{} problem(s)", self.problems.len())
            }
        ) + &self
            .hardest
            .as_ref()
            .map(|(g, what)| format!("; highest reading grade {g:.1} ({what})"))
            .unwrap_or_default()
    }

    /// Remember `grade` of `what` if it is the hardest so far.
    fn grade(&mut self, grade: f64, what: String) {
        if self.hardest.as_ref().is_none_or(|(g, _)| grade > *g) {
            self.hardest = Some((grade, what));
        }
    }
}

/// A programme longer than this is warned about.
pub const MAX_PROGRAM_EXERCISES: usize = 8;

/// Check every file of the library.
pub fn check(lib: &Library) -> Report {
    let mut r = Report::default();
    r.problems
        .extend(lib.index_problems().iter().map(clone_err));

    let fonts = match FontBook::load(lib) {
        Ok(f) => Some(f),
        Err(e) => {
            r.problems.push(e);
            None
        }
    };

    // Clinic colours must read well, also in black and white.
    let c = &lib.clinic;
    let clinic_file = lib.display("clinic.toml");
    let contrast = [
        ("text", c.colours.text, Rgb::WHITE, 7.0),
        ("primary", c.colours.primary, Rgb::WHITE, 4.5),
        ("text on tint", c.colours.text, c.colours.tint, 7.0),
        ("primary on tint", c.colours.primary, c.colours.tint, 4.5),
    ];
    for (what, fg, bg, min) in contrast {
        let ratio = fg.contrast(bg);
        if ratio < min {
            r.problems.push(
                Error::file(
                    clinic_file.clone(),
                    format!("[colours] {what}: contrast {ratio:.1}:1 is below {min}:1"),
                )
                .with_hint("use a darker `primary`/`text` or a lighter `tint`"),
            );
        }
    }

    let images = ImageStore::default();
    let mut used_images = BTreeSet::new();
    // A logo that cannot be used is reported here; the layout checks below
    // go on without it (layout refuses a picture that was not prepared).
    let mut layout_clinic = None;
    if let Some(logo) = &c.logo {
        used_images.insert(logo.clone());
        if let Err(e) = images.get(lib, logo) {
            r.problems.push(e);
            layout_clinic = Some(crate::content::Clinic {
                logo: None,
                ..c.clone()
            });
        }
    }

    let mut templates = Vec::new();
    for id in lib.template_ids() {
        r.templates += 1;
        match lib.template_checked(id) {
            Ok(t) => templates.push(t),
            Err(problems) => r.problems.extend(problems),
        }
    }

    let mut exercises = Vec::new();
    for id in lib.exercise_ids() {
        r.exercises += 1;
        let ex = match lib.exercise_checked(id) {
            Ok(ex) => ex,
            Err(problems) => {
                r.problems.extend(problems);
                continue;
            }
        };
        r.problems.extend(lib.figure_problems(&ex));
        let file = lib.display(&format!("exercises/{id}.toml"));
        let mut images_ok = true;
        for img in &ex.images {
            used_images.insert(img.file.clone());
            if let Err(e) = images.get(lib, &img.file) {
                r.problems.push(match e {
                    Error::File {
                        path,
                        message,
                        hint,
                        pos,
                    } => Error::File {
                        path,
                        pos,
                        message: format!("{message} (named by exercise `{id}`)"),
                        hint,
                    },
                    e => e,
                });
                images_ok = false;
            }
            if let Ok(loaded) = images.get(lib, &img.file) {
                if let Some((pw, _)) = loaded.source_px {
                    for t in &templates {
                        // Printed width: the picture column, less for tall pictures.
                        let col = t.card.picture_width_mm.0;
                        let mm = col.min(col * 1.3 * loaded.width / loaded.height);
                        let dpi = pw as f32 / (mm / 25.4);
                        if dpi < crate::assets::LOW_DPI {
                            r.warnings.push(format!(
                                "{}: prints at {dpi:.0} dpi with template `{}` (below {:.0}); it may look blurred: use a larger picture",
                                lib.display(&Library::image_path(&img.file)),
                                t.id,
                                crate::assets::LOW_DPI
                            ));
                        }
                    }
                }
            }
            if img.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                let message = format!(
                    "the image {} has no `alt` text for readers who cannot see it",
                    img.file
                );
                if lib.is_builtin() {
                    // The built-in content must describe every picture itself.
                    r.problems.push(Error::file(file.clone(), message));
                } else {
                    r.warnings.push(format!(
                        "{file}: {message}; handouts describe it as \"Picture of the exercise {}\"",
                        ex.title
                    ));
                }
            }
        }
        if let Err(message) = crate::content::video_url(c, &ex) {
            r.problems.push(Error::file(file.clone(), message).with_hint(
                "write the video as a full address like https://example.org/videos/clams, or set `video-base-url` in clinic.toml",
            ));
        }
        if ex.images.is_empty() && ex.figure.is_none() {
            let message = "no picture and no figure; patients follow pictures more than words";
            if lib.is_builtin() {
                r.problems.push(Error::file(file.clone(), message));
            } else {
                r.warnings.push(format!("{file}: {message}"));
            }
        }
        if ex.images.is_empty() {
            if let Some(fig) = &ex.figure {
                if fig.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                    let message = "the figure has no `alt` text for readers who cannot see it";
                    if lib.is_builtin() {
                        r.problems.push(Error::file(file.clone(), message));
                    } else {
                        r.warnings.push(format!(
                            "{file}: {message}; handouts describe it by the exercise's title"
                        ));
                    }
                }
            }
        }
        let grade = reading::exercise_grade(&ex);
        r.grade(grade, format!("exercise `{id}`"));
        if lib.is_builtin() && grade > reading::BUILT_IN_GRADE {
            r.problems.push(Error::file(
                file.clone(),
                format!(
                    "the words read at grade {grade:.1}; built-in exercises keep to grade {} or below",
                    reading::BUILT_IN_GRADE
                ),
            ));
        } else if grade > reading::WARN_GRADE {
            r.warnings.push(format!(
                "{file}: the words read at grade {grade:.1} (above {}): shorter sentences and everyday words help patients follow them",
                reading::WARN_GRADE
            ));
        }
        if images_ok {
            exercises.push(ex);
        }
    }

    // Every exercise must lay out (fonts cover its text, its card fits a page)
    // with every template on both papers.
    let words = Words::for_language(&c.language);
    let figures = FigureCache::default();
    if words.fell_back {
        r.warnings.push(format!(
            "{clinic_file}: there are no handout words for the language `{}` yet; handouts are printed in English",
            c.language
        ));
    }
    if c.emergency_number
        .as_deref()
        .is_none_or(|n| n.trim().is_empty())
    {
        r.warnings.push(match crate::words::default_emergency_number(&c.language) {
            Some(n) => format!(
                "{clinic_file}: no `emergency-number`; the safety box says to call {n}, the usual number for `{}`: set it to be sure",
                c.language
            ),
            None => format!(
                "{clinic_file}: no `emergency-number`, and none is known for the language `{}`; the safety box gives no number to call in an emergency: set one",
                c.language
            ),
        });
    }
    if let Some(fonts) = &fonts {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        for ex in &exercises {
            for t in &templates {
                for paper in [Paper::A4, Paper::Letter] {
                    let h = Handout {
                        patient: "Check".into(),
                        date,
                        clinician: None,
                        notes: None,
                        program_title: None,
                        purpose: None,
                        plan: None,
                        items: vec![HandoutItem {
                            exercise: ex.clone(),
                            dose: Dose::from_spec(&ex.dose),
                            note: None,
                            video: crate::content::video_url(c, ex).ok().flatten(),
                        }],
                        paper,
                        template: t.id.clone(),
                        log_weeks: 1,
                        next_appointment: None,
                    };
                    let inputs = layout::Inputs {
                        clinic: layout_clinic.as_ref().unwrap_or(c),
                        template: t,
                        fonts,
                        images: &images,
                        words: &words,
                        figures: &figures,
                    };
                    if let Err(e) = layout::lay_out(&h, &inputs, None) {
                        let shown = lib.display(&format!("exercises/{}.toml", ex.id));
                        r.problems.push(Error::file(
                            shown,
                            format!("with template `{}` on {}: {e}", t.id, paper.name()),
                        ));
                        break;
                    }
                }
            }
        }
    }

    for id in lib.program_ids() {
        r.programs += 1;
        let p = match lib.program_checked(id) {
            Ok(p) => p,
            Err(problems) => {
                r.problems.extend(problems);
                continue;
            }
        };
        let Some((shown, text)) = lib.program_source(id) else {
            continue;
        };
        let mut seen = HashSet::new();
        if p.exercises.is_empty() {
            r.problems
                .push(Error::file(shown.clone(), "the program lists no exercises"));
        }
        if p.exercises.len() > MAX_PROGRAM_EXERCISES {
            r.warnings.push(format!(
                "{shown}: {} exercises; older adults keep up a programme of {MAX_PROGRAM_EXERCISES} or fewer more faithfully",
                p.exercises.len()
            ));
        }
        r.grade(reading::program_grade(&p), format!("programme `{id}`"));
        for item in &p.exercises {
            let eid = item.id.get_ref();
            let pos = Some(Pos::of_offset(&text, item.id.span().start));
            if !seen.insert(eid.clone()) {
                r.problems.push(Error::File {
                    path: shown.clone(),
                    pos,
                    message: format!("exercise `{eid}` is listed twice"),
                    hint: None,
                });
            } else if let Err(e @ Error::UnknownExercise { .. }) = lib.exercise(eid) {
                r.problems.push(Error::File {
                    path: shown.clone(),
                    pos,
                    message: e.to_string(),
                    hint: e.hint(),
                });
            }
        }
    }

    let in_folder: BTreeSet<String> = lib
        .files_under("images/")
        .map(|p| p.trim_start_matches("images/").to_string())
        .collect();
    r.images = in_folder.len();
    for unused in in_folder.difference(&used_images) {
        r.warnings.push(format!(
            "{}: not used by the clinic or any exercise",
            lib.display(&format!("images/{unused}"))
        ));
    }
    r
}

/// Index problems are only ever `File` errors; copy them for the report.
fn clone_err(e: &Error) -> Error {
    match e {
        Error::File {
            path,
            pos,
            message,
            hint,
        } => Error::File {
            path: path.clone(),
            pos: *pos,
            message: message.clone(),
            hint: hint.clone(),
        },
        other => Error::file("library", other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_library_passes() {
        let lib = Library::builtin().unwrap();
        let r = check(&lib);
        assert!(r.ok(), "{:?}", r.problems);
        assert_eq!(r.exercises, lib.exercise_ids().count());
        assert_eq!(r.programs, lib.program_ids().count());
        assert!(
            !r.warnings.iter().any(|w| w.contains("emergency-number")),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn a_clinic_without_an_emergency_number_is_warned() {
        let mut lib = Library::builtin().unwrap();
        lib.clinic.emergency_number = None;
        lib.clinic.language = "en-US".into();
        let r = check(&lib);
        assert!(
            r.warnings
                .iter()
                .any(|w| w.contains("no `emergency-number`")
                    && w.contains("call 911, the usual number for `en-US`")),
            "{:?}",
            r.warnings
        );
        lib.clinic.language = "en".into();
        let r = check(&lib);
        assert!(
            r.warnings
                .iter()
                .any(|w| w.contains("gives no number to call in an emergency")),
            "{:?}",
            r.warnings
        );
    }
}
