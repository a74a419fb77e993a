//! The questions, answered from a script.

use super::*;
use std::collections::VecDeque;

/// One scripted answer.
enum A {
    /// Typed text (empty: Enter).
    Type(&'static str),
    /// Type this to search a list, then Enter: the first option containing it.
    Choose(&'static str),
    /// Enter on a list: the highlighted option.
    Enter,
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
                A::Choose(_) | A::Enter => panic!("a text question, not a list: {}", q.message),
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

    fn select(&mut self, q: &SelectQuestion<'_>) -> Result<usize> {
        self.transcript.push(format!(
            "{} <{}>",
            q.message,
            q.options.get(q.start).map_or("", String::as_str)
        ));
        match self.next() {
            A::Choose(part) => Ok(q
                .options
                .iter()
                .position(|o| o.to_lowercase().contains(&part.to_lowercase()))
                .unwrap_or_else(|| panic!("nothing matches {part:?} in {:?}", q.options))),
            A::Enter => Ok(q.start),
            A::Esc => Err(Error::Cancelled { interrupted: false }),
            A::CtrlC => Err(Error::Cancelled { interrupted: true }),
            A::Type(_) => panic!("a list, not a text question: {}", q.message),
        }
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
    template: true,
    paper: true,
};

fn title(lib: &Library, id: &str) -> String {
    lib.exercise(id).unwrap().title.clone()
}

#[test]
fn exercises_keep_the_order_they_were_picked_in_with_their_default_doses() {
    let lib = Library::builtin().unwrap();
    let mut s = Script::new(vec![
        A::Type("  Zoë Ó'Brien "),
        A::Choose("hip hitch"),
        A::Choose("clam"),
        A::Choose("hip hinge"),
        A::Choose("done"),
        A::Type(""), // keep the order
        A::Type(""),
        A::Type(""),
        A::Type(""),
        A::Type(""),
        A::Type(""),
        A::Type(""),
        A::Enter, // the usual template
        A::Enter, // the usual paper
        A::Type(""),
    ]);
    let a = ask(&lib, &mut s, ALL).unwrap();
    assert_eq!(a.patient.as_deref(), Some("Zoë Ó'Brien"));
    assert_eq!(a.order, ["hip-hitch", "clams", "hip-hinge"]);
    assert_eq!(brief(&a.items), ["hip-hitch", "clams", "hip-hinge"]);
    assert!(a.items.iter().all(|i| i.dose == DoseOverride::default()));
    assert_eq!(
        (a.template.as_deref(), a.paper),
        (Some("standard"), Some(Paper::A4))
    );
    assert_eq!(a.notes, None);
    // Each dose is offered with its default, and a note for each card.
    let clams = title(&lib, "clams");
    assert!(s
        .transcript
        .contains(&format!("Dose for {clams}: [3x10@3s 1/day each-side]")));
    assert!(s
        .transcript
        .contains(&format!("Note on the {clams} card (optional): []")));
    assert!(s
        .transcript
        .iter()
        .any(|l| l.starts_with("Page design: <Standard")));
}

#[test]
fn the_order_can_be_changed_and_a_bad_order_is_asked_again() {
    let lib = Library::builtin().unwrap();
    let mut s = Script::new(vec![
        A::Type("Sam Lee"),
        A::Choose("clam"),
        A::Choose("hip hitch"),
        A::Choose("done"),
        A::Type("3 1"),
        A::Type("2 2"),
        A::Type("2"),
        A::Type(""),
        A::Type(""),
        A::Type(""),
        A::Type("Use the green band"),
        A::Enter,
        A::Enter,
        A::Type(""),
    ]);
    let a = ask(&lib, &mut s, ALL).unwrap();
    assert_eq!(a.order, ["hip-hitch", "clams"]);
    assert!(s
        .transcript
        .contains(&"! `3` is not a number from 1 to 2".to_string()));
    assert!(s.transcript.contains(&"! 2 is there twice".to_string()));
    let clams = a.items.iter().find(|i| i.id == "clams").unwrap();
    assert_eq!(clams.note.as_deref(), Some("Use the green band"));
}

#[test]
fn a_preset_keeps_its_doses_unless_changed() {
    let lib = Library::builtin().unwrap();
    let glute = lib.program("glute-strength").unwrap();
    let mut answers = vec![
        A::Type("Jane Doe"),
        A::Choose("glute strength"),
        A::Choose("done"),
    ];
    answers.push(A::Type("")); // order
    for item in &glute.exercises {
        // Change the hip hitch's hold, keep the rest; no notes.
        answers.push(if item.id.get_ref() == "hip-hitch" {
            A::Type("@8s")
        } else {
            A::Type("")
        });
        answers.push(A::Type(""));
    }
    answers.extend([A::Enter, A::Enter, A::Type("")]);
    let mut s = Script::new(answers);
    let a = ask(&lib, &mut s, ALL).unwrap();
    assert_eq!(a.program.as_deref(), Some("glute-strength"));
    assert_eq!(brief(&a.items), ["hip-hitch:3x10@8s"]);
    assert_eq!(a.order.len(), glute.exercises.len());
}

#[test]
fn the_clinics_usual_template_and_paper_are_offered_first() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("lib");
    handout::init::init(&dir).unwrap();
    let clinic = dir.join("clinic.toml");
    let text = std::fs::read_to_string(&clinic)
        .unwrap()
        .replace("# paper = \"letter\"", "paper = \"letter\"")
        .replace("# template = \"large-print\"", "template = \"large-print\"");
    std::fs::write(&clinic, text).unwrap();
    let lib = Library::open(&dir).unwrap();
    let mut s = Script::new(vec![A::Enter, A::Enter]);
    let what = Ask {
        template: true,
        paper: true,
        ..Ask::default()
    };
    let a = ask(&lib, &mut s, what).unwrap();
    assert_eq!(
        (a.template.as_deref(), a.paper),
        (Some("large-print"), Some(Paper::Letter))
    );
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
        vec![A::Type("Sam"), A::Choose("clam"), A::CtrlC],
        vec![
            A::Type("Sam"),
            A::Choose("clam"),
            A::Choose("done"),
            A::Type(""),
            A::CtrlC,
        ],
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
    let mut s = Script::new(vec![
        A::Choose("clam"),
        A::Choose("done"),
        A::Type(""),
        A::Type(""),
    ]);
    let a = ask(
        &lib,
        &mut s,
        Ask {
            exercises: true,
            ..Ask::default()
        },
    )
    .unwrap();
    assert_eq!(a.patient, None);
    assert_eq!(brief(&a.items), ["clams"]);
    assert_eq!((a.template, a.paper), (None, None));
}

#[test]
fn when_the_file_is_there_replace_a_new_name_or_cancel() {
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("jane-2026-11-25.pdf");
    std::fs::write(&path, b"old").unwrap();
    std::fs::write(d.path().join("jane-2026-11-25-2.pdf"), b"old").unwrap();
    let mut s = Script::new(vec![A::Enter]);
    assert_eq!(
        when_it_exists(&mut s, &path).unwrap(),
        Exists::NewName(d.path().join("jane-2026-11-25-3.pdf"))
    );
    let mut s = Script::new(vec![A::Choose("replace")]);
    assert_eq!(when_it_exists(&mut s, &path).unwrap(), Exists::Replace);
    let mut s = Script::new(vec![A::Choose("cancel")]);
    assert!(matches!(
        when_it_exists(&mut s, &path),
        Err(Error::Cancelled { interrupted: false })
    ));
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
