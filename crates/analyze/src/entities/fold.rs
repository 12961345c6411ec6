//! Folding of words into their key form: lowercase, no accents, one apostrophe, one
//! transliteration. Names reach French and English text in many spellings ("Mikhaïl",
//! "Mikhail"; "Abou", "Abu"); comparing key forms makes them one.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::lexicon;

/// Appends `word` to `out` lowercased, without accents, with every apostrophe as `'`.
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '’' | 'ʼ' | '‘') {
            out.push('\'');
        } else {
            for l in c.to_lowercase() {
                push_base(l, out);
            }
        }
    }
}

/// `word` lowercased and without accents.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// The base letter of an accented lowercase letter (Latin scripts of news text).
fn push_base(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        'ğ' => 'g',
        'đ' | 'ď' => 'd',
        'ť' | 'ţ' => 't',
        'œ' => return out.push_str("oe"),
        'æ' => return out.push_str("ae"),
        'ß' => return out.push_str("ss"),
        other => other,
    };
    out.push(base);
}

/// The forms a lexicon lemma may have in text under simple inflection, longest first:
/// the word itself, without plural `s`/`x`, without feminine `e`, and `nn` -> `n`
/// ("israéliennes" -> "israélienne" -> "israélienn" -> "israélien").
pub fn inflection_stems(word: &str) -> impl Iterator<Item = &str> {
    let plural = word
        .strip_suffix(['s', 'x'])
        .filter(|w| w.chars().count() >= 3);
    let base = plural.unwrap_or(word);
    let feminine = base.strip_suffix('e').filter(|w| w.chars().count() >= 3);
    let doubled = feminine
        .filter(|w| w.ends_with("nn"))
        .and_then(|w| w.strip_suffix('n'));
    std::iter::once(word)
        .chain(plural)
        .chain(feminine)
        .chain(doubled)
}

#[derive(Deserialize)]
struct FoldingFile {
    words: FxHashMap<String, String>,
    suffixes: FxHashMap<String, String>,
}

/// Transliteration variants folded to one spelling (data/gazetteers/folding.toml).
pub struct Transliteration {
    words: FxHashMap<String, String>,
    suffixes: Vec<(String, String)>,
}

impl Transliteration {
    /// The bundled rules.
    pub fn bundled() -> Self {
        let file: FoldingFile = lexicon::bundled(
            "folding.toml",
            include_str!("../../../../data/gazetteers/folding.toml"),
        );
        let mut suffixes: Vec<(String, String)> = file.suffixes.into_iter().collect();
        suffixes.sort();
        Transliteration {
            words: file.words,
            suffixes,
        }
    }

    /// The key form of an already folded word.
    pub fn apply<'a>(&'a self, folded: &'a str) -> Cow<'a, str> {
        if let Some(w) = self.words.get(folded) {
            return Cow::Borrowed(w);
        }
        for (from, to) in &self.suffixes {
            // Short words are left alone: "off" is English, "Orloff" is a name.
            if let Some(stem) = folded.strip_suffix(from.as_str()).filter(|s| s.len() >= 3) {
                return Cow::Owned(format!("{stem}{to}"));
            }
        }
        Cow::Borrowed(folded)
    }

    /// The key form of a word as written: folded, and transliterated when capitalised
    /// (only names have spelling variants; common words skip the lookup).
    pub fn key_form(&self, word: &str) -> String {
        let folded = fold(word);
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return folded;
        }
        self.apply(&folded).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Mikhaïl"), "mikhail");
        assert_eq!(fold("Israël"), "israel");
        assert_eq!(fold("d’Œuvre"), "d'oeuvre");
    }

    #[test]
    fn folds_transliteration_variants() {
        let t = Transliteration::bundled();
        assert_eq!(t.key_form("Abou"), "abu");
        assert_eq!(t.key_form("Mohamed"), t.key_form("Mohammed"));
        assert_eq!(t.key_form("Moussa"), "musa");
        assert_eq!(t.key_form("Smirnoff"), "smirnov");
        assert_eq!(t.key_form("Marzouk"), "marzouk");
        assert_eq!(
            t.key_form("standoff"),
            "standoff",
            "common words keep their spelling"
        );
    }

    #[test]
    fn inflection_stems_reach_the_masculine_singular() {
        let stems: Vec<&str> = inflection_stems("israéliennes").collect();
        assert!(stems.contains(&"israélien"), "{stems:?}");
        assert_eq!(inflection_stems("colons").nth(1), Some("colon"));
        assert_eq!(inflection_stems("as").count(), 1);
    }
}
