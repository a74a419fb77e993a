//! Pictures encoded once per run: a raster picture becomes a krilla image the
//! first time a handout shows it, and every later handout (on any thread)
//! shares that image, so krilla reads and compresses it once. The preview's
//! data URIs are kept the same way.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use base64::Engine as _;

use crate::assets::{ImageStore, LoadedImage, Picture, RasterFormat};
use crate::error::{Error, Result};

/// The encoded pictures of one run, by file name.
#[derive(Default)]
pub(super) struct Encoded {
    entries: Mutex<HashMap<String, Arc<Entry>>>,
}

/// One picture and its encodings, each made on first use.
pub(super) struct Entry {
    source: Arc<LoadedImage>,
    pdf: OnceLock<std::result::Result<krilla::image::Image, String>>,
    data_uri: OnceLock<String>,
}

impl Encoded {
    /// The picture `name` as prepared in `store`, or `None` when it was not.
    pub(super) fn get(&self, name: &str, store: &ImageStore) -> Option<Arc<Entry>> {
        let source = store.loaded(name)?;
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        match entries.get(name) {
            // Made from this very picture (a store prepares each once).
            Some(e) if Arc::ptr_eq(&e.source, &source) => Some(e.clone()),
            _ => {
                let e = Arc::new(Entry {
                    source,
                    pdf: OnceLock::new(),
                    data_uri: OnceLock::new(),
                });
                entries.insert(name.to_string(), e.clone());
                Some(e)
            }
        }
    }
}

impl Entry {
    pub(super) fn source(&self) -> &LoadedImage {
        &self.source
    }

    /// A raster picture as a krilla image (shared: cloning it is cheap).
    pub(super) fn pdf_image(&self) -> Result<krilla::image::Image> {
        let Picture::Raster(r) = &self.source.picture else {
            return Err(Error::Pdf(format!(
                "{} is a drawing, not a raster image",
                self.source.shown
            )));
        };
        let made = self.pdf.get_or_init(|| {
            let data: krilla::Data = r.data.clone().into();
            let image = match r.format {
                RasterFormat::Png => krilla::image::Image::from_png(data, false),
                RasterFormat::Jpeg => krilla::image::Image::from_jpeg(data, false),
                RasterFormat::WebP => krilla::image::Image::from_webp(data, false),
            }?;
            debug_assert_eq!(image.size(), (r.width_px, r.height_px));
            Ok(image)
        });
        made.clone().map_err(|e| {
            Error::file(
                self.source.shown.clone(),
                format!("cannot embed the image: {e}"),
            )
        })
    }

    /// The picture as a `data:` URI for an SVG `<image>`: a drawing as SVG
    /// (written from the parsed tree the PDF draws), a raster as its bytes.
    pub(super) fn data_uri(&self) -> &str {
        self.data_uri.get_or_init(|| {
            let b64 = &base64::engine::general_purpose::STANDARD;
            match &self.source.picture {
                Picture::Svg(tree) => format!(
                    "data:image/svg+xml;base64,{}",
                    b64.encode(tree.to_string(&usvg::WriteOptions::default()))
                ),
                Picture::Raster(r) => {
                    format!("data:{};base64,{}", r.format.mime(), b64.encode(&*r.data))
                }
            }
        })
    }
}
