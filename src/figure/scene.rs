//! Placing posed bodies in the world (settling them onto their support) and
//! building the props around them.
//!
//! World frame: X is the way the person faces before lying down, Y their
//! left, Z up; the floor's top is at `floor_top` (0, or a mat's thickness).

use glam::{Mat3, Vec3};

use super::body::{self, BodyPoint, Part, PartId, Prim};
use super::resolve::{Place, Posture, PropReq, Resolved};
use super::skeleton::{pelvis_rotation, Angles, Frame, Seg, Side, Skeleton, HAND};

pub const MAT_THICKNESS: f32 = 15.0;
pub const STEP_HEIGHT: f32 = 170.0;
/// Samples of the movement between the start and end pose, for the arrow.
pub const PATH_STEPS: usize = 16;

/// A posed, settled body.
#[derive(Debug, Clone)]
pub struct Placed {
    pub sk: Skeleton,
    pub parts: Vec<Part>,
}

impl Placed {
    fn lowest(&self, pick: impl Fn(PartId) -> bool) -> Option<f32> {
        lowest(&self.parts, pick)
    }
}

fn lowest(parts: &[Part], pick: impl Fn(PartId) -> bool) -> Option<f32> {
    parts
        .iter()
        .filter(|p| pick(p.id))
        .flat_map(|p| p.prims.iter().map(Prim::bottom))
        .reduce(f32::min)
}

/// What a prop is, for colour and drawing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropKind {
    Floor,
    Mat,
    Pillow,
    Chair,
    Step,
    Wall,
    Table,
    Band,
    Ball,
    TowelRoll,
}

#[derive(Debug, Clone)]
pub enum Shape {
    /// A box: centre and the three half-edge vectors.
    Box { c: Vec3, half: Mat3 },
    /// A rounded solid: the hull of these spheres.
    Blob(Vec<Prim>),
    /// A band stretched between two points.
    Band(Vec3, Vec3),
}

#[derive(Debug, Clone)]
pub struct Solid {
    pub kind: PropKind,
    pub shape: Shape,
    /// Drawn before the body (the body rests on it).
    pub under: bool,
    /// Belongs to the start pose only (drawn as a ghost).
    pub ghost: bool,
    /// Checked for bodies passing through it.
    pub hard: bool,
}

/// Where each pose's support is and which body point stays put.
#[derive(Debug, Clone)]
struct Support {
    floor_top: f32,
    /// Sitting: the seat's height.
    seat: Option<f32>,
    /// Standing on a step: the step's top, and which feet stand on it.
    step: Option<(f32, Option<Side>)>,
    anchor: Vec<BodyPoint>,
}

#[derive(Debug, Clone)]
pub struct Scene {
    pub start: Placed,
    pub end: Placed,
    /// The moving point through the movement, start to end.
    pub path: Vec<Vec3>,
    pub props: Vec<Solid>,
    pub floor_top: f32,
    pub moves: bool,
}

fn rot_x(deg: f32) -> Mat3 {
    Mat3::from_rotation_x(deg.to_radians())
}
fn rot_y(deg: f32) -> Mat3 {
    Mat3::from_rotation_y(deg.to_radians())
}

/// The posture's frame in the world: lying down without turning.
fn posture_rotation(p: Posture) -> Mat3 {
    match p {
        Posture::LyingOnBack => rot_y(-90.0),
        Posture::LyingOnFront => rot_y(90.0),
        Posture::LyingOnLeftSide => rot_x(-90.0),
        Posture::LyingOnRightSide => rot_x(90.0),
        Posture::HandsAndKnees => rot_y(90.0),
        _ => Mat3::IDENTITY,
    }
}

fn hand_low(sk: &Skeleton, d: Side) -> f32 {
    let w = Seg::Hand(d).origin();
    let a = sk.point(Seg::Hand(d), w - Vec3::Z * 0.2 * HAND).z;
    let b = sk.point(Seg::Hand(d), w - Vec3::Z * 0.6 * HAND).z;
    a.min(b) - 20.0
}

fn knee_low(sk: &Skeleton, d: Side) -> f32 {
    sk.joint(Seg::Shank(d)).z - 46.0
}

/// The root orientation of a pose.
fn root_rotation(posture: Posture, angles: &Angles) -> Mat3 {
    let pelvis = pelvis_rotation(angles);
    if posture != Posture::HandsAndKnees {
        return posture_rotation(posture) * pelvis;
    }
    // Pitch the body so that hands and knees both reach the floor.
    let f = |pitch: f32| {
        let rot = rot_y(90.0 + pitch) * pelvis;
        let sk = Skeleton::pose(
            angles,
            Frame {
                rot,
                pos: Vec3::ZERO,
            },
        );
        let hands = hand_low(&sk, Side::Left).min(hand_low(&sk, Side::Right));
        let knees = knee_low(&sk, Side::Left).min(knee_low(&sk, Side::Right));
        hands - knees
    };
    let (mut lo, mut hi) = (-45.0f32, 45.0f32);
    if f(lo) * f(hi) > 0.0 {
        return rot_y(90.0) * pelvis;
    }
    for _ in 0..30 {
        let mid = 0.5 * (lo + hi);
        if (f(mid) > 0.0) == (f(lo) > 0.0) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    rot_y(90.0 + 0.5 * (lo + hi)) * pelvis
}

fn is_foot(id: PartId, side: Option<Side>) -> bool {
    matches!(id, PartId::Foot(d) if side.is_none_or(|s| s == d))
}

fn is_buttock(id: PartId) -> bool {
    matches!(id, PartId::Pelvis)
}

/// Pose the body and rotate it; not yet moved onto its support.
fn pose_raw(posture: Posture, angles: &Angles) -> Placed {
    let rot = root_rotation(posture, angles);
    let sk = Skeleton::pose(
        angles,
        Frame {
            rot,
            pos: Vec3::ZERO,
        },
    );
    let parts = body::parts(&sk);
    Placed { sk, parts }
}

fn shift(p: &mut Placed, by: Vec3) {
    p.sk = p.sk.transformed(Frame {
        rot: Mat3::IDENTITY,
        pos: by,
    });
    for part in &mut p.parts {
        for prim in &mut part.prims {
            *prim = prim.moved(by);
        }
    }
}

/// The height the support parts of a pose must come down (or up) to.
fn support_drop(posture: Posture, p: &Placed, s: &Support) -> f32 {
    let low = match posture {
        Posture::Standing => p.lowest(|id| is_foot(id, None)),
        Posture::StandingOnStep => {
            let side = s.step.and_then(|x| x.1);
            p.lowest(|id| is_foot(id, side))
        }
        Posture::Sitting => p.lowest(is_buttock),
        // Lying: the trunk, head and shoulders rest on the floor; a limb
        // below them would go through it.
        _ if posture.is_lying() => p.lowest(|id| {
            matches!(
                id,
                PartId::Pelvis | PartId::Torso | PartId::Neck | PartId::Head | PartId::UpperArm(_)
            )
        }),
        _ => p.lowest(body::is_solid),
    }
    .unwrap_or(0.0);
    let target = match posture {
        Posture::Sitting => s.seat.unwrap_or(s.floor_top),
        Posture::StandingOnStep => s.step.map_or(s.floor_top, |x| x.0),
        _ => s.floor_top,
    };
    target - low
}

fn anchor_xy(p: &Placed, anchor: &[BodyPoint]) -> Vec3 {
    if anchor.is_empty() {
        return Vec3::ZERO;
    }
    let sum: Vec3 = anchor.iter().map(|a| a.world(&p.sk)).sum();
    let c = sum / anchor.len() as f32;
    Vec3::new(c.x, c.y, 0.0)
}

fn settle(posture: Posture, angles: &Angles, s: &Support) -> Placed {
    let mut p = pose_raw(posture, angles);
    let dz = support_drop(posture, &p, s);
    let xy = anchor_xy(&p, &s.anchor);
    shift(&mut p, Vec3::new(-xy.x, -xy.y, dz));
    p
}

fn point(name: &str) -> Vec<BodyPoint> {
    body::body_point(name).into_iter().collect()
}

/// Which body point stays in place, when the file names none.
fn default_anchor(posture: Posture, end: &Placed) -> Vec<BodyPoint> {
    match posture {
        Posture::Standing | Posture::StandingOnStep => {
            let l = end
                .lowest(|id| is_foot(id, Some(Side::Left)))
                .unwrap_or(0.0);
            let r = end
                .lowest(|id| is_foot(id, Some(Side::Right)))
                .unwrap_or(0.0);
            if l + 15.0 < r {
                point("left-foot")
            } else if r + 15.0 < l {
                point("right-foot")
            } else {
                [point("left-foot"), point("right-foot")].concat()
            }
        }
        Posture::HandsAndKnees => [point("left-knee"), point("right-knee")].concat(),
        Posture::HalfKneelingLeftKneeDown => point("left-knee"),
        Posture::HalfKneelingRightKneeDown => point("right-knee"),
        _ => point("pelvis"),
    }
}

/// Build the whole scene: both poses settled, the arrow's path, the props.
pub fn build(r: &Resolved) -> Scene {
    let posture = r.posture;
    let has_mat = r.props.iter().any(|p| matches!(p, PropReq::Mat));
    let floor_top = if has_mat { MAT_THICKNESS } else { 0.0 };
    let step = r.props.iter().find_map(|p| match p {
        PropReq::Step(at) if posture == Posture::StandingOnStep => {
            Some((floor_top + STEP_HEIGHT, at.and_then(|a| a.1)))
        }
        _ => None,
    });
    let mut support = Support {
        floor_top,
        seat: None,
        step,
        anchor: Vec::new(),
    };
    if posture == Posture::Sitting {
        // The seat is as high as the buttocks when the feet are on the floor.
        let mut p = pose_raw(posture, &r.start);
        let feet = p.lowest(|id| is_foot(id, None)).unwrap_or(0.0);
        shift(&mut p, Vec3::Z * (floor_top - feet));
        let seat = p.lowest(is_buttock).unwrap_or(450.0);
        support.seat = Some(seat.clamp(floor_top + 300.0, floor_top + 650.0));
    }
    // The anchor: named, or the posture's support in the end pose.
    support.anchor = match r.anchor {
        Some(a) => vec![a],
        None => {
            let mut e = pose_raw(posture, &r.end);
            let dz = support_drop(posture, &e, &support);
            shift(&mut e, Vec3::Z * dz);
            default_anchor(posture, &e)
        }
    };
    let start = settle(posture, &r.start, &support);
    let end = settle(posture, &r.end, &support);
    let moves = r.start != r.end;
    let mut path = Vec::new();
    if let (Some(m), true) = (r.moving, moves) {
        for i in 0..=PATH_STEPS {
            let t = i as f32 / PATH_STEPS as f32;
            let p = match i {
                0 => m.world(&start.sk),
                i if i == PATH_STEPS => m.world(&end.sk),
                _ => m.world(&settle(posture, &r.start.lerp(&r.end, t), &support).sk),
            };
            path.push(p);
        }
    }
    let props = build_props(r, &start, &end, &support);
    Scene {
        start,
        end,
        path,
        props,
        floor_top,
        moves,
    }
}

fn boxed(kind: PropKind, min: Vec3, max: Vec3, frame: Mat3, origin: Vec3) -> Solid {
    let c = (min + max) * 0.5;
    let h = (max - min) * 0.5;
    Solid {
        kind,
        shape: Shape::Box {
            c: origin + frame * c,
            half: frame * Mat3::from_diagonal(h),
        },
        under: false,
        ghost: false,
        hard: true,
    }
}

/// A horizontal frame whose X axis points along `dir` (flattened).
fn heading(dir: Vec3) -> Mat3 {
    let f = Vec3::new(dir.x, dir.y, 0.0)
        .try_normalize()
        .unwrap_or(Vec3::X);
    Mat3::from_cols(f, Vec3::Z.cross(f), Vec3::Z)
}

/// The heading turned to the nearest quarter turn (walls stand square to
/// the person).
fn square(f: Mat3) -> Mat3 {
    let x = f.col(0);
    let dir = if x.x.abs() >= x.y.abs() {
        Vec3::new(x.x.signum(), 0.0, 0.0)
    } else {
        Vec3::new(0.0, x.y.signum(), 0.0)
    };
    heading(dir)
}

/// Bounding box (x, y) of the solid parts of the given bodies.
fn footprint(bodies: &[&Placed]) -> (Vec3, Vec3) {
    let mut lo = Vec3::splat(f32::MAX);
    let mut hi = Vec3::splat(f32::MIN);
    for b in bodies {
        for part in b.parts.iter().filter(|p| body::is_solid(p.id)) {
            for prim in &part.prims {
                let c = prim.centre();
                let e = Vec3::new(
                    prim.reach(Vec3::X),
                    prim.reach(Vec3::Y),
                    prim.reach(Vec3::Z),
                );
                lo = lo.min(c - e);
                hi = hi.max(c + e);
            }
        }
    }
    (lo, hi)
}

fn chair(origin: Vec3, frame: Mat3, seat: f32, back_top: f32, floor: f32) -> Vec<Solid> {
    // Chair frame: X from the back toward the seat's front, origin at the
    // back's foot, on the floor.
    let (depth, half_w, t, leg) = (420.0, 215.0, 40.0, 32.0);
    let mut v = vec![
        boxed(
            PropKind::Chair,
            Vec3::new(0.0, -half_w, seat - t),
            Vec3::new(depth, half_w, seat),
            frame,
            origin,
        ),
        boxed(
            PropKind::Chair,
            Vec3::new(-30.0, -half_w + 10.0, seat),
            Vec3::new(0.0, half_w - 10.0, back_top),
            frame,
            origin,
        ),
    ];
    for (x, y) in [
        (0.0, -half_w),
        (0.0, half_w - leg),
        (depth - leg, -half_w),
        (depth - leg, half_w - leg),
    ] {
        v.push(boxed(
            PropKind::Chair,
            Vec3::new(x, y, floor),
            Vec3::new(x + leg, y + leg, seat - t),
            frame,
            origin,
        ));
    }
    v
}

fn band_ends(a: &BodyPoint, b: &BodyPoint, sk: &Skeleton) -> (Vec3, Vec3) {
    let pa = a.world(sk);
    let pb = b.world(sk);
    let d = (pb - pa).try_normalize().unwrap_or(Vec3::X);
    (pa + d * a.radius * 0.8, pb - d * b.radius * 0.8)
}

fn build_props(r: &Resolved, start: &Placed, end: &Placed, s: &Support) -> Vec<Solid> {
    let floor = s.floor_top;
    let mut out = Vec::new();
    let (mut lo, mut hi) = footprint(&[start, end]);
    let sk = &end.sk;
    let pelvis = sk.joint(Seg::Pelvis);
    for req in &r.props {
        match *req {
            PropReq::Mat => {}
            PropReq::Pillow(at) => {
                let head = end
                    .lowest(|id| id == PartId::Head)
                    .unwrap_or(floor + 80.0)
                    .min(start.lowest(|id| id == PartId::Head).unwrap_or(f32::MAX));
                let t = (head - floor).clamp(40.0, 220.0);
                let c = at.world(sk);
                let trunk = sk.dir(Seg::Thorax, Vec3::Z);
                let long = heading(Vec3::Z.cross(trunk));
                let (a, b) = (270.0 - t * 0.5, 170.0 - t * 0.5);
                let r0 = t * 0.5;
                let prims = [(-a, -b), (-a, b), (a, -b), (a, b)]
                    .iter()
                    .map(|&(x, y)| Prim::Sphere {
                        c: Vec3::new(c.x, c.y, floor + r0) + long * Vec3::new(x, y, 0.0),
                        r: r0,
                    })
                    .collect();
                out.push(Solid {
                    kind: PropKind::Pillow,
                    shape: Shape::Blob(prims),
                    under: true,
                    ghost: false,
                    hard: false,
                });
            }
            PropReq::Chair(None) => {
                // The sitting posture's own chair, under the buttocks.
                let seat = s.seat.unwrap_or(450.0);
                let pel = start
                    .parts
                    .iter()
                    .find(|p| p.id == PartId::Pelvis)
                    .and_then(|p| p.prims.first().copied());
                let back = pel.map_or(pelvis.x - 150.0, |p| p.centre().x - p.reach(Vec3::X));
                let origin = Vec3::new(back - 20.0, pelvis.y, 0.0);
                let mut c = chair(origin, Mat3::IDENTITY, seat, seat + 460.0, floor);
                c[0].under = true;
                out.extend(c);
            }
            PropReq::Chair(Some(at)) => {
                let hand = at.world(sk);
                let f = heading(hand - pelvis);
                let top = hand.z - at.radius;
                let seat = 450.0f32.min(top - 250.0).max(floor + 150.0);
                let origin = Vec3::new(hand.x, hand.y, 0.0) + f.col(0) * 15.0;
                out.extend(chair(origin, f, seat, top, floor));
            }
            PropReq::Step(at) => {
                let (top, sides): (f32, Vec<Side>) = match (r.posture, at) {
                    (Posture::StandingOnStep, Some((_, Some(d)))) => (floor + STEP_HEIGHT, vec![d]),
                    (Posture::StandingOnStep, _) => (floor + STEP_HEIGHT, Side::BOTH.to_vec()),
                    (_, Some((bp, side))) => {
                        let low = side
                            .and_then(|d| end.lowest(|id| id == PartId::Foot(d)))
                            .unwrap_or_else(|| bp.world(sk).z - bp.radius);
                        (low, side.map_or(Side::BOTH.to_vec(), |d| vec![d]))
                    }
                    (_, None) => (floor + STEP_HEIGHT, Side::BOTH.to_vec()),
                };
                let feet: Vec<&Part> = end
                    .parts
                    .iter()
                    .filter(|p| sides.iter().any(|d| p.id == PartId::Foot(*d)))
                    .collect();
                let mut flo = Vec3::splat(f32::MAX);
                let mut fhi = Vec3::splat(f32::MIN);
                for p in &feet {
                    for prim in &p.prims {
                        flo = flo.min(prim.centre());
                        fhi = fhi.max(prim.centre());
                    }
                }
                if feet.is_empty() {
                    flo = pelvis - Vec3::splat(150.0);
                    fhi = pelvis + Vec3::splat(150.0);
                }
                let (y0, y1) = if sides.len() == 1 {
                    if sides[0] == Side::Left {
                        (flo.y - 55.0, fhi.y + 220.0)
                    } else {
                        (flo.y - 220.0, fhi.y + 55.0)
                    }
                } else {
                    (flo.y - 220.0, fhi.y + 220.0)
                };
                let mut b = boxed(
                    PropKind::Step,
                    Vec3::new(flo.x - 90.0, y0, floor),
                    Vec3::new(fhi.x + 110.0, y1, top.max(floor + 20.0)),
                    Mat3::IDENTITY,
                    Vec3::ZERO,
                );
                b.under = true;
                lo = lo.min(Vec3::new(flo.x - 90.0, y0, 0.0));
                hi = hi.max(Vec3::new(fhi.x + 110.0, y1, 0.0));
                out.push(b);
            }
            PropReq::Wall(at) => {
                let (face, f) = match at {
                    Some(bp) => {
                        let p = bp.world(sk);
                        let f = square(heading(p - pelvis));
                        let n = f.col(0);
                        // The wall touches the farthest reach of the body
                        // near that point (a hand's fingertips, say).
                        let p0 = bp.world(&start.sk);
                        let reach = end
                            .parts
                            .iter()
                            .flat_map(|part| part.prims.iter())
                            .filter(|q| (q.centre() - p).length() < 160.0)
                            .chain(
                                start
                                    .parts
                                    .iter()
                                    .flat_map(|part| part.prims.iter())
                                    .filter(|q| (q.centre() - p0).length() < 160.0),
                            )
                            .map(|q| (q.centre() - p).dot(n) + q.reach(n))
                            .fold(bp.radius, f32::max);
                        (p + n * reach, f)
                    }
                    None => {
                        let f = heading(-Vec3::X);
                        (Vec3::new(lo.x, pelvis.y, 0.0), f)
                    }
                };
                let origin = Vec3::new(face.x, face.y, 0.0);
                out.push(boxed(
                    PropKind::Wall,
                    Vec3::new(0.0, -500.0, 0.0),
                    Vec3::new(70.0, 500.0, 1.12 * super::skeleton::HEIGHT),
                    f,
                    origin,
                ));
            }
            PropReq::Table(at) => {
                let hand = at.world(sk);
                let f = heading(hand - pelvis);
                let top = hand.z - at.radius;
                let origin = Vec3::new(hand.x, hand.y, 0.0) - f.col(0) * 120.0;
                out.push(boxed(
                    PropKind::Table,
                    Vec3::new(0.0, -450.0, top - 30.0),
                    Vec3::new(650.0, 450.0, top),
                    f,
                    origin,
                ));
                for (x, y) in [
                    (20.0, -430.0),
                    (20.0, 390.0),
                    (590.0, -430.0),
                    (590.0, 390.0),
                ] {
                    out.push(boxed(
                        PropKind::Table,
                        Vec3::new(x, y, floor),
                        Vec3::new(x + 40.0, y + 40.0, top - 30.0),
                        f,
                        origin,
                    ));
                }
            }
            PropReq::Band(a, b) => {
                for (pose, ghost) in [(start, true), (end, false)] {
                    let (pa, pb) = band_ends(&a, &b, &pose.sk);
                    out.push(Solid {
                        kind: PropKind::Band,
                        shape: Shape::Band(pa, pb),
                        under: false,
                        ghost,
                        hard: false,
                    });
                }
            }
            PropReq::Ball(place) | PropReq::TowelRoll(place) => {
                let towel = matches!(req, PropReq::TowelRoll(_));
                let (max_r, min_r) = if towel { (120.0, 30.0) } else { (400.0, 50.0) };
                let (c, rad) = match place {
                    Place::At(bp) => {
                        let p = bp.world(sk);
                        let rad = ((p.z - bp.radius - floor) * 0.5).clamp(min_r, max_r);
                        (Vec3::new(p.x, p.y, floor + rad), rad)
                    }
                    Place::Between(a, b) => {
                        let (pa, pb) = (a.world(sk), b.world(sk));
                        let rad = (((pb - pa).length() - a.radius - b.radius) * 0.5)
                            .clamp(min_r * 0.6, max_r);
                        ((pa + pb) * 0.5, rad)
                    }
                };
                let prims = if towel {
                    let axis = heading(sk.dir(Seg::Pelvis, Vec3::Y)).col(0);
                    vec![
                        Prim::Sphere {
                            c: c - axis * 220.0,
                            r: rad,
                        },
                        Prim::Sphere {
                            c: c + axis * 220.0,
                            r: rad,
                        },
                    ]
                } else {
                    vec![Prim::Sphere { c, r: rad }]
                };
                out.push(Solid {
                    kind: if towel {
                        PropKind::TowelRoll
                    } else {
                        PropKind::Ball
                    },
                    shape: Shape::Blob(prims),
                    under: towel,
                    ghost: false,
                    hard: false,
                });
            }
        }
    }
    // The floor (or mat) under everything.
    let has_mat = r.props.iter().any(|p| matches!(p, PropReq::Mat));
    let margin = if has_mat { 80.0 } else { 90.0 };
    let (kind, bottom) = if has_mat {
        (PropKind::Mat, 0.0)
    } else {
        (PropKind::Floor, -14.0)
    };
    let mut f = boxed(
        kind,
        Vec3::new(lo.x - margin, lo.y - margin, bottom),
        Vec3::new(hi.x + margin, hi.y + margin, floor),
        Mat3::IDENTITY,
        Vec3::ZERO,
    );
    f.under = true;
    f.hard = false;
    out.insert(0, f);
    out
}
