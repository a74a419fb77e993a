//! From a 3D scene to 2D paths: an orthographic camera, the outline of each
//! solid (the convex hull of its projected spheres and ellipsoids), the
//! body drawn as a few smooth groups (trunk, head, each arm, each leg) with
//! a light outline only around each group, tones for near and far limbs,
//! the painter's algorithm, the movement arrow and an optional inset.

use glam::{Vec2, Vec3};

use super::arrow;
use super::body::{self, Prim};
use super::geom::{hull, simplify_closed};
pub use super::outline::outline;
use super::resolve::{Corner, Resolved, View};
use super::scene::{PropKind, Scene, Shape, Solid};
use super::silhouette::{ghost_of, group_of, groups, Tones};
use super::skeleton::Seg;
use super::{Drawing, FigureStyle, PathCmd, PathShape, Rgb};

/// Drawing millimetres per world millimetre (a 1.7 m figure is 57 mm tall).
pub const SCALE: f32 = 1.0 / 30.0;
const MARGIN: f32 = 2.0;
/// The light outline around each group of the body (half shows).
const OUTLINE: f32 = 0.3;
const GHOST_OUTLINE: f32 = 0.24;
const PROP_LINE: f32 = 0.2;
/// A ghost piece is drawn only where it moved at least this far (mm): a
/// nearly identical copy reads as a drop shadow, not as the start. Groups
/// other than the one that carries the moving point must move twice as far
/// (the trunk riding along with a hip hitch is not the movement).
const GHOST_MOVED: f32 = 1.6;
/// The inset's size relative to the main view.
pub const INSET_SCALE: f32 = 0.5;

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
        // Straight down (or up), "up" on the page is away from the camera's
        // side, as it is just short of straight down.
        let up = if el.cos().abs() < 1e-4 {
            -Vec3::new(az.cos(), az.sin(), 0.0) * el.sin().signum()
        } else {
            (Vec3::Z - toward * toward.z).normalize()
        };
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

pub fn polygon(pts: &[Vec2]) -> Vec<PathCmd> {
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

pub fn mean_depth(prims: &[Prim], cam: &Camera) -> f32 {
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

pub fn filled(cmds: Vec<PathCmd>, fill: Rgb, stroke: Option<(Rgb, f32)>) -> PathShape {
    PathShape {
        cmds,
        fill: Some(fill),
        stroke,
    }
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
                    let fill = if top { style.prop } else { style.prop_side };
                    shapes.push(filled(polygon(&pts), fill, line));
                }
            }
            Some((cam.depth(*c), shapes))
        }
        Shape::Slab {
            outline: o,
            bottom,
            top,
        } => {
            // The slab's sides (the hull of its top and bottom), then its top.
            let at = |z: f32| -> Vec<Vec2> {
                o.iter()
                    .map(|p| cam.screen(Vec3::new(p.x, p.y, z)))
                    .collect()
            };
            let (t, b) = (at(*top), at(*bottom));
            let side = hull(t.iter().chain(b.iter()).copied().collect());
            let (top_fill, side_fill) = match s.kind {
                PropKind::Floor => (mix_light(style.prop), style.floor),
                PropKind::Towel => (style.towel, style.prop_side),
                _ => (mix_light(style.prop), style.prop_side),
            };
            let tol = super::outline::OUTLINE_TOLERANCE;
            let side = simplify_closed(&side, tol);
            let floor_from_above = s.kind == PropKind::Floor && cam.toward.z > 0.25;
            let side_line = if floor_from_above { None } else { line };
            let mut shapes = vec![filled(polygon(&side), side_fill, side_line)];
            let top_poly = simplify_closed(&hull(t), tol);
            if cam.toward.z > 0.05 {
                // The floor seen from above: a pale patch with no edge, so
                // it reads as ground, not as a box stood on.
                let edge = if s.kind == PropKind::Floor {
                    None
                } else {
                    line
                };
                shapes.push(filled(polygon(&top_poly), top_fill, edge));
            }
            let c = o.iter().copied().sum::<Vec2>() / o.len().max(1) as f32;
            Some((cam.depth(Vec3::new(c.x, c.y, *top)), shapes))
        }
        Shape::Blob(prims) => {
            // A rolled towel in the towel's colour, so it shows against
            // the floor.
            let fill = if s.kind == PropKind::TowelRoll {
                style.towel
            } else {
                style.prop
            };
            Some((
                mean_depth(prims, cam),
                vec![filled(outline(prims.iter(), cam), fill, line)],
            ))
        }
        Shape::Rod(a, b, r) => {
            let prims = [Prim::Sphere { c: *a, r: *r }, Prim::Sphere { c: *b, r: *r }];
            let fill = if s.ghost {
                style.ghost_far
            } else {
                style.stick
            };
            Some((
                cam.depth((*a + *b) * 0.5),
                vec![filled(
                    outline(prims.iter(), cam),
                    fill,
                    Some((style.outline, PROP_LINE * 1.5)),
                )],
            ))
        }
        Shape::Band(a, b) | Shape::Cloth(a, b) => {
            let (pa, pb) = (cam.screen(*a), cam.screen(*b));
            let cloth = matches!(s.shape, Shape::Cloth(..));
            let colour = match (s.ghost, cloth) {
                (true, _) => style.ghost,
                (false, false) => style.band,
                (false, true) => style.towel,
            };
            let w = if cloth { 2.4 } else { 1.0 };
            let seg = vec![PathCmd::MoveTo(pa.x, pa.y), PathCmd::LineTo(pb.x, pb.y)];
            let edge = if cloth && !s.ghost {
                style.prop_line
            } else {
                style.outline
            };
            Some((
                cam.depth((*a + *b) * 0.5),
                vec![
                    PathShape {
                        cmds: seg.clone(),
                        fill: None,
                        stroke: Some((edge, w + 0.6)),
                    },
                    PathShape {
                        cmds: seg,
                        fill: None,
                        stroke: Some((colour, w)),
                    },
                ],
            ))
        }
    }
}

fn mix_light(c: Rgb) -> Rgb {
    super::mix(c, Rgb::WHITE, 0.4)
}

/// Paint the scene through one camera, in drawing millimetres (not yet
/// moved to the origin). Also returns the boxes of the end pose's groups.
fn paint(
    scene: &Scene,
    r: &Resolved,
    cam: &Camera,
    style: &FigureStyle,
) -> (Vec<PathShape>, Vec<(Vec2, Vec2)>) {
    let body_depth = cam.depth(scene.end.sk.joint(Seg::Pelvis));
    let mut order = 0;
    let mut under = Vec::new();
    let mut far = Vec::new();
    let mut ghost = Vec::new();
    let mut front = Vec::new();
    for s in &scene.props {
        let Some((depth, shapes)) = solid_items(s, cam, style) else {
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
    let end_tones = Tones {
        near: style.ink,
        far: style.far,
        accent: style.accent,
        line: (style.outline, OUTLINE),
        eye: style.outline,
    };
    let end = groups(&scene.end, cam, &end_tones);
    let mut boxes = Vec::new();
    if scene.moves {
        let t = Tones {
            near: style.ghost,
            far: style.ghost_far,
            accent: style.ghost_accent,
            line: (style.outline, GHOST_OUTLINE),
            eye: style.outline,
        };
        for g in groups(&scene.start, cam, &t) {
            let Some(e) = end.iter().find(|e| e.id == g.id) else {
                continue;
            };
            let moving = r.moving.map(|m| group_of(m.seg));
            let least = if moving == Some(g.id) {
                GHOST_MOVED
            } else {
                2.0 * GHOST_MOVED
            };
            let Some(g) = ghost_of(g, e, least) else {
                continue;
            };
            order += 1;
            ghost.push(Item {
                depth: g.depth,
                order,
                shapes: g.shapes(t.line, cam),
            });
        }
    }
    for g in &end {
        boxes.extend(g.piece_bounds(cam));
    }
    for g in end {
        order += 1;
        front.push(Item {
            depth: g.depth,
            order,
            shapes: g.shapes(end_tones.line, cam),
        });
    }
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
        // The body on the page as discs (each solid's mean reach), the
        // start pose counting half: the arrow keeps off them.
        let mut discs: Vec<(Vec2, f32, f32)> = Vec::new();
        for (pose, weight) in [(&scene.end, 1.0), (&scene.start, 0.5)] {
            for part in pose.parts.iter().filter(|p| body::is_solid(p.id)) {
                for prim in &part.prims {
                    let reach = 0.5 * (prim.reach(cam.right) + prim.reach(cam.up)) * SCALE;
                    discs.push((cam.screen(prim.centre()), reach + 0.5, weight));
                }
            }
        }
        // Every place the arrow may go lies within NEAR of its path's box:
        // the discs farther off can cover none of it.
        let lo = pts.iter().fold(Vec2::splat(f32::MAX), |a, p| a.min(*p));
        let hi = pts.iter().fold(Vec2::splat(f32::MIN), |a, p| a.max(*p));
        discs.retain(|(c, r, _)| (c.clamp(lo, hi) - *c).length() <= r + arrow::NEAR);
        let cover = |q: Vec2| -> f32 {
            discs
                .iter()
                .map(|(c, r, w)| (r - (q - *c).length()).max(0.0) * w)
                .fold(0.0, f32::max)
        };
        let a = arrow::arrow(&pts, centroid, r.arrow, style, &cover);
        if let Some(b) = bounds(&a) {
            boxes.push(b);
        }
        paths.extend(a);
    }
    (paths, boxes)
}

/// Paint the scene, with its inset if it has one.
pub fn render(scene: &Scene, r: &Resolved, style: &FigureStyle) -> Drawing {
    let (mut paths, boxes) = paint(scene, r, &Camera::new(r.view), style);
    if let Some(inset) = r.inset {
        let (small, _) = paint(scene, r, &Camera::new(inset.view), style);
        place_inset(&mut paths, &boxes, small, inset.corner, style);
    }
    fit(paths)
}

fn bounds(paths: &[PathShape]) -> Option<(Vec2, Vec2)> {
    let mut lo = Vec2::splat(f32::MAX);
    let mut hi = Vec2::splat(f32::MIN);
    for p in paths {
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
    (lo.x <= hi.x).then_some((lo, hi))
}

fn transform(paths: &mut [PathShape], scale: f32, off: Vec2) {
    let m = |x: f32, y: f32| (x * scale + off.x, y * scale + off.y);
    for p in paths {
        if let Some(s) = p.stroke.as_mut() {
            s.1 *= scale;
        }
        for c in &mut p.cmds {
            *c = match *c {
                PathCmd::MoveTo(x, y) => {
                    let (x, y) = m(x, y);
                    PathCmd::MoveTo(x, y)
                }
                PathCmd::LineTo(x, y) => {
                    let (x, y) = m(x, y);
                    PathCmd::LineTo(x, y)
                }
                PathCmd::CubicTo(a, b, c, d, x, y) => {
                    let (a, b) = m(a, b);
                    let (c, d) = m(c, d);
                    let (x, y) = m(x, y);
                    PathCmd::CubicTo(a, b, c, d, x, y)
                }
                PathCmd::Close => PathCmd::Close,
            };
        }
    }
}

/// Put the inset, framed, in a corner of the main view: the one asked for,
/// or the one that covers the least of the body; beside the picture when
/// every corner would hide the body.
fn place_inset(
    paths: &mut Vec<PathShape>,
    boxes: &[(Vec2, Vec2)],
    mut small: Vec<PathShape>,
    corner: Option<Corner>,
    style: &FigureStyle,
) {
    let (Some((lo, hi)), Some((slo, shi))) = (bounds(paths), bounds(&small)) else {
        return;
    };
    let pad = 1.2;
    let size = (shi - slo) * INSET_SCALE + Vec2::splat(2.0 * pad);
    let at = |c: Corner| match c {
        Corner::TopLeft => lo,
        Corner::TopRight => Vec2::new(hi.x - size.x, lo.y),
        Corner::BottomLeft => Vec2::new(lo.x, hi.y - size.y),
        Corner::BottomRight => hi - size,
    };
    let cover = |o: Vec2| -> f32 {
        boxes
            .iter()
            .map(|(a, b)| {
                let a = *a - Vec2::splat(0.5);
                let b = *b + Vec2::splat(0.5);
                let w = (b.x.min(o.x + size.x) - a.x.max(o.x)).max(0.0);
                let h = (b.y.min(o.y + size.y) - a.y.max(o.y)).max(0.0);
                w * h
            })
            .sum()
    };
    let origin = match corner {
        Some(c) => at(c),
        None => {
            let corners = [
                Corner::TopRight,
                Corner::TopLeft,
                Corner::BottomRight,
                Corner::BottomLeft,
            ];
            let best = corners
                .iter()
                .map(|c| (cover(at(*c)), at(*c)))
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|x| x.1)
                .unwrap_or(lo);
            if cover(best) > 0.04 * size.x * size.y {
                // Outside the picture, then slid in as far as it hides none
                // of the body: up from below its right end when the picture
                // is wide (it keeps its width), else in from its right side.
                let wide = hi.x - lo.x > hi.y - lo.y;
                let (mut o, step) = if wide {
                    (Vec2::new(hi.x - size.x, hi.y + 1.5), Vec2::new(0.0, -0.5))
                } else {
                    (Vec2::new(hi.x + 1.5, lo.y), Vec2::new(-0.5, 0.0))
                };
                while cover(o + step) <= 0.0 && (o + step).y >= lo.y && (o + step).x >= lo.x {
                    o += step;
                }
                o
            } else {
                best
            }
        }
    };
    transform(
        &mut small,
        INSET_SCALE,
        origin + Vec2::splat(pad) - slo * INSET_SCALE,
    );
    let frame = [
        origin,
        Vec2::new(origin.x + size.x, origin.y),
        origin + size,
        Vec2::new(origin.x, origin.y + size.y),
    ];
    paths.push(PathShape {
        cmds: polygon(&frame),
        fill: Some(Rgb::WHITE),
        stroke: Some((style.prop_line, PROP_LINE)),
    });
    paths.extend(small);
}

/// Move the paths so the bounding box (with strokes and a margin) starts at
/// the origin; size the drawing to it.
fn fit(mut paths: Vec<PathShape>) -> Drawing {
    let Some((lo, hi)) = bounds(&paths) else {
        return Drawing {
            width: 2.0 * MARGIN,
            height: 2.0 * MARGIN,
            paths,
        };
    };
    transform(&mut paths, 1.0, Vec2::splat(MARGIN) - lo);
    let size = hi - lo + Vec2::splat(2.0 * MARGIN);
    Drawing {
        width: size.x,
        height: size.y,
        paths,
    }
}
