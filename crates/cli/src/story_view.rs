//! A story with what its articles say, per outlet: the figures and their sources, the
//! quotes and their speakers, and the wording. Built from the stored analyses.

use std::collections::BTreeMap;

use serde::Serialize;
use storyline_model::{Analysis, Figure, FigureKind, QuoteKind};
use storyline_store::{Store, StorySummary};

/// One figure as one article gives it.
#[derive(Debug, Serialize)]
pub struct FigureRow {
    /// The article.
    pub article: String,
    /// Its outlet.
    pub outlet: String,
    /// The figure as analyzed.
    #[serde(flatten)]
    pub figure: Figure,
    /// The words of the figure's span.
    pub evidence: String,
}

/// A value of one counted thing given by several articles.
#[derive(Debug, Serialize)]
pub struct SharedFigure {
    /// What is counted.
    pub what: FigureKind,
    /// The value.
    pub value: f64,
    /// The outlets that give it.
    pub outlets: Vec<String>,
    /// The source keys they cite (`unattributed` when none).
    pub sources: Vec<String>,
}

/// One quote as one article carries it.
#[derive(Debug, Serialize)]
pub struct QuoteRow {
    /// Its outlet.
    pub outlet: String,
    /// The speaker, when found.
    pub speaker: Option<String>,
    /// The quoted words.
    pub text: String,
    /// Direct, partial or indirect (reported speech).
    pub kind: QuoteKind,
    /// The day the words were said, when the text dates them.
    pub as_of: Option<String>,
}

/// A story with its articles' facts and wording, for `stories` and `story`.
#[derive(Debug, Serialize)]
pub struct StoryView {
    /// The story, its articles and outlets.
    #[serde(flatten)]
    pub summary: StorySummary,
    /// Every counted figure of its articles, and the attributed ones of kind `other`.
    pub figures: Vec<FigureRow>,
    /// Values given by two or more articles.
    pub shared_figures: Vec<SharedFigure>,
    /// Quotes per article.
    pub quotes: Vec<QuoteRow>,
    /// Outlet → framing category → terms as written.
    pub framing_by_outlet: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

impl StoryView {
    /// Loads the analyses of the story's articles and gathers what they say.
    pub fn build(store: &Store, summary: StorySummary) -> anyhow::Result<StoryView> {
        let mut analyses = Vec::with_capacity(summary.articles.len());
        for row in &summary.articles {
            if let Some((_, analysis)) = store.get(&row.id)? {
                analyses.push(analysis);
            }
        }
        Ok(Self::from_analyses(summary, &analyses))
    }

    /// Gathers the facts and wording of `analyses`.
    pub fn from_analyses(summary: StorySummary, analyses: &[Analysis]) -> StoryView {
        let mut figures = Vec::new();
        let mut quotes = Vec::new();
        let mut framing_by_outlet: BTreeMap<String, BTreeMap<String, Vec<String>>> =
            BTreeMap::new();
        for a in analyses {
            let outlet = outlet_of(a);
            for f in a.figures.iter().filter(|f| worth_showing(f)) {
                figures.push(FigureRow {
                    article: a.id.clone(),
                    outlet: outlet.clone(),
                    figure: f.clone(),
                    evidence: f.span.slice(&a.text).to_string(),
                });
            }
            for q in &a.quotes {
                quotes.push(QuoteRow {
                    outlet: outlet.clone(),
                    speaker: q.speaker.clone(),
                    text: q.text.clone(),
                    kind: q.kind,
                    as_of: q.as_of.clone(),
                });
            }
            let by_category = framing_by_outlet.entry(outlet).or_default();
            for m in &a.framing {
                let terms = by_category.entry(m.category.clone()).or_default();
                if !terms.iter().any(|t| t.eq_ignore_ascii_case(&m.term)) {
                    terms.push(m.term.clone());
                }
            }
        }
        let shared_figures = shared(&figures);
        StoryView {
            summary,
            figures,
            shared_figures,
            quotes,
            framing_by_outlet,
        }
    }
}

/// Counted figures, and figures of other kinds that someone is cited for (a turnout "selon la
/// CGT"): an attributed number is a claim worth showing; an unattributed `other` is mostly noise.
fn worth_showing(f: &Figure) -> bool {
    f.what != FigureKind::Other || f.source.is_some()
}

/// The outlet's name, or `unknown outlet`.
pub fn outlet_of(a: &Analysis) -> String {
    a.outlet
        .clone()
        .unwrap_or_else(|| "unknown outlet".to_string())
}

/// Groups figures by counted thing and value, keeping those given by two or more articles.
fn shared(figures: &[FigureRow]) -> Vec<SharedFigure> {
    // Keyed by (what, value bits): f64 is not Ord, its bits are, and equal values share bits.
    let mut groups: BTreeMap<(&str, u64), (Vec<&str>, SharedFigure)> = BTreeMap::new();
    for row in figures {
        let key = (row.figure.what.as_str(), row.figure.value.to_bits());
        let (articles, group) = groups.entry(key).or_insert_with(|| {
            let empty = SharedFigure {
                what: row.figure.what,
                value: row.figure.value,
                outlets: vec![],
                sources: vec![],
            };
            (Vec::new(), empty)
        });
        push_new(articles, row.article.as_str());
        push_new(&mut group.outlets, row.outlet.clone());
        push_new(
            &mut group.sources,
            row.figure
                .source_key
                .clone()
                .unwrap_or_else(|| "unattributed".into()),
        );
    }
    let mut shared: Vec<SharedFigure> = groups
        .into_values()
        .filter(|(articles, _)| articles.len() >= 2)
        .map(|(_, group)| group)
        .collect();
    shared.sort_by_key(|f| std::cmp::Reverse(f.outlets.len()));
    shared
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use storyline_model::{Article, Precision, Published};

    use super::*;

    #[test]
    fn a_quote_shows_the_day_it_was_said() {
        let article = Article {
            id: "q".into(),
            lang: Some("fr".into()),
            outlet: Some("Le Journal Test".into()),
            published: Published {
                value: Some("2024-01-19".into()),
                precision: Precision::Day,
                from: "test".into(),
            },
            paragraphs: vec!["« Nous ne reculerons pas », a déclaré mardi le ministre.".into()],
            ..Default::default()
        };
        let analysis = storyline_analyze::Analyzer::new().analyze(&article);
        let summary = StorySummary {
            id: 1,
            label: "test".into(),
            storyline: 1,
            storyline_name: String::new(),
            first: None,
            last: None,
            articles: Vec::new(),
            outlets: Vec::new(),
        };
        let view = StoryView::from_analyses(summary, &[analysis]);
        let dates: Vec<Option<&str>> = view.quotes.iter().map(|q| q.as_of.as_deref()).collect();
        assert_eq!(dates, [Some("2024-01-16")]);
        let shown = crate::render::story_full(&view);
        assert!(
            shown.contains("(2024-01-16) — «Nous ne reculerons pas»"),
            "{shown}"
        );
    }
}
