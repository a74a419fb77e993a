//! A video's QR code, drawn as vector squares, with its short address.

use crate::error::{Error, Result};
use crate::fonts::Weight;

use super::super::document::{Color, Item, NodeKind, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// Modules of white around a QR code, as the standard asks.
const QR_QUIET: usize = 4;
/// The printed size of a QR code's symbol (without its quiet zone).
const QR_MM: f32 = 22.0;

/// A QR code of `url` drawn as squares, with the short address beside or under
/// it; returns the height used.
pub(crate) fn video_code(
    cx: &Ctx,
    f: &mut Frame,
    x: f32,
    y: f32,
    w: f32,
    url: &str,
    beside: bool,
) -> Result<f32> {
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| Error::QrCode {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
    let n = code.width();
    let module = QR_MM * MM / n as f32;
    let quiet = QR_QUIET as f32 * module;
    let side = n as f32 * module + 2.0 * quiet;
    f.open(
        NodeKind::Figure {
            alt: cx.words.video_alt(url),
        },
        f.parent,
    );
    let colours = code.to_colors();
    // One rectangle per horizontal run of dark modules.
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colours[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colours[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                f.push(
                    x + quiet + start as f32 * module,
                    y + quiet + row as f32 * module,
                    Item::Shape(Shape {
                        // A hair wider than the module so runs join without seams.
                        width: (col - start) as f32 * module,
                        height: module + 0.05,
                        fill: Some(Color::BLACK),
                        stroke: None,
                        radius: 0.0,
                    }),
                );
            } else {
                col += 1;
            }
        }
    }
    let short = url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let small = cx.small();
    let spans = [
        Span::new(
            format!("{} ", cx.words.video_label()),
            cx.style(Weight::Bold, small.size, cx.colours.text),
        ),
        Span::new(short, small),
    ];
    let pitch = cx.pitch(small.size);
    f.open(NodeKind::Paragraph, f.parent);
    if beside {
        let lx = x + side + 1.0 * MM;
        let lines = cx.wrap(&spans, w - side - 1.0 * MM, "the video address")?;
        let lh = lines.len() as f32 * pitch;
        f.lines(lx, y + (side - lh).max(0.0) / 2.0, lines, pitch);
        Ok(side.max(lh))
    } else {
        let lines = cx.wrap(&spans, w, "the video address")?;
        let lh = f.lines(x, y + side, lines, pitch);
        Ok(side + lh)
    }
}
