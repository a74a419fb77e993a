//! The names of the things a clinician chooses, shared by requests and errors.

use std::fmt;

/// One of the things a clinician chooses for a handout. Faces name it their own
/// way (a flag, a roster column, a question); [`Field::name`] is the roster column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Patient,
    Program,
    Exercises,
    Date,
    Clinician,
    Notes,
    /// A note on one exercise's card (`ID=TEXT`).
    ExerciseNote,
    Paper,
    Template,
    Log,
    NextAppointment,
    /// The output file name.
    Output,
}

impl Field {
    /// Every field, in the order a roster lists its known columns.
    pub const ALL: [Field; 11] = [
        Field::Patient,
        Field::Exercises,
        Field::Program,
        Field::Date,
        Field::Clinician,
        Field::Notes,
        Field::Paper,
        Field::Template,
        Field::Output,
        Field::Log,
        Field::NextAppointment,
    ];

    /// The field's name as a roster column.
    pub fn name(self) -> &'static str {
        match self {
            Field::Patient => "patient",
            Field::Program => "program",
            Field::Exercises => "exercises",
            Field::Date => "date",
            Field::Clinician => "clinician",
            Field::Notes => "notes",
            Field::ExerciseNote => "notes",
            Field::Paper => "paper",
            Field::Template => "template",
            Field::Log => "log",
            Field::NextAppointment => "next-appointment",
            Field::Output => "output",
        }
    }

    /// The field a roster column names, in any case, with spaces, hyphens or
    /// underscores, and in common other spellings (`Programme`, `Patient name`).
    pub fn from_name(name: &str) -> Option<Field> {
        let key = Field::key(name);
        let alias = match key.as_str() {
            "programme" | "preset" => Some(Field::Program),
            "patient-name" | "name" => Some(Field::Patient),
            "exercise" => Some(Field::Exercises),
            "note" => Some(Field::Notes),
            "appointment" | "next" => Some(Field::NextAppointment),
            "log-weeks" | "weeks" => Some(Field::Log),
            "file" | "file-name" | "filename" => Some(Field::Output),
            "therapist" | "physio" => Some(Field::Clinician),
            _ => None,
        };
        alias.or_else(|| Field::ALL.into_iter().find(|f| f.name() == key))
    }

    /// A column name as compared: lowercase, words joined by hyphens.
    pub fn key(name: &str) -> String {
        name.trim()
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// What a value of this field is called in a message: "bad date `x`".
    pub fn what(self) -> &'static str {
        match self {
            Field::Patient => "patient name",
            Field::Program => "program",
            Field::Exercises => "exercise item",
            Field::Date => "date",
            Field::Clinician => "clinician",
            Field::Notes => "notes",
            Field::ExerciseNote => "exercise note",
            Field::Paper => "paper size",
            Field::Template => "template",
            Field::Log => "log length",
            Field::NextAppointment => "appointment",
            Field::Output => "output name",
        }
    }

    /// How a good value looks, face-neutral (no flag or column names), where
    /// the message alone does not say it.
    pub fn example(self) -> Option<&'static str> {
        match self {
            Field::Exercises => Some(
                "an item is ID[:SETSxREPS][@HOLDs], for example clams, clams:3x12 or hip-hitch:2x10@5s; a dose can also give a number of times (3x), a time (30s, 10min), how often (daily, 2/day, 3/week) and each-side or one-side",
            ),
            _ => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
