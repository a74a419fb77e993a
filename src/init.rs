//! `handout init DIR` and `handout new-exercise ID`: a library the clinic owns.

use std::path::{Path, PathBuf};

use crate::content::{embedded_files, is_valid_id, Library};
use crate::error::{Error, Result};
use crate::output::write_atomic;

/// Where each built-in file goes in a new library folder: `content/` files at the
/// top, `templates/` and `fonts/` (with their licences) as they are.
pub fn library_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    embedded_files().map(|(path, bytes)| (path.strip_prefix("content/").unwrap_or(path), bytes))
}

/// Write a complete, editable copy of the built-in library into `dir`, which
/// must not exist or be empty. The files are written into a temporary folder
/// beside it and renamed into place, so `dir` appears complete or not at all.
/// Returns the number of files written.
pub fn init(dir: &Path) -> Result<usize> {
    let werr = |path: &Path, source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if dir.is_file() {
        return Err(Error::NotAFolder(dir.to_path_buf()));
    }
    let existed = dir.is_dir();
    if existed {
        let mut entries = std::fs::read_dir(dir).map_err(|e| werr(dir, e))?;
        if entries.next().is_some() {
            return Err(Error::FolderNotEmpty(dir.to_path_buf()));
        }
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        std::fs::create_dir_all(&parent).map_err(|e| werr(&parent, e))?;
    }
    let tmp = tempfile::Builder::new()
        .prefix(".handout-init-")
        .tempdir_in(&parent)
        .map_err(|e| werr(dir, e))?;
    let mut count = 0;
    for (rel, bytes) in library_files() {
        let to = tmp.path().join(rel);
        if let Some(p) = to.parent() {
            std::fs::create_dir_all(p).map_err(|e| werr(dir, e))?;
        }
        std::fs::write(&to, bytes).map_err(|e| werr(&dir.join(rel), e))?;
        count += 1;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(|e| werr(dir, e))?;
    }
    let tmp_path = tmp.keep();
    // An empty folder is replaced (rename does that on Unix; elsewhere remove it first).
    let renamed = std::fs::rename(&tmp_path, dir).or_else(|e| {
        if existed && std::fs::remove_dir(dir).is_ok() {
            std::fs::rename(&tmp_path, dir)
        } else {
            Err(e)
        }
    });
    if let Err(e) = renamed {
        let _ = std::fs::remove_dir_all(&tmp_path);
        return Err(werr(dir, e));
    }
    Ok(count)
}

/// What to do after `init`, for the folder as the user named it.
pub fn next_steps(dir: &Path) -> String {
    let shown = dir.display().to_string();
    let q = shell_quote(&shown);
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let abs = abs.display().to_string();
    format!(
        "Next steps:
  1. Edit {shown}/clinic.toml: name, address, phone, colours, wording (every key is explained there).
  2. Replace {shown}/images/logo.svg with the clinic's logo (SVG, PNG or JPEG; for another
     file name set `logo` in clinic.toml).
  3. Add exercises: handout --library {q} new-exercise my-exercise
  4. Check it: handout --library {q} check
  5. Make it the default, so --library is not needed: put
       library = {abs:?}
     in handout.toml here (or in ~/.config/handout/handout.toml), or set HANDOUT_LIBRARY={}
",
        shell_quote(&abs)
    )
}

fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./~+,:@".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Write a commented skeleton for a new exercise into the library's
/// `exercises/` folder and return its path.
pub fn new_exercise(lib: &Library, id: &str) -> Result<PathBuf> {
    let Some(root) = lib.root() else {
        return Err(Error::BuiltinLibrary);
    };
    if !is_valid_id(id) {
        return Err(Error::BadId(id.to_string()));
    }
    if lib.exercise_ids().any(|e| e == id) {
        let existing = lib
            .files_under("exercises/")
            .find(|rel| {
                rel.rsplit('/')
                    .next()
                    .is_some_and(|n| n.strip_suffix(".toml") == Some(id))
            })
            .map(|rel| lib.display(rel))
            .unwrap_or_else(|| lib.display(&format!("exercises/{id}.toml")));
        return Err(Error::ExerciseExists {
            id: id.to_string(),
            path: existing,
        });
    }
    let dir = root.join("exercises");
    std::fs::create_dir_all(&dir).map_err(|source| Error::Write {
        path: dir.clone(),
        source,
    })?;
    let path = dir.join(format!("{id}.toml"));
    write_atomic(&path, exercise_skeleton(id).as_bytes(), false)?;
    Ok(path)
}

/// A commented exercise file to fill in. Its placeholder sentences (see
/// [`crate::content::PLACEHOLDERS`]) are errors until they are replaced, so an
/// unedited skeleton never reaches a patient.
pub fn exercise_skeleton(id: &str) -> String {
    let mut title = id.replace('-', " ");
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    let [aim, start, step1, step2] = crate::content::PLACEHOLDERS else {
        unreachable!("four placeholders")
    };
    format!(
        r#"# Exercise `{id}`: the id is the file name. Use it in `handout make --exercises {id}`
# and in programs/*.toml. Every key is explained above it; run `handout check` after
# editing: it names the line of any mistake, and the sentences below that you have not
# replaced yet.

# The card's heading, as the patient should read it (plain words, short).
title = "{title}"
# The name a clinician may know it by, printed in brackets (optional; delete the line).
also-called = ""
# One line: what the exercise does for the patient.
aim = "{aim}"
# The starting position (optional; delete the line to leave it out).
start = "{start}"
# Numbered steps, in plain words, one action each (two to five).
steps = [
  "{step1}",
  "{step2}",
]
# Short extra advice (optional).
tips = []
# When to stop, what to avoid (optional, but give them where the movement carries a risk).
cautions = []
# An easier and a harder way to do it (optional).
# easier = ""
# harder = ""
# The parts of the body it is for, main one first: back, hip, knee, ankle, shoulder, neck, balance.
region = []
# How the patient is placed: standing, sitting, lying-on-back, lying-on-front,
# lying-on-side, hands-and-knees or kneeling (optional).
# position = "standing"
# What it needs: band, chair, wall, step, towel, ball, mat, pillow, stick, table, weight.
equipment = []
# What it does: strength, stretch, mobility, balance, control, endurance.
goal = []
# More words to find the exercise by, in `handout list` and the interactive picker.
tags = []

# The default dose; `--exercises {id}:3x12@5s` or a program can change it.
[dose]
# Sets, 1 to 999 (can be left out).
sets = 3
# Repetitions in each set, 1 to 999 (can be left out).
reps = 10
# Seconds to hold each repetition, 0 to 600 (leave out for no hold).
hold-seconds = 0
# For something done for a time (walking, balance): seconds, 5 to 3600 (optional).
# duration-seconds = 60
# Times a day, 1 to 6.
per-day = 1
# Days a week, 1 to 7 (leave out for every day).
# days-per-week = 3
# true prints "each side".
each-side = false

# The picture, drawn from poses: how the body is placed at the start, what
# changes at the end, and the point whose path the arrow follows. Every key is
# explained in the figure format reference (README, "Exercise figures"); run
# `handout figure {id} -o {id}.svg` to see it as you edit.
[figure]
# What the picture shows, for readers who cannot see it.
alt = "Standing tall: one arm lifts forward and up to shoulder height."
# The camera: side, side-left, front, back, three-quarter, above, above-front.
view = "side"
# The body point the arrow follows.
moving = "right-hand"

# Props: mat, pillow, chair, step, wall, table, band, ball, towel-roll.
[figure.props]

# The start: a posture (standing, sitting, lying-on-back, lying-on-front,
# lying-on-left-side, lying-on-right-side, hands-and-knees, half-kneeling-...)
# and the joint angles that differ from it, in degrees.
[figure.start]
# The posture the body starts from.
posture = "standing"

# The end: only what changes.
[figure.end]
# Each joint: a table of movements in degrees, e.g. left-knee = {{ flexion = 90 }}.
right-shoulder = {{ flexion = 90 }}

# Or a picture of your own instead of the figure: a file in images/ (SVG, PNG,
# JPEG or WebP). Remove the # from the four lines below and name your picture:
# [[images]]
# file = "{id}.jpg"
# alt = "What the picture shows, for readers who cannot see it."
# caption = "Start"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_toml;
    use crate::content::Exercise;

    #[test]
    fn the_skeleton_reads_as_an_exercise_with_a_figure() {
        let ex: Exercise = parse_toml(
            "mini-lunge.toml",
            exercise_skeleton("mini-lunge").as_bytes(),
        )
        .unwrap();
        assert_eq!(ex.title, "Mini lunge");
        assert_eq!(ex.steps.len(), 2);
        assert!(ex.images.is_empty());
        let fig = ex.figure.as_ref().unwrap();
        assert!(crate::figure::validate(fig).is_empty());
    }

    #[test]
    fn init_refuses_a_folder_that_is_not_empty_and_fills_an_empty_one() {
        let d = tempfile::tempdir().unwrap();
        let full = d.path().join("full");
        std::fs::create_dir(&full).unwrap();
        std::fs::write(full.join("keep.txt"), "mine").unwrap();
        let e = init(&full).unwrap_err();
        assert!(
            e.to_string().ends_with("full: the folder is not empty"),
            "{e}"
        );
        assert_eq!(std::fs::read_dir(&full).unwrap().count(), 1);

        let empty = d.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        let n = init(&empty).unwrap();
        assert_eq!(n, library_files().count());
        assert!(empty.join("clinic.toml").is_file());
        assert!(empty.join("fonts/NotoSans-OFL.txt").is_file());
        // Nothing else is left beside it.
        let mut names: Vec<_> = std::fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["empty", "full"]);
    }

    #[test]
    fn new_exercise_refuses_built_in_invalid_and_existing() {
        let lib = Library::builtin().unwrap();
        assert!(new_exercise(&lib, "mini-lunge")
            .unwrap_err()
            .to_string()
            .contains("built-in library cannot be changed"));
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("lib");
        init(&dir).unwrap();
        let lib = Library::open(&dir).unwrap();
        let e = new_exercise(&lib, "Wall_Squat").unwrap_err();
        assert_eq!(e.to_string(), "`Wall_Squat` is not a valid exercise id");
        let e = new_exercise(&lib, "clams").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("exercise `clams` already exists: "),
            "{e}"
        );
        let p = new_exercise(&lib, "mini-lunge").unwrap();
        assert_eq!(p, dir.join("exercises/mini-lunge.toml"));
        let lib = Library::open(&dir).unwrap();
        // Unedited, its placeholders are errors.
        let problems = lib.exercise_checked("mini-lunge").unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:?}");
        // Once they are replaced it loads, figure and all.
        let mut text = std::fs::read_to_string(&p).unwrap();
        for (k, ph) in crate::content::PLACEHOLDERS.iter().enumerate() {
            text = text.replace(ph, &format!("Own words {k}."));
        }
        std::fs::write(&p, text).unwrap();
        let lib = Library::open(&dir).unwrap();
        let ex = lib.exercise("mini-lunge").unwrap();
        assert_eq!(ex.title, "Mini lunge");
        assert!(ex.figure.is_some());
    }
}
