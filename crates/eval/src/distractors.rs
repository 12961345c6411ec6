//! BASIL with distractors: the 300 BASIL articles linked together with the first 10,000
//! OrangeSum articles, scored on the BASIL articles only. The BASIL-only scores say whether
//! the linker finds the events; these say whether it still does in a real stream, and
//! whether unrelated articles leak into the events' stories.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use storyline_analyze::Analyzer;

use crate::{clustering, linking, stream, Report};

/// How many OrangeSum articles are mixed in (the first ones of the file).
pub const DISTRACTORS: usize = 10_000;

/// Streams BASIL and the distractors through the pipeline and scores the BASIL stories.
pub fn basil(data: &Path, analyzer: &Analyzer, report: &mut Report) {
    score(
        data,
        analyzer,
        report,
        DISTRACTORS,
        "link.basil_distractors",
    );
}

/// Streams BASIL with the first `distractors` OrangeSum articles (none: BASIL alone) and
/// scores the BASIL stories under the metric names `prefix.*`.
pub fn score(
    data: &Path,
    analyzer: &Analyzer,
    report: &mut Report,
    distractors: usize,
    prefix: &str,
) {
    let dir = data.join("basil-media-bias/articles");
    let orangesum = data.join(stream::ORANGESUM);
    let needed: &[&Path] = if distractors > 0 {
        &[&dir, &orangesum]
    } else {
        &[&dir]
    };
    if !report.has_data(prefix, needed) {
        return;
    }
    let started = Instant::now();
    // Keyed by file, not by uuid: four BASIL articles share the uuid `empty`.
    let gold: HashMap<String, String> = match linking::gold_articles(&dir) {
        Ok(gold) => gold.into_iter().map(|g| (g.origin, g.event)).collect(),
        Err(e) => {
            report.skipped.push(format!("{prefix}: {e}"));
            return;
        }
    };
    let mut read = stream::read_articles(&dir, 0, usize::MAX);
    let mixed = stream::read_articles(&orangesum, 0, distractors);
    let n_distractors = mixed.articles.len();
    read.articles.extend(mixed.articles);
    read.failed += mixed.failed;
    let result = stream::link(&read.articles, analyzer, |_| {});
    if result.assignments.len() != read.articles.len() {
        report.skipped.push(format!(
            "{prefix}: the linker placed {} of {} articles",
            result.assignments.len(),
            read.articles.len()
        ));
        return;
    }
    // The event of each article (None for a distractor), with its story.
    let placed: Vec<(Option<&str>, u64)> = read
        .articles
        .iter()
        .zip(&result.assignments)
        .map(|(a, (_, link))| (gold.get(&a.origin).map(String::as_str), link.story))
        .collect();
    let (items, merged) = basil_items(&placed);
    let n = items.len();
    let pairwise = clustering::pairwise(&items);
    let bcubed = clustering::bcubed(&items);
    let detail = format!(
        "{n} BASIL articles scored, linked with {n_distractors} OrangeSum distractors; {} stories",
        result.stories.len()
    );
    let name = |m: &str| format!("{prefix}.{m}");
    for (metric, value) in [
        ("bcubed_precision", bcubed.precision),
        ("bcubed_recall", bcubed.recall),
        ("bcubed_f1", bcubed.f1),
        ("pairwise_precision", pairwise.precision),
        ("pairwise_recall", pairwise.recall),
        ("pairwise_f1", pairwise.f1),
    ] {
        report.push("link", &name(metric), value, detail.clone());
    }
    if distractors > 0 {
        report.push(
        "link",
        &name("free_of_distractors"),
        1.0 - merged as f64 / n.max(1) as f64,
        format!("share of the {n} BASIL articles whose story holds no distractor ({merged} do); target 1"),
    );
    }
    if read.failed > 0 {
        report
            .notes
            .push(format!("{prefix}: {} inputs failed to read", read.failed));
    }
    report.notes.push(format!(
        "{prefix}: read, analyzed and linked {} articles in {:.2} s",
        result.assignments.len(),
        started.elapsed().as_secs_f64()
    ));
}

/// The (story, event) of each BASIL article, for the clustering scores, and how many BASIL
/// articles share their story with a distractor. `placed` holds every article's event
/// (None for a distractor) and story.
fn basil_items<'a>(placed: &[(Option<&'a str>, u64)]) -> (Vec<(u64, &'a str)>, usize) {
    let polluted: HashSet<u64> = placed
        .iter()
        .filter(|(event, _)| event.is_none())
        .map(|(_, story)| *story)
        .collect();
    let items: Vec<(u64, &str)> = placed
        .iter()
        .filter_map(|(event, story)| event.map(|e| (*story, e)))
        .collect();
    let merged = items.iter().filter(|(s, _)| polluted.contains(s)).count();
    (items, merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basil_articles_in_a_story_with_a_distractor_are_counted() {
        // Story 1: two BASIL articles of event e1 and a distractor; story 2: BASIL only;
        // story 3: distractors only.
        let placed = [
            (Some("e1"), 1),
            (Some("e1"), 1),
            (None, 1),
            (Some("e2"), 2),
            (None, 3),
            (None, 3),
        ];
        let (items, merged) = basil_items(&placed);
        assert_eq!(items, vec![(1, "e1"), (1, "e1"), (2, "e2")]);
        assert_eq!(merged, 2);
    }
}
