//! The solid shapes of a posed body (spheres and ellipsoids grouped into
//! drawable parts) and the named body points an exercise file can refer to.

use glam::{Mat3, Vec3};

use super::skeleton::{Seg, Side, Skeleton, FOREARM, HAND, SHANK, THIGH, UPPER_ARM};

/// A solid primitive in world coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prim {
    Sphere {
        c: Vec3,
        r: f32,
    },
    /// Columns of `axes` are the three semi-axis vectors.
    Ellipsoid {
        c: Vec3,
        axes: Mat3,
    },
}

impl Prim {
    pub fn centre(&self) -> Vec3 {
        match *self {
            Prim::Sphere { c, .. } | Prim::Ellipsoid { c, .. } => c,
        }
    }

    /// How far the solid reaches along the unit direction `n` from its centre.
    pub fn reach(&self, n: Vec3) -> f32 {
        match *self {
            Prim::Sphere { r, .. } => r,
            Prim::Ellipsoid { axes, .. } => (axes.transpose() * n).length(),
        }
    }

    /// The lowest height (Z) the solid reaches.
    pub fn bottom(&self) -> f32 {
        self.centre().z - self.reach(Vec3::Z)
    }

    pub fn moved(&self, by: Vec3) -> Prim {
        match *self {
            Prim::Sphere { c, r } => Prim::Sphere { c: c + by, r },
            Prim::Ellipsoid { c, axes } => Prim::Ellipsoid { c: c + by, axes },
        }
    }
}

/// What a drawable part is, for colour and order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartId {
    Pelvis,
    Torso,
    Neck,
    Head,
    Hair,
    Nose,
    Ear(Side),
    Eye(Side),
    UpperArm(Side),
    Forearm(Side),
    Hand(Side),
    Thumb(Side),
    Thigh(Side),
    Shank(Side),
    Foot(Side),
    Toes(Side),
}

impl PartId {
    pub fn side(self) -> Option<Side> {
        match self {
            PartId::Ear(d)
            | PartId::Eye(d)
            | PartId::UpperArm(d)
            | PartId::Forearm(d)
            | PartId::Hand(d)
            | PartId::Thumb(d)
            | PartId::Thigh(d)
            | PartId::Shank(d)
            | PartId::Foot(d)
            | PartId::Toes(d) => Some(d),
            _ => None,
        }
    }

    /// Parts of the head, drawn together, ordered among themselves by depth.
    pub fn is_head(self) -> bool {
        matches!(
            self,
            PartId::Head | PartId::Hair | PartId::Nose | PartId::Ear(_) | PartId::Eye(_)
        )
    }
}

#[derive(Debug, Clone)]
pub struct Part {
    pub id: PartId,
    pub prims: Vec<Prim>,
}

fn mirror(d: Side, v: Vec3) -> Vec3 {
    Vec3::new(v.x, v.y * d.sign(), v.z)
}

/// Spheres along a segment from its joint to its end: (fraction, radius).
fn chain(sk: &Skeleton, seg: Seg, end: Vec3, profile: &[(f32, f32)]) -> Vec<Prim> {
    let a = seg.origin();
    profile
        .iter()
        .map(|&(t, r)| Prim::Sphere {
            c: sk.point(seg, a + (end - a) * t),
            r,
        })
        .collect()
}

fn ellipsoid(sk: &Skeleton, seg: Seg, centre: Vec3, semi: Vec3) -> Prim {
    let f = sk.frame(seg);
    Prim::Ellipsoid {
        c: sk.point(seg, centre),
        axes: f.rot * Mat3::from_diagonal(semi),
    }
}

const THIGH_PROFILE: [(f32, f32); 4] = [(0.0, 76.0), (0.3, 68.0), (0.85, 50.0), (1.0, 46.0)];
const SHANK_PROFILE: [(f32, f32); 4] = [(0.0, 46.0), (0.28, 50.0), (0.8, 32.0), (1.0, 29.0)];
const UPPER_ARM_PROFILE: [(f32, f32); 3] = [(0.09, 48.0), (0.4, 42.0), (1.0, 33.0)];
const FOREARM_PROFILE: [(f32, f32); 3] = [(0.0, 33.0), (0.3, 35.0), (1.0, 24.0)];

/// The neutral-pose foot shape relative to the ankle (left foot): ankle,
/// heel, instep and the ball of the foot. The heel is `FOOT_HEEL`.
fn foot_spheres(d: Side) -> [(Vec3, f32); 5] {
    let sole = -super::skeleton::ANKLE_HEIGHT;
    [
        (Vec3::new(0.0, 0.0, 0.0), 31.0),
        (Vec3::new(-42.0, 0.0, sole + 30.0), 30.0),
        (Vec3::new(60.0, 4.0, -22.0), 30.0),
        (Vec3::new(128.0, -22.0, sole + 22.0), 22.0),
        (Vec3::new(118.0, 26.0, sole + 20.0), 20.0),
    ]
    .map(|(v, r)| (mirror(d, v), r))
}

/// Index of the heel among the foot's solids.
pub const FOOT_HEEL: usize = 1;

/// The toes relative to the ankle (left foot), moved by the toes' joint.
fn toe_spheres(d: Side) -> [(Vec3, f32); 3] {
    let sole = -super::skeleton::ANKLE_HEIGHT;
    [
        (Vec3::new(172.0, -18.0, sole + 13.0), 13.0),
        (Vec3::new(163.0, 6.0, sole + 12.0), 12.0),
        (Vec3::new(150.0, 30.0, sole + 11.0), 11.0),
    ]
    .map(|(v, r)| (mirror(d, v), r))
}

/// The hand relative to the wrist (left hand, palm facing -Y, thumb +X).
fn hand_spheres(d: Side) -> [(Vec3, f32); 5] {
    let len = HAND;
    [
        (Vec3::new(0.0, 0.0, -8.0), 26.0),
        (Vec3::new(22.0, 2.0, -0.50 * len), 22.0),
        (Vec3::new(-20.0, 2.0, -0.48 * len), 21.0),
        (Vec3::new(15.0, 0.0, -0.90 * len), 15.0),
        (Vec3::new(-12.0, 0.0, -0.86 * len), 14.0),
    ]
    .map(|(v, r)| (mirror(d, v), r))
}

fn thumb_spheres(d: Side) -> [(Vec3, f32); 2] {
    [
        (Vec3::new(24.0, -6.0, -25.0), 13.0),
        (Vec3::new(46.0, -12.0, -80.0), 9.0),
    ]
    .map(|(v, r)| (mirror(d, v), r))
}

/// Head ellipsoid centre and semi-axes in the head frame (neutral coordinates).
pub fn head_centre() -> Vec3 {
    Seg::Head.origin() + Vec3::new(22.0, 0.0, 51.0)
}
pub const HEAD_SEMI: Vec3 = Vec3::new(96.0, 76.0, 102.0);

/// All drawable parts of a posed body.
pub fn parts(sk: &Skeleton) -> Vec<Part> {
    let mut out = Vec::with_capacity(24);
    // Pelvis: a wide, shallow ellipsoid reaching down to the seat bones,
    // with the tops of the thighs (drawn like shorts, so it reads as one
    // shape that tilts).
    let mut pelvis = vec![ellipsoid(
        sk,
        Seg::Pelvis,
        Vec3::new(-28.0, 0.0, 26.0),
        Vec3::new(110.0, 166.0, 104.0),
    )];
    for d in Side::BOTH {
        let hip = Seg::Thigh(d).origin();
        pelvis.push(Prim::Sphere {
            c: sk.point(Seg::Thigh(d), hip - Vec3::Z * 0.2 * THIGH),
            r: 74.0,
        });
    }
    out.push(Part {
        id: PartId::Pelvis,
        prims: pelvis,
    });
    // Trunk above the pelvis: the abdomen (lumbar), and the chest (thorax)
    // with the shoulders.
    let lumbar = Seg::Lumbar.origin();
    let thorax = Seg::Thorax.origin();
    let abdomen = ellipsoid(
        sk,
        Seg::Lumbar,
        lumbar + Vec3::new(22.0, 0.0, 74.0),
        Vec3::new(96.0, 140.0, 115.0),
    );
    let mut chest = vec![ellipsoid(
        sk,
        Seg::Thorax,
        thorax + Vec3::new(36.0, 0.0, 120.0),
        Vec3::new(108.0, 158.0, 190.0),
    )];
    for d in Side::BOTH {
        chest.push(Prim::Sphere {
            c: sk.joint(Seg::UpperArm(d))
                + sk.dir(Seg::Clavicle(d), Vec3::new(-4.0, -d.sign() * 14.0, -30.0)),
            r: 48.0,
        });
    }
    // One smooth trunk: belly, chest and shoulders in one outline.
    chest.push(abdomen);
    out.push(Part {
        id: PartId::Torso,
        prims: chest,
    });
    out.push(Part {
        id: PartId::Neck,
        prims: chain(
            sk,
            Seg::Neck,
            Seg::Head.origin() + Vec3::new(5.0, 0.0, 10.0),
            &[(0.0, 56.0), (1.0, 48.0)],
        ),
    });
    let hc = head_centre();
    out.push(Part {
        id: PartId::Head,
        // The skull, and the jaw in front and below it (a chin).
        prims: vec![
            ellipsoid(sk, Seg::Head, hc + Vec3::new(-6.0, 0.0, 12.0), HEAD_SEMI),
            ellipsoid(
                sk,
                Seg::Head,
                hc + Vec3::new(36.0, 0.0, -50.0),
                Vec3::new(66.0, 62.0, 58.0),
            ),
        ],
    });
    out.push(Part {
        id: PartId::Hair,
        prims: vec![ellipsoid(
            sk,
            Seg::Head,
            hc + Vec3::new(-32.0, 0.0, 38.0),
            Vec3::new(82.0, 80.0, 86.0),
        )],
    });
    out.push(Part {
        id: PartId::Nose,
        prims: vec![
            Prim::Sphere {
                c: sk.point(Seg::Head, hc + Vec3::new(94.0, 0.0, -4.0)),
                r: 14.0,
            },
            Prim::Sphere {
                c: sk.point(Seg::Head, hc + Vec3::new(110.0, 0.0, -26.0)),
                r: 12.0,
            },
        ],
    });
    for d in Side::BOTH {
        out.push(Part {
            id: PartId::Eye(d),
            prims: vec![Prim::Sphere {
                c: sk.point(Seg::Head, hc + mirror(d, Vec3::new(86.0, 32.0, 14.0))),
                r: 9.0,
            }],
        });
        out.push(Part {
            id: PartId::Ear(d),
            prims: vec![ellipsoid(
                sk,
                Seg::Head,
                hc + mirror(d, Vec3::new(-12.0, 72.0, -10.0)),
                Vec3::new(16.0, 10.0, 26.0),
            )],
        });
    }
    for d in Side::BOTH {
        let shoulder = Seg::UpperArm(d).origin();
        out.push(Part {
            id: PartId::UpperArm(d),
            prims: chain(
                sk,
                Seg::UpperArm(d),
                shoulder - Vec3::Z * UPPER_ARM,
                &UPPER_ARM_PROFILE,
            ),
        });
        let elbow = Seg::Forearm(d).origin();
        out.push(Part {
            id: PartId::Forearm(d),
            prims: chain(
                sk,
                Seg::Forearm(d),
                elbow - Vec3::Z * FOREARM,
                &FOREARM_PROFILE,
            ),
        });
        let wrist = Seg::Hand(d).origin();
        out.push(Part {
            id: PartId::Hand(d),
            prims: hand_spheres(d)
                .iter()
                .map(|&(v, r)| Prim::Sphere {
                    c: sk.point(Seg::Hand(d), wrist + v),
                    r,
                })
                .collect(),
        });
        out.push(Part {
            id: PartId::Thumb(d),
            prims: thumb_spheres(d)
                .iter()
                .map(|&(v, r)| Prim::Sphere {
                    c: sk.point(Seg::Hand(d), wrist + v),
                    r,
                })
                .collect(),
        });
        let hip = Seg::Thigh(d).origin();
        out.push(Part {
            id: PartId::Thigh(d),
            prims: chain(sk, Seg::Thigh(d), hip - Vec3::Z * THIGH, &THIGH_PROFILE),
        });
        let knee = Seg::Shank(d).origin();
        out.push(Part {
            id: PartId::Shank(d),
            prims: chain(sk, Seg::Shank(d), knee - Vec3::Z * SHANK, &SHANK_PROFILE),
        });
        let ankle = Seg::Foot(d).origin();
        out.push(Part {
            id: PartId::Foot(d),
            prims: foot_spheres(d)
                .iter()
                .map(|&(v, r)| Prim::Sphere {
                    c: sk.point(Seg::Foot(d), ankle + v),
                    r,
                })
                .collect(),
        });
        out.push(Part {
            id: PartId::Toes(d),
            prims: toe_spheres(d)
                .iter()
                .map(|&(v, r)| Prim::Sphere {
                    c: sk.point(Seg::Toes(d), ankle + v),
                    r,
                })
                .collect(),
        });
    }
    out
}

/// Parts that can touch what the body rests on (the head's details and the
/// hair never do: the head itself does).
pub fn is_solid(id: PartId) -> bool {
    !matches!(
        id,
        PartId::Hair | PartId::Nose | PartId::Ear(_) | PartId::Eye(_)
    )
}

/// A named point of the body: a segment, a point in its neutral coordinates,
/// and roughly how far the body's surface is from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyPoint {
    pub seg: Seg,
    pub at: Vec3,
    pub radius: f32,
}

impl BodyPoint {
    pub fn world(&self, sk: &Skeleton) -> Vec3 {
        sk.point(self.seg, self.at)
    }
}

/// Names of the body points, in the order the reference lists them.
pub fn point_names() -> Vec<String> {
    let mut v: Vec<String> = [
        "head",
        "nose",
        "chin",
        "neck",
        "chest",
        "upper-back",
        "mid-back",
        "waist",
        "pelvis",
        "pelvis-left",
        "pelvis-right",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for d in Side::BOTH {
        for p in SIDED_POINTS {
            v.push(format!("{}-{}", d.word(), p));
        }
    }
    v
}

pub const SIDED_POINTS: [&str; 17] = [
    "shoulder",
    "elbow",
    "forearm",
    "wrist",
    "hand",
    "fingertips",
    "hip",
    "thigh",
    "above-knee",
    "knee",
    "below-knee",
    "shin",
    "above-ankle",
    "ankle",
    "heel",
    "foot",
    "toes",
];

/// Look a body point up by name.
pub fn body_point(name: &str) -> Option<BodyPoint> {
    let hc = head_centre();
    let centre = |seg: Seg, at: Vec3, radius: f32| Some(BodyPoint { seg, at, radius });
    match name {
        "head" => return centre(Seg::Head, hc, 100.0),
        "nose" => return centre(Seg::Head, hc + Vec3::new(110.0, 0.0, -22.0), 8.0),
        "chin" => return centre(Seg::Head, hc + Vec3::new(70.0, 0.0, -95.0), 15.0),
        "neck" => {
            let a = Seg::Neck.origin();
            return centre(Seg::Neck, a + (Seg::Head.origin() - a) * 0.5, 48.0);
        }
        "chest" => {
            return centre(
                Seg::Thorax,
                Seg::Thorax.origin() + Vec3::new(150.0, 0.0, 170.0),
                10.0,
            )
        }
        "upper-back" => {
            return centre(
                Seg::Thorax,
                Seg::Thorax.origin() + Vec3::new(-65.0, 0.0, 200.0),
                10.0,
            )
        }
        "mid-back" => {
            return centre(
                Seg::Thorax,
                Seg::Thorax.origin() + Vec3::new(-80.0, 0.0, 20.0),
                10.0,
            )
        }
        "waist" => {
            return centre(
                Seg::Lumbar,
                Seg::Lumbar.origin() + Vec3::new(28.0, 0.0, 40.0),
                100.0,
            )
        }
        "pelvis" => return centre(Seg::Pelvis, Vec3::new(-10.0, 0.0, 20.0), 110.0),
        "pelvis-left" => return centre(Seg::Pelvis, Vec3::new(-10.0, 165.0, 70.0), 10.0),
        "pelvis-right" => return centre(Seg::Pelvis, Vec3::new(-10.0, -165.0, 70.0), 10.0),
        _ => {}
    }
    let (side, rest) = if let Some(r) = name.strip_prefix("left-") {
        (Side::Left, r)
    } else if let Some(r) = name.strip_prefix("right-") {
        (Side::Right, r)
    } else {
        return None;
    };
    let d = side;
    let along = |seg: Seg, t: f32, radius: f32| {
        let a = seg.origin();
        let b = super::skeleton::seg_end(seg);
        Some(BodyPoint {
            seg,
            at: a + (b - a) * t,
            radius,
        })
    };
    let foot = Seg::Foot(d).origin();
    let sole = -super::skeleton::ANKLE_HEIGHT;
    match rest {
        "shoulder" => along(Seg::UpperArm(d), 0.0, 50.0),
        "elbow" => along(Seg::Forearm(d), 0.0, 35.0),
        "forearm" => along(Seg::Forearm(d), 0.5, 30.0),
        "wrist" => along(Seg::Hand(d), 0.0, 24.0),
        "hand" => along(Seg::Hand(d), 0.45, 18.0),
        "fingertips" => along(Seg::Hand(d), 1.0, 10.0),
        "hip" => along(Seg::Thigh(d), 0.0, 76.0),
        "thigh" => along(Seg::Thigh(d), 0.5, 62.0),
        "above-knee" => along(Seg::Thigh(d), 0.82, 52.0),
        "knee" => along(Seg::Shank(d), 0.0, 46.0),
        "below-knee" => along(Seg::Shank(d), 0.15, 48.0),
        "shin" => along(Seg::Shank(d), 0.5, 42.0),
        "above-ankle" => along(Seg::Shank(d), 0.85, 30.0),
        "ankle" => along(Seg::Foot(d), 0.0, 31.0),
        "heel" => centre(
            Seg::Foot(d),
            foot + mirror(d, Vec3::new(-50.0, 0.0, sole + 25.0)),
            25.0,
        ),
        "foot" => centre(
            Seg::Foot(d),
            foot + mirror(d, Vec3::new(70.0, 2.0, -30.0)),
            30.0,
        ),
        "toes" => centre(
            Seg::Toes(d),
            foot + mirror(d, Vec3::new(165.0, -5.0, sole + 14.0)),
            14.0,
        ),
        _ => None,
    }
}
