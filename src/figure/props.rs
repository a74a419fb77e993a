//! The props around a posed body: floor or mat (cut to the body's
//! footprint), pillow, chair, step, wall, table, band, ball, towel roll,
//! stick and towel.

use glam::{Mat3, Vec2, Vec3};

use super::body::BodyPoint;
use super::body::{self, Part, PartId, Prim};
use super::geom;
use super::resolve::{Place, Posture, PropReq, Resolved};
use super::scene::{Placed, Support, STEP_HEIGHT};
use super::skeleton::{Seg, Side, Skeleton};

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
    Stick,
    Towel,
    /// A door with its handle, a band tied to it.
    Door,
}

#[derive(Debug, Clone)]
pub enum Shape {
    /// A box: centre and the three half-edge vectors.
    Box { c: Vec3, half: Mat3 },
    /// A rounded solid: the hull of these spheres.
    Blob(Vec<Prim>),
    /// A band stretched between two points.
    Band(Vec3, Vec3),
    /// A flat slab: a convex outline on the ground (world X, Y) between two
    /// heights (the floor, a mat, a towel on the floor).
    Slab {
        outline: Vec<Vec2>,
        bottom: f32,
        top: f32,
    },
    /// A straight rod of this radius (a stick).
    Rod(Vec3, Vec3, f32),
    /// A cloth held between two points (a towel).
    Cloth(Vec3, Vec3),
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

pub fn build_props(r: &Resolved, start: &Placed, end: &Placed, s: &Support) -> Vec<Solid> {
    let floor = s.floor_top;
    let mut out = Vec::new();
    let (lo, _) = footprint(&[start, end]);
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
                            .and_then(|d| {
                                end.lowest(|id| id == PartId::Foot(d) || id == PartId::Toes(d))
                            })
                            .unwrap_or_else(|| bp.world(sk).z - bp.radius);
                        (low, side.map_or(Side::BOTH.to_vec(), |d| vec![d]))
                    }
                    (_, None) => (floor + STEP_HEIGHT, Side::BOTH.to_vec()),
                };
                let feet: Vec<&Part> = end
                    .parts
                    .iter()
                    .filter(|p| {
                        sides
                            .iter()
                            .any(|d| p.id == PartId::Foot(*d) || p.id == PartId::Toes(*d))
                    })
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
            PropReq::BandToDoor(a) => {
                let (door, handle) = door_for(&a, start, end, pelvis);
                out.extend(door);
                for (pose, ghost) in [(start, true), (end, false)] {
                    let p = a.world(&pose.sk);
                    let d = (handle - p).try_normalize().unwrap_or(Vec3::X);
                    out.push(Solid {
                        kind: PropKind::Band,
                        shape: Shape::Band(p + d * a.radius * 0.8, handle),
                        under: false,
                        ghost,
                        hard: false,
                    });
                }
            }
            PropReq::Stick(a, b) => {
                for (pose, ghost) in [(start, true), (end, false)] {
                    let (pa, pb) = (a.world(&pose.sk), b.world(&pose.sk));
                    let d = (pb - pa).try_normalize().unwrap_or(Vec3::Y);
                    out.push(Solid {
                        kind: PropKind::Stick,
                        shape: Shape::Rod(pa - d * 140.0, pb + d * 140.0, 14.0),
                        under: false,
                        ghost,
                        hard: false,
                    });
                }
            }
            PropReq::Towel(Place::Between(a, b)) => {
                for (pose, ghost) in [(start, true), (end, false)] {
                    let (pa, pb) = band_ends(&a, &b, &pose.sk);
                    out.push(Solid {
                        kind: PropKind::Towel,
                        shape: Shape::Cloth(pa, pb),
                        under: false,
                        ghost,
                        hard: false,
                    });
                }
            }
            PropReq::Towel(Place::At(bp)) => {
                // Flat on the floor under the point (a foot), longer along
                // the foot.
                let p = bp.world(sk);
                let f = match bp.seg.side() {
                    Some(d) => heading(sk.dir(Seg::Foot(d), Vec3::X)),
                    None => heading(Vec3::X),
                };
                let (l, w) = (300.0, 190.0);
                let rect: Vec<Vec2> = [(-l, -w), (l, -w), (l, w), (-l, w)]
                    .iter()
                    .map(|&(x, y)| (p + f * Vec3::new(x * 0.8 + 40.0, y, 0.0)).truncate())
                    .collect();
                out.push(Solid {
                    kind: PropKind::Towel,
                    shape: Shape::Slab {
                        outline: geom::rounded(&rect, 20.0),
                        bottom: floor,
                        top: floor + 6.0,
                    },
                    under: true,
                    ghost: false,
                    hard: false,
                });
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
    // The floor (or mat) under everything, cut to what stands on it.
    out.insert(0, ground(r, start, end, &out, floor));
    out
}

/// A door for a band tied to its handle: the handle a little beyond where
/// the band pulls the hand back to (from the end pose's hand toward the
/// start's, squared to the person), at the hand's height; the door square
/// to the person, behind the handle. Returns the door's solids and the
/// handle's point.
fn door_for(a: &BodyPoint, start: &Placed, end: &Placed, pelvis: Vec3) -> (Vec<Solid>, Vec3) {
    let (p0, p1) = (a.world(&start.sk), a.world(&end.sk));
    let pull = Vec3::new(p0.x - p1.x, p0.y - p1.y, 0.0);
    let out = if pull.length() > 40.0 {
        pull
    } else {
        p1 - pelvis
    };
    let f = square(heading(out));
    let n = f.col(0);
    // The handle: 450 mm past the farther of the two hand positions.
    let reach = (p0 - pelvis).dot(n).max((p1 - pelvis).dot(n));
    let lateral = f.col(1).dot((p0 + p1) * 0.5 - pelvis);
    let handle = pelvis + n * (reach + 450.0) + f.col(1) * lateral;
    let handle = Vec3::new(handle.x, handle.y, (p0.z + p1.z) * 0.5);
    let face = handle + n * 70.0;
    let origin = Vec3::new(face.x, face.y, 0.0);
    let door = boxed(
        PropKind::Door,
        Vec3::new(0.0, -450.0, 0.0),
        Vec3::new(40.0, 450.0, 2000.0),
        f,
        origin,
    );
    let knob = boxed(
        PropKind::Door,
        Vec3::new(-70.0, -60.0, handle.z - 18.0),
        Vec3::new(0.0, 60.0, handle.z + 18.0),
        f,
        origin,
    );
    (vec![door, knob], handle)
}

/// The floor or mat: the footprint of the body (both poses) and of what
/// stands on the floor, with a margin; a mat is the smallest rectangle
/// around the body.
fn ground(r: &Resolved, start: &Placed, end: &Placed, props: &[Solid], floor: f32) -> Solid {
    // What of the body is near the floor (all of it, lying; the feet,
    // standing).
    let mut pts: Vec<Vec2> = Vec::new();
    for b in [start, end] {
        for part in b.parts.iter().filter(|p| body::is_solid(p.id)) {
            for prim in part.prims.iter().filter(|q| q.bottom() < floor + 250.0) {
                let c = prim.centre();
                let (rx, ry) = (prim.reach(Vec3::X), prim.reach(Vec3::Y));
                for (dx, dy) in [(-rx, 0.0), (rx, 0.0), (0.0, -ry), (0.0, ry)] {
                    pts.push(Vec2::new(c.x + dx, c.y + dy));
                }
            }
        }
    }
    let has_mat = r.props.iter().any(|p| matches!(p, PropReq::Mat));
    if has_mat {
        // Along the trunk when lying, else the smallest around the body.
        let trunk = end.sk.joint(Seg::Neck) - end.sk.joint(Seg::Pelvis);
        let hull = geom::hull(pts);
        let rect = if trunk.z.abs() < trunk.truncate().length() {
            geom::rectangle_along(&hull, trunk.truncate(), 70.0)
        } else {
            geom::min_rectangle(&hull, 70.0)
        };
        return Solid {
            kind: PropKind::Mat,
            shape: Shape::Slab {
                outline: geom::rounded(&rect, 25.0),
                bottom: 0.0,
                top: floor,
            },
            under: true,
            ghost: false,
            hard: false,
        };
    }
    for s in props {
        match &s.shape {
            Shape::Box { c, half } if s.hard || s.kind == PropKind::Step => {
                // Its foot on the floor; a wall only near the body.
                let (mut u, mut v) = (half.col(0), half.col(1));
                if matches!(s.kind, PropKind::Wall | PropKind::Door) {
                    v = v.clamp_length_max(350.0);
                    u = u.clamp_length_max(40.0);
                }
                for (a, b) in [(-1.0, -1.0), (-1.0, 1.0), (1.0, -1.0), (1.0, 1.0)] {
                    let p = *c + u * a + v * b;
                    pts.push(p.truncate());
                }
            }
            Shape::Blob(prims) if s.under => {
                pts.extend(prims.iter().map(|p| p.centre().truncate()));
            }
            _ => {}
        }
    }
    Solid {
        kind: PropKind::Floor,
        shape: Shape::Slab {
            // Wide and thin enough to read as floor, not as a box stood on.
            outline: geom::rounded(&geom::min_rectangle(&geom::hull(pts), 110.0), 60.0),
            bottom: floor - 8.0,
            top: floor,
        },
        under: true,
        ghost: false,
        hard: false,
    }
}
