//! The `[figure]` section of an exercise file, as written (names are checked
//! later, by `validate`, so that every mistake gets its span and a hint).

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

/// How an exercise is drawn: a view, props, a start pose, the changes that
/// make the end pose, and the body point whose path the arrow follows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FigureSpec {
    /// What the picture shows, in words, for readers who cannot see it.
    pub alt: Option<String>,
    /// A named camera: `side`, `front`, `above-front`...
    pub view: Spanned<String>,
    /// Turn the camera about the vertical, degrees (positive: toward the
    /// person's left).
    pub view_turn: Option<Spanned<f64>>,
    /// Camera height as an angle above the horizon, degrees (0 to 90).
    pub view_elevation: Option<Spanned<f64>>,
    /// The body point the movement arrow follows (`left-knee`).
    pub moving: Option<Spanned<String>>,
    /// The body point that stays in place between the poses (default: the
    /// posture's support).
    pub anchor: Option<Spanned<String>>,
    pub start: Spanned<PoseSpec>,
    /// Only what changes from the start pose.
    pub end: Option<Spanned<PoseSpec>>,
    #[serde(default)]
    pub props: PropsSpec,
    /// The arrow's shape: `along` (the default: along the moving point's
    /// path), `round` (a loop: circles, rolls), `two-way` (back and forth)
    /// or `none`.
    pub arrow: Option<Spanned<String>>,
    /// A second, smaller view of the same poses in a corner of the picture.
    pub inset: Option<Spanned<InsetSpec>>,
}

/// `[figure.inset]`: another camera on the same poses, drawn small in a
/// corner.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InsetSpec {
    pub view: Spanned<String>,
    pub view_turn: Option<Spanned<f64>>,
    pub view_elevation: Option<Spanned<f64>>,
    /// `top-left`, `top-right`, `bottom-left`, `bottom-right` (default: the
    /// emptiest corner).
    pub corner: Option<Spanned<String>>,
}

/// A pose: a base posture (start only), what it rests on, and joint angles.
#[derive(Debug, Clone, Default)]
pub struct PoseSpec {
    pub posture: Option<Spanned<String>>,
    /// What the pose rests on when not the posture's usual support
    /// (`["shoulders", "feet"]`).
    pub rests_on: Option<Spanned<Vec<Spanned<String>>>>,
    /// `(joint name, { dof = degrees, ... })` in file order.
    pub joints: Vec<(Spanned<String>, Spanned<DofMap>)>,
}

/// `{ flexion = 45, abduction = 10 }`, in file order.
#[derive(Debug, Clone, Default)]
pub struct DofMap(pub Vec<(Spanned<String>, Spanned<f64>)>);

impl<'de> Deserialize<'de> for DofMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DofMap;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of angles in degrees, like `{ flexion = 45 }`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DofMap, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    let v: Spanned<f64> = map.next_value()?;
                    out.push((k, v));
                }
                Ok(DofMap(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for PoseSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PoseSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a table with a `posture` and joint angles, like `left-hip = { flexion = 45 }`",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PoseSpec, A::Error> {
                let mut out = PoseSpec::default();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    if k.get_ref() == "posture" {
                        if out.posture.is_some() {
                            return Err(de::Error::custom("duplicate key `posture`"));
                        }
                        out.posture = Some(map.next_value()?);
                    } else if k.get_ref() == "rests-on" {
                        if out.rests_on.is_some() {
                            return Err(de::Error::custom("duplicate key `rests-on`"));
                        }
                        out.rests_on = Some(map.next_value()?);
                    } else {
                        let v: Spanned<DofMap> = map.next_value()?;
                        out.joints.push((k, v));
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

/// The props, each `name = true` or `name = { placement }`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PropsSpec {
    pub mat: Option<Spanned<PropSpec>>,
    pub pillow: Option<Spanned<PropSpec>>,
    pub chair: Option<Spanned<PropSpec>>,
    pub step: Option<Spanned<PropSpec>>,
    pub wall: Option<Spanned<PropSpec>>,
    pub table: Option<Spanned<PropSpec>>,
    pub band: Option<Spanned<PropSpec>>,
    pub ball: Option<Spanned<PropSpec>>,
    pub towel_roll: Option<Spanned<PropSpec>>,
    /// A stick held between two body points (both hands).
    pub stick: Option<Spanned<PropSpec>>,
    /// A towel flat on the floor under a point, or held between two points.
    pub towel: Option<Spanned<PropSpec>>,
}

/// One prop: on or off, and where it goes.
#[derive(Debug, Clone, Default)]
pub struct PropSpec {
    pub on: bool,
    pub place: Placement,
}

/// Where a prop goes, by body points (of the end pose).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Placement {
    /// The body point the prop touches (a hand on a chair back, a foot on a step).
    pub at: Option<Spanned<String>>,
    /// Two body points the prop sits between (a ball between the knees).
    pub between: Option<Spanned<Vec<Spanned<String>>>>,
    /// A band's two ends.
    pub from: Option<Spanned<String>>,
    pub to: Option<Spanned<String>>,
}

impl<'de> Deserialize<'de> for PropSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PropSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`true`, or a table placing the prop, like `{ at = \"right-hand\" }`")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<PropSpec, E> {
                Ok(PropSpec {
                    on: v,
                    place: Placement::default(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PropSpec, A::Error> {
                let place = Placement::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(PropSpec { on: true, place })
            }
        }
        d.deserialize_any(V)
    }
}
