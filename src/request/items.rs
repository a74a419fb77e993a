//! Exercise items as a clinician types them: an id, then optionally `:` and a
//! dose in parts: `clams:3x12@5s`, `walking:10min daily`, `calf-raises:2x10 2/day`.

use super::{bad, Field};
use crate::error::Result;

/// A change to an exercise's default dose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoseOverride {
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    /// `Some(0)` removes the hold.
    pub hold_seconds: Option<u32>,
    /// `Some(0)` removes the duration.
    pub duration_seconds: Option<u32>,
    pub per_day: Option<u32>,
    pub days_per_week: Option<u32>,
    pub frequency: Option<String>,
    pub each_side: Option<bool>,
}

impl DoseOverride {
    /// Parse a dose as typed after an exercise id (see [`ItemSpec::parse`]):
    /// `3x12@5s`, `2x10 2/day`, `@5s`, `10min`, or nothing (keep the default).
    pub fn parse(text: &str) -> Result<DoseOverride> {
        parse_dose(text, text)
    }
}

/// Items with more sets, repetitions or seconds than this are refused.
pub const MAX_COUNT: u32 = 999;
/// The longest hold, in seconds.
pub const MAX_HOLD_SECONDS: u32 = 600;
/// The shortest and longest time for something done for a time, in seconds.
pub const DURATION_SECONDS: (u32, u32) = (5, 3600);
/// The most times a day.
pub const MAX_PER_DAY: u32 = 6;

/// What the parts of a dose may be, for messages.
const PARTS: &str = "SETSxREPS (3x12), a number of times (3x), sets of a hold or time (3 sets), a hold (@5s), a time (30s, 10min), how often (daily, 2/day, 3/week) and each-side or one-side";

/// The dose of an item: parts separated by spaces (a hold may follow without
/// one: `3x12@5s`). `whole` names the item in errors.
fn parse_dose(whole: &str, dose: &str) -> Result<DoseOverride> {
    let err = |reason: String| bad(Field::Exercises, whole, reason);
    let mut d = DoseOverride::default();
    // "each side" may be written as two words.
    let spaced = dose.replace('@', " @");
    let lower = spaced.to_lowercase();
    let lower = lower
        .replace("each side", "each-side")
        .replace("one side", "one-side");
    // "3 sets" (sets of a hold or a time, with no count of repetitions) is
    // one part.
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut tokens: Vec<String> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let digits = !words[k].is_empty() && words[k].chars().all(|c| c.is_ascii_digit());
        if digits && matches!(words.get(k + 1), Some(&("sets" | "set"))) {
            tokens.push(format!("{}sets", words[k]));
            k += 2;
        } else {
            tokens.push(words[k].to_string());
            k += 1;
        }
    }
    let number = |t: &str, what: &str, range: (u32, u32)| -> Result<u32> {
        match t.parse::<u32>() {
            Ok(n) if (range.0..=range.1).contains(&n) => Ok(n),
            _ => Err(err(format!(
                "{what} must be a whole number from {} to {}",
                range.0, range.1
            ))),
        }
    };
    fn set<T>(slot: &mut Option<T>, v: T, what: &str) -> std::result::Result<(), String> {
        if slot.is_some() {
            return Err(format!("the dose gives {what} twice"));
        }
        *slot = Some(v);
        Ok(())
    }
    for token in tokens.iter().map(String::as_str) {
        let twice = |e: String| err(e);
        if let Some(h) = token.strip_prefix('@') {
            let digits = h.strip_suffix('s').unwrap_or(h);
            let secs: u32 = digits
                .parse()
                .map_err(|_| err("the hold after @ must be seconds, like @5s".into()))?;
            if secs > MAX_HOLD_SECONDS {
                return Err(err("a hold can be at most 600 seconds".into()));
            }
            set(&mut d.hold_seconds, secs, "the hold").map_err(twice)?;
        } else if let Some(n) = token
            .strip_suffix("sets")
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            let n = number(n, "the sets", (1, MAX_COUNT))?;
            set(&mut d.sets, n, "the sets").map_err(twice)?;
        } else if let Some((a, b)) = token.split_once(['x', '×']) {
            if b.is_empty() {
                let n = number(a, "the number of times", (1, MAX_COUNT))?;
                set(&mut d.reps, n, "the repetitions").map_err(twice)?;
            } else {
                let counts = |t: &str, what: &str| {
                    t.parse::<u32>()
                        .ok()
                        .filter(|n| (1..=MAX_COUNT).contains(n))
                        .ok_or_else(|| {
                            err(format!(
                                "{what} must be a whole number from 1 to 999 (SETSxREPS, like 3x12)"
                            ))
                        })
                };
                set(&mut d.sets, counts(a, "sets")?, "the sets").map_err(twice)?;
                set(&mut d.reps, counts(b, "reps")?, "the repetitions").map_err(twice)?;
            }
        } else if let Some(n) = token.strip_suffix("/day").or(token.strip_suffix("/d")) {
            let n = number(n, "times a day", (1, MAX_PER_DAY))?;
            set(&mut d.per_day, n, "how often").map_err(twice)?;
        } else if token == "daily" {
            set(&mut d.per_day, 1, "how often").map_err(twice)?;
        } else if let Some(n) = token.strip_suffix("/week").or(token.strip_suffix("/wk")) {
            let n = number(n, "days a week", (1, 7))?;
            set(&mut d.days_per_week, n, "days a week").map_err(twice)?;
        } else if token == "each-side" || token == "one-side" {
            set(&mut d.each_side, token == "each-side", "the side").map_err(twice)?;
        } else if let Some(secs) = duration(token) {
            let secs = secs.ok_or_else(|| {
                err(format!(
                    "a time must be from {} seconds to {} minutes, like 30s or 10min",
                    DURATION_SECONDS.0,
                    DURATION_SECONDS.1 / 60
                ))
            })?;
            set(&mut d.duration_seconds, secs, "the time").map_err(twice)?;
        } else if token.chars().all(|c| c.is_ascii_digit()) || token.contains("by") {
            return Err(err("the dose after : must be SETSxREPS, like 3x12".into()));
        } else {
            return Err(err(format!(
                "`{token}` is not part of a dose; a dose has {PARTS}"
            )));
        }
    }
    Ok(d)
}

/// `30s`, `90sec`, `10min`, `10m`: the seconds, `Some(None)` if out of range;
/// `None` if the token is not a time.
fn duration(token: &str) -> Option<Option<u32>> {
    let split = token.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = token.split_at(split);
    let n: u64 = n.parse().ok()?;
    let secs = match unit {
        "s" | "sec" | "secs" => n,
        "m" | "min" | "mins" => n.saturating_mul(60),
        _ => return None,
    };
    Some(
        u32::try_from(secs)
            .ok()
            .filter(|s| (DURATION_SECONDS.0..=DURATION_SECONDS.1).contains(s)),
    )
}

/// One chosen exercise: `ID[:SETSxREPS][@HOLDs]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpec {
    pub id: String,
    pub dose: DoseOverride,
    pub note: Option<String>,
}

impl ItemSpec {
    /// An exercise with its default dose.
    pub fn plain(id: impl Into<String>) -> ItemSpec {
        ItemSpec {
            id: id.into(),
            dose: DoseOverride::default(),
            note: None,
        }
    }

    /// Parse one item: an exercise id, then optionally `:` and its dose, e.g.
    /// `clams`, `clams:3x12`, `hip-hitch:2x10@5s`, `clams@3s`,
    /// `walking:10min daily`, `calf-stretch-wall:3x @30s 2/day each-side`.
    pub fn parse(item: &str) -> Result<ItemSpec> {
        let item = item.trim();
        // `clams@3s`: a hold straight after the id.
        let (id, dose) = match (item.find(':'), item.find('@')) {
            (Some(c), Some(a)) if a < c => (&item[..a], &item[a..]),
            (Some(c), _) => (&item[..c], &item[c + 1..]),
            (None, Some(a)) => (&item[..a], &item[a..]),
            (None, None) => (item, ""),
        };
        // The dose is checked first: its message is the more useful one.
        let dose = parse_dose(item, dose)?;
        // Ids are lowercase; `Clams` typed in a spreadsheet means `clams`.
        let id = id.trim().to_lowercase();
        let id = id.as_str();
        if id.is_empty() {
            return Err(bad(Field::Exercises, item, "the exercise id is missing"));
        }
        if !crate::ids::is_valid_id(id) {
            return Err(bad(
                Field::Exercises,
                item,
                "an exercise id is lowercase letters, digits and hyphens, like hip-hitch",
            ));
        }
        Ok(ItemSpec {
            id: id.to_string(),
            dose,
            note: None,
        })
    }

    /// Parse a list of items separated by commas or semicolons.
    pub fn parse_list(list: &str) -> Result<Vec<ItemSpec>> {
        list.split([',', ';'])
            .filter(|s| !s.trim().is_empty())
            .map(ItemSpec::parse)
            .collect()
    }

    /// The item in its own syntax (`clams:3x12@5s 2/day`), when the syntax can
    /// say its dose (not a frequency in the clinic's own words).
    pub fn syntax(&self) -> Option<String> {
        let dose = self.dose.syntax()?;
        Some(match dose.chars().next() {
            None => self.id.clone(),
            Some('@') => format!("{}{dose}", self.id),
            Some(_) => format!("{}:{dose}", self.id),
        })
    }
}

impl DoseOverride {
    /// The dose as typed after an id and `:` (`3x12@5s 2/day`, `@5s`, or
    /// empty for none), when the syntax can say it (not a frequency in the
    /// clinic's own words).
    pub fn syntax(&self) -> Option<String> {
        let d = self;
        if d.frequency.is_some() {
            return None;
        }
        let mut parts = Vec::new();
        match (d.sets, d.reps) {
            (Some(s), Some(r)) => parts.push(format!("{s}x{r}")),
            (None, Some(r)) => parts.push(format!("{r}x")),
            (Some(s), None) => parts.push(format!("{s} sets")),
            (None, None) => {}
        }
        let mut dose = parts.join(" ");
        if let Some(h) = d.hold_seconds {
            dose += &format!("@{h}s");
        }
        let mut rest = Vec::new();
        if let Some(t) = d.duration_seconds {
            rest.push(if t % 60 == 0 && t > 0 {
                format!("{}min", t / 60)
            } else {
                format!("{t}s")
            });
        }
        if let Some(n) = d.per_day {
            rest.push(format!("{n}/day"));
        }
        if let Some(n) = d.days_per_week {
            rest.push(format!("{n}/week"));
        }
        if let Some(e) = d.each_side {
            rest.push(if e { "each-side" } else { "one-side" }.to_string());
        }
        for r in rest {
            if !dose.is_empty() {
                dose.push(' ');
            }
            dose += &r;
        }
        Some(dose)
    }
}
