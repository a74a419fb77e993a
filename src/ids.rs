//! Ids: how exercises, programmes and templates are named (their file names).

/// Is `s` a valid id: lowercase letters and digits in words joined by single hyphens?
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
