//! The layout cache is memoisation only: handouts laid out with a warm cache,
//! shared by many varied handouts as in a batch, give the same PDF bytes as
//! handouts laid out without one.

mod common;

use common::pipeline::Pipeline;
use handout::layout::LayoutCache;
use handout::program::{Appointment, ItemSpec, Paper, Selection};

const NAMES: [&str; 8] = [
    "Jane Doe",
    "Zoë Ó'Brien",
    "Αλέξανδρος Παπαδόπουλος",
    "Наталья Щукина",
    "Alexandra Konstantinopoulou-Featherstonehaugh de la Cruz y Montenegro",
    "Li",
    "Jean-François Lefèvre-Østergård",
    "Dr Maximilian Oppenheimer-Wolfe, Consultant",
];

/// The `i`-th handout of the run: every template on both papers, with and
/// without a program, with different doses, notes, logs and appointments.
fn varied(p: &Pipeline, i: usize) -> Selection {
    let templates: Vec<&str> = p.lib.template_ids().collect();
    let exercises: Vec<&str> = p.lib.exercise_ids().collect();
    let programs: Vec<&str> = p.lib.program_ids().collect();
    let n = exercises.len();
    // Two or three exercises, some with their own dose.
    let items = (0..2 + i % 2)
        .map(|k| {
            let id = exercises[(i + 2 * k) % n];
            match (i + k) % 4 {
                0 => id.to_string(),
                1 => format!("{id}:{}x{}", 1 + i % 3, 8 + i % 7),
                2 => format!("{id}@{}s", 2 + i % 5),
                _ => format!("{id}:3x12@5s"),
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    let notes = match i % 4 {
        0 => None,
        1 => Some("Walk every day.".to_string()),
        2 => Some("Keep moving through the day and rest when you need to. ".repeat(30)),
        _ => Some(["Come back in two weeks."; 3].join("\n")),
    };
    Selection {
        patient: NAMES[i % NAMES.len()].to_string(),
        program: (i % 3 != 1).then(|| programs[i % programs.len()].to_string()),
        items: ItemSpec::parse_list(&items).unwrap(),
        clinician: i.is_multiple_of(5).then(|| "Sam Lee".to_string()),
        notes,
        exercise_notes: if i.is_multiple_of(3) {
            vec![(
                exercises[i % n].to_string(),
                format!("Use the band number {}", i % 4),
            )]
        } else {
            Vec::new()
        },
        paper: if (i / templates.len()).is_multiple_of(2) {
            Some(Paper::A4)
        } else {
            Some(Paper::Letter)
        },
        template: Some(templates[i % templates.len()].to_string()),
        log_weeks: Some((i % 4) as u8),
        next_appointment: (i % 2 == 1)
            .then(|| Appointment::parse(&format!("2026-12-{:02} 10:30", 1 + i % 28)).unwrap()),
        ..Default::default()
    }
}

#[test]
fn a_warm_cache_gives_the_same_pdfs_as_no_cache() {
    let p = Pipeline::new();
    let cache = LayoutCache::default();
    let count = 60;
    let mut combinations = std::collections::BTreeSet::new();
    for i in 0..count {
        let sel = varied(&p, i);
        combinations.insert((
            sel.template.clone().unwrap(),
            sel.paper.unwrap_or_default().name(),
        ));
        let h = p.handout(&sel);
        let cached = p.pdf(&p.lay_out(&h, Some(&cache)));
        let plain = p.pdf(&p.lay_out(&h, None));
        assert!(
            cached == plain,
            "handout {i} ({:?}, {:?} on {}) differs with the cache",
            sel.patient,
            sel.template,
            sel.paper.unwrap_or_default().name()
        );
    }
    // Every template on both papers, and the cache really was reused.
    assert_eq!(combinations.len(), p.lib.template_ids().count() * 2);
    assert!(
        cache.hits() > count,
        "only {} sections reused in {count} handouts",
        cache.hits()
    );
}
