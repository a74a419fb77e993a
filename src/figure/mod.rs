//! Exercise figures drawn from poses.
//!
//! An exercise file's `[figure]` section says how the body is placed at the
//! start and at the end of the movement (a base posture and joint angles, see
//! `src/figure/README.md`). [`draw`] poses a 3D articulated body (forward
//! kinematics over anatomical joints), settles it onto the floor or its
//! props, projects it through a named orthographic camera and returns vector
//! paths: tapered solids sorted by depth, the start pose as a light ghost, the
//! end pose solid, and an arrow along the path of the moving body point.
//!
//! Modules: [`skeleton`] (segments, joints, ranges, forward kinematics),
//! [`body`] (the solids of each part, named body points), [`contact`] (what
//! `rests-on` names), [`spec`] (the file format), [`resolve`] (names to
//! values, with problems), [`scene`] (postures, settling onto the support),
//! [`props`] (floor, mat and props), [`render`] (camera, outlines, depth
//! order, inset), [`arrow`], [`geom`], [`svg`].

pub mod arrow;
pub mod body;
mod cache;
pub mod contact;
pub mod geom;
pub mod joints;
mod outline;
pub mod posture;
pub mod props;
pub mod render;
pub mod resolve;
mod resolve_props;
pub mod scene;
mod silhouette;
pub mod skeleton;
pub mod spec;
pub mod svg;
mod validate;

#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod style_tests;
#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Range;

pub use crate::content::Rgb;
pub use cache::FigureCache;
pub use spec::{DofMap, InsetSpec, Placement, PoseSpec, PropSpec, PropsSpec};
pub use svg::to_svg;

/// The figure section of an exercise file.
pub type FigureSpec = spec::FigureSpec;

/// A drawn figure: closed and open paths in drawing order. Units are
/// millimetres at nominal print size, origin top left, y growing down;
/// `width` and `height` are the bounding box including a small margin.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub width: f32,
    pub height: f32,
    pub paths: Vec<PathShape>,
}

/// One path, filled and/or stroked (stroke width in drawing units).
#[derive(Debug, Clone, PartialEq)]
pub struct PathShape {
    pub cmds: Vec<PathCmd>,
    pub fill: Option<Rgb>,
    pub stroke: Option<(Rgb, f32)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathCmd {
    MoveTo(f32, f32),
    LineTo(f32, f32),
    CubicTo(f32, f32, f32, f32, f32, f32),
    Close,
}

/// Colours of a figure. [`FigureStyle::new`] derives everything from the
/// clinic's dark primary colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureStyle {
    /// The end pose, near side: the clinic's primary colour (dark).
    pub ink: Rgb,
    /// The end pose's far-side limbs: the same hue, a little lighter.
    pub far: Rgb,
    /// The start pose (ghost): a neutral light grey, never the clinic's
    /// hue, so it cannot be taken for the far side of the end pose (in
    /// grey scale too: ink, far and ghost are three distinct tones).
    pub ghost: Rgb,
    pub ghost_far: Rgb,
    /// Hair (end pose and ghost).
    pub accent: Rgb,
    pub ghost_accent: Rgb,
    /// The outline between parts (and around the arrow).
    pub outline: Rgb,
    /// Props: fill, shaded side, outline.
    pub prop: Rgb,
    pub prop_side: Rgb,
    pub prop_line: Rgb,
    /// The floor or mat.
    pub floor: Rgb,
    pub band: Rgb,
    pub arrow: Rgb,
    /// A stick held in the hands.
    pub stick: Rgb,
    /// A towel (on the floor or held).
    pub towel: Rgb,
}

/// `a` mixed toward `b` by `t` (0 = a, 1 = b).
pub fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let m = |x: u8, y: u8| {
        (x as f32 + (y as f32 - x as f32) * t)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// The start pose's grey.
const GHOST: Rgb = Rgb(0xC2, 0xC5, 0xC8);

impl FigureStyle {
    pub fn new(ink: Rgb) -> FigureStyle {
        let white = Rgb::WHITE;
        FigureStyle {
            ink,
            far: mix(ink, white, 0.3),
            ghost: GHOST,
            ghost_far: GHOST,
            accent: mix(ink, Rgb::BLACK, 0.45),
            ghost_accent: mix(GHOST, Rgb::BLACK, 0.14),
            outline: white,
            prop: Rgb(0xEC, 0xEF, 0xF1),
            prop_side: Rgb(0xD6, 0xDC, 0xE0),
            prop_line: Rgb(0x8A, 0x93, 0x99),
            floor: Rgb(0xB4, 0xBC, 0xC2),
            band: Rgb(0x5B, 0x45, 0x8F),
            arrow: Rgb(0xC4, 0x4E, 0x0E),
            stick: Rgb(0xA0, 0x74, 0x4A),
            towel: Rgb(0xE8, 0xD9, 0xB5),
        }
    }
}

impl Default for FigureStyle {
    fn default() -> Self {
        FigureStyle::new(Rgb(0x0B, 0x55, 0x63))
    }
}

/// A mistake in a figure: what, how to fix it, and where in the exercise
/// file (a byte range) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
    pub span: Option<Range<usize>>,
}

/// Why a figure could not be drawn: its problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for FigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(&p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for FigureError {}

/// Draw a figure. Pure and deterministic. Fails only when names or angles
/// are wrong; a pose that passes through the floor is still drawn (use
/// [`validate`] to find those).
pub fn draw(spec: &FigureSpec, style: &FigureStyle) -> Result<Drawing, FigureError> {
    let (resolved, problems) = resolve::resolve(spec);
    let Some(r) = resolved else {
        return Err(FigureError { problems });
    };
    let scene = scene::build(&r);
    Ok(render::render(&scene, &r, style))
}

/// Every problem with a figure: unknown names, angles outside the normal
/// range, a body passing through the floor or a prop, a moving point that
/// does not move.
pub fn validate(spec: &FigureSpec) -> Vec<Problem> {
    let (resolved, mut problems) = resolve::resolve(spec);
    if let Some(r) = resolved {
        let scene = scene::build(&r);
        problems.extend(validate::collisions(&scene, &r, spec));
    }
    problems
}
