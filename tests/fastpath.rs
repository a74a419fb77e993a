//! The fast path and the clinic's own library: no-terminal behaviour, `init`,
//! `new-exercise`, the config file and HANDOUT_LIBRARY, `--print`/`--open` with
//! fake system commands, shell completions and the man page.

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;

/// Run with a deadline: a command that waits for a keyboard fails the test instead of hanging it.
fn run_within(mut c: std::process::Command, secs: u64) -> Run {
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap().into();
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("still running after {secs} s: it waits for input it cannot get");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn without_a_terminal_it_prints_usage_and_fails_instead_of_waiting() {
    let env = Env::new();
    // Standard input is not a terminal (a pipe that stays open would block a prompt).
    let mut c = env.cmd(&[]);
    c.stdin(Stdio::piped());
    let r = run_within(c, 10);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("Usage: handout [OPTIONS] [COMMAND]"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("error: no command given, and no terminal to ask on"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());

    let mut c = env.cmd(&["make", "-i"]);
    c.stdin(Stdio::piped());
    let r = run_within(c, 10);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(
            "error: interactive mode needs a terminal\nhint: give the choice as flags instead"
        ),
        "{}",
        r.stderr
    );
    assert!(env.files().is_empty(), "{:?}", env.files());
}

#[test]
fn make_help_shows_the_item_syntax_and_the_new_flags() {
    let env = Env::new();
    let out = env.ok(&["make", "--help"]).stdout_text();
    for needle in [
        "ID[:DOSE]",
        "clams:3x12@5s",
        "10min",
        "2/day",
        "each-side",
        "-i, --interactive",
        "--open",
        "--print [<PRINTER>]",
        "e.g. --print office",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
}

/// Every `key = value` line has a comment line right above it (or above its table header).
fn uncommented_keys(toml_text: &str) -> Vec<String> {
    let lines: Vec<&str> = toml_text.lines().collect();
    let mut missing = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let is_key = !t.starts_with('#')
            && !t.starts_with('[')
            && !t.starts_with('"')
            && t.contains(" = ")
            && line.starts_with(|c: char| c.is_ascii_lowercase());
        if is_key && (i == 0 || !lines[i - 1].trim_start().starts_with('#')) {
            missing.push(line.to_string());
        }
    }
    missing
}

#[test]
fn init_writes_a_complete_library_that_check_passes_and_the_clinic_can_make_its_own() {
    let env = Env::new();
    let r = env.ok(&["init", "myclinic"]);
    let out = r.stdout_text();
    assert!(
        out.starts_with("wrote a copy of the default library to myclinic ("),
        "{out}"
    );
    for needle in [
        "Edit myclinic/clinic.toml",
        "Replace myclinic/images/logo.svg",
        "handout --library myclinic new-exercise my-exercise",
        "handout --library myclinic check",
        "library = \"",
        "HANDOUT_LIBRARY=",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    let lib = env.path().join("myclinic");
    for f in [
        "clinic.toml",
        "exercises/clams.toml",
        "exercises/hip-hinge.toml",
        "images/logo.svg",
        "programs/glute-strength.toml",
        "templates/standard.toml",
        "fonts/fonts.toml",
        "fonts/AtkinsonHyperlegibleNext-Regular.ttf",
        "fonts/AtkinsonHyperlegibleNext-OFL.txt",
        "fonts/NotoSans-OFL.txt",
    ] {
        assert!(lib.join(f).is_file(), "missing {f}");
    }
    // The copy is the built-in library, byte for byte.
    for (from, to) in [
        ("content/exercises/clams.toml", "exercises/clams.toml"),
        ("templates/standard.toml", "templates/standard.toml"),
        ("fonts/NotoSans-Bold.ttf", "fonts/NotoSans-Bold.ttf"),
    ] {
        assert_eq!(
            std::fs::read(repo().join(from)).unwrap(),
            std::fs::read(lib.join(to)).unwrap(),
            "{to}"
        );
    }
    let clinic = std::fs::read_to_string(lib.join("clinic.toml")).unwrap();
    assert_eq!(uncommented_keys(&clinic), Vec::<String>::new());
    assert!(clinic.contains("\nname = "), "{clinic}");

    let r = env.ok(&["--library", "myclinic", "check"]);
    assert_check_summary(&r.stdout_text(), "myclinic");

    // A second init never touches what is there.
    let r = env.run(&["init", "myclinic"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "error: myclinic: the folder is not empty\nhint: init never overwrites files; name a new or empty folder\n"
    );

    // The clinic's own name and logo (a 123 x 45 pixel PNG) appear on its handouts.
    let text = clinic
        .replace("Canterbury Health Hub", "Riverside Physio")
        .replace("logo = \"logo.svg\"", "logo = \"our-logo.png\"");
    std::fs::write(lib.join("clinic.toml"), text).unwrap();
    std::fs::write(lib.join("images/our-logo.png"), png(123, 45)).unwrap();
    env.ok(&["--library", "myclinic", "check"]);
    let make = |lib: &str, out: &str| {
        env.ok(&[
            "make",
            "--library",
            lib,
            "--patient",
            "Jane Doe",
            "--exercises",
            "clams",
            "-o",
            out,
        ]);
        env.path().join(out)
    };
    let ours = make("myclinic", "ours.pdf");
    let words = pdf_words(&ours);
    assert!(words.contains("Riverside Physio"), "{words}");
    assert!(!words.contains("Canterbury Health Hub"), "{words}");
    assert!(
        pdf_image_sizes(&ours).contains(&(123, 45)),
        "{:?}",
        pdf_image_sizes(&ours)
    );
    std::fs::create_dir(env.path().join("default")).unwrap();
    env.ok(&["init", "default"]);
    let theirs = make("default", "theirs.pdf");
    assert!(pdf_words(&theirs).contains("Canterbury Health Hub"));
    assert!(!pdf_image_sizes(&theirs).contains(&(123, 45)));
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut wr = enc.write_header().unwrap();
        let data: Vec<u8> = (0..w * h * 3).map(|i| (i % 251) as u8).collect();
        wr.write_image_data(&data).unwrap();
    }
    out
}

/// (width, height) of every image in a PDF, from `pdfimages -list`.
fn pdf_image_sizes(pdf: &Path) -> Vec<(u32, u32)> {
    let r = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout_text()
        .lines()
        .skip(2)
        .filter_map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            Some((c.get(3)?.parse().ok()?, c.get(4)?.parse().ok()?))
        })
        .collect()
}

/// A library copy whose clinic is called `name`.
fn named_library(env: &Env, dir: &str, name: &str) {
    let lib = env.library(dir);
    let c = lib.join("clinic.toml");
    let text = std::fs::read_to_string(&c)
        .unwrap()
        .replace("Canterbury Health Hub", name);
    std::fs::write(c, text).unwrap();
}

#[test]
fn library_precedence_flag_env_local_config_user_config_built_in() {
    let env = Env::new();
    for (dir, name) in [
        ("flag-lib", "Flag Clinic"),
        ("env-lib", "Env Clinic"),
        ("local-lib", "Local Clinic"),
        ("user-lib", "User Clinic"),
    ] {
        named_library(&env, dir, name);
    }
    let which = |args: &[&str], var: Option<&str>| {
        let mut c = env.cmd(args);
        if let Some(v) = var {
            c.env("HANDOUT_LIBRARY", v);
        }
        let r: Run = c.output().unwrap().into();
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout_text()
    };
    let summary =
        |args: &[&str], var: Option<&str>| which(args, var).split(':').next().unwrap().to_string();
    assert_eq!(summary(&["check"], None), "library built-in");

    // The user's config file; its relative path is relative to the file's folder.
    let user = env.path().join(".config/handout");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(user.join("handout.toml"), "library = \"../../user-lib\"\n").unwrap();
    let want = format!(
        "library {}",
        env.path().join(".config/handout/../../user-lib").display()
    );
    assert_eq!(summary(&["check"], None), want);

    // handout.toml in the current folder wins over the user's.
    std::fs::write(env.path().join("handout.toml"), "library = \"local-lib\"\n").unwrap();
    assert_eq!(summary(&["check"], None), "library local-lib");
    let out = which(
        &[
            "make",
            "--patient",
            "Jane Doe",
            "--exercises",
            "clams",
            "-o",
            "local.pdf",
        ],
        None,
    );
    assert!(out.is_empty());
    assert!(pdf_words(&env.path().join("local.pdf")).contains("Local Clinic"));

    // HANDOUT_LIBRARY wins over both; an empty one is ignored.
    assert_eq!(summary(&["check"], Some("env-lib")), "library env-lib");
    assert_eq!(summary(&["check"], Some("")), "library local-lib");

    // --library wins over everything.
    assert_eq!(
        summary(&["--library", "flag-lib", "check"], Some("env-lib")),
        "library flag-lib"
    );
    assert!(
        which(&["--library", "flag-lib", "show", "clams"], Some("env-lib"))
            .contains("flag-lib/exercises/clams.toml")
    );
}

#[test]
fn config_file_mistakes_are_errors_with_line_and_column() {
    let env = Env::new();
    std::fs::write(
        env.path().join("handout.toml"),
        "# our clinic\nlibary = \"myclinic\"\n",
    )
    .unwrap();
    let r = env.run(&["list"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "error: handout.toml:2:1: unknown field `libary`, expected `library`\nhint: did you mean `library`?\n"
    );
    std::fs::write(env.path().join("handout.toml"), "library = \"nowhere\"\n").unwrap();
    let r = env.run(&["list"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(
            "error: nowhere: not a handout library: cannot open the folder: No such file or directory (os error 2) (the library set by handout.toml)\n"
        ),
        "{}",
        r.stderr
    );
    // init still works: it needs no library.
    env.ok(&["init", "nowhere"]);
    env.ok(&["list"]);
}

#[test]
fn new_exercise_writes_a_skeleton_into_the_chosen_library() {
    let env = Env::new();
    let r = env.run(&["new-exercise", "mini-lunge"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("error: the built-in library cannot be changed\nhint: make a library of your own with `handout init myclinic`"),
        "{}",
        r.stderr
    );
    env.ok(&["init", "myclinic"]);
    let mut c = env.cmd(&["new-exercise", "mini-lunge"]);
    c.env("HANDOUT_LIBRARY", "myclinic");
    let r: Run = c.output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout_text(), "myclinic/exercises/mini-lunge.toml\n");
    let text =
        std::fs::read_to_string(env.path().join("myclinic/exercises/mini-lunge.toml")).unwrap();
    assert_eq!(uncommented_keys(&text), Vec::<String>::new());
    // Unedited, its placeholder sentences are errors...
    let r = env.run(&["--library", "myclinic", "check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("is the placeholder that new-exercise wrote"),
        "{}",
        r.stderr
    );
    // ...until the clinician writes their own.
    let path = env.path().join("myclinic/exercises/mini-lunge.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(
            "Write in one line what this exercise does for the patient.",
            "Makes your thighs stronger.",
        )
        .replace(
            "Describe how to get into the starting position.",
            "Stand with your back to a wall.",
        )
        .replace("First step.", "Slide down the wall a little.")
        .replace("Second step.", "Slide back up.");
    std::fs::write(&path, text).unwrap();
    let r = env.ok(&["--library", "myclinic", "check"]);
    let exercises = format!("{} exercises", builtin().exercise_ids().count() + 1);
    assert!(r.stdout_text().contains(&exercises), "{}", r.stdout_text());
    env.ok(&[
        "make",
        "--library",
        "myclinic",
        "--patient",
        "Jane Doe",
        "--exercises",
        "mini-lunge:2x8",
        "-o",
        "w.pdf",
    ]);
    let words = pdf_words(&env.path().join("w.pdf"));
    assert!(words.contains("Mini lunge"), "{words}");
    assert!(
        words.contains("How much: Do it 8 times. Rest, then do it all once more. Once a day."),
        "{words}"
    );

    for (id, err) in [
        (
            "mini-lunge",
            "error: exercise `mini-lunge` already exists: myclinic/exercises/mini-lunge.toml\n",
        ),
        (
            "Wall Squat",
            "error: `Wall Squat` is not a valid exercise id\n",
        ),
    ] {
        let r = env.run(&["--library", "myclinic", "new-exercise", id]);
        assert_eq!(r.code, 1);
        assert!(r.stderr.starts_with(err), "{}", r.stderr);
    }
}

#[cfg(unix)]
/// A folder with a fake system command that records its arguments and then
/// prints `stdout`/`stderr` and exits with `code`.
fn fake_command(
    env: &Env,
    name: &str,
    code: i32,
    stdout: &str,
    stderr: &str,
) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = env.path().join(".bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = env.path().join(format!(".{name}-args"));
    let script = format!(
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{}'\nprintf '{stdout}'\nprintf '{stderr}' >&2\nexit {code}\n",
        log.display()
    );
    let p = bin.join(name);
    std::fs::write(&p, script).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

#[cfg(unix)]
fn with_path(env: &Env, bin: &Path, args: &[&str]) -> Run {
    let mut c = env.cmd(args);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    c.env("PATH", path);
    c.output().unwrap().into()
}

#[cfg(unix)]
fn recorded_args(env: &Env, name: &str) -> Vec<String> {
    std::fs::read_to_string(env.path().join(format!(".{name}-args")))
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[cfg(unix)]
#[test]
fn print_sends_the_pdf_to_lp_with_the_paper_size() {
    let env = Env::new();
    let bin = fake_command(&env, "lp", 0, "request id is office-12 (1 file(s))\\n", "");
    let make = [
        "make",
        "--patient",
        "Jane Doe",
        "--exercises",
        "clams",
        "--date",
        "2026-11-25",
    ];
    let mut a = make.to_vec();
    a.extend(["--print", "office"]);
    let r = with_path(&env, &bin, &a);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        recorded_args(&env, "lp"),
        ["-d", "office", "-o", "media=A4", "jane-doe-2026-11-25.pdf"]
    );
    assert!(
        r.stderr.ends_with(
            "sent jane-doe-2026-11-25.pdf to printer office: request id is office-12 (1 file(s))\n"
        ),
        "{}",
        r.stderr
    );

    // No printer named: the default one; Letter paper.
    let mut a = make.to_vec();
    a.extend(["--paper", "letter", "--force", "--print"]);
    let r = with_path(&env, &bin, &a);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        recorded_args(&env, "lp"),
        ["-o", "media=Letter", "jane-doe-2026-11-25.pdf"]
    );
    assert!(r.stderr.contains("to the default printer"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_failed_print_reports_lps_message_and_exit_code() {
    let env = Env::new();
    let bin = fake_command(
        &env,
        "lp",
        1,
        "",
        "lp: The printer or class does not exist.\\n",
    );
    let r = with_path(
        &env,
        &bin,
        &[
            "make",
            "--patient",
            "Jane Doe",
            "--exercises",
            "clams",
            "-o",
            "j.pdf",
            "--print",
            "nosuch",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.ends_with(
            "error: printing failed: `lp` ended with exit code 1: lp: The printer or class does not exist.\nhint: the handout itself was written to j.pdf; open or print it from there\n"
        ),
        "{}",
        r.stderr
    );
    // The handout is there, whole.
    qpdf_check(&env.path().join("j.pdf"));

    // -o - cannot be printed: refused before anything is made.
    let r = with_path(
        &env,
        &bin,
        &[
            "make",
            "--patient",
            "Jane",
            "--exercises",
            "clams",
            "-o",
            "-",
            "--print",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr
            .starts_with("error: --open and --print need a PDF file, not standard output\n"),
        "{}",
        r.stderr
    );
}

#[cfg(target_os = "linux")]
#[test]
fn open_hands_the_pdf_to_xdg_open() {
    let env = Env::new();
    let bin = fake_command(&env, "xdg-open", 0, "", "");
    let r = with_path(
        &env,
        &bin,
        &[
            "make",
            "--patient",
            "Jane",
            "--exercises",
            "clams",
            "-o",
            "j.pdf",
            "--open",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(recorded_args(&env, "xdg-open"), ["j.pdf"]);

    let bin = fake_command(&env, "xdg-open", 4, "", "no viewer");
    let r = with_path(
        &env,
        &bin,
        &[
            "make",
            "--patient",
            "Jane",
            "--exercises",
            "clams",
            "-o",
            "k.pdf",
            "--open",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error: cannot open the PDF: `xdg-open` ended with exit code 4\n"),
        "{}",
        r.stderr
    );
}

/// Ask bash for completions of `words` (the last one being completed) with the
/// script `handout completions bash` wrote.
fn bash_complete(env: &Env, words: &[&str]) -> Vec<String> {
    let script = env.ok(&["completions", "bash"]).stdout_text();
    std::fs::write(env.path().join(".completion.bash"), script).unwrap();
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
        .collect();
    let cur = quoted.last().unwrap().clone();
    let prev = quoted[quoted.len() - 2].clone();
    let program = format!(
        "source .completion.bash\nCOMP_WORDS=({})\nCOMP_CWORD={}\n_clap_complete_handout handout {cur} {prev}\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        quoted.join(" "),
        words.len() - 1
    );
    let mut c = std::process::Command::new("bash");
    c.arg("-c")
        .arg(program)
        .current_dir(env.path())
        .env_remove("HANDOUT_LIBRARY")
        .env("XDG_CONFIG_HOME", env.path().join(".config"))
        .stdin(Stdio::null());
    let r: Run = c.output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout_text().lines().map(String::from).collect()
}

#[test]
fn bash_completes_commands_exercise_ids_and_programs_from_the_library_in_use() {
    let env = Env::new();
    let script = env.ok(&["completions", "bash"]).stdout_text();
    assert!(
        script.contains("complete -o nospace -o bashdefault -F _clap_complete_handout handout"),
        "{script}"
    );
    let commands = bash_complete(&env, &["handout", ""]);
    for c in [
        "make",
        "batch",
        "list",
        "show",
        "check",
        "init",
        "completions",
    ] {
        assert!(commands.contains(&c.to_string()), "{commands:?}");
    }
    let lib = builtin();
    let exercises: Vec<String> = lib.exercise_ids().map(String::from).collect();
    assert_eq!(
        bash_complete(&env, &["handout", "make", "--exercises", ""]),
        exercises
    );
    let hi: Vec<String> = lib
        .exercise_ids()
        .filter(|id| id.starts_with("hip-hi"))
        .map(|id| format!("clams,{id}"))
        .collect();
    assert!(hi.len() >= 2, "{hi:?}");
    assert_eq!(
        bash_complete(&env, &["handout", "make", "--exercises", "clams,hip-hi"]),
        hi
    );
    let programs: Vec<String> = lib.program_ids().map(String::from).collect();
    assert_eq!(
        bash_complete(&env, &["handout", "make", "--program", ""]),
        programs
    );
    // The clinic's own exercises, as soon as they exist.
    env.ok(&["init", "myclinic"]);
    env.ok(&["--library", "myclinic", "new-exercise", "mini-lunge"]);
    assert_eq!(
        bash_complete(
            &env,
            &["handout", "--library", "myclinic", "make", "-e", "mi"]
        ),
        ["mini-lunge"]
    );
    std::fs::write(env.path().join("handout.toml"), "library = \"myclinic\"\n").unwrap();
    assert_eq!(
        bash_complete(&env, &["handout", "show", "mini"]),
        ["mini-lunge"]
    );
}

#[test]
fn other_shells_and_the_man_page() {
    let env = Env::new();
    for shell in ["zsh", "fish", "powershell"] {
        let s = env.ok(&["completions", shell]).stdout_text();
        assert!(
            s.contains("COMPLETE") && s.contains("handout"),
            "{shell}: {s}"
        );
    }
    let r = env.run(&["completions", "tcsh"]);
    assert_eq!(r.code, 2);
    let man = env.ok(&["man"]).stdout_text();
    assert!(man.contains(".TH handout 1"), "{man}");
    for needle in ["new\\-exercise", "completions", "HANDOUT_LIBRARY"] {
        assert!(man.contains(needle), "missing {needle:?}");
    }
    let man = env.ok(&["man", "make"]).stdout_text();
    assert!(
        man.contains(&format!(
            ".TH handout-make 1  \"handout {}\" \"handout manual\"",
            env!("CARGO_PKG_VERSION")
        )),
        "{man}"
    );
    assert!(man.contains("clams:3x12@5s"), "{man}");
    let r = env.run(&["man", "mak"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("error: no command `mak`\nhint: commands: make, list"),
        "{}",
        r.stderr
    );
}
