//! How much paper the handouts waste: every template x paper x (log, notes,
//! appointment, each with and without) x programme of the built-in library,
//! laid out and measured with `Document::page_fill`.
//!     cargo run --release --example page_fill [-- --detail] [--library DIR] [--glute]
//!
//! One line per template, paper and variant, summed over the programmes:
//! pages, the mean and lowest fill of pages before the last, how many of those
//! are under 60% full, the mean fill of last pages, and pages where the safety
//! box stands alone. Then the glute-strength page counts.
use handout::content::Library;
use handout::program::{Appointment, Paper, Selection};
use handout::render::PdfOptions;
use handout::request::parse_date;
use handout::Engine;

const NOTES: &str = "Walk for 20 minutes every day, at a pace where you can still talk.\n\
Do the exercises at a time of day when you are not rushed. Warm up first with a few minutes of walking.";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let detail = args.iter().any(|a| a == "--detail");
    // `--glute`: only the glute-strength page counts.
    let glute_only = args.iter().any(|a| a == "--glute");
    let library = match args.iter().position(|a| a == "--library") {
        Some(i) => Library::open(std::path::Path::new(&args[i + 1])).unwrap(),
        None => Library::builtin().unwrap(),
    };
    let engine = Engine::new(library, PdfOptions::default()).unwrap();
    let lib = engine.library();
    let today = parse_date("2026-11-25").unwrap();
    let mut templates: Vec<String> = lib.template_ids().map(String::from).collect();
    templates.sort();
    let mut programs: Vec<String> = lib.program_ids().map(String::from).collect();
    programs.sort();
    let appointment = Appointment::parse("2026-12-02 10:30").unwrap();
    if glute_only {
        glute(&engine, &templates, today);
        return;
    }
    println!(
        "{:<12} {:<6} {:<3} {:<5} {:<4} {:>5} {:>9} {:>8} {:>5} {:>9} {:>7}",
        "template",
        "paper",
        "log",
        "notes",
        "appt",
        "pages",
        "fill mean",
        "fill min",
        "<60%",
        "last mean",
        "safety"
    );
    let (mut all_pages, mut all_under, mut all_alone, mut all_fill, mut all_n) = (0, 0, 0, 0.0, 0);
    for t in &templates {
        for paper in [Paper::A4, Paper::Letter] {
            for variant in 0..8u8 {
                let (log, notes, appt) = (variant & 1 != 0, variant & 2 != 0, variant & 4 != 0);
                let (mut pages, mut under, mut alone) = (0, 0, 0);
                let (mut fill_sum, mut fill_n, mut fill_min) = (0.0f32, 0, 1.0f32);
                let (mut last_sum, mut last_n) = (0.0f32, 0);
                for p in &programs {
                    let sel = Selection {
                        patient: "Zoë Ó'Brien".into(),
                        program: Some(p.clone()),
                        paper: Some(paper),
                        template: Some(t.clone()),
                        log_weeks: log.then_some(4),
                        notes: notes.then(|| NOTES.to_string()),
                        next_appointment: appt.then_some(appointment),
                        ..Default::default()
                    };
                    let h = engine.resolve(&sel, today).unwrap();
                    let d = engine.lay_out(&h).unwrap();
                    let fill = d.page_fill();
                    pages += fill.len();
                    let (last, before) = fill.split_last().unwrap();
                    for f in before {
                        fill_sum += f;
                        fill_n += 1;
                        fill_min = fill_min.min(*f);
                    }
                    last_sum += last;
                    last_n += 1;
                    under += d.underfilled(0.6).len();
                    alone += d.safety_alone().len();
                    if !d.safety_alone().is_empty() {
                        eprintln!(
                            "safety alone: {p} {t} {paper:?} log {log} notes {notes} appt {appt}"
                        );
                    }
                    if detail {
                        let shown: Vec<String> =
                            fill.iter().map(|f| format!("{:.0}", f * 100.0)).collect();
                        println!("    {p:<22} {}", shown.join(" "));
                    }
                }
                let pct = |x: f32| format!("{:.0}%", x * 100.0);
                println!(
                    "{:<12} {:<6} {:<3} {:<5} {:<4} {:>5} {:>9} {:>8} {:>5} {:>9} {:>7}",
                    t,
                    paper.name(),
                    if log { "4" } else { "-" },
                    if notes { "yes" } else { "-" },
                    if appt { "yes" } else { "-" },
                    pages,
                    if fill_n > 0 {
                        pct(fill_sum / fill_n as f32)
                    } else {
                        "-".into()
                    },
                    if fill_n > 0 {
                        pct(fill_min)
                    } else {
                        "-".into()
                    },
                    under,
                    pct(last_sum / last_n as f32),
                    alone
                );
                all_pages += pages;
                all_under += under;
                all_alone += alone;
                all_fill += fill_sum;
                all_n += fill_n;
            }
        }
    }
    println!(
        "all: {} handouts, {all_pages} pages, pages before the last {:.0}% full on average, {all_under} of them under 60%, safety box alone on {all_alone}",
        templates.len() * 2 * 8 * programs.len(),
        all_fill / all_n.max(1) as f32 * 100.0
    );
    glute(&engine, &templates, today);
}

/// The glute-strength handout's pages and their fill, with each template.
fn glute(engine: &Engine, templates: &[String], today: chrono::NaiveDate) {
    println!("glute-strength pages:");
    for t in templates {
        let mut row = format!("  {t:<12}");
        for paper in [Paper::A4, Paper::Letter] {
            for log in [None, Some(4)] {
                let sel = Selection {
                    patient: "Zoë Ó'Brien".into(),
                    program: Some("glute-strength".into()),
                    paper: Some(paper),
                    template: Some(t.clone()),
                    log_weeks: log,
                    ..Default::default()
                };
                let d = engine
                    .lay_out(&engine.resolve(&sel, today).unwrap())
                    .unwrap();
                let fill: Vec<String> = d
                    .page_fill()
                    .iter()
                    .map(|f| format!("{:.0}", f * 100.0))
                    .collect();
                row += &format!(
                    "  {}{}: {} ({}%)",
                    paper.name(),
                    if log.is_some() { " +log" } else { "" },
                    d.pages.len(),
                    fill.join("/")
                );
            }
        }
        println!("{row}");
    }
}
