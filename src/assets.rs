//! Images of one run: read, checked and decoded once, then shared by every handout.
//!
//! SVG drawings are parsed with usvg and drawn as vectors; PNG, JPEG and WebP
//! pictures are checked with the image crate and embedded by krilla (JPEG data
//! passed through as it is).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::content::Library;
use crate::error::{Error, Result};

/// Pictures larger than this many pixels are refused (decompression bombs).
pub const MAX_PIXELS: u64 = 100_000_000;

pub enum Picture {
    Svg(Arc<usvg::Tree>),
    Raster(krilla::image::Image),
}

pub struct LoadedImage {
    /// Natural size (pixels, or SVG user units); only the ratio matters for layout.
    pub width: f32,
    pub height: f32,
    pub picture: Picture,
}

/// Images by file name, loaded on first use.
#[derive(Default)]
pub struct ImageStore {
    cache: RwLock<HashMap<String, Arc<LoadedImage>>>,
}

impl ImageStore {
    pub fn new() -> ImageStore {
        ImageStore::default()
    }

    /// The image `name` from the library's images/, loading it on first use.
    pub fn get(&self, lib: &Library, name: &str) -> Result<Arc<LoadedImage>> {
        if let Some(img) = self
            .cache
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(name)
        {
            return Ok(img.clone());
        }
        let img = Arc::new(load(lib, name)?);
        let mut cache = self.cache.write().unwrap_or_else(|e| e.into_inner());
        Ok(cache.entry(name.to_string()).or_insert(img).clone())
    }

    /// An image already loaded with [`ImageStore::get`].
    pub fn loaded(&self, name: &str) -> Option<Arc<LoadedImage>> {
        self.cache
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(name)
            .cloned()
    }
}

impl crate::layout::ImageSizes for ImageStore {
    fn size(&self, name: &str) -> Option<(f32, f32)> {
        self.loaded(name).map(|i| (i.width, i.height))
    }
}

fn load(lib: &Library, name: &str) -> Result<LoadedImage> {
    let rel = Library::image_path(name);
    let shown = lib.display(&rel);
    if !lib.has_file(&rel) {
        return Err(Error::file(shown, "image not found".to_string())
            .with_hint("put the file in the library's images/ folder, or correct the file name"));
    }
    let bytes = lib.read(&rel)?;
    decode(&shown, name, bytes.into_owned())
}

/// Decode image bytes; `name` gives the expected format by its extension.
pub fn decode(shown: &str, name: &str, bytes: Vec<u8>) -> Result<LoadedImage> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let bad = |m: String| Error::file(shown, m);
    if ext == "svg" {
        let opts = usvg::Options::default();
        let tree = usvg::Tree::from_data(&bytes, &opts)
            .map_err(|e| bad(format!("not a readable SVG drawing: {e}")))?;
        let s = tree.size();
        return Ok(LoadedImage {
            width: s.width(),
            height: s.height(),
            picture: Picture::Svg(Arc::new(tree)),
        });
    }
    let format = image::guess_format(&bytes)
        .map_err(|_| bad("not an image file (unknown format)".into()))?;
    let expected = match ext.as_str() {
        "png" => image::ImageFormat::Png,
        "jpg" | "jpeg" => image::ImageFormat::Jpeg,
        "webp" => image::ImageFormat::WebP,
        other => {
            return Err(bad(format!(
                "unsupported image type `.{other}`: use SVG, PNG, JPEG or WebP"
            )))
        }
    };
    if format != expected {
        return Err(bad(format!(
            "the file is a {format:?} image but its name ends in .{ext}; rename it"
        )));
    }
    let reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| bad(format!("cannot read the image: {e}")))?;
    if w == 0 || h == 0 {
        return Err(bad("the image is empty (0 pixels)".into()));
    }
    if w as u64 * h as u64 > MAX_PIXELS {
        return Err(bad(format!(
            "the image is {w}x{h} pixels, more than the limit of {} megapixels; make it smaller",
            MAX_PIXELS / 1_000_000
        )));
    }
    // Decode fully once, so a truncated or corrupt file is caught now, not mid-batch.
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(2 * 1024 * 1024 * 1024);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|e| bad(format!("the image is damaged or incomplete: {e}")))?;
    let data: krilla::Data = bytes.into();
    let picture = match format {
        image::ImageFormat::Png => krilla::image::Image::from_png(data, true),
        image::ImageFormat::Jpeg => krilla::image::Image::from_jpeg(data, true),
        _ => krilla::image::Image::from_webp(data, true),
    }
    .map_err(|e| bad(format!("cannot embed the image: {e}")))?;
    Ok(LoadedImage {
        width: w as f32,
        height: h as f32,
        picture: Picture::Raster(picture),
    })
}
