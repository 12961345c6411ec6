//! Language detection for articles that do not declare theirs.

/// ISO 639-1 code of the text's language, when whatlang is reliable enough to say.
pub fn detect(text: &str) -> Option<&'static str> {
    // whatlang is fast and accurate on article-length text (see docs/dependencies); on short
    // strings it guesses, so unreliable answers are dropped.
    let sample = sample(text, 2000);
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(iso639_1(info.lang()))
}

/// The first `max` bytes of `text`, cut at a char boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Fra => "fr",
        Eng => "en",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Pes => "fa",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Swe => "sv",
        Dan => "da",
        Nob => "no",
        Fin => "fi",
        Ell => "el",
        Ron => "ro",
        Hun => "hu",
        Ces => "cs",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english_articles() {
        let fr = "La diplomatie russe a appelé vendredi le Hamas, lors de pourparlers à Moscou, à libérer tous ses otages.";
        let en = "Russian diplomats on Friday urged Hamas, during talks in Moscow, to release all of its hostages.";
        assert_eq!(detect(fr), Some("fr"));
        assert_eq!(detect(en), Some("en"));
    }

    #[test]
    fn gives_no_answer_on_empty_text() {
        assert_eq!(detect(""), None);
    }
}
