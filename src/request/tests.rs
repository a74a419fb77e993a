//! The request rules, value by value.

use super::*;

fn item(s: &str) -> ItemSpec {
    ItemSpec::parse(s).unwrap()
}

#[test]
fn item_syntax() {
    assert_eq!(item("clams").id, "clams");
    assert_eq!(item("clams").dose, DoseOverride::default());
    let i = item("hip-hitch:2x10@5s");
    assert_eq!(i.id, "hip-hitch");
    assert_eq!(
        (i.dose.sets, i.dose.reps, i.dose.hold_seconds),
        (Some(2), Some(10), Some(5))
    );
    let i = item(" clams@3 ");
    assert_eq!((i.dose.sets, i.dose.hold_seconds), (None, Some(3)));
    let i = item("clams:3X12");
    assert_eq!((i.dose.sets, i.dose.reps), (Some(3), Some(12)));
    let i = item("clams:3×12@0s");
    assert_eq!(i.dose.hold_seconds, Some(0));
    // And back again.
    for s in ["clams", "clams:3x12", "hip-hitch:2x10@5s", "clams@3s"] {
        assert_eq!(item(s).syntax().as_deref(), Some(s));
    }
}

#[test]
fn bad_items() {
    for (s, why) in [
        ("clams:3", "SETSxREPS"),
        ("clams:x12", "sets must be"),
        // `clams:3x` is now "3 times"; a zero count is still refused.
        ("clams:3x0", "reps must be"),
        ("clams:0x12", "sets must be"),
        ("clams@five", "seconds"),
        ("clams@900s", "600"),
        (":3x12", "id is missing"),
        ("clam$", "lowercase"),
    ] {
        let e = ItemSpec::parse(s).unwrap_err();
        assert!(
            matches!(
                &e,
                Error::Choice {
                    field: Field::Exercises,
                    ..
                }
            ) && e.to_string().contains(why),
            "{s}: {e}"
        );
        assert!(e.to_string().starts_with("bad exercise item `"), "{e}");
    }
}

#[test]
fn item_lists() {
    assert_eq!(ItemSpec::parse("Hip-Hitch:2X10").unwrap().id, "hip-hitch");
    let l = ItemSpec::parse_list("clams, hip-hitch:2x10@5s;hip-hinge,").unwrap();
    let ids: Vec<_> = l.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["clams", "hip-hitch", "hip-hinge"]);
}

#[test]
fn doses_as_typed_alone() {
    assert_eq!(DoseOverride::parse("").unwrap(), DoseOverride::default());
    let o = DoseOverride::parse(" 3x12@5s ").unwrap();
    assert_eq!(
        (o.sets, o.reps, o.hold_seconds),
        (Some(3), Some(12), Some(5))
    );
    assert_eq!(DoseOverride::parse("@0s").unwrap().hold_seconds, Some(0));
    // Seconds without @ are a time to do it for, not a hold.
    assert_eq!(DoseOverride::parse("5s").unwrap().duration_seconds, Some(5));
    assert!(DoseOverride::parse("5").is_err());
    assert!(DoseOverride::parse("3x12@").is_err());
}

#[test]
fn dates_papers_logs() {
    assert!(parse_date("2026-11-25").is_ok());
    // Day first, as the UK and most of the world write it.
    assert_eq!(
        parse_date("25/11/2026").unwrap(),
        parse_date("2026-11-25").unwrap()
    );
    for bad in [
        "2026-13-01",
        "2026-02-30",
        "25/11/26",
        "2026-1-5x",
        "",
        "tomorrow",
    ] {
        let e = parse_date(bad).unwrap_err();
        assert!(
            matches!(
                e,
                Error::Choice {
                    field: Field::Date,
                    ..
                }
            ),
            "{bad}"
        );
    }
    assert_eq!(
        parse_date("2026-13-01").unwrap_err().to_string(),
        "bad date `2026-13-01`: there is no month 13"
    );
    // The flag, the roster and the prompts all take the same spellings.
    for p in ["a4", "A4", " letter", "US-Letter"] {
        assert!(Paper::parse(p).is_ok(), "{p}");
    }
    assert_eq!(
        Paper::parse("a5").unwrap_err().to_string(),
        "bad paper size `a5`: expected a4 or letter"
    );
    assert_eq!(parse_log_weeks(" 4 ").unwrap(), 4);
    assert_eq!(parse_log_weeks("12").unwrap(), MAX_LOG_WEEKS);
    for bad in ["13", "-1", "four", "300"] {
        assert_eq!(
            parse_log_weeks(bad).unwrap_err().to_string(),
            format!("bad log length `{bad}`: expected a number of weeks from 0 to 12")
        );
    }
}

#[test]
fn appointments_and_notes() {
    let a = Appointment::parse("2026-12-02 10:30").unwrap();
    assert_eq!(a.time.unwrap().to_string(), "10:30:00");
    for (s, date, time) in [
        ("02/12/2026 10:30", "2026-12-02", Some("10:30")),
        ("2 December 2026 2:30 pm", "2026-12-02", Some("14:30")),
        ("2026-12-02T09:05", "2026-12-02", Some("09:05")),
        ("2/12/2026", "2026-12-02", None),
    ] {
        let a = Appointment::parse(s).unwrap();
        assert_eq!(a.date.to_string(), date, "{s}");
        assert_eq!(
            a.time.map(|t| t.format("%H:%M").to_string()).as_deref(),
            time,
            "{s}"
        );
    }
    let us = Appointment::parse_as("12/2/2026 10:30", DateOrder::MonthFirst).unwrap();
    assert_eq!(us.date.to_string(), "2026-12-02");
    for bad in ["2026-12-02 25:00", "tomorrow", "02/12/26 10:30"] {
        assert!(
            matches!(
                Appointment::parse(bad),
                Err(Error::Choice {
                    field: Field::NextAppointment,
                    ..
                })
            ),
            "{bad}"
        );
    }
    assert_eq!(
        parse_exercise_note("clams= Use the green band ").unwrap(),
        ("clams".to_string(), "Use the green band".to_string())
    );
    assert!(parse_exercise_note("clams").is_err());
    // Ids are read in any case.
    assert_eq!(parse_exercise_note("Clams=x").unwrap().0, "clams");
    assert!(parse_exercise_note("cl ams=x").is_err());
    assert!(parse_exercise_note("clams=").is_err());
}

#[test]
fn notes_field_syntax() {
    let (g, e) = split_notes("Walk daily | clams=Use the green band|hip-hitch = Hold the sink");
    assert_eq!(g.as_deref(), Some("Walk daily"));
    let e: Vec<_> = e.iter().map(|n| parse_exercise_note(n).unwrap()).collect();
    assert_eq!(
        e,
        [
            ("clams".to_string(), "Use the green band".to_string()),
            ("hip-hitch".to_string(), "Hold the sink".to_string())
        ]
    );
    // An equals sign in plain text is not an exercise note.
    let (g, e) = split_notes("Dose = as shown");
    assert_eq!((g.as_deref(), e.len()), (Some("Dose = as shown"), 0));
}

#[test]
fn choices_become_a_selection_with_each_rule_applied() {
    let c = Choices {
        patient: Some("Jane Doe".into()),
        program: Some(" ".into()),
        exercises: vec!["clams:3x12".into(), "hip-hitch".into()],
        date: Some("2026-11-25".into()),
        paper: Some("Letter".into()),
        log: Some("4".into()),
        next_appointment: Some("2026-12-02 10:30".into()),
        exercise_notes: vec!["clams=Green band".into()],
        ..Default::default()
    };
    let s = c.selection().unwrap();
    assert_eq!(s.program, None, "a blank value is not given");
    assert_eq!(s.items.len(), 2);
    assert_eq!(s.paper, Some(Paper::Letter));
    assert_eq!(s.log_weeks, Some(4));
    assert_eq!(s.exercise_notes.len(), 1);
    assert!(s.next_appointment.is_some());
    let e = Choices {
        log: Some("13".into()),
        ..c
    }
    .selection()
    .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Choice {
                field: Field::Log,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn doses_a_clinician_writes() {
    let i = ItemSpec::parse("walking:10min daily").unwrap();
    assert_eq!(
        (i.dose.duration_seconds, i.dose.per_day),
        (Some(600), Some(1))
    );
    let i = ItemSpec::parse("calf-stretch-wall:3x @30s 2/day each side").unwrap();
    assert_eq!(
        (
            i.dose.sets,
            i.dose.reps,
            i.dose.hold_seconds,
            i.dose.per_day,
            i.dose.each_side
        ),
        (None, Some(3), Some(30), Some(2), Some(true))
    );
    let i = ItemSpec::parse("clams:3x12@5s 3/week one-side").unwrap();
    assert_eq!(
        (i.dose.days_per_week, i.dose.each_side),
        (Some(3), Some(false))
    );
    // Sets with no count of repetitions: three holds of 45 seconds.
    let i = ItemSpec::parse("ankle-circles:3 sets @45s").unwrap();
    assert_eq!(
        (i.dose.sets, i.dose.reps, i.dose.hold_seconds),
        (Some(3), None, Some(45))
    );
    let i = ItemSpec::parse("one-leg-stand-chair:3x 30s").unwrap();
    assert_eq!((i.dose.reps, i.dose.duration_seconds), (Some(3), Some(30)));
    // Every dose can be written back and read again.
    for s in [
        "walking:10min 1/day",
        "calf-stretch-wall:3x@30s 2/day each-side",
        "clams:3x12@5s 3/week one-side",
        "clams@3s",
        "clams",
        "ankle-pumps:20x 6/day",
        "ankle-circles:3 sets@45s 2/day each-side",
    ] {
        let i = ItemSpec::parse(s).unwrap();
        assert_eq!(i.syntax().as_deref(), Some(s));
        assert_eq!(ItemSpec::parse(&i.syntax().unwrap()).unwrap(), i);
    }
    for (s, why) in [
        ("walking:2s", "a time must be from 5 seconds to 60 minutes"),
        (
            "walking:90min",
            "a time must be from 5 seconds to 60 minutes",
        ),
        (
            "clams:3x12 9/day",
            "times a day must be a whole number from 1 to 6",
        ),
        (
            "clams:3x12 8/week",
            "days a week must be a whole number from 1 to 7",
        ),
        ("clams:3x12 2x10", "the dose gives the sets twice"),
        ("clams:3x12 often", "`often` is not part of a dose"),
        ("clams:3x12 daily 2/day", "the dose gives how often twice"),
    ] {
        let e = ItemSpec::parse(s).unwrap_err().to_string();
        assert!(e.contains(why), "{s}: {e}");
    }
}
