//! Plane geometry shared by the props and the drawing: convex hulls,
//! rounded outlines, the smallest rectangle around a shape.

use glam::Vec2;

fn cross(o: Vec2, a: Vec2, b: Vec2) -> f32 {
    (a - o).perp_dot(b - o)
}

/// Convex hull (Andrew's monotone chain), counter-clockwise (in a y-up
/// frame).
pub fn hull(pts: Vec<Vec2>) -> Vec<Vec2> {
    hull_by(pts, |p| *p)
}

/// [`hull`] of things that have a position (`pos`), each kept whole (a
/// point with its label).
pub fn hull_by<T: Copy>(mut pts: Vec<T>, pos: impl Fn(&T) -> Vec2) -> Vec<T> {
    pts.retain(|p| pos(p).is_finite());
    pts.sort_unstable_by(|a, b| {
        let (a, b) = (pos(a), pos(b));
        a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y))
    });
    pts.dedup_by(|a, b| (pos(a) - pos(b)).length_squared() < 1e-10);
    if pts.len() < 3 {
        return pts;
    }
    let turns_left = |chain: &[T], p: &T| {
        let n = chain.len();
        cross(pos(&chain[n - 2]), pos(&chain[n - 1]), pos(p)) > 0.0
    };
    let mut lower: Vec<T> = Vec::with_capacity(pts.len());
    for p in &pts {
        while lower.len() >= 2 && !turns_left(&lower, p) {
            lower.pop();
        }
        lower.push(*p);
    }
    let mut upper: Vec<T> = Vec::with_capacity(pts.len());
    for p in pts.iter().rev() {
        while upper.len() >= 2 && !turns_left(&upper, p) {
            upper.pop();
        }
        upper.push(*p);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// A convex outline grown by `r` all round, with round corners.
pub fn rounded(poly: &[Vec2], r: f32) -> Vec<Vec2> {
    let n = 12;
    let mut pts = Vec::with_capacity(poly.len() * n);
    for &p in poly {
        for i in 0..n {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            pts.push(p + Vec2::new(a.cos(), a.sin()) * r);
        }
    }
    hull(pts)
}

/// The rectangle around a convex outline with one side along `dir`, grown
/// by `margin`.
pub fn rectangle_along(hull: &[Vec2], dir: Vec2, margin: f32) -> Vec<Vec2> {
    let Some(u) = dir.try_normalize() else {
        return min_rectangle(hull, margin);
    };
    let v = u.perp();
    let (mut lo, mut hi) = (Vec2::splat(f32::MAX), Vec2::splat(f32::MIN));
    for p in hull {
        let q = Vec2::new(p.dot(u), p.dot(v));
        lo = lo.min(q);
        hi = hi.max(q);
    }
    if lo.x > hi.x {
        return Vec::new();
    }
    let (lo, hi) = (lo - Vec2::splat(margin), hi + Vec2::splat(margin));
    [(lo.x, lo.y), (hi.x, lo.y), (hi.x, hi.y), (lo.x, hi.y)]
        .iter()
        .map(|&(a, b)| u * a + v * b)
        .collect()
}

/// The smallest-area rectangle around a convex outline (one side along
/// one of its edges), grown by `margin`.
pub fn min_rectangle(hull: &[Vec2], margin: f32) -> Vec<Vec2> {
    if hull.is_empty() {
        return Vec::new();
    }
    let mut best: Option<(f32, Vec2, Vec2, Vec2)> = None;
    for i in 0..hull.len() {
        let e = hull[(i + 1) % hull.len()] - hull[i];
        let Some(u) = e.try_normalize() else { continue };
        let v = u.perp();
        let (mut lo, mut hi) = (Vec2::splat(f32::MAX), Vec2::splat(f32::MIN));
        for p in hull {
            let q = Vec2::new(p.dot(u), p.dot(v));
            lo = lo.min(q);
            hi = hi.max(q);
        }
        let area = (hi - lo).x * (hi - lo).y;
        if best.is_none_or(|b| area < b.0 - 1e-3) {
            best = Some((area, u, lo, hi));
        }
    }
    let Some((_, u, lo, hi)) = best else {
        return hull.to_vec();
    };
    let (lo, hi) = (lo - Vec2::splat(margin), hi + Vec2::splat(margin));
    let v = u.perp();
    [(lo.x, lo.y), (hi.x, lo.y), (hi.x, hi.y), (lo.x, hi.y)]
        .iter()
        .map(|&(a, b)| u * a + v * b)
        .collect()
}

/// Fewer points on a closed outline: Douglas-Peucker, keeping every point
/// the outline strays more than `tol` from without it (drawing mm).
pub fn simplify_closed(pts: &[Vec2], tol: f32) -> Vec<Vec2> {
    if pts.len() <= 4 {
        return pts.to_vec();
    }
    // Split at the point farthest from the first: two open runs.
    let far = (1..pts.len())
        .max_by(|a, b| {
            (pts[*a] - pts[0])
                .length_squared()
                .total_cmp(&(pts[*b] - pts[0]).length_squared())
        })
        .unwrap_or(pts.len() / 2);
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[far] = true;
    let ring: Vec<Vec2> = pts
        .iter()
        .chain(std::iter::once(&pts[0]))
        .copied()
        .collect();
    mark(&ring, 0, far, tol * tol, &mut keep);
    let mut tail = vec![false; ring.len()];
    mark(&ring, far, ring.len() - 1, tol * tol, &mut tail);
    for (k, t) in keep.iter_mut().zip(&tail) {
        *k |= *t;
    }
    pts.iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect()
}

/// Douglas-Peucker on `pts[a..=b]`, marking the points kept (iterative).
fn mark(pts: &[Vec2], a: usize, b: usize, tol2: f32, keep: &mut [bool]) {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (p, q) = (pts[a], pts[b]);
        let d = q - p;
        let len2 = d.length_squared();
        let mut best = (0.0f32, a);
        for (i, x) in pts.iter().enumerate().take(b).skip(a + 1) {
            let e = if len2 < 1e-12 {
                (*x - p).length_squared()
            } else {
                let c = d.perp_dot(*x - p);
                c * c / len2
            };
            if e > best.0 {
                best = (e, i);
            }
        }
        if best.0 > tol2 {
            if let Some(k) = keep.get_mut(best.1) {
                *k = true;
            }
            stack.push((a, best.1));
            stack.push((best.1, b));
        }
    }
}
