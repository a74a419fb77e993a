//! From a 3D scene to 2D paths: an orthographic camera, the outline of each
//! solid (the convex hull of its projected spheres and ellipsoids), tones for
//! near and far limbs, the painter's algorithm, and the movement arrow.

use glam::{Vec2, Vec3};

use super::body::{Part, PartId, Prim};
use super::resolve::{Resolved, View};
use super::scene::{Placed, PropKind, Scene, Shape, Solid};
use super::skeleton::{Seg, Side};
use super::{Drawing, FigureStyle, PathCmd, PathShape, Rgb};

/// Drawing millimetres per world millimetre (a 1.7 m figure is 57 mm tall).
pub const SCALE: f32 = 1.0 / 30.0;
const MARGIN: f32 = 2.0;
const OUTLINE: f32 = 0.3;
const GHOST_OUTLINE: f32 = 0.24;
const PROP_LINE: f32 = 0.2;
const ARROW_WIDTH: f32 = 0.9;
const ARROW_HALO: f32 = 0.9;
const ARROW_HEAD: f32 = 2.6;
const ARROW_OFFSET: f32 = 3.6;
const ARROW_MIN: f32 = 9.0;

/// An orthographic camera: screen axes and the direction toward the camera.
#[derive(Debug, Clone, Copy)]
pub struct Camera {
    pub right: Vec3,
    pub up: Vec3,
    pub toward: Vec3,
}

impl Camera {
    pub fn new(v: View) -> Camera {
        let (az, el) = (v.azimuth.to_radians(), v.elevation.to_radians());
        let toward = Vec3::new(el.cos() * az.cos(), el.cos() * az.sin(), el.sin());
        let up = (Vec3::Z - toward * toward.z)
            .try_normalize()
            .unwrap_or_else(|| -Vec3::new(az.cos(), az.sin(), 0.0));
        let right = up.cross(toward);
        Camera { right, up, toward }
    }

    /// Screen position in drawing millimetres (y down), before the final shift.
    pub fn screen(&self, p: Vec3) -> Vec2 {
        Vec2::new(p.dot(self.right), -p.dot(self.up)) * SCALE
    }

    /// Larger is nearer the camera.
    pub fn depth(&self, p: Vec3) -> f32 {
        p.dot(self.toward)
    }
}

fn sample_prim(prim: &Prim, cam: &Camera, out: &mut Vec<Vec2>) {
    match *prim {
        Prim::Sphere { c, r } => {
            let c2 = cam.screen(c);
            let r2 = r * SCALE;
            let n = 32;
            for i in 0..n {
                let a = i as f32 / n as f32 * std::f32::consts::TAU;
                out.push(c2 + Vec2::new(a.cos(), a.sin()) * r2);
            }
        }
        Prim::Ellipsoid { c, axes } => {
            // The projection of an ellipsoid is the ellipse x = L (cos, sin)
            // with L L^T = A A^T, A = the 2x3 projected axes.
            let c2 = cam.screen(c);
            let ar = axes.transpose() * cam.right * SCALE;
            let au = axes.transpose() * -cam.up * SCALE;
            let (m11, m12, m22) = (ar.dot(ar), ar.dot(au), au.dot(au));
            let l11 = m11.max(1e-9).sqrt();
            let l21 = m12 / l11;
            let l22 = (m22 - l21 * l21).max(1e-9).sqrt();
            let n = 48;
            for i in 0..n {
                let a = i as f32 / n as f32 * std::f32::consts::TAU;
                let (x, y) = (a.cos(), a.sin());
                out.push(c2 + Vec2::new(l11 * x, l21 * x + l22 * y));
            }
        }
    }
}

fn cross(o: Vec2, a: Vec2, b: Vec2) -> f32 {
    (a - o).perp_dot(b - o)
}

/// Convex hull (Andrew's monotone chain), counter-clockwise.
pub fn hull(mut pts: Vec<Vec2>) -> Vec<Vec2> {
    pts.retain(|p| p.is_finite());
    pts.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    pts.dedup_by(|a, b| (*a - *b).length_squared() < 1e-10);
    if pts.len() < 3 {
        return pts;
    }
    let mut lower: Vec<Vec2> = Vec::with_capacity(pts.len());
    for &p in &pts {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], p) <= 0.0 {
            lower.pop();
        }
        lower.push(p);
    }
    let mut upper: Vec<Vec2> = Vec::with_capacity(pts.len());
    for &p in pts.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], p) <= 0.0 {
            upper.pop();
        }
        upper.push(p);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

fn polygon(pts: &[Vec2]) -> Vec<PathCmd> {
    let mut cmds = Vec::with_capacity(pts.len() + 1);
    for (i, p) in pts.iter().enumerate() {
        cmds.push(if i == 0 {
            PathCmd::MoveTo(p.x, p.y)
        } else {
            PathCmd::LineTo(p.x, p.y)
        });
    }
    if !pts.is_empty() {
        cmds.push(PathCmd::Close);
    }
    cmds
}

fn outline(prims: &[Prim], cam: &Camera) -> Vec<PathCmd> {
    let mut pts = Vec::with_capacity(prims.len() * 40);
    for p in prims {
        sample_prim(p, cam, &mut pts);
    }
    polygon(&hull(pts))
}

fn mean_depth(prims: &[Prim], cam: &Camera) -> f32 {
    if prims.is_empty() {
        return 0.0;
    }
    prims.iter().map(|p| cam.depth(p.centre())).sum::<f32>() / prims.len() as f32
}

/// One thing to paint: its depth and paths.
struct Item {
    depth: f32,
    order: usize,
    shapes: Vec<PathShape>,
}

fn sort(items: &mut [Item]) {
    items.sort_by(|a, b| a.depth.total_cmp(&b.depth).then(a.order.cmp(&b.order)));
}

fn filled(cmds: Vec<PathCmd>, fill: Rgb, stroke: Option<(Rgb, f32)>) -> PathShape {
    PathShape {
        cmds,
        fill: Some(fill),
        stroke,
    }
}

/// Whether a side's limbs are on the far side of the body from the camera.
fn far_sides(p: &Placed, cam: &Camera) -> [bool; 4] {
    let d = |s: Seg| cam.depth(p.sk.joint(s));
    let legs = d(Seg::Thigh(Side::Left)) - d(Seg::Thigh(Side::Right));
    let arms = d(Seg::UpperArm(Side::Left)) - d(Seg::UpperArm(Side::Right));
    let t = 50.0;
    // [left leg, right leg, left arm, right arm]
    [legs < -t, legs > t, arms < -t, arms > t]
}

fn part_is_far(id: PartId, far: &[bool; 4]) -> bool {
    let arm = matches!(
        id,
        PartId::UpperArm(_) | PartId::Forearm(_) | PartId::Hand(_) | PartId::Thumb(_)
    );
    match id.side() {
        Some(Side::Left) if id.is_limb() => far[if arm { 2 } else { 0 }],
        Some(Side::Right) if id.is_limb() => far[if arm { 3 } else { 1 }],
        _ => false,
    }
}

/// Head parts drawn in this order when their depths tie.
fn head_rank(id: PartId) -> usize {
    match id {
        PartId::Head => 0,
        PartId::Hair => 1,
        PartId::Nose => 2,
        PartId::Ear(_) => 3,
        _ => 4,
    }
}

fn body_items(
    p: &Placed,
    cam: &Camera,
    style: &FigureStyle,
    ghost: bool,
    order: &mut usize,
) -> Vec<Item> {
    let far = far_sides(p, cam);
    let (near_c, far_c, accent) = if ghost {
        (style.ghost, style.ghost_far, style.ghost_accent)
    } else {
        (style.ink, style.far, style.accent)
    };
    let line = (style.outline, if ghost { GHOST_OUTLINE } else { OUTLINE });
    let colour = |id: PartId| match id {
        PartId::Hair | PartId::Pelvis => accent,
        _ if part_is_far(id, &far) => far_c,
        _ => near_c,
    };
    let mut items = Vec::new();
    let mut head: Vec<(f32, usize, &Part)> = Vec::new();
    let head_centre = p.sk.point(Seg::Head, super::body::head_centre());
    for part in &p.parts {
        // Where depths tie, the pelvis lies over the belly and thigh tops,
        // and the chest over the belly.
        let bias = match part.id {
            PartId::Pelvis => 40.0,
            PartId::Torso => 20.0,
            _ => 0.0,
        };
        let depth = mean_depth(&part.prims, cam) + bias;
        if let PartId::Eye(_) = part.id {
            // An eye shows only on the side of the head facing the camera.
            let n = (part.prims[0].centre() - head_centre).normalize_or_zero();
            if n.dot(cam.toward) < 0.25 {
                continue;
            }
        }
        if part.id.is_head() {
            head.push((depth, head_rank(part.id), part));
            continue;
        }
        *order += 1;
        items.push(Item {
            depth,
            order: *order,
            shapes: vec![filled(
                outline(&part.prims, cam),
                colour(part.id),
                Some(line),
            )],
        });
    }
    // The head and its details, ordered among themselves: within 8 mm of
    // the head's depth counts as level with it.
    let head_depth = head
        .iter()
        .find(|h| h.2.id == PartId::Head)
        .map_or(0.0, |h| h.0);
    head.sort_by(|a, b| {
        let q = |d: f32| ((d - head_depth) / 8.0).round();
        q(a.0).total_cmp(&q(b.0)).then(a.1.cmp(&b.1))
    });
    *order += 1;
    items.push(Item {
        depth: head_depth,
        order: *order,
        shapes: head
            .iter()
            .map(|(_, _, part)| match part.id {
                PartId::Nose => filled(outline(&part.prims, cam), colour(part.id), None),
                PartId::Eye(_) => filled(outline(&part.prims, cam), style.outline, None),
                _ => filled(outline(&part.prims, cam), colour(part.id), Some(line)),
            })
            .collect(),
    });
    items
}

fn solid_items(s: &Solid, cam: &Camera, style: &FigureStyle) -> Option<(f32, Vec<PathShape>)> {
    let line = Some((style.prop_line, PROP_LINE));
    match &s.shape {
        Shape::Box { c, half } => {
            let mut shapes = Vec::new();
            for axis in 0..3 {
                for sign in [-1.0f32, 1.0] {
                    let n = half.col(axis) * sign;
                    let nn = n.try_normalize().unwrap_or(Vec3::Z);
                    if nn.dot(cam.toward) <= 1e-3 {
                        continue;
                    }
                    let (u, v) = (half.col((axis + 1) % 3), half.col((axis + 2) % 3));
                    let fc = *c + n;
                    let pts: Vec<Vec2> = [fc - u - v, fc + u - v, fc + u + v, fc - u + v]
                        .iter()
                        .map(|p| cam.screen(*p))
                        .collect();
                    let top = nn.z > 0.7;
                    let fill = match (s.kind, top) {
                        (PropKind::Floor, false) => style.floor,
                        (PropKind::Floor | PropKind::Mat, true) => mix_light(style.prop),
                        (_, true) => style.prop,
                        (_, false) => style.prop_side,
                    };
                    shapes.push(filled(polygon(&pts), fill, line));
                }
            }
            Some((cam.depth(*c), shapes))
        }
        Shape::Blob(prims) => Some((
            mean_depth(prims, cam),
            vec![filled(outline(prims, cam), style.prop, line)],
        )),
        Shape::Band(a, b) => {
            let (pa, pb) = (cam.screen(*a), cam.screen(*b));
            let colour = if s.ghost { style.ghost } else { style.band };
            let seg = vec![PathCmd::MoveTo(pa.x, pa.y), PathCmd::LineTo(pb.x, pb.y)];
            Some((
                cam.depth((*a + *b) * 0.5),
                vec![
                    PathShape {
                        cmds: seg.clone(),
                        fill: None,
                        stroke: Some((style.outline, 1.6)),
                    },
                    PathShape {
                        cmds: seg,
                        fill: None,
                        stroke: Some((colour, 1.0)),
                    },
                ],
            ))
        }
    }
}

fn mix_light(c: Rgb) -> Rgb {
    super::mix(c, Rgb::WHITE, 0.4)
}

/// Smooth a polyline with Catmull-Rom segments.
fn smooth(pts: &[Vec2]) -> Vec<PathCmd> {
    let mut cmds = Vec::new();
    let Some(first) = pts.first() else {
        return cmds;
    };
    cmds.push(PathCmd::MoveTo(first.x, first.y));
    for i in 0..pts.len().saturating_sub(1) {
        let p0 = pts[i.saturating_sub(1)];
        let p1 = pts[i];
        let p2 = pts[i + 1];
        let p3 = pts[(i + 2).min(pts.len() - 1)];
        let c1 = p1 + (p2 - p0) / 6.0;
        let c2 = p2 - (p3 - p1) / 6.0;
        cmds.push(PathCmd::CubicTo(c1.x, c1.y, c2.x, c2.y, p2.x, p2.y));
    }
    cmds
}

fn length(pts: &[Vec2]) -> f32 {
    pts.windows(2).map(|w| (w[1] - w[0]).length()).sum()
}

/// Cut `from_start` and `from_end` millimetres off a polyline.
fn trim(pts: &[Vec2], from_start: f32, from_end: f32) -> Vec<Vec2> {
    let total = length(pts);
    let (a, b) = (from_start, total - from_end);
    if b <= a {
        return Vec::new();
    }
    let at = |s: f32| {
        let mut acc = 0.0;
        for w in pts.windows(2) {
            let l = (w[1] - w[0]).length();
            if acc + l >= s && l > 0.0 {
                return w[0] + (w[1] - w[0]) * ((s - acc) / l);
            }
            acc += l;
        }
        *pts.last().unwrap_or(&Vec2::ZERO)
    };
    let mut out = vec![at(a)];
    let mut acc = 0.0;
    for w in pts.windows(2) {
        acc += (w[1] - w[0]).length();
        if acc > a && acc < b {
            out.push(w[1]);
        }
    }
    out.push(at(b));
    out
}

/// The movement arrow along the projected path, beside the body.
fn arrow(path: &[Vec2], centroid: Vec2, style: &FigureStyle) -> Vec<PathShape> {
    if path.len() < 2 {
        return Vec::new();
    }
    let total = length(path);
    let first = path[0];
    let last = path[path.len() - 1];
    let mid = path[path.len() / 2];
    let net = last - first;
    let mut pts: Vec<Vec2>;
    if total < ARROW_MIN {
        // A short movement: a straight arrow of readable length beside it.
        // A symbolic arrow: snapped to straight up, down or across when
        // within 25 degrees of it.
        let mut dir = net.try_normalize().unwrap_or(Vec2::new(0.0, -1.0));
        for axis in [Vec2::X, Vec2::NEG_X, Vec2::Y, Vec2::NEG_Y] {
            if dir.dot(axis) > 25f32.to_radians().cos() {
                dir = axis;
            }
        }
        let mut n = dir.perp();
        if n.dot(mid - centroid) < 0.0 {
            n = -n;
        }
        let c = (first + last) * 0.5 + n * (ARROW_OFFSET + 1.0);
        pts = vec![c - dir * ARROW_MIN * 0.5, c + dir * ARROW_MIN * 0.5];
    } else {
        let i = path.len() / 2;
        let tangent = (path[(i + 1).min(path.len() - 1)] - path[i.saturating_sub(1)])
            .try_normalize()
            .unwrap_or(Vec2::X);
        let mut sign = 1.0;
        if tangent.perp().dot(mid - centroid) < 0.0 {
            sign = -1.0;
        }
        pts = Vec::with_capacity(path.len());
        for k in 0..path.len() {
            let t = (path[(k + 1).min(path.len() - 1)] - path[k.saturating_sub(1)])
                .try_normalize()
                .unwrap_or(tangent);
            pts.push(path[k] + t.perp() * sign * ARROW_OFFSET);
        }
        pts = trim(&pts, 1.0, 1.6);
    }
    if pts.len() < 2 {
        return Vec::new();
    }
    // The head: a triangle at the end, along the last direction.
    let tip = pts[pts.len() - 1];
    let shaft = trim(&pts, 0.0, ARROW_HEAD * 0.8);
    let back = shaft.last().copied().unwrap_or(pts[0]);
    let dir = (tip - back).try_normalize().unwrap_or(Vec2::X);
    let base = tip - dir * ARROW_HEAD;
    let w = dir.perp() * ARROW_HEAD * 0.6;
    let head = vec![
        PathCmd::MoveTo(tip.x, tip.y),
        PathCmd::LineTo(base.x + w.x, base.y + w.y),
        PathCmd::LineTo(base.x - w.x, base.y - w.y),
        PathCmd::Close,
    ];
    let shaft_cmds = smooth(&shaft);
    vec![
        PathShape {
            cmds: shaft_cmds.clone(),
            fill: None,
            stroke: Some((style.outline, ARROW_WIDTH + ARROW_HALO)),
        },
        PathShape {
            cmds: head.clone(),
            fill: Some(style.outline),
            stroke: Some((style.outline, ARROW_HALO)),
        },
        PathShape {
            cmds: shaft_cmds,
            fill: None,
            stroke: Some((style.arrow, ARROW_WIDTH)),
        },
        PathShape {
            cmds: head,
            fill: Some(style.arrow),
            stroke: None,
        },
    ]
}

/// Paint the scene.
pub fn render(scene: &Scene, r: &Resolved, style: &FigureStyle) -> Drawing {
    let cam = Camera::new(r.view);
    let body_depth = cam.depth(scene.end.sk.joint(Seg::Pelvis));
    let mut order = 0;
    let mut under = Vec::new();
    let mut far = Vec::new();
    let mut ghost = Vec::new();
    let mut front = Vec::new();
    for s in &scene.props {
        let Some((depth, shapes)) = solid_items(s, &cam, style) else {
            continue;
        };
        order += 1;
        let floorish = matches!(s.kind, PropKind::Floor | PropKind::Mat);
        let item = Item {
            depth: if floorish { f32::MIN } else { depth },
            order,
            shapes,
        };
        if s.ghost {
            if scene.moves {
                ghost.push(item);
            }
        } else if s.under {
            under.push(item);
        } else if depth < body_depth - 1.0 {
            far.push(item);
        } else {
            front.push(item);
        }
    }
    if scene.moves {
        ghost.extend(body_items(&scene.start, &cam, style, true, &mut order));
    }
    front.extend(body_items(&scene.end, &cam, style, false, &mut order));
    let mut paths = Vec::new();
    for mut list in [under, far, ghost, front] {
        sort(&mut list);
        for item in list {
            paths.extend(item.shapes);
        }
    }
    // The arrow, on top.
    if scene.moves && scene.path.len() >= 2 {
        let pts: Vec<Vec2> = scene.path.iter().map(|p| cam.screen(*p)).collect();
        let mut sum = Vec2::ZERO;
        let mut n = 0.0;
        for part in &scene.end.parts {
            for prim in &part.prims {
                sum += cam.screen(prim.centre());
                n += 1.0;
            }
        }
        let centroid = if n > 0.0 { sum / n } else { Vec2::ZERO };
        paths.extend(arrow(&pts, centroid, style));
    }
    fit(paths)
}

/// Move the paths so the bounding box (with strokes and a margin) starts at
/// the origin; size the drawing to it.
fn fit(mut paths: Vec<PathShape>) -> Drawing {
    let mut lo = Vec2::splat(f32::MAX);
    let mut hi = Vec2::splat(f32::MIN);
    for p in &paths {
        let half = p.stroke.map_or(0.0, |s| s.1 * 0.5);
        let mut add = |x: f32, y: f32| {
            lo = lo.min(Vec2::new(x - half, y - half));
            hi = hi.max(Vec2::new(x + half, y + half));
        };
        for c in &p.cmds {
            match *c {
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => add(x, y),
                PathCmd::CubicTo(a, b, c, d, x, y) => {
                    add(a, b);
                    add(c, d);
                    add(x, y);
                }
                PathCmd::Close => {}
            }
        }
    }
    if lo.x > hi.x {
        return Drawing {
            width: 2.0 * MARGIN,
            height: 2.0 * MARGIN,
            paths,
        };
    }
    let off = Vec2::splat(MARGIN) - lo;
    for p in &mut paths {
        for c in &mut p.cmds {
            *c = match *c {
                PathCmd::MoveTo(x, y) => PathCmd::MoveTo(x + off.x, y + off.y),
                PathCmd::LineTo(x, y) => PathCmd::LineTo(x + off.x, y + off.y),
                PathCmd::CubicTo(a, b, c, d, x, y) => PathCmd::CubicTo(
                    a + off.x,
                    b + off.y,
                    c + off.x,
                    d + off.y,
                    x + off.x,
                    y + off.y,
                ),
                PathCmd::Close => PathCmd::Close,
            };
        }
    }
    let size = hi - lo + Vec2::splat(2.0 * MARGIN);
    Drawing {
        width: size.x,
        height: size.y,
        paths,
    }
}
