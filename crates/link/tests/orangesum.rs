//! Scale check on OrangeSum (36,152 French articles, 2011-2020; skipped when absent):
//! analyze and link everything, print timings and cluster statistics. Ignored by default
//! because it is a benchmark; run it with
//! `cargo test --release -p storyline-link --test orangesum -- --ignored --nocapture`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use storyline_analyze::Analyzer;
use storyline_link::Linker;
use storyline_model::Article;

use common::{json_article, json_field};

const ORANGESUM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/orangesum-fr/orangesum_articles.jsonl.gz"
);

fn article(line: &str) -> Option<Article> {
    let json: serde_json::Value = serde_json::from_str(line).ok()?;
    let paragraphs = [json_field(&json, "heading"), json_field(&json, "article")]
        .into_iter()
        .flatten()
        .collect();
    Some(json_article(
        &json,
        json.get("id")?.to_string(),
        "fr",
        paragraphs,
    ))
}

#[test]
#[ignore = "benchmark on 36k articles; run with --release --ignored"]
fn orangesum_analyze_and_link() {
    let Ok(file) = std::fs::File::open(ORANGESUM) else {
        println!("skipped: ../shared/data/orangesum-fr absent");
        return;
    };
    assert!(Path::new(ORANGESUM).exists());
    let lines = BufReader::new(flate2::read::GzDecoder::new(file)).lines();
    let articles: Vec<Article> = lines
        .map_while(Result::ok)
        .filter_map(|l| article(&l))
        .collect();
    let analyzer = Analyzer::new();
    let start = Instant::now();
    let analyses: Vec<_> = articles.iter().map(|a| analyzer.analyze(a)).collect();
    let analyzed = start.elapsed();
    let start = Instant::now();
    let mut linker = Linker::new();
    analyses.iter().for_each(|a| linker.add(a));
    let result = linker.finish();
    let linked = start.elapsed();
    let mut story_sizes = vec![0usize; result.stories.len()];
    let mut line_sizes = vec![0usize; result.storylines.len()];
    for (_, ids) in &result.assignments {
        story_sizes[ids.story as usize] += 1;
        line_sizes[ids.storyline as usize] += 1;
    }
    let dups = result
        .assignments
        .iter()
        .filter(|(_, l)| l.duplicate_of.is_some())
        .count();
    let multi = story_sizes.iter().filter(|&&n| n > 1).count();
    println!(
        "OrangeSum: {} articles, analyze {analyzed:?} (1 thread), link {linked:?}",
        articles.len()
    );
    println!(
        "{} stories ({multi} with 2+ articles, largest {}), {} storylines (largest {}), {dups} near-duplicates",
        result.stories.len(),
        story_sizes.iter().max().unwrap_or(&0),
        result.storylines.len(),
        line_sizes.iter().max().unwrap_or(&0)
    );
    let mut big: Vec<(usize, &str)> = result
        .stories
        .iter()
        .map(|s| (story_sizes[s.id as usize], s.label.as_str()))
        .collect();
    big.sort_unstable_by_key(|b| std::cmp::Reverse(b.0));
    println!("largest stories: {:?}", &big[..big.len().min(8)]);
    let mut lines: Vec<(usize, &str)> = result
        .storylines
        .iter()
        .map(|s| (line_sizes[s.id as usize], s.name.as_str()))
        .collect();
    lines.sort_unstable_by_key(|l| std::cmp::Reverse(l.0));
    println!("largest storylines: {:?}", &lines[..lines.len().min(8)]);
    let titles: std::collections::HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_deref().unwrap_or("")))
        .collect();
    for (id, ids) in result
        .assignments
        .iter()
        .filter(|(_, l)| l.duplicate_of.is_some())
        .step_by(400)
    {
        let original = ids.duplicate_of.as_deref().unwrap_or("");
        println!(
            "duplicate: {:?} of {:?}",
            titles.get(id.as_str()),
            titles.get(original)
        );
    }
    assert_eq!(result.assignments.len(), articles.len());
}
