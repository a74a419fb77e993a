"""Pose descriptions for the exercise illustrations (read by make.py).

Each exercise is a dict:

  file, title   output file in content/images/ and the caption on the sheet
  facing        (trunk_up, front): where the person's head end and chest point
                in the world, each one of "up", "down", "left", "right",
                "toward" (the viewer) or "away".  ("left", "toward") = lying
                on the right side, head on the left, facing the viewer.
  camera        {} = plain side/front view; {"elevation": deg} looks down a
                little; {"depth_angle": deg, "depth_scale": k} = oblique view
                for lying figures: the frontal plane is drawn true and the
                depth axis at that angle ("away" goes up-left for 90-180,
                so "toward the viewer" comes down-right).  Lying on the
                side: use SIDE_VIEW below.
  anchor        joint kept at the same place in both poses
  rest_on       parts whose lowest point rests on the support (default: all)
  support       height of what the figure stands/lies on (0 = floor), in
                thigh lengths (a thigh is 1.0)
  start         joint angles of the start pose (degrees, missing = 0)
  end           only the angles that change from the start pose
  arrows        movement arrows: "arc" around a pivot joint (from a joint
                in the start pose to one in the end pose; "extra" = radius
                beyond that joint, "trim" = degrees cut off each end),
                "move" (straight, start joint -> end joint) or "line" (a
                straight arrow beside a joint: "offset", "length")
  props         "mat", "step" {"x": (x0, x1)}, "band" {"at": 0..1 of the
                thigh, "width": loop width}: a dashed loop drawn behind the
                legs of the end pose, so only its stretched part between the
                thighs shows
  extras        "pelvis_line": a line from the standing hip through the
                free hip, in each pose (shows a pelvis tilt)
  start_after   draw the grey start pose just after this part of the end
                pose instead of behind everything

Joint angles (left_* and right_* alike):
  pelvis     lean (forward), tilt (left side up), turn (toward the left)
  spine      bend (forward), side (toward the left), twist (toward the left)
  neck       bend (forward), side (toward the left)
  *_hip      flex, abduct (out to the side), turn_out (external rotation)
  *_knee     bend;  *_ankle: point (toes down; negative = pulled up)
  *_leg_open the clam: the bent leg turns about the hip-ankle line
  *_shoulder flex (arm forward/up), abduct, turn_out;  *_elbow: bend
"""

# Side-lying arms shared by the three lying exercises: lower arm stretched
# overhead under the head, top arm resting along the top side of the body
# with the hand on the hip.  (A top hand on the floor in front of the chest
# looks like the person is propped up on it, crawling.)
SIDE_LYING_ARMS = {
    "right_shoulder": {"flex": 172},
    "right_elbow": 15,
    "left_shoulder": {"abduct": 20},
    "left_elbow": 40,
    "neck": {"side": -12},
}

# Camera shared by the three lying exercises: the person is seen from in
# front (chest toward the viewer), with "toward the viewer" drawn going down
# and a little to the right.  Thighs bent forward then point down-right and
# a lifted leg or knee goes up, so neither folds back over the torso.
SIDE_VIEW = {"depth_angle": 110, "depth_scale": 1.2}


def side_lying(**angles):
    pose = dict(SIDE_LYING_ARMS)
    pose["pelvis"] = {"tilt": -5}
    pose.update(angles)
    return pose


EXERCISES = [
    {
        "file": "clams.svg",
        "title": "Clams",
        "facing": ("left", "toward"),
        "camera": SIDE_VIEW,
        "anchor": "pelvis",
        "start": side_lying(
            left_hip={"flex": 55}, left_knee=90, left_ankle=15,
            right_hip={"flex": 55}, right_knee=90, right_ankle=15,
        ),
        "end": {"left_leg_open": 90},
        "arrows": [{"type": "arc", "pivot": "pelvis", "from": "left_knee",
                    "to": "left_knee", "extra": 0.3, "trim": (5, 0)}],
        "props": {"mat": True, "band": {"at": 0.78, "width": 0.2}},
    },
    {
        "file": "side-lying-leg-raise.svg",
        "title": "Side-lying leg raise",
        "facing": ("left", "toward"),
        "camera": SIDE_VIEW,
        "anchor": "pelvis",
        "start": side_lying(left_ankle=10, right_ankle=10),
        "end": {"left_hip": {"abduct": 35}},
        "arrows": [{"type": "arc", "pivot": "left_hip", "from": "left_ankle",
                    "to": "left_ankle", "extra": 0.3, "trim": (3, 0)}],
        "props": {"mat": True},
    },
    {
        "file": "side-lying-leg-raise-glute-med.svg",
        "title": "Side-lying leg raise (gluteus medius)",
        "facing": ("left", "toward"),
        "camera": SIDE_VIEW,
        "anchor": "pelvis",
        "start": side_lying(
            # bottom leg bent forward, lying on the floor in front of the body
            right_hip={"flex": 60}, right_knee=95, right_ankle=10,
            left_hip={"flex": -5}, left_ankle=0,
        ),
        "end": {"left_hip": {"abduct": 32, "flex": -15, "turn_out": -35}},
        "arrows": [{"type": "arc", "pivot": "left_hip", "from": "left_ankle",
                    "to": "left_ankle", "extra": 0.3, "trim": (3, 5)}],
        "props": {"mat": True},
    },
    {
        "file": "hip-hitch.svg",
        "title": "Hip hitch",
        "facing": ("up", "toward"),
        "camera": {"elevation": 8},
        "anchor": "right_ankle",
        "rest_on": ["right_leg"],
        "support": 0.7,
        "start": {
            # free (left) side dropped; the standing right leg stays vertical
            "pelvis": {"tilt": -18}, "spine": {"side": -18},
            "right_hip": {"abduct": -18, "turn_out": 10}, "right_knee": 3,
            "left_hip": {"abduct": 18, "turn_out": 10}, "left_knee": 3,
            "left_shoulder": {"abduct": 42, "turn_out": -45}, "left_elbow": 100,
            "right_shoulder": {"abduct": 42, "turn_out": -45}, "right_elbow": 100,
        },
        "end": {
            # free side lifted ("hitched"): the standing hip does the work
            "pelvis": {"tilt": 18}, "spine": {"side": 18},
            "right_hip": {"abduct": 18}, "left_hip": {"abduct": -18},
        },
        "arrows": [{"type": "line", "at": "left_hip", "offset": (1.12, 0.12),
                    "length": 0.9, "direction": "up"}],
        "props": {"step": {"x": (-1.0, 0.18)}},
        "extras": {"pelvis_line": True},
    },
    {
        "file": "hip-hinge.svg",
        "title": "Hip hinge",
        "facing": ("up", "right"),
        "camera": {},
        "anchor": "left_ankle",
        "rest_on": ["left_leg"],
        "start": {
            # standing on the left (far) leg, right foot just off the floor
            "left_knee": 4,
            "right_hip": {"flex": 12}, "right_knee": 45, "right_ankle": 20,
            "left_shoulder": {"flex": 4}, "left_elbow": 10,
            "right_shoulder": {"flex": 4}, "right_elbow": 10,
        },
        "end": {
            "pelvis": {"lean": 78},
            "left_hip": {"flex": 90}, "left_knee": 22, "left_ankle": -10,
            "right_hip": {"flex": -4}, "right_knee": 0, "right_ankle": 0,
            "left_shoulder": {"flex": 80}, "right_shoulder": {"flex": 80},
            "left_elbow": 5, "right_elbow": 5,
        },
        "arrows": [
            {"type": "arc", "pivot": "right_hip", "from": "head", "to": "head",
             "extra": 0.25, "trim": (12, 6)},
            {"type": "arc", "pivot": "right_hip", "from": "right_ankle",
             "to": "right_ankle", "extra": 0.3, "trim": (32, 6)},
        ],
    },
]
