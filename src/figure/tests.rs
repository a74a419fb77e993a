//! Tests of the figure engine: kinematics, settling, depth order,
//! validation, determinism and the built-in figures.

use glam::Vec3;

use super::body::{self, PartId};
use super::render::Camera;
use super::resolve::{Posture, View, POSTURES};
use super::scene;
use super::skeleton::{Angles, Frame, Joint, Seg, Side, Skeleton, SHANK, THIGH};
use super::*;

fn near(a: f32, b: f32, tol: f32) -> bool {
    (a - b).abs() <= tol
}

fn pose(set: &[(Joint, usize, f32)]) -> Skeleton {
    let mut a = Angles::default();
    for &(j, i, v) in set {
        a.set(j, i, v);
    }
    Skeleton::pose(&a, Frame::IDENTITY)
}

#[test]
fn knee_flexion_90_puts_the_ankle_behind_the_knee_at_its_height() {
    let sk = pose(&[(Joint::Knee(Side::Left), 0, 90.0)]);
    let knee = sk.joint(Seg::Shank(Side::Left));
    let ankle = sk.joint(Seg::Foot(Side::Left));
    let hip = sk.joint(Seg::Thigh(Side::Left));
    // The thigh is still vertical.
    assert!(near(knee.x, hip.x, 0.01) && near(knee.z, hip.z - THIGH, 0.01));
    // One shank length straight behind the knee, level with it.
    assert!(near(ankle.x, knee.x - SHANK, 0.01), "{ankle} {knee}");
    assert!(near(ankle.z, knee.z, 0.01));
    assert!(near(ankle.y, knee.y, 0.01));
}

#[test]
fn hip_flexion_90_puts_the_knee_forward_at_hip_height() {
    for d in Side::BOTH {
        let sk = pose(&[(Joint::Hip(d), 0, 90.0)]);
        let hip = sk.joint(Seg::Thigh(d));
        let knee = sk.joint(Seg::Shank(d));
        assert!(near(knee.x, hip.x + THIGH, 0.01), "{d:?} {knee}");
        assert!(near(knee.z, hip.z, 0.01));
    }
}

#[test]
fn abduction_takes_each_limb_out_to_its_own_side() {
    for d in Side::BOTH {
        let sk = pose(&[(Joint::Hip(d), 1, 45.0), (Joint::Shoulder(d), 1, 90.0)]);
        let knee = sk.joint(Seg::Shank(d));
        let hip = sk.joint(Seg::Thigh(d));
        assert!(
            (knee.y - hip.y) * d.sign() > 0.6 * THIGH,
            "{d:?} hip abduction"
        );
        let sh = sk.joint(Seg::UpperArm(d));
        let el = sk.joint(Seg::Forearm(d));
        assert!(
            near(el.z, sh.z, 0.5),
            "{d:?} shoulder abduction 90 is level"
        );
        assert!((el.y - sh.y) * d.sign() > 0.0);
    }
}

#[test]
fn flexion_then_adduction_takes_the_arm_forward_and_across() {
    // Shoulder flexion 80 then adduction 20: the arm points forward and
    // toward the body's midline.
    let sk = pose(&[
        (Joint::Shoulder(Side::Left), 0, 80.0),
        (Joint::Shoulder(Side::Left), 1, -20.0),
    ]);
    let sh = sk.joint(Seg::UpperArm(Side::Left));
    let el = sk.joint(Seg::Forearm(Side::Left));
    assert!(el.x - sh.x > 150.0);
    assert!(el.y < sh.y - 50.0, "{sh} {el}");
}

#[test]
fn spine_flexion_tips_the_head_forward_and_external_rotation_turns_the_foot_out() {
    let sk = pose(&[(Joint::Spine, 0, 45.0)]);
    assert!(sk.joint(Seg::Head).x > 200.0);
    let sk = pose(&[(Joint::Hip(Side::Right), 2, 40.0)]);
    let toes = sk.point(
        Seg::Foot(Side::Right),
        skeleton::seg_end(Seg::Foot(Side::Right)),
    );
    let ankle = sk.joint(Seg::Foot(Side::Right));
    // The right foot turns out to the right (-Y).
    assert!(toes.y < ankle.y - 50.0);
}

/// The `[figure]` of an exercise file's text (the figure tests share it).
pub(super) fn spec(text: &str) -> FigureSpec {
    #[derive(serde::Deserialize)]
    struct Wrap {
        figure: FigureSpec,
    }
    match toml::from_str::<Wrap>(text) {
        Ok(w) => w.figure,
        Err(e) => panic!("{e}\n{text}"),
    }
}

#[test]
fn every_posture_settles_onto_its_support() {
    for (name, posture) in POSTURES {
        let text = format!("[figure]\nview = \"side\"\n[figure.start]\nposture = \"{name}\"\n");
        let s = spec(&text);
        let (r, problems) = resolve::resolve(&s);
        assert!(problems.is_empty(), "{name}: {problems:?}");
        let Some(r) = r else { panic!("{name}") };
        let sc = scene::build(&r);
        let low = |pick: &dyn Fn(PartId) -> bool| {
            sc.end
                .parts
                .iter()
                .filter(|p| pick(p.id))
                .flat_map(|p| p.prims.iter().map(|q| q.bottom()))
                .fold(f32::MAX, f32::min)
        };
        let all = low(&|id| body::is_solid(id));
        match posture {
            Posture::StandingOnStep => {
                let feet = low(&|id| matches!(id, PartId::Foot(_)));
                assert!(
                    near(feet, scene::STEP_HEIGHT, 0.5),
                    "{name}: feet at {feet}"
                );
            }
            Posture::Sitting => {
                // Feet on the floor and buttocks on the seat.
                let feet = low(&|id| matches!(id, PartId::Foot(_)));
                assert!(near(feet, 0.0, 0.5), "{name}: feet at {feet}");
                let seat = sc
                    .props
                    .iter()
                    .find_map(|p| match (&p.kind, &p.shape) {
                        (scene::PropKind::Chair, scene::Shape::Box { c, half }) if p.under => {
                            Some(c.z + half.col(2).z.abs())
                        }
                        _ => None,
                    })
                    .unwrap_or(f32::NAN);
                let buttocks = low(&|id| id == PartId::Pelvis);
                assert!(
                    near(buttocks, seat, 0.5),
                    "{name}: buttocks {buttocks}, seat {seat}"
                );
            }
            _ => assert!(near(all, 0.0, 0.5), "{name}: lowest point at {all}"),
        }
        if posture == Posture::HandsAndKnees {
            let hands = low(&|id| matches!(id, PartId::Hand(_)));
            let knees = low(&|id| matches!(id, PartId::Shank(_)));
            assert!(
                near(hands, 0.0, 6.0) && near(knees, 0.0, 6.0),
                "{hands} {knees}"
            );
        }
        // Nothing below the floor.
        assert!(all > -0.5, "{name}: {all}");
    }
}

#[test]
fn a_mat_raises_the_support_by_its_thickness() {
    let s = spec("[figure]\nview = \"side\"\nprops = { mat = true }\n[figure.start]\nposture = \"lying-on-back\"\n");
    let (r, _) = resolve::resolve(&s);
    let sc = scene::build(&r.expect("resolves"));
    let low = sc
        .end
        .parts
        .iter()
        .flat_map(|p| p.prims.iter().map(|q| q.bottom()))
        .fold(f32::MAX, f32::min);
    assert!(near(low, scene::MAT_THICKNESS, 0.5), "{low}");
}

#[test]
fn a_limb_nearer_the_camera_is_drawn_after_one_behind_it() {
    // Seen from the right side, the right leg is nearer than the left: its
    // outline must come later in the paths.
    let s = spec("[figure]\nview = \"side\"\n[figure.start]\nposture = \"standing\"\nleft-hip = { flexion = 30 }\nright-hip = { extension = 10 }\n");
    let style = FigureStyle::default();
    let d = draw(&s, &style).expect("draws");
    // Find the paths drawn in the near colour vs the far colour: far-side
    // limbs are lighter and must all come before the near thigh.
    let first_near_ink = d
        .paths
        .iter()
        .position(|p| p.fill == Some(style.ink))
        .expect("ink");
    let last_far = d
        .paths
        .iter()
        .rposition(|p| p.fill == Some(style.far))
        .expect("far limbs");
    assert!(last_far < d.paths.len());
    // And the camera agrees: the right hip is nearer.
    let cam = Camera::new(View {
        azimuth: -90.0,
        elevation: 0.0,
    });
    let sk = pose(&[]);
    assert!(
        cam.depth(sk.joint(Seg::Thigh(Side::Right))) > cam.depth(sk.joint(Seg::Thigh(Side::Left)))
    );
    // The far limbs are painted before the nearest (right) thigh.
    let near_thigh = d
        .paths
        .iter()
        .rposition(|p| p.fill == Some(style.ink))
        .expect("ink");
    assert!(
        last_far < near_thigh,
        "far {last_far}, near {near_thigh}, first ink {first_near_ink}"
    );
}

#[test]
fn depth_order_follows_the_camera_for_crossing_legs() {
    // Two thighs, one in front of the other as seen from the front: the
    // forward (flexed) one is nearer and its shape is painted later.
    let s = spec("[figure]\nview = \"front\"\n[figure.start]\nposture = \"standing\"\nleft-hip = { flexion = 90 }\n");
    let (r, _) = resolve::resolve(&s);
    let r = r.expect("resolves");
    let sc = scene::build(&r);
    let cam = Camera::new(r.view);
    let depth = |id: PartId| {
        let p = sc.end.parts.iter().find(|p| p.id == id).expect("part");
        p.prims.iter().map(|q| cam.depth(q.centre())).sum::<f32>() / p.prims.len() as f32
    };
    assert!(depth(PartId::Thigh(Side::Left)) > depth(PartId::Pelvis));
}

#[test]
fn unknown_joint_is_reported_with_its_span_and_a_suggestion() {
    let text = "[figure]\nview = \"side\"\n[figure.start]\nposture = \"standing\"\nleft-hipp = { flexion = 10 }\n";
    let p = validate(&spec(text));
    assert_eq!(p.len(), 1, "{p:?}");
    let span = p[0].span.clone().expect("span");
    assert_eq!(&text[span], "left-hipp");
    assert!(
        p[0].hint.as_deref().unwrap_or("").contains("left-hip"),
        "{p:?}"
    );
    assert!(draw(&spec(text), &FigureStyle::default()).is_err());
}

#[test]
fn unknown_movement_and_body_point_are_reported() {
    let text = "[figure]\nview = \"side\"\nmoving = \"left-kne\"\n[figure.start]\nposture = \"standing\"\n[figure.end]\nleft-knee = { flexon = 10 }\n";
    let p = validate(&spec(text));
    assert!(
        p.iter().any(|x| x.message.contains("left-kne")
            && x.hint.as_deref().unwrap_or("").contains("left-knee")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|x| x.span.clone().map(|s| &text[s]) == Some("flexon")),
        "{p:?}"
    );
}

#[test]
fn a_knee_bent_backwards_is_reported_at_the_angle() {
    let text = "[figure]\nview = \"side\"\n[figure.start]\nposture = \"standing\"\nleft-knee = { flexion = -30 }\n";
    let p = validate(&spec(text));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].message
            .contains("left-knee flexion -30 is outside -5 to 150"),
        "{}",
        p[0].message
    );
    assert!(p[0]
        .hint
        .as_deref()
        .unwrap_or("")
        .contains("cannot bend backwards"));
    assert_eq!(&text[p[0].span.clone().expect("span")], "-30");
}

#[test]
fn a_foot_through_the_floor_is_reported() {
    // Sitting (buttocks on the seat), the thigh tipped down: the foot goes
    // through the floor.
    let text = "[figure]\nview = \"side\"\nmoving = \"left-foot\"\n[figure.start]\nposture = \"sitting\"\n[figure.end]\nleft-hip = { flexion = 50 }\n";
    let p = validate(&spec(text));
    let hit = p
        .iter()
        .find(|x| x.message.contains("through the floor"))
        .expect("floor problem");
    assert!(hit.message.contains("left"), "{}", hit.message);
    assert_eq!(&text[hit.span.clone().expect("span")], "50");
    // Lying on the back, a straight leg taken down: through the floor too.
    let text = "[figure]\nview = \"side\"\nmoving = \"left-foot\"\n[figure.start]\nposture = \"lying-on-back\"\n[figure.end]\nleft-hip = { extension = 20 }\n";
    let p = validate(&spec(text));
    assert!(
        p.iter()
            .any(|x| x.message.contains("left foot goes")
                || x.message.contains("left lower leg goes")),
        "{p:?}"
    );
}

#[test]
fn non_finite_and_huge_angles_are_rejected_without_panic() {
    for v in ["nan", "inf", "-inf", "1e30", "720"] {
        let text = format!("[figure]\nview = \"side\"\n[figure.start]\nposture = \"standing\"\nspine = {{ flexion = {v} }}\n");
        let p = validate(&spec(&text));
        assert_eq!(p.len(), 1, "{v}: {p:?}");
        assert!(draw(&spec(&text), &FigureStyle::default()).is_err());
    }
}

#[test]
fn drawing_is_deterministic() {
    let text = "[figure]\nview = \"three-quarter\"\nmoving = \"right-hand\"\nprops = { chair = { at = \"left-hand\" } }\n[figure.start]\nposture = \"standing\"\nleft-shoulder = { flexion = 40 }\n[figure.end]\nright-shoulder = { flexion = 150 }\n";
    let s = spec(text);
    let a = draw(&s, &FigureStyle::default()).expect("draws");
    let b = draw(&s, &FigureStyle::default()).expect("draws");
    assert_eq!(a, b);
    assert_eq!(to_svg(&a), to_svg(&b));
}

fn inside(d: &Drawing) -> Result<(), String> {
    for p in &d.paths {
        for c in &p.cmds {
            let pts: Vec<(f32, f32)> = match *c {
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => vec![(x, y)],
                PathCmd::CubicTo(a, b, c, e, x, y) => vec![(a, b), (c, e), (x, y)],
                PathCmd::Close => vec![],
            };
            for (x, y) in pts {
                if !(x >= 0.0 && y >= 0.0 && x <= d.width && y <= d.height) {
                    return Err(format!("({x}, {y}) outside {} x {}", d.width, d.height));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn every_built_in_figure_draws_inside_its_box_and_validates() {
    let lib = crate::content::Library::builtin().expect("library");
    let style = FigureStyle::new(lib.clinic.colours.primary);
    let mut n = 0;
    let ids: Vec<String> = lib.exercise_ids().map(str::to_string).collect();
    for id in ids {
        let ex = lib.exercise(&id).expect("exercise");
        let Some(spec) = &ex.figure else { continue };
        n += 1;
        assert_eq!(validate(spec), vec![], "{id}");
        let d = draw(spec, &style).expect("draws");
        assert!(d.width > 10.0 && d.height > 10.0, "{id}");
        if let Err(e) = inside(&d) {
            panic!("{id}: {e}");
        }
    }
    // Every built-in exercise is drawn from poses.
    assert_eq!(n, lib.exercise_ids().count());
}

#[test]
fn every_view_and_posture_draws_inside_its_box() {
    for (view, _, _) in resolve::VIEWS {
        for (posture, _) in POSTURES {
            let text = format!("[figure]\nview = \"{view}\"\nmoving = \"left-hand\"\n[figure.start]\nposture = \"{posture}\"\n[figure.end]\nleft-elbow = {{ flexion = 100 }}\n");
            let d = draw(&spec(&text), &FigureStyle::default()).expect("draws");
            if let Err(e) = inside(&d) {
                panic!("{view} {posture}: {e}");
            }
        }
    }
}

#[test]
fn every_body_point_name_resolves() {
    for name in body::point_names() {
        assert!(body::body_point(&name).is_some(), "{name}");
    }
    for j in Joint::all() {
        assert!(resolve::joints_named(&j.name()).is_some(), "{}", j.name());
    }
}

#[test]
fn the_head_has_a_face() {
    // The nose sits in front of the head centre: the face points forward.
    let sk = pose(&[]);
    let parts = body::parts(&sk);
    let nose = parts.iter().find(|p| p.id == PartId::Nose).expect("nose");
    assert!(nose.prims[0].centre().x > body::head_centre().x + 50.0);
    let _ = Vec3::ZERO;
}
