//! Per-stage throughput of the analyzer on the first N OrangeSum articles, on one thread:
//! where the time goes, measured before optimizing.
//!
//! `cargo run --release -p storyline-analyze --example stages [N]` (default 5000).
//! Needs ../shared/data/orangesum-fr; says so and exits when it is absent.

use std::io::{BufRead, BufReader};
use std::time::Instant;

use storyline_analyze::entities::{Recognizer, RuleRecognizer};
use storyline_analyze::{figures, fingerprint, framing, quotes, terms, text::Doc, times};
use storyline_model::{Article, Published};

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/orangesum-fr/orangesum_articles.jsonl.gz"
);

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5000);
    let Ok(file) = std::fs::File::open(DATA) else {
        println!("skipped: {DATA} absent");
        return;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let texts: Vec<String> = reader
        .lines()
        .map_while(Result::ok)
        .take(n)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .map(|v| {
            format!(
                "{}\n\n{}",
                v["heading"].as_str().unwrap_or(""),
                v["article"].as_str().unwrap_or("")
            )
        })
        .collect();
    let published = Published {
        value: Some("2020-06-05".into()),
        precision: storyline_model::Precision::Day,
        from: "bench".into(),
    };
    let (recognizer, time_rules, figure_rules) = (
        RuleRecognizer::bundled(),
        times::TimeRules::bundled(),
        figures::FigureRules::bundled(),
    );
    let (quote_rules, lexicon, term_rules) = (
        quotes::QuoteRules::bundled(),
        framing::FramingLexicon::bundled(),
        terms::TermRules::bundled(),
    );
    println!(
        "{} articles, {:.1} MB, one thread",
        texts.len(),
        texts.iter().map(String::len).sum::<usize>() as f64 / 1e6
    );
    let docs: Vec<Doc> = stage("tokenize+sentences", texts.len(), || {
        texts.iter().map(|t| Doc::new(t)).collect()
    });
    let ents: Vec<_> = stage("entities", docs.len(), || {
        docs.iter().map(|d| recognizer.recognize(d, "fr")).collect()
    });
    let tms: Vec<_> = stage("times", docs.len(), || {
        docs.iter()
            .map(|d| time_rules.find(d, "fr", &published))
            .collect()
    });
    stage("figures", docs.len(), || {
        docs.iter()
            .zip(&tms)
            .zip(&ents)
            .map(|((d, t), e)| figure_rules.find(d, "fr", t, e).len())
            .sum::<usize>()
    });
    let qs: Vec<_> = stage("quotes", docs.len(), || {
        docs.iter()
            .zip(&ents)
            .map(|(d, e)| quote_rules.find(d, "fr", e))
            .collect()
    });
    stage("framing", docs.len(), || {
        docs.iter()
            .zip(&qs)
            .zip(&ents)
            .map(|((d, q), e)| lexicon.find(d, "fr", q, e).len())
            .sum::<usize>()
    });
    stage("terms", docs.len(), || {
        docs.iter()
            .map(|d| term_rules.count(d, None, "fr").len())
            .sum::<usize>()
    });
    stage("fingerprint", docs.len(), || {
        docs.iter()
            .map(|d| fingerprint::minhash(d).len())
            .sum::<usize>()
    });
    // The whole analyzer, with the hooks between stages (figures quoted, dated figures), once
    // with the language given and once detected, as the bench corpus has none.
    let analyzer = storyline_analyze::Analyzer::new();
    for (name, lang) in [
        ("analyze (lang fr)", Some("fr")),
        ("analyze (detect)", None),
    ] {
        let articles: Vec<Article> = texts
            .iter()
            .map(|t| Article {
                lang: lang.map(str::to_string),
                published: published.clone(),
                paragraphs: vec![t.clone()],
                ..Default::default()
            })
            .collect();
        stage(name, articles.len(), || {
            articles
                .iter()
                .map(|a| analyzer.analyze(a).figures.len())
                .sum::<usize>()
        });
    }
}

/// Runs `f` and prints its rate in articles per second.
fn stage<T>(name: &str, articles: usize, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name:<20} {:>8.0} articles/s  ({secs:.2} s)",
        articles as f64 / secs
    );
    out
}
