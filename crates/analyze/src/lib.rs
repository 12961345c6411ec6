//! Stage 3, analyze: a pure function from one [`Article`] to its [`Analysis`].
//!
//! Every analyzer works on the same tokenized [`text::Doc`]. Lexicons, gazetteers and
//! patterns live as data files under `data/` at the repository root; they are compiled
//! in so that the binary works from anywhere, and users may add their own framing lexicons.
//! An [`Analyzer`] is built once and shared by all threads (it is `Sync`).

pub mod as_of;
pub mod attribution;
pub mod entities;
pub mod figures;
pub mod fingerprint;
pub mod framing;
pub mod lang;
pub mod lexicon;
pub mod numbers;
pub mod quotes;
pub mod terms;
pub mod text;
pub mod times;

#[cfg(test)]
mod seeds;

use std::path::Path;

use storyline_model::{Analysis, Article};

pub use lexicon::LexiconError;

/// Languages with full lexicons; others are tokenized, stemmed where possible and clustered.
pub const FIRST_CLASS: &[&str] = &["fr", "en"];

/// The analyzer with its loaded lexicons.
pub struct Analyzer {
    entities: Box<dyn entities::Recognizer>,
    times: times::TimeRules,
    figures: figures::FigureRules,
    quotes: quotes::QuoteRules,
    framing: framing::FramingLexicon,
    terms: terms::TermRules,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with the bundled data files.
    pub fn new() -> Self {
        Analyzer {
            entities: Box::new(entities::RuleRecognizer::bundled()),
            times: times::TimeRules::bundled(),
            figures: figures::FigureRules::bundled(),
            quotes: quotes::QuoteRules::bundled(),
            framing: framing::FramingLexicon::bundled(),
            terms: terms::TermRules::bundled(),
        }
    }

    /// Adds a user framing lexicon (TOML, same format as `data/lexicons/framing/*.toml`).
    /// Returns how many terms it added.
    pub fn add_framing_lexicon(&mut self, path: &Path) -> Result<usize, LexiconError> {
        let text = read_data_file(path)?;
        self.framing.add_toml(&text, &path.display().to_string())
    }

    /// Adds a user source-alias file (TOML, same format as `data/sources/aliases.toml`), so that
    /// more wordings of a source share one key. Returns how many names it added.
    pub fn add_source_aliases(&mut self, path: &Path) -> Result<usize, LexiconError> {
        let text = read_data_file(path)?;
        self.figures
            .attribution
            .aliases
            .add_toml(&text, &path.display().to_string())
    }

    /// Replaces the entity recognizer (a trained tagger plugs in here).
    pub fn set_recognizer(&mut self, recognizer: Box<dyn entities::Recognizer>) {
        self.entities = recognizer;
    }

    /// The stems of a search query, as the articles' terms were stemmed. Without a language,
    /// the French and English stems together, since a short query's language is a guess.
    pub fn query_stems(&self, query: &str, lang: Option<&str>) -> Vec<String> {
        let doc = text::Doc::new(query);
        let langs: &[&str] = match lang {
            Some(l) => &[l][..],
            None => FIRST_CLASS,
        };
        let mut stems: Vec<String> = Vec::new();
        for lang in langs {
            for (stem, _) in self.terms.count(&doc, None, lang) {
                if !stems.contains(&stem) {
                    stems.push(stem);
                }
            }
        }
        stems
    }

    /// Gives an entity that names a known source the source's key, so that "ministère
    /// palestinien de la Santé" as an actor and as the source of a figure are one key; entities
    /// that end up with the same key are merged.
    fn align_source_keys(&self, entities: &mut Vec<storyline_model::Entity>) {
        let aliases = &self.figures.attribution.aliases;
        for e in entities.iter_mut() {
            if let Some(key) = aliases.key_of_name(&e.text) {
                e.key = key.to_string();
            }
        }
        let mut merged: Vec<storyline_model::Entity> = Vec::with_capacity(entities.len());
        for e in entities.drain(..) {
            match merged.iter_mut().find(|m| m.key == e.key) {
                Some(m) => {
                    m.spans.extend(e.spans);
                    m.spans.sort();
                    if e.text.len() > m.text.len() {
                        m.text = e.text;
                    }
                }
                None => merged.push(e),
            }
        }
        *entities = merged;
    }

    /// Analyzes one article. Never panics on any text.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let text = article.paragraphs.join("\n\n");
        let lang = article
            .lang
            .clone()
            .or_else(|| lang::detect(&text).map(str::to_string))
            .unwrap_or_else(|| "und".to_string());
        let doc = text::Doc::new(&text);
        let mut entities = self.entities.recognize(&doc, &lang);
        self.align_source_keys(&mut entities);
        let times = self.times.find(&doc, &lang, &article.published);
        let mut figures = self.figures.find(&doc, &lang, &times, &entities);
        let mut quotes = self.quotes.find(&doc, &lang, &entities);
        self.figures
            .attribute_quoted(&doc, &lang, &times, &quotes, &mut figures);
        as_of::date(&self.times, &doc, &lang, &times, &mut figures, &mut quotes);
        let framing = self.framing.find(&doc, &lang, &quotes, &entities);
        let terms = self.terms.count(&doc, article.title.as_deref(), &lang);
        let fingerprint = fingerprint::minhash(&doc);
        let missing = missing_for(&lang);
        Analysis {
            id: article.id.clone(),
            url: article.url.clone(),
            outlet: article.outlet.clone(),
            title: article.title.clone(),
            lang,
            published: article.published.clone(),
            dateline: article.dateline.clone(),
            sentences: doc.sentences.iter().map(|s| s.span).collect(),
            entities,
            times,
            figures,
            quotes,
            framing,
            terms,
            fingerprint,
            missing,
            text,
        }
    }
}

fn read_data_file(path: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(path).map_err(|e| LexiconError::new(path.display(), e))
}

/// What the analysis cannot do for a language without lexicons, reported rather than hidden.
fn missing_for(lang: &str) -> Vec<String> {
    if FIRST_CLASS.contains(&lang) {
        return Vec::new();
    }
    let mut missing: Vec<String> = [
        "times",
        "figures",
        "quotes: speaker cues",
        "framing",
        "entities: gazetteer",
    ]
    .iter()
    .map(|what| format!("{what}: no lexicon for {lang}"))
    .collect();
    if !terms::has_stemmer(lang) {
        missing.push(format!("terms: no stemmer for {lang}, surface forms used"));
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "t".into(),
            lang: Some("fr".into()),
            paragraphs: vec![text.into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_source_named_as_an_actor_shares_the_source_key() {
        let a = Analyzer::new().analyze(&article(
            "Le ministère palestinien de la Santé a publié un bilan. Plus de 300 personnes ont été tuées, \
             selon le ministère palestinien de la Santé.",
        ));
        let source = a.figures.iter().find_map(|f| f.source_key.clone());
        assert_eq!(source.as_deref(), Some("org:gaza-health-ministry"));
        let keys: Vec<&str> = a.entities.iter().map(|e| e.key.as_str()).collect();
        assert!(keys.contains(&"org:gaza-health-ministry"), "{keys:?}");
        let ministry = a
            .entities
            .iter()
            .filter(|e| e.key == "org:gaza-health-ministry")
            .count();
        assert_eq!(ministry, 1, "one entity per key");
    }

    #[test]
    fn other_languages_report_what_is_missing() {
        let mut de = article("Die Regierung hat am Montag neue Zahlen vorgelegt.");
        de.lang = Some("de".into());
        let a = Analyzer::new().analyze(&de);
        assert!(
            a.missing.iter().any(|m| m.starts_with("figures")),
            "{:?}",
            a.missing
        );
        assert!(!a.terms.is_empty(), "German is still tokenized and stemmed");
        assert!(Analyzer::new()
            .analyze(&article("Le gouvernement a parlé."))
            .missing
            .is_empty());
    }
}
