//! Placing posed bodies in the world: settling them onto their support
//! (the posture's, or what `rests-on` names, tilting the whole body until
//! every contact touches), keeping the anchor in place, and the path of the
//! moving point.
//!
//! World frame: X is the way the person faces before lying down, Y their
//! left, Z up; the floor's top is at `floor_top` (0, or a mat's thickness).

use glam::{Mat3, Vec3};

use super::body::{self, BodyPoint, Part, PartId, Prim};
use super::contact::{self, Contact};
use super::resolve::{Posture, PropReq, Resolved, Rests};
use super::skeleton::{pelvis_rotation, Angles, Frame, Side, Skeleton};

pub use super::props::{PropKind, Shape, Solid};

pub const MAT_THICKNESS: f32 = 15.0;
pub const STEP_HEIGHT: f32 = 170.0;
/// Samples of the movement between the start and end pose, for the arrow.
pub const PATH_STEPS: usize = 12;
/// The most a body is tilted to rest on what `rests-on` names, degrees.
pub const MAX_TILT: f32 = 80.0;

/// A posed, settled body.
#[derive(Debug, Clone)]
pub struct Placed {
    pub sk: Skeleton,
    pub parts: Vec<Part>,
}

impl Placed {
    pub fn lowest(&self, pick: impl Fn(PartId) -> bool) -> Option<f32> {
        lowest(&self.parts, pick)
    }

    pub fn part(&self, id: PartId) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }
}

fn lowest(parts: &[Part], pick: impl Fn(PartId) -> bool) -> Option<f32> {
    parts
        .iter()
        .filter(|p| pick(p.id))
        .flat_map(|p| p.prims.iter().map(Prim::bottom))
        .reduce(f32::min)
}

/// Where each pose's support is and which body point stays put.
#[derive(Debug, Clone)]
pub struct Support {
    pub floor_top: f32,
    /// Sitting: the seat's height.
    pub seat: Option<f32>,
    /// Standing on a step: the step's top, and which feet stand on it.
    pub step: Option<(f32, Option<Side>)>,
    pub anchor: Vec<BodyPoint>,
}

/// A contact that touches, and how high its support is.
#[derive(Debug, Clone)]
pub struct Touch {
    pub contact: Contact,
    pub target: f32,
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
    /// What each pose ended up resting on (`rests-on`), for the checks.
    pub start_touch: Vec<Touch>,
    pub end_touch: Vec<Touch>,
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
        Posture::LyingOnBack | Posture::LyingOnBackKneesBent => rot_y(-90.0),
        Posture::LyingOnFront => rot_y(90.0),
        Posture::LyingOnLeftSide => rot_x(-90.0),
        Posture::LyingOnRightSide => rot_x(90.0),
        Posture::HandsAndKnees => rot_y(90.0),
        _ => Mat3::IDENTITY,
    }
}

/// The root orientation of a pose (before any tilt to rest on contacts).
fn root_rotation(posture: Posture, angles: &Angles) -> Mat3 {
    posture_rotation(posture) * pelvis_rotation(angles)
}

/// What a posture rests on when it rests on more than one place at once
/// (hands and knees: the lowest hand, and the lowest knee or toes).
fn posture_touch(posture: Posture, s: &Support) -> Option<Vec<Touch>> {
    let group = |name: &str, parts: &[&str]| Contact {
        name: name.to_string(),
        parts: parts
            .iter()
            .filter_map(|n| contact::contacts_named(n))
            .flatten()
            .flat_map(|c| c.parts)
            .collect(),
        ball: None,
        point: None,
    };
    match posture {
        Posture::HandsAndKnees => Some(vec![
            Touch {
                contact: group("hands", &["hands"]),
                target: s.floor_top,
            },
            Touch {
                // The lower legs: the knees, or the toes when they reach
                // lower (the knees then lift a little, as they would).
                contact: group("knees", &["knees", "toes"]),
                target: s.floor_top,
            },
        ]),
        _ => None,
    }
}

fn is_foot(id: PartId, side: Option<Side>) -> bool {
    match id {
        PartId::Foot(d) | PartId::Toes(d) => side.is_none_or(|s| s == d),
        _ => false,
    }
}

fn is_buttock(id: PartId) -> bool {
    matches!(id, PartId::Pelvis)
}

fn pose_at(angles: &Angles, rot: Mat3) -> Placed {
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

/// Pose the body and rotate it; not yet moved onto its support.
fn pose_raw(posture: Posture, angles: &Angles) -> Placed {
    pose_at(angles, root_rotation(posture, angles))
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

/// How high the support under a contact is: the step's top for a foot on
/// the step, the seat for the buttocks when sitting, else the floor.
fn target(posture: Posture, s: &Support, c: &Contact) -> f32 {
    for (id, _) in &c.parts {
        match *id {
            PartId::Foot(d) | PartId::Toes(d) => {
                if let Some((top, side)) = s.step {
                    if side.is_none_or(|x| x == d) {
                        return top;
                    }
                }
            }
            PartId::Pelvis if posture == Posture::Sitting => {
                return s.seat.unwrap_or(s.floor_top);
            }
            _ => {}
        }
    }
    s.floor_top
}

/// The smallest turn that brings the contacts level with their supports
/// (for one contact, none): about the horizontal axis across the line
/// between two, or turning the plane through three or more flat.
fn levelling(pts: &[(Vec3, f32)]) -> Option<Mat3> {
    let pair = |a: (Vec3, f32), b: (Vec3, f32)| -> Option<Mat3> {
        let d = Vec3::new(b.0.x - a.0.x, b.0.y - a.0.y, 0.0);
        let l = d.length();
        if l < 30.0 {
            return None;
        }
        let dir = d / l;
        let vz = b.0.z - a.0.z;
        let want = b.1 - a.1;
        let rho = (l * l + vz * vz).sqrt();
        let theta = vz.atan2(l) - (want / rho).clamp(-1.0, 1.0).asin();
        Some(Mat3::from_axis_angle(Vec3::Z.cross(dir), theta))
    };
    match pts.len() {
        0 | 1 => None,
        2 => pair(pts[0], pts[1]),
        n => {
            // Least squares plane h = a x + b y + c through the heights
            // above each support.
            let nf = n as f32;
            let mx = pts.iter().map(|p| p.0.x).sum::<f32>() / nf;
            let my = pts.iter().map(|p| p.0.y).sum::<f32>() / nf;
            let mh = pts.iter().map(|p| p.0.z - p.1).sum::<f32>() / nf;
            let (mut sxx, mut sxy, mut syy, mut sxh, mut syh) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for p in pts {
                let (x, y, h) = (p.0.x - mx, p.0.y - my, p.0.z - p.1 - mh);
                sxx += x * x;
                sxy += x * y;
                syy += y * y;
                sxh += x * h;
                syh += y * h;
            }
            let det = sxx * syy - sxy * sxy;
            if det.abs() < 1e-3 * (sxx + syy).powi(2) + 1.0 {
                // In a line: level the two farthest apart.
                let mut best = (0, 1, -1.0f32);
                for i in 0..n {
                    for j in i + 1..n {
                        let d = (pts[i].0 - pts[j].0).truncate().length();
                        if d > best.2 {
                            best = (i, j, d);
                        }
                    }
                }
                return pair(pts[best.0], pts[best.1]);
            }
            let a = (sxh * syy - syh * sxy) / det;
            let b = (syh * sxx - sxh * sxy) / det;
            let normal = Vec3::new(-a, -b, 1.0).normalize();
            let axis = normal.cross(Vec3::Z);
            let s = axis.length();
            if s < 1e-7 {
                return None;
            }
            Some(Mat3::from_axis_angle(axis / s, s.asin()))
        }
    }
}

fn heights(p: &Placed, touch: &[Touch]) -> Vec<(Vec3, f32)> {
    touch
        .iter()
        .filter_map(|t| contact::lowest(&p.parts, &p.sk, &t.contact).map(|q| (q, t.target)))
        .collect()
}

/// Pose a body and tilt it as a whole until every contact touches its
/// support; then lower it onto them.
fn rest_on(angles: &Angles, base: Mat3, touch: &[Touch], tilt: &mut Mat3) -> Placed {
    let mut p = pose_at(angles, *tilt * base);
    for _ in 0..12 {
        let pts = heights(&p, touch);
        let Some(turn) = levelling(&pts) else { break };
        let (_, step) = glam::Quat::from_mat3(&turn).to_axis_angle();
        if step < 1e-4 {
            break;
        }
        let next = turn * *tilt;
        // No more than MAX_TILT from the posture.
        let (_, total) = glam::Quat::from_mat3(&next).to_axis_angle();
        if total.to_degrees() > MAX_TILT {
            break;
        }
        *tilt = next;
        p = pose_at(angles, *tilt * base);
    }
    let pts = heights(&p, touch);
    // The lowest contact touches; none goes into its support.
    let dz = pts
        .iter()
        .map(|(q, t)| t - q.z)
        .reduce(f32::max)
        .unwrap_or(0.0);
    shift(&mut p, Vec3::Z * dz);
    p
}

/// The contacts a pose rests on, each with its support's height.
fn touching(posture: Posture, rests: &Rests, s: &Support) -> Vec<Touch> {
    rests
        .contacts
        .iter()
        .map(|c| Touch {
            contact: c.clone(),
            target: target(posture, s, c),
        })
        .collect()
}

fn anchor_xy(p: &Placed, anchor: &[BodyPoint]) -> Vec3 {
    if anchor.is_empty() {
        return Vec3::ZERO;
    }
    let sum: Vec3 = anchor.iter().map(|a| a.world(&p.sk)).sum();
    let c = sum / anchor.len() as f32;
    Vec3::new(c.x, c.y, 0.0)
}

/// A pose on its support, with the anchor at the origin.
fn settle(posture: Posture, angles: &Angles, s: &Support, touch: Option<&[Touch]>) -> Placed {
    let mut tilt = Mat3::IDENTITY;
    settle_from(posture, angles, s, touch, &mut tilt)
}

/// `settle`, starting the search for the tilt from `tilt` (the last one
/// found, along a movement) and leaving the one found there.
fn settle_from(
    posture: Posture,
    angles: &Angles,
    s: &Support,
    touch: Option<&[Touch]>,
    tilt: &mut Mat3,
) -> Placed {
    let own = if touch.is_none() {
        posture_touch(posture, s)
    } else {
        None
    };
    let mut p = match touch.or(own.as_deref()) {
        Some(t) => rest_on(angles, root_rotation(posture, angles), t, tilt),
        None => {
            let mut p = pose_raw(posture, angles);
            let dz = support_drop(posture, &p, s);
            shift(&mut p, Vec3::Z * dz);
            p
        }
    };
    let xy = anchor_xy(&p, &s.anchor);
    shift(&mut p, Vec3::new(-xy.x, -xy.y, 0.0));
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

/// The anchor when a pose rests on named contacts: those both poses rest
/// on, else the end pose's.
fn contact_anchor(start: &[Touch], end: &[Touch]) -> Vec<BodyPoint> {
    let common: Vec<BodyPoint> = end
        .iter()
        .filter(|e| start.iter().any(|s| s.contact.name == e.contact.name))
        .filter_map(|e| e.contact.point)
        .collect();
    if !common.is_empty() {
        return common;
    }
    end.iter().filter_map(|e| e.contact.point).collect()
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
    let start_touch = r
        .start_rests
        .as_ref()
        .map(|x| touching(posture, x, &support));
    let end_touch = r.end_rests.as_ref().map(|x| touching(posture, x, &support));
    // The anchor: named, or the posture's support in the end pose.
    support.anchor = match (r.anchor, &start_touch, &end_touch) {
        (Some(a), _, _) => vec![a],
        (None, Some(s), Some(e)) => contact_anchor(s, e),
        (None, None, Some(e)) => contact_anchor(&[], e),
        _ => {
            let mut e = pose_raw(posture, &r.end);
            let dz = support_drop(posture, &e, &support);
            shift(&mut e, Vec3::Z * dz);
            default_anchor(posture, &e)
        }
    };
    if support.anchor.is_empty() {
        support.anchor = point("pelvis");
    }
    let start = settle(posture, &r.start, &support, start_touch.as_deref());
    let end = settle(posture, &r.end, &support, end_touch.as_deref());
    let moves = r.start != r.end;
    let mut path = Vec::new();
    if let (Some(m), true) = (r.moving, moves) {
        // In between, the pose rests on what both rest on (the foot on
        // the step); with nothing in common (sitting, then standing), the
        // two placings are blended.
        let common: Option<Vec<Touch>> = match (&start_touch, &end_touch) {
            (Some(s), Some(e)) if names(s) == names(e) => Some(s.clone()),
            (Some(s), Some(e)) => {
                let c: Vec<Touch> = e
                    .iter()
                    .filter(|t| s.iter().any(|x| x.contact.name == t.contact.name))
                    .cloned()
                    .collect();
                (!c.is_empty()).then_some(c)
            }
            (None, None) => None,
            _ => None,
        };
        let blend = common.is_none() && names_of(&start_touch) != names_of(&end_touch);
        let (mut tilt_a, mut tilt_b) = (Mat3::IDENTITY, Mat3::IDENTITY);
        for i in 0..=PATH_STEPS {
            let t = i as f32 / PATH_STEPS as f32;
            let p = match i {
                0 => m.world(&start.sk),
                i if i == PATH_STEPS => m.world(&end.sk),
                _ => {
                    let a = r.start.lerp(&r.end, t);
                    if blend {
                        let s = start_touch.as_deref();
                        let e = end_touch.as_deref();
                        let from = settle_from(posture, &a, &support, s, &mut tilt_a);
                        let to = settle_from(posture, &a, &support, e, &mut tilt_b);
                        m.world(&from.sk).lerp(m.world(&to.sk), t)
                    } else {
                        let touch = common.as_deref().or(start_touch.as_deref());
                        let p = settle_from(posture, &a, &support, touch, &mut tilt_a);
                        m.world(&p.sk)
                    }
                }
            };
            path.push(p);
        }
    }
    let props = super::props::build_props(r, &start, &end, &support);
    Scene {
        start,
        end,
        path,
        props,
        floor_top,
        moves,
        start_touch: start_touch.unwrap_or_default(),
        end_touch: end_touch.unwrap_or_default(),
    }
}

fn names(t: &[Touch]) -> Vec<&str> {
    t.iter().map(|x| x.contact.name.as_str()).collect()
}

fn names_of(t: &Option<Vec<Touch>>) -> Option<Vec<&str>> {
    t.as_deref().map(names)
}
