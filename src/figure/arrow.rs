//! The movement arrow: along the moving point's path (beside the body),
//! two-way (back and forth), or round (a loop for circles and rolls).

use glam::Vec2;

use super::resolve::ArrowKind;
use super::{FigureStyle, PathCmd, PathShape};

const ARROW_WIDTH: f32 = 0.9;
const ARROW_HALO: f32 = 0.9;
const ARROW_HEAD: f32 = 2.6;
const ARROW_OFFSET: f32 = 3.6;
const ARROW_MIN: f32 = 5.0;
/// The smallest loop of a round arrow (radius, mm).
const ROUND_MIN: f32 = 3.2;
/// The farthest any point of an arrow lies from the box of the path it
/// follows: beside it at the widest offset, or a short arrow's length past
/// it, or round it (drawing mm, with room to spare).
pub const NEAR: f32 = 20.0;

/// Smooth a polyline with Catmull-Rom segments.
pub fn smooth(pts: &[Vec2]) -> Vec<PathCmd> {
    let mut cmds = Vec::new();
    let Some(first) = pts.first() else {
        return cmds;
    };
    cmds.push(PathCmd::MoveTo(first.x, first.y));
    for i in 0..pts.len().saturating_sub(1) {
        let p0 = pts[i.saturating_sub(1)];
        let p1 = pts[i];
        let p2 = pts[i + 1];
        let p3 = pts[(i + 2).min(pts.len() - 1)];
        let c1 = p1 + (p2 - p0) / 6.0;
        let c2 = p2 - (p3 - p1) / 6.0;
        cmds.push(PathCmd::CubicTo(c1.x, c1.y, c2.x, c2.y, p2.x, p2.y));
    }
    cmds
}

fn length(pts: &[Vec2]) -> f32 {
    pts.windows(2).map(|w| (w[1] - w[0]).length()).sum()
}

/// Cut `from_start` and `from_end` millimetres off a polyline.
fn trim(pts: &[Vec2], from_start: f32, from_end: f32) -> Vec<Vec2> {
    let total = length(pts);
    let (a, b) = (from_start, total - from_end);
    if b <= a {
        return Vec::new();
    }
    let at = |s: f32| {
        let mut acc = 0.0;
        for w in pts.windows(2) {
            let l = (w[1] - w[0]).length();
            if acc + l >= s && l > 0.0 {
                return w[0] + (w[1] - w[0]) * ((s - acc) / l);
            }
            acc += l;
        }
        *pts.last().unwrap_or(&Vec2::ZERO)
    };
    let mut out = vec![at(a)];
    let mut acc = 0.0;
    for w in pts.windows(2) {
        acc += (w[1] - w[0]).length();
        if acc > a && acc < b {
            out.push(w[1]);
        }
    }
    out.push(at(b));
    out
}

/// How much of a line lies on the body: `cover` says how deep a point is
/// inside it (0 outside).
fn overlap(pts: &[Vec2], cover: &dyn Fn(Vec2) -> f32) -> f32 {
    let mut sum = 0.0;
    for w in pts.windows(2) {
        for k in 0..4 {
            sum += cover(w[0].lerp(w[1], k as f32 / 4.0));
        }
    }
    sum + pts.last().map_or(0.0, |p| cover(*p))
}

/// The line of an arrow along the path, beside the body. A path shorter
/// than `short` gets a straight arrow of readable length instead. Of the
/// two sides of the path, and a few distances from it, the arrow takes the
/// one that lies least on the body (the side away from the body's middle
/// when they tie).
fn along(
    path: &[Vec2],
    centroid: Vec2,
    short: f32,
    snap: f32,
    cover: &dyn Fn(Vec2) -> f32,
) -> Vec<Vec2> {
    let total = length(path);
    let first = path[0];
    let last = path[path.len() - 1];
    let mid = path[path.len() / 2];
    let net = last - first;
    let mut best: Option<(f32, Vec<Vec2>)> = None;
    let mut consider = |pts: Vec<Vec2>, penalty: f32| {
        // A line offset inside a tight curve can vanish.
        if pts.len() < 2 || length(&pts) < ARROW_MIN * 0.5 {
            return;
        }
        let score = overlap(&pts, cover) + penalty;
        if best.as_ref().is_none_or(|b| score < b.0 - 1e-4) {
            best = Some((score, pts));
        }
    };
    if total < short {
        // A short movement: a straight arrow of readable length beside it,
        // snapped to straight up, down or across when within `snap`
        // degrees.
        let mut dir = net.try_normalize().unwrap_or(Vec2::new(0.0, -1.0));
        // Up or down first: a tie goes to the vertical.
        if let Some(axis) = [Vec2::Y, Vec2::NEG_Y, Vec2::X, Vec2::NEG_X]
            .into_iter()
            .find(|a| dir.dot(*a) >= snap.to_radians().cos())
        {
            dir = axis;
        }
        let mut n = dir.perp();
        if n.dot(mid - centroid) < 0.0 {
            n = -n;
        }
        let half = short.max(ARROW_MIN) * 0.5;
        for (side, penalty) in [(1.0, 0.0), (-1.0, 0.3)] {
            for (k, gap) in [1.0f32, 1.4, 1.9].iter().enumerate() {
                let c = (first + last) * 0.5 + n * side * (ARROW_OFFSET + 1.0) * gap;
                consider(
                    vec![c - dir * half, c + dir * half],
                    penalty + 0.1 * k as f32,
                );
            }
        }
        // Or in line with the movement, just past the point (above a back
        // that arches up).
        for (k, gap) in [1.2f32, 2.0].iter().enumerate() {
            let c = (first + last) * 0.5 + dir * (half + gap);
            consider(vec![c - dir * half, c + dir * half], 0.2 + 0.1 * k as f32);
        }
        return best.map(|b| b.1).unwrap_or_default();
    }
    let i = path.len() / 2;
    let tangent = (path[(i + 1).min(path.len() - 1)] - path[i.saturating_sub(1)])
        .try_normalize()
        .unwrap_or(Vec2::X);
    let away = if tangent.perp().dot(mid - centroid) < 0.0 {
        -1.0
    } else {
        1.0
    };
    for (sign, penalty) in [(away, 0.0), (-away, 0.3)] {
        for (k, gap) in [1.0f32, 1.5, 2.2].iter().enumerate() {
            let mut pts = Vec::with_capacity(path.len());
            for j in 0..path.len() {
                let t = (path[(j + 1).min(path.len() - 1)] - path[j.saturating_sub(1)])
                    .try_normalize()
                    .unwrap_or(tangent);
                pts.push(path[j] + t.perp() * sign * ARROW_OFFSET * gap);
            }
            consider(trim(&pts, 1.0, 1.6), penalty + 0.1 * k as f32);
        }
    }
    best.map(|b| b.1).unwrap_or_default()
}

/// A loop around the moving point: from its start position round the way
/// it moves, five sixths of a turn.
fn round(path: &[Vec2]) -> Vec<Vec2> {
    let first = path[0];
    let last = path[path.len() - 1];
    let mid = path[path.len() / 2];
    let lo = path.iter().fold(Vec2::splat(f32::MAX), |a, p| a.min(*p));
    let hi = path.iter().fold(Vec2::splat(f32::MIN), |a, p| a.max(*p));
    let centre = (lo + hi) * 0.5;
    let radius = ((hi - lo).length() * 0.5 + 1.2).max(ROUND_MIN);
    // Turning sense: the way the path bends (or goes past the centre).
    let mut sense = (last - first).perp_dot(mid - first);
    if sense.abs() < 1e-3 {
        sense = (first - centre).perp_dot(last - centre);
    }
    let sense = if sense < 0.0 { -1.0 } else { 1.0 };
    let a0 = {
        let d = first - centre;
        if d.length() < 1e-3 {
            -std::f32::consts::FRAC_PI_2
        } else {
            d.y.atan2(d.x)
        }
    };
    // Screen y grows down: a positive perp_dot is clockwise on the page.
    let n = 40;
    (0..=n)
        .map(|i| {
            let a = a0 - sense * (i as f32 / n as f32) * std::f32::consts::TAU * 5.0 / 6.0;
            centre + Vec2::new(a.cos(), a.sin()) * radius
        })
        .collect()
}

fn head(tip: Vec2, dir: Vec2) -> Vec<PathCmd> {
    let base = tip - dir * ARROW_HEAD;
    let w = dir.perp() * ARROW_HEAD * 0.6;
    vec![
        PathCmd::MoveTo(tip.x, tip.y),
        PathCmd::LineTo(base.x + w.x, base.y + w.y),
        PathCmd::LineTo(base.x - w.x, base.y - w.y),
        PathCmd::Close,
    ]
}

/// The arrow for a projected path (drawing millimetres); `cover` says how
/// deep a point of the page is inside the body (0 outside).
pub fn arrow(
    path: &[Vec2],
    centroid: Vec2,
    kind: ArrowKind,
    style: &FigureStyle,
    cover: &dyn Fn(Vec2) -> f32,
) -> Vec<PathShape> {
    if path.len() < 2 || kind == ArrowKind::None {
        return Vec::new();
    }
    let pts = match kind {
        ArrowKind::Round => round(path),
        // Back and forth reads best as a straight double arrow, up and
        // down or across (a back arching up and down while the body
        // rocks a little).
        ArrowKind::TwoWay => along(path, centroid, ARROW_MIN * 1.8, 46.0, cover),
        _ => along(path, centroid, ARROW_MIN, 25.0, cover),
    };
    if pts.len() < 2 {
        return Vec::new();
    }
    let both = kind == ArrowKind::TwoWay;
    let cut = ARROW_HEAD * 0.8;
    let shaft = trim(&pts, if both { cut } else { 0.0 }, cut);
    let mut heads = Vec::new();
    let tip = pts[pts.len() - 1];
    let back = shaft.last().copied().unwrap_or(pts[0]);
    heads.push(head(tip, (tip - back).try_normalize().unwrap_or(Vec2::X)));
    if both {
        let tip = pts[0];
        let back = shaft.first().copied().unwrap_or(tip);
        heads.push(head(tip, (tip - back).try_normalize().unwrap_or(Vec2::X)));
    }
    let shaft_cmds = smooth(&shaft);
    let mut out = vec![PathShape {
        cmds: shaft_cmds.clone(),
        fill: None,
        stroke: Some((style.outline, ARROW_WIDTH + ARROW_HALO)),
    }];
    for h in &heads {
        out.push(PathShape {
            cmds: h.clone(),
            fill: Some(style.outline),
            stroke: Some((style.outline, ARROW_HALO)),
        });
    }
    out.push(PathShape {
        cmds: shaft_cmds,
        fill: None,
        stroke: Some((style.arrow, ARROW_WIDTH)),
    });
    for h in heads {
        out.push(PathShape {
            cmds: h,
            fill: Some(style.arrow),
            stroke: None,
        });
    }
    out
}
