//! Republished variants of an article, the way outlets republish a wire copy: a new
//! headline, the last paragraph or sentences cut, a byline or "Lire aussi" line added,
//! paragraphs or sentences swapped, and 1–5% of the words edited. Deterministic for a seed,
//! so that the near-duplicate scores are reproducible.

use storyline_model::Article;

/// A tiny xorshift64 generator: deterministic, no dependency, good enough to pick edits.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    /// A generator for `seed`; the seed is scrambled (splitmix64) so that small or zero
    /// seeds still give a non-zero, well-mixed state.
    pub fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        XorShift((z ^ (z >> 31)) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability one half.
    pub fn coin(&mut self) -> bool {
        self.next_u64() >> 63 == 1
    }
}

/// Headline prefixes of republished copies.
const TITLE_PREFIXES: &[&str] = &[
    "INFO - ",
    "VIDÉO. ",
    "Ce qu'il faut savoir : ",
    "EN DIRECT - ",
];
/// Lines outlets add around a copy: bylines, agency credits, links to other articles.
const BOILERPLATE: &[&str] = &[
    "Par la rédaction avec AFP",
    "Lire aussi : toutes nos informations sur ce sujet",
    "(Avec Reuters)",
    "Cet article a été mis à jour avec de nouvelles informations.",
];
/// Words that replace an edited word.
const SUBSTITUTES: &[&str] = &["ainsi", "notamment", "également", "alors", "encore"];

/// Which edits a variant received.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Edits {
    /// A new headline.
    pub retitled: bool,
    /// The last paragraph, or the last sentences, cut.
    pub trimmed: bool,
    /// A byline or boilerplate line added.
    pub boilerplate: bool,
    /// Two paragraphs (or two sentences) swapped.
    pub reordered: bool,
    /// Words deleted or replaced (1–5% of them, at least one).
    pub words_edited: usize,
}

/// A republished variant of `article` (id `<id>~variant`), and the edits made. Each of the
/// four structural edits is made with probability one half; words are always edited.
pub fn variant(article: &Article, rng: &mut XorShift) -> (Article, Edits) {
    let mut edits = Edits::default();
    let mut paragraphs = article.paragraphs.clone();
    let mut title = article.title.clone();
    if rng.coin() {
        edits.retitled = true;
        title = Some(new_title(title.as_deref(), &paragraphs, rng));
    }
    if rng.coin() {
        edits.trimmed = trim(&mut paragraphs);
    }
    if rng.coin() {
        edits.reordered = reorder(&mut paragraphs, rng);
    }
    if rng.coin() {
        edits.boilerplate = true;
        let line = BOILERPLATE[rng.below(BOILERPLATE.len())].to_string();
        if rng.coin() {
            paragraphs.insert(0, line);
        } else {
            paragraphs.push(line);
        }
    }
    edits.words_edited = edit_words(&mut paragraphs, rng);
    let out = Article {
        id: format!("{}~variant", article.id),
        title,
        paragraphs,
        origin: format!("{} (variant)", article.origin),
        ..article.clone()
    };
    (out, edits)
}

/// A prefixed headline, or one made of the first words of the lead, as a desk would write.
fn new_title(old: Option<&str>, paragraphs: &[String], rng: &mut XorShift) -> String {
    let lead = paragraphs
        .first()
        .and_then(|p| sentences(p).first().copied());
    match (old, lead) {
        (Some(old), _) if rng.coin() => {
            format!("{}{old}", TITLE_PREFIXES[rng.below(TITLE_PREFIXES.len())])
        }
        (_, Some(lead)) => lead
            .split_whitespace()
            .take(10)
            .collect::<Vec<_>>()
            .join(" "),
        (old, None) => format!("{}{}", TITLE_PREFIXES[0], old.unwrap_or("")),
    }
}

/// Cuts the last paragraph when there are three or more, else the last sentence of the last
/// paragraph when it has three or more. Returns whether anything was cut.
fn trim(paragraphs: &mut Vec<String>) -> bool {
    if paragraphs.len() >= 3 {
        paragraphs.pop();
        return true;
    }
    let Some(last) = paragraphs.last_mut() else {
        return false;
    };
    let parts = sentences(last);
    if parts.len() < 3 {
        return false;
    }
    let kept = parts[..parts.len() - 1].join(" ");
    *last = kept;
    true
}

/// Swaps two neighbouring paragraphs, or, in a single paragraph, two neighbouring sentences.
/// Returns whether anything moved.
fn reorder(paragraphs: &mut [String], rng: &mut XorShift) -> bool {
    if paragraphs.len() >= 2 {
        let i = rng.below(paragraphs.len() - 1);
        paragraphs.swap(i, i + 1);
        return true;
    }
    let Some(only) = paragraphs.first_mut() else {
        return false;
    };
    let mut parts: Vec<&str> = sentences(only);
    if parts.len() < 2 {
        return false;
    }
    let i = rng.below(parts.len() - 1);
    parts.swap(i, i + 1);
    *only = parts.join(" ");
    true
}

/// Deletes or replaces 1–5% of the words (at least one). Returns how many were edited.
fn edit_words(paragraphs: &mut [String], rng: &mut XorShift) -> usize {
    let mut words: Vec<Vec<String>> = paragraphs
        .iter()
        .map(|p| p.split_whitespace().map(str::to_string).collect())
        .collect();
    let total: usize = words.iter().map(Vec::len).sum();
    if total == 0 {
        return 0;
    }
    let percent = 1 + rng.below(5);
    let edits = (total * percent / 100).max(1);
    for _ in 0..edits {
        let mut at = rng.below(total);
        let Some(para) = words.iter_mut().find(|w| {
            let inside = at < w.len();
            if !inside {
                at -= w.len();
            }
            inside
        }) else {
            continue;
        };
        if let Some(word) = para.get_mut(at) {
            *word = if rng.coin() {
                String::new()
            } else {
                SUBSTITUTES[rng.below(SUBSTITUTES.len())].to_string()
            };
        }
    }
    for (p, w) in paragraphs.iter_mut().zip(&words) {
        *p = w
            .iter()
            .filter(|w| !w.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
    }
    edits
}

/// The sentences of a paragraph: a cut after `.`, `!` or `?` followed by an upper-case letter,
/// with or without a space (OrangeSum glues many sentences: "jeudi.Le gouvernement").
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let end = i + c.len_utf8();
        let next = text
            .get(end..)
            .and_then(|rest| rest.trim_start().chars().next());
        if next.is_some_and(char::is_uppercase) {
            out.push(text.get(start..end).unwrap_or("").trim());
            start = end;
        }
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            chars.next();
        }
    }
    let rest = text.get(start..).unwrap_or("").trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Per article, the index of the first article with exactly the same body text: a corpus's
/// own exact copies are duplicates too, whatever the variants.
pub fn exact_text_classes(articles: &[Article]) -> Vec<usize> {
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| *first.entry(a.paragraphs.join("\n")).or_insert(i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            id: "a1".into(),
            title: Some("Le conseil municipal vote le budget".into()),
            paragraphs: vec![
                "Le conseil municipal a voté mardi soir le budget de la ville. La séance a duré quatre heures.".into(),
                "L'opposition a voté contre.Le maire a salué un budget prudent. Les impôts locaux ne changent pas.".into(),
                "Le prochain conseil se tiendra en mars. Il portera sur les transports.".into(),
            ],
            origin: "fixture".into(),
            ..Article::default()
        }
    }

    #[test]
    fn same_seed_same_variants_other_seed_other_variants() {
        let make = |seed| {
            let mut rng = XorShift::new(seed);
            (0..20)
                .map(|_| variant(&article(), &mut rng))
                .collect::<Vec<_>>()
        };
        assert_eq!(make(7), make(7));
        assert_ne!(make(7), make(8));
    }

    #[test]
    fn every_edit_kind_occurs_and_words_are_edited_within_bounds() {
        let mut rng = XorShift::new(1);
        let original = article();
        let words = original
            .paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum::<usize>();
        let mut seen = Edits::default();
        for _ in 0..50 {
            let (v, e) = variant(&original, &mut rng);
            assert_eq!(v.id, "a1~variant");
            // The boilerplate line (at most 10 words) may be edited too.
            assert!(e.words_edited >= 1 && e.words_edited <= ((words + 10) * 5 / 100).max(1));
            assert_eq!(e.retitled, v.title != original.title);
            if e.trimmed && !e.boilerplate {
                assert!(v.paragraphs.len() < original.paragraphs.len());
            }
            seen.retitled |= e.retitled;
            seen.trimmed |= e.trimmed;
            seen.boilerplate |= e.boilerplate;
            seen.reordered |= e.reordered;
        }
        assert!(seen.retitled && seen.trimmed && seen.boilerplate && seen.reordered);
    }

    #[test]
    fn sentences_split_glued_and_spaced_sentences() {
        assert_eq!(
            sentences("Il a voté contre.Le maire a salué. Les impôts ne changent pas."),
            vec![
                "Il a voté contre.",
                "Le maire a salué.",
                "Les impôts ne changent pas."
            ]
        );
        assert_eq!(
            sentences("Il a 3.5 ans, pas 4."),
            vec!["Il a 3.5 ans, pas 4."]
        );
    }

    #[test]
    fn a_single_paragraph_is_trimmed_and_reordered_by_sentences() {
        let mut one = vec!["Un. Deux. Trois.".to_string()];
        assert!(trim(&mut one));
        assert_eq!(one, vec!["Un. Deux.".to_string()]);
        let mut rng = XorShift::new(3);
        assert!(reorder(&mut one, &mut rng));
        assert_eq!(one, vec!["Deux. Un.".to_string()]);
        let mut short = vec!["Seul.".to_string()];
        assert!(!trim(&mut short));
        assert!(!reorder(&mut short, &mut rng));
    }
}
