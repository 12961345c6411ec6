//! SemEval-2022 Task 8 (multilingual news article similarity): the Pearson correlation
//! between the fitted pair score of `link` ([`storyline_link::similarity::pair_score`];
//! with the feature `embed` and `STORYLINE_E5` set, also the model with sentence
//! embeddings) and the human `Overall` judgement.
//!
//! `Overall` runs from 1 (very similar) to 4 (very dissimilar), the reverse of our score,
//! so the correlation is reported with `-Overall`: positive means agreement. Only
//! testing_set.csv is scored here; training_set.csv is read by
//! `examples/fit_semeval.rs`, which fits the weights of the pair score.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use storyline_analyze::Analyzer;
use storyline_link::similarity::{PairFeatures, PairModel, Profile};
use storyline_model::{Analysis, Article, Format};

use crate::Report;

/// Language pairs reported on their own: French first, then the largest English set.
const LANGUAGE_PAIRS: &[(&str, &str)] = &[("fr", "fr"), ("de", "fr"), ("en", "en")];

/// One row of the CSV (other columns are ignored).
#[derive(Debug, serde::Deserialize)]
pub struct Row {
    /// Two article ids joined by `_`, one possibly with a language suffix.
    pub pair_id: String,
    /// Language of the first article.
    pub lang1: String,
    /// Language of the second article.
    pub lang2: String,
    /// First article: title, then text.
    pub text1: String,
    /// Second article.
    pub text2: String,
    /// Human similarity, 1 (very similar) to 4 (very dissimilar), mean of the annotators.
    #[serde(rename = "Overall")]
    pub overall: f64,
}

/// A scored pair.
struct Scored {
    original: bool,
    langs: (String, String),
    score: f64,
    similar: f64,
}

/// Scores every pair of testing_set.csv with the bundled pair model (`link.semeval.*`),
/// and, when the articles could be embedded (see [`profiles`]), with the model with the
/// embedding inputs (`link.semeval.e5.*`).
pub fn similarity(data: &Path, analyzer: &Analyzer, report: &mut Report) {
    let path = data.join("semeval2022-task8-hfl-sample/testing_set.csv");
    if !report.has_data("link.semeval", &[&path]) {
        return;
    }
    let started = Instant::now();
    let rows = match read_rows(&path) {
        Ok(rows) => rows,
        Err(e) => {
            report.skipped.push(format!("link.semeval: {e}"));
            return;
        }
    };
    let analyses: Vec<(Analysis, Analysis)> = rows
        .par_iter()
        .map(|row| {
            (
                analyzer.analyze(&article(&row.pair_id, 1, &row.lang1, &row.text1)),
                analyzer.analyze(&article(&row.pair_id, 2, &row.lang2, &row.text2)),
            )
        })
        .collect();
    let (profiles, embedded) = match profiles(&analyses, EMBED_CHARS) {
        Ok(p) => p,
        Err(e) => {
            report.skipped.push(format!("link.semeval: {e}"));
            return;
        }
    };
    let features: Vec<PairFeatures> = profiles
        .par_iter()
        .map(|(a, b)| PairFeatures::between(a, b))
        .collect();
    let embedding_seconds = embedded.map_or(0.0, |e| e.seconds);
    let elapsed = started.elapsed().as_secs_f64() - embedding_seconds;
    push_scores(
        report,
        "link.semeval",
        &rows,
        &features,
        PairModel::bundled(),
    );
    report.notes.push(format!(
        "link.semeval: analyzed and compared {} pairs in {elapsed:.2} s ({:.0} pairs/s; embedding not counted)",
        rows.len(),
        rows.len() as f64 / elapsed.max(1e-9)
    ));
    if let Some(e) = embedded {
        push_scores(
            report,
            "link.semeval.e5",
            &rows,
            &features,
            PairModel::bundled_embedded(),
        );
        report.notes.push(format!(
            "link.semeval.e5: embedded {} articles (first {EMBED_CHARS} bytes) in {:.1} s ({:.1} articles/s)",
            e.articles,
            e.seconds,
            e.articles as f64 / e.seconds.max(1e-9)
        ));
    }
}

/// Pushes the correlations of one model's scores under `prefix`: all pairs, original
/// pairs, [`LANGUAGE_PAIRS`], and a note by language pair.
fn push_scores(
    report: &mut Report,
    prefix: &str,
    rows: &[Row],
    features: &[PairFeatures],
    model: &PairModel,
) {
    let scored: Vec<Scored> = rows
        .iter()
        .zip(features)
        .map(|(row, f)| Scored {
            original: is_original(&row.pair_id),
            langs: (row.lang1.clone(), row.lang2.clone()),
            score: model.score(f),
            similar: -row.overall,
        })
        .collect();
    let sign = "Pearson r of the pair score with -Overall (Overall: 1 = very similar .. 4 = very dissimilar)";
    let mut push = |metric: &str, what: &str, keep: &dyn Fn(&Scored) -> bool| {
        let (r, n) = correlate(scored.iter().filter(|s| keep(s)));
        let name = format!("{prefix}.pearson_{metric}");
        match r {
            Some(r) => report.push("link", &name, r, format!("{sign}; {n} {what}")),
            None => report
                .skipped
                .push(format!("{name}: {n} {what}, too few to correlate")),
        }
    };
    push("all", "pairs of testing_set.csv", &|_| true);
    push(
        "original",
        "original pairs (ids without a language suffix; the others are machine-translated)",
        &|s| s.original,
    );
    for (l1, l2) in LANGUAGE_PAIRS {
        push(
            &format!("{l1}_{l2}"),
            &format!("{l1}-{l2} pairs (original and translated)"),
            &|s| s.langs.0 == *l1 && s.langs.1 == *l2,
        );
    }
    report.notes.push(format!(
        "{prefix}: r by language pair (all pairs, n): {}",
        by_language_pair(&scored)
    ));
}

/// "en-en 0.72 (193), de-de …": the correlation of every language pair, largest first.
fn by_language_pair(scored: &[Scored]) -> String {
    let mut pairs: BTreeMap<(&str, &str), Vec<&Scored>> = BTreeMap::new();
    for s in scored {
        pairs.entry((&s.langs.0, &s.langs.1)).or_default().push(s);
    }
    let mut rows: Vec<_> = pairs.into_iter().collect();
    rows.sort_by_key(|(_, group)| std::cmp::Reverse(group.len()));
    rows.into_iter()
        .map(|((l1, l2), group)| {
            let (r, n) = correlate(group);
            let r = r.map_or("-".to_string(), |r| format!("{r:.2}"));
            format!("{l1}-{l2} {r} ({n})")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The correlation of score and human similarity over some pairs, and their number.
fn correlate<'a>(pairs: impl IntoIterator<Item = &'a Scored>) -> (Option<f64>, usize) {
    let (xs, ys): (Vec<f64>, Vec<f64>) = pairs.into_iter().map(|s| (s.score, s.similar)).unzip();
    (pearson(&xs, &ys), xs.len())
}

/// Bytes of each article that are embedded (title and lead, see
/// `similarity::features::embedding_text`).
pub const EMBED_CHARS: usize = 600;

/// How the embeddings of a run were made.
#[derive(Debug, Clone, Copy)]
pub struct Embedded {
    /// Articles embedded.
    pub articles: usize,
    /// Wall-clock seconds spent embedding them.
    pub seconds: f64,
}

/// The profiles of the two articles of each pair.
pub type PairProfiles = Vec<(Profile, Profile)>;

/// The profiles of analysed pairs; with sentence embeddings of the first `embed_chars`
/// bytes of each article when the build has the feature `embed` and
/// `STORYLINE_E5` names the model (then also how long they took).
pub fn profiles(
    analyses: &[(Analysis, Analysis)],
    embed_chars: usize,
) -> Result<(PairProfiles, Option<Embedded>), String> {
    let profiles: Vec<(Profile, Profile)> = analyses
        .par_iter()
        .map(|(a, b)| (Profile::new(a), Profile::new(b)))
        .collect();
    let started = Instant::now();
    let Some(vectors) = embed(analyses, embed_chars)? else {
        return Ok((profiles, None));
    };
    let embedded = Embedded {
        articles: vectors.len(),
        seconds: started.elapsed().as_secs_f64(),
    };
    let mut vectors = vectors.into_iter();
    let profiles = profiles
        .into_iter()
        .map(|(a, b)| match (vectors.next(), vectors.next()) {
            (Some(x), Some(y)) => (a.with_embedding(x), b.with_embedding(y)),
            _ => (a, b),
        })
        .collect();
    Ok((profiles, Some(embedded)))
}

/// The embeddings of the first `chars` bytes of both articles of each pair, in order, or
/// `None` when the model is not configured.
#[cfg(feature = "embed")]
fn embed(analyses: &[(Analysis, Analysis)], chars: usize) -> Result<Option<Vec<Vec<f32>>>, String> {
    /// Texts per call of the engine (it spreads a batch over the cores).
    const BATCH: usize = 32;
    let Some(embedder) = storyline_link::similarity::embed::Embedder::from_env()? else {
        return Ok(None);
    };
    let texts: Vec<String> = analyses
        .iter()
        .flat_map(|(a, b)| [a, b])
        .map(|a| storyline_link::similarity::features::embedding_text(a, chars))
        .collect();
    let mut out = Vec::with_capacity(texts.len());
    for batch in texts.chunks(BATCH) {
        let batch: Vec<&str> = batch.iter().map(String::as_str).collect();
        out.extend(embedder.embed(&batch)?);
    }
    Ok(Some(out))
}

/// Without the feature `embed` there is no model to run.
#[cfg(not(feature = "embed"))]
fn embed(_: &[(Analysis, Analysis)], _: usize) -> Result<Option<Vec<Vec<f32>>>, String> {
    Ok(None)
}

/// The rows of the CSV; texts hold newlines and quotes, hence a real CSV reader.
pub fn read_rows(path: &Path) -> Result<Vec<Row>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    reader
        .deserialize()
        .enumerate()
        .map(|(i, row)| row.map_err(|e| format!("{}: row {}: {e}", path.display(), i + 1)))
        .collect()
}

/// One side of a pair as an article: the text cleaned like any input (the set has mojibake),
/// one paragraph per non-empty line; no title or date, which the set does not give.
pub fn article(pair_id: &str, side: u8, lang: &str, text: &str) -> Article {
    let origin = format!("semeval:{pair_id}:{side}");
    let clean = storyline_sources::decode_bytes(text.as_bytes(), Format::Txt, &origin)
        .map(|doc| doc.text)
        .unwrap_or_default();
    Article {
        id: format!("{pair_id}:{side}"),
        lang: Some(lang.to_string()),
        paragraphs: clean
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        origin,
        ..Article::default()
    }
}

/// Whether a pair id joins two original articles: `1484116526_1484142899`. The winner's
/// machine-translated augmentation suffixes a language to one id (`1483804872es_1483840043`).
pub fn is_original(pair_id: &str) -> bool {
    let digits = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    pair_id
        .split_once('_')
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// The pair an id names whatever its translations: `1483804872es_1483840043` and
/// `1483804872_1483840043` are one pair of stories (the suffix marks a machine translation
/// of one side), so a fit must keep both out when either is held out.
pub fn pair_key(pair_id: &str) -> String {
    pair_id
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '_')
        .collect()
}

/// Pearson's correlation coefficient; `None` with fewer than two points, lengths that
/// differ, or a constant series.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        let (dx, dy) = (x - mx, y - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_of_linear_series_is_plus_or_minus_one() {
        let xs = [1.0, 2.0, 3.0, 4.0];
        let up = [2.0, 4.0, 6.0, 8.0];
        let down = [8.0, 6.0, 4.0, 2.0];
        assert!((pearson(&xs, &up).unwrap_or(0.0) - 1.0).abs() < 1e-12);
        assert!((pearson(&xs, &down).unwrap_or(0.0) + 1.0).abs() < 1e-12);
    }

    #[test]
    fn pearson_known_value_and_degenerate_inputs() {
        // r = 0.9 for these points (worked by hand: sxy = 9, sxx = syy = 10).
        let r = pearson(&[1.0, 2.0, 3.0, 4.0, 5.0], &[1.0, 3.0, 2.0, 4.0, 5.0]);
        assert!((r.unwrap_or(0.0) - 0.9).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 2.0], &[3.0, 3.0]), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
        assert_eq!(pearson(&[1.0, 2.0], &[1.0]), None);
    }

    #[test]
    fn original_pairs_have_no_language_suffix() {
        assert!(is_original("1484116526_1484142899"));
        assert!(!is_original("1483804872es_1483840043"));
        assert!(!is_original("1483804872_1483840043zh"));
        assert!(!is_original("1483804872"));
        assert!(!is_original("_1483840043"));
    }

    #[test]
    fn translations_of_a_pair_share_its_key() {
        assert_eq!(pair_key("1483804872es_1483840043"), "1483804872_1483840043");
        assert_eq!(
            pair_key("1483804872_1483840043zh"),
            pair_key("1483804872_1483840043")
        );
        assert_ne!(
            pair_key("1483804872_1483840043"),
            pair_key("1483804872_1483840044")
        );
    }
}
