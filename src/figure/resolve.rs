//! From the file's names to the engine's values: postures, joints, angles,
//! body points, views and props, each mistake a [`Problem`] with its span.

use std::ops::Range;

use toml::Spanned;

use super::body::{self, BodyPoint};
use super::contact::{self, Contact};
use super::skeleton::{Angles, Joint, Side};
use super::spec::{FigureSpec, PoseSpec};
use super::Problem;

pub use super::posture::{Posture, POSTURES};

/// A resolved view: where the camera is, relative to the person.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Degrees about the vertical: 0 in front, -90 at the person's right.
    pub azimuth: f32,
    /// Degrees above the horizon.
    pub elevation: f32,
}

pub const VIEWS: [(&str, f32, f32); 9] = [
    ("side", -90.0, 0.0),
    ("side-left", 90.0, 0.0),
    ("front", 0.0, 0.0),
    ("back", 180.0, 0.0),
    ("three-quarter", -45.0, 10.0),
    ("three-quarter-left", 45.0, 10.0),
    ("above", 0.0, 65.0),
    ("above-front", 0.0, 40.0),
    ("above-back", 180.0, 40.0),
];

/// A place for a prop that sits between or under body points.
#[derive(Debug, Clone, Copy)]
pub enum Place {
    At(BodyPoint),
    Between(BodyPoint, BodyPoint),
}

#[derive(Debug, Clone, Copy)]
pub enum PropReq {
    Mat,
    Pillow(BodyPoint),
    Chair(Option<BodyPoint>),
    /// Under a body point (a foot), or under the feet.
    Step(Option<(BodyPoint, Option<Side>)>),
    Wall(Option<BodyPoint>),
    Table(BodyPoint),
    Band(BodyPoint, BodyPoint),
    /// A band from a body point to a door handle (the door is drawn).
    BandToDoor(BodyPoint),
    Ball(Place),
    TowelRoll(Place),
    Stick(BodyPoint, BodyPoint),
    Towel(Place),
}

/// What a pose rests on (`rests-on`): every contact touches its support.
#[derive(Debug, Clone, PartialEq)]
pub struct Rests {
    pub contacts: Vec<Contact>,
}

/// The shape of the movement arrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArrowKind {
    /// Along the moving point's path, start to end.
    #[default]
    Along,
    /// A loop around the path, turning the way the point goes.
    Round,
    /// Along the path with a head at each end (back and forth).
    TwoWay,
    None,
}

pub const ARROWS: [(&str, ArrowKind); 4] = [
    ("along", ArrowKind::Along),
    ("round", ArrowKind::Round),
    ("two-way", ArrowKind::TwoWay),
    ("none", ArrowKind::None),
];

/// Where the inset goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

pub const CORNERS: [(&str, Corner); 4] = [
    ("top-left", Corner::TopLeft),
    ("top-right", Corner::TopRight),
    ("bottom-left", Corner::BottomLeft),
    ("bottom-right", Corner::BottomRight),
];

/// A second view drawn small in a corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inset {
    pub view: View,
    /// `None`: the emptiest corner.
    pub corner: Option<Corner>,
}

/// Everything `draw` needs, checked.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub posture: Posture,
    pub start: Angles,
    pub end: Angles,
    pub view: View,
    pub moving: Option<BodyPoint>,
    pub anchor: Option<BodyPoint>,
    pub props: Vec<PropReq>,
    /// What each pose rests on, when the file says (`rests-on`; the end
    /// pose takes the start's unless it says).
    pub start_rests: Option<Rests>,
    pub end_rests: Option<Rests>,
    pub arrow: ArrowKind,
    pub inset: Option<Inset>,
    /// Spans to blame for a collision: per pose, per joint, the span of the
    /// entry that set it.
    pub blame: Blame,
}

#[derive(Debug, Clone, Default)]
pub struct Blame {
    pub posture: Option<Range<usize>>,
    pub start: Vec<(Joint, Range<usize>)>,
    pub end: Vec<(Joint, Range<usize>)>,
}

pub use super::joints::{dof_index, joint_names, joints_named};

pub(super) fn span_of<T>(s: &Spanned<T>) -> Option<Range<usize>> {
    let r = s.span();
    (r.start < r.end).then_some(r)
}

pub(super) fn problem(
    message: String,
    hint: Option<String>,
    span: Option<Range<usize>>,
) -> Problem {
    Problem {
        message,
        hint,
        span,
    }
}

pub fn resolve_point(
    name: &Spanned<String>,
    what: &str,
    problems: &mut Vec<Problem>,
) -> Option<BodyPoint> {
    let n = name.get_ref().trim();
    match body::body_point(n) {
        Some(p) => Some(p),
        None => {
            let names = body::point_names();
            let hint = match crate::error::suggest(n, names.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}`? The body points are listed in src/figure/README.md"),
                None => "body points are named like `left-knee`, `right-hand`, `pelvis-left`, `head`; see src/figure/README.md".into(),
            };
            problems.push(problem(
                format!("unknown body point `{n}` for {what}"),
                Some(hint),
                span_of(name),
            ));
            None
        }
    }
}

/// Apply a pose table's angles onto `angles`; plural names (`knees`) first,
/// so `left-knee` can then change one side.
fn apply_pose(
    pose: &PoseSpec,
    which: &str,
    angles: &mut Angles,
    blame: &mut Vec<(Joint, Range<usize>)>,
    problems: &mut Vec<Problem>,
) {
    let names = joint_names();
    for plural_pass in [true, false] {
        for (key, table) in &pose.joints {
            let name = key.get_ref().as_str();
            let Some(joints) = joints_named(name) else {
                if plural_pass {
                    let hint = match crate::error::suggest(name, names.iter().map(String::as_str)) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the joints are: posture, {}", names.join(", ")),
                    };
                    problems.push(problem(
                        format!("unknown joint `{name}` in the {which} pose"),
                        Some(hint),
                        span_of(key),
                    ));
                }
                continue;
            };
            let plural = joints.len() > 1;
            if plural != plural_pass {
                continue;
            }
            let kind = joints[0].kind();
            let mut seen: Vec<usize> = Vec::new();
            for (dkey, value) in &table.get_ref().0 {
                let dname = dkey.get_ref().as_str();
                let Some((i, sign)) = dof_index(kind, dname) else {
                    let keys: Vec<&str> = kind
                        .dofs
                        .iter()
                        .flat_map(|d| [d.positive, d.negative])
                        .collect();
                    let hint = match crate::error::suggest(dname, keys.iter().copied()) {
                        Some(s) => {
                            format!("did you mean `{s}`? `{name}` takes {}", keys.join(", "))
                        }
                        None => format!("`{name}` takes {}", keys.join(", ")),
                    };
                    problems.push(problem(
                        format!("`{name}` has no movement `{dname}` (in the {which} pose)"),
                        Some(hint),
                        span_of(dkey),
                    ));
                    continue;
                };
                if seen.contains(&i) {
                    let d = &kind.dofs[i];
                    problems.push(problem(
                        format!(
                            "`{name}` sets {} and {} together (in the {which} pose)",
                            d.positive, d.negative
                        ),
                        Some(
                            "they are one movement in opposite directions: keep one of them"
                                .to_string(),
                        ),
                        span_of(dkey),
                    ));
                    continue;
                }
                seen.push(i);
                let v = *value.get_ref();
                if !v.is_finite() {
                    problems.push(problem(
                        format!("`{name}` {dname} is not a number"),
                        Some("write an angle in degrees, like 45".into()),
                        span_of(value),
                    ));
                    continue;
                }
                let d = &kind.dofs[i];
                let signed = v as f32 * sign;
                if signed < d.min - 1e-3 || signed > d.max + 1e-3 {
                    let (lo, hi) = if sign > 0.0 {
                        (d.min, d.max)
                    } else {
                        (-d.max, -d.min)
                    };
                    let note = if signed < d.min { d.below } else { d.above };
                    let hint = if note.is_empty() {
                        format!(
                            "the normal adult range is {} {} to {} {} degrees",
                            d.positive, d.max, d.negative, -d.min
                        )
                    } else {
                        note.to_string()
                    };
                    problems.push(problem(
                        format!(
                            "{}{name} {dname} {} is outside {} to {}",
                            if which == "start" { "" } else { "end pose: " },
                            fmt_num(v),
                            fmt_num(lo as f64),
                            fmt_num(hi as f64)
                        ),
                        Some(hint),
                        span_of(value),
                    ));
                    continue;
                }
                for j in &joints {
                    angles.set(*j, i, signed);
                    if let Some(s) = span_of(value) {
                        blame.push((*j, s));
                    }
                }
            }
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e9 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn view_angle(
    v: &Option<Spanned<f64>>,
    what: &str,
    lo: f64,
    hi: f64,
    problems: &mut Vec<Problem>,
) -> Option<f32> {
    let s = v.as_ref()?;
    let x = *s.get_ref();
    if !x.is_finite() || x < lo || x > hi {
        problems.push(problem(
            format!(
                "{what} {} is outside {} to {}",
                fmt_num(x),
                fmt_num(lo),
                fmt_num(hi)
            ),
            Some("write an angle in degrees".into()),
            span_of(s),
        ));
        return None;
    }
    Some(x as f32)
}

/// Check a figure and turn it into engine values. Returns `None` when
/// anything is wrong (every problem is listed).
pub fn resolve(spec: &FigureSpec) -> (Option<Resolved>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut blame = Blame::default();

    // Posture.
    let empty = PoseSpec::default();
    let start_pose = spec.start.get_ref();
    let end_pose = spec.end.as_ref().map(|e| e.get_ref()).unwrap_or(&empty);
    let posture = match &start_pose.posture {
        None => {
            problems.push(problem(
                "the start pose has no `posture`".into(),
                Some(format!(
                    "add `posture = \"standing\"` (or one of: {}) to [figure.start]",
                    POSTURES.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
                )),
                span_of(&spec.start),
            ));
            None
        }
        Some(p) => {
            blame.posture = span_of(p);
            let name = p.get_ref().trim();
            match POSTURES.iter().find(|(n, _)| *n == name) {
                Some((_, posture)) => Some(*posture),
                None => {
                    let hint = match crate::error::suggest(name, POSTURES.iter().map(|p| p.0)) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "the postures are: {}",
                            POSTURES.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
                        ),
                    };
                    problems.push(problem(
                        format!("unknown posture `{name}`"),
                        Some(hint),
                        span_of(p),
                    ));
                    None
                }
            }
        }
    };
    if let Some(p) = &end_pose.posture {
        problems.push(problem(
            "the end pose cannot change the posture".into(),
            Some(
                "the end pose lists only the joints that move; remove `posture` from [figure.end]"
                    .into(),
            ),
            span_of(p),
        ));
    }

    let mut start = posture.map(Posture::defaults).unwrap_or_default();
    apply_pose(
        start_pose,
        "start",
        &mut start,
        &mut blame.start,
        &mut problems,
    );
    let mut end = start;
    apply_pose(end_pose, "end", &mut end, &mut blame.end, &mut problems);

    let view = resolve_view(
        &spec.view,
        &spec.view_turn,
        &spec.view_elevation,
        &mut problems,
    );
    let inset = spec.inset.as_ref().and_then(|i| {
        let i = i.get_ref();
        let view = resolve_view(&i.view, &i.view_turn, &i.view_elevation, &mut problems);
        let corner = match &i.corner {
            None => Some(None),
            Some(c) => named(c, &CORNERS, "inset corner", "corners", &mut problems).map(Some),
        };
        Some(Inset {
            view: view?,
            corner: corner?,
        })
    });
    let arrow = match &spec.arrow {
        None => Some(ArrowKind::Along),
        Some(a) => named(a, &ARROWS, "arrow", "arrows", &mut problems),
    }
    .unwrap_or_default();
    let start_rests = match &start_pose.rests_on {
        Some(r) => resolve_rests(r, "start", &mut problems),
        None => posture.and_then(Posture::default_rests).map(|names| Rests {
            contacts: names
                .iter()
                .flat_map(|n| contact::contacts_named(n).unwrap_or_default())
                .collect(),
        }),
    };
    let end_rests = match &end_pose.rests_on {
        Some(r) => resolve_rests(r, "end", &mut problems),
        None => start_rests.clone(),
    };

    let moving = spec
        .moving
        .as_ref()
        .and_then(|m| resolve_point(m, "`moving`", &mut problems));
    let anchor = spec
        .anchor
        .as_ref()
        .and_then(|m| resolve_point(m, "`anchor`", &mut problems));
    if spec.moving.is_none() && start != end && arrow != ArrowKind::None {
        problems.push(problem(
            "the end pose differs from the start but no `moving` body point is named".into(),
            Some("add `moving = \"left-knee\"` (the point the arrow follows) to [figure]".into()),
            span_of(&spec.view),
        ));
    }

    let props = super::resolve_props::resolve_props(spec, posture, &mut problems);

    let ok = problems.is_empty();
    let resolved = match (posture, view) {
        (Some(posture), Some(view)) if ok => Some(Resolved {
            posture,
            start,
            end,
            view,
            moving,
            anchor,
            props,
            start_rests,
            end_rests,
            arrow,
            inset,
            blame,
        }),
        _ => None,
    };
    (resolved, problems)
}

/// A name from a fixed list (an arrow, a corner), or a problem with a hint.
fn named<T: Copy>(
    s: &Spanned<String>,
    list: &[(&str, T)],
    what: &str,
    plural: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let name = s.get_ref().trim();
    if let Some((_, v)) = list.iter().find(|x| x.0 == name) {
        return Some(*v);
    }
    let names: Vec<&str> = list.iter().map(|x| x.0).collect();
    let hint = match crate::error::suggest(name, names.iter().copied()) {
        Some(m) => format!("did you mean `{m}`?"),
        None => format!("the {plural} are: {}", names.join(", ")),
    };
    problems.push(problem(
        format!("unknown {what} `{name}`"),
        Some(hint),
        span_of(s),
    ));
    None
}

/// A camera by name, turned and raised as the file says.
fn resolve_view(
    name: &Spanned<String>,
    turn: &Option<Spanned<f64>>,
    elevation: &Option<Spanned<f64>>,
    problems: &mut Vec<Problem>,
) -> Option<View> {
    let vname = name.get_ref().trim();
    let mut view = match VIEWS.iter().find(|v| v.0 == vname) {
        Some(&(_, azimuth, elevation)) => Some(View { azimuth, elevation }),
        None => {
            let hint = match crate::error::suggest(vname, VIEWS.iter().map(|v| v.0)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the views are: {}",
                    VIEWS.iter().map(|v| v.0).collect::<Vec<_>>().join(", ")
                ),
            };
            problems.push(problem(
                format!("unknown view `{vname}`"),
                Some(hint),
                span_of(name),
            ));
            None
        }
    };
    let t = view_angle(turn, "view-turn", -180.0, 180.0, problems);
    let e = view_angle(elevation, "view-elevation", -30.0, 90.0, problems);
    if let Some(v) = view.as_mut() {
        if let Some(t) = t {
            v.azimuth += t;
        }
        if let Some(e) = e {
            v.elevation = e;
        }
    }
    view
}

/// The contacts of a `rests-on` list.
fn resolve_rests(
    list: &Spanned<Vec<Spanned<String>>>,
    which: &str,
    problems: &mut Vec<Problem>,
) -> Option<Rests> {
    let mut out: Vec<Contact> = Vec::new();
    if list.get_ref().is_empty() {
        problems.push(problem(
            format!("`rests-on` in the {which} pose is empty"),
            Some("name what the pose rests on, like `rests-on = [\"shoulders\", \"feet\"]`, or leave it out".into()),
            span_of(list),
        ));
        return None;
    }
    let names = contact::contact_names();
    for item in list.get_ref() {
        let n = item.get_ref().trim();
        match contact::contacts_named(n) {
            Some(cs) => {
                for c in cs {
                    if !out.iter().any(|o| o.name == c.name) {
                        out.push(c);
                    }
                }
            }
            None => {
                let hint = match crate::error::suggest(n, names.iter().map(String::as_str)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "name body points (`left-foot`, `right-knee`, `head`) or areas: `shoulders`, `back`, `buttocks`, `feet`, `knees`, `hands`, `forearms`, `elbows`; see src/figure/README.md".into(),
                };
                problems.push(problem(
                    format!("unknown support `{n}` in `rests-on` ({which} pose)"),
                    Some(hint),
                    span_of(item),
                ));
            }
        }
    }
    Some(Rests { contacts: out })
}
