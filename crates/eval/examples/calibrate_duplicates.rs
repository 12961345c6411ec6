//! Calibration of the near-duplicate detector (`storyline_link::dedup`) on a development
//! slice that the held-out eval never reads: OrangeSum documents 20,001–26,000 (the eval
//! reads 10,001–14,000) and variant seed 7 (the eval uses 2022).
//!
//! The first half of the slice gets one republished variant each (the eval's generator,
//! `storyline_eval::variants`); everything is analyzed and linked by the real pipeline.
//! Printed: pairwise precision and recall of the duplicate groups, recall per kind of edit,
//! the similarity of variant to original (quartiles and lowest), and the highest similarity
//! between two articles that are not copies, which is the margin left for precision.
//!
//! Run: `cargo run --release -p storyline-eval --example calibrate_duplicates [DATA_DIR]`

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use storyline_analyze::Analyzer;
use storyline_eval::clustering;
use storyline_eval::variants::{self, Edits, XorShift};
use storyline_link::{dedup, Linker};
use storyline_model::Article;

/// Documents skipped before the development slice.
const SKIP: usize = 20_000;
/// Articles that get a variant.
const ORIGINALS: usize = 3_000;
/// Unmodified articles mixed in.
const OTHERS: usize = 3_000;
/// Variant seed of the development slice.
const SEED: u64 = 7;

fn main() {
    let data = std::env::args().nth(1).map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")),
        PathBuf::from,
    );
    let path = data.join("orangesum-fr/orangesum_articles.jsonl.gz");
    if !path.exists() {
        eprintln!("skipped: {} absent", path.display());
        return;
    }
    let mut articles: Vec<Article> = storyline_sources::read(&[path], Default::default())
        .skip(SKIP)
        .take(ORIGINALS + OTHERS)
        .filter_map(|d| d.ok())
        .filter_map(|d| storyline_extract::extract(&d).ok())
        .flatten()
        .collect();
    let originals = ORIGINALS.min(articles.len());
    let mut rng = XorShift::new(SEED);
    let (varied, edits): (Vec<Article>, Vec<Edits>) = articles
        .iter()
        .take(originals)
        .map(|a| variants::variant(a, &mut rng))
        .unzip();
    let mut classes = variants::exact_text_classes(&articles);
    let unmodified = articles.len();
    classes.extend(classes.iter().take(originals).copied().collect::<Vec<_>>());
    articles.extend(varied);

    let started = Instant::now();
    let analyzer = Analyzer::new();
    let analyses: Vec<_> = articles.par_iter().map(|a| analyzer.analyze(a)).collect();
    let analyzed = started.elapsed();
    let mut linker = Linker::new();
    for a in &analyses {
        linker.add(a);
    }
    let result = linker.finish();
    println!(
        "{} articles ({originals} varied): analyzed in {:.2} s, linked in {:.2} s",
        articles.len(),
        analyzed.as_secs_f64(),
        (started.elapsed() - analyzed).as_secs_f64()
    );

    let groups: Vec<&str> = result
        .assignments
        .iter()
        .map(|(id, link)| link.duplicate_of.as_deref().unwrap_or(id))
        .collect();
    let items: Vec<(&str, usize)> = groups
        .iter()
        .copied()
        .zip(classes.iter().copied())
        .collect();
    let scores = clustering::pairwise(&items);
    println!(
        "pairwise precision {:.3}, recall {:.3}, f1 {:.3}",
        scores.precision, scores.recall, scores.f1
    );
    let found: Vec<bool> = (0..originals)
        .map(|i| groups.get(i).is_some() && groups.get(i) == groups.get(unmodified + i))
        .collect();
    println!("found by edit: {}", by_edit(&edits, &found));

    let signatures: Vec<&[u32]> = analyses.iter().map(|a| a.fingerprint.as_slice()).collect();
    let copies: Vec<(f64, f64)> = (0..originals)
        .filter_map(|i| {
            Some(scores_of(
                signatures.get(i)?,
                signatures.get(unmodified + i)?,
            ))
        })
        .collect();
    println!(
        "variant vs original, quantiles 1% / 5% / 25% / 50%: jaccard {}, containment {}",
        quantiles(copies.iter().map(|c| c.0)),
        quantiles(copies.iter().map(|c| c.1))
    );
    let distinct = between_classes(&signatures, &classes);
    println!(
        "all pairs compared (no index): copies kept / pairs of different classes kept, by floor"
    );
    for min_j in [0.3, 0.4, 0.5, 0.6, 0.7] {
        let row: Vec<String> = [0.0, 0.7, 0.8, 0.9]
            .iter()
            .map(|&min_c| {
                let keep = |(j, c): &(f64, f64)| *j >= min_j && *c >= min_c;
                format!(
                    "C>={min_c:.1}: {}/{}",
                    copies.iter().filter(|p| keep(p)).count(),
                    distinct.iter().filter(|p| keep(&(p.0, p.1))).count()
                )
            })
            .collect();
        println!("  J>={min_j:.1}  {}", row.join("  "));
    }
    let mut wrong: Vec<&(f64, f64, usize, usize)> = distinct
        .iter()
        .filter(|p| match (signatures.get(p.2), signatures.get(p.3)) {
            (Some(a), Some(b)) => dedup::is_duplicate(a, b),
            _ => false,
        })
        .collect();
    // Lowest Jaccard first: the pairs that the floors decide.
    wrong.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!(
        "pairs of different classes that the detector accepts: {}",
        wrong.len()
    );
    for (j, c, a, b) in wrong.iter().take(8) {
        let title = |k: &usize| {
            articles
                .get(*k)
                .and_then(|a| a.title.clone())
                .unwrap_or_default()
        };
        println!("  J {j:.2} C {c:.2}  {:?} / {:?}", title(a), title(b));
    }
}

/// Estimated Jaccard and containment of two fingerprints.
fn scores_of(a: &[u32], b: &[u32]) -> (f64, f64) {
    (dedup::jaccard(a, b), dedup::containment(a, b))
}

/// "0.41 / 0.55 / 0.70 / 0.78": the 1%, 5%, 25% and 50% quantiles.
fn quantiles(values: impl Iterator<Item = f64>) -> String {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    [0.01, 0.05, 0.25, 0.5]
        .iter()
        .map(|q| {
            v.get((v.len() as f64 * q) as usize)
                .map_or("-".into(), |x| format!("{x:.2}"))
        })
        .collect::<Vec<String>>()
        .join(" / ")
}

/// A kind of edit, by name, and whether a variant received it.
type EditKind = (&'static str, fn(&Edits) -> bool);

/// "retitled 1480/1500, …": variants grouped with their original, per kind of edit.
fn by_edit(edits: &[Edits], found: &[bool]) -> String {
    let kinds: [EditKind; 5] = [
        ("retitled", |e| e.retitled),
        ("trimmed", |e| e.trimmed),
        ("boilerplate", |e| e.boilerplate),
        ("reordered", |e| e.reordered),
        ("words only", |e| {
            !(e.retitled || e.trimmed || e.boilerplate || e.reordered)
        }),
    ];
    kinds
        .iter()
        .map(|(name, has)| {
            let hits: Vec<bool> = edits
                .iter()
                .zip(found)
                .filter(|(e, _)| has(e))
                .map(|(_, f)| *f)
                .collect();
            format!(
                "{name} {}/{}",
                hits.iter().filter(|f| **f).count(),
                hits.len()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every pair of articles of different gold classes with an estimated Jaccard of at least
/// 0.2 (all pairs compared: the ground truth that the banding index approximates), as
/// (jaccard, containment, i, j).
fn between_classes(signatures: &[&[u32]], classes: &[usize]) -> Vec<(f64, f64, usize, usize)> {
    (0..signatures.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            (i + 1..signatures.len()).filter_map(move |j| {
                if classes.get(i) == classes.get(j) {
                    return None;
                }
                let (a, b) = (signatures.get(i)?, signatures.get(j)?);
                let (jac, con) = scores_of(a, b);
                (jac >= 0.2).then_some((jac, con, i, j))
            })
        })
        .collect()
}
