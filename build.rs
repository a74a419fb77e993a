//! Embeds the default library (content/, templates/, fonts/) in the binary.
//!
//! Writes `$OUT_DIR/embedded.rs` holding one `(path, bytes)` pair per file, so
//! `handout` works from any directory without its source tree.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out);
        } else {
            out.push(path.strip_prefix(root).unwrap().to_path_buf());
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut files = Vec::new();
    for top in ["content", "templates", "fonts"] {
        println!("cargo:rerun-if-changed={top}");
        walk(&root, &root.join(top), &mut files);
    }
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let rel_str = rel
            .to_str()
            .expect("non-UTF-8 file name in the default library");
        let rel_str = rel_str.replace('\\', "/");
        let abs = root.join(rel);
        writeln!(
            code,
            "    ({rel_str:?}, include_bytes!({:?})),",
            abs.to_str().unwrap()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
}
