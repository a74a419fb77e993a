//! The props of a figure, from the file's names to engine values.

use std::ops::Range;

use toml::Spanned;

use super::body;
use super::resolve::{problem, resolve_point, span_of, Place, Posture, PropReq};
use super::skeleton::Side;
use super::spec::{FigureSpec, PropSpec};
use super::Problem;

pub(super) fn resolve_props(
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
                    // One end may be tied to a door (its handle is drawn).
                    let door = |x: &Spanned<String>| x.get_ref().trim() == "door";
                    match (door(f), door(t)) {
                        (true, true) => problems.push(problem(
                            "the band cannot run from a door to a door".into(),
                            Some("tie one end to the door and hold the other: `band = { from = \"right-hand\", to = \"door\" }`".into()),
                            span_of(t),
                        )),
                        (false, true) | (true, false) => {
                            let hand = if door(t) { f } else { t };
                            if let Some(a) = resolve_point(hand, "the band", problems) {
                                out.push(PropReq::BandToDoor(a));
                            }
                        }
                        (false, false) => {
                            let a = resolve_point(f, "the band", problems);
                            let b = resolve_point(t, "the band", problems);
                            if let (Some(a), Some(b)) = (a, b) {
                                out.push(PropReq::Band(a, b));
                            }
                        }
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
    if let Some(s) = on(&p.stick) {
        if only("stick", s, false, true, false, problems) {
            match pair(s, "stick", problems) {
                Some((a, b)) => out.push(PropReq::Stick(a, b)),
                None if s.get_ref().place.between.is_none() => problems.push(problem(
                    "the stick needs both ends: `stick = { between = [\"left-hand\", \"right-hand\"] }`".into(),
                    None,
                    span_of(s),
                )),
                None => {}
            }
        }
    }
    if let Some(s) = on(&p.towel) {
        if only("towel", s, true, true, false, problems) {
            let pl = &s.get_ref().place;
            match (&pl.at, &pl.between) {
                (Some(a), None) => {
                    if let Some(bp) = resolve_point(a, "the towel", problems) {
                        out.push(PropReq::Towel(Place::At(bp)));
                    }
                }
                (None, Some(_)) => {
                    if let Some((a, b)) = pair(s, "towel", problems) {
                        out.push(PropReq::Towel(Place::Between(a, b)));
                    }
                }
                _ => problems.push(problem(
                    "the towel needs a place: `at = \"left-foot\"` (flat on the floor under it) or `between = [\"left-hand\", \"right-hand\"]` (held)".into(),
                    None,
                    span_of(s),
                )),
            }
        }
    }
    out
}

/// The two body points of `between = [A, B]`.
fn pair(
    s: &Spanned<PropSpec>,
    name: &str,
    problems: &mut Vec<Problem>,
) -> Option<(body::BodyPoint, body::BodyPoint)> {
    let b = s.get_ref().place.between.as_ref()?;
    if b.get_ref().len() != 2 {
        problems.push(problem(
            format!("the {name}'s `between` takes two body points"),
            Some("like `between = [\"left-hand\", \"right-hand\"]`".to_string()),
            span_of(b),
        ));
        return None;
    }
    let what = format!("the {name}");
    let x = resolve_point(&b.get_ref()[0], &what, problems);
    let y = resolve_point(&b.get_ref()[1], &what, problems);
    x.zip(y)
}
