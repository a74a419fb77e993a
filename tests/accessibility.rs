//! Tagged PDF (structure tree, alt text, artifacts) and PDF/A, read back from
//! the written file with `qpdf --json`, and the reading order of the text.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::*;
use serde_json::Value;

/// The objects of a PDF, by reference ("12 0 R"), and its trailer.
struct Pdf {
    objects: HashMap<String, Value>,
    trailer: Value,
}

impl Pdf {
    fn read(path: &Path) -> Pdf {
        let r = tool(
            "qpdf",
            &["--json", "--json-key=qpdf", path.to_str().unwrap()],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: Value = serde_json::from_slice(&r.stdout).unwrap();
        let mut objects = HashMap::new();
        let mut trailer = Value::Null;
        for (k, o) in v["qpdf"][1].as_object().unwrap() {
            let value = o
                .get("value")
                .or_else(|| o.get("stream").map(|s| &s["dict"]));
            let value = value.cloned().unwrap_or(Value::Null);
            if k == "trailer" {
                trailer = value;
            } else {
                objects.insert(k.trim_start_matches("obj:").to_string(), value);
            }
        }
        Pdf { objects, trailer }
    }

    /// Follow a reference, or return the value itself.
    fn get<'a>(&'a self, v: &'a Value) -> &'a Value {
        match v.as_str() {
            Some(r) if r.ends_with(" R") => &self.objects[r],
            _ => v,
        }
    }

    fn root(&self) -> &Value {
        self.get(&self.trailer["/Root"])
    }

    /// The structure elements in reading order (depth first): (type, title, alt).
    fn structure(&self) -> Vec<(String, Option<String>, Option<String>)> {
        let root = self.get(&self.root()["/StructTreeRoot"]);
        let mut out = Vec::new();
        self.walk(&root["/K"], &mut out);
        out
    }

    fn walk(&self, k: &Value, out: &mut Vec<(String, Option<String>, Option<String>)>) {
        match self.get(k) {
            Value::Array(items) => {
                for i in items {
                    self.walk(i, out);
                }
            }
            Value::Object(o) => {
                if let Some(s) = o.get("/S").and_then(Value::as_str) {
                    let text = |key: &str| {
                        o.get(key).and_then(Value::as_str).map(|t| {
                            t.trim_start_matches("u:")
                                .trim_start_matches("b:")
                                .to_string()
                        })
                    };
                    out.push((
                        s.trim_start_matches('/').to_string(),
                        text("/T"),
                        text("/Alt"),
                    ));
                    if let Some(kids) = o.get("/K") {
                        self.walk(kids, out);
                    }
                }
            }
            _ => {}
        }
    }
}

fn make(env: &Env, extra: &[&str]) -> std::path::PathBuf {
    make_glute(env, "h.pdf", extra)
}

#[test]
fn the_default_handout_is_tagged_with_headings_lists_and_figures() {
    let env = Env::new();
    let path = make(&env, &[]);
    let pdf = Pdf::read(&path);
    let root = pdf.root();
    assert_eq!(pdf.get(&root["/MarkInfo"])["/Marked"], Value::Bool(true));
    assert_eq!(
        root["/Lang"].as_str().unwrap().trim_start_matches("u:"),
        "en-GB"
    );
    assert_eq!(
        pdf.get(&root["/ViewerPreferences"])["/DisplayDocTitle"],
        Value::Bool(true)
    );
    let info = pdf.get(&pdf.trailer["/Info"]);
    assert_eq!(
        info["/Title"].as_str().unwrap().trim_start_matches("u:"),
        "Home exercise programme: Zoë Ó'Brien"
    );

    let s = pdf.structure();
    let headings: Vec<(&str, &str)> = s
        .iter()
        .filter(|(t, _, _)| t.starts_with('H'))
        .map(|(t, title, _)| (t.as_str(), title.as_deref().unwrap_or("")))
        .collect();
    let lib = builtin();
    let exercises = glute_exercises();
    let mut expected = vec![
        ("H1", lib.clinic.name.as_str()),
        ("H1", "Home exercise programme"),
        ("H2", "Your plan"),
    ];
    // The tick chart reads where it is printed: in the free space at the foot
    // of page 1, after the second card (which saves a page).
    let titles: Vec<(&str, &str)> = exercises.iter().map(|e| ("H2", e.title.as_str())).collect();
    expected.extend(&titles[..2]);
    expected.push(("H2", "Tick when you have done it"));
    expected.extend(&titles[2..]);
    expected.push(("H2", lib.clinic.safety.title.as_str()));
    assert_eq!(headings, expected);
    // A figure with alt text for the logo and every illustration.
    let figures: Vec<&str> = s
        .iter()
        .filter(|(t, _, _)| t == "Figure")
        .map(|(_, _, alt)| alt.as_deref().unwrap_or(""))
        .collect();
    // (each exercise's pictures of the clinic's own, else its drawn figure)
    let pictures: usize = exercises
        .iter()
        .map(|e| match e.images.len() {
            0 => usize::from(e.figure.is_some()),
            n => n,
        })
        .sum();
    assert_eq!(figures.len(), 1 + pictures, "{figures:?}");
    assert!(figures.iter().all(|a| a.len() > 10), "{figures:?}");
    assert!(figures[0].contains("logo"));
    assert!(
        figures.iter().any(|a| a.contains("top knee lifts")),
        "clams alt text: {figures:?}"
    );
    // The numbered steps are lists, and so are the safety points.
    let count = |tag: &str| s.iter().filter(|(t, _, _)| t == tag).count();
    let items =
        exercises.iter().map(|e| e.steps.len()).sum::<usize>() + lib.clinic.safety.points.len();
    assert_eq!(count("LI"), items);
    assert_eq!(count("Lbl"), items);
    assert_eq!(count("LBody"), items);
    assert_eq!(
        count("Sect"),
        exercises.len() + 2,
        "the plan box, the cards and the safety box"
    );
    assert!(count("P") >= 20);
    // Bookmarks for the headings.
    let outlines = pdf.get(&root["/Outlines"]);
    assert!(outlines["/Count"].as_i64().unwrap_or(0).abs() >= 8);
}

#[test]
fn the_log_is_a_table_with_header_cells() {
    let env = Env::new();
    let pdf = Pdf::read(&make(&env, &["--log", "2"]));
    let s = pdf.structure();
    let count = |tag: &str| s.iter().filter(|(t, _, _)| t == tag).count();
    let weeks = 2;
    let n = glute_exercises().len();
    assert_eq!(count("Table"), weeks);
    assert_eq!(
        count("TR"),
        weeks * (1 + n),
        "a header row and a row per exercise each week"
    );
    assert_eq!(
        count("TH"),
        weeks * (8 + n),
        "day headers and exercise names"
    );
    assert_eq!(count("TD"), weeks * 7 * n);
    let h3: Vec<_> = s
        .iter()
        .filter(|(t, _, _)| t == "H3")
        .map(|(_, t, _)| t.clone().unwrap())
        .collect();
    assert_eq!(
        h3,
        [
            "Week 1: 25 November to 1 December 2026",
            "Week 2: 2 December to 8 December 2026"
        ]
    );
}

#[test]
fn pdfa_declares_pdfa_2a_and_ua_1_and_passes_qpdf() {
    let env = Env::new();
    let path = make(&env, &["--pdfa"]);
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    // The XMP metadata stream is not compressed.
    assert!(
        text.contains("<pdfaid:part>3</pdfaid:part>"),
        "no PDF/A part in the XMP"
    );
    assert!(text.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"));
    let pdf = Pdf::read(&path);
    let intents = pdf.get(&pdf.root()["/OutputIntents"]);
    assert!(
        intents.as_array().is_some_and(|a| !a.is_empty()),
        "no output intent (colour profile)"
    );
    // The default handout makes no PDF/A claim.
    let plain = make(&env, &[]);
    let text = String::from_utf8_lossy(&std::fs::read(&plain).unwrap()).into_owned();
    assert!(!text.contains("pdfaid:part"));
    assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"));
}

#[test]
fn pdfa_can_be_set_in_clinic_toml_and_photos_pass_too() {
    let env = Env::new();
    let lib = env.library("lib");
    let c = lib.join("clinic.toml");
    let text = std::fs::read_to_string(&c)
        .unwrap()
        .replace("# pdfa = false", "pdfa = true");
    std::fs::write(&c, text).unwrap();
    // A clinic photo without alt text: the figure still gets a description.
    let img = image::RgbImage::from_fn(400, 300, |x, _| image::Rgb([(x % 256) as u8, 80, 120]));
    img.save(lib.join("images/photo.png")).unwrap();
    show_picture(&lib, "clams", "photo.png", "");
    let path = make(&env, &["--library", lib.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    assert!(text.contains("<pdfaid:part>3</pdfaid:part>"));
    let s = Pdf::read(&path).structure();
    assert!(s.iter().any(
        |(t, _, alt)| t == "Figure" && alt.as_deref() == Some("Picture of the exercise Clams")
    ));
}

#[test]
fn page_one_reads_in_visual_order() {
    let env = Env::new();
    let path = make(&env, &[]);
    let r = tool(
        "pdftotext",
        &["-layout", "-f", "1", "-l", "1", path.to_str().unwrap(), "-"],
    );
    let text = r.stdout_text();
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not on page 1:\n{text}"))
    };
    let order = [
        at("Canterbury Health Hub"),
        at("Home exercise programme"),
        at("Zoë Ó'Brien"),
        at("Your plan"),
        at("5 exercises once a day"),
        at("Clams"),
        at("Do it 12 times"),
        at("Keep your feet together. Lift your top knee"),
        at("Side leg lift"),
        at("Do it 10 times"),
        at("Keep your top leg straight. Lift it away"),
        at("Tick when you have done it"),
        at("These exercises were chosen for you"),
    ];
    for w in order.windows(2) {
        assert!(w[0] < w[1], "out of order near byte {}:\n{text}", w[0]);
    }
}

#[test]
fn untagged_output_is_still_possible_for_comparison() {
    let env = Env::new();
    let path = make(&env, &["--untagged"]);
    let pdf = Pdf::read(&path);
    assert!(pdf.root().get("/StructTreeRoot").is_none());
}
