//! Writes a library whose five exercises each show a different 4000x3000 phone
//! photo stored sideways with an EXIF "rotate 90°" tag (as phones save them).
//! Used by `benches/photos.sh`.
//!
//!     cargo run --release --example photo_library -- OUT_DIR

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[path = "../tests/common/exif.rs"]
mod exif;
use exif::with_orientation;

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: photo_library OUT_DIR"),
    );
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &out);
    let ids = [
        "clams",
        "side-lying-leg-raise",
        "side-lying-leg-raise-glute-med",
        "hip-hitch",
        "hip-hinge",
    ];
    for (k, id) in ids.iter().enumerate() {
        let img = RgbImage::from_fn(4000, 3000, |x, y| {
            let v = ((x / 7 + y / 5 + k as u32 * 40) % 256) as u8;
            Rgb([v, (y % 256) as u8, ((x * (k as u32 + 3)) % 256) as u8])
        });
        let mut jpeg = Vec::new();
        DynamicImage::ImageRgb8(img)
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        let name = format!("{id}-photo.jpg");
        std::fs::write(out.join("images").join(&name), with_orientation(&jpeg, 6)).unwrap();
        let ex = out.join("exercises").join(format!("{id}.toml"));
        let text = std::fs::read_to_string(&ex).unwrap().replace(
            &format!("file = \"{id}.svg\""),
            &format!("file = \"{name}\""),
        );
        std::fs::write(&ex, text).unwrap();
    }
}
