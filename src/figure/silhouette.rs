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
    /// Hair.
    pub accent: Rgb,
    pub line: (Rgb, f32),
    /// Eyes, the nose seen from the front and the waistband.
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
    /// Lines drawn over the fills (the waistband).
    lines: Vec<PathShape>,
}

impl Group {
    pub fn shapes(self, line: (Rgb, f32), cam: &Camera) -> Vec<PathShape> {
        let fills: Vec<Vec<PathCmd>> = self
            .pieces
            .iter()
            .map(|p| outline(p.prims.iter(), cam))
            .collect();
        // The outline pass: one path of every piece's outline (a
        // sub-path each), filled and stroked in the line colour.
        let mut halo: Vec<PathCmd> = Vec::new();
        for (p, fill) in self.pieces.iter().zip(&fills) {
            match p.halo {
                None => {}
                Some(0) => halo.extend_from_slice(fill),
                Some(skip) => halo.extend(outline(p.prims.iter().skip(skip), cam)),
            }
        }
        let mut out: Vec<PathShape> = Vec::with_capacity(self.pieces.len() + 2);
        if !halo.is_empty() {
            out.push(PathShape {
                cmds: halo,
                fill: Some(line.0),
                stroke: Some((line.0, line.1 * 2.0)),
            });
        }
        // The fills, one path for each run of pieces in one colour (their
        // outlines all turn the same way, so they fill as their union).
        for (p, fill) in self.pieces.iter().zip(fills) {
            match out.last_mut() {
                Some(last) if last.fill == Some(p.colour) && last.stroke.is_none() => {
                    last.cmds.extend(fill)
                }
                _ => out.push(filled(fill, p.colour, None)),
            }
        }
        out.extend(self.lines);
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
    // The trunk: neck, chest and shoulders, belly and pelvis in one tone
    // (no dark patch that could read as buttocks from the front), one
    // silhouette with a waist; a waistband shows how the pelvis tilts.
    let torso = part(p, PartId::Torso);
    let pelvis = part(p, PartId::Pelvis);
    let neck = part(p, PartId::Neck);
    out.push(Group {
        id: GroupId::Trunk,
        depth: mean_depth(torso, cam),
        pieces: vec![
            piece(neck, t.near, true, cam),
            piece(torso, t.near, true, cam),
            piece(pelvis, t.near, true, cam),
        ],
        lines: waistband(p, cam, t),
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
                    // Seen from the front the nose is inside the head's
                    // outline: a lighter tone shows it (in profile it
                    // stands out of the outline by itself).
                    PartId::Nose if facing(p, cam) > 0.5 => {
                        (super::mix(t.near, t.eye, 0.45), false)
                    }
                    _ => (t.near, true),
                };
                piece(&h.2.prims, c, halo, cam)
            })
            .collect(),
        lines: Vec::new(),
    });
    for d in Side::BOTH {
        let (leg_far, arm_far) = match d {
            Side::Left => (far[0], far[2]),
            Side::Right => (far[1], far[3]),
        };
        // A leg: the thigh, shin, foot and toes; outlined below the hip so
        // it joins the pelvis without a seam.
        let tone = if leg_far { t.far } else { t.near };
        let thigh = part(p, PartId::Thigh(d));
        let limb = [
            thigh,
            part(p, PartId::Shank(d)),
            part(p, PartId::Foot(d)),
            part(p, PartId::Toes(d)),
        ];
        let all: Vec<Prim> = limb.iter().flat_map(|x| x.iter().copied()).collect();
        let mut pieces = vec![limb_piece(thigh, tone, 1, cam)];
        pieces.extend(limb[1..].iter().map(|x| piece(*x, tone, true, cam)));
        out.push(Group {
            id: GroupId::Leg(d),
            depth: mean_depth(&all, cam) + 60.0,
            pieces,
            lines: Vec::new(),
        });
        // An arm: upper arm, forearm and hand, outlined below the
        // shoulder.
        let tone = if arm_far { t.far } else { t.near };
        let upper = part(p, PartId::UpperArm(d));
        // The hand and thumb as one mitten.
        let hand: Vec<Prim> = [part(p, PartId::Hand(d)), part(p, PartId::Thumb(d))].concat();
        let limb = [upper, part(p, PartId::Forearm(d)), &hand];
        let all: Vec<Prim> = limb.iter().flat_map(|x| x.iter().copied()).collect();
        let mut pieces = vec![limb_piece(upper, tone, 1, cam)];
        pieces.extend(limb[1..].iter().map(|x| piece(*x, tone, true, cam)));
        out.push(Group {
            id: GroupId::Arm(d),
            depth: mean_depth(&all, cam) + 60.0,
            pieces,
            lines: Vec::new(),
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

/// How far each piece of `ghost` is from the same piece of `end` on the
/// page (the most any of its solids moved).
fn moved(ghost: &Group, end: &Group) -> Vec<f32> {
    ghost
        .pieces
        .iter()
        .enumerate()
        .map(|(i, p)| match end.pieces.get(i) {
            Some(e) => p
                .marks
                .iter()
                .zip(&e.marks)
                .map(|(x, y)| (*x - *y).length())
                .fold(0.0, f32::max),
            None => f32::MAX,
        })
        .collect()
}

/// The ghost of a group: the whole group when it moved at least `least`
/// on the page (drawn behind the end pose, which hides it where they
/// coincide), else nothing. Pieces that stayed (within `STILL`) are left
/// out: the end pose covers them exactly, so no offset copy shows beside
/// it like a drop shadow.
pub fn ghost_of(mut ghost: Group, end: &Group, least: f32) -> Option<Group> {
    const STILL: f32 = 0.35;
    let d = moved(&ghost, end);
    if d.iter().copied().fold(0.0, f32::max) < least {
        return None;
    }
    let mut i = 0;
    ghost.pieces.retain(|_| {
        i += 1;
        d[i - 1] >= STILL
    });
    (!ghost.pieces.is_empty()).then_some(ghost)
}

/// How squarely the face looks at the camera (1: straight at it).
fn facing(p: &Placed, cam: &Camera) -> f32 {
    p.sk.dir(Seg::Head, glam::Vec3::X).dot(cam.toward)
}

/// The waistband: the front half (as the camera sees it) of a ring round
/// the top of the pelvis, as a light line over the trunk.
fn waistband(p: &Placed, cam: &Camera, t: &Tones) -> Vec<PathShape> {
    const N: usize = 24;
    let (rx, ry, cx, z) = (104.0, 134.0, -14.0, 96.0);
    let mut runs: Vec<Vec<Vec2>> = vec![Vec::new()];
    let mut first_seen = false;
    for i in 0..=N {
        let a = i as f32 / N as f32 * std::f32::consts::TAU;
        let (c, s) = (a.cos(), a.sin());
        let at = glam::Vec3::new(cx + rx * c, ry * s, z);
        let normal = p.sk.dir(Seg::Pelvis, glam::Vec3::new(c / rx, s / ry, 0.0));
        let run = runs.last_mut().expect("a run");
        if normal.normalize_or_zero().dot(cam.toward) > 0.12 {
            first_seen |= i == 0;
            run.push(cam.screen(p.sk.point(Seg::Pelvis, at)));
        } else if !run.is_empty() {
            runs.push(Vec::new());
        }
    }
    // The ring closes: a run that ends at the last point goes on into the
    // first.
    if first_seen && runs.len() > 1 && runs.last().is_some_and(|r| !r.is_empty()) {
        let first = runs.remove(0);
        if let Some(last) = runs.last_mut() {
            last.extend(first.into_iter().skip(1));
        }
    }
    runs.into_iter()
        .filter(|r| r.len() >= 2)
        .map(|r| PathShape {
            cmds: super::arrow::smooth(&r),
            fill: None,
            stroke: Some((t.eye, t.line.1 * 1.1)),
        })
        .collect()
}
