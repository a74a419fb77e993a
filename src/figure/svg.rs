//! A standalone SVG of one drawing (for the quick-look command and the
//! figure sheet).

use std::fmt::Write;

use super::{Drawing, PathCmd, Rgb};

fn n(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn colour(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The path data of a list of commands.
pub fn path_data(cmds: &[PathCmd]) -> String {
    let mut d = String::new();
    for c in cmds {
        if !d.is_empty() {
            d.push(' ');
        }
        match *c {
            PathCmd::MoveTo(x, y) => {
                let _ = write!(d, "M{} {}", n(x), n(y));
            }
            PathCmd::LineTo(x, y) => {
                let _ = write!(d, "L{} {}", n(x), n(y));
            }
            PathCmd::CubicTo(a, b, c, e, x, y) => {
                let _ = write!(d, "C{} {} {} {} {} {}", n(a), n(b), n(c), n(e), n(x), n(y));
            }
            PathCmd::Close => d.push('Z'),
        }
    }
    d
}

/// A standalone SVG, sized in millimetres.
pub fn to_svg(dr: &Drawing) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}">"#,
        w = n(dr.width),
        h = n(dr.height)
    );
    s.push_str(&svg_elements(dr));
    s.push_str("</svg>\n");
    s
}

/// The drawing's `<path>` elements, one a line, to place inside another SVG.
pub fn svg_elements(dr: &Drawing) -> String {
    let mut s = String::new();
    for p in &dr.paths {
        let fill = p.fill.map_or("none".to_string(), colour);
        let _ = write!(s, r#"<path d="{}" fill="{}""#, path_data(&p.cmds), fill);
        if let Some((c, w)) = p.stroke {
            let _ = write!(
                s,
                r#" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round""#,
                colour(c),
                n(w)
            );
        }
        s.push_str("/>\n");
    }
    s
}
