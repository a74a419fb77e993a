//! Images of one run: read, checked and prepared once, then shared by every handout.
//!
//! - SVG drawings are parsed with usvg and drawn as vectors.
//! - PNG, JPEG and WebP pictures are checked and fully decoded with the image
//!   crate (so a damaged file is an error now, not a grey box later), turned
//!   upright by their EXIF orientation, converted from CMYK to RGB, and scaled
//!   down when they have more pixels than 300 dpi needs at their largest printed
//!   size. A picture that needs none of that is embedded as it is (a JPEG's
//!   bytes are passed through).
//! - Each image is prepared once per run, even when several threads ask for it
//!   at the same time, and every handout of a batch reuses it.
//!
//! What comes out is a decoded [`Picture`] and its size, for layout to size and
//! render to embed (render encodes each for the PDF once per run); nothing here
//! knows the PDF crate.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use image::{DynamicImage, ImageDecoder, ImageFormat};

use crate::content::Library;
use crate::error::{Error, Result};

/// Pictures with more pixels than this are refused (decompression bombs).
pub const MAX_PIXELS: u64 = 100_000_000;
/// Print resolution above which a picture is scaled down.
pub const TARGET_DPI: f32 = 300.0;
/// Print resolution below which `check` warns.
pub const LOW_DPI: f32 = 150.0;

/// A picture ready to draw.
pub enum Picture {
    /// A vector drawing, parsed.
    Svg(Arc<usvg::Tree>),
    /// A raster picture, as the bytes to embed.
    Raster(Raster),
}

/// The bytes of a raster picture to embed as they are: the file's own when it
/// needed nothing, else re-encoded after turning, scaling or converting it.
pub struct Raster {
    pub data: Arc<Vec<u8>>,
    pub format: RasterFormat,
    /// The size of the picture in `data`, in pixels.
    pub width_px: u32,
    pub height_px: u32,
}

/// The encoding of a [`Raster`]'s bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RasterFormat {
    Png,
    Jpeg,
    WebP,
}

impl RasterFormat {
    /// The media type, e.g. `image/png`.
    pub fn mime(self) -> &'static str {
        match self {
            RasterFormat::Png => "image/png",
            RasterFormat::Jpeg => "image/jpeg",
            RasterFormat::WebP => "image/webp",
        }
    }
}

pub struct LoadedImage {
    /// The file as shown in messages (e.g. `content/images/clams.svg (built-in)`).
    pub shown: String,
    /// Natural size (pixels, or SVG user units); only the ratio matters for layout.
    pub width: f32,
    pub height: f32,
    /// Pixel size of the upright source picture, for raster images.
    pub source_px: Option<(u32, u32)>,
    /// What was done to it: "passed through", "scaled down from 4000x3000", ...
    pub treatment: String,
    pub picture: Picture,
}

type Slot = Arc<OnceLock<std::result::Result<Arc<LoadedImage>, (String, String)>>>;

/// Images by file name, each prepared on first use.
pub struct ImageStore {
    /// Longest side, in pixels, that any printed use of a picture needs.
    max_px: u32,
    slots: Mutex<HashMap<String, Slot>>,
    prepared: AtomicUsize,
}

impl Default for ImageStore {
    fn default() -> Self {
        ImageStore::new(65.0)
    }
}

impl ImageStore {
    /// `max_print_mm`: the longest side, in millimetres, a picture is ever printed at.
    pub fn new(max_print_mm: f32) -> ImageStore {
        ImageStore {
            max_px: (max_print_mm / 25.4 * TARGET_DPI).ceil() as u32,
            slots: Mutex::new(HashMap::new()),
            prepared: AtomicUsize::new(0),
        }
    }

    /// How many images were read and prepared so far (each at most once).
    pub fn prepared_count(&self) -> usize {
        self.prepared.load(Ordering::Relaxed)
    }

    /// The image `name` from the library's images/, prepared on first use.
    pub fn get(&self, lib: &Library, name: &str) -> Result<Arc<LoadedImage>> {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            slots.entry(name.to_string()).or_default().clone()
        };
        let result = slot.get_or_init(|| {
            self.prepared.fetch_add(1, Ordering::Relaxed);
            match load(lib, name, self.max_px) {
                Ok(img) => Ok(Arc::new(img)),
                Err(Error::File { path, message, .. }) => Err((path, message)),
                Err(e) => Err((lib.display(&Library::image_path(name)), e.to_string())),
            }
        });
        match result {
            Ok(img) => Ok(img.clone()),
            Err((path, message)) => {
                let e = Error::file(path.clone(), message.clone());
                Err(if message == NOT_FOUND {
                    e.with_hint(
                        "put the file in the library's images/ folder, or correct the file name",
                    )
                } else {
                    e
                })
            }
        }
    }

    /// An image already prepared with [`ImageStore::get`].
    pub fn loaded(&self, name: &str) -> Option<Arc<LoadedImage>> {
        let slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.get(name)?.get()?.as_ref().ok().cloned()
    }
}

impl crate::layout::ImageSizes for ImageStore {
    fn size(&self, name: &str) -> Option<(f32, f32)> {
        self.loaded(name).map(|i| (i.width, i.height))
    }
}

const NOT_FOUND: &str = "image not found";

fn load(lib: &Library, name: &str, max_px: u32) -> Result<LoadedImage> {
    let rel = Library::image_path(name);
    let shown = lib.display(&rel);
    if !lib.has_file(&rel) {
        return Err(Error::file(shown, NOT_FOUND));
    }
    let bytes = lib.read(&rel)?;
    decode(&shown, name, bytes.into_owned(), max_px, Some(lib))
}

/// Pictures an SVG may show inside it, by one rule with the pictures an
/// exercise names: a file in the library's images/ folder (a path relative to
/// the SVG's own folder, never absolute, never through `..` out of images/),
/// or a `data:` picture, within the same pixel and byte limits; PNG, JPEG or
/// WebP only (an SVG inside an SVG is refused). What is refused is noted.
fn svg_resolver<'a>(
    lib: Option<&'a Library>,
    svg_name: &str,
    refused: &'a Mutex<Vec<String>>,
) -> usvg::ImageHrefResolver<'a> {
    let note = move |m: String| refused.lock().unwrap_or_else(|e| e.into_inner()).push(m);
    let folder: Vec<String> = svg_name
        .rsplit_once('/')
        .map(|(d, _)| d.split('/').map(str::to_string).collect())
        .unwrap_or_default();
    usvg::ImageHrefResolver {
        resolve_data: Box::new(move |mime: &str, data: Arc<Vec<u8>>, _: &usvg::Options| {
            match raster_kind(&data, mime) {
                Ok(kind) => Some(kind),
                Err(why) => {
                    note(format!("a picture inside it (a data: address) {why}"));
                    None
                }
            }
        }),
        resolve_string: Box::new(move |href: &str, _: &usvg::Options| {
            let href = href.trim();
            let refuse = |why: &str| {
                note(format!("the picture `{href}` inside it {why}"));
                None
            };
            if href.contains("://")
                || href.starts_with('/')
                || href.starts_with('\\')
                || href.get(1..2) == Some(":")
            {
                return refuse("is outside the library: only files in the library's images/ folder can be shown");
            }
            // The path relative to images/, resolved against the SVG's own folder.
            let mut parts = folder.clone();
            for seg in href.split(['/', '\\']) {
                match seg {
                    "" | "." => {}
                    ".." => {
                        if parts.pop().is_none() {
                            return refuse("is outside the library's images/ folder");
                        }
                    }
                    s => parts.push(s.to_string()),
                }
            }
            let rel = Library::image_path(&parts.join("/"));
            let Some(lib) = lib.filter(|l| l.has_file(&rel)) else {
                return refuse("is not in the library's images/ folder");
            };
            let bytes = match lib.read(&rel) {
                Ok(b) => b,
                Err(e) => return refuse(&format!("cannot be read: {e}")),
            };
            match raster_kind(&Arc::new(bytes.into_owned()), "") {
                Ok(kind) => Some(kind),
                Err(why) => refuse(&why),
            }
        }),
    }
}

/// The most bytes a picture inside an SVG may have.
pub const MAX_EMBEDDED_BYTES: usize = 20 * 1024 * 1024;

/// A raster picture inside an SVG, checked: PNG, JPEG or WebP by its
/// content, within [`MAX_PIXELS`] and [`MAX_EMBEDDED_BYTES`].
fn raster_kind(data: &Arc<Vec<u8>>, mime: &str) -> std::result::Result<usvg::ImageKind, String> {
    if data.len() > MAX_EMBEDDED_BYTES {
        return Err(format!(
            "is larger than {} MB",
            MAX_EMBEDDED_BYTES / (1024 * 1024)
        ));
    }
    let format = image::guess_format(data).map_err(|_| {
        if mime.contains("svg") || data.starts_with(b"<") {
            "is an SVG: a drawing inside a drawing is not supported; use PNG, JPEG or WebP"
                .to_string()
        } else {
            "is not a PNG, JPEG or WebP picture".to_string()
        }
    })?;
    let reader = image::ImageReader::with_format(Cursor::new(&data[..]), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| format!("cannot be read: {e}"))?;
    if w as u64 * h as u64 > MAX_PIXELS {
        return Err(format!(
            "is {w}x{h} pixels, over the limit of {} megapixels",
            MAX_PIXELS / 1_000_000
        ));
    }
    match format {
        ImageFormat::Png => Ok(usvg::ImageKind::PNG(data.clone())),
        ImageFormat::Jpeg => Ok(usvg::ImageKind::JPEG(data.clone())),
        ImageFormat::WebP => Ok(usvg::ImageKind::WEBP(data.clone())),
        _ => Err("is not a PNG, JPEG or WebP picture".into()),
    }
}

/// Prepare image bytes for embedding; `name` gives the expected format by its
/// extension. Pictures inside an SVG are read from `lib` (see [`svg_resolver`]).
pub fn decode(
    shown: &str,
    name: &str,
    bytes: Vec<u8>,
    max_px: u32,
    lib: Option<&Library>,
) -> Result<LoadedImage> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let bad = |m: String| Error::file(shown, m);
    if ext == "svg" {
        let refused = Mutex::new(Vec::new());
        let tree = {
            let opts = usvg::Options {
                image_href_resolver: svg_resolver(lib, name, &refused),
                ..usvg::Options::default()
            };
            usvg::Tree::from_data(&bytes, &opts)
                .map_err(|e| bad(format!("not a readable SVG drawing: {e}")))?
        };
        let refused = refused.into_inner().unwrap_or_else(|e| e.into_inner());
        if !refused.is_empty() {
            return Err(bad(refused.join("; ")).with_hint(
                "keep pictures used by a drawing in the library's images/ folder and refer to them by a relative path",
            ));
        }
        let s = tree.size();
        return Ok(LoadedImage {
            shown: shown.to_string(),
            width: s.width(),
            height: s.height(),
            source_px: None,
            treatment: "vector".into(),
            picture: Picture::Svg(Arc::new(tree)),
        });
    }
    let expected = match ext.as_str() {
        "png" => ImageFormat::Png,
        "jpg" | "jpeg" => ImageFormat::Jpeg,
        "webp" => ImageFormat::WebP,
        "" => {
            return Err(bad(
                "the file name has no extension: use .svg, .png, .jpg or .webp".into(),
            ))
        }
        other => {
            return Err(bad(format!(
                "unsupported image type `.{other}`: use SVG, PNG, JPEG or WebP"
            )))
        }
    };
    let format = image::guess_format(&bytes)
        .map_err(|_| bad("not an image file: its contents are not PNG, JPEG or WebP".into()))?;
    if format != expected {
        let actual = match format {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::WebP => "WebP",
            ImageFormat::Gif => "GIF",
            ImageFormat::Bmp => "BMP",
            ImageFormat::Tiff => "TIFF",
            _ => "another kind of",
        };
        return Err(bad(format!(
            "the file is a {actual} image but its name ends in .{ext}: rename it or convert it to SVG, PNG, JPEG or WebP"
        )));
    }

    let mut decoder = image::ImageReader::with_format(Cursor::new(&bytes), format)
        .into_decoder()
        .map_err(|e| bad(format!("cannot read the image: {e}")))?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(bad("the image is empty (0 pixels)".into()));
    }
    if w as u64 * h as u64 > MAX_PIXELS {
        return Err(bad(format!(
            "the image is {w}x{h} pixels, over the limit of {} megapixels: make it smaller",
            MAX_PIXELS / 1_000_000
        )));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(1024 * 1024 * 1024);
    decoder
        .set_limits(limits)
        .map_err(|e| bad(format!("the image is too large to open: {e}")))?;
    // Decode in full now: a truncated or damaged file is an error here, not a grey box later.
    let mut img = DynamicImage::from_decoder(decoder)
        .map_err(|e| bad(format!("the image is damaged or incomplete: {e}")))?;

    if format == ImageFormat::Jpeg && !jpeg_is_complete(&bytes) {
        return Err(bad(
            "the image is damaged or incomplete: the JPEG data stops before its end marker".into(),
        ));
    }
    let cmyk = format == ImageFormat::Jpeg && jpeg_components(&bytes) == Some(4);
    let rotate = orientation != image::metadata::Orientation::NoTransforms;
    let too_big = w.max(h) > max_px;
    let mut notes = Vec::new();
    // Scale first, then turn: turning the small picture is cheaper. A box filter
    // (thumbnail) is fast and sharp for large reductions.
    if too_big {
        img = img.thumbnail(max_px, max_px);
    }
    if rotate {
        img.apply_orientation(orientation);
        notes.push("turned upright".to_string());
    }
    let (uw, uh) = if rotate && orientation_swaps(orientation) {
        (h, w)
    } else {
        (w, h)
    };
    if too_big {
        notes.push(format!("scaled down from {uw}x{uh}"));
    }
    if cmyk {
        notes.push("converted from CMYK".into());
    }

    let (data, kind): (Vec<u8>, ImageFormat) = if !(rotate || too_big || cmyk) {
        notes.push("passed through".into());
        (bytes, format)
    } else if format == ImageFormat::Jpeg {
        // A photo stays a JPEG: re-encode once, at high quality.
        let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
        let mut out = Vec::new();
        let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
        rgb.write_with_encoder(enc)
            .map_err(|e| bad(format!("cannot re-encode the image: {e}")))?;
        (out, ImageFormat::Jpeg)
    } else {
        // Drawings and screenshots stay lossless.
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|e| bad(format!("cannot re-encode the image: {e}")))?;
        (out, ImageFormat::Png)
    };
    let format = match kind {
        ImageFormat::Png => RasterFormat::Png,
        ImageFormat::Jpeg => RasterFormat::Jpeg,
        _ => RasterFormat::WebP,
    };
    // The bytes hold the picture as it is now (passed through: as decoded).
    let (width_px, height_px) = (img.width(), img.height());
    Ok(LoadedImage {
        shown: shown.to_string(),
        width: width_px as f32,
        height: height_px as f32,
        source_px: Some((uw, uh)),
        treatment: notes.join(", "),
        picture: Picture::Raster(Raster {
            data: Arc::new(data),
            format,
            width_px,
            height_px,
        }),
    })
}

/// Does this EXIF orientation swap width and height?
fn orientation_swaps(o: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation::*;
    matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
}

/// Walk a JPEG's header segments, calling `f(marker, offset)` until it returns `Some`.
fn jpeg_segments<T>(b: &[u8], mut f: impl FnMut(u8, usize) -> Option<T>) -> Option<T> {
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if let Some(v) = f(marker, i) {
            return Some(v);
        }
        if marker == 0xDA {
            return None;
        }
        i += 2 + u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
    }
    None
}

/// The number of colour components of a JPEG (3 for RGB/YCbCr, 4 for CMYK), from its frame header.
fn jpeg_components(b: &[u8]) -> Option<u8> {
    jpeg_segments(b, |marker, i| {
        let is_sof = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            b.get(i + 9).copied()
        } else {
            None
        }
    })
}

/// Does the JPEG's image data end with an end-of-image marker? (A cut-off file does not;
/// decoders fill the missing part with grey instead of failing.)
fn jpeg_is_complete(b: &[u8]) -> bool {
    let Some(sos) = jpeg_segments(b, |marker, i| (marker == 0xDA).then_some(i)) else {
        return false;
    };
    b[sos..].windows(2).any(|w| w == [0xFF, 0xD9])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_image_is_prepared_once_even_from_many_threads() {
        // A library of the clinic's own with two more pictures than the logo.
        let d = tempfile::tempdir().unwrap();
        crate::init::init(d.path()).unwrap();
        let images = d.path().join("images");
        let logo = std::fs::read(images.join("logo.svg")).unwrap();
        std::fs::write(images.join("band.svg"), &logo).unwrap();
        std::fs::write(images.join("chair.svg"), &logo).unwrap();
        let lib = Library::open(d.path()).unwrap();
        let store = ImageStore::default();
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for name in ["band.svg", "chair.svg", "logo.svg", "band.svg"] {
                        store.get(&lib, name).unwrap();
                    }
                });
            }
        });
        assert_eq!(store.prepared_count(), 3);
        // The same shared object every time.
        let a = store.get(&lib, "band.svg").unwrap();
        let b = store.get(&lib, "band.svg").unwrap();
        assert!(Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn a_missing_image_is_remembered_as_an_error() {
        let lib = Library::builtin().unwrap();
        let store = ImageStore::default();
        for _ in 0..2 {
            let Err(e) = store.get(&lib, "nope.png") else {
                panic!("found a missing image")
            };
            assert_eq!(
                e.to_string(),
                "content/images/nope.png (built-in): image not found"
            );
            assert!(e.hint().unwrap().contains("images/ folder"));
        }
        assert_eq!(store.prepared_count(), 1);
    }

    #[test]
    fn jpeg_markers() {
        let mut out = Vec::new();
        let img = DynamicImage::ImageRgb8(image::RgbImage::new(8, 8));
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
            .unwrap();
        assert_eq!(jpeg_components(&out), Some(3));
        assert!(jpeg_is_complete(&out));
        assert!(!jpeg_is_complete(&out[..out.len() - 2]));
    }
}
