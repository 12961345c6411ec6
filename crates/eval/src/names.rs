//! Word-level matching shared by the quote and source scorers, so that a gold name matches a
//! system answer only as a whole word ("he" is not in "the", "Lee" is not in "Leeds").

/// The lower-cased words of `text`, cut at every character that is not a letter or a digit
/// (so "l'AFP" gives "l" and "afp", and "per:le-maire" gives "per", "le" and "maire").
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether `word` (lower-case) is one of the words of `text`.
pub(crate) fn has_word(text: &str, word: &str) -> bool {
    words(text).any(|w| w == word)
}

/// The last word of a person's name that can be a family name, lower-cased: generational
/// suffixes are skipped ("Jesse Jackson Jr." and "Jesse_Jackson_Jr." are Jacksons).
/// Words are cut at spaces and underscores (BASIL writes `Michael_Steele`).
pub(crate) fn last_name_word(name: &str) -> Option<String> {
    name.trim()
        .to_lowercase()
        .rsplit(['_', ' '])
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !w.is_empty() && !matches!(*w, "jr" | "sr" | "ii" | "iii"))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(has_word("selon l'AFP", "afp"));
        assert!(has_word("per:le-maire", "maire"));
        assert!(!has_word("the ministry", "he"));
        assert!(!has_word("Leeds council", "lee"));
    }

    #[test]
    fn suffixes_are_not_family_names() {
        assert_eq!(
            last_name_word("Jesse Jackson Jr.").as_deref(),
            Some("jackson")
        );
        assert_eq!(
            last_name_word("Jesse_Jackson_Jr.").as_deref(),
            Some("jackson")
        );
        assert_eq!(last_name_word("Mr. Steele").as_deref(), Some("steele"));
        assert_eq!(last_name_word("  "), None);
    }
}
