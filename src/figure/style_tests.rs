//! Tests of how a figure reads: the three tones, the pelvis without a
//! dark patch, compact outlines, a band tied to a door, arrows that keep
//! off the body.

use glam::Vec2;

use super::props::{PropKind, Shape};
use super::resolve;
use super::scene;
use super::tests::spec;
use super::*;

fn points(paths: &[PathShape]) -> Vec<Vec2> {
    let mut v = Vec::new();
    for p in paths {
        for c in &p.cmds {
            match *c {
                PathCmd::MoveTo(x, y)
                | PathCmd::LineTo(x, y)
                | PathCmd::CubicTo(_, _, _, _, x, y) => v.push(Vec2::new(x, y)),
                PathCmd::Close => {}
            }
        }
    }
    v
}

/// The luminance of a colour (0 to 255).
fn luma(c: Rgb) -> f32 {
    0.299 * c.0 as f32 + 0.587 * c.1 as f32 + 0.114 * c.2 as f32
}

#[test]
fn ghost_far_side_and_near_side_are_three_distinct_tones() {
    for ink in [
        Rgb(0x0B, 0x55, 0x63),
        Rgb(0x1F, 0x3A, 0x93),
        Rgb(0x20, 0x20, 0x20),
    ] {
        let s = FigureStyle::new(ink);
        // The ghost is a neutral grey, whatever the clinic's colour.
        let (lo, hi) = (
            s.ghost.0.min(s.ghost.1).min(s.ghost.2),
            s.ghost.0.max(s.ghost.1).max(s.ghost.2),
        );
        assert!(hi - lo <= 8, "ghost {:?} is not grey", s.ghost);
        // In grey scale: near, far and ghost at least 40 levels apart.
        let (n, f, g) = (luma(s.ink), luma(s.far), luma(s.ghost));
        assert!(f - n >= 35.0 && g - f >= 40.0, "{n} {f} {g} for {ink:?}");
    }
}

#[test]
fn the_pelvis_is_drawn_in_the_body_tone_with_a_waistband() {
    // No darker patch at the hips (it read as buttocks from the front);
    // a light waistband line shows the pelvis's tilt.
    let s = spec("[figure]\nview = \"front\"\n[figure.start]\nposture = \"standing\"\n");
    let style = FigureStyle::default();
    let d = draw(&s, &style).expect("draws");
    let dark: Vec<PathShape> = d
        .paths
        .iter()
        .filter(|p| p.fill.is_some_and(|c| luma(c) < luma(style.ink) - 5.0))
        .cloned()
        .collect();
    let low = points(&dark).iter().map(|p| p.y).fold(0.0, f32::max);
    assert!(
        !dark.is_empty() && low < 0.2 * d.height,
        "only the head's hair and ears are darker than the body"
    );
    let band = d
        .paths
        .iter()
        .filter(|p| p.fill.is_none() && p.stroke.is_some_and(|s| s.0 == style.outline))
        .count();
    assert!(band >= 1, "a waistband");
}

#[test]
fn outlines_are_arcs_not_long_polylines() {
    // Every built-in figure: a few commands per piece of the body.
    let lib = crate::content::Library::builtin().expect("library");
    let style = FigureStyle::default();
    let (mut cmds, mut figures) = (0, 0);
    for id in lib.exercise_ids() {
        let ex = lib.exercise(id).expect("exercise");
        let Some(spec) = ex.figure.as_ref() else {
            continue;
        };
        let d = draw(spec, &style).expect("draws");
        cmds += d.paths.iter().map(|p| p.cmds.len()).sum::<usize>();
        figures += 1;
    }
    assert!(figures > 0);
    assert!(cmds / figures < 700, "{} commands a figure", cmds / figures);
}

#[test]
fn a_band_tied_to_a_door_runs_to_its_handle_in_both_poses() {
    let text = "[figure]\nview = \"side\"\nmoving = \"right-hand\"\nprops = { band = { from = \"right-hand\", to = \"door\" } }\n[figure.start]\nposture = \"standing\"\nshoulders = { flexion = 75 }\nelbows = { flexion = 10 }\n[figure.end]\nshoulders = { extension = 20 }\nelbows = { flexion = 100 }\n";
    let s = spec(text);
    assert_eq!(validate(&s), vec![]);
    let (r, _) = resolve::resolve(&s);
    let sc = scene::build(&r.expect("resolves"));
    let doors = sc.props.iter().filter(|p| p.kind == PropKind::Door).count();
    assert_eq!(doors, 2, "the door and its handle");
    let bands: Vec<(glam::Vec3, glam::Vec3)> = sc
        .props
        .iter()
        .filter_map(|p| match p.shape {
            Shape::Band(a, b) => Some((a, b)),
            _ => None,
        })
        .collect();
    assert_eq!(bands.len(), 2, "a band in each pose");
    // Both run to the same handle, in front of the person (a row pulls
    // back from a door in front).
    assert!((bands[0].1 - bands[1].1).length() < 1.0);
    assert!(bands[0].1.x > 600.0, "{:?}", bands[0].1);
    // Two doors, or a door with nothing to hold, are mistakes.
    let p = validate(&spec(
        &text.replace("from = \"right-hand\"", "from = \"door\""),
    ));
    assert!(!p.is_empty());
    draw(&s, &FigureStyle::default()).expect("draws");
}

#[test]
fn the_arrow_of_a_tight_curve_is_still_drawn() {
    // A head turning seen from above: the nose's path curves tightly; the
    // arrow offset inside the curve vanishes, the one outside is drawn.
    let s = spec("[figure]\nview = \"above-front\"\nview-elevation = 50\nmoving = \"nose\"\n[figure.start]\nposture = \"sitting\"\n[figure.end]\nneck = { rotation-left = 70 }\n");
    let style = FigureStyle::default();
    let d = draw(&s, &style).expect("draws");
    let arrow = d
        .paths
        .iter()
        .filter(|p| p.fill == Some(style.arrow) || p.stroke.is_some_and(|x| x.0 == style.arrow))
        .count();
    assert!(arrow >= 2, "shaft and head");
}

#[test]
fn a_two_way_arrow_at_the_mid_back_stands_up() {
    let lib = crate::content::Library::builtin().expect("library");
    let ex = lib.exercise("cat-camel").expect("cat and camel");
    let style = FigureStyle::default();
    let d = draw(ex.figure.as_ref().expect("figure"), &style).expect("draws");
    let shaft: Vec<PathShape> = d
        .paths
        .iter()
        .filter(|p| p.fill.is_none() && p.stroke.is_some_and(|x| x.0 == style.arrow))
        .cloned()
        .collect();
    let pts = points(&shaft);
    let (a, b) = (pts[0], pts[pts.len() - 1]);
    assert!((b - a).x.abs() < 0.01 && (b - a).y.abs() > 1.0, "{a} {b}");
    assert!(body::body_point("mid-back").is_some());
}
