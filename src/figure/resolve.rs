//! From the file's names to the engine's values: postures, joints, angles,
//! body points, views and props, each mistake a [`Problem`] with its span.

use std::ops::Range;

use toml::Spanned;

use super::body::{self, BodyPoint};
use super::skeleton::{Angles, Joint, JointKind, Side, KINDS};
use super::spec::{FigureSpec, PoseSpec, PropSpec};
use super::Problem;

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
}

pub const POSTURES: [(&str, Posture); 10] = [
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
];

impl Posture {
    pub fn is_lying(self) -> bool {
        matches!(
            self,
            Posture::LyingOnBack
                | Posture::LyingOnFront
                | Posture::LyingOnLeftSide
                | Posture::LyingOnRightSide
        )
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
                set(Ankle(down), "plantar-flexion", 10.0);
            }
        }
        a
    }
}

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
    Ball(Place),
    TowelRoll(Place),
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

fn did_you_mean<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for o in options {
        let s = strsim::jaro_winkler(word, o);
        if s > 0.8 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, o));
        }
    }
    best.map(|(_, o)| o.to_string())
}

fn span_of<T>(s: &Spanned<T>) -> Option<Range<usize>> {
    let r = s.span();
    (r.start < r.end).then_some(r)
}

fn problem(message: String, hint: Option<String>, span: Option<Range<usize>>) -> Problem {
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
            let hint = match did_you_mean(n, names.iter().map(String::as_str)) {
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
                    let hint = match did_you_mean(name, names.iter().map(String::as_str)) {
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
                    let hint = match did_you_mean(dname, keys.iter().copied()) {
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
                    let hint = match did_you_mean(name, POSTURES.iter().map(|p| p.0)) {
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

    // View.
    let vname = spec.view.get_ref().trim();
    let mut view = match VIEWS.iter().find(|v| v.0 == vname) {
        Some(&(_, azimuth, elevation)) => Some(View { azimuth, elevation }),
        None => {
            let hint = match did_you_mean(vname, VIEWS.iter().map(|v| v.0)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the views are: {}",
                    VIEWS.iter().map(|v| v.0).collect::<Vec<_>>().join(", ")
                ),
            };
            problems.push(problem(
                format!("unknown view `{vname}`"),
                Some(hint),
                span_of(&spec.view),
            ));
            None
        }
    };
    if let Some(v) = view.as_mut() {
        if let Some(t) = view_angle(&spec.view_turn, "view-turn", -180.0, 180.0, &mut problems) {
            v.azimuth += t;
        }
        if let Some(e) = view_angle(
            &spec.view_elevation,
            "view-elevation",
            -30.0,
            90.0,
            &mut problems,
        ) {
            v.elevation = e;
        }
    }

    let moving = spec
        .moving
        .as_ref()
        .and_then(|m| resolve_point(m, "`moving`", &mut problems));
    let anchor = spec
        .anchor
        .as_ref()
        .and_then(|m| resolve_point(m, "`anchor`", &mut problems));
    if spec.moving.is_none() && start != end {
        problems.push(problem(
            "the end pose differs from the start but no `moving` body point is named".into(),
            Some("add `moving = \"left-knee\"` (the point the arrow follows) to [figure]".into()),
            span_of(&spec.view),
        ));
    }

    let props = resolve_props(spec, posture, &mut problems);

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
            blame,
        }),
        _ => None,
    };
    (resolved, problems)
}

fn resolve_props(
    spec: &FigureSpec,
    posture: Option<Posture>,
    problems: &mut Vec<Problem>,
) -> Vec<PropReq> {
    let p = &spec.props;
    let mut out = Vec::new();
    fn on(s: &Option<Spanned<PropSpec>>) -> Option<&Spanned<PropSpec>> {
        s.as_ref().filter(|s| s.get_ref().on)
    }

    // Which placement keys a prop takes.
    fn only(
        name: &str,
        s: &Spanned<PropSpec>,
        at: bool,
        between: bool,
        ends: bool,
        problems: &mut Vec<Problem>,
    ) -> bool {
        let pl = &s.get_ref().place;
        let mut ok = true;
        let mut bad = |key: &str, span: Option<Range<usize>>| {
            ok = false;
            let takes: Vec<&str> = [(at, "at"), (between, "between"), (ends, "from, to")]
                .iter()
                .filter(|x| x.0)
                .map(|x| x.1)
                .collect();
            problems.push(problem(
                format!("the {name} takes no `{key}`"),
                Some(if takes.is_empty() {
                    format!("write `{name} = true`")
                } else {
                    format!("the {name} takes {}", takes.join(" or "))
                }),
                span,
            ));
        };
        if !at {
            if let Some(a) = &pl.at {
                bad("at", span_of(a));
            }
        }
        if !between {
            if let Some(a) = &pl.between {
                bad("between", span_of(a));
            }
        }
        if !ends {
            if let Some(a) = &pl.from {
                bad("from", span_of(a));
            }
            if let Some(a) = &pl.to {
                bad("to", span_of(a));
            }
        }
        ok
    }

    if let Some(s) = on(&p.mat) {
        if only("mat", s, false, false, false, problems) {
            out.push(PropReq::Mat);
        }
    }
    if let Some(s) = on(&p.pillow) {
        if only("pillow", s, true, false, false, problems) {
            let at = match &s.get_ref().place.at {
                Some(a) => resolve_point(a, "the pillow", problems),
                None => body::body_point("head"),
            };
            if let Some(at) = at {
                out.push(PropReq::Pillow(at));
            }
        }
    }
    if let Some(s) = on(&p.chair) {
        if only("chair", s, true, false, false, problems) {
            let at = s.get_ref().place.at.as_ref();
            match (posture, at) {
                (Some(Posture::Sitting), Some(a)) => problems.push(problem(
                    "a sitting figure sits on its own chair: the chair takes no `at`".into(),
                    Some("write `chair = true`, or leave the chair out".into()),
                    span_of(a),
                )),
                (Some(Posture::Sitting), None) => {}
                (_, None) => problems.push(problem(
                    "the chair needs a place: `chair = { at = \"right-hand\" }` puts its back under that hand".into(),
                    None,
                    span_of(s),
                )),
                (_, Some(a)) => {
                    if let Some(bp) = resolve_point(a, "the chair", problems) {
                        out.push(PropReq::Chair(Some(bp)));
                    }
                }
            }
        }
    }
    if posture == Some(Posture::Sitting) {
        out.push(PropReq::Chair(None));
    }
    let step_on = on(&p.step);
    if let Some(s) = step_on {
        if only("step", s, true, false, false, problems) {
            match &s.get_ref().place.at {
                Some(a) => {
                    let name = a.get_ref().trim();
                    let side = if name.starts_with("left-") {
                        Some(Side::Left)
                    } else if name.starts_with("right-") {
                        Some(Side::Right)
                    } else {
                        None
                    };
                    if let Some(bp) = resolve_point(a, "the step", problems) {
                        out.push(PropReq::Step(Some((bp, side))));
                    }
                }
                None if posture == Some(Posture::StandingOnStep) => out.push(PropReq::Step(None)),
                None => problems.push(problem(
                    "the step needs a place: `step = { at = \"left-foot\" }` puts it under that foot (or use posture `standing-on-step`)".into(),
                    None,
                    span_of(s),
                )),
            }
        }
    } else if posture == Some(Posture::StandingOnStep) {
        out.push(PropReq::Step(None));
    }
    if let Some(s) = on(&p.wall) {
        if only("wall", s, true, false, false, problems) {
            match &s.get_ref().place.at {
                Some(a) => {
                    if let Some(bp) = resolve_point(a, "the wall", problems) {
                        out.push(PropReq::Wall(Some(bp)));
                    }
                }
                None => out.push(PropReq::Wall(None)),
            }
        }
    }
    if let Some(s) = on(&p.table) {
        if only("table", s, true, false, false, problems) {
            match &s.get_ref().place.at {
                Some(a) => {
                    if let Some(bp) = resolve_point(a, "the table", problems) {
                        out.push(PropReq::Table(bp));
                    }
                }
                None => problems.push(problem(
                    "the table needs a place: `table = { at = \"right-hand\" }` puts its top under that hand".into(),
                    None,
                    span_of(s),
                )),
            }
        }
    }
    if let Some(s) = on(&p.band) {
        if only("band", s, false, false, true, problems) {
            let pl = &s.get_ref().place;
            match (&pl.from, &pl.to) {
                (Some(f), Some(t)) => {
                    let a = resolve_point(f, "the band", problems);
                    let b = resolve_point(t, "the band", problems);
                    if let (Some(a), Some(b)) = (a, b) {
                        out.push(PropReq::Band(a, b));
                    }
                }
                _ => problems.push(problem(
                    "the band needs both ends: `band = { from = \"left-above-knee\", to = \"right-above-knee\" }`".into(),
                    None,
                    span_of(s),
                )),
            }
        }
    }
    for (name, spec, towel) in [
        ("ball", &p.ball, false),
        ("towel roll", &p.towel_roll, true),
    ] {
        let Some(s) = on(spec) else { continue };
        if !only(name, s, true, true, false, problems) {
            continue;
        }
        let pl = &s.get_ref().place;
        let place = match (&pl.at, &pl.between) {
            (Some(a), None) => resolve_point(a, name, problems).map(Place::At),
            (None, Some(b)) if b.get_ref().len() == 2 => {
                let x = resolve_point(&b.get_ref()[0], name, problems);
                let y = resolve_point(&b.get_ref()[1], name, problems);
                x.zip(y).map(|(x, y)| Place::Between(x, y))
            }
            _ => {
                problems.push(problem(
                    format!("the {name} needs a place: `at = \"left-knee\"` (under it) or `between = [\"left-knee\", \"right-knee\"]`"),
                    None,
                    span_of(s),
                ));
                None
            }
        };
        if let Some(place) = place {
            out.push(if towel {
                PropReq::TowelRoll(place)
            } else {
                PropReq::Ball(place)
            });
        }
    }
    out
}
