//! The tick-box exercise log, one week at a time.

use crate::error::Result;
use crate::fonts::Weight;
use crate::program::Handout;

use super::super::document::{Color, Item, NodeKind, Shape, MM};
use super::super::frame::Frame;
use super::super::style::Ctx;
use super::super::text::Span;

/// One week (`week` from 0) of the tick-box exercise log: a row per exercise,
/// a column per day with its date. The first week carries the log's title.
pub(crate) fn log_week(cx: &Ctx, h: &Handout, week: usize) -> Result<Frame> {
    let heading = (week == 0).then(|| (cx.words.log_heading(), cx.words.log_intro()));
    let rows: Vec<&str> = h.items.iter().map(|i| i.exercise.title.as_str()).collect();
    table(cx, h, week, heading, &rows, true)
}

/// The tick chart of a handout without a log: the first week, a row per
/// exercise, or (`one_row`, where space is short) a single row for all.
pub(crate) fn tracker(cx: &Ctx, h: &Handout, one_row: bool) -> Result<Frame> {
    let all = cx.words.tracker_all();
    let (rows, intro): (Vec<&str>, String) = if one_row {
        (vec![all.as_str()], cx.words.tracker_intro_one())
    } else {
        let rows = h.items.iter().map(|i| i.exercise.title.as_str()).collect();
        (rows, cx.words.log_intro())
    };
    table(
        cx,
        h,
        0,
        Some((cx.words.tracker_heading(), intro)),
        &rows,
        false,
    )
}

/// A week of ticks, under a heading and the words on what a tick means
/// (`heading`), and its dates (`dated`: "Week 1: 25 November to 1 December").
fn table(
    cx: &Ctx,
    h: &Handout,
    week: usize,
    heading: Option<(String, String)>,
    rows: &[&str],
    dated: bool,
) -> Result<Frame> {
    let t = cx.t;
    let w = cx.width;
    let mut f = Frame {
        width: w,
        ..Default::default()
    };
    let body = cx.body();
    let bold = cx.bold();
    let small = cx.small();
    let small_bold = cx.style(Weight::Bold, small.size, cx.colours.text);
    let pitch = cx.pitch(body.size);
    let mut y = 0.0;
    if let Some((heading, intro)) = heading {
        let hs = t.text.heading_pt.0;
        f.open(
            NodeKind::Heading {
                level: 2,
                title: heading.clone(),
            },
            None,
        );
        y += f.lines(
            0.0,
            y,
            cx.wrap(
                &[Span::new(
                    heading,
                    cx.style(Weight::Bold, hs, cx.colours.primary),
                )],
                w,
                "a heading",
            )?,
            cx.pitch(hs),
        );
        f.open(NodeKind::Paragraph, None);
        y += f.lines(
            0.0,
            y,
            cx.wrap(&[Span::new(intro, body)], w, "the log")?,
            pitch,
        ) + if dated { 2.0 } else { 1.0 } * MM;
    }
    let first = h.date + chrono::Days::new(7 * week as u64);
    if dated {
        let last = first + chrono::Days::new(6);
        let title = cx.words.log_week(week + 1, first, last);
        f.open(
            NodeKind::Heading {
                level: 3,
                title: title.clone(),
            },
            None,
        );
        y += f.lines(
            0.0,
            y,
            cx.wrap(&[Span::new(title, bold)], w, "the log")?,
            pitch,
        ) + 1.0 * MM;
    }

    let name_w = (w * 0.32).max(30.0 * MM).min(w * 0.5);
    let day_w = (w - name_w) / 7.0;
    let cell_pad = 0.9 * MM;
    let rule = cx.rule_colour();
    let line = |f: &mut Frame, x: f32, y: f32, width: f32, height: f32| {
        f.shape(
            x,
            y,
            Shape {
                width,
                height,
                fill: Some(rule),
                stroke: None,
                radius: 0.0,
            },
        )
    };
    let table_top = y;
    // Header row: day name and day of the month ("Wed 25"), centred in each
    // column; in narrow columns (large print) the number goes under the name.
    let sp = cx.pitch(small.size);
    let mut labels = Vec::new();
    for d in 0..7 {
        let day = first + chrono::Days::new(d);
        labels.push(cx.wrap(
            &[
                Span::new(format!("{} ", cx.words.weekday_short(day)), small_bold),
                Span::new(day.format("%-d").to_string(), small),
            ],
            day_w - 1.0,
            "the log dates",
        )?);
    }
    let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    let head_h = label_lines as f32 * sp + 2.0 * cell_pad;
    let table = f.node(NodeKind::Table, None);
    let head_row = f.node(NodeKind::Row, Some(table));
    f.open(NodeKind::HeaderCell { column: true }, Some(head_row));
    f.lines(
        cell_pad,
        y + (head_h - sp) / 2.0,
        cx.wrap(
            &[Span::new(cx.words.log_exercise(), small_bold)],
            name_w,
            "the log",
        )?,
        sp,
    );
    for (d, lines) in labels.into_iter().enumerate() {
        let cx0 = name_w + d as f32 * day_w;
        f.open(NodeKind::HeaderCell { column: true }, Some(head_row));
        f.lines_centered(cx0, day_w, y + cell_pad, lines, sp);
    }
    y += head_h;
    line(&mut f, 0.0, y, w, 1.0);
    // One row per exercise.
    let boxs = (body.size * 1.3).min(day_w - 2.0 * cell_pad);
    for title in rows {
        let lines = cx.wrap(
            &[Span::new(*title, body)],
            name_w - 2.0 * cell_pad,
            &format!("the log row `{title}`"),
        )?;
        let text_h = lines.len() as f32 * pitch;
        let row_h = text_h.max(boxs) + 2.0 * cell_pad;
        let row = f.node(NodeKind::Row, Some(table));
        f.open(NodeKind::HeaderCell { column: false }, Some(row));
        f.lines(cell_pad, y + (row_h - text_h) / 2.0, lines, pitch);
        for d in 0..7 {
            let bx = name_w + d as f32 * day_w + (day_w - boxs) / 2.0;
            // The empty tick box is the cell's content.
            f.open(NodeKind::Cell, Some(row));
            f.push(
                bx,
                y + (row_h - boxs) / 2.0,
                Item::Shape(Shape {
                    width: boxs,
                    height: boxs,
                    fill: Some(Color::WHITE),
                    stroke: Some((cx.colours.text, 1.0)),
                    radius: 1.5,
                }),
            );
        }
        y += row_h;
        line(&mut f, 0.0, y, w, 0.6);
    }
    // Column rules and the frame around the table.
    for d in 0..7 {
        line(
            &mut f,
            name_w + d as f32 * day_w,
            table_top,
            0.6,
            y - table_top,
        );
    }
    f.shape(
        0.5,
        table_top,
        Shape {
            width: w - 1.0,
            height: y - table_top,
            fill: None,
            stroke: Some((cx.colours.text, 1.0)),
            radius: 0.0,
        },
    );
    f.height = y + 1.0;
    Ok(f)
}
