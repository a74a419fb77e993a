//! The kinds of joint and their degrees of freedom, each with its normal
//! adult active range (American Academy of Orthopaedic Surgeons, *Joint
//! Motion: Method of Measuring and Recording*, 1965; Greene & Heckman 1994),
//! rounded to 5 degrees, and what an author is told outside it.

use glam::Vec3;

use super::skeleton::{Joint, Side};

/// One degree of freedom of a joint: a rotation about `axis` (in the parent
/// frame, for the left side; mirrored for the right), named by the direction
/// of a positive and of a negative angle.
#[derive(Debug, Clone, Copy)]
pub struct Dof {
    pub positive: &'static str,
    pub negative: &'static str,
    /// Range of the signed angle (positive direction), degrees.
    pub min: f32,
    pub max: f32,
    pub axis: Vec3,
    /// What the author is told when the angle is below `min` / above `max`.
    pub below: &'static str,
    pub above: &'static str,
}

/// A kind of joint (`hip`), with its degrees of freedom in the order they are
/// applied.
#[derive(Debug, Clone, Copy)]
pub struct JointKind {
    pub name: &'static str,
    pub sided: bool,
    /// The plural used to set both sides at once (`hips`).
    pub both: &'static str,
    pub dofs: &'static [Dof],
}

const fn dof(
    positive: &'static str,
    negative: &'static str,
    min: f32,
    max: f32,
    axis: Vec3,
) -> Dof {
    Dof {
        positive,
        negative,
        min,
        max,
        axis,
        below: "",
        above: "",
    }
}

const X: Vec3 = Vec3::X;
const Y: Vec3 = Vec3::Y;
const Z: Vec3 = Vec3::Z;
const NX: Vec3 = Vec3::NEG_X;
const NY: Vec3 = Vec3::NEG_Y;
const NZ: Vec3 = Vec3::NEG_Z;

pub const PELVIS: JointKind = JointKind {
    name: "pelvis",
    sided: false,
    both: "",
    dofs: &[
        dof("turn-left", "turn-right", -90.0, 90.0, Z),
        dof("tilt-forward", "tilt-back", -30.0, 100.0, Y),
        dof("hike-left", "hike-right", -25.0, 25.0, X),
    ],
};

pub const SPINE: JointKind = JointKind {
    name: "spine",
    sided: false,
    both: "",
    dofs: &[
        Dof {
            below: "the spine extends (arches back) about 30 degrees at most",
            above: "the spine (lower and upper back together) flexes about 90 degrees at most",
            ..dof("flexion", "extension", -30.0, 90.0, Y)
        },
        dof("side-bend-left", "side-bend-right", -35.0, 35.0, NX),
        dof("rotation-left", "rotation-right", -45.0, 45.0, Z),
    ],
};

pub const NECK: JointKind = JointKind {
    name: "neck",
    sided: false,
    both: "",
    dofs: &[
        dof("flexion", "extension", -70.0, 50.0, Y),
        dof("side-bend-left", "side-bend-right", -45.0, 45.0, NX),
        dof("rotation-left", "rotation-right", -80.0, 80.0, Z),
        // The head drawn straight back (a chin tuck) or pushed forward: the
        // lower neck tilts back by this angle under a level head.
        Dof {
            above: "a chin tuck tilts the lower neck back about 30 degrees at most",
            below: "the head pushes forward about 30 degrees (of lower-neck tilt) at most",
            ..dof("retraction", "protraction", -30.0, 30.0, Y)
        },
    ],
};

pub const SHOULDER: JointKind = JointKind {
    name: "shoulder",
    sided: true,
    both: "shoulders",
    dofs: &[
        dof("flexion", "extension", -60.0, 180.0, NY),
        dof("abduction", "adduction", -30.0, 180.0, X),
        dof("external-rotation", "internal-rotation", -70.0, 90.0, Z),
        // The shoulder girdle (collarbone and shoulder blade).
        dof("elevation", "depression", -10.0, 40.0, X),
        dof("protraction", "retraction", -25.0, 25.0, NZ),
    ],
};

pub const ELBOW: JointKind = JointKind {
    name: "elbow",
    sided: true,
    both: "elbows",
    dofs: &[
        Dof {
            below: "an elbow cannot bend backwards; 0 is straight",
            ..dof("flexion", "extension", -5.0, 150.0, NY)
        },
        dof("supination", "pronation", -80.0, 80.0, Z),
    ],
};

pub const WRIST: JointKind = JointKind {
    name: "wrist",
    sided: true,
    both: "wrists",
    dofs: &[
        dof("flexion", "extension", -70.0, 80.0, NX),
        dof("radial-deviation", "ulnar-deviation", -30.0, 20.0, NY),
    ],
};

pub const HIP: JointKind = JointKind {
    name: "hip",
    sided: true,
    both: "hips",
    dofs: &[
        dof("flexion", "extension", -30.0, 125.0, NY),
        dof("abduction", "adduction", -30.0, 45.0, X),
        dof("external-rotation", "internal-rotation", -45.0, 45.0, Z),
    ],
};

pub const KNEE: JointKind = JointKind {
    name: "knee",
    sided: true,
    both: "knees",
    dofs: &[Dof {
        below: "a knee cannot bend backwards; 0 is straight",
        ..dof("flexion", "extension", -5.0, 150.0, Y)
    }],
};

pub const ANKLE: JointKind = JointKind {
    name: "ankle",
    sided: true,
    both: "ankles",
    dofs: &[
        dof("dorsiflexion", "plantar-flexion", -50.0, 20.0, NY),
        dof("inversion", "eversion", -15.0, 35.0, NX),
    ],
};

pub const TOES: JointKind = JointKind {
    name: "toes",
    sided: true,
    both: "toes",
    dofs: &[Dof {
        above: "toes curl (flex) about 45 degrees at most",
        below: "toes lift (extend) about 70 degrees at most",
        ..dof("flexion", "extension", -70.0, 45.0, Y)
    }],
};

pub const KINDS: [JointKind; 10] = [
    PELVIS, SPINE, NECK, SHOULDER, ELBOW, WRIST, HIP, KNEE, ANKLE, TOES,
];

/// The joints a name in a pose table sets: `left-hip`, `hips`, `spine`.
pub fn joints_named(name: &str) -> Option<Vec<Joint>> {
    for k in KINDS.iter() {
        if !k.sided && k.name == name {
            return Joint::with_side(k, None).map(|j| vec![j]);
        }
        if k.sided {
            if k.both == name {
                return Some(
                    Side::BOTH
                        .iter()
                        .filter_map(|d| Joint::with_side(k, Some(*d)))
                        .collect(),
                );
            }
            for d in Side::BOTH {
                if name == format!("{}-{}", d.word(), k.name) {
                    return Joint::with_side(k, Some(d)).map(|j| vec![j]);
                }
            }
        }
    }
    None
}

/// Every name a pose table accepts besides `posture`.
pub fn joint_names() -> Vec<String> {
    let mut v = Vec::new();
    for k in KINDS.iter() {
        if k.sided {
            v.push(format!("left-{}", k.name));
            v.push(format!("right-{}", k.name));
            v.push(k.both.to_string());
        } else {
            v.push(k.name.to_string());
        }
    }
    v
}

/// The degree of freedom a key names, and +1 or -1 for its direction.
pub fn dof_index(kind: &JointKind, key: &str) -> Option<(usize, f32)> {
    kind.dofs.iter().enumerate().find_map(|(i, d)| {
        if d.positive == key {
            Some((i, 1.0))
        } else if d.negative == key {
            Some((i, -1.0))
        } else {
            None
        }
    })
}
