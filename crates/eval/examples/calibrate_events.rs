//! Calibration of the story clustering (`storyline_link::stories`) on data that no scorer
//! evaluates: the original, same-language English and French pairs of SemEval-2022 Task 8
//! training_set.csv, leaving out any pair whose stories testing_set.csv (scored by
//! `link.semeval`) also holds, under its own id or a machine-translated twin's. BASIL, the held-out measure of the stories, is never read.
//!
//! A pair is one event when its annotators' mean `Overall` is at most 1.5 (1 = very
//! similar, 4 = very dissimilar): on that scale, two reports of one event score 1, and a
//! pair that shares the subject but not the event scores 2 or more. Every text is analyzed
//! and added to one linker corpus (so that the idf weights are the linker's); each pair is
//! scored as the linker scores an article against a one-article story, in both directions
//! (the mean), with no time gap, as the set gives no dates. The threshold that maximizes
//! the F1 of "same event" is printed as the content of `data/link/events.toml`, and the
//! precision, recall and F1 at other thresholds on stderr.
//!
//! Run: `cargo run --release -p storyline-eval --example calibrate_events [DATA_DIR] > data/link/events.toml`

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;
use storyline_analyze::Analyzer;
use storyline_eval::semeval::{article, is_original, pair_key, read_rows, Row};
use storyline_link::corpus::Corpus;
use storyline_link::stories::Story;

/// Languages calibrated on: the two first-class languages of the project.
const LANGUAGES: &[&str] = &["en", "fr"];
/// Largest mean `Overall` of a same-event pair.
const SAME_EVENT: f64 = 1.5;

fn main() {
    let data = std::env::args().nth(1).map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")),
        PathBuf::from,
    );
    let dir = data.join("semeval2022-task8-hfl-sample");
    let (train, test) = match (
        read_rows(&dir.join("training_set.csv")),
        read_rows(&dir.join("testing_set.csv")),
    ) {
        (Ok(train), Ok(test)) => (train, test),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("skipped: {e}");
            return;
        }
    };
    // A held-out pair is left out with its machine-translated twins (same stories).
    let held_out: HashSet<String> = test.iter().map(|r| pair_key(&r.pair_id)).collect();
    let pairs: Vec<&Row> = train
        .iter()
        .filter(|r| is_original(&r.pair_id) && !held_out.contains(&pair_key(&r.pair_id)))
        .filter(|r| r.lang1 == r.lang2 && LANGUAGES.contains(&r.lang1.as_str()))
        .collect();
    let analyzer = Analyzer::new();
    let analyses: Vec<_> = pairs
        .par_iter()
        .flat_map(|r| {
            [
                article(&r.pair_id, 1, &r.lang1, &r.text1),
                article(&r.pair_id, 2, &r.lang2, &r.text2),
            ]
        })
        .map(|a| analyzer.analyze(&a))
        .collect();
    let mut corpus = Corpus::default();
    analyses.iter().for_each(|a| corpus.add(a));
    let scored: Vec<(f64, bool)> = pairs
        .iter()
        .enumerate()
        .map(|(k, r)| {
            (
                pair_score(&corpus, 2 * k, 2 * k + 1),
                r.overall <= SAME_EVENT,
            )
        })
        .collect();
    let positives = scored.iter().filter(|(_, same)| *same).count();
    // The curve goes to stderr, so that the file on stdout stays the data file.
    for t in (10..=50).step_by(5).map(|t| f64::from(t) / 100.0) {
        let (p, r, f) = f1_at(&scored, t);
        eprintln!("threshold {t:.2}: precision {p:.3} recall {r:.3} F1 {f:.3}");
    }
    let (threshold, best) = (5..=80)
        .map(|t| f64::from(t) / 100.0)
        .map(|t| (t, f1_at(&scored, t)))
        .fold((0.0, (0.0, 0.0, 0.0)), |acc, x| {
            if x.1 .2 > acc.1 .2 {
                x
            } else {
                acc
            }
        });
    println!("# Story (event) decisions of the linker, read by crates/link/src/calibration.rs.");
    println!("# Written by: cargo run --release -p storyline-eval --example calibrate_events");
    println!("# Do not edit by hand; do not fit on BASIL (the held-out measure of the stories).");
    println!("join_threshold = {threshold:.2}");
    println!();
    println!("[provenance]");
    println!("data = \"semeval2022-task8-hfl-sample/training_set.csv\"");
    println!(
        "pairs = \"original {} pairs, minus those in testing_set.csv\"",
        LANGUAGES.join("/")
    );
    println!("label = \"same event when the mean Overall is <= {SAME_EVENT}\"");
    println!("score = \"linker score of an article against a one-article story, mean of both directions, no time gap\"");
    println!("choice = \"threshold (0.05 to 0.80, step 0.01) with the best F1 of same event\"");
    println!("count = {}", scored.len());
    println!("same_event = {positives}");
    println!("precision = {:.3}", best.0);
    println!("recall = {:.3}", best.1);
    println!("f1 = {:.3}", best.2);
}

/// The linker's score between items `a` and `b`: each against a story made of the other.
fn pair_score(corpus: &Corpus, a: usize, b: usize) -> f64 {
    let one_way = |x: usize, y: usize| {
        let mut story = Story::default();
        story.add(y, None, &corpus.term_vector(y), &corpus.key_vector(y));
        story.score(&corpus.term_vector(x), &corpus.key_vector(x), Some(0))
    };
    (one_way(a, b) + one_way(b, a)) / 2.0
}

/// Precision, recall and F1 of "same event" when pairs scoring at least `t` are predicted so.
fn f1_at(scored: &[(f64, bool)], t: f64) -> (f64, f64, f64) {
    let tp = scored.iter().filter(|(s, same)| *s >= t && *same).count() as f64;
    let predicted = scored.iter().filter(|(s, _)| *s >= t).count() as f64;
    let gold = scored.iter().filter(|(_, same)| *same).count() as f64;
    let (p, r) = (tp / predicted.max(1.0), tp / gold.max(1.0));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}
