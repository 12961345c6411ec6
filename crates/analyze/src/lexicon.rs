//! Loading of the bundled data files (TOML lexicons, word lists).

use std::fmt;

/// A lexicon file that could not be read or parsed.
#[derive(Debug)]
pub struct LexiconError {
    /// The file.
    pub origin: String,
    /// Why.
    pub reason: String,
}

impl LexiconError {
    /// An error for `origin` with `reason`.
    pub fn new(origin: impl fmt::Display, reason: impl fmt::Display) -> Self {
        LexiconError {
            origin: origin.to_string(),
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for LexiconError {}

/// Parses a bundled TOML data file. Bundled files are checked by the tests, so a failure
/// here is a build defect, not bad input.
pub fn bundled<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("bundled data file {name} is invalid: {e}"),
    }
}

/// Parses a user TOML data file.
pub fn parse<T: serde::de::DeserializeOwned>(origin: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError::new(origin, e))
}

/// Words of a bundled one-per-line list, skipping blanks and `#` comments.
pub fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
