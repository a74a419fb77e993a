//! Collision checks: a posed, settled body must not pass through the floor
//! or a hard prop (step, chair, table, wall).

use std::ops::Range;

use glam::Vec3;

use super::body::{self, PartId, Prim};
use super::contact;
use super::resolve::Resolved;
use super::scene::{Placed, PropKind, Scene, Shape, Touch};
use super::skeleton::{Joint, Side};
use super::spec::FigureSpec;
use super::Problem;

/// How far a body may sink into the floor or a prop before it is a mistake.
const TOLERANCE: f32 = 12.0;

fn part_name(id: PartId) -> String {
    let s = |d: Side, w: &str| format!("{} {w}", d.word());
    match id {
        PartId::Pelvis => "pelvis".into(),
        PartId::Torso => "trunk".into(),
        PartId::Neck => "neck".into(),
        PartId::Head | PartId::Hair | PartId::Nose | PartId::Ear(_) | PartId::Eye(_) => {
            "head".into()
        }
        PartId::UpperArm(d) => s(d, "upper arm"),
        PartId::Forearm(d) => s(d, "forearm"),
        PartId::Hand(d) | PartId::Thumb(d) => s(d, "hand"),
        PartId::Thigh(d) => s(d, "thigh"),
        PartId::Shank(d) => s(d, "lower leg"),
        PartId::Foot(d) => s(d, "foot"),
        PartId::Toes(d) => s(d, "toes"),
    }
}

/// The joints that place a part, nearest first.
fn chain(id: PartId) -> Vec<Joint> {
    use Joint::*;
    match id {
        PartId::Toes(d) => vec![Toes(d), Ankle(d), Knee(d), Hip(d), Pelvis],
        PartId::Foot(d) => vec![Ankle(d), Knee(d), Hip(d), Pelvis],
        PartId::Shank(d) => vec![Knee(d), Hip(d), Pelvis],
        PartId::Thigh(d) => vec![Hip(d), Pelvis],
        PartId::Hand(d) | PartId::Thumb(d) => vec![Wrist(d), Elbow(d), Shoulder(d), Spine, Pelvis],
        PartId::Forearm(d) => vec![Elbow(d), Shoulder(d), Spine, Pelvis],
        PartId::UpperArm(d) => vec![Shoulder(d), Spine, Pelvis],
        PartId::Head
        | PartId::Hair
        | PartId::Nose
        | PartId::Ear(_)
        | PartId::Eye(_)
        | PartId::Neck => {
            vec![Neck, Spine, Pelvis]
        }
        PartId::Torso => vec![Spine, Pelvis],
        PartId::Pelvis => vec![Pelvis],
    }
}

fn blame(r: &Resolved, id: PartId, end: bool) -> Option<Range<usize>> {
    let lists = if end {
        vec![&r.blame.end, &r.blame.start]
    } else {
        vec![&r.blame.start]
    };
    for list in lists {
        for j in chain(id) {
            if let Some((_, s)) = list.iter().rev().find(|(jj, _)| *jj == j) {
                return Some(s.clone());
            }
        }
    }
    r.blame.posture.clone()
}

/// How deep a solid sinks into a box (0 if it does not touch it).
fn box_depth(prim: &Prim, c: Vec3, half: &glam::Mat3) -> f32 {
    let (pc, r) = match *prim {
        Prim::Sphere { c, r } => (c, r),
        Prim::Ellipsoid { c, axes } => (
            c,
            axes.col(0)
                .length()
                .min(axes.col(1).length())
                .min(axes.col(2).length()),
        ),
    };
    // In the box's own axes.
    let mut outside = 0.0f32;
    let mut inside = f32::MAX;
    for i in 0..3 {
        let a = half.col(i);
        let len = a.length().max(1e-6);
        let d = (pc - c).dot(a / len);
        let excess = d.abs() - len;
        if excess > 0.0 {
            outside += excess * excess;
        }
        inside = inside.min(-excess);
    }
    if outside > 0.0 {
        (r - outside.sqrt()).max(0.0)
    } else {
        r + inside
    }
}

fn check(placed: &Placed, end: bool, scene: &Scene, r: &Resolved, out: &mut Vec<Problem>) {
    let which = if end { "end" } else { "start" };
    let mut reported: Vec<String> = Vec::new();
    for part in placed.parts.iter().filter(|p| body::is_solid(p.id)) {
        let name = part_name(part.id);
        if reported.contains(&name) {
            continue;
        }
        let sink = part
            .prims
            .iter()
            .map(|p| scene.floor_top - p.bottom())
            .fold(0.0f32, f32::max);
        if sink > TOLERANCE {
            reported.push(name.clone());
            out.push(Problem {
                message: format!(
                    "the {name} goes {:.0} mm through the floor in the {which} pose",
                    sink
                ),
                hint: Some(format!(
                    "change the angles that place the {name} so it stays above the floor"
                )),
                span: blame(r, part.id, end),
            });
            continue;
        }
        for s in scene.props.iter().filter(|s| s.hard && !s.ghost) {
            let Shape::Box { c, half } = &s.shape else {
                continue;
            };
            let sink = part
                .prims
                .iter()
                .map(|p| box_depth(p, *c, half))
                .fold(0.0f32, f32::max);
            if sink > TOLERANCE * 2.0 {
                let what = match s.kind {
                    PropKind::Chair => "chair",
                    PropKind::Step => "step",
                    PropKind::Wall => "wall",
                    PropKind::Door => "door",
                    PropKind::Table => "table",
                    _ => "prop",
                };
                reported.push(name.clone());
                out.push(Problem {
                    message: format!(
                        "the {name} goes {:.0} mm into the {what} in the {which} pose",
                        sink
                    ),
                    hint: Some(format!(
                        "change the angles that place the {name}, or place the {what} elsewhere"
                    )),
                    span: blame(r, part.id, end),
                });
                break;
            }
        }
    }
}

/// Every contact `rests-on` names must touch its support: the body is
/// tilted as a whole to bring them down, which cannot always reach them all.
fn resting(
    placed: &Placed,
    touch: &[Touch],
    which: &str,
    span: Option<Range<usize>>,
    out: &mut Vec<Problem>,
) {
    for t in touch {
        let Some(q) = contact::lowest(&placed.parts, &placed.sk, &t.contact) else {
            continue;
        };
        let gap = q.z - t.target;
        if gap > TOLERANCE {
            out.push(Problem {
                message: format!(
                    "the {which} pose does not rest on `{}`: it stays {gap:.0} mm above its support",
                    t.contact.name
                ),
                hint: Some(
                    "the body is tilted as a whole to rest on every place named; change the angles so they can all touch (or name fewer)"
                        .into(),
                ),
                span: span.clone(),
            });
        }
    }
}

/// A posture that rests on several places (hands and knees) must touch
/// each: the lowest of each group reaches the floor.
fn posture_rests(placed: &Placed, r: &Resolved, floor: f32, which: &str, out: &mut Vec<Problem>) {
    for group in r.posture.rests_on_groups() {
        let low = group
            .iter()
            .filter_map(|n| contact::contacts_named(n))
            .flatten()
            .filter_map(|c| contact::lowest(&placed.parts, &placed.sk, &c))
            .map(|q| q.z)
            .reduce(f32::min);
        let Some(low) = low else { continue };
        let gap = low - floor;
        if gap > TOLERANCE {
            let what = group
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            out.push(Problem {
                message: format!(
                    "the {which} pose does not rest on {what}: it stays {gap:.0} mm above the floor"
                ),
                hint: Some(
                    "the posture rests on these; change the angles that place them (shoulders and elbows for the hands, hips and knees for the knees)"
                        .into(),
                ),
                span: r.blame.posture.clone(),
            });
        }
    }
}

pub fn collisions(scene: &Scene, r: &Resolved, spec: &FigureSpec) -> Vec<Problem> {
    let mut out = Vec::new();
    check(&scene.start, false, scene, r, &mut out);
    if scene.moves {
        check(&scene.end, true, scene, r, &mut out);
    }
    let span = |p: Option<&toml::Spanned<super::spec::PoseSpec>>| {
        p.and_then(|p| p.get_ref().rests_on.as_ref())
            .map(|r| r.span())
    };
    if scene.start_touch.is_empty() {
        posture_rests(&scene.start, r, scene.floor_top, "start", &mut out);
    }
    if scene.moves && scene.end_touch.is_empty() {
        posture_rests(&scene.end, r, scene.floor_top, "end", &mut out);
    }
    let start_span = span(Some(&spec.start));
    resting(
        &scene.start,
        &scene.start_touch,
        "start",
        start_span.clone(),
        &mut out,
    );
    if scene.moves {
        let end_span = span(spec.end.as_ref()).or(start_span);
        resting(&scene.end, &scene.end_touch, "end", end_span, &mut out);
    }
    if let (Some(m), true) = (&spec.moving, scene.moves) {
        let moved = match (scene.path.first(), scene.path.last()) {
            (Some(a), Some(b)) => (*b - *a).length(),
            _ => 0.0,
        };
        if moved < 10.0 {
            let span = m.span();
            out.push(Problem {
                message: format!(
                    "`{}` hardly moves between the start and end pose ({moved:.0} mm)",
                    m.get_ref()
                ),
                hint: Some(
                    "name the body point that moves most, like the knee or foot of the moving leg"
                        .into(),
                ),
                span: Some(span),
            });
        }
    }
    out
}
