//! Side-by-side comparison of two analyses (issue 2, `storyline compare A B`): who appears in
//! both, which figures disagree or moved, who is quoted, which wordings differ, and whether the
//! two articles report one event or one storyline. It reports; it never decides who is right.

mod facts;
mod figures;
mod lexicon;
mod render;
mod verdict;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::similarity;
use storyline_model::{Analysis, EntityType, FigureKind, Precision, Qualifier, QuoteKind};

pub use facts::{region_from_fields, sub_noun, FieldRegion};
pub use figures::{is_count, is_monotone, value_words, values_agree, Stated};
pub use lexicon::{lexicon, Lexicon, RegionId, Resolution};
pub use render::render_text;

/// Which article of the pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The first article.
    A,
    /// The second article.
    B,
}

/// A publication date with its precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishedView {
    /// ISO date truncated to the precision, or null.
    pub value: Option<String>,
    /// How precisely it is known.
    pub precision: Precision,
}

/// What identifies one article of the pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Header {
    /// Article id.
    pub id: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Language.
    pub lang: String,
    /// Publication date.
    pub published: PublishedView,
    /// Dateline.
    pub dateline: Option<String>,
    /// Headline.
    pub title: Option<String>,
}

/// An entity present in both articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedActor {
    /// Canonical key.
    pub key: String,
    /// Entity type (as in `a`).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Surface form in `a`.
    pub a_text: String,
    /// Surface form in `b`.
    pub b_text: String,
}

/// An entity present in one article only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Canonical key.
    pub key: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Surface form.
    pub text: String,
}

/// Entities by presence, persons first, then organisations, places, others; by key within.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actors {
    /// In both.
    pub shared: Vec<SharedActor>,
    /// In `a` only.
    pub only_a: Vec<Actor>,
    /// In `b` only.
    pub only_b: Vec<Actor>,
}

/// One figure of one article, with the region the comparison inferred for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureView {
    /// Index in the article's `figures`.
    pub index: usize,
    /// The value (low end of a range).
    pub value: f64,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// What is counted.
    pub what: FigureKind,
    /// Unit, for money.
    pub unit: Option<String>,
    /// Counted noun phrase as written.
    pub who: Option<String>,
    /// Place as written.
    #[serde(rename = "where")]
    pub place: Option<String>,
    /// Attribution as written.
    pub source: Option<String>,
    /// Source key.
    pub source_key: Option<String>,
    /// Date the figure is valid for.
    pub as_of: Option<String>,
    /// Index of the whole this figure is part of.
    pub part_of: Option<usize>,
    /// Region inferred for pairing (`gaza`, `israel`), from `data/compare/places.txt`.
    pub region: Option<String>,
    /// The clue that gave `region`: `where`, `who`, `source`, `sentence`, `previous sentence`,
    /// `part_of`.
    pub region_from: Option<String>,
    /// The figure's words in the text.
    pub evidence: String,
}

/// A figure cited in a conflict or a progression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRef {
    /// The article it is from.
    pub side: Side,
    /// Index in that article's `figures`.
    pub index: usize,
    /// The value.
    pub value: f64,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// Attribution as written.
    pub source: Option<String>,
    /// Source key.
    pub source_key: Option<String>,
    /// The figure's words in the text.
    pub evidence: String,
    /// The sentence holding it.
    pub sentence: String,
}

/// Two figures that count the same thing for the same event or day, with values their
/// qualifiers cannot reconcile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// Index in `a.figures`.
    pub a_index: usize,
    /// Index in `b.figures`.
    pub b_index: usize,
    /// What both count.
    pub what: FigureKind,
    /// The region both are about.
    pub region: Option<String>,
    /// Why they are taken as one count in time ("same event date (7 October)").
    pub timing: String,
    /// The figure of `a`.
    pub a: FigureRef,
    /// The figure of `b`.
    pub b: FigureRef,
    /// A neutral sentence: the values and whose they are.
    pub note: String,
}

/// One source's count of the same thing at two times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progression {
    /// Index in `a.figures`.
    pub a_index: usize,
    /// Index in `b.figures`.
    pub b_index: usize,
    /// What both count.
    pub what: FigureKind,
    /// The region both are about.
    pub region: Option<String>,
    /// The side taken as earlier; null when nothing orders them.
    pub earlier: Option<Side>,
    /// The earlier figure (the one of `a` when the order is unknown).
    pub from: FigureRef,
    /// The later figure.
    pub to: FigureRef,
    /// `increase`, `decrease` (a revision) or `unknown-order`.
    pub direction: String,
    /// Change from `from` to `to` in per cent, when ordered.
    pub growth_pct: Option<f64>,
    /// The shared source key.
    pub source_key: Option<String>,
    /// The rule that decided which is later.
    pub basis: String,
    /// A neutral sentence, naming the source's two wordings when they differ.
    pub note: String,
}

/// A quote with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteView {
    /// The quoted words.
    pub text: String,
    /// Speaker as written.
    pub speaker: Option<String>,
    /// Speaker's entity key.
    pub speaker_key: Option<String>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
}

/// Framing marks by category, with the terms as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct FramingDiff {
    /// Category -> terms of `a` whose lexicon entry `b` does not use.
    pub only_a: BTreeMap<String, Vec<String>>,
    /// Category -> terms of `b` whose lexicon entry `a` does not use.
    pub only_b: BTreeMap<String, Vec<String>>,
    /// Category -> terms (from both sides) of entries both use.
    pub shared: BTreeMap<String, Vec<String>>,
}

/// What two articles share and where they differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The first article.
    pub a: Header,
    /// The second article.
    pub b: Header,
    /// Whether they report the same event.
    pub same_event: bool,
    /// Whether they belong to one storyline.
    pub same_storyline: bool,
    /// Why, in words.
    pub reasons: Vec<String>,
    /// Entities in both or one.
    pub actors: Actors,
    /// Every figure of `a`.
    pub figures_a: Vec<FigureView>,
    /// Every figure of `b`.
    pub figures_b: Vec<FigureView>,
    /// Same count, irreconcilable values.
    pub conflicts: Vec<Conflict>,
    /// Same source's count at two times.
    pub progressions: Vec<Progression>,
    /// Quotes of `a`.
    pub quotes_a: Vec<QuoteView>,
    /// Quotes of `b`.
    pub quotes_b: Vec<QuoteView>,
    /// Wording differences.
    pub framing: FramingDiff,
}

/// Compares `a` and `b`.
pub fn compare(a: &Analysis, b: &Analysis) -> Comparison {
    let evidence = similarity::evidence(a, b);
    let (facts_a, facts_b) = (facts::facts(a), facts::facts(b));
    let (conflicts, progressions) =
        figures::pair((a, &facts_a), (b, &facts_b), evidence.days_apart);
    let actors = actors(a, b);
    let verdict = verdict::decide(&evidence, &actors, &progressions);
    Comparison {
        a: header(a),
        b: header(b),
        same_event: verdict.same_event,
        same_storyline: verdict.same_storyline,
        reasons: verdict.reasons,
        actors,
        figures_a: figure_views(a, &facts_a),
        figures_b: figure_views(b, &facts_b),
        conflicts,
        progressions,
        quotes_a: quotes(a),
        quotes_b: quotes(b),
        framing: framing(a, b),
    }
}

fn header(a: &Analysis) -> Header {
    Header {
        id: a.id.clone(),
        outlet: a.outlet.clone(),
        lang: a.lang.clone(),
        published: PublishedView {
            value: a.published.value.clone(),
            precision: a.published.precision,
        },
        dateline: a.dateline.clone(),
        title: a.title.clone(),
    }
}

/// Sort rank of entity types: actors first.
fn type_rank(t: EntityType) -> u8 {
    match t {
        EntityType::PER => 0,
        EntityType::ORG => 1,
        EntityType::LOC => 2,
        EntityType::MISC => 3,
    }
}

fn actors(a: &Analysis, b: &Analysis) -> Actors {
    let find = |x: &Analysis, key: &str| {
        x.entities
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.text.clone())
    };
    let only = |x: &Analysis, y: &Analysis| {
        let mut v: Vec<Actor> = x
            .entities
            .iter()
            .filter(|e| find(y, &e.key).is_none())
            .map(|e| Actor {
                key: e.key.clone(),
                kind: e.kind,
                text: e.text.clone(),
            })
            .collect();
        v.sort_by(|p, q| (type_rank(p.kind), &p.key).cmp(&(type_rank(q.kind), &q.key)));
        v.dedup_by(|p, q| p.key == q.key);
        v
    };
    let mut shared: Vec<SharedActor> = a
        .entities
        .iter()
        .filter_map(|e| {
            let b_text = find(b, &e.key)?;
            Some(SharedActor {
                key: e.key.clone(),
                kind: e.kind,
                a_text: e.text.clone(),
                b_text,
            })
        })
        .collect();
    shared.sort_by(|p, q| (type_rank(p.kind), &p.key).cmp(&(type_rank(q.kind), &q.key)));
    shared.dedup_by(|p, q| p.key == q.key);
    Actors {
        shared,
        only_a: only(a, b),
        only_b: only(b, a),
    }
}

fn figure_views(a: &Analysis, facts: &[facts::Facts]) -> Vec<FigureView> {
    let lex = lexicon::lexicon();
    a.figures
        .iter()
        .zip(facts)
        .enumerate()
        .map(|(index, (f, facts))| FigureView {
            index,
            value: f.value,
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
            what: f.what,
            unit: f.unit.clone(),
            who: f.who.clone(),
            place: f.place.clone(),
            source: f.source.clone(),
            source_key: f.source_key.clone(),
            as_of: f.as_of.clone(),
            part_of: f.part_of,
            region: facts.region.map(|r| lex.name(r).to_string()),
            region_from: facts.region_from.map(str::to_string),
            evidence: f.span.slice(&a.text).to_string(),
        })
        .collect()
}

fn quotes(a: &Analysis) -> Vec<QuoteView> {
    a.quotes
        .iter()
        .map(|q| QuoteView {
            text: q.text.clone(),
            speaker: q.speaker.clone(),
            speaker_key: q.speaker_key.clone(),
            kind: q.kind,
        })
        .collect()
}

/// Marks are matched by (category, lemma): "colons" and "Colons" are one wording choice.
fn framing(a: &Analysis, b: &Analysis) -> FramingDiff {
    let mut diff = FramingDiff::default();
    let add = |map: &mut BTreeMap<String, Vec<String>>, cat: &str, term: &str| {
        let terms = map.entry(cat.to_string()).or_default();
        if !terms.iter().any(|t| t == term) {
            terms.push(term.to_string());
        }
    };
    for (x, y, side) in [(a, b, Side::A), (b, a, Side::B)] {
        for m in &x.framing {
            let in_other = y
                .framing
                .iter()
                .any(|n| n.category == m.category && n.lemma == m.lemma);
            let map = match (in_other, side) {
                (true, _) => &mut diff.shared,
                (false, Side::A) => &mut diff.only_a,
                (false, Side::B) => &mut diff.only_b,
            };
            add(map, &m.category, &m.term);
        }
    }
    diff
}
