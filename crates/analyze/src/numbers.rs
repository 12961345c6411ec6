//! Numbers as written in French and English news: digit groups ("7 028", "1,400", "1.400"),
//! decimals ("1,4" in French, "1.4" in English), scales ("3,5 milliards", "2.5bn"), number
//! words ("vingt-trois", "twelve"), vague amounts ("des dizaines", "hundreds"), percentages
//! and currencies. The words live in `data/figures/number_words.toml`.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::figures::phrase::{Lowered, PhraseMap};
use crate::lexicon;
use crate::text::{is_group_space, Doc, TokenKind};

const NUMBER_WORDS: &str = include_str!("../../../data/figures/number_words.toml");

/// A number read from consecutive tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The value, scales applied ("1,4 million" = 1 400 000).
    pub value: f64,
    /// First token.
    pub first: usize,
    /// One past the last token (scale, percent sign or currency included).
    pub end: usize,
    /// A vague amount ("des dizaines", "hundreds"): `value` is its order of magnitude.
    pub vague: bool,
    /// A plural vague amount ("des dizaines", "hundreds of thousands"): it says "at least two
    /// of them", so `value` is twice the order of magnitude (the convention of
    /// docs/annotation.md, section 1.3).
    pub plural: bool,
    /// Followed by "%", "pour cent" or "percent".
    pub percent: bool,
    /// ISO 4217 code when a currency is written with it.
    pub currency: Option<String>,
}

#[derive(Deserialize)]
struct LangFile {
    decimal_comma: bool,
    units: BTreeMap<String, f64>,
    weak: Vec<String>,
    scales: BTreeMap<String, f64>,
    glued_scales: BTreeMap<String, f64>,
    vague: BTreeMap<String, f64>,
    vague_determiners: Vec<String>,
    #[serde(default)]
    plural_vague: Vec<String>,
    joiners: Vec<String>,
    of: Vec<String>,
    percent: Vec<String>,
    currency: BTreeMap<String, String>,
    #[serde(default)]
    subunits: BTreeMap<String, String>,
    #[serde(default)]
    scaled_currency: BTreeMap<String, ScaledCurrency>,
}

/// A currency abbreviation that also scales ("M€" = a million euros).
#[derive(Deserialize, Clone)]
struct ScaledCurrency {
    code: String,
    scale: f64,
}

/// Number words of one language, in hash maps built once.
struct LangNumbers {
    decimal_comma: bool,
    units: FxHashMap<String, f64>,
    weak: FxHashSet<String>,
    scales: FxHashMap<String, f64>,
    glued_scales: FxHashMap<String, f64>,
    vague: FxHashMap<String, f64>,
    vague_determiners: FxHashSet<String>,
    plural_vague: FxHashSet<String>,
    joiners: FxHashSet<String>,
    of: FxHashSet<String>,
    percent: PhraseMap<()>,
    currency: PhraseMap<String>,
    /// Hundredths of a currency ("centimes", "cents"), mapped to the currency's code.
    subunits: PhraseMap<String>,
    /// Abbreviations of a scale and a currency together ("4,4 M€").
    scaled_currency: PhraseMap<ScaledCurrency>,
    /// Every word that can start a number in words, so that most words are passed over with one lookup.
    starts: FxHashSet<String>,
}

impl From<LangFile> for LangNumbers {
    fn from(f: LangFile) -> Self {
        let mut currency = PhraseMap::default();
        for (phrase, code) in f.currency {
            currency.insert(&phrase, code);
        }
        let mut subunits = PhraseMap::default();
        for (phrase, code) in f.subunits {
            subunits.insert(&phrase, code);
        }
        let mut scaled_currency = PhraseMap::default();
        for (phrase, c) in f.scaled_currency {
            scaled_currency.insert(&phrase, c);
        }
        let starts = f
            .units
            .keys()
            .chain(f.scales.keys())
            .chain(f.vague.keys())
            .chain(&f.vague_determiners)
            .cloned()
            .collect();
        LangNumbers {
            starts,
            decimal_comma: f.decimal_comma,
            units: f.units.into_iter().collect(),
            weak: f.weak.into_iter().collect(),
            scales: f.scales.into_iter().collect(),
            glued_scales: f.glued_scales.into_iter().collect(),
            vague: f.vague.into_iter().collect(),
            vague_determiners: f.vague_determiners.into_iter().collect(),
            plural_vague: f.plural_vague.into_iter().collect(),
            joiners: f.joiners.into_iter().collect(),
            of: f.of.into_iter().collect(),
            percent: PhraseMap::from_phrases(&f.percent),
            currency,
            subunits,
            scaled_currency,
        }
    }
}

/// Reads numbers from tokens, per language.
pub struct NumberReader {
    langs: FxHashMap<String, LangNumbers>,
}

impl NumberReader {
    /// With the bundled `data/figures/number_words.toml`.
    pub fn bundled() -> Self {
        let files: BTreeMap<String, LangFile> =
            lexicon::bundled("data/figures/number_words.toml", NUMBER_WORDS);
        NumberReader {
            langs: files.into_iter().map(|(l, f)| (l, f.into())).collect(),
        }
    }

    /// Whether `lang` has number words.
    pub fn knows(&self, lang: &str) -> bool {
        self.langs.contains_key(lang)
    }

    /// The value of one number word, hyphenated compounds included ("deux", "twenty-one"),
    /// for words that hold a number among other parts ("two-thirds", "one-in-three").
    pub fn word_value(&self, lang: &str, word: &str) -> Option<f64> {
        let parts = compose(self.langs.get(lang)?, word)?;
        let mut value = 0.0;
        for part in parts {
            match part {
                Part::Unit(v) => value += v,
                Part::Scale(s) => value = f64::max(value, 1.0) * s,
            }
        }
        Some(value)
    }

    /// The number that starts at token `i`, if one does. A number word alone that is also
    /// an article ("un", "a") is not read.
    pub fn read(&self, doc: &Doc, low: &Lowered, i: usize, lang: &str) -> Option<Number> {
        let l = self.langs.get(lang)?;
        let tok = doc.tokens.get(i)?;
        let (mut value, mut end, vague) = match tok.kind {
            TokenKind::Number => (parse_digits(doc.tok(i), l.decimal_comma)?, i + 1, Vague::No),
            TokenKind::Word
                if l.starts
                    .contains(low.get(i).split('-').next().unwrap_or("")) =>
            {
                read_words(l, low, i)?
            }
            _ => return None,
        };
        // A currency symbol before the digits ("$5m", "€400").
        let mut currency = None;
        let mut first = i;
        if let Some((start, code)) = l.currency.ending_at(low, i.saturating_sub(1), i) {
            if doc
                .tokens
                .get(start)
                .is_some_and(|t| t.kind == TokenKind::Punct)
            {
                currency = Some(code.clone());
                first = start;
            }
        }
        // Scales: "1,4 million", "2.5bn" (glued only), "des dizaines de milliers",
        // "tens of thousands".
        loop {
            let w = low.get(end);
            let after_of = low.get(end + 1);
            if let Some(s) = l.scales.get(w) {
                value *= s;
                end += 1;
            } else if let Some(s) = l.glued_scales.get(w).filter(|_| glued(doc, end)) {
                value *= s;
                end += 1;
            } else if let Some(s) = l
                .scales
                .get(after_of)
                .or_else(|| l.vague.get(after_of))
                .filter(|_| vague != Vague::No && l.of.contains(w))
            {
                value *= s;
                end += 2;
            } else {
                break;
            }
        }
        if vague == Vague::Plural {
            value *= 2.0;
        }
        let mut percent = false;
        if let Some((n, _)) = l.percent.at(low, end) {
            percent = true;
            end += n;
        } else if currency.is_none() {
            // "400 euros", "5 €", "400 millions d'euros", "4,4 M€".
            let of = usize::from(l.of.contains(low.get(end)));
            if let Some((n, c)) = l.scaled_currency.at(low, end) {
                currency = Some(c.code.clone());
                value *= c.scale;
                end += n;
            } else if let Some((n, code)) = l.currency.at(low, end + of) {
                currency = Some(code.clone());
                end += of + n;
            } else if let Some((n, code)) = l.subunits.at(low, end) {
                // "0,58 centime" is 0.0058 EUR.
                currency = Some(code.clone());
                value /= 100.0;
                end += n;
            }
        }
        Some(Number {
            value,
            first,
            end,
            vague: vague != Vague::No,
            plural: vague == Vague::Plural,
            percent,
            currency,
        })
    }
}

/// Whether token `j` touches the token before it ("2.5bn").
fn glued(doc: &Doc, j: usize) -> bool {
    match (
        j.checked_sub(1).and_then(|p| doc.tokens.get(p)),
        doc.tokens.get(j),
    ) {
        (Some(a), Some(b)) => a.span.end == b.span.start,
        _ => false,
    }
}

/// Whether an amount in words is vague, and how.
#[derive(Clone, Copy, PartialEq)]
enum Vague {
    No,
    /// "une centaine", "a dozen": about the value.
    Singular,
    /// "des centaines", "dozens": at least twice the value.
    Plural,
}

/// Number words from token `i`: value, end token, and whether the amount is vague.
fn read_words(l: &LangNumbers, low: &Lowered, i: usize) -> Option<(f64, usize, Vague)> {
    // Vague amounts, with their determiner: "des dizaines", "une centaine", "hundreds".
    let det = usize::from(l.vague_determiners.contains(low.get(i)));
    let word = low.get(i + det);
    if let Some(v) = l.vague.get(word) {
        if det == 1 || l.of.contains(low.get(i + 1)) {
            let how = if l.plural_vague.contains(word) {
                Vague::Plural
            } else {
                Vague::Singular
            };
            return Some((*v, i + det + 1, how));
        }
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut end = i;
    let mut words = 0;
    let mut scaled = false;
    loop {
        let w = low.get(end);
        // "vingt et un", "one hundred and five": a smaller unit after a tens or a scale;
        // not "dix et douze", which are two numbers.
        let bound = if current > 0.0 { current } else { total };
        let smaller_unit = || {
            compose(l, low.get(end + 1))
                .is_some_and(|p| matches!(p.as_slice(), [Part::Unit(v)] if *v < bound))
        };
        if words > 0 && bound >= 20.0 && l.joiners.contains(w) && smaller_unit() {
            end += 1;
            continue;
        }
        let Some(parts) = compose(l, w) else { break };
        for part in parts {
            match part {
                Part::Unit(v) => current += v,
                Part::Scale(s) if s < 1000.0 => current = current.max(1.0) * s,
                Part::Scale(s) => {
                    total += current.max(1.0) * s;
                    current = 0.0;
                }
            }
            scaled |= matches!(part, Part::Scale(_));
        }
        words += 1;
        end += 1;
    }
    if words == 0 {
        return None;
    }
    // "un", "a" alone are articles; "a dozen" is read as vague above.
    if words == 1 && !scaled && l.weak.contains(low.get(i)) {
        return None;
    }
    Some((total + current, end, Vague::No))
}

#[derive(Clone, Copy)]
enum Part {
    Unit(f64),
    Scale(f64),
}

/// The parts of one number word, hyphenated compounds split ("quatre-vingt-dix").
fn compose(l: &LangNumbers, word: &str) -> Option<Vec<Part>> {
    if word.is_empty() {
        return None;
    }
    word.split('-')
        .map(|p| {
            l.units
                .get(p)
                .map(|v| Part::Unit(*v))
                .or_else(|| l.scales.get(p).map(|s| Part::Scale(*s)))
        })
        .collect::<Option<Vec<_>>>()
        .map(fold_multiplier_tens)
}

/// "quatre-vingt" is 4 × 20: a unit followed by "vingt" multiplies.
fn fold_multiplier_tens(parts: Vec<Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::with_capacity(parts.len());
    for p in parts {
        match (out.last_mut(), p) {
            (Some(Part::Unit(prev)), Part::Unit(v))
                if *prev < 10.0 && (v - 20.0).abs() < f64::EPSILON =>
            {
                *prev *= 20.0
            }
            _ => out.push(p),
        }
    }
    out
}

/// Parses digits with group and decimal separators. In French (`decimal_comma`) the comma
/// is decimal and dots group thousands ("1.400" = 1400); in English the reverse. Spaces
/// (also no-break and narrow) always group. A grouping mark not followed by groups of
/// exactly three digits is read as the decimal mark ("2.5" in French, "1,4" in English).
pub fn parse_digits(s: &str, decimal_comma: bool) -> Option<f64> {
    let (dec, grp) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    let compact: String = s.chars().filter(|c| !is_group_space(*c)).collect();
    let (int_part, frac) = match compact.rsplit_once(dec) {
        Some((a, b)) => (a, Some(b)),
        None => (compact.as_str(), None),
    };
    let groups: Vec<&str> = int_part.split(grp).collect();
    let int_digits: String = match (groups.as_slice(), frac) {
        ([only], _) => (*only).to_string(),
        ([head, rest @ ..], _) if !head.is_empty() && rest.iter().all(|g| g.len() == 3) => {
            groups.concat()
        }
        // One grouping mark before 1, 2 or 4+ digits and no decimal mark: it is the decimal mark.
        ([head, tail], None) => return format!("{head}.{tail}").parse().ok(),
        _ => return None,
    };
    if int_digits.is_empty() || !int_digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{int_digits}.{f}").parse().ok()
        }
        Some(_) => None,
        None => int_digits.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, lang: &str) -> Option<Number> {
        let doc = Doc::new(text);
        let low = doc.lowered();
        NumberReader::bundled().read(&doc, low, 0, lang)
    }

    fn value(text: &str, lang: &str) -> Option<f64> {
        read(text, lang).map(|n| n.value)
    }

    #[test]
    fn french_digit_groups_and_decimals() {
        assert_eq!(parse_digits("7 028", true), Some(7028.0));
        assert_eq!(parse_digits("24\u{a0}762", true), Some(24762.0));
        assert_eq!(parse_digits("24\u{202f}762", true), Some(24762.0));
        assert_eq!(parse_digits("1.400", true), Some(1400.0));
        assert_eq!(parse_digits("1,4", true), Some(1.4));
        assert_eq!(parse_digits("1 234,5", true), Some(1234.5));
        assert_eq!(parse_digits("1140", true), Some(1140.0));
    }

    #[test]
    fn english_digit_groups_and_decimals() {
        assert_eq!(parse_digits("1,400", false), Some(1400.0));
        assert_eq!(parse_digits("1.4", false), Some(1.4));
        assert_eq!(parse_digits("24,762.5", false), Some(24762.5));
        assert_eq!(parse_digits("1,2,3", false), None);
        assert_eq!(parse_digits("1.2.3", false), None);
    }

    #[test]
    fn scales_multiply() {
        assert_eq!(value("1,4 million de personnes", "fr"), Some(1_400_000.0));
        assert_eq!(value("3,5 milliards d'euros", "fr"), Some(3_500_000_000.0));
        assert_eq!(value("1.4 million people", "en"), Some(1_400_000.0));
        assert_eq!(value("2.5bn", "en"), Some(2_500_000_000.0));
        assert_eq!(value("2.5 bn", "en"), Some(2_500_000_000.0));
        assert_eq!(
            value("5 m", "en"),
            Some(5.0),
            "a lone m is metres, not millions"
        );
    }

    #[test]
    fn number_words_compose() {
        assert_eq!(value("deux", "fr"), Some(2.0));
        assert_eq!(value("vingt-trois", "fr"), Some(23.0));
        assert_eq!(value("vingt et un", "fr"), Some(21.0));
        assert_eq!(value("soixante et onze", "fr"), Some(71.0));
        assert_eq!(
            value("dix et douze", "fr"),
            Some(10.0),
            "two numbers, not 22"
        );
        assert_eq!(value("quatre-vingt-dix", "fr"), Some(90.0));
        assert_eq!(value("deux cents", "fr"), Some(200.0));
        assert_eq!(value("trois mille", "fr"), Some(3000.0));
        assert_eq!(value("six milliards", "fr"), Some(6e9));
        assert_eq!(value("twelve", "en"), Some(12.0));
        assert_eq!(value("twenty-three", "en"), Some(23.0));
        assert_eq!(value("one hundred and five", "en"), Some(105.0));
        assert_eq!(value("a million", "en"), Some(1e6));
    }

    #[test]
    fn articles_alone_are_not_numbers() {
        assert_eq!(value("un homme", "fr"), None);
        assert_eq!(value("a man", "en"), None);
        assert_eq!(value("one of them", "en"), None);
    }

    #[test]
    fn vague_amounts_are_flagged() {
        let n = read("des dizaines de blessés", "fr").unwrap_or_else(|| panic!("not read"));
        assert!(n.vague);
        assert_eq!(n.value, 20.0, "plural: at least two tens");
        assert!(n.plural);
        assert_eq!(n.end, 2);
        assert_eq!(value("une centaine", "fr"), Some(100.0));
        assert!(read("une centaine", "fr").is_some_and(|n| !n.plural));
        assert_eq!(value("des centaines", "fr"), Some(200.0));
        assert_eq!(value("des dizaines de milliers", "fr"), Some(20_000.0));
        assert!(read("hundreds of people", "en").is_some_and(|n| n.vague && n.value == 200.0));
        assert!(read("dozens of", "en").is_some_and(|n| n.vague && n.value == 24.0));
        assert!(read("a dozen", "en").is_some_and(|n| !n.plural && n.value == 12.0));
        assert!(read("des millions de", "fr").is_some_and(|n| n.vague && n.value == 2e6));
        assert_eq!(value("quarantaine", "fr"), None, "quarantine, not forty");
    }

    #[test]
    fn percent_and_currency() {
        let p = read("12 %", "fr").unwrap_or_else(|| panic!("not read"));
        assert!(p.percent && p.end == 2);
        assert!(read("12 pour cent", "fr").is_some_and(|n| n.percent && n.end == 3));
        assert!(read("12 percent", "en").is_some_and(|n| n.percent));
        let m = read("400 millions d'euros", "fr").unwrap_or_else(|| panic!("not read"));
        assert_eq!(
            (m.value, m.currency.as_deref(), m.end),
            (4e8, Some("EUR"), 4)
        );
        let d = read("$5m", "en");
        assert!(
            d.is_none(),
            "the reader starts at the digits, not at the symbol"
        );
        let doc = Doc::new("$5m");
        let low = doc.lowered();
        let d = NumberReader::bundled()
            .read(&doc, low, 1, "en")
            .unwrap_or_else(|| panic!("not read"));
        assert_eq!(
            (d.value, d.currency.as_deref(), d.first),
            (5e6, Some("USD"), 0)
        );
    }

    #[test]
    fn vague_scales_compose_after_of() {
        assert_eq!(value("tens of thousands of people", "en"), Some(20_000.0));
        assert_eq!(
            value("hundreds of thousands of people", "en"),
            Some(200_000.0)
        );
        assert_eq!(value("hundreds of billions of dollars", "en"), Some(2e11));
    }

    #[test]
    fn currency_subunits_are_hundredths() {
        let c = read("0,58 centime par litre", "fr").unwrap_or_else(|| panic!("not read"));
        assert_eq!(
            (c.value, c.currency.as_deref(), c.end),
            (0.0058, Some("EUR"), 2)
        );
        let c = read("50 cents each", "en").unwrap_or_else(|| panic!("not read"));
        assert_eq!((c.value, c.currency.as_deref()), (0.5, Some("USD")));
        assert!(read("5 per cent", "en").is_some_and(|n| n.percent && n.currency.is_none()));
    }

    #[test]
    fn scaled_currency_abbreviations_multiply() {
        let m = read("4,4 M€ de budget", "fr").unwrap_or_else(|| panic!("not read"));
        assert_eq!(
            (m.value, m.currency.as_deref(), m.end),
            (4.4e6, Some("EUR"), 3)
        );
        let b = read("2 Md€", "fr").unwrap_or_else(|| panic!("not read"));
        assert_eq!((b.value, b.currency.as_deref()), (2e9, Some("EUR")));
        assert!(read("4 M. Dupont", "fr").is_some_and(|n| n.value == 4.0 && n.currency.is_none()));
    }

    #[test]
    fn single_number_words_have_values() {
        let r = NumberReader::bundled();
        assert_eq!(r.word_value("en", "two"), Some(2.0));
        assert_eq!(r.word_value("en", "twenty-one"), Some(21.0));
        assert_eq!(r.word_value("fr", "trois"), Some(3.0));
        assert_eq!(r.word_value("en", "thirds"), None);
        assert_eq!(r.word_value("de", "zwei"), None);
    }

    #[test]
    fn unknown_language_reads_nothing() {
        assert_eq!(value("12", "de"), None);
    }
}
