//! What a pose rests on: the names `rests-on` takes (`shoulders`,
//! `left-foot`, `knees`...), the solids each name stands for, and where a
//! contact touches its support.

use glam::Vec3;

use super::body::{self, BodyPoint, Part, PartId, Prim};
use super::skeleton::Side;

/// Which of a part's solids touch (all, or some by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    All,
    Only(&'static [usize]),
}

/// One place a pose rests on: the solids that touch the support, and the
/// body point that names it (for the anchor and for messages).
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub name: String,
    pub parts: Vec<(PartId, Sel)>,
    /// For a body point with no solids of its own: a ball of its radius.
    pub ball: Option<BodyPoint>,
    /// Where the contact is, for keeping it in place between the poses.
    pub point: Option<BodyPoint>,
}

// Solids by index, as `body::parts` builds them.
const TORSO_CHEST: &[usize] = &[0];
const TORSO_SHOULDERS: &[usize] = &[0, 1, 2];
const TORSO_WAIST: &[usize] = &[3];
const LEFT: &[usize] = &[1];
const RIGHT: &[usize] = &[2];
const FIRST: &[usize] = &[0];
const KNEE: &[usize] = &[0, 1];
const ELBOW_END: &[usize] = &[2];
const HEEL: &[usize] = &[body::FOOT_HEEL];
const FINGERTIPS: &[usize] = &[3, 4];

/// Names for both sides at once, and the one-side name each stands for.
const PLURALS: [(&str, &str); 10] = [
    ("feet", "foot"),
    ("heels", "heel"),
    ("toes", "toes"),
    ("knees", "knee"),
    ("shins", "shin"),
    ("thighs", "thigh"),
    ("hands", "hand"),
    ("fingertips", "fingertips"),
    ("forearms", "forearm"),
    ("elbows", "elbow"),
];

/// Names that are not body points.
const AREAS: [(&str, &str); 5] = [
    ("shoulders", "upper-back"),
    ("upper-back", "upper-back"),
    ("back", "waist"),
    ("trunk", "waist"),
    ("buttocks", "pelvis"),
];

fn sided(rest: &str, d: Side) -> Option<Vec<(PartId, Sel)>> {
    let side = |l: &'static [usize], r: &'static [usize]| if d == Side::Left { l } else { r };
    Some(match rest {
        "foot" => vec![(PartId::Foot(d), Sel::All), (PartId::Toes(d), Sel::All)],
        "heel" => vec![(PartId::Foot(d), Sel::Only(HEEL))],
        "toes" => vec![(PartId::Toes(d), Sel::All)],
        "knee" | "below-knee" => vec![(PartId::Shank(d), Sel::Only(KNEE))],
        "shin" => vec![(PartId::Shank(d), Sel::All)],
        "thigh" => vec![(PartId::Thigh(d), Sel::All)],
        "hand" => vec![(PartId::Hand(d), Sel::All), (PartId::Thumb(d), Sel::All)],
        "fingertips" => vec![(PartId::Hand(d), Sel::Only(FINGERTIPS))],
        "forearm" => vec![(PartId::Forearm(d), Sel::All)],
        "elbow" => vec![
            (PartId::Forearm(d), Sel::Only(FIRST)),
            (PartId::UpperArm(d), Sel::Only(ELBOW_END)),
        ],
        "shoulder" => vec![
            (PartId::Torso, Sel::Only(side(LEFT, RIGHT))),
            (PartId::UpperArm(d), Sel::Only(FIRST)),
        ],
        "hip" => vec![(PartId::Pelvis, Sel::Only(side(LEFT, RIGHT)))],
        _ => return None,
    })
}

fn unsided(name: &str) -> Option<Vec<(PartId, Sel)>> {
    Some(match name {
        "head" => vec![(PartId::Head, Sel::All)],
        "shoulders" | "upper-back" => vec![
            (PartId::Torso, Sel::Only(TORSO_SHOULDERS)),
            (PartId::Neck, Sel::Only(FIRST)),
        ],
        "chest" => vec![(PartId::Torso, Sel::Only(TORSO_CHEST))],
        "waist" => vec![(PartId::Torso, Sel::Only(TORSO_WAIST))],
        "back" | "trunk" => vec![(PartId::Torso, Sel::All), (PartId::Pelvis, Sel::All)],
        "pelvis" | "buttocks" => vec![(PartId::Pelvis, Sel::All)],
        _ => return None,
    })
}

fn one(name: &str) -> Option<Contact> {
    let point_name = AREAS.iter().find(|a| a.0 == name).map_or(name, |a| a.1);
    let point = body::body_point(point_name);
    let parts = if let Some(r) = name.strip_prefix("left-") {
        sided(r, Side::Left)
    } else if let Some(r) = name.strip_prefix("right-") {
        sided(r, Side::Right)
    } else {
        unsided(name)
    };
    match parts {
        Some(parts) => Some(Contact {
            name: name.to_string(),
            parts,
            ball: None,
            point,
        }),
        // Any other body point: a ball of its radius.
        None => point.map(|p| Contact {
            name: name.to_string(),
            parts: Vec::new(),
            ball: Some(p),
            point: Some(p),
        }),
    }
}

/// The contacts a `rests-on` name stands for: two for a plural (`feet`),
/// one otherwise; `None` for an unknown name.
pub fn contacts_named(name: &str) -> Option<Vec<Contact>> {
    if let Some((_, single)) = PLURALS.iter().find(|p| p.0 == name) {
        return Side::BOTH
            .iter()
            .map(|d| one(&format!("{}-{single}", d.word())))
            .collect();
    }
    one(name).map(|c| vec![c])
}

/// Every name `rests-on` takes, for hints.
pub fn contact_names() -> Vec<String> {
    let mut v: Vec<String> = PLURALS.iter().map(|p| p.0.to_string()).collect();
    v.extend(AREAS.iter().map(|a| a.0.to_string()));
    v.extend(body::point_names());
    v
}

/// The lowest point of a solid.
pub fn bottom_point(p: &Prim) -> Vec3 {
    match *p {
        Prim::Sphere { c, r } => c - Vec3::Z * r,
        Prim::Ellipsoid { c, axes } => {
            let m = axes.transpose() * Vec3::Z;
            let len = m.length().max(1e-6);
            c - axes * (m / len)
        }
    }
}

/// Where a contact touches a support below it: its lowest height, and the
/// middle of the solids that come within 3 mm of it.
pub fn lowest(parts: &[Part], sk: &super::skeleton::Skeleton, c: &Contact) -> Option<Vec3> {
    let mut pts: Vec<Vec3> = Vec::new();
    if let Some(bp) = c.ball {
        pts.push(bp.world(sk) - Vec3::Z * bp.radius);
    }
    for (id, sel) in &c.parts {
        let Some(part) = parts.iter().find(|p| p.id == *id) else {
            continue;
        };
        match sel {
            Sel::All => pts.extend(part.prims.iter().map(bottom_point)),
            Sel::Only(ix) => pts.extend(
                ix.iter()
                    .filter_map(|&i| part.prims.get(i))
                    .map(bottom_point),
            ),
        }
    }
    let low = pts.iter().map(|p| p.z).reduce(f32::min)?;
    let near: Vec<&Vec3> = pts.iter().filter(|p| p.z <= low + 3.0).collect();
    let n = near.len() as f32;
    let sum: Vec3 = near.into_iter().copied().sum();
    Some(Vec3::new(sum.x / n, sum.y / n, low))
}
