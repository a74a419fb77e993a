//! The body: segments, joints with their ranges, forward kinematics and the
//! solid shapes (spheres and ellipsoids) each segment is drawn with.
//!
//! Frames: X forward (the way a standing person faces), Y to the person's
//! left, Z up; millimetres. The root is the pelvis, its origin midway between
//! the hip joint centres. Every segment frame is aligned with the root frame in
//! the neutral standing pose (arms hanging, palms facing the thighs).
//!
//! Proportions are fractions of standing height H from Winter, *Biomechanics
//! and Motor Control of Human Movement* (4th ed., 2009, fig. 4.1, after
//! Drillis & Contini 1966): hip joint 0.530 H, knee 0.285 H, ankle 0.039 H,
//! shoulder 0.818 H, chin 0.870 H; upper arm 0.186 H, forearm 0.146 H, hand
//! 0.108 H, foot length 0.152 H, foot width 0.055 H, shoulder width 0.259 H,
//! hip width 0.191 H. Girths are rounded adult values (slim, so limbs stay
//! apart in a small picture).
//!
//! Joint ranges are normal adult active ranges of motion (American Academy of
//! Orthopaedic Surgeons, *Joint Motion: Method of Measuring and Recording*,
//! 1965; Greene & Heckman 1994), rounded to 5 degrees.

use glam::{Mat3, Vec3};

/// Standing height of the figure, mm.
pub const HEIGHT: f32 = 1700.0;
const H: f32 = HEIGHT;

/// Height of the hip joint centres above the soles when standing.
pub const HIP_HEIGHT: f32 = 0.530 * H;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];
    pub fn word(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
    /// +1 for left, -1 for right: the sign of the lateral (Y) axis.
    pub fn sign(self) -> f32 {
        match self {
            Side::Left => 1.0,
            Side::Right => -1.0,
        }
    }
}

/// A rigid body segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seg {
    Pelvis,
    Lumbar,
    Thorax,
    Neck,
    Head,
    Clavicle(Side),
    UpperArm(Side),
    Forearm(Side),
    Hand(Side),
    Thigh(Side),
    Shank(Side),
    Foot(Side),
    Toes(Side),
}

pub const SEG_COUNT: usize = 21;

impl Seg {
    pub fn index(self) -> usize {
        let s = |side: Side, i: usize| i + if side == Side::Left { 0 } else { 1 };
        match self {
            Seg::Pelvis => 0,
            Seg::Lumbar => 1,
            Seg::Thorax => 2,
            Seg::Neck => 3,
            Seg::Head => 4,
            Seg::Clavicle(d) => s(d, 5),
            Seg::UpperArm(d) => s(d, 7),
            Seg::Forearm(d) => s(d, 9),
            Seg::Hand(d) => s(d, 11),
            Seg::Thigh(d) => s(d, 13),
            Seg::Shank(d) => s(d, 15),
            Seg::Foot(d) => s(d, 17),
            Seg::Toes(d) => s(d, 19),
        }
    }

    /// Segments in an order where every parent comes before its children.
    pub fn all() -> [Seg; SEG_COUNT] {
        use Side::*;
        [
            Seg::Pelvis,
            Seg::Lumbar,
            Seg::Thorax,
            Seg::Neck,
            Seg::Head,
            Seg::Clavicle(Left),
            Seg::Clavicle(Right),
            Seg::UpperArm(Left),
            Seg::UpperArm(Right),
            Seg::Forearm(Left),
            Seg::Forearm(Right),
            Seg::Hand(Left),
            Seg::Hand(Right),
            Seg::Thigh(Left),
            Seg::Thigh(Right),
            Seg::Shank(Left),
            Seg::Shank(Right),
            Seg::Foot(Left),
            Seg::Foot(Right),
            Seg::Toes(Left),
            Seg::Toes(Right),
        ]
    }

    pub fn parent(self) -> Option<Seg> {
        Some(match self {
            Seg::Pelvis => return None,
            Seg::Lumbar => Seg::Pelvis,
            Seg::Thorax => Seg::Lumbar,
            Seg::Neck => Seg::Thorax,
            Seg::Head => Seg::Neck,
            Seg::Clavicle(_) => Seg::Thorax,
            Seg::UpperArm(d) => Seg::Clavicle(d),
            Seg::Forearm(d) => Seg::UpperArm(d),
            Seg::Hand(d) => Seg::Forearm(d),
            Seg::Thigh(_) => Seg::Pelvis,
            Seg::Shank(d) => Seg::Thigh(d),
            Seg::Foot(d) => Seg::Shank(d),
            Seg::Toes(d) => Seg::Foot(d),
        })
    }

    pub fn side(self) -> Option<Side> {
        match self {
            Seg::Clavicle(d)
            | Seg::UpperArm(d)
            | Seg::Forearm(d)
            | Seg::Hand(d)
            | Seg::Thigh(d)
            | Seg::Shank(d)
            | Seg::Foot(d)
            | Seg::Toes(d) => Some(d),
            _ => None,
        }
    }

    /// The segment's origin (its proximal joint) in the neutral pose, relative
    /// to the pelvis origin.
    pub fn origin(self) -> Vec3 {
        let m = |d: Side, v: Vec3| Vec3::new(v.x, v.y * d.sign(), v.z);
        match self {
            Seg::Pelvis => Vec3::ZERO,
            Seg::Lumbar => Vec3::new(-25.0, 0.0, 0.045 * H),
            Seg::Thorax => Vec3::new(-30.0, 0.0, 0.135 * H),
            Seg::Neck => Vec3::new(-30.0, 0.0, 0.305 * H),
            Seg::Head => Vec3::new(-10.0, 0.0, 0.375 * H),
            Seg::Clavicle(d) => m(d, Vec3::new(15.0, 20.0, 0.270 * H)),
            Seg::UpperArm(d) => m(d, shoulder_neutral()),
            Seg::Forearm(d) => m(d, shoulder_neutral() - Vec3::Z * UPPER_ARM),
            Seg::Hand(d) => m(d, shoulder_neutral() - Vec3::Z * (UPPER_ARM + FOREARM)),
            Seg::Thigh(d) => m(d, Vec3::new(0.0, HIP_HALF_WIDTH, 0.0)),
            Seg::Shank(d) => m(d, Vec3::new(0.0, HIP_HALF_WIDTH, -THIGH)),
            Seg::Foot(d) => m(d, Vec3::new(0.0, HIP_HALF_WIDTH, -THIGH - SHANK)),
            Seg::Toes(d) => m(
                d,
                Vec3::new(0.0, HIP_HALF_WIDTH, -THIGH - SHANK) + TOES_FROM_ANKLE,
            ),
        }
    }
}

/// The ball of the foot (the toes' joint) from the ankle, neutral, left foot.
pub const TOES_FROM_ANKLE: Vec3 = Vec3::new(122.0, 0.0, 20.0 - ANKLE_HEIGHT);

fn shoulder_neutral() -> Vec3 {
    Vec3::new(-10.0, 0.115 * H, 0.288 * H)
}

pub const THIGH: f32 = 0.245 * H;
pub const SHANK: f32 = 0.246 * H;
pub const ANKLE_HEIGHT: f32 = 0.039 * H;
pub const UPPER_ARM: f32 = 0.186 * H;
pub const FOREARM: f32 = 0.146 * H;
pub const HAND: f32 = 0.108 * H;
pub const FOOT_LENGTH: f32 = 0.152 * H;
/// Half the distance between the hip joint centres (about 0.1 H apart).
pub const HIP_HALF_WIDTH: f32 = 0.05 * H;

pub use super::joints::*;

/// One joint of the body (a kind, and a side for the limbs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Joint {
    Pelvis,
    Spine,
    Neck,
    Shoulder(Side),
    Elbow(Side),
    Wrist(Side),
    Hip(Side),
    Knee(Side),
    Ankle(Side),
    Toes(Side),
}

pub const JOINT_COUNT: usize = 17;
/// The most degrees of freedom any joint has.
pub const MAX_DOF: usize = 5;

impl Joint {
    pub fn kind(self) -> &'static JointKind {
        match self {
            Joint::Pelvis => &PELVIS,
            Joint::Spine => &SPINE,
            Joint::Neck => &NECK,
            Joint::Shoulder(_) => &SHOULDER,
            Joint::Elbow(_) => &ELBOW,
            Joint::Wrist(_) => &WRIST,
            Joint::Hip(_) => &HIP,
            Joint::Knee(_) => &KNEE,
            Joint::Ankle(_) => &ANKLE,
            Joint::Toes(_) => &TOES,
        }
    }

    pub fn side(self) -> Option<Side> {
        match self {
            Joint::Shoulder(d)
            | Joint::Elbow(d)
            | Joint::Wrist(d)
            | Joint::Hip(d)
            | Joint::Knee(d)
            | Joint::Ankle(d)
            | Joint::Toes(d) => Some(d),
            _ => None,
        }
    }

    pub fn index(self) -> usize {
        let s = |d: Side, i: usize| i + if d == Side::Left { 0 } else { 1 };
        match self {
            Joint::Pelvis => 0,
            Joint::Spine => 1,
            Joint::Neck => 2,
            Joint::Shoulder(d) => s(d, 3),
            Joint::Elbow(d) => s(d, 5),
            Joint::Wrist(d) => s(d, 7),
            Joint::Hip(d) => s(d, 9),
            Joint::Knee(d) => s(d, 11),
            Joint::Ankle(d) => s(d, 13),
            Joint::Toes(d) => s(d, 15),
        }
    }

    /// The name an exercise file uses: `left-hip`, `spine`.
    pub fn name(self) -> String {
        match self.side() {
            Some(d) => format!("{}-{}", d.word(), self.kind().name),
            None => self.kind().name.to_string(),
        }
    }

    pub fn with_side(kind: &JointKind, side: Option<Side>) -> Option<Joint> {
        Some(match (kind.name, side) {
            ("pelvis", None) => Joint::Pelvis,
            ("spine", None) => Joint::Spine,
            ("neck", None) => Joint::Neck,
            ("shoulder", Some(d)) => Joint::Shoulder(d),
            ("elbow", Some(d)) => Joint::Elbow(d),
            ("wrist", Some(d)) => Joint::Wrist(d),
            ("hip", Some(d)) => Joint::Hip(d),
            ("knee", Some(d)) => Joint::Knee(d),
            ("ankle", Some(d)) => Joint::Ankle(d),
            ("toes", Some(d)) => Joint::Toes(d),
            _ => return None,
        })
    }

    pub fn all() -> impl Iterator<Item = Joint> {
        KINDS.iter().flat_map(|k| {
            let sides: &[Option<Side>] = if k.sided {
                &[Some(Side::Left), Some(Side::Right)]
            } else {
                &[None]
            };
            sides.iter().filter_map(move |s| Joint::with_side(k, *s))
        })
    }
}

/// Joint angles of a whole body, degrees, signed in the positive direction of
/// each degree of freedom.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Angles(pub [[f32; MAX_DOF]; JOINT_COUNT]);

impl Angles {
    pub fn get(&self, j: Joint, dof: usize) -> f32 {
        self.0[j.index()][dof]
    }
    pub fn set(&mut self, j: Joint, dof: usize, v: f32) {
        self.0[j.index()][dof] = v;
    }
    pub fn lerp(&self, other: &Angles, t: f32) -> Angles {
        let mut out = *self;
        for (o, (a, b)) in out.0.iter_mut().zip(self.0.iter().zip(other.0.iter())) {
            for i in 0..MAX_DOF {
                o[i] = a[i] + (b[i] - a[i]) * t;
            }
        }
        out
    }
}

/// The rotation of `dofs[range]` of joint `j` (intrinsic, in order).
fn joint_rotation(angles: &Angles, j: Joint, range: std::ops::Range<usize>, share: f32) -> Mat3 {
    let kind = j.kind();
    let mirror = j.side() == Some(Side::Right);
    let mut r = Mat3::IDENTITY;
    for i in range {
        let Some(d) = kind.dofs.get(i) else { continue };
        let mut a = angles.get(j, i).to_radians() * share;
        let mut axis = d.axis;
        if mirror {
            axis.y = -axis.y;
            a = -a;
        }
        r *= Mat3::from_axis_angle(axis, a);
    }
    r
}

/// The rotation of each spine and neck degree of freedom that its lower
/// segment takes (the rest goes to the upper one): flexion, side bend,
/// rotation. The lumbar spine flexes and side-bends but hardly rotates.
const LUMBAR_SHARE: [f32; 3] = [0.45, 0.5, 0.2];

fn split_rotation(angles: &Angles, j: Joint, lower: bool) -> Mat3 {
    let kind = j.kind();
    let mut r = Mat3::IDENTITY;
    if j == Joint::Neck {
        // Retraction: the lower neck tilts back, the head tilts forward as
        // much, so the head moves straight back and stays level.
        let t = angles.get(j, 3).to_radians();
        r = Mat3::from_rotation_y(if lower { -t } else { t });
    }
    for (i, d) in kind.dofs.iter().enumerate().take(3) {
        let share = match j {
            Joint::Spine => LUMBAR_SHARE[i],
            _ => 0.5,
        };
        let share = if lower { share } else { 1.0 - share };
        r *= Mat3::from_axis_angle(d.axis, (angles.get(j, i) * share).to_radians());
    }
    r
}

/// The rotation a segment makes with its parent.
fn local_rotation(angles: &Angles, seg: Seg) -> Mat3 {
    match seg {
        // The root's orientation is set by the posture (see `pose`).
        Seg::Pelvis => Mat3::IDENTITY,
        Seg::Lumbar => split_rotation(angles, Joint::Spine, true),
        Seg::Thorax => split_rotation(angles, Joint::Spine, false),
        Seg::Neck => split_rotation(angles, Joint::Neck, true),
        Seg::Head => split_rotation(angles, Joint::Neck, false),
        Seg::Clavicle(d) => joint_rotation(angles, Joint::Shoulder(d), 3..5, 1.0),
        Seg::UpperArm(d) => joint_rotation(angles, Joint::Shoulder(d), 0..3, 1.0),
        Seg::Forearm(d) => joint_rotation(angles, Joint::Elbow(d), 0..2, 1.0),
        Seg::Hand(d) => joint_rotation(angles, Joint::Wrist(d), 0..2, 1.0),
        Seg::Thigh(d) => joint_rotation(angles, Joint::Hip(d), 0..3, 1.0),
        Seg::Shank(d) => joint_rotation(angles, Joint::Knee(d), 0..1, 1.0),
        Seg::Foot(d) => joint_rotation(angles, Joint::Ankle(d), 0..2, 1.0),
        Seg::Toes(d) => joint_rotation(angles, Joint::Toes(d), 0..1, 1.0),
    }
}

/// The rotation of the pelvis relative to the posture's frame.
pub fn pelvis_rotation(angles: &Angles) -> Mat3 {
    joint_rotation(angles, Joint::Pelvis, 0..3, 1.0)
}

/// A rigid transform: `p_world = rot * p_local + pos`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub rot: Mat3,
    pub pos: Vec3,
}

impl Frame {
    pub const IDENTITY: Frame = Frame {
        rot: Mat3::IDENTITY,
        pos: Vec3::ZERO,
    };
    pub fn apply(&self, p: Vec3) -> Vec3 {
        self.rot * p + self.pos
    }
}

/// World frames of every segment.
#[derive(Debug, Clone, Copy)]
pub struct Skeleton {
    pub frames: [Frame; SEG_COUNT],
}

impl Skeleton {
    /// Forward kinematics: the pelvis at `root`, every joint at its angle.
    pub fn pose(angles: &Angles, root: Frame) -> Skeleton {
        let mut frames = [Frame::IDENTITY; SEG_COUNT];
        for seg in Seg::all() {
            let frame = match seg.parent() {
                None => root,
                Some(p) => {
                    let pf = frames[p.index()];
                    let offset = seg.origin() - p.origin();
                    Frame {
                        rot: pf.rot * local_rotation(angles, seg),
                        pos: pf.apply(offset),
                    }
                }
            };
            frames[seg.index()] = frame;
        }
        Skeleton { frames }
    }

    pub fn frame(&self, seg: Seg) -> Frame {
        self.frames[seg.index()]
    }

    /// A point given in the neutral-pose coordinates of `seg` (relative to the
    /// pelvis origin, like `Seg::origin`), in the world.
    pub fn point(&self, seg: Seg, neutral: Vec3) -> Vec3 {
        self.frame(seg).apply(neutral - seg.origin())
    }

    /// The world position of a joint centre (a segment's origin).
    pub fn joint(&self, seg: Seg) -> Vec3 {
        self.frame(seg).pos
    }

    /// A world vector from one segment's frame.
    pub fn dir(&self, seg: Seg, v: Vec3) -> Vec3 {
        self.frame(seg).rot * v
    }

    pub fn transformed(&self, f: Frame) -> Skeleton {
        let mut out = *self;
        for fr in &mut out.frames {
            *fr = Frame {
                rot: f.rot * fr.rot,
                pos: f.apply(fr.pos),
            };
        }
        out
    }
}

/// The end of each limb segment (its child's joint, or the tip), neutral.
pub fn seg_end(seg: Seg) -> Vec3 {
    let m = |d: Side, v: Vec3| Vec3::new(v.x, v.y * d.sign(), v.z);
    match seg {
        Seg::Pelvis => Seg::Lumbar.origin(),
        Seg::Lumbar => Seg::Thorax.origin(),
        Seg::Thorax => Seg::Neck.origin(),
        Seg::Neck => Seg::Head.origin(),
        Seg::Head => Seg::Head.origin() + Vec3::Z * 0.1 * H,
        Seg::Clavicle(d) => Seg::UpperArm(d).origin(),
        Seg::UpperArm(d) => Seg::Forearm(d).origin(),
        Seg::Forearm(d) => Seg::Hand(d).origin(),
        Seg::Hand(d) => Seg::Hand(d).origin() - Vec3::Z * HAND,
        Seg::Thigh(d) => Seg::Shank(d).origin(),
        Seg::Shank(d) => Seg::Foot(d).origin(),
        Seg::Foot(d) => m(
            d,
            Vec3::new(FOOT_LENGTH * 0.75, HIP_HALF_WIDTH, -THIGH - SHANK),
        ),
        Seg::Toes(d) => Seg::Toes(d).origin() + Vec3::X * 55.0,
    }
}
