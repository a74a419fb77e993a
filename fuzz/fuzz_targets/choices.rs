//! Any text through every request rule: exercise items and doses, dates in
//! both orders, appointments, log lengths, papers, notes and the edge cleaning
//! of every field.
#![no_main]
use handout::request::{
    parse_date_as, parse_exercise_note, parse_log_weeks, split_notes, text, Appointment, Choices,
    DateOrder, DoseOverride, Field, ItemSpec, Paper, Rules,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(items) = ItemSpec::parse_list(s) {
        for i in items {
            // What is written back reads back the same.
            if let Some(syntax) = i.syntax() {
                assert_eq!(ItemSpec::parse(&syntax).ok().as_ref(), Some(&i), "{syntax}");
            }
        }
    }
    let _ = DoseOverride::parse(s);
    for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        let _ = parse_date_as(s, order, Field::Date);
        let _ = Appointment::parse_as(s, order);
    }
    let _ = parse_log_weeks(s);
    let _ = Paper::parse(s);
    let _ = parse_exercise_note(s);
    let _ = split_notes(s);
    for f in Field::ALL {
        let _ = text::clean(f, s);
    }
    let c = Choices {
        patient: Some(s.into()),
        exercises: vec![s.into()],
        date: Some(s.into()),
        notes: Some(s.into()),
        next_appointment: Some(s.into()),
        ..Default::default()
    };
    let _ = c.selection_with(Rules { date_order: DateOrder::MonthFirst });
});
