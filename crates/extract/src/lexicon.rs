//! The data files of data/extract, compiled in and parsed once.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// Words of written dates (data/extract/dates.toml).
#[derive(Debug, Default, Deserialize)]
pub struct DateWords {
    /// Month name or abbreviation to month number.
    pub months: HashMap<String, u32>,
    /// Words that are skipped or accepted inside a date.
    pub words: DateFillers,
}

/// Words accepted inside a date that carry no value.
#[derive(Debug, Default, Deserialize)]
pub struct DateFillers {
    /// Day names.
    pub weekdays: Vec<String>,
    /// Small words ("le", "the").
    pub fillers: Vec<String>,
    /// Ordinal suffixes of day numbers.
    pub ordinals: Vec<String>,
    /// Time-zone names.
    pub zones: Vec<String>,
}

/// Where fields are found (data/extract/fields.toml).
#[derive(Debug, Default, Deserialize)]
pub struct Fields {
    /// `.txt` header key to field name.
    pub header: HashMap<String, String>,
    /// JSON keys per field.
    pub json: FieldKeys,
    /// HTML meta names per field.
    pub html: MetaKeys,
    /// Id values that name no article ("empty", "null"): such an article gets a content id.
    #[serde(default)]
    pub placeholder_ids: Vec<String>,
}

/// JSON keys per field, in order of preference.
#[derive(Debug, Default, Deserialize)]
pub struct FieldKeys {
    pub id: Vec<String>,
    pub url: Vec<String>,
    pub outlet: Vec<String>,
    pub title: Vec<String>,
    pub date: Vec<String>,
    pub lead: Vec<String>,
    pub text: Vec<String>,
    pub lang: Vec<String>,
}

/// HTML meta names per field, in order of preference.
#[derive(Debug, Default, Deserialize)]
pub struct MetaKeys {
    pub title: Vec<String>,
    pub date: Vec<String>,
    pub url: Vec<String>,
    pub outlet: Vec<String>,
}

/// The date words. The file is part of the binary, so a parse failure is a build-time bug,
/// caught by the unit test below; at run time it degrades to no words rather than a panic.
pub fn date_words() -> &'static DateWords {
    static WORDS: OnceLock<DateWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        toml::from_str(include_str!("../../../data/extract/dates.toml")).unwrap_or_default()
    })
}

/// The field names; same failure policy as [`date_words`].
pub fn fields() -> &'static Fields {
    static FIELDS: OnceLock<Fields> = OnceLock::new();
    FIELDS.get_or_init(|| {
        toml::from_str(include_str!("../../../data/extract/fields.toml")).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_files_parse() {
        let dates: Result<super::DateWords, _> =
            toml::from_str(include_str!("../../../data/extract/dates.toml"));
        assert_eq!(
            dates
                .map(|d| d.months.get("janvier").copied())
                .ok()
                .flatten(),
            Some(1)
        );
        let fields: Result<super::Fields, _> =
            toml::from_str(include_str!("../../../data/extract/fields.toml"));
        assert!(fields.is_ok_and(|f| f.json.text.contains(&"body-paragraphs".to_string())));
    }
}
