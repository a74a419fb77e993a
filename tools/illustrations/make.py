#!/usr/bin/env python3
"""Draw the exercise illustrations for `handout` from pose descriptions.

    python3 tools/illustrations/make.py            # SVGs + docs/illustrations.png
    python3 tools/illustrations/make.py --no-sheet # SVGs only

The poses live in `poses.py` beside this file (see README.md there).  Each
exercise is drawn as one picture: the start pose in light grey behind, the end
pose in the brand colour in front, and an orange arrow for the movement.

How it works: a small 3-D skeleton (pelvis, spine, head, two arms, two legs)
is posed with joint angles, projected with an orthographic camera and painted
back to front as thick round-capped strokes.  Standard library only; the
contact sheet needs `rsvg-convert` on the PATH.
"""

import math
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

import poses  # noqa: E402  (the exercise descriptions)

OUT_DIR = os.path.join(ROOT, "content", "images")
SHEET = os.path.join(ROOT, "docs", "illustrations.png")

# ---------------------------------------------------------------- style ----
W, H = 400, 300           # viewBox of every exercise picture
MARGIN = 12
START = "#C9CED2"         # start pose, light grey
END = "#0B5563"           # end pose, brand colour
ACCENT = "#3A8D9B"
ARROW = "#D9822B"
FLOOR = "#8A9399"
MAT = "#EDF0F2"
STEP_FILL = "#E8ECEF"
STEP_LINE = "#4A555C"
BAND = "#333333"
WHITE = "#FFFFFF"

# ------------------------------------------------------- body (unit = thigh) --
BODY = {
    "thigh": 1.0, "shin": 1.0, "foot": 0.30,
    "upper_arm": 0.72, "forearm": 0.70,
    "torso": 1.45,          # hip joints to shoulder joints
    "neck": 0.20, "head_r": 0.27,
    "hip_half": 0.19,       # half distance between hip joints
    "shoulder_half": 0.30,  # half distance between shoulder joints
    "pelvis_depth": 0.12, "chest_depth": 0.15,   # half depths of the torso core
    "leg_w": 0.34, "arm_w": 0.25, "foot_w": 0.24,
    "torso_w": 0.32,        # rounding of the torso outline
    "neck_w": 0.24,
    "gap": 0.075,           # white gap between overlapping parts
}

# ------------------------------------------------------------ 3-D maths ----


def rot(axis, deg):
    """Rotation matrix about a unit axis (right-hand rule)."""
    x, y, z = axis
    a = math.radians(deg)
    c, s, t = math.cos(a), math.sin(a), 1 - math.cos(a)
    return [[t * x * x + c, t * x * y - s * z, t * x * z + s * y],
            [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
            [t * x * z - s * y, t * y * z + s * x, t * z * z + c]]


def mmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def mvec(m, v):
    return tuple(sum(m[i][k] * v[k] for k in range(3)) for i in range(3))


def add(a, b):
    return tuple(p + q for p, q in zip(a, b))


def sub(a, b):
    return tuple(p - q for p, q in zip(a, b))


def mul(a, k):
    return tuple(p * k for p in a)


def dot(a, b):
    return sum(p * q for p, q in zip(a, b))


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a):
    n = math.sqrt(dot(a, a))
    return mul(a, 1 / n)


# Local axes of every body frame: f = front, l = the person's left, u = up.
F, L, U = (1, 0, 0), (0, 1, 0), (0, 0, 1)
I3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]

# World: x = right on the page, y = away from the viewer, z = up.
WORLD = {"right": (1, 0, 0), "left": (-1, 0, 0), "away": (0, 1, 0),
         "toward": (0, -1, 0), "up": (0, 0, 1), "down": (0, 0, -1)}


def frame(up, front):
    """World matrix whose columns are the body's f, l, u axes."""
    u, f = WORLD[up], WORLD[front]
    l = cross(u, f)
    return [[f[i], l[i], u[i]] for i in range(3)]


def merge(base, over):
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def get(pose, key, sub_key=None, default=0.0):
    v = pose.get(key, {} if sub_key else default)
    if sub_key:
        return v.get(sub_key, default) if isinstance(v, dict) else default
    return v


# ------------------------------------------------------------- skeleton ----


def leg_chain(pose, side):
    """Hip, knee, ankle, toe of one leg in pelvis coordinates (left template)."""
    b = BODY
    hip = (0, b["hip_half"], 0)
    m = mmul(mmul(rot(L, -get(pose, side + "_hip", "flex")),
                  rot(F, get(pose, side + "_hip", "abduct"))),
             rot(U, get(pose, side + "_hip", "turn_out")))
    knee = add(hip, mul(mvec(m, (0, 0, -1)), b["thigh"]))
    m = mmul(m, rot(L, get(pose, side + "_knee")))
    ankle = add(knee, mul(mvec(m, (0, 0, -1)), b["shin"]))
    m = mmul(m, rot(L, get(pose, side + "_ankle")))
    toe = add(ankle, mul(mvec(m, (1, 0, 0)), b["foot"]))
    pts = [hip, knee, ankle, toe]
    opening = get(pose, side + "_leg_open")
    if opening:  # the clam: whole leg turns about the hip-ankle line
        axis = norm(sub(ankle, hip))
        r = rot(axis, opening)
        if mvec(r, sub(knee, hip))[1] < sub(knee, hip)[1]:
            r = rot(axis, -opening)
        pts = [hip] + [add(hip, mvec(r, sub(p, hip))) for p in pts[1:]]
    return pts


def arm_chain(pose, side):
    """Shoulder, elbow, hand in chest coordinates (left template)."""
    b = BODY
    sh = (0, b["shoulder_half"], b["torso"])
    m = mmul(mmul(rot(L, -get(pose, side + "_shoulder", "flex")),
                  rot(F, get(pose, side + "_shoulder", "abduct"))),
             rot(U, get(pose, side + "_shoulder", "turn_out")))
    elbow = add(sh, mul(mvec(m, (0, 0, -1)), b["upper_arm"]))
    m = mmul(m, rot(L, -get(pose, side + "_elbow")))
    hand = add(elbow, mul(mvec(m, (0, 0, -1)), b["forearm"]))
    return [sh, elbow, hand]


def mirror(pts):
    return [(p[0], -p[1], p[2]) for p in pts]


def skeleton(ex, pose):
    """World geometry of one pose: dict of named parts."""
    b = BODY
    body = mmul(frame(*ex["facing"]), I3)
    body = mmul(body, rot(U, get(pose, "pelvis", "turn")))
    body = mmul(body, rot(L, get(pose, "pelvis", "lean")))
    body = mmul(body, rot(F, get(pose, "pelvis", "tilt")))
    spine = mmul(mmul(rot(L, get(pose, "spine", "bend")),
                      rot(F, -get(pose, "spine", "side"))),
                 rot(U, get(pose, "spine", "twist")))

    def chest(pts):
        return [mvec(spine, p) for p in pts]

    neck = mmul(rot(L, get(pose, "neck", "bend")), rot(F, -get(pose, "neck", "side")))
    s_mid = mvec(spine, (0, 0, b["torso"]))
    head = add(s_mid, mvec(spine, mvec(neck, (0, 0, b["neck"] + b["head_r"]))))
    neck_base = mvec(spine, (0, 0, b["torso"] - 0.1))

    core = []
    for sl in (-1, 1):
        for sf in (-1, 1):
            core.append((sf * b["pelvis_depth"], sl * b["hip_half"], -0.02))
            core += chest([(sf * b["chest_depth"], sl * b["shoulder_half"], b["torso"] + 0.02)])
    parts = {
        "torso": {"kind": "hull", "pts": core, "w": b["torso_w"]},
        "neck": {"kind": "line", "pts": [neck_base, head], "w": b["neck_w"]},
        "head": {"kind": "circle", "pts": [head], "r": b["head_r"]},
        "left_leg": {"kind": "limb", "pts": leg_chain(pose, "left"), "w": b["leg_w"]},
        "right_leg": {"kind": "limb", "pts": mirror(leg_chain(pose, "right")), "w": b["leg_w"]},
        "left_arm": {"kind": "limb", "pts": chest(arm_chain(pose, "left")), "w": b["arm_w"]},
        "right_arm": {"kind": "limb", "pts": chest(mirror(arm_chain(pose, "right"))), "w": b["arm_w"]},
    }
    for p in parts.values():  # pelvis coordinates -> world
        p["pts"] = [mvec(body, q) for q in p["pts"]]
    # named joints for arrows, props, anchors
    joints = {"pelvis": (0, 0, 0), "head": parts["head"]["pts"][0],
              "neck": mvec(body, s_mid)}
    for side in ("left", "right"):
        for name, q in zip(("hip", "knee", "ankle", "toe"), parts[side + "_leg"]["pts"]):
            joints[side + "_" + name] = q
        for name, q in zip(("shoulder", "elbow", "hand"), parts[side + "_arm"]["pts"]):
            joints[side + "_" + name] = q
    return parts, joints


def radius(part):
    return part.get("r", part.get("w", 0) / 2)


def place(ex, parts, joints):
    """Move a pose so its anchor joint is at x=y=0 and it rests on its support."""
    ax, ay, _ = joints[ex["anchor"]]
    rest = ex.get("rest_on", list(parts))
    low = min(q[2] - radius(parts[n]) for n in rest for q in parts[n]["pts"])
    d = (-ax, -ay, ex.get("support", 0.0) - low)
    for p in parts.values():
        p["pts"] = [add(q, d) for q in p["pts"]]
    for k in joints:
        joints[k] = add(joints[k], d)


# ----------------------------------------------------------- projection ----


class Camera:
    """Either an ordinary orthographic view ("elevation", "azimuth") or, for
    the lying exercises, a cabinet-style oblique view ("depth_angle",
    "depth_scale"): the person's frontal plane is drawn undistorted and the
    depth axis recedes up-and-to-the-side, so that floors stay horizontal."""

    def __init__(self, spec):
        self.e = math.radians(spec.get("elevation", 0))
        self.a = math.radians(spec.get("azimuth", 0))
        self.oblique = "depth_angle" in spec
        if self.oblique:
            phi = math.radians(spec["depth_angle"])
            k = spec.get("depth_scale", 0.5)
            self.kx, self.ky = k * math.cos(phi), k * math.sin(phi)

    def project(self, p):
        """World point -> (x right, y down, depth away from the viewer)."""
        x, y, z = p
        if self.oblique:
            return (x + self.kx * y, -(z + self.ky * y), y - 0.35 * z)
        ca, sa = math.cos(self.a), math.sin(self.a)
        x, y = x * ca - y * sa, x * sa + y * ca
        ce, se = math.cos(self.e), math.sin(self.e)
        return (x, -(z * ce + y * se), y * ce - z * se)


def hull(points):
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


# ------------------------------------------------------------ drawing ----


def fmt(v):
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


class Canvas:
    """Collects drawing operations in figure units; writes them scaled."""

    def __init__(self):
        self.ops = []       # (kind, data)
        self.xs, self.ys = [], []

    def extent(self, x, y, r=0.0):
        self.xs += [x - r, x + r]
        self.ys += [y - r, y + r]

    def add(self, op, bounds=True):
        self.ops.append(op)
        if not bounds:
            return
        kind = op[0]
        if kind in ("path", "poly", "loop"):
            for x, y in op[1]["pts"]:
                self.extent(x, y, op[1].get("w", 0) / 2)
        elif kind == "circle":
            x, y = op[1]["c"]
            self.extent(x, y, op[1]["r"] + op[1].get("w", 0) / 2)
        elif kind == "rect":
            x, y, w, h = op[1]["box"]
            self.extent(x, y)
            self.extent(x + w, y + h)

    def fit(self, width, height, margin, max_scale=None):
        x0, x1, y0, y1 = min(self.xs), max(self.xs), min(self.ys), max(self.ys)
        s = min((width - 2 * margin) / (x1 - x0), (height - 2 * margin) / (y1 - y0))
        if max_scale:
            s = min(s, max_scale)
        ox = (width - s * (x1 - x0)) / 2 - s * x0
        oy = (height - s * (y1 - y0)) / 2 - s * y0
        return s, ox, oy

    def svg(self, width=W, height=H, margin=MARGIN, max_scale=None):
        s, ox, oy = self.fit(width, height, margin, max_scale)

        def P(p):
            return fmt(ox + s * p[0]) + " " + fmt(oy + s * p[1])

        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
               f'viewBox="0 0 {width} {height}">']
        for kind, d in self.ops:
            if kind == "floor":
                x0, x1 = margin / 2, width - margin / 2
                y = fmt(oy + s * d["y"])
                out.append(f'<line x1="{fmt(x0)}" y1="{y}" x2="{fmt(x1)}" y2="{y}" stroke="{d["color"]}" '
                           f'stroke-width="{fmt(s * d["w"])}" stroke-linecap="round"/>')
                continue
            attrs = []
            if d.get("fill"):
                attrs.append(f'fill="{d["fill"]}"')
            else:
                attrs.append('fill="none"')
            if d.get("stroke"):
                attrs.append(f'stroke="{d["stroke"]}" stroke-width="{fmt(s * d["w"])}"')
                attrs.append('stroke-linecap="round" stroke-linejoin="round"')
            if d.get("dash"):
                attrs.append('stroke-dasharray="' + " ".join(fmt(s * v) for v in d["dash"]) + '"')
            a = " ".join(attrs)
            if kind == "path":
                pts = d["pts"]
                cmd = "M" + P(pts[0]) + "".join("L" + P(p) for p in pts[1:])
                if d.get("closed"):
                    cmd += "Z"
                out.append(f'<path d="{cmd}" {a}/>')
            elif kind == "arc":
                (x0, y0), (x1, y1) = d["pts"]
                r = fmt(s * d["r"])
                out.append(f'<path d="M{P((x0, y0))}A{r} {r} 0 {d["large"]} {d["sweep"]} {P((x1, y1))}" {a}/>')
            elif kind == "loop":  # a stadium round the segment a-b
                (x0, y0), (x1, y1) = d["pts"]
                n = math.hypot(x1 - x0, y1 - y0)
                vx, vy = -(y1 - y0) / n * d["r"], (x1 - x0) / n * d["r"]
                r = fmt(s * d["r"])
                cmd = (f"M{P((x0 + vx, y0 + vy))}L{P((x1 + vx, y1 + vy))}"
                       f"A{r} {r} 0 0 0 {P((x1 - vx, y1 - vy))}L{P((x0 - vx, y0 - vy))}"
                       f"A{r} {r} 0 0 0 {P((x0 + vx, y0 + vy))}Z")
                out.append(f'<path d="{cmd}" {a}/>')
            elif kind == "poly":
                pts = " ".join(P(p).replace(" ", ",") for p in d["pts"])
                out.append(f'<polygon points="{pts}" {a}/>')
            elif kind == "circle":
                cx, cy = d["c"]
                out.append(f'<circle cx="{fmt(ox + s * cx)}" cy="{fmt(oy + s * cy)}" '
                           f'r="{fmt(s * d["r"])}" {a}/>')
            elif kind == "rect":
                x, y, w, h = d["box"]
                rx = f' rx="{fmt(s * d["rx"])}"' if d.get("rx") else ""
                out.append(f'<rect x="{fmt(ox + s * x)}" y="{fmt(oy + s * y)}" width="{fmt(s * w)}" '
                           f'height="{fmt(s * h)}"{rx} {a}/>')
        out.append("</svg>")
        return "\n".join(out) + "\n"


def point_along(pts, frac):
    """Point at `frac` of the first segment of a polyline."""
    (x0, y0), (x1, y1) = pts[0], pts[1]
    return (x0 + (x1 - x0) * frac, y0 + (y1 - y0) * frac)


def draw_pose(cv, cam, parts, colour, only=None, after=None, hook=None):
    """Paint one pose back to front.  Parts in front of the torso get a white
    gap around them so that overlapping limbs stay readable.  `hook` is called
    right after the part named `after` has been painted."""
    gap = BODY["gap"]
    flat = {}
    for name, p in parts.items():
        proj = [cam.project(q) for q in p["pts"]]
        flat[name] = (p, [(x, y) for x, y, _ in proj], sum(d for _, _, d in proj) / len(proj))
    torso_depth = flat["torso"][2]
    names = [n for n in flat if only is None or n in only]
    limbs = sorted((n for n in names if flat[n][0]["kind"] == "limb"), key=lambda n: -flat[n][2])
    far = [n for n in limbs if flat[n][2] >= torso_depth - 0.05]
    near = [n for n in limbs if n not in far]

    def limb(n, halo):
        p, pts, _ = flat[n]
        if halo:
            start = point_along(pts, 0.45 if n.endswith("leg") else 0.35)
            cv.add(("path", {"pts": [start] + pts[1:], "stroke": WHITE, "w": p["w"] + 2 * gap}))
        cv.add(("path", {"pts": pts, "stroke": colour, "w": p["w"]}))

    for n in far:
        limb(n, False)
        if n == after:
            hook()
    if "head" in names:
        c, r = flat["head"][1][0], flat["head"][0]["r"]
        cv.add(("circle", {"c": c, "r": r + gap, "fill": WHITE}))
        cv.add(("circle", {"c": c, "r": r, "fill": colour}))
    if "neck" in names:
        cv.add(("path", {"pts": flat["neck"][1], "stroke": colour, "w": flat["neck"][0]["w"]}))
    if "torso" in names:
        cv.add(("poly", {"pts": hull(flat["torso"][1]), "fill": colour, "stroke": colour,
                         "w": flat["torso"][0]["w"]}))
    for n in near:
        limb(n, True)
        if n == after:
            hook()


def moved(a, b, cam, tol=0.08):
    pa = [cam.project(q) for q in a["pts"]]
    pb = [cam.project(q) for q in b["pts"]]
    return any(abs(p[0] - q[0]) > tol or abs(p[1] - q[1]) > tol for p, q in zip(pa, pb))


def screen(cam, p):
    x, y, _ = cam.project(p)
    return (x, y)


def arrowhead(cv, tip, direction, size):
    dx, dy = direction
    n = math.hypot(dx, dy)
    dx, dy = dx / n, dy / n
    bx, by = tip[0] - dx * size, tip[1] - dy * size
    half = size * 0.62
    pts = [tip, (bx - dy * half, by + dx * half), (bx + dy * half, by - dx * half)]
    return pts


def draw_arrow(cv, cam, spec, js, je):
    w = 0.12
    head = 0.36
    halo = BODY["gap"]
    if spec["type"] == "arc":
        c = screen(cam, je[spec["pivot"]])
        a = screen(cam, js[spec["from"]])
        b = screen(cam, je[spec["to"]])
        r = math.dist(c, b) + spec.get("extra", 0.3)
        a0 = math.atan2(a[1] - c[1], a[0] - c[0])
        a1 = math.atan2(b[1] - c[1], b[0] - c[0])
        delta = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi
        sg = 1 if delta > 0 else -1
        t0, t1 = (math.radians(v) for v in spec.get("trim", (0, 0)))
        a0 += sg * t0
        a1 -= sg * t1
        tip = (c[0] + r * math.cos(a1), c[1] + r * math.sin(a1))
        back = a1 - sg * head / r
        base = (c[0] + r * math.cos(back), c[1] + r * math.sin(back))
        end_line = a1 - sg * head * 0.7 / r
        p0 = (c[0] + r * math.cos(a0), c[1] + r * math.sin(a0))
        p1 = (c[0] + r * math.cos(end_line), c[1] + r * math.sin(end_line))
        large = 1 if abs(a1 - a0) > math.pi else 0
        sweep = 1 if sg > 0 else 0
        head_pts = arrowhead(cv, tip, (tip[0] - base[0], tip[1] - base[1]), head)
        for colour, extra in ((WHITE, 2 * halo), (ARROW, 0)):
            cv.add(("arc", {"pts": [p0, p1], "r": r, "large": large, "sweep": sweep,
                            "stroke": colour, "w": w + extra}), bounds=False)
            cv.add(("poly", {"pts": head_pts, "fill": colour, "stroke": colour, "w": 0.04 + extra}))
        # bounds of the arc
        for k in range(9):
            t = a0 + (end_line - a0) * k / 8
            cv.extent(c[0] + r * math.cos(t), c[1] + r * math.sin(t), w / 2 + halo)
    elif spec["type"] == "move":  # straight, from a start joint to an end joint
        a = screen(cam, js[spec["from"]])
        b = screen(cam, je[spec["to"]])
        ox, oy = spec.get("offset", (0, 0))
        t0, t1 = spec.get("trim", (0, 0))
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy)
        ux, uy = dx / n, dy / n
        p0 = (a[0] + ox + ux * t0, a[1] + oy + uy * t0)
        tip = (b[0] + ox - ux * t1, b[1] + oy - uy * t1)
        p1 = (tip[0] - ux * head * 0.7, tip[1] - uy * head * 0.7)
        head_pts = arrowhead(cv, tip, (ux, uy), head)
        for colour, extra in ((WHITE, 2 * halo), (ARROW, 0)):
            cv.add(("path", {"pts": [p0, p1], "stroke": colour, "w": w + extra}))
            cv.add(("poly", {"pts": head_pts, "fill": colour, "stroke": colour, "w": 0.04 + extra}))
    else:  # straight arrow next to a joint
        j = screen(cam, je[spec["at"]])
        ox, oy = spec.get("offset", (0, 0))
        x = j[0] + ox
        y0 = j[1] + oy + spec["length"] / 2
        y1 = j[1] + oy - spec["length"] / 2
        if spec.get("direction", "up") == "down":
            y0, y1 = y1, y0
        sg = -1 if y1 < y0 else 1
        tip = (x, y1)
        head_pts = arrowhead(cv, tip, (0, sg), head)
        for colour, extra in ((WHITE, 2 * halo), (ARROW, 0)):
            cv.add(("path", {"pts": [(x, y0), (x, y1 - sg * head * 0.7)], "stroke": colour, "w": w + extra}))
            cv.add(("poly", {"pts": head_pts, "fill": colour, "stroke": colour, "w": 0.04 + extra}))


def draw_exercise(ex):
    cam = Camera(ex.get("camera", {}))
    start_pose = ex["start"]
    end_pose = merge(start_pose, ex["end"])
    ps, js = skeleton(ex, start_pose)
    pe, je = skeleton(ex, end_pose)
    place(ex, ps, js)
    place(ex, pe, je)

    fig = Canvas()
    # ground: floor line, optional mat (lying) or step (standing)
    allpts = [cam.project(q) for p in list(ps.values()) + list(pe.values()) for q in p["pts"]]
    xs = [p[0] for p in allpts]
    props = ex.get("props", {})
    floor_y = 0.0
    if "mat" in props:
        world = [q for p in list(ps.values()) + list(pe.values()) for q in p["pts"]]
        wx = [q[0] for q in world]
        wy = [q[1] for q in world]
        x0, x1 = min(wx) - 0.2, max(wx) + 0.2
        y0, y1 = min(wy) - 0.2, max(wy) + 0.1
        corners = [screen(cam, (x0, y0, 0)), screen(cam, (x1, y0, 0)),
                   screen(cam, (x1, y1, 0)), screen(cam, (x0, y1, 0))]
        floor_y = corners[0][1]
        fig.add(("poly", {"pts": corners, "fill": MAT, "stroke": MAT, "w": 0.2}))
    else:
        floor_y = cam.project((0, 0, 0))[1]
    if "step" in props:
        st = props["step"]
        x0, x1 = st["x"]
        h = ex.get("support", 0.0)
        top = cam.project((0, 0, h))[1]
        fig.add(("rect", {"box": (x0, top, x1 - x0, floor_y - top), "rx": 0.04,
                          "fill": STEP_FILL, "stroke": STEP_LINE, "w": 0.07}))
    fig.add(("floor", {"y": floor_y, "color": FLOOR, "w": 0.09}), bounds=False)
    fig.extent(min(xs), floor_y + 0.05)
    fig.extent(max(xs), floor_y + 0.05)

    # start pose: only the parts that move, light grey, behind the end pose
    # (or, with "start_after", just in front of that part of the end pose)
    changed = [n for n in ps if moved(ps[n], pe[n], cam)]
    extras = ex.get("extras", {})

    def start():
        draw_pose(fig, cam, ps, START, only=changed)
        if "pelvis_line" in extras:
            pelvis_line(fig, cam, js, START)
        if "band" in props:  # behind the end pose: only the stretched part shows
            band(fig, cam, je, props["band"])
    after = ex.get("start_after")
    if not after:
        start()
    draw_pose(fig, cam, pe, END, after=after, hook=start)
    if "pelvis_line" in extras:
        pelvis_line(fig, cam, je, END)
    for a in ex.get("arrows", []):
        draw_arrow(fig, cam, a, js, je)
    return fig.svg()


def pelvis_line(cv, cam, j, colour):
    a = screen(cam, j["right_hip"])
    b = screen(cam, j["left_hip"])
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy)
    # a lever from the standing hip out past the free hip
    p0 = (a[0] - dx / n * 0.12, a[1] - dy / n * 0.12)
    p1 = (b[0] + dx / n * 0.75, b[1] + dy / n * 0.75)
    cv.add(("path", {"pts": [p0, p1], "stroke": WHITE, "w": 0.1 + 2 * BODY["gap"]}))
    cv.add(("path", {"pts": [p0, p1], "stroke": colour, "w": 0.1}))
    cv.add(("circle", {"c": p1, "r": 0.1, "fill": colour}))


def band(cv, cam, j, spec):
    """The optional resistance band: a narrow dashed loop round both thighs,
    `at` of the way from hip to knee."""
    t = spec.get("at", 0.8)
    pts, axis = [], (0.0, 0.0)
    for side in ("left", "right"):
        h = screen(cam, j[side + "_hip"])
        k = screen(cam, j[side + "_knee"])
        pts.append((h[0] + (k[0] - h[0]) * t, h[1] + (k[1] - h[1]) * t))
        axis = (axis[0] + k[0] - h[0], axis[1] + k[1] - h[1])
    (x0, y0), (x1, y1) = pts
    n = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / n, (y1 - y0) / n        # across the thighs
    r = spec.get("width", 0.2) / 2
    reach = BODY["leg_w"] / 2 - r - 0.03    # round ends hidden behind the thighs
    a, b = (x0 - ux * reach, y0 - uy * reach), (x1 + ux * reach, y1 + uy * reach)
    for colour, w, dash in ((WHITE, 0.06 + 2 * BODY["gap"], None), (BAND, 0.06, (0.09, 0.06))):
        cv.add(("loop", {"pts": [a, b], "r": r, "stroke": colour, "w": w, "dash": dash}))


# --------------------------------------------------------------- logo ----


def logo():
    """Placeholder clinic mark: a rounded square with a four-leaf hub."""
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">',
           f'<rect x="4" y="4" width="112" height="112" rx="28" fill="{END}"/>']
    c = 60
    for k, colour in enumerate((WHITE, ACCENT, WHITE, ACCENT)):
        a = math.radians(-90 + 90 * k)
        ux, uy = math.cos(a), math.sin(a)
        px, py = -uy, ux
        r0, r1, bulge = 12, 47, 18
        p0 = (c + ux * r0, c + uy * r0)
        p1 = (c + ux * r1, c + uy * r1)
        m = (r0 + r1) / 2
        q1 = (c + ux * m + px * bulge, c + uy * m + py * bulge)
        q2 = (c + ux * m - px * bulge, c + uy * m - py * bulge)
        d = (f"M{fmt(p0[0])} {fmt(p0[1])}Q{fmt(q1[0])} {fmt(q1[1])} {fmt(p1[0])} {fmt(p1[1])}"
             f"Q{fmt(q2[0])} {fmt(q2[1])} {fmt(p0[0])} {fmt(p0[1])}Z")
        out.append(f'<path d="{d}" fill="{colour}"/>')
    out.append(f'<circle cx="{c}" cy="{c}" r="8" fill="{WHITE}"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ------------------------------------------------------- contact sheet ----


def contact_sheet(files, titles, path):
    exe = shutil.which("rsvg-convert")
    if not exe:
        print("rsvg-convert not found: contact sheet skipped", file=sys.stderr)
        return
    cols, cell_w, cell_h, title_h, pad = 3, 400, 300, 46, 16
    rows = (len(files) + cols - 1) // cols
    sw = cols * cell_w + (cols + 1) * pad
    sh = rows * (cell_h + title_h) + (rows + 1) * pad
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{sw}" height="{sh}" viewBox="0 0 {sw} {sh}">',
           f'<rect width="{sw}" height="{sh}" fill="#FFFFFF"/>']
    for i, (f, t) in enumerate(zip(files, titles)):
        r, c = divmod(i, cols)
        in_row = min(cols, len(files) - r * cols)
        x = (sw - in_row * cell_w - (in_row - 1) * pad) / 2 + c * (cell_w + pad)
        y = pad + r * (cell_h + title_h + pad)
        with open(f, encoding="utf-8") as fh:
            body = fh.read().split("\n", 1)[1].rsplit("</svg>", 1)[0]
        out.append(f'<rect x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" fill="none" stroke="#E3E7EA"/>')
        out.append(f'<svg x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" viewBox="0 0 {W} {H}">')
        out.append(body + "</svg>")
        out.append(f'<text x="{x + cell_w / 2}" y="{y + cell_h + 32}" text-anchor="middle" '
                   f'font-family="DejaVu Sans, Arial, sans-serif" font-size="22" fill="#222">{t}</text>')
    out.append("</svg>")
    tmp = path + ".svg.tmp"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    try:
        subprocess.run([exe, "-w", str(sw * 3 // 4), tmp, "-o", path], check=True)
    finally:
        os.remove(tmp)


def main(argv):
    os.makedirs(OUT_DIR, exist_ok=True)
    files, titles = [], []
    for ex in poses.EXERCISES:
        svg = draw_exercise(ex)
        f = os.path.join(OUT_DIR, ex["file"])
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(svg)
        files.append(f)
        titles.append(ex["title"])
        print(f"wrote {os.path.relpath(f, ROOT)} ({len(svg.encode())} bytes)")
    f = os.path.join(OUT_DIR, "logo.svg")
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(logo())
    print(f"wrote {os.path.relpath(f, ROOT)}")
    if "--no-sheet" not in argv:
        contact_sheet(files, titles, SHEET)
        print(f"wrote {os.path.relpath(SHEET, ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
