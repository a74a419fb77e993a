//! The emergency number a handout prints in its safety box: the clinic's
//! `emergency-number`, else the usual one for the country of its language.

use crate::content::Clinic;

/// The number to call for an ambulance in the region of a language tag such
/// as `en-GB`; `None` when the tag names no region or one not known here.
pub fn default_for(language: &str) -> Option<&'static str> {
    let region = language
        .split(['-', '_'])
        .skip(1)
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))?
        .to_ascii_uppercase();
    // The European Union and the rest of the European Economic Area, with
    // Switzerland: 112.
    const EUROPE_112: &[&str] = &[
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
        "CH",
    ];
    Some(match region.as_str() {
        "GB" => "999",
        "US" | "CA" => "911",
        "AU" => "000",
        "NZ" => "111",
        r if EUROPE_112.contains(&r) => "112",
        _ => return None,
    })
}

/// The number the clinic set, else the default for its language's region.
pub fn emergency_number(clinic: &Clinic) -> Option<String> {
    clinic
        .emergency_number
        .as_ref()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .or_else(|| default_for(&clinic.language).map(String::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_region() {
        for (tag, n) in [
            ("en-GB", Some("999")),
            ("en-US", Some("911")),
            ("en-AU", Some("000")),
            ("en-IE", Some("112")),
            ("en-NZ", Some("111")),
            ("en-CA", Some("911")),
            ("fr-CA", Some("911")),
            ("de-DE", Some("112")),
            ("nl-be", Some("112")),
            ("en", None),
            ("en-ZZ", None),
            ("zh-Hant-TW", None),
        ] {
            assert_eq!(default_for(tag), n, "{tag}");
        }
    }
}
