//! Dates and times as people type them: `2026-12-03`, `3/12/2026` (day first,
//! as in the UK and most of the world), `12/3/2026` where the clinic writes the
//! month first, `3 December 2026`, `Dec 3, 2026`. A date that could be read two
//! ways (a two-digit year) or that does not exist (30 February) is an error
//! that says so.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::{bad, Field};
use crate::error::Result;

/// Which comes first in a date written with numbers only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// 3/12/2026 is 3 December 2026.
    #[default]
    DayFirst,
    /// 12/3/2026 is 3 December 2026.
    MonthFirst,
}

impl DateOrder {
    fn example(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "2026-12-03 or 3/12/2026",
            DateOrder::MonthFirst => "2026-12-03 or 12/3/2026",
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names: `December`, `dec`, `Sept.`.
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// Parse a date, numbers read in `order`; `field` names it in errors.
pub fn parse_date_as(s: &str, order: DateOrder, field: Field) -> Result<NaiveDate> {
    let t = s.trim();
    let fail = |why: String| bad(field, s, why);
    let expected = || {
        fail(format!(
            "expected a date like {}, or 3 December 2026",
            order.example()
        ))
    };
    let make = |y: i32, m: u32, d: u32, ordered: bool| {
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
            if (1..=12).contains(&m) {
                fail(format!(
                    "there is no day {d} in {} {y}",
                    capitalise(MONTHS[m as usize - 1])
                ))
            } else if ordered {
                fail(format!(
                    "there is no month {m}; the date is read {}",
                    order_words(order)
                ))
            } else {
                fail(format!("there is no month {m}"))
            }
        })
    };
    // Words: "3 December 2026", "December 3, 2026", "3 Dec 2026".
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.len() == 3 && words.iter().any(|w| w.chars().any(char::is_alphabetic)) {
        let (day, month) = match (month_of(words[0]), month_of(words[1])) {
            (Some(m), None) => (words[1], m),
            (None, Some(m)) => (words[0], m),
            _ => return Err(expected()),
        };
        let day = day.trim_end_matches(|c: char| c.is_alphabetic()); // 3rd, 21st
        let (Ok(d), Ok(y)) = (day.parse::<u32>(), words[2].parse::<i32>()) else {
            return Err(expected());
        };
        if words[2].len() != 4 {
            return Err(fail("write the year in full, like 2026".into()));
        }
        return make(y, month, d, false);
    }
    // Numbers: three parts separated by - / or .
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(expected());
    }
    let n = |p: &str| p.parse::<u32>().unwrap_or(0);
    if parts[0].len() == 4 {
        return make(n(parts[0]) as i32, n(parts[1]), n(parts[2]), false);
    }
    if parts[2].len() != 4 {
        return Err(fail(format!(
            "the year could be read more than one way: write it in full, like {}",
            order.example()
        )));
    }
    let (d, m) = match order {
        DateOrder::DayFirst => (n(parts[0]), n(parts[1])),
        DateOrder::MonthFirst => (n(parts[1]), n(parts[0])),
    };
    make(n(parts[2]) as i32, m, d, true)
}

fn order_words(order: DateOrder) -> &'static str {
    match order {
        DateOrder::DayFirst => "day first (DD/MM/YYYY)",
        DateOrder::MonthFirst => "month first (MM/DD/YYYY)",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A time of day: `10:30`, `9:05`, `14.30`, `10:30am`, `2:15 pm`.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let t = s.trim().to_lowercase().replace(' ', "");
    let (t, pm) = match (t.strip_suffix("pm"), t.strip_suffix("am")) {
        (Some(x), _) => (x.to_string(), Some(true)),
        (_, Some(x)) => (x.to_string(), Some(false)),
        _ => (t, None),
    };
    let (h, m) = t.split_once([':', '.']).unwrap_or((&t, "0"));
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let h = match pm {
        Some(true) if (1..=11).contains(&h) => h + 12,
        Some(false) if h == 12 => 0,
        Some(_) if !(1..=12).contains(&h) => return None,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str, order: DateOrder) -> std::result::Result<String, String> {
        parse_date_as(s, order, Field::Date)
            .map(|d| d.to_string())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn dates_as_people_write_them() {
        use DateOrder::*;
        for s in [
            "2026-12-03",
            "2026/12/03",
            "3/12/2026",
            "03/12/2026",
            "3.12.2026",
            "3-12-2026",
            "3 December 2026",
            "3 Dec 2026",
            "3rd December 2026",
            "December 3, 2026",
            "Dec 3 2026",
        ] {
            assert_eq!(d(s, DayFirst).as_deref(), Ok("2026-12-03"), "{s}");
        }
        assert_eq!(d("12/3/2026", MonthFirst).as_deref(), Ok("2026-12-03"));
        assert_eq!(d("2026-12-03", MonthFirst).as_deref(), Ok("2026-12-03"));
    }

    #[test]
    fn impossible_and_ambiguous_dates_say_why() {
        use DateOrder::*;
        assert_eq!(
            d("30/02/2026", DayFirst).unwrap_err(),
            "bad date `30/02/2026`: there is no day 30 in February 2026"
        );
        assert_eq!(
            d("12/25/2026", DayFirst).unwrap_err(),
            "bad date `12/25/2026`: there is no month 25; the date is read day first (DD/MM/YYYY)"
        );
        assert!(d("03/12/26", DayFirst)
            .unwrap_err()
            .contains("the year could be read more than one way"));
        assert!(d("tomorrow", DayFirst)
            .unwrap_err()
            .contains("expected a date like 2026-12-03 or 3/12/2026"));
        assert!(d("2026-1-5x", DayFirst).is_err());
    }

    #[test]
    fn times() {
        let t = |s: &str| parse_time(s).map(|t| t.format("%H:%M").to_string());
        assert_eq!(t("10:30").as_deref(), Some("10:30"));
        assert_eq!(t("9.05").as_deref(), Some("09:05"));
        assert_eq!(t("2:15 pm").as_deref(), Some("14:15"));
        assert_eq!(t("12am").as_deref(), Some("00:00"));
        assert_eq!(t("25:00"), None);
        assert_eq!(t("13pm"), None);
    }
}
