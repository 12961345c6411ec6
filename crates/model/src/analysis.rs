//! What the `analyze` stage produces: the analysis record of one article.

use serde::{Deserialize, Serialize};

use crate::{Precision, Published};

/// A half-open range of UTF-8 byte offsets into [`Analysis::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The text this span covers in `text`, or "" when out of range.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Entity types of the first-pass recognizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    PER,
    /// An organisation, party, ministry, armed group, agency or outlet.
    ORG,
    /// A place: country, city, region.
    LOC,
    /// Anything else with a name (events, operations, laws).
    MISC,
}

/// One entity of an article: all mentions that share a canonical key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest surface form seen in the article.
    pub text: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical key, language-independent where the gazetteers know it (`loc:moscow`, `per:abu-marzouk`).
    pub key: String,
    /// Every mention.
    pub spans: Vec<Span>,
}

/// A time expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The expression as written.
    pub text: String,
    /// ISO date (`2023-10-07`), month (`2023-10`), year, or range `start/end`; null when unresolved.
    pub value: Option<String>,
    /// Precision of `value`.
    pub precision: Precision,
    /// Why `value` is null (or less precise than the words), when it is.
    pub why: Option<String>,
    /// Where it is.
    pub span: Span,
}

/// How a figure is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier.
    #[default]
    Exact,
    /// "plus de", "more than".
    MoreThan,
    /// "au moins", "at least".
    AtLeast,
    /// "environ", "quelque", "about".
    About,
    /// "près de", "nearly".
    Nearly,
    /// "jusqu'à", "up to".
    UpTo,
    /// "moins de", "less than".
    LessThan,
}

impl Qualifier {
    /// The qualifier in English words, as written before a number ("more than "): empty when
    /// exact, else ending with a space.
    pub fn prefix(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::MoreThan => "more than ",
            Qualifier::AtLeast => "at least ",
            Qualifier::About => "about ",
            Qualifier::Nearly => "nearly ",
            Qualifier::UpTo => "up to ",
            Qualifier::LessThan => "less than ",
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Deaths.
    Killed,
    /// Wounded.
    Injured,
    /// Captured or abducted.
    Captured,
    /// Hostages held.
    Hostages,
    /// Missing.
    Missing,
    /// Displaced or refugees.
    Displaced,
    /// Arrested.
    Arrested,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// Anything else counted.
    #[default]
    Other,
}

impl FigureKind {
    /// The name used in JSON, the CLI and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Killed => "killed",
            FigureKind::Injured => "injured",
            FigureKind::Captured => "captured",
            FigureKind::Hostages => "hostages",
            FigureKind::Missing => "missing",
            FigureKind::Displaced => "displaced",
            FigureKind::Arrested => "arrested",
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Other => "other",
        }
    }
}

/// A number the article reports, with what it counts and on whose authority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value (for a range, its low end).
    pub value: f64,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// The qualifier before the number.
    pub qualifier: Qualifier,
    /// What is counted.
    pub what: FigureKind,
    /// Unit for money and similar (`EUR`, `USD`), when stated.
    pub unit: Option<String>,
    /// The counted noun phrase as written ("Palestiniens", "colons et soldats israéliens").
    pub who: Option<String>,
    /// The place the count is about, as written.
    #[serde(rename = "where")]
    pub place: Option<String>,
    /// The attribution as written ("selon le ministère palestinien de la Santé"); null when unattributed.
    pub source: Option<String>,
    /// Canonical key of the source (`org:gaza-health-ministry`), shared across wordings and languages.
    pub source_key: Option<String>,
    /// The date the figure is valid for (ISO), when the text says.
    pub as_of: Option<String>,
    /// Index in `figures` of the figure this one is a part of ("dont 2 913 enfants").
    pub part_of: Option<usize>,
    /// The number with its qualifier and counted phrase.
    pub span: Span,
}

/// How the words are reported: a direct quote, a partial quote inside the outlet's sentence, or
/// indirect (reported) speech without quote marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole statement in quote marks.
    Direct,
    /// A few quoted words embedded in the outlet's own sentence.
    Partial,
    /// Reported speech without quote marks: "X a affirmé que…", "…, said X".
    Indirect,
}

impl QuoteKind {
    /// The words as views print them: between guillemets when they were quoted, after
    /// "reported:" when they are the outlet's paraphrase, which must never read as someone's
    /// exact words.
    pub fn shown(self, text: &str) -> String {
        match self {
            QuoteKind::Direct | QuoteKind::Partial => format!("«{text}»"),
            QuoteKind::Indirect => format!("reported: {text}"),
        }
    }
}

/// A quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks; for indirect speech, the reported clause.
    pub text: String,
    /// The speaker as written, or null when not found.
    pub speaker: Option<String>,
    /// Entity key of the speaker, when it resolves to an entity.
    pub speaker_key: Option<String>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The date the words were said (ISO, as precise as the text gives), from the time
    /// expression governing the quote's sentence; null when the text does not say.
    #[serde(default)]
    pub as_of: Option<String>,
    /// The quoted words including the marks; for indirect speech, the reported clause.
    pub span: Span,
}

/// A wording choice, described by a neutral category, never judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FramingMark {
    /// The words as written.
    pub term: String,
    /// The lexicon entry it matched (lower-case lemma or pattern name).
    pub lemma: String,
    /// Descriptive category, e.g. `religious-martyrdom-term`, `scare-quotes-state-name`.
    pub category: String,
    /// Where it is.
    pub span: Span,
}

/// The full analysis record of one article. This is the JSON record of `storyline analyze --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Article id.
    pub id: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Language: declared, or detected (`fr`, `en`, ISO 639-1), or `und`.
    pub lang: String,
    /// Publication date.
    pub published: Published,
    /// Dateline.
    pub dateline: Option<String>,
    /// Body text: the paragraphs joined by a blank line. All spans point into it.
    pub text: String,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Entities grouped by canonical key.
    pub entities: Vec<Entity>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Framing marks.
    pub framing: Vec<FramingMark>,
    /// Stemmed content terms with their counts (title terms counted twice), most frequent first.
    pub terms: Vec<(String, u32)>,
    /// Near-duplicate fingerprint: the number of distinct word 3-shingles, then 128 MinHash
    /// values over them (empty for texts under 3 words).
    pub fingerprint: Vec<u32>,
    /// What this language lacks in the analysis (e.g. `figures: no lexicon for de`).
    pub missing: Vec<String>,
}

/// Where linking placed an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkIds {
    /// Id of the first article of its near-duplicate group (itself when unique).
    pub duplicate_of: Option<String>,
    /// Story (event) id.
    pub story: u64,
    /// Storyline (thread) id.
    pub storyline: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_speech_is_never_shown_in_quote_marks() {
        assert_eq!(QuoteKind::Direct.shown("Nous partons."), "«Nous partons.»");
        assert_eq!(QuoteKind::Partial.shown("obscène"), "«obscène»");
        let reported = QuoteKind::Indirect.shown("la trêve est fragile");
        assert_eq!(reported, "reported: la trêve est fragile");
        assert!(!reported.contains('«'));
    }
}
