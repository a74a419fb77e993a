//! Clinic photos and drawings: every supported kind, EXIF orientation, scaling,
//! CMYK, and every kind of bad image. All fixtures are generated here.

mod common;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use common::exif::with_orientation;
use common::*;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// A picture whose left half is red and right half blue, with a green top band.
fn pattern(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        if y < h / 8 {
            Rgb([0, 160, 0])
        } else if x < w / 2 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    })
}

fn encode(img: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), format).unwrap();
    out
}

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    encode(DynamicImage::ImageRgb8(pattern(w, h)), ImageFormat::Jpeg)
}

fn png_with(w: u32, h: u32, color: png::ColorType, depth: png::BitDepth, palette: bool) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(depth);
        if palette {
            enc.set_palette(vec![220, 20, 20, 20, 20, 220, 0, 160, 0]);
        }
        let mut wr = enc.write_header().unwrap();
        let bytes_per_px = match (color, depth) {
            (png::ColorType::Grayscale, png::BitDepth::Eight) => 1,
            (png::ColorType::Indexed, _) => 1,
            (png::ColorType::Rgb, png::BitDepth::Eight) => 3,
            (png::ColorType::Rgb, png::BitDepth::Sixteen) => 6,
            (png::ColorType::Rgba, png::BitDepth::Eight) => 4,
            (png::ColorType::GrayscaleAlpha, png::BitDepth::Eight) => 2,
            _ => unreachable!(),
        };
        let data: Vec<u8> = (0..w * h * bytes_per_px)
            .map(|i| match color {
                png::ColorType::Indexed => ((i / w) % 3) as u8,
                _ => (i % 251) as u8,
            })
            .collect();
        wr.write_image_data(&data).unwrap();
    }
    out
}

/// A PNG that claims to be `w`x`h` but has no pixel data (a decompression bomb's header).
fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // A tiny IDAT (one zero byte, zlib stored block): far too little for the claimed size.
    let mut idat = b"IDAT".to_vec();
    idat.extend_from_slice(&[
        0x78, 0x01, 0x01, 0x01, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x01, 0x00, 0x01,
    ]);
    out.extend_from_slice(&((idat.len() - 4) as u32).to_be_bytes());
    out.extend_from_slice(&idat);
    out.extend_from_slice(&crc32(&idat).to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(b"IEND");
    out.extend_from_slice(&crc32(b"IEND").to_be_bytes());
    out
}

/// A library whose clams exercise shows `file` (written with `bytes`).
fn library_with_picture(env: &Env, file: &str, bytes: &[u8]) -> PathBuf {
    let lib = env.library("lib");
    std::fs::write(lib.join("images").join(file), bytes).unwrap();
    show_picture(&lib, "clams", file, "alt = \"A picture\"\n");
    lib
}

fn make_clams(env: &Env, lib: &Path) -> Run {
    env.run(&[
        "make",
        "--library",
        lib.to_str().unwrap(),
        "--patient",
        "Jane Doe",
        "--exercises",
        "clams",
        "--date",
        "2026-11-25",
        "-o",
        "out.pdf",
    ])
}

/// (width, height, color, encoding) of each image in the PDF, from `pdfimages -list`.
fn pdf_images(pdf: &Path) -> Vec<(u32, u32, String, String)> {
    pdf_images_of(pdf, "image")
}

/// Like [`pdf_images`], for `image` or `smask` (soft mask, i.e. alpha) entries.
fn pdf_images_of(pdf: &Path, kind: &str) -> Vec<(u32, u32, String, String)> {
    let r = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout_text()
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some(kind))
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            (
                c[3].parse().unwrap(),
                c[4].parse().unwrap(),
                c[5].to_string(),
                c[8].to_string(),
            )
        })
        .collect()
}

/// The first image of the PDF, decoded.
fn first_image(pdf: &Path) -> DynamicImage {
    let dir = pdf.parent().unwrap();
    let prefix = dir.join("img");
    let r = tool(
        "pdfimages",
        &[
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    image::open(dir.join("img-000.png")).unwrap()
}

fn ok_pdf(env: &Env, lib: &Path) -> PathBuf {
    let r = make_clams(env, lib);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pdf = env.path().join("out.pdf");
    qpdf_check(&pdf);
    pdf
}

#[test]
fn a_rotated_exif_jpeg_comes_out_upright() {
    let env = Env::new();
    // Stored 400x300 (landscape), EXIF says "rotate 90 degrees clockwise to view".
    let lib = library_with_picture(&env, "photo.jpg", &with_orientation(&jpeg(400, 300), 6));
    let pdf = ok_pdf(&env, &lib);
    let imgs = pdf_images(&pdf);
    assert!(
        imgs.contains(&(300, 400, "rgb".into(), "jpeg".into())),
        "{imgs:?}"
    );
    // Upright: the stored top band (green) is now on the right, red on top, blue below.
    let img = first_image(&pdf).to_rgb8();
    let px = |x: u32, y: u32| img.get_pixel(x, y).0;
    let (top, bottom, right) = (px(100, 50), px(100, 350), px(290, 200));
    assert!(top[0] > 150 && top[2] < 100, "top {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "bottom {bottom:?}");
    assert!(right[1] > 100 && right[0] < 100, "right {right:?}");
}

#[test]
fn a_small_jpeg_is_passed_through_unchanged() {
    let env = Env::new();
    let bytes = jpeg(500, 375);
    let lib = library_with_picture(&env, "photo.jpeg", &bytes);
    let pdf = ok_pdf(&env, &lib);
    let imgs = pdf_images(&pdf);
    assert!(
        imgs.contains(&(500, 375, "rgb".into(), "jpeg".into())),
        "{imgs:?}"
    );
    // The very bytes of the file are in the PDF.
    let pdf_bytes = std::fs::read(&pdf).unwrap();
    assert!(pdf_bytes
        .windows(bytes.len())
        .any(|w| w == bytes.as_slice()));
}

#[test]
fn a_large_photo_is_scaled_to_300_dpi_and_the_pdf_stays_small() {
    let env = Env::new();
    // 4000x3000, with some texture so it does not compress to nothing.
    let img = RgbImage::from_fn(4000, 3000, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 251) as u8])
    });
    let bytes = with_orientation(&encode(DynamicImage::ImageRgb8(img), ImageFormat::Jpeg), 6);
    assert!(bytes.len() > 1_000_000, "{}", bytes.len());
    let lib = library_with_picture(&env, "big.jpg", &bytes);
    let pdf = ok_pdf(&env, &lib);
    let imgs = pdf_images(&pdf);
    let (w, h, _, enc) = imgs.iter().find(|i| i.3 == "jpeg").unwrap().clone();
    // Upright (portrait) and no more pixels than 300 dpi needs at the largest
    // size any built-in template prints a picture (72 mm -> 851 px).
    assert!(h > w, "{w}x{h}");
    assert!((800..=851).contains(&h), "{w}x{h}");
    assert_eq!(enc, "jpeg");
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 400_000, "{size} bytes");
}

#[test]
fn every_png_kind_and_webp_embed() {
    use png::{BitDepth, ColorType};
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "rgb8.png",
            png_with(120, 90, ColorType::Rgb, BitDepth::Eight, false),
            "rgb",
        ),
        (
            "rgb16.png",
            png_with(120, 90, ColorType::Rgb, BitDepth::Sixteen, false),
            "rgb",
        ),
        (
            "grey.png",
            png_with(120, 90, ColorType::Grayscale, BitDepth::Eight, false),
            "gray",
        ),
        (
            "palette.png",
            png_with(120, 90, ColorType::Indexed, BitDepth::Eight, true),
            "rgb",
        ),
        (
            "alpha.png",
            png_with(120, 90, ColorType::Rgba, BitDepth::Eight, false),
            "rgb",
        ),
        (
            "greyalpha.png",
            png_with(120, 90, ColorType::GrayscaleAlpha, BitDepth::Eight, false),
            "gray",
        ),
        (
            "photo.webp",
            encode(DynamicImage::ImageRgb8(pattern(120, 90)), ImageFormat::WebP),
            "rgb",
        ),
    ];
    for (name, bytes, colour) in cases {
        let env = Env::new();
        let lib = library_with_picture(&env, name, &bytes);
        let pdf = ok_pdf(&env, &lib);
        let imgs = pdf_images(&pdf);
        assert!(
            imgs.iter()
                .any(|i| i.0 == 120 && i.1 == 90 && i.2 == colour),
            "{name}: {imgs:?}"
        );
        if name.contains("alpha") {
            let masks = pdf_images_of(&pdf, "smask");
            assert!(
                masks.iter().any(|i| i.0 == 120 && i.1 == 90),
                "{name}: no soft mask {masks:?}"
            );
        }
    }
}

#[test]
fn a_cmyk_jpeg_is_converted_with_the_right_colours() {
    let env = Env::new();
    // Pure red in CMYK: no cyan, full magenta and yellow, no black.
    let (w, h) = (64u16, 48u16);
    let data: Vec<u8> = (0..w as usize * h as usize)
        .flat_map(|_| [0u8, 255, 255, 0])
        .collect();
    let mut bytes = Vec::new();
    jpeg_encoder::Encoder::new(&mut bytes, 95)
        .encode(&data, w, h, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    let lib = library_with_picture(&env, "cmyk.jpg", &bytes);
    let pdf = ok_pdf(&env, &lib);
    let imgs = pdf_images(&pdf);
    assert!(
        imgs.contains(&(64, 48, "rgb".into(), "jpeg".into())),
        "{imgs:?}"
    );
    let px = first_image(&pdf).to_rgb8().get_pixel(32, 24).0;
    assert!(px[0] > 200 && px[1] < 80 && px[2] < 80, "not red: {px:?}");
}

fn bad_image(name: &str, bytes: &[u8], reason: &str) {
    let env = Env::new();
    let lib = library_with_picture(&env, name, bytes);
    let r = make_clams(&env, &lib);
    assert_eq!(r.code, 1, "{name}: {}", r.stderr);
    let expected = format!("error: {}/images/{name}: {reason}", lib.display());
    assert!(
        r.stderr.starts_with(&expected),
        "{name}\nexpected: {expected}\ngot:      {}",
        r.stderr
    );
    assert!(
        !env.path().join("out.pdf").exists(),
        "{name}: output written"
    );
    let leftovers: Vec<_> = env.files().into_iter().filter(|f| f != "lib").collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn bad_images_are_clear_errors_and_write_nothing() {
    let good = jpeg(400, 300);
    bad_image(
        "cut.jpg",
        &good[..good.len() / 2],
        "the image is damaged or incomplete",
    );
    bad_image(
        "noise.png",
        b"this is not a picture at all",
        "not an image file",
    );
    bad_image(
        "renamed.jpg",
        &png_with(10, 10, png::ColorType::Rgb, png::BitDepth::Eight, false),
        "the file is a PNG image but its name ends in .jpg",
    );
    bad_image(
        "drawing.gif",
        b"GIF89a....",
        "unsupported image type `.gif`",
    );
    bad_image(
        "bomb.png",
        &png_header_only(20_000, 20_000),
        "the image is 20000x20000 pixels, over the limit of 100 megapixels",
    );
    bad_image(
        "broken.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg'><g>",
        "not a readable SVG drawing",
    );
    bad_image("empty.png", b"", "not an image file");
}

#[test]
fn two_pictures_with_captions_lay_out_on_one_card() {
    let env = Env::new();
    let lib = env.library("lib");
    std::fs::write(lib.join("images/start.jpg"), jpeg(400, 300)).unwrap();
    std::fs::write(lib.join("images/finish.jpg"), jpeg(400, 300)).unwrap();
    show_picture(
        &lib,
        "clams",
        "start.jpg",
        "caption = \"Start\"\nalt = \"Start position\"\n",
    );
    show_picture(
        &lib,
        "clams",
        "finish.jpg",
        "caption = \"Finish\"\nalt = \"Finish position\"\n",
    );
    let pdf = ok_pdf(&env, &lib);
    // Deduplicated identical pictures or two: either way both are drawn.
    assert!(!pdf_images(&pdf).is_empty());
    let words = pdf_words(&pdf);
    assert!(
        words.contains("Start") && words.contains("Finish"),
        "{words}"
    );
}

#[test]
fn check_warns_about_low_resolution_photos() {
    let env = Env::new();
    let lib = library_with_picture(&env, "tiny.jpg", &jpeg(160, 120));
    let r = env.run(&["--library", lib.to_str().unwrap(), "check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("tiny.jpg: prints at 88 dpi with template `standard` (below 150)"),
        "{}",
        r.stderr
    );
}
