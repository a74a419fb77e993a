//! The body as a few groups (trunk, head, each arm, each leg), each
//! painted as one silhouette: a light outline pass round its pieces, then
//! their fills, so the joints inside a limb show no seam; the outline of a
//! limb starts below the joint where it meets the trunk. Near and far
//! tones; the ghost of a group keeps only the pieces that moved.

use glam::Vec2;

use super::body::{Part, PartId, Prim};
use super::render::{filled, mean_depth, outline, Camera, SCALE};
use super::scene::Placed;
use super::skeleton::{Seg, Side};
use super::{PathCmd, PathShape, Rgb};

/// Whether a side's limbs are on the far side of the body from the camera.
fn far_sides(p: &Placed, cam: &Camera) -> [bool; 4] {
    let d = |s: Seg| cam.depth(p.sk.joint(s));
    let legs = d(Seg::Thigh(Side::Left)) - d(Seg::Thigh(Side::Right));
    let arms = d(Seg::UpperArm(Side::Left)) - d(Seg::UpperArm(Side::Right));
    let t = 50.0;
    // [left leg, right leg, left arm, right arm]
    [legs < -t, legs > t, arms < -t, arms > t]
}

/// A group of the body drawn as one smooth shape: which group, for
/// matching the ghost with the end pose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupId {
    Trunk,
    Head,
    Arm(Side),
    Leg(Side),
}

/// The colours one pose is drawn in.
pub struct Tones {
    pub near: Rgb,
    pub far: Rgb,
    pub accent: Rgb,
    pub far_accent: Rgb,
    pub line: (Rgb, f32),
    pub eye: Rgb,
}

/// One shape of a group: its solids and colour, whether the group's light
/// outline runs round it (and from which solid on: a limb's outline starts
/// below the joint where it meets the trunk), and where its solids are on
/// the page. The outline is traced only when the piece is painted.
struct Piece {
    prims: Vec<Prim>,
    colour: Rgb,
    halo: Option<usize>,
    marks: Vec<Vec2>,
}

/// A group ready to paint: the outline pass, then the fills.
pub struct Group {
    pub id: GroupId,
    pub depth: f32,
    pieces: Vec<Piece>,
}

impl Group {
    pub fn shapes(self, line: (Rgb, f32), cam: &Camera) -> Vec<PathShape> {
        let fills: Vec<Vec<PathCmd>> = self
            .pieces
            .iter()
            .map(|p| outline(p.prims.iter(), cam))
            .collect();
        let mut out: Vec<PathShape> = Vec::new();
        for (p, fill) in self.pieces.iter().zip(&fills) {
            let halo = match p.halo {
                None => continue,
                Some(0) => fill.clone(),
                Some(skip) => outline(p.prims.iter().skip(skip), cam),
            };
            out.push(PathShape {
                cmds: halo,
                fill: Some(line.0),
                stroke: Some((line.0, line.1 * 2.0)),
            });
        }
        out.extend(
            self.pieces
                .iter()
                .zip(fills)
                .map(|(p, fill)| filled(fill, p.colour, None)),
        );
        out
    }

    /// The box of each piece on the page.
    pub fn piece_bounds(&self, cam: &Camera) -> Vec<(Vec2, Vec2)> {
        self.pieces
            .iter()
            .map(|p| {
                let mut lo = Vec2::splat(f32::MAX);
                let mut hi = Vec2::splat(f32::MIN);
                for q in &p.prims {
                    let c = cam.screen(q.centre());
                    let r = Vec2::new(q.reach(cam.right), q.reach(cam.up)) * SCALE;
                    lo = lo.min(c - r);
                    hi = hi.max(c + r);
                }
                (lo, hi)
            })
            .collect()
    }
}

fn piece<'a>(
    prims: impl IntoIterator<Item = &'a Prim>,
    colour: Rgb,
    halo: bool,
    cam: &Camera,
) -> Piece {
    let prims: Vec<Prim> = prims.into_iter().copied().collect();
    Piece {
        marks: prims.iter().map(|q| cam.screen(q.centre())).collect(),
        prims,
        colour,
        halo: halo.then_some(0),
    }
}

/// A piece whose outline leaves out its first solids (where a limb joins
/// the trunk, so it joins without a seam).
fn limb_piece(prims: &[Prim], colour: Rgb, skip: usize, cam: &Camera) -> Piece {
    let mut p = piece(prims, colour, false, cam);
    p.halo = Some(skip);
    p
}

fn part(p: &Placed, id: PartId) -> &[Prim] {
    p.part(id).map_or(&[], |x| x.prims.as_slice())
}

/// Head parts drawn in this order when their depths tie.
fn head_rank(id: PartId) -> usize {
    match id {
        PartId::Head => 0,
        PartId::Hair => 1,
        PartId::Ear(_) => 2,
        PartId::Nose => 3,
        _ => 4,
    }
}

/// The body's groups for one pose.
pub fn groups(p: &Placed, cam: &Camera, t: &Tones) -> Vec<Group> {
    let far = far_sides(p, cam);
    let mut out = Vec::with_capacity(6);
    // The trunk: neck, chest and shoulders, belly, and the pelvis in a
    // second tone (like shorts): one silhouette with a waist.
    let torso = part(p, PartId::Torso);
    let pelvis = part(p, PartId::Pelvis);
    let neck = part(p, PartId::Neck);
    out.push(Group {
        id: GroupId::Trunk,
        depth: mean_depth(torso, cam),
        pieces: vec![
            piece(neck, t.near, true, cam),
            piece(torso, t.near, true, cam),
            piece(pelvis, t.accent, true, cam),
        ],
    });
    // The head: skull and jaw, hair, ears, nose, eyes on the side facing
    // the camera.
    let head_centre = p.sk.point(Seg::Head, super::body::head_centre());
    let mut head: Vec<(f32, usize, &Part)> = Vec::new();
    for q in &p.parts {
        if !q.id.is_head() {
            continue;
        }
        if let PartId::Eye(_) = q.id {
            let n = (q.prims[0].centre() - head_centre).normalize_or_zero();
            if n.dot(cam.toward) < 0.3 {
                continue;
            }
        }
        head.push((mean_depth(&q.prims, cam), head_rank(q.id), q));
    }
    let head_depth = head
        .iter()
        .find(|h| h.2.id == PartId::Head)
        .map_or(0.0, |h| h.0);
    head.sort_by(|a, b| {
        let q = |d: f32| ((d - head_depth) / 8.0).round();
        q(a.0).total_cmp(&q(b.0)).then(a.1.cmp(&b.1))
    });
    out.push(Group {
        id: GroupId::Head,
        depth: head_depth,
        pieces: head
            .iter()
            .map(|h| {
                let (c, halo) = match h.2.id {
                    PartId::Hair => (t.accent, true),
                    PartId::Ear(_) => (super::mix(t.near, t.accent, 0.6), false),
                    PartId::Eye(_) => (t.eye, false),
                    PartId::Nose => (t.near, true),
                    _ => (t.near, true),
                };
                piece(&h.2.prims, c, halo, cam)
            })
            .collect(),
    });
    for d in Side::BOTH {
        let (leg_far, arm_far) = match d {
            Side::Left => (far[0], far[2]),
            Side::Right => (far[1], far[3]),
        };
        // A leg: the thigh (its top in the pelvis's tone, like shorts),
        // shin, foot and toes; outlined below the hip so it joins the
        // pelvis without a seam.
        let tone = if leg_far { t.far } else { t.near };
        let accent = if leg_far { t.far_accent } else { t.accent };
        let thigh = part(p, PartId::Thigh(d));
        let limb = [
            thigh,
            part(p, PartId::Shank(d)),
            part(p, PartId::Foot(d)),
            part(p, PartId::Toes(d)),
        ];
        let all: Vec<Prim> = limb.iter().flat_map(|x| x.iter().copied()).collect();
        // The shorts' leg: the top of the thigh, to just over half way to
        // the thigh's second solid.
        let shorts: Vec<Prim> = match thigh {
            [Prim::Sphere { c: a, r: ra }, Prim::Sphere { c: b, r: rb }, ..] => vec![
                thigh[0],
                Prim::Sphere {
                    c: a.lerp(*b, 0.57),
                    r: ra + (rb - ra) * 0.57,
                },
            ],
            _ => thigh.iter().take(1).copied().collect(),
        };
        let mut pieces = vec![
            limb_piece(thigh, tone, 1, cam),
            piece(&shorts, accent, false, cam),
        ];
        pieces.extend(limb[1..].iter().map(|x| piece(*x, tone, true, cam)));
        out.push(Group {
            id: GroupId::Leg(d),
            depth: mean_depth(&all, cam) + 60.0,
            pieces,
        });
        // An arm: upper arm, forearm, hand and thumb, outlined below the
        // shoulder.
        let tone = if arm_far { t.far } else { t.near };
        let upper = part(p, PartId::UpperArm(d));
        let limb = [
            upper,
            part(p, PartId::Forearm(d)),
            part(p, PartId::Hand(d)),
            part(p, PartId::Thumb(d)),
        ];
        let all: Vec<Prim> = limb.iter().flat_map(|x| x.iter().copied()).collect();
        let mut pieces = vec![limb_piece(upper, tone, 1, cam)];
        pieces.extend(limb[1..].iter().map(|x| piece(*x, tone, true, cam)));
        out.push(Group {
            id: GroupId::Arm(d),
            depth: mean_depth(&all, cam) + 60.0,
            pieces,
        });
    }
    out
}

/// The group a body point belongs to.
pub fn group_of(seg: Seg) -> GroupId {
    match seg {
        Seg::Thigh(d) | Seg::Shank(d) | Seg::Foot(d) | Seg::Toes(d) => GroupId::Leg(d),
        Seg::Clavicle(d) | Seg::UpperArm(d) | Seg::Forearm(d) | Seg::Hand(d) => GroupId::Arm(d),
        Seg::Neck | Seg::Head => GroupId::Head,
        _ => GroupId::Trunk,
    }
}

/// The ghost of a group: only the pieces that moved on the page.
pub fn moved_pieces(mut ghost: Group, end: &Group, least: f32) -> Option<Group> {
    let mut keep = Vec::new();
    for (i, p) in ghost.pieces.drain(..).enumerate() {
        let Some(e) = end.pieces.get(i) else { continue };
        let d = p
            .marks
            .iter()
            .zip(&e.marks)
            .map(|(x, y)| (*x - *y).length())
            .fold(0.0, f32::max);
        if d >= least {
            keep.push(p);
        }
    }
    ghost.pieces = keep;
    (!ghost.pieces.is_empty()).then_some(ghost)
}
