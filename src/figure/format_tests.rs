//! Tests of what the format gained for the exercise library: `rests-on`,
//! the new postures and joints, the stick and towel, arrows, the inset, the
//! ghost drawn only where the pose changed, the floor cut to the body, and
//! every example in the format reference.

use glam::{Vec2, Vec3};

use super::body::{self, PartId};
use super::contact;
use super::render::Camera;
use super::resolve::View;
use super::scene::{self, PropKind, Scene, Shape};
use super::skeleton::Seg;
use super::tests::spec;
use super::*;

fn scene_of(text: &str) -> Scene {
    let (r, problems) = resolve::resolve(&spec(text));
    match r {
        Some(r) => scene::build(&r),
        None => panic!("{problems:?}"),
    }
}

/// How high a `rests-on` name's lowest point is in a placed pose.
fn low(p: &scene::Placed, name: &str) -> Vec<f32> {
    contact::contacts_named(name)
        .expect("a contact name")
        .iter()
        .map(|c| contact::lowest(&p.parts, &p.sk, c).expect("touches").z)
        .collect()
}

const BRIDGE: &str = r#"
[figure]
view = "side"
moving = "pelvis"
props = { mat = true }
[figure.start]
posture = "lying-on-back-knees-bent"
[figure.end]
rests-on = ["shoulders", "feet"]
hips = { flexion = 10 }
neck = { flexion = 45 }
"#;

#[test]
fn a_bridge_rests_on_the_shoulders_and_both_feet() {
    let sc = scene_of(BRIDGE);
    let top = scene::MAT_THICKNESS;
    for name in ["shoulders", "feet"] {
        for z in low(&sc.end, name) {
            assert!((z - top).abs() <= 0.5, "{name} at {z}, mat top {top}");
        }
    }
    // The hips are lifted well clear of the mat, and nothing goes through.
    let pelvis = sc.end.lowest(|id| id == PartId::Pelvis).expect("pelvis");
    assert!(pelvis > top + 100.0, "pelvis at {pelvis}");
    assert_eq!(validate(&spec(BRIDGE)), vec![]);
    // Lying with the knees bent, the feet rest flat with the back.
    for z in low(&sc.start, "feet") {
        assert!((z - top).abs() <= 6.0, "start feet at {z}");
    }
}

#[test]
fn rests_on_tilts_a_lunge_until_both_feet_touch() {
    let text = r#"
[figure]
view = "side"
[figure.start]
posture = "standing"
rests-on = ["feet"]
left-hip = { flexion = 25 }
left-knee = { flexion = 10 }
right-hip = { extension = 15 }
"#;
    let sc = scene_of(text);
    for z in low(&sc.start, "feet") {
        assert!(z.abs() <= 0.5, "a foot at {z}");
    }
    // Without rests-on, only the lower foot touches.
    let plain = text.replace("rests-on = [\"feet\"]\n", "");
    let sc = scene_of(&plain);
    let feet = low(&sc.start, "feet");
    assert!(feet.iter().any(|z| *z > 10.0), "{feet:?}");
}

#[test]
fn sitting_to_standing_keeps_the_feet_and_the_chair() {
    let text = r#"
[figure]
view = "side"
moving = "pelvis"
[figure.start]
posture = "sitting"
[figure.end]
rests-on = ["feet"]
hips = { flexion = 0 }
knees = { flexion = 0 }
"#;
    let sc = scene_of(text);
    let foot = |p: &scene::Placed| body::body_point("left-foot").expect("foot").world(&p.sk);
    assert!((foot(&sc.start) - foot(&sc.end)).truncate().length() < 1.0);
    for z in low(&sc.end, "feet") {
        assert!(z.abs() <= 0.5, "standing foot at {z}");
    }
    // The seat is still under where the start sat, not under the end.
    let seat = sc
        .props
        .iter()
        .find_map(|p| match (&p.kind, &p.shape, p.under) {
            (PropKind::Chair, Shape::Box { c, .. }, true) => Some(*c),
            _ => None,
        })
        .expect("a seat");
    let sat = sc.start.sk.joint(Seg::Pelvis);
    assert!((seat.x - sat.x).abs() < 250.0, "seat {seat} pelvis {sat}");
    assert_eq!(validate(&spec(text)), vec![]);
}

#[test]
fn a_foot_on_the_step_rests_on_its_top_and_the_other_on_the_floor() {
    let text = r#"
[figure]
view = "side"
moving = "pelvis"
props = { step = { at = "right-foot" } }
[figure.start]
posture = "standing-on-step"
rests-on = ["left-foot", "right-foot"]
right-hip = { flexion = 45 }
right-knee = { flexion = 60 }
right-ankle = { dorsiflexion = 10 }
[figure.end]
rests-on = ["right-foot"]
right-hip = { flexion = 0 }
right-knee = { flexion = 0 }
right-ankle = { dorsiflexion = 0 }
left-hip = { flexion = 20 }
left-knee = { flexion = 50 }
"#;
    let sc = scene_of(text);
    let l = low(&sc.start, "left-foot")[0];
    let r = low(&sc.start, "right-foot")[0];
    assert!(l.abs() <= 0.5, "left foot {l}");
    assert!((r - scene::STEP_HEIGHT).abs() <= 0.5, "right foot {r}");
    let r = low(&sc.end, "right-foot")[0];
    assert!((r - scene::STEP_HEIGHT).abs() <= 0.5, "end right foot {r}");
    assert_eq!(validate(&spec(text)), vec![]);
}

#[test]
fn a_pose_that_cannot_rest_on_what_it_names_is_reported_at_rests_on() {
    // A knee lifted high cannot touch the floor with both feet.
    let text = r#"
[figure]
view = "side"
[figure.start]
posture = "standing"
rests-on = ["left-foot", "right-foot", "right-knee"]
"#;
    let p = validate(&spec(text));
    let hit = p
        .iter()
        .find(|x| x.message.contains("does not rest on"))
        .unwrap_or_else(|| panic!("{p:?}"));
    let span = hit.span.clone().expect("span");
    assert!(text[span].starts_with("[\"left-foot\""));
}

#[test]
fn an_unknown_support_is_reported_with_a_suggestion() {
    let text = "[figure]\nview = \"side\"\n[figure.start]\nposture = \"standing\"\nrests-on = [\"shoulder\", \"foots\"]\n";
    let p = validate(&spec(text));
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].message.contains("`shoulder`"), "{p:?}");
    assert!(p[1].hint.as_deref().unwrap_or("").contains("feet"), "{p:?}");
    assert_eq!(&text[p[1].span.clone().expect("span")], "\"foots\"");
}

#[test]
fn every_new_posture_settles_with_nothing_through_the_floor() {
    for posture in ["lying-on-back-knees-bent", "kneeling", "sitting-on-floor"] {
        let text = format!("[figure]\nview = \"side\"\n[figure.start]\nposture = \"{posture}\"\n");
        assert_eq!(validate(&spec(&text)), vec![], "{posture}");
    }
    // Kneeling rests on both knees; half kneeling on the down knee and the
    // front foot.
    let sc = scene_of("[figure]\nview = \"side\"\n[figure.start]\nposture = \"kneeling\"\n");
    for z in low(&sc.start, "knees") {
        assert!(z.abs() <= 0.5, "knee at {z}");
    }
    let sc = scene_of(
        "[figure]\nview = \"side\"\n[figure.start]\nposture = \"half-kneeling-left-knee-down\"\n",
    );
    for name in ["left-knee", "right-foot"] {
        let z = low(&sc.start, name)[0];
        assert!(z.abs() <= 0.5, "{name} at {z}");
    }
}

#[test]
fn hands_and_knees_keeps_a_hand_and_a_knee_down_when_the_back_rounds() {
    // A rounded back used to rest the figure on its head.
    let text = "[figure]\nview = \"side\"\n[figure.start]\nposture = \"hands-and-knees\"\nspine = { flexion = 35 }\nneck = { flexion = 30 }\nhips = { flexion = 70 }\n";
    let sc = scene_of(text);
    let hands = low(&sc.start, "hands");
    let knees = low(&sc.start, "knees");
    let toes = low(&sc.start, "toes");
    assert!(hands.iter().any(|z| z.abs() < 1.0), "{hands:?}");
    // The knees rest on the floor, or the toes when they reach lower.
    let back = knees.iter().chain(&toes).copied().fold(f32::MAX, f32::min);
    assert!(back.abs() < 1.0, "{knees:?} {toes:?}");
    assert!(knees.iter().all(|z| *z < 12.0), "{knees:?}");
    assert_eq!(validate(&spec(text)), vec![]);
}

#[test]
fn a_chin_tuck_moves_the_head_straight_back_and_keeps_it_level() {
    let text = "[figure]\nview = \"side\"\nmoving = \"nose\"\n[figure.start]\nposture = \"sitting\"\n[figure.end]\nneck = { retraction = 25 }\n";
    let sc = scene_of(text);
    let nose = |p: &scene::Placed| body::body_point("nose").expect("nose").world(&p.sk);
    let moved = nose(&sc.end) - nose(&sc.start);
    assert!(moved.x < -35.0, "the nose moves back: {moved}");
    assert!(
        moved.z.abs() < 0.4 * moved.x.abs(),
        "and hardly up or down: {moved}"
    );
    let face = |p: &scene::Placed| p.sk.dir(Seg::Head, Vec3::X);
    assert!(
        face(&sc.start).dot(face(&sc.end)) > 0.999,
        "the head stays level"
    );
    // Out of range is an error that names the range.
    let bad = text.replace("retraction = 25", "retraction = 40");
    let p = validate(&spec(&bad));
    assert!(p[0].message.contains("outside -30 to 30"), "{p:?}");
}

#[test]
fn toes_curl_down_and_lift_up() {
    // The seat is fitted to the start pose; the end pose moves the toes.
    let at = |v: &str| {
        let text = format!("[figure]\nview = \"side\"\nmoving = \"right-toes\"\n[figure.start]\nposture = \"sitting\"\n[figure.end]\nright-toes = {{ {v} }}\n");
        let sc = scene_of(&text);
        let toes = body::body_point("right-toes").expect("toes");
        toes.world(&sc.end.sk).z - toes.world(&sc.start.sk).z
    };
    assert!(at("flexion = 40") < -15.0);
    assert!(at("extension = 40") > 15.0);
}

#[test]
fn a_stick_runs_between_both_hands_in_both_poses() {
    let text = r#"
[figure]
view = "three-quarter"
moving = "right-hand"
props = { stick = { between = ["left-hand", "right-hand"] } }
[figure.start]
posture = "lying-on-back-knees-bent"
shoulders = { flexion = 90 }
elbows = { flexion = 0 }
[figure.end]
shoulders = { flexion = 160 }
"#;
    let sc = scene_of(text);
    let rods: Vec<(Vec3, Vec3, bool)> = sc
        .props
        .iter()
        .filter_map(|p| match p.shape {
            Shape::Rod(a, b, _) => Some((a, b, p.ghost)),
            _ => None,
        })
        .collect();
    assert_eq!(rods.len(), 2, "a stick in each pose");
    for (a, b, ghost) in rods {
        let pose = if ghost { &sc.start } else { &sc.end };
        let axis = (b - a).normalize();
        for hand in ["left-hand", "right-hand"] {
            let h = body::body_point(hand).expect("hand").world(&pose.sk);
            let along = (h - a).dot(axis);
            assert!(
                along > 50.0 && along < (b - a).length() - 50.0,
                "{hand} inside the ends"
            );
            let off = (h - a - axis * along).length();
            assert!(off < 1.0, "{hand} {off} mm off the stick's line");
        }
    }
    assert_eq!(validate(&spec(text)), vec![]);
    // A stick needs both ends.
    let bad = text.replace(
        "stick = { between = [\"left-hand\", \"right-hand\"] }",
        "stick = { between = [\"left-hand\"] }",
    );
    let p = validate(&spec(&bad));
    assert!(
        p.iter().any(|x| x.message.contains("two body points")),
        "{p:?}"
    );
}

#[test]
fn a_towel_lies_flat_under_the_foot_or_runs_between_the_hands() {
    let text = "[figure]\nview = \"side\"\nprops = { towel = { at = \"right-foot\" } }\n[figure.start]\nposture = \"sitting\"\n";
    let sc = scene_of(text);
    let foot = body::body_point("right-foot")
        .expect("foot")
        .world(&sc.start.sk);
    let towel = sc
        .props
        .iter()
        .find_map(|p| match (&p.kind, &p.shape) {
            (
                PropKind::Towel,
                Shape::Slab {
                    outline,
                    bottom,
                    top,
                },
            ) => Some((outline.clone(), *bottom, *top)),
            _ => None,
        })
        .expect("a towel");
    assert!(
        towel.1 == 0.0 && towel.2 > 0.0 && towel.2 < 10.0,
        "flat on the floor"
    );
    let lo = towel.0.iter().fold(Vec2::splat(f32::MAX), |a, p| a.min(*p));
    let hi = towel.0.iter().fold(Vec2::splat(f32::MIN), |a, p| a.max(*p));
    assert!(foot.x > lo.x && foot.x < hi.x && foot.y > lo.y && foot.y < hi.y);
    let held = text.replace(
        "towel = { at = \"right-foot\" }",
        "towel = { between = [\"left-hand\", \"right-hand\"] }",
    );
    let sc = scene_of(&held);
    assert!(sc
        .props
        .iter()
        .any(|p| p.kind == PropKind::Towel && matches!(p.shape, Shape::Cloth(..))));
}

/// The points of a drawing's paths.
fn points(paths: &[PathShape]) -> Vec<Vec2> {
    let mut out = Vec::new();
    for p in paths {
        for c in &p.cmds {
            match *c {
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => out.push(Vec2::new(x, y)),
                PathCmd::CubicTo(a, b, c, d, x, y) => {
                    out.extend([Vec2::new(a, b), Vec2::new(c, d), Vec2::new(x, y)])
                }
                PathCmd::Close => {}
            }
        }
    }
    out
}

#[test]
fn the_inset_lies_inside_its_frame_and_the_drawing() {
    let style = FigureStyle::default();
    for corner in ["", "corner = \"top-left\"\n", "corner = \"bottom-right\"\n"] {
        let text = format!(
            "{}\n[figure.inset]\nview = \"above\"\nview-elevation = 90\n{corner}",
            BRIDGE.trim_end()
        );
        let d = draw(&spec(&text), &style).expect("draws");
        let frame = d
            .paths
            .iter()
            .position(|p| {
                p.fill == Some(Rgb::WHITE) && p.stroke.map(|s| s.0) == Some(style.prop_line)
            })
            .expect("a frame");
        let f = points(&d.paths[frame..frame + 1]);
        let lo = f.iter().fold(Vec2::splat(f32::MAX), |a, p| a.min(*p));
        let hi = f.iter().fold(Vec2::splat(f32::MIN), |a, p| a.max(*p));
        assert!(lo.x >= 0.0 && lo.y >= 0.0 && hi.x <= d.width && hi.y <= d.height);
        for p in points(&d.paths[frame + 1..]) {
            assert!(
                p.x >= lo.x - 0.01
                    && p.x <= hi.x + 0.01
                    && p.y >= lo.y - 0.01
                    && p.y <= hi.y + 0.01,
                "{corner}: {p} outside the frame {lo} {hi}"
            );
        }
        // The inset has its own arrow.
        assert!(d.paths[frame..]
            .iter()
            .any(|p| p.stroke.map(|s| s.0) == Some(style.arrow)));
    }
    let bad = format!(
        "{}\n[figure.inset]\nview = \"abov\"\ncorner = \"middle\"\n",
        BRIDGE.trim_end()
    );
    let p = validate(&spec(&bad));
    assert_eq!(p.len(), 2, "{p:?}");
}

#[test]
fn round_and_two_way_arrows_and_none() {
    let base = "[figure]\nview = \"side\"\nmoving = \"right-toes\"\nARROW\n[figure.start]\nposture = \"sitting\"\nright-hip = { flexion = 100 }\nright-knee = { flexion = 10 }\n[figure.end]\nright-ankle = { plantar-flexion = 30, inversion = 20 }\n";
    let style = FigureStyle::default();
    let arrow = |kind: &str| {
        let d = draw(&spec(&base.replace("ARROW", kind)), &style).expect("draws");
        let shaft = d
            .paths
            .iter()
            .filter(|p| p.fill.is_none() && p.stroke.map(|s| s.0) == Some(style.arrow))
            .flat_map(|p| points(std::slice::from_ref(p)))
            .collect::<Vec<_>>();
        let heads = d
            .paths
            .iter()
            .filter(|p| p.fill == Some(style.arrow))
            .count();
        (shaft, heads)
    };
    let (round, heads) = arrow("arrow = \"round\"");
    assert_eq!(heads, 1);
    // Most of a loop: the shaft's points surround their centre.
    let c = round.iter().copied().sum::<Vec2>() / round.len() as f32;
    let mut quadrants = [false; 4];
    for p in &round {
        let d = *p - c;
        quadrants[(d.x > 0.0) as usize * 2 + (d.y > 0.0) as usize] = true;
    }
    assert!(quadrants.iter().all(|q| *q), "the loop goes round");
    let (_, heads) = arrow("arrow = \"two-way\"");
    assert_eq!(heads, 2);
    let (shaft, heads) = arrow("arrow = \"none\"");
    assert!(shaft.is_empty() && heads == 0);
    // With no arrow, no moving point is needed.
    let text = base
        .replace("moving = \"right-toes\"\n", "")
        .replace("ARROW", "arrow = \"none\"");
    assert_eq!(validate(&spec(&text)), vec![]);
    let p = validate(&spec(&base.replace("ARROW", "arrow = \"roud\"")));
    assert!(
        p[0].hint.as_deref().unwrap_or("").contains("round"),
        "{p:?}"
    );
}

#[test]
fn the_ghost_is_drawn_only_where_the_pose_changed() {
    // A hip hitch: the lifted leg moves, the standing leg and the trunk
    // hardly do; the lifted leg has a ghost (on the left of the picture:
    // the person faces the camera), the standing leg none.
    let lib = crate::content::Library::builtin().expect("library");
    let ex = lib.exercise("hip-hitch").expect("hip hitch");
    let spec = ex.figure.as_ref().expect("a figure");
    let style = FigureStyle::default();
    let d = draw(spec, &style).expect("draws");
    let of = |c: Rgb| -> Vec<PathShape> {
        d.paths
            .iter()
            .filter(|p| p.fill == Some(c))
            .cloned()
            .collect()
    };
    let mean_x = |ps: &[PathShape]| {
        let pts = points(ps);
        pts.iter().map(|p| p.x).sum::<f32>() / pts.len().max(1) as f32
    };
    let (ghost, ink) = (of(style.ghost), of(style.ink));
    assert!(!ghost.is_empty(), "the lifted leg's ghost");
    assert!(ghost.len() <= 2, "one ghost group: {}", ghost.len());
    assert!(mean_x(&ghost) < mean_x(&ink) - 3.0);
}

#[test]
fn looking_straight_down_keeps_the_front_at_the_bottom() {
    let cam = Camera::new(View {
        azimuth: 0.0,
        elevation: 90.0,
    });
    // +X (the person's front) is down the page, +Y (their left) to the right.
    assert!(cam.screen(Vec3::X).y > 0.0);
    assert!(cam.screen(Vec3::Y).x > 0.0);
}

#[test]
fn the_floor_is_cut_to_the_feet_of_a_standing_body() {
    let sc = scene_of("[figure]\nview = \"above\"\n[figure.start]\nposture = \"standing\"\nshoulders = { flexion = 90 }\n");
    let floor = sc
        .props
        .iter()
        .find_map(|p| match (&p.kind, &p.shape) {
            (PropKind::Floor, Shape::Slab { outline, .. }) => Some(outline.clone()),
            _ => None,
        })
        .expect("a floor");
    let hi = floor.iter().fold(Vec2::splat(f32::MIN), |a, p| a.max(*p));
    // The arms reach forward, the floor does not follow them.
    let hand = body::body_point("right-fingertips")
        .expect("hand")
        .world(&sc.start.sk);
    assert!(hi.x < hand.x - 200.0, "floor to {hi}, hand at {hand}");
}

#[test]
fn every_example_in_the_format_reference_checks_clean_and_draws() {
    let readme = include_str!("README.md");
    let mut n = 0;
    let mut rest = readme;
    while let Some(i) = rest.find("```toml\n") {
        let block = &rest[i + 8..];
        let end = block.find("```").expect("closed block");
        let text = &block[..end];
        rest = &block[end + 3..];
        if !text.trim_start().starts_with("[figure]") || !text.contains("posture") {
            continue;
        }
        n += 1;
        let s = spec(text);
        assert_eq!(validate(&s), vec![], "{text}");
        draw(&s, &FigureStyle::default()).expect("draws");
    }
    assert!(n >= 15, "{n} examples");
    // The pose ids of body points used in the reference all resolve.
    assert!(body::body_point("left-toes").is_some());
}
