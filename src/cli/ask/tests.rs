//! The questions, answered from a script.

use super::*;
use std::collections::VecDeque;

/// One scripted answer.
enum A {
    /// Typed text (empty: Enter).
    Type(&'static str),
    /// Pick the options whose label contains each of these, as typed to search.
    Pick(&'static [&'static str]),
    Esc,
    CtrlC,
}

/// Answers questions from a script, keeping a transcript of what was asked
/// and what the checks said, as the terminal would show it.
struct Script {
    answers: VecDeque<A>,
    transcript: Vec<String>,
}

impl Script {
    fn new(answers: Vec<A>) -> Script {
        Script {
            answers: answers.into(),
            transcript: Vec::new(),
        }
    }
    fn next(&mut self) -> A {
        self.answers
            .pop_front()
            .expect("a question the script did not expect")
    }
}

impl Prompter for Script {
    fn text(&mut self, q: &TextQuestion<'_>) -> Result<String> {
        loop {
            self.transcript
                .push(format!("{} [{}]", q.message, q.default.unwrap_or("")));
            let typed = match self.next() {
                A::Type(t) => t.to_string(),
                A::Esc => return Err(Error::Cancelled { interrupted: false }),
                A::CtrlC => return Err(Error::Cancelled { interrupted: true }),
                A::Pick(_) => panic!("a text question, not a list: {}", q.message),
            };
            let answer = match (typed.is_empty(), q.default) {
                (true, Some(d)) => d.to_string(),
                _ => typed,
            };
            match (q.check)(&answer) {
                Ok(()) => return Ok(answer),
                Err(m) => self.transcript.push(format!("! {m}")),
            }
        }
    }

    fn multi_select(&mut self, q: &SelectQuestion<'_>) -> Result<Vec<usize>> {
        self.transcript.push(q.message.to_string());
        let parts = match self.next() {
            A::Pick(parts) => parts,
            A::Esc => return Err(Error::Cancelled { interrupted: false }),
            A::CtrlC => return Err(Error::Cancelled { interrupted: true }),
            A::Type(_) => panic!("a list, not a text question"),
        };
        let mut picked = Vec::new();
        for part in parts {
            let hits: Vec<usize> = (0..q.options.len())
                .filter(|&i| q.options[i].to_lowercase().contains(&part.to_lowercase()))
                .collect();
            // Typing narrows the list; space picks the first (highlighted) match.
            let first = *hits
                .first()
                .unwrap_or_else(|| panic!("nothing matches {part:?}"));
            if !picked.contains(&first) {
                picked.push(first);
            }
        }
        picked.sort();
        Ok(picked)
    }

    fn say(&mut self, text: &str) {
        self.transcript.push(text.to_string());
    }
}

/// Items as `id[:SETSxREPS][@HOLDs]`, a hold shown when above 0, to compare briefly.
fn brief(items: &[ItemSpec]) -> Vec<String> {
    items
        .iter()
        .map(|i| {
            let d = &i.dose;
            let mut s = i.id.clone();
            if let (Some(a), Some(b)) = (d.sets, d.reps) {
                s += &format!(":{a}x{b}");
            }
            if let Some(h) = d.hold_seconds.filter(|h| *h > 0) {
                s += &format!("@{h}s");
            }
            s
        })
        .collect()
}

const ALL: Ask = Ask {
    patient: true,
    exercises: true,
    notes: true,
};

#[test]
fn a_name_three_exercises_by_title_and_the_default_doses() {
    let lib = Library::builtin().unwrap();
    let mut s = Script::new(vec![
        A::Type("  Zoë Ó'Brien "),
        A::Pick(&["clam", "hip hitch", "hinge"]),
        A::Type(""),
        A::Type(""),
        A::Type(""),
        A::Type(""),
    ]);
    let a = ask(&lib, &mut s, ALL).unwrap();
    assert_eq!(a.patient.as_deref(), Some("Zoë Ó'Brien"));
    assert_eq!((&a.program, &a.notes), (&None, &None));
    assert_eq!(brief(&a.items), ["clams", "hip-hinge", "hip-hitch"]);
    assert!(a.items.iter().all(|i| i.dose == DoseOverride::default()));
    // Listed by title, each dose offered with its default.
    assert_eq!(
        s.transcript,
        [
            "Patient's name: []",
            "Exercises and presets:",
            "Dose for Clams: [3x10@3s each-side]",
            "Dose for Hip hinge: [3x8 each-side]",
            "Dose for Hip hitch: [3x10@3s each-side]",
            "Note for the patient (optional): []",
        ]
    );
}

#[test]
fn tags_find_exercises_and_changed_doses_and_notes_are_kept() {
    let lib = Library::builtin().unwrap();
    let mut s = Script::new(vec![
        A::Type("Jane Doe"),
        A::Pick(&["standing"]),
        A::Type("3 by 12"),
        A::Type("2x15@0s"),
        A::Type("Walk for 20 minutes a day."),
    ]);
    let a = ask(&lib, &mut s, ALL).unwrap();
    assert_eq!(brief(&a.items), ["hip-hinge:2x15"]);
    assert_eq!(
        a.items[0].dose.hold_seconds,
        Some(0),
        "@0s removes the hold"
    );
    assert_eq!(a.notes.as_deref(), Some("Walk for 20 minutes a day."));
    // The bad dose was explained and asked again.
    assert!(
        s.transcript
            .iter()
            .any(|l| l
                .starts_with("! the dose must be SETSxREPS, like 3x12: type a dose like 3x12@5s")),
        "{:?}",
        s.transcript
    );
}

#[test]
fn a_preset_keeps_its_doses_unless_changed() {
    let lib = Library::builtin().unwrap();
    let mut answers = vec![A::Type("Jane Doe"), A::Pick(&["glute strength", "clams"])];
    // Five doses: change the hip hitch (fourth), keep the rest.
    answers.extend([
        A::Type(""),
        A::Type(""),
        A::Type(""),
        A::Type("@8s"),
        A::Type(""),
    ]);
    answers.push(A::Type(""));
    let mut s = Script::new(answers);
    let a = ask(&lib, &mut s, ALL).unwrap();
    assert_eq!(a.program.as_deref(), Some("glute-strength"));
    // Clams was in the preset already: asked once.
    assert_eq!(brief(&a.items), ["hip-hitch:3x10@8s"]);
    assert_eq!(
        s.transcript.iter().filter(|l| l.contains("Clams")).count(),
        1
    );
    assert!(s
        .transcript
        .contains(&"Dose for Clams: [3x12@3s each-side]".to_string()));
}

#[test]
fn an_empty_name_is_asked_again() {
    let lib = Library::builtin().unwrap();
    let mut s = Script::new(vec![A::Type("   "), A::Type("Sam"), A::Esc]);
    let e = ask(&lib, &mut s, ALL).unwrap_err();
    assert!(matches!(e, Error::Cancelled { interrupted: false }));
    assert_eq!(s.transcript[1], "! please type the patient's name");
}

#[test]
fn ctrl_c_at_any_question_cancels() {
    let lib = Library::builtin().unwrap();
    let scripts: Vec<Vec<A>> = vec![
        vec![A::CtrlC],
        vec![A::Type("Sam"), A::CtrlC],
        vec![A::Type("Sam"), A::Pick(&["clams"]), A::CtrlC],
        vec![A::Type("Sam"), A::Pick(&["clams"]), A::Type(""), A::CtrlC],
    ];
    for answers in scripts {
        let mut s = Script::new(answers);
        let e = ask(&lib, &mut s, ALL).unwrap_err();
        assert!(matches!(e, Error::Cancelled { interrupted: true }), "{e}");
        assert_eq!(e.to_string(), "cancelled: nothing was written");
    }
}

#[test]
fn only_what_the_flags_did_not_give_is_asked() {
    let lib = Library::builtin().unwrap();
    let mut s = Script::new(vec![A::Pick(&["clams"]), A::Type("")]);
    let a = ask(
        &lib,
        &mut s,
        Ask {
            patient: false,
            exercises: true,
            notes: false,
        },
    )
    .unwrap();
    assert_eq!(a.patient, None);
    assert_eq!(brief(&a.items), ["clams"]);
}

#[test]
fn doses() {
    assert_eq!(parse_dose("").unwrap(), DoseOverride::default());
    let o = parse_dose(" 3x12@5s ").unwrap();
    assert_eq!(
        (o.sets, o.reps, o.hold_seconds),
        (Some(3), Some(12), Some(5))
    );
    assert_eq!(parse_dose("@0s").unwrap().hold_seconds, Some(0));
    // Seconds without @ are a time to do it for.
    assert_eq!(parse_dose("5s").unwrap().duration_seconds, Some(5));
    assert!(parse_dose("5").is_err());
    assert!(parse_dose("3x12@").is_err());
    let d = Dose {
        sets: Some(3),
        reps: Some(10),
        hold_seconds: 3,
        frequency: None,
        each_side: true,
        ..Default::default()
    };
    assert_eq!(dose_syntax(&d).unwrap(), "3x10@3s each-side");
}
