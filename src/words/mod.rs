//! The words a handout prints by itself ("Home exercise programme", the parts
//! of a dose, "Page 1 of 2", dates), in one place per language.
//!
//! Each language is a Fluent file (`words/<lang>.ftl`: keys, plural rules,
//! arguments), loaded once per run into [`Words`]. Layout and program ask for
//! words by method, never by writing them: a second language is a second file
//! with the same keys (a test checks that every key is there).

use chrono::{Datelike, NaiveDate, NaiveTime};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

mod emergency;
pub use emergency::{default_for as default_emergency_number, emergency_number};

/// The languages there are words for: (language, Fluent source).
const LANGUAGES: &[(&str, &str)] = &[("en", include_str!("en.ftl"))];

/// The words of one language, ready to format.
pub struct Words {
    bundle: FluentBundle<FluentResource>,
    /// The language asked for had no words of its own: these are English.
    pub fell_back: bool,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("locales", &self.bundle.locales)
            .finish()
    }
}

impl Words {
    /// The words for a language tag such as `en-GB` (its language's words,
    /// else English).
    pub fn for_language(tag: &str) -> Words {
        let wanted: Option<LanguageIdentifier> = tag.parse().ok();
        let lang = wanted.as_ref().map(|l| l.language.as_str().to_string());
        let (found, source) = LANGUAGES
            .iter()
            .find(|(l, _)| Some(*l) == lang.as_deref())
            .map(|(l, s)| (true, (*l, *s)))
            .unwrap_or((false, LANGUAGES[0]));
        let id: LanguageIdentifier = match (&wanted, found) {
            (Some(w), true) => w.clone(),
            _ => source.0.parse().unwrap_or_default(),
        };
        let resource =
            FluentResource::try_new(source.1.to_string()).unwrap_or_else(|(partial, _)| partial);
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Names and numbers are printed as they are, without bidi isolation marks.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        Words {
            bundle,
            fell_back: !found,
        }
    }

    /// The text of `key` with `args`; a missing key shows as the key itself
    /// (a test checks that none is missing).
    fn text(&self, key: &str, args: &[(&str, FluentValue)]) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, (!args.is_empty()).then_some(&fa), &mut errors)
            .into_owned()
    }

    fn plain(&self, key: &str) -> String {
        self.text(key, &[])
    }

    // The header and the document.
    pub fn title(&self) -> String {
        self.plain("title")
    }
    pub fn document_title(&self, patient: &str) -> String {
        self.text("document-title", &[("patient", patient.into())])
    }
    pub fn label_patient(&self) -> String {
        self.plain("label-patient")
    }
    pub fn label_date(&self) -> String {
        self.plain("label-date")
    }
    pub fn label_clinician(&self) -> String {
        self.plain("label-clinician")
    }
    pub fn label_next_appointment(&self) -> String {
        self.plain("label-next-appointment")
    }
    pub fn logo_alt(&self, clinic: &str) -> String {
        self.text("logo-alt", &[("clinic", clinic.into())])
    }

    // Exercise cards.
    pub fn card_start(&self) -> String {
        self.plain("card-start")
    }
    pub fn card_caution(&self) -> String {
        self.plain("card-caution")
    }
    pub fn card_tip(&self) -> String {
        self.plain("card-tip")
    }
    pub fn card_easier(&self) -> String {
        self.plain("card-easier")
    }
    pub fn card_harder(&self) -> String {
        self.plain("card-harder")
    }
    pub fn card_note(&self) -> String {
        self.plain("card-note")
    }
    /// `(clinical name)`, after an exercise's title.
    pub fn card_also_called(&self, name: &str) -> String {
        self.text("card-also-called", &[("name", name.into())])
    }
    /// The title of a card's second part on a later page.
    pub fn card_continued(&self, title: &str) -> String {
        self.text("card-continued", &[("title", title.into())])
    }
    /// The picture key: the start pose's label, the arrow's label, and both
    /// in one sentence (for readers who cannot see the key).
    pub fn picture_key_start(&self) -> String {
        self.plain("picture-key-start")
    }
    pub fn picture_key_move(&self) -> String {
        self.plain("picture-key-move")
    }
    pub fn picture_key(&self) -> String {
        self.plain("picture-key")
    }
    pub fn dose_label(&self) -> String {
        self.plain("dose-label")
    }
    pub fn video_label(&self) -> String {
        self.plain("video-label")
    }
    pub fn video_alt(&self, url: &str) -> String {
        self.text("video-alt", &[("url", url.into())])
    }
    pub fn picture_alt(&self, title: &str) -> String {
        self.text("picture-alt", &[("title", title.into())])
    }

    // Doses, in short.
    pub fn dose_sets_reps(&self, sets: u32, reps: u32) -> String {
        self.text(
            "dose-sets-reps",
            &[("sets", sets.into()), ("reps", reps.into())],
        )
    }
    pub fn dose_sets(&self, sets: u32) -> String {
        self.text("dose-sets", &[("sets", sets.into())])
    }
    pub fn dose_reps(&self, reps: u32) -> String {
        self.text("dose-reps", &[("reps", reps.into())])
    }
    pub fn dose_hold(&self, seconds: u32) -> String {
        self.text("dose-hold", &[("seconds", seconds.into())])
    }
    /// A time to do it for: whole minutes as minutes, else seconds.
    pub fn dose_duration(&self, seconds: u32) -> String {
        if seconds >= 60 && seconds.is_multiple_of(60) {
            self.text("dose-minutes", &[("n", (seconds / 60).into())])
        } else {
            self.text("dose-seconds", &[("n", seconds.into())])
        }
    }
    pub fn dose_per_day(&self, n: u32) -> String {
        self.text("dose-per-day", &[("n", n.into())])
    }
    pub fn dose_days_a_week(&self, n: u32) -> String {
        self.text("dose-days-a-week", &[("n", n.into())])
    }
    pub fn dose_each_side(&self) -> String {
        self.plain("dose-each-side")
    }
    /// What joins the parts of a short dose: " · ".
    pub fn dose_separator(&self) -> String {
        self.plain("dose-separator")
    }

    // Doses in words, a sentence each.
    /// `Do it 12 times, holding each for 3 seconds.` (`hold` 0: no hold).
    pub fn dose_words_count(&self, reps: u32, hold: u32) -> String {
        self.text(
            "dose-words-count",
            &[("reps", reps.into()), ("hold", hold.into())],
        )
    }
    /// `Hold it for 30 seconds.`
    pub fn dose_words_hold(&self, hold: u32) -> String {
        self.text("dose-words-hold", &[("hold", hold.into())])
    }
    /// `Rest, then do it all again: 3 rounds in all.` (after a count).
    pub fn dose_words_sets(&self, sets: u32) -> String {
        self.text("dose-words-sets", &[("sets", sets.into())])
    }
    /// `Do it 3 times, with a rest in between.` (sets without a count).
    pub fn dose_words_times(&self, sets: u32) -> String {
        self.text("dose-words-times", &[("sets", sets.into())])
    }
    /// `Keep going for 30 seconds.`
    pub fn dose_words_duration(&self, seconds: u32) -> String {
        self.text(
            "dose-words-duration",
            &[("time", self.dose_duration(seconds).into())],
        )
    }
    pub fn dose_words_each_side(&self) -> String {
        self.plain("dose-words-each-side")
    }
    /// `Twice a day.` (every day), `Once a day, on 3 days a week.`
    pub fn dose_words_per_day(&self, per_day: u32, days: u32) -> String {
        self.text(
            "dose-words-per-day",
            &[("n", per_day.into()), ("days", days.into())],
        )
    }
    /// `On 3 days a week.`
    pub fn dose_words_days(&self, days: u32) -> String {
        self.text("dose-words-days", &[("days", days.into())])
    }
    /// How often in the clinic's own words, as a sentence: `Daily.`
    pub fn dose_words_often(&self, often: &str) -> String {
        self.text("dose-words-often", &[("often", capitalised(often).into())])
    }

    // The plan box.
    pub fn plan_heading(&self) -> String {
        self.plain("plan-heading")
    }
    pub fn plan_words(&self) -> String {
        self.plain("plan-words")
    }
    /// `Do all 5 exercises twice a day, every day.` (`often` from [`Words::plan_often`]
    /// or the clinic's words).
    pub fn plan_do_same(&self, n: usize, often: &str) -> String {
        self.text("plan-do-same", &[("n", n.into()), ("often", often.into())])
    }
    /// When the exercises are done at different times.
    pub fn plan_do_mixed(&self, n: usize) -> String {
        self.text(
            "plan-do-mixed",
            &[("n", n.into()), ("label", self.dose_label().into())],
        )
    }
    /// `twice a day, every day`.
    pub fn plan_often(&self, per_day: u32, days: u32) -> String {
        self.text(
            "plan-often",
            &[("n", per_day.into()), ("days", days.into())],
        )
    }
    pub fn plan_until_appointment(&self, date: NaiveDate) -> String {
        self.text(
            "plan-until-appointment",
            &[(
                "date",
                self.text(
                    "date-weekday",
                    &[
                        ("weekday", self.weekday(date).into()),
                        ("date", self.day_month(date).into()),
                    ],
                )
                .into(),
            )],
        )
    }
    pub fn plan_for_weeks(&self, weeks: u32) -> String {
        self.text("plan-for-weeks", &[("weeks", weeks.into())])
    }
    pub fn plan_until_seen(&self) -> String {
        self.plain("plan-until-seen")
    }
    /// What ache is normal.
    pub fn plan_ache_text(&self) -> String {
        self.plain("plan-ache-text")
    }
    /// What is not normal, pointing at the safety box by its title.
    pub fn plan_not_normal(&self, safety_title: &str) -> String {
        self.text("plan-not-normal", &[("safety", safety_title.into())])
    }
    pub fn plan_glossary_entry(&self, term: &str, meaning: &str) -> String {
        self.text(
            "plan-glossary-entry",
            &[
                ("term", capitalised(term).into()),
                ("meaning", meaning.into()),
            ],
        )
    }

    // The safety box and the footer.
    pub fn safety_meaning(&self) -> String {
        self.plain("safety-meaning")
    }
    pub fn safety_normal(&self) -> String {
        self.plain("safety-normal")
    }
    pub fn safety_emergency(&self, number: &str) -> String {
        self.text("safety-emergency", &[("number", number.into())])
    }
    pub fn safety_call(&self, phone: &str) -> String {
        self.text("safety-call", &[("phone", phone.into())])
    }
    pub fn footer_tel(&self, phone: &str) -> String {
        self.text("footer-tel", &[("phone", phone.into())])
    }
    pub fn footer_page(&self, page: usize, pages: usize) -> String {
        self.text(
            "footer-page",
            &[("page", page.into()), ("pages", pages.into())],
        )
    }

    // Notes and the log.
    pub fn notes_heading(&self) -> String {
        self.plain("notes-heading")
    }
    pub fn log_heading(&self) -> String {
        self.plain("log-heading")
    }
    pub fn log_intro(&self) -> String {
        self.plain("log-intro")
    }
    pub fn log_week(&self, week: usize, from: NaiveDate, to: NaiveDate) -> String {
        self.text(
            "log-week",
            &[
                ("week", week.into()),
                ("from", self.day_month(from).into()),
                ("to", self.long_date(to).into()),
            ],
        )
    }
    pub fn tracker_heading(&self) -> String {
        self.plain("tracker-heading")
    }
    pub fn tracker_intro_one(&self) -> String {
        self.plain("tracker-intro-one")
    }
    pub fn tracker_all(&self) -> String {
        self.plain("tracker-all")
    }
    pub fn log_exercise(&self) -> String {
        self.plain("log-exercise")
    }

    // Dates.
    fn month(&self, d: NaiveDate) -> String {
        self.plain(&format!("month-{}", d.month()))
    }
    /// `25 November 2026`: the unambiguous way to write a date for patients.
    pub fn long_date(&self, d: NaiveDate) -> String {
        self.text(
            "date-long",
            &[
                ("day", d.day().into()),
                ("month", self.month(d).into()),
                ("year", d.year().to_string().into()),
            ],
        )
    }
    /// `25 November`.
    pub fn day_month(&self, d: NaiveDate) -> String {
        self.text(
            "date-day-month",
            &[("day", d.day().into()), ("month", self.month(d).into())],
        )
    }
    /// `Wednesday`.
    pub fn weekday(&self, d: NaiveDate) -> String {
        self.plain(&format!("weekday-{}", d.weekday().number_from_monday()))
    }
    /// `Wed`.
    pub fn weekday_short(&self, d: NaiveDate) -> String {
        self.plain(&format!(
            "weekday-short-{}",
            d.weekday().number_from_monday()
        ))
    }
    /// `Wednesday 2 December 2026`, `Wednesday 2 December 2026 at 10:30`.
    pub fn appointment(&self, date: NaiveDate, time: Option<NaiveTime>) -> String {
        let day = self.text(
            "date-weekday",
            &[
                ("weekday", self.weekday(date).into()),
                ("date", self.long_date(date).into()),
            ],
        );
        match time {
            Some(t) => self.text(
                "appointment-at",
                &[
                    ("date", day.into()),
                    ("time", t.format("%H:%M").to_string().into()),
                ],
            ),
            None => day,
        }
    }
}

/// `text` with its first letter a capital.
fn capitalised(text: &str) -> String {
    let mut c = text.trim().chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_key_of_every_language_is_there_and_used() {
        let en = FluentResource::try_new(LANGUAGES[0].1.to_string()).unwrap();
        let keys = |r: &FluentResource| -> Vec<String> {
            r.entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect()
        };
        let en_keys = keys(&en);
        for (lang, src) in LANGUAGES {
            let r = FluentResource::try_new(src.to_string())
                .unwrap_or_else(|_| panic!("{lang}.ftl does not parse"));
            assert_eq!(keys(&r), en_keys, "{lang}.ftl has other keys than en.ftl");
        }
        // Every key is asked for by a method above (the source names it).
        let source = include_str!("mod.rs");
        for k in &en_keys {
            let base = k.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
            assert!(
                source.contains(&format!("\"{k}\"")) || source.contains(&format!("\"{base}-{{")),
                "{k} is never used"
            );
        }
    }

    #[test]
    fn english_words_and_formats() {
        let w = Words::for_language("en-GB");
        assert!(!w.fell_back);
        assert_eq!(w.title(), "Home exercise programme");
        assert_eq!(w.dose_sets_reps(3, 12), "3 sets × 12 reps");
        assert_eq!(w.dose_sets_reps(1, 1), "1 set × 1 rep");
        assert_eq!(w.dose_hold(1), "hold 1 second");
        assert_eq!(w.dose_per_day(1), "once a day");
        assert_eq!(w.dose_per_day(2), "twice a day");
        assert_eq!(w.dose_per_day(3), "3 times a day");
        assert_eq!(w.dose_days_a_week(1), "1 day a week");
        assert_eq!(w.dose_duration(600), "10 minutes");
        assert_eq!(w.dose_duration(90), "90 seconds");
        assert_eq!(w.dose_separator(), " · ");
        assert_eq!(
            w.dose_words_count(12, 3),
            "Do it 12 times, holding each for 3 seconds."
        );
        assert_eq!(w.dose_words_count(1, 0), "Do it once.");
        assert_eq!(
            w.dose_words_count(10, 1),
            "Do it 10 times, holding each for 1 second."
        );
        assert_eq!(
            w.dose_words_sets(3),
            "Rest, then do it all again: 3 rounds in all."
        );
        assert_eq!(w.dose_words_sets(2), "Rest, then do it all once more.");
        assert_eq!(
            w.dose_words_times(3),
            "Do it 3 times, with a rest in between."
        );
        assert_eq!(w.dose_words_hold(30), "Hold it for 30 seconds.");
        assert_eq!(w.dose_words_duration(600), "Keep going for 10 minutes.");
        assert_eq!(w.dose_words_per_day(2, 7), "Twice a day.");
        assert_eq!(w.dose_words_per_day(1, 3), "Once a day, on 3 days a week.");
        assert_eq!(w.dose_words_days(1), "On 1 day a week.");
        assert_eq!(w.dose_words_often("daily"), "Daily.");
        assert_eq!(w.dose_label(), "How much");
        assert_eq!(
            w.plan_do_same(5, &w.plan_often(1, 7)),
            "Do all 5 exercises once a day, every day."
        );
        assert_eq!(w.plan_do_same(1, "daily"), "Do this exercise daily.");
        assert_eq!(
            w.plan_until_appointment(date("2026-12-02")),
            "Keep going until your next appointment on Wednesday 2 December."
        );
        assert_eq!(
            w.plan_glossary_entry("pelvis", "the bones"),
            "Pelvis: the bones"
        );
        assert_eq!(w.safety_emergency("999"), "In an emergency, call 999.");
        assert_eq!(w.card_also_called("gluteus medius"), "(gluteus medius)");
        assert_eq!(w.footer_page(1, 2), "Page 1 of 2");
        assert_eq!(w.long_date(date("2026-11-25")), "25 November 2026");
        assert_eq!(w.weekday_short(date("2026-11-25")), "Wed");
        assert_eq!(
            w.appointment(date("2026-12-02"), NaiveTime::from_hms_opt(10, 30, 0)),
            "Wednesday 2 December 2026 at 10:30"
        );
        assert_eq!(
            w.log_week(1, date("2026-11-25"), date("2026-12-01")),
            "Week 1: 25 November to 1 December 2026"
        );
        assert_eq!(
            w.document_title("Zoë Ó'Brien"),
            "Home exercise programme: Zoë Ó'Brien"
        );
    }

    #[test]
    fn a_language_without_words_falls_back_to_english() {
        let w = Words::for_language("xx");
        assert!(w.fell_back);
        assert_eq!(w.title(), "Home exercise programme");
        assert!(Words::for_language("not a tag!").fell_back);
    }
}
