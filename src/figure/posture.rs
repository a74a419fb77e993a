//! The base postures: their names, the angles they start from, and what
//! they rest on.

use super::resolve::dof_index;
use super::skeleton::{Angles, Joint, Side};

/// A base posture: how the body is placed and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posture {
    Standing,
    StandingOnStep,
    Sitting,
    LyingOnBack,
    LyingOnFront,
    LyingOnLeftSide,
    LyingOnRightSide,
    HandsAndKnees,
    HalfKneelingLeftKneeDown,
    HalfKneelingRightKneeDown,
    LyingOnBackKneesBent,
    Kneeling,
    SittingOnFloor,
}

pub const POSTURES: [(&str, Posture); 13] = [
    ("standing", Posture::Standing),
    ("standing-on-step", Posture::StandingOnStep),
    ("sitting", Posture::Sitting),
    ("lying-on-back", Posture::LyingOnBack),
    ("lying-on-front", Posture::LyingOnFront),
    ("lying-on-left-side", Posture::LyingOnLeftSide),
    ("lying-on-right-side", Posture::LyingOnRightSide),
    ("hands-and-knees", Posture::HandsAndKnees),
    (
        "half-kneeling-left-knee-down",
        Posture::HalfKneelingLeftKneeDown,
    ),
    (
        "half-kneeling-right-knee-down",
        Posture::HalfKneelingRightKneeDown,
    ),
    ("lying-on-back-knees-bent", Posture::LyingOnBackKneesBent),
    ("kneeling", Posture::Kneeling),
    ("sitting-on-floor", Posture::SittingOnFloor),
];

impl Posture {
    pub fn is_lying(self) -> bool {
        matches!(
            self,
            Posture::LyingOnBack
                | Posture::LyingOnFront
                | Posture::LyingOnLeftSide
                | Posture::LyingOnRightSide
                | Posture::LyingOnBackKneesBent
        )
    }

    /// Groups of places the posture rests on, as `rests-on` names: the
    /// lowest of each group must touch (one hand may lift off the floor,
    /// not both). For the checks only.
    pub fn rests_on_groups(self) -> &'static [&'static [&'static str]] {
        match self {
            Posture::HandsAndKnees => &[
                &["left-hand", "right-hand"],
                &["left-knee", "right-knee", "left-toes", "right-toes"],
            ],
            Posture::Kneeling => &[&["left-knee", "right-knee"]],
            _ => &[],
        }
    }

    /// What the posture rests on when the file does not say, as `rests-on`
    /// names: the body is tilted as a whole until each touches.
    pub fn default_rests(self) -> Option<&'static [&'static str]> {
        match self {
            Posture::HalfKneelingLeftKneeDown => Some(&["left-knee", "right-foot"]),
            Posture::HalfKneelingRightKneeDown => Some(&["right-knee", "left-foot"]),
            _ => None,
        }
    }

    /// The joint angles the posture starts from (an exercise's own angles
    /// replace these, one degree of freedom at a time).
    pub fn defaults(self) -> Angles {
        use Joint::*;
        use Side::*;
        let mut a = Angles::default();
        let mut set = |j: Joint, name: &str, v: f32| {
            if let Some((i, sign)) = dof_index(j.kind(), name) {
                a.set(j, i, v * sign);
            }
        };
        // Arms hang relaxed: elbows a little bent, hands by the thighs.
        for d in Side::BOTH {
            set(Shoulder(d), "abduction", 6.0);
            set(Elbow(d), "flexion", 12.0);
        }
        match self {
            Posture::Standing | Posture::StandingOnStep => {}
            Posture::Sitting => {
                for d in Side::BOTH {
                    set(Hip(d), "flexion", 90.0);
                    set(Knee(d), "flexion", 90.0);
                    set(Shoulder(d), "flexion", 25.0);
                    set(Elbow(d), "flexion", 55.0);
                    set(Elbow(d), "pronation", 60.0);
                }
            }
            Posture::LyingOnBack => {
                for d in Side::BOTH {
                    set(Ankle(d), "plantar-flexion", 15.0);
                }
            }
            Posture::LyingOnFront => {
                for d in Side::BOTH {
                    set(Ankle(d), "plantar-flexion", 40.0);
                    set(Shoulder(d), "abduction", 10.0);
                }
                set(Neck, "rotation-right", 70.0);
            }
            Posture::LyingOnLeftSide | Posture::LyingOnRightSide => {
                let (down, up) = if self == Posture::LyingOnLeftSide {
                    (Left, Right)
                } else {
                    (Right, Left)
                };
                // The waist sags a little between the shoulder and the hip.
                let toward_up = if up == Left {
                    "side-bend-left"
                } else {
                    "side-bend-right"
                };
                set(Spine, toward_up, 7.0);
                set(Neck, toward_up, -12.0);
                for d in Side::BOTH {
                    set(Hip(d), "flexion", 10.0);
                    set(Knee(d), "flexion", 15.0);
                    set(Ankle(d), "plantar-flexion", 20.0);
                }
                set(Shoulder(down), "abduction", 0.0);
                set(Shoulder(down), "flexion", 85.0);
                set(Elbow(down), "flexion", 110.0);
                set(Shoulder(up), "abduction", 0.0);
                set(Shoulder(up), "flexion", 15.0);
                set(Elbow(up), "flexion", 30.0);
                set(Elbow(up), "pronation", 70.0);
            }
            Posture::HandsAndKnees => {
                for d in Side::BOTH {
                    set(Hip(d), "flexion", 90.0);
                    set(Knee(d), "flexion", 118.0);
                    set(Ankle(d), "plantar-flexion", 50.0);
                    set(Shoulder(d), "flexion", 90.0);
                    set(Shoulder(d), "abduction", 0.0);
                    set(Elbow(d), "flexion", 0.0);
                    set(Elbow(d), "pronation", 80.0);
                    set(Wrist(d), "extension", 70.0);
                }
                set(Neck, "extension", 10.0);
            }
            Posture::HalfKneelingLeftKneeDown | Posture::HalfKneelingRightKneeDown => {
                let (down, front) = if self == Posture::HalfKneelingLeftKneeDown {
                    (Left, Right)
                } else {
                    (Right, Left)
                };
                set(Hip(front), "flexion", 90.0);
                set(Knee(front), "flexion", 88.0);
                set(Hip(down), "extension", 5.0);
                set(Knee(down), "flexion", 95.0);
                set(Ankle(down), "plantar-flexion", 50.0);
            }
            Posture::LyingOnBackKneesBent => {
                // Feet flat on the floor with the back flat on it: the
                // ankle plantar flexion is the shin's lean from the
                // vertical (90 - knee + hip).
                for d in Side::BOTH {
                    set(Hip(d), "flexion", 45.0);
                    set(Knee(d), "flexion", 105.0);
                    set(Ankle(d), "plantar-flexion", 30.0);
                    set(Shoulder(d), "abduction", 12.0);
                    set(Elbow(d), "flexion", 5.0);
                }
            }
            Posture::Kneeling => {
                // Shins rising a little toward the feet, so the pointed
                // feet clear the floor.
                for d in Side::BOTH {
                    set(Knee(d), "flexion", 100.0);
                    set(Ankle(d), "plantar-flexion", 50.0);
                }
            }
            Posture::SittingOnFloor => {
                for d in Side::BOTH {
                    set(Hip(d), "flexion", 90.0);
                    set(Ankle(d), "plantar-flexion", 10.0);
                    set(Shoulder(d), "flexion", 10.0);
                    set(Shoulder(d), "abduction", 12.0);
                    set(Elbow(d), "flexion", 10.0);
                }
            }
        }
        a
    }
}
