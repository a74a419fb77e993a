//! Finding exercises in a library: filters by region, position, equipment and
//! goal, and a word search that forgives typos ("clam", "hamstrng",
//! "sholder"), used alike by `handout list`, the prompts and any later face.

use crate::content::{Equipment, Exercise, Goal, Position, Region};
use crate::error::{Error, Result};

/// What to show: every given part must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub region: Option<Region>,
    pub position: Option<Position>,
    pub equipment: Option<Equipment>,
    pub goal: Option<Goal>,
    /// Words to search titles, clinical names, tags, regions and equipment for.
    pub words: String,
}

/// The value named `name` among `all` (by their file names), or an error
/// listing them.
fn named<T: Copy>(name: &str, all: &[T], name_of: fn(T) -> &'static str, what: &str) -> Result<T> {
    let key = name.trim().to_lowercase();
    all.iter()
        .copied()
        .find(|v| name_of(*v) == key)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|v| name_of(*v)).collect();
            let close = crate::error::suggest(&key, names.iter().copied());
            Error::Refused {
                message: format!(
                    "`{name}` is not a {what}: the {what}s are {}",
                    names.join(", ")
                ),
                hint: close.map(|c| format!("did you mean `{c}`?")),
            }
        })
}

impl Filter {
    pub fn region(name: &str) -> Result<Region> {
        named(name, Region::ALL, Region::name, "region")
    }
    pub fn position(name: &str) -> Result<Position> {
        named(name, Position::ALL, Position::name, "position")
    }
    pub fn equipment(name: &str) -> Result<Equipment> {
        named(name, Equipment::ALL, Equipment::name, "piece of equipment")
    }
    pub fn goal(name: &str) -> Result<Goal> {
        named(name, Goal::ALL, Goal::name, "goal")
    }

    /// Does `ex` pass the filter? (Its search score, when there are words.)
    pub fn score(&self, ex: &Exercise) -> Option<f64> {
        if self.region.is_some_and(|r| !ex.region.contains(&r))
            || self.position.is_some_and(|p| ex.position != Some(p))
            || self.equipment.is_some_and(|e| !ex.equipment.contains(&e))
            || self.goal.is_some_and(|g| !ex.goal.contains(&g))
        {
            return None;
        }
        if self.words.trim().is_empty() {
            return Some(1.0);
        }
        search_score(ex, &self.words)
    }
}

/// The words an exercise can be found by.
/// The lowercase words of some texts.
fn words_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    texts
        .into_iter()
        .flat_map(|t| {
            t.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn haystack(ex: &Exercise) -> Vec<String> {
    let mut text = vec![ex.title.clone(), ex.id.replace('-', " ")];
    text.extend(ex.also_called.clone());
    text.extend(ex.tags.iter().cloned());
    text.extend(ex.region.iter().map(|r| r.to_string()));
    text.extend(ex.position.map(|p| p.to_string().replace('-', " ")));
    text.extend(ex.equipment.iter().map(|e| e.to_string()));
    text.extend(ex.goal.iter().map(|g| g.to_string()));
    words_of(text.iter().map(String::as_str))
}

/// How well `query` finds `ex`, from 0 to 1, or `None`: every query word must
/// match a word of the exercise, as its start ("clam" finds "clams") or
/// nearly (one or two letters wrong, by Jaro–Winkler similarity).
pub fn search_score(ex: &Exercise, query: &str) -> Option<f64> {
    score_words(&haystack(ex), query)
}

/// [`search_score`] for a line of text, such as a picker's option ("Clams
/// [hip, lying-on-side, pillow]"): the same rule, so the picker forgives the
/// same typos as `handout list`.
pub fn text_score(text: &str, query: &str) -> Option<f64> {
    score_words(&words_of([text]), query)
}

fn score_words(words: &[String], query: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut n = 0;
    for q in query
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let best = words
            .iter()
            .map(|w| {
                if w == q {
                    1.0
                } else if w.starts_with(q) && q.len() >= 2 {
                    0.95
                } else if q.len() >= 4 {
                    strsim::jaro_winkler(q, w)
                } else {
                    0.0
                }
            })
            .fold(0.0, f64::max);
        if best < 0.88 {
            return None;
        }
        total += best;
        n += 1;
    }
    Some(if n == 0 { 1.0 } else { total / n as f64 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;

    #[test]
    fn a_picker_line_is_found_by_the_same_words_as_an_exercise() {
        let line = "Calf stretch at a wall  [ankle, standing, wall]";
        assert!(text_score(line, "calf strech").is_some());
        assert!(text_score(line, "ankle wall").is_some());
        assert!(text_score("Hip hitch  [hip, standing, wall]", "hip hich").is_some());
        assert_eq!(
            text_score("Clams  [hip, lying-on-side, pillow]", "knee"),
            None
        );
        assert!(text_score("Clams  [hip, lying-on-side, pillow]", "side").is_some());
    }

    fn found(query: &str) -> Vec<String> {
        let lib = Library::builtin().unwrap();
        let f = Filter {
            words: query.into(),
            ..Filter::default()
        };
        lib.exercise_ids()
            .filter(|id| f.score(&lib.exercise(id).unwrap()).is_some())
            .map(String::from)
            .collect()
    }

    #[test]
    fn words_find_exercises_despite_typos() {
        assert!(found("clam").contains(&"clams".to_string()));
        assert!(found("calf strech").contains(&"calf-stretch-wall".to_string()));
        assert!(found("sholder")
            .iter()
            .any(|id| id.contains("shoulder") || id == "pendulum"));
        assert!(found("zzzz").is_empty());
    }

    #[test]
    fn filters_narrow_by_region_position_and_equipment() {
        let lib = Library::builtin().unwrap();
        let f = Filter {
            region: Some(Filter::region("knee").unwrap()),
            position: Some(Filter::position("sitting").unwrap()),
            ..Filter::default()
        };
        let ids: Vec<&str> = lib
            .exercise_ids()
            .filter(|id| f.score(&lib.exercise(id).unwrap()).is_some())
            .collect();
        assert!(!ids.is_empty());
        for id in ids {
            let ex = lib.exercise(id).unwrap();
            assert!(ex.region.contains(&Region::Knee));
            assert_eq!(ex.position, Some(Position::Sitting));
        }
        let e = Filter::region("kneee").unwrap_err().to_string();
        assert!(e.contains("the regions are back, hip, knee"), "{e}");
    }
}
