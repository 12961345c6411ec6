//! Figures, quotes and time expressions against our own gold annotations (gold/, made by hand
//! under docs/annotation.md): per language and per split, so that tuning on `dev` can be told
//! apart from the held-out `test`. The matching rules are those of gold/README.md.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Deserialize;
use storyline_analyze::Analyzer;
use storyline_model::{Analysis, Article, Span};

use crate::{names, stream, Report};

/// The gold folder of the repository.
const GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../gold/figures-quotes-times"
);

/// Words of an attribution that do not name the source ("selon le", "according to the").
const SOURCE_FILLERS: &[&str] = &[
    "selon",
    "d",
    "après",
    "de",
    "du",
    "des",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "according",
    "to",
    "the",
    "a",
    "an",
    "said",
    "says",
    "told",
    "by",
    "indiqué",
    "annoncé",
];

/// One annotated article.
#[derive(Debug, Deserialize)]
struct GoldArticle {
    corpus: String,
    id: String,
    #[serde(default)]
    figures: Vec<GoldFigure>,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    times: Vec<GoldTime>,
}

#[derive(Debug, Deserialize)]
struct GoldFigure {
    locate: String,
    #[serde(default)]
    occurrence: usize,
    value: f64,
    qualifier: String,
    what: String,
    source: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldQuote {
    locate: String,
    #[serde(default)]
    occurrence: usize,
    last: String,
    kind: String,
    speaker: Option<String>,
    speaker_full: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldTime {
    locate: String,
    #[serde(default)]
    occurrence: usize,
    value: Option<String>,
}

/// Counts of one language and split.
#[derive(Debug, Default)]
struct Tally {
    articles: usize,
    unlocated: usize,
    figures_gold: usize,
    figures_system: usize,
    figures_right: usize,
    sources_gold: usize,
    sources_right: usize,
    /// Found gold figures with no source (the text gives none), and those of them the
    /// system left without one: the "never guess" rule of docs/annotation.md, section 1.3.
    unattributed_gold: usize,
    unattributed_kept: usize,
    quotes_gold: usize,
    quotes_system: usize,
    quotes_found: usize,
    /// Per gold kind (direct, partial, indirect): gold quotes and found ones.
    quotes_by_kind: [(usize, usize); 3],
    speakers_gold: usize,
    speakers_right: usize,
    times_gold: usize,
    times_system: usize,
    times_right: usize,
    /// One line per gold item the system missed or got wrong, printed for dev splits only
    /// (see [`MISSES_ENV`]).
    misses: Vec<String>,
}

/// The gold quote kinds, in the order of [`Tally::quotes_by_kind`].
const QUOTE_KINDS: [&str; 3] = ["direct", "partial", "indirect"];

/// Set this variable to print the dev splits' misses on stderr while tuning. The test
/// splits' misses are never printed, so that nobody tunes on them.
pub const MISSES_ENV: &str = "STORYLINE_FACTS_MISSES";

/// Scores every gold file whose articles are in `data`.
pub fn score(data: &Path, analyzer: &Analyzer, report: &mut Report) {
    let started = Instant::now();
    let files = ["fr-dev", "fr-test", "en-dev", "en-test"];
    let gold: Vec<(&str, Vec<GoldArticle>)> = files
        .iter()
        .filter_map(|name| {
            read_gold(&Path::new(GOLD).join(format!("{name}.jsonl"))).map(|g| (*name, g))
        })
        .collect();
    if gold.is_empty() {
        report
            .skipped
            .push(format!("analyze.facts: no gold files in {GOLD}"));
        return;
    }
    let wanted: HashSet<(String, String)> = gold
        .iter()
        .flat_map(|(_, g)| g.iter().map(|a| (a.corpus.clone(), a.id.clone())))
        .collect();
    let Some(articles) = find_articles(data, &wanted) else {
        report
            .skipped
            .push("analyze.facts: OrangeSum or BASIL absent".into());
        return;
    };
    let mut missing = 0;
    for (name, gold) in &gold {
        let mut tally = Tally::default();
        for g in gold {
            let Some(article) = articles.get(&(g.corpus.clone(), g.id.clone())) else {
                missing += 1;
                continue;
            };
            tally.articles += 1;
            score_article(g, &analyzer.analyze(article), &mut tally);
        }
        if name.ends_with("-dev") && std::env::var_os(MISSES_ENV).is_some() {
            for miss in &tally.misses {
                eprintln!("{name} {miss}");
            }
        }
        push(report, name, &tally);
    }
    if missing > 0 {
        report.notes.push(format!(
            "analyze.facts: {missing} gold articles not found in ../shared/data"
        ));
    }
    report.notes.push(format!(
        "analyze.facts: read and scored the gold articles in {:.2} s",
        started.elapsed().as_secs_f64()
    ));
}

fn read_gold(path: &Path) -> Option<Vec<GoldArticle>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    )
}

/// The gold articles through the real sources and extract stages, keyed by (corpus, id).
fn find_articles(
    data: &Path,
    wanted: &HashSet<(String, String)>,
) -> Option<HashMap<(String, String), Article>> {
    let orangesum = data.join(stream::ORANGESUM);
    let basil = data.join("basil-media-bias/articles");
    if !orangesum.exists() || !basil.is_dir() {
        return None;
    }
    let mut found = HashMap::new();
    for doc in storyline_sources::read(&[orangesum], Default::default()).flatten() {
        let Ok(articles) = storyline_extract::extract(&doc) else {
            continue;
        };
        for a in articles {
            let key = ("orangesum".to_string(), a.id.clone());
            if wanted.contains(&key) {
                found.insert(key, a);
            }
        }
    }
    for a in stream::read_articles(&basil, 0, usize::MAX).articles {
        let stem = PathBuf::from(&a.origin)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        let key = ("basil".to_string(), stem.unwrap_or_default());
        if wanted.contains(&key) {
            found.insert(key, a);
        }
    }
    Some(found)
}

/// The span of the `occurrence`-th match of `needle` in `text` (overlapping matches count).
fn locate(text: &str, needle: &str, occurrence: usize) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    let mut seen = 0;
    while let Some(at) = text.get(from..).and_then(|t| t.find(needle)) {
        let start = from + at;
        if seen == occurrence {
            return Some(Span::new(start, start + needle.len()));
        }
        seen += 1;
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The first unused system item overlapping `span`, marked used.
fn take(spans: &[Span], used: &mut [bool], span: Span) -> Option<usize> {
    let i = (0..spans.len()).find(|&i| !used[i] && overlaps(spans[i], span))?;
    used[i] = true;
    Some(i)
}

fn score_article(g: &GoldArticle, a: &Analysis, t: &mut Tally) {
    let text = a.text.as_str();
    // Figures: right when value, what and qualifier agree.
    let spans: Vec<Span> = a.figures.iter().map(|f| f.span).collect();
    let mut used = vec![false; spans.len()];
    t.figures_system += spans.len();
    for gf in &g.figures {
        t.figures_gold += 1;
        let Some(span) = locate(text, &gf.locate, gf.occurrence) else {
            t.unlocated += 1;
            continue;
        };
        let Some(i) = take(&spans, &mut used, span) else {
            t.miss(g, "figure not found", &gf.locate, "");
            continue;
        };
        let f = &a.figures[i];
        let qualifier = serde_json::to_value(f.qualifier).ok();
        let right = (f.value - gf.value).abs() < 1e-6
            && f.what.as_str() == gf.what
            && qualifier.as_ref().and_then(|q| q.as_str()) == Some(gf.qualifier.as_str());
        if right {
            t.figures_right += 1;
        } else {
            let got = format!("{} {} {:?}", f.value, f.what.as_str(), f.qualifier);
            let want = format!("{} {} {}", gf.value, gf.what, gf.qualifier);
            t.miss(
                g,
                "figure wrong",
                &gf.locate,
                &format!("got {got}, want {want}"),
            );
        }
        if let Some(source) = &gf.source {
            t.sources_gold += 1;
            if source_agrees(source, f.source.as_deref()) {
                t.sources_right += 1;
            } else {
                let got = format!("got {:?}, want {source:?}", f.source);
                t.miss(g, "source wrong", &gf.locate, &got);
            }
        } else {
            t.unattributed_gold += 1;
            match &f.source {
                None => t.unattributed_kept += 1,
                Some(guess) => t.miss(g, "source guessed", &gf.locate, &format!("{guess:?}")),
            }
        }
    }
    for (f, _) in a.figures.iter().zip(&used).filter(|(_, used)| !**used) {
        let extra = text.get(f.span.start..f.span.end).unwrap_or("");
        t.miss(
            g,
            "figure extra",
            extra,
            &format!("{} {}", f.value, f.what.as_str()),
        );
    }
    // Quotes: every kind (direct, partial, indirect) counts; the kind itself is not scored.
    let spans: Vec<Span> = a.quotes.iter().map(|q| q.span).collect();
    let mut used = vec![false; spans.len()];
    t.quotes_system += spans.len();
    for gq in &g.quotes {
        t.quotes_gold += 1;
        let by_kind = QUOTE_KINDS.iter().position(|k| *k == gq.kind);
        if let Some(k) = by_kind {
            t.quotes_by_kind[k].0 += 1;
        }
        let Some(start) = locate(text, &gq.locate, gq.occurrence) else {
            t.unlocated += 1;
            continue;
        };
        let end =
            locate(&text[start.start..], &gq.last, 0).map_or(start.end, |s| start.start + s.end);
        let Some(i) = take(&spans, &mut used, Span::new(start.start, end)) else {
            t.miss(g, "quote not found", &gq.locate, &gq.kind);
            continue;
        };
        t.quotes_found += 1;
        if let Some(k) = by_kind {
            t.quotes_by_kind[k].1 += 1;
        }
        if let Some(name) = gq
            .speaker_full
            .as_deref()
            .or(gq.speaker.as_deref())
            .and_then(family_name)
        {
            t.speakers_gold += 1;
            // The speaker as written, or the entity it was resolved to ("Il" → per:bogdanov).
            let q = &a.quotes[i];
            let said = [q.speaker.as_deref(), q.speaker_key.as_deref()];
            if said
                .into_iter()
                .flatten()
                .any(|s| names::has_word(s, &name))
            {
                t.speakers_right += 1;
            } else {
                let got = format!("got {said:?}, want {name:?}");
                t.miss(g, "speaker wrong", &gq.locate, &got);
            }
        }
    }
    for (q, _) in a.quotes.iter().zip(&used).filter(|(_, used)| !**used) {
        let extra: String = text
            .get(q.span.start..q.span.end)
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        t.miss(g, "quote extra", &extra, &format!("{:?}", q.kind));
    }
    // Times: right when the resolved value is equal.
    let spans: Vec<Span> = a.times.iter().map(|x| x.span).collect();
    let mut used = vec![false; spans.len()];
    t.times_system += spans.len();
    for gt in &g.times {
        t.times_gold += 1;
        let Some(span) = locate(text, &gt.locate, gt.occurrence) else {
            t.unlocated += 1;
            continue;
        };
        match take(&spans, &mut used, span) {
            Some(i) if a.times[i].value == gt.value => t.times_right += 1,
            Some(i) => {
                let got = format!("got {:?}, want {:?}", a.times[i].value, gt.value);
                t.miss(g, "time wrong", &gt.locate, &got);
            }
            None => t.miss(g, "time not found", &gt.locate, ""),
        }
    }
}

impl Tally {
    fn miss(&mut self, g: &GoldArticle, what: &str, locate: &str, detail: &str) {
        self.misses
            .push(format!("{}:{} {what} {locate:?} {detail}", g.corpus, g.id));
    }
}

/// The gold source's naming word (the first word that is not a cue or an article) is in the
/// system's source.
fn source_agrees(gold: &str, system: Option<&str>) -> bool {
    let Some(system) = system else { return false };
    let head = names::words(gold).find(|w| !SOURCE_FILLERS.contains(&w.as_str()));
    head.is_some_and(|h| names::has_word(system, &h))
}

/// The family name of a speaker, lower-cased, when it can name someone (not a pronoun).
fn family_name(name: &str) -> Option<String> {
    const PRONOUNS: &[&str] = &[
        "il", "elle", "ils", "elles", "he", "she", "they", "it", "we", "i", "lui",
    ];
    names::last_name_word(name)
        .filter(|last| last.chars().count() >= 2 && !PRONOUNS.contains(&last.as_str()))
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn push(report: &mut Report, split: &str, t: &Tally) {
    let (lang, part) = split.split_once('-').unwrap_or((split, ""));
    let on = |what: &str| format!("{} {lang} articles ({part}), {what}", t.articles);
    let name = |m: &str| format!("analyze.facts.{lang}.{part}.{m}");
    let quote_p = ratio(t.quotes_found, t.quotes_system);
    let quote_r = ratio(t.quotes_found, t.quotes_gold);
    let quote_f1 = if quote_p + quote_r > 0.0 {
        2.0 * quote_p * quote_r / (quote_p + quote_r)
    } else {
        0.0
    };
    let by_kind = QUOTE_KINDS
        .iter()
        .zip(t.quotes_by_kind)
        .map(|(k, (gold, found))| format!("{k} {found}/{gold}"))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = [
        (
            "figures_precision",
            ratio(t.figures_right, t.figures_system),
            on(&format!(
                "{} system figures; right = value, what and qualifier",
                t.figures_system
            )),
        ),
        (
            "figures_recall",
            ratio(t.figures_right, t.figures_gold),
            on(&format!("{} gold figures", t.figures_gold)),
        ),
        (
            "source_accuracy",
            ratio(t.sources_right, t.sources_gold),
            on(&format!("{} attributed gold figures found", t.sources_gold)),
        ),
        (
            "unattributed_kept",
            ratio(t.unattributed_kept, t.unattributed_gold),
            on(&format!(
                "{} found gold figures with no source; kept = given none",
                t.unattributed_gold
            )),
        ),
        (
            "quote_f1",
            quote_f1,
            on(&format!(
                "{} gold quotes, {} system quotes; found by gold kind: {by_kind}",
                t.quotes_gold, t.quotes_system
            )),
        ),
        (
            "speaker_accuracy",
            ratio(t.speakers_right, t.speakers_gold),
            on(&format!(
                "{} found quotes with a named gold speaker",
                t.speakers_gold
            )),
        ),
        (
            "times_correct",
            ratio(t.times_right, t.times_gold),
            on(&format!(
                "{} gold time expressions ({} system)",
                t.times_gold, t.times_system
            )),
        ),
    ];
    for (metric, value, detail) in rows {
        report.push("analyze", &name(metric), value, detail);
    }
    if t.unlocated > 0 {
        report.notes.push(format!(
            "analyze.facts.{lang}.{part}: {} gold items not found in the text",
            t.unlocated
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_overlapping_occurrences() {
        assert_eq!(locate("aaa", "aa", 1), Some(Span::new(1, 3)));
        assert_eq!(
            locate("1.500 euros et 1.500 euros", "1.500 euros", 1),
            Some(Span::new(15, 26))
        );
        assert_eq!(locate("abc", "x", 0), None);
        assert_eq!(
            locate("été été", "été", 1).map(|s| s.start),
            Some(6),
            "byte offsets"
        );
    }

    #[test]
    fn sources_agree_on_the_naming_word() {
        assert!(source_agrees(
            "selon le ministère de la Santé",
            Some("selon le ministère palestinien de la Santé")
        ));
        assert!(source_agrees(
            "according to the Gaza health ministry",
            Some("the Gaza health ministry said")
        ));
        assert!(!source_agrees("selon l'AFP", Some("selon le ministère")));
        assert!(!source_agrees("selon l'AFP", None));
        // Whole words: a pronoun source is not found inside "the".
        assert!(!source_agrees("he said", Some("the ministry said")));
        assert!(source_agrees(
            "d'après l'AFP",
            Some("selon un décompte de l'AFP")
        ));
    }

    /// A gold article with one unattributed figure located by `locate`.
    fn unattributed_gold(locate: &str) -> GoldArticle {
        let line = format!(
            r#"{{"corpus":"t","id":"1","figures":[{{"locate":"{locate}","value":3,"qualifier":"exact","what":"injured","source":null}}]}}"#
        );
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("test gold: {e}"))
    }

    #[test]
    fn unattributed_figures_count_as_kept_only_without_a_system_source() {
        let analyzer = Analyzer::new();
        let analyse = |text: &str| {
            analyzer.analyze(&Article {
                id: "1".into(),
                lang: Some("fr".into()),
                paragraphs: vec![text.into()],
                ..Article::default()
            })
        };
        let mut t = Tally::default();
        let plain = analyse("Trois personnes ont été blessées dans l'accident.");
        score_article(&unattributed_gold("Trois personnes"), &plain, &mut t);
        assert_eq!((t.unattributed_gold, t.unattributed_kept), (1, 1));
        // Gold says the text gives no source; one given by the system is a guess.
        let sourced = analyse("Trois personnes ont été blessées, selon la préfecture.");
        score_article(&unattributed_gold("Trois personnes"), &sourced, &mut t);
        assert_eq!((t.unattributed_gold, t.unattributed_kept), (2, 1));
        assert_eq!(
            t.sources_gold, 0,
            "source_accuracy ignores unattributed gold"
        );
    }

    #[test]
    fn family_names_skip_pronouns() {
        assert_eq!(family_name("Mr. Steele").as_deref(), Some("steele"));
        assert_eq!(family_name("elle"), None);
    }
}
