//! The outline of a few solids on the page: the convex hull of their
//! projected circles and ellipses, drawn as arcs (cubic curves, within
//! [`OUTLINE_TOLERANCE`] of the true curve) joined by the straight
//! tangents between them. A limb piece is two arcs and two lines, not
//! dozens of short segments.

use glam::{Mat2, Vec2};

use super::body::Prim;
use super::render::{Camera, SCALE};
use super::PathCmd;

/// How far an outline may stray from the solids' true outline (drawing
/// mm): far below what shows in print.
pub const OUTLINE_TOLERANCE: f32 = 0.05;

/// Samples round a circle or ellipse for the hull (their points lie on the
/// curve; the curve between them is drawn as arcs).
const N: usize = 16;

static UNIT: std::sync::LazyLock<[Vec2; N]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|i| {
        let a = i as f32 / N as f32 * std::f32::consts::TAU;
        Vec2::new(a.cos(), a.sin())
    })
});

/// A projected solid: the page point `c + m u` for `u` on the unit circle.
#[derive(Clone, Copy)]
struct Conic {
    c: Vec2,
    m: Mat2,
}

fn project(prim: &Prim, cam: &Camera) -> Conic {
    match *prim {
        Prim::Sphere { c, r } => Conic {
            c: cam.screen(c),
            m: Mat2::from_diagonal(Vec2::splat(r * SCALE)),
        },
        Prim::Ellipsoid { c, axes } => {
            // The projection of an ellipsoid is the ellipse x = L (cos, sin)
            // with L L^T = A A^T, A = the 2x3 projected axes.
            let ar = axes.transpose() * cam.right * SCALE;
            let au = axes.transpose() * -cam.up * SCALE;
            let (m11, m12, m22) = (ar.dot(ar), ar.dot(au), au.dot(au));
            let l11 = m11.max(1e-9).sqrt();
            let l21 = m12 / l11;
            let l22 = (m22 - l21 * l21).max(1e-9).sqrt();
            Conic {
                c: cam.screen(c),
                m: Mat2::from_cols(Vec2::new(l11, l21), Vec2::new(0.0, l22)),
            }
        }
    }
}

/// The largest radial error of the usual cubic for an arc of `phi` radians
/// of a unit circle.
fn arc_error(phi: f32) -> f32 {
    let q = phi / 4.0;
    4.0 / 27.0 * q.sin().powi(6) / q.cos().powi(2)
}

/// The most the conic stretches the unit circle (at most the matrix's
/// norm).
fn stretch(k: &Conic) -> f32 {
    (k.m.col(0).length_squared() + k.m.col(1).length_squared()).sqrt()
}

/// Cubics along the conic from parameter `a` to `b` (b > a), enough of
/// them to stay within the tolerance.
fn arc(k: &Conic, a: f32, b: f32, out: &mut Vec<PathCmd>) {
    let size = stretch(k);
    let span = b - a;
    let mut n = 1;
    while n < 16 && size * arc_error(span / n as f32) > OUTLINE_TOLERANCE {
        n += 1;
    }
    let phi = span / n as f32;
    let h = 4.0 / 3.0 * (phi / 4.0).tan();
    let at = |t: f32| Vec2::new(t.cos(), t.sin());
    let tangent = |t: f32| Vec2::new(-t.sin(), t.cos());
    let map = |u: Vec2| k.c + k.m * u;
    for i in 0..n {
        let (t0, t1) = (a + phi * i as f32, a + phi * (i + 1) as f32);
        let p1 = map(at(t0) + tangent(t0) * h);
        let p2 = map(at(t1) - tangent(t1) * h);
        let p3 = map(at(t1));
        out.push(PathCmd::CubicTo(p1.x, p1.y, p2.x, p2.y, p3.x, p3.y));
    }
}

/// The outline of the solids as one closed path.
pub fn outline<'a>(prims: impl IntoIterator<Item = &'a Prim>, cam: &Camera) -> Vec<PathCmd> {
    let conics: Vec<Conic> = prims.into_iter().map(|p| project(p, cam)).collect();
    let mut pts = Vec::with_capacity(conics.len() * N);
    for (j, k) in conics.iter().enumerate() {
        pts.extend(
            UNIT.iter()
                .enumerate()
                .map(|(i, u)| (k.c + k.m * *u, (j * N + i) as u32)),
        );
    }
    let h = super::geom::hull_by(pts, |p| p.0);
    let mut cmds = Vec::with_capacity(16);
    if h.len() < 3 {
        return cmds;
    }
    let conic_of = |l: u32| l as usize / N;
    let step = |l: u32| l as usize % N;
    // Start at the first point of a run of one conic (where the conic
    // changes), so no arc is split by the start.
    let start = (0..h.len())
        .find(|&i| conic_of(h[i].1) != conic_of(h[(i + h.len() - 1) % h.len()].1))
        .unwrap_or(0);
    let first = h[start].0;
    cmds.push(PathCmd::MoveTo(first.x, first.y));
    let mut i = 0;
    while i < h.len() {
        let (p, l) = h[(start + i) % h.len()];
        // The run of points on this conic.
        let mut j = i;
        while j + 1 < h.len() && conic_of(h[(start + j + 1) % h.len()].1) == conic_of(l) {
            j += 1;
        }
        if i > 0 {
            cmds.push(PathCmd::LineTo(p.x, p.y));
        }
        let k = &conics[conic_of(l)];
        let tau = std::f32::consts::TAU;
        if j == h.len() - 1 && i == 0 {
            // One conic alone: the whole ellipse.
            let a = step(l) as f32 / N as f32 * tau;
            arc(k, a, a + tau, &mut cmds);
        } else if j > i {
            let (q, last) = h[(start + j) % h.len()];
            let a = step(l) as f32 / N as f32 * tau;
            let span = ((step(last) + N - step(l)) % N) as f32 / N as f32 * tau;
            if stretch(k) * (1.0 - (span * 0.5).cos()) < OUTLINE_TOLERANCE {
                // So short an arc is as good as straight.
                cmds.push(PathCmd::LineTo(q.x, q.y));
            } else {
                arc(k, a, a + span, &mut cmds);
            }
        }
        i = j + 1;
    }
    cmds.push(PathCmd::Close);
    cmds
}
