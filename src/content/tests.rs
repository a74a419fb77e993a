//! Loading the library.

use super::*;

#[test]
fn ids() {
    assert!(is_valid_id("hip-hitch"));
    assert!(is_valid_id("clams2"));
    assert!(!is_valid_id("Clams"));
    assert!(!is_valid_id("hip--hitch"));
    assert!(!is_valid_id("-hip"));
    assert!(!is_valid_id(""));
    assert!(!is_valid_id("hip_hitch"));
}

#[test]
fn builtin_library_loads() {
    let lib = Library::builtin().unwrap();
    assert_eq!(lib.clinic.name, "Canterbury Health Hub");
    // Every exercise file of content/exercises is indexed, by its file name.
    let ids: Vec<_> = lib.exercise_ids().collect();
    let mut files: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/content/exercises"))
            .unwrap()
            .map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .trim_end_matches(".toml")
                    .to_string()
            })
            .collect();
    files.sort();
    assert_eq!(ids, files);
    for id in ids {
        lib.exercise(id).unwrap();
    }
    assert!(lib.index_problems().is_empty());
    lib.program("glute-strength").unwrap();
    lib.template("standard").unwrap();
    lib.fonts_manifest().unwrap();
}

#[test]
fn unknown_key_names_line_and_expected_keys() {
    let text = "title = \"x\"\naim = \"y\"\nstepz = []\n";
    let err = parse_toml::<Exercise>("ex.toml", text.as_bytes()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("ex.toml:3:1: unknown field `stepz`"),
        "{msg}"
    );
    assert!(msg.contains("expected one of"), "{msg}");
    assert!(msg.contains("`steps`"), "{msg}");
}

#[test]
fn bad_values_point_at_the_value() {
    let text = "tint = \"#FFFFFF\"\nprimary = \"teal\"\n";
    let err = parse_toml::<Colours>("c.toml", text.as_bytes()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("c.toml:2:"), "{msg}");
    assert!(msg.contains("`teal` is not a colour"), "{msg}");

    let text = "sets = 0\n";
    let err = parse_toml::<DoseSpec>("d.toml", text.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("1 to 999"), "{err}");
}

#[test]
fn unknown_exercise_suggests() {
    let lib = Library::builtin().unwrap();
    match lib.exercise("clamz").unwrap_err() {
        Error::UnknownExercise { id, suggestion } => {
            assert_eq!(id, "clamz");
            assert_eq!(suggestion.as_deref(), Some("clams"));
        }
        e => panic!("{e}"),
    }
}

#[test]
fn contrast() {
    assert!((Rgb::BLACK.contrast(Rgb::WHITE) - 21.0).abs() < 0.01);
    let primary = Rgb::parse("#0B5563").unwrap();
    assert!(primary.contrast(Rgb::WHITE) > 7.0);
}
