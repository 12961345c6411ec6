//! Story merges, late arrivals and the time limit of an event, on synthetic analyses whose
//! terms are chosen so that the expected scores can be computed by hand.

mod common;

use std::collections::HashMap;

use common::{fixture, synthetic, words};
use storyline_analyze::Analyzer;
use storyline_link::calibration;
use storyline_link::Linker;
use storyline_model::{Analysis, LinkIds};

fn base() -> Analysis {
    fixture(&Analyzer::new(), "football.txt", "fr")
}

fn link(analyses: &[Analysis]) -> HashMap<String, LinkIds> {
    let mut linker = Linker::new();
    analyses.iter().for_each(|a| linker.add(a));
    linker.finish().assignments.into_iter().collect()
}

/// Reports A and B share no term; C, the day after, shares 8 terms with each. With unit
/// term weights (idf is flat on three articles), C against A scores 8/√(10·16) ≈ 0.63, and
/// the story A+C against B ≈ 0.35, both above the calibrated threshold, while A against B
/// scores 0.
fn triangle() -> [Analysis; 3] {
    let base = base();
    let (p, q, r, s) = (words("p", 2), words("q", 8), words("r", 8), words("s", 2));
    let a = synthetic(&base, "a", "2024-03-01", &[p, q.clone()].concat());
    let b = synthetic(&base, "b", "2024-03-01", &[r.clone(), s].concat());
    let c = synthetic(&base, "c", "2024-03-02", &[q, r].concat());
    [a, b, c]
}

#[test]
fn the_calibrated_threshold_is_below_the_bridged_score() {
    // The arithmetic of `triangle` holds only if the threshold lets the bridge through.
    assert!(calibration::events().join_threshold < 0.35);
}

#[test]
fn two_stories_merge_when_a_bridging_article_arrives_last() {
    let [a, b, c] = triangle();
    let before = link(&[a.clone(), b.clone()]);
    assert_ne!(
        before["a"].story, before["b"].story,
        "A and B alone are two events"
    );
    let after = link(&[a, b, c]);
    assert_eq!(after["a"].story, after["c"].story);
    assert_eq!(after["b"].story, after["c"].story);
}

#[test]
fn an_article_added_late_is_placed_by_its_date() {
    // The bridge is added first but dated last: the result is the same as in date order.
    let [a, b, c] = triangle();
    let ids = link(&[c, b, a]);
    assert_eq!(ids["a"].story, ids["b"].story);
    assert_eq!(ids["a"].story, ids["c"].story);
}

#[test]
fn merged_stories_are_numbered_densely() {
    let [a, b, c] = triangle();
    let mut linker = Linker::new();
    [a, b, c].iter().for_each(|x| linker.add(x));
    let result = linker.finish();
    assert_eq!(result.stories.len(), 1, "{:?}", result.stories);
    assert!(result.assignments.iter().all(|(_, l)| l.story == 0));
}

#[test]
fn the_same_words_three_weeks_apart_are_two_events() {
    let base = base();
    let same = words("t", 12);
    let first = synthetic(&base, "first", "2024-03-01", &same);
    let later = synthetic(&base, "later", "2024-03-22", &same);
    let ids = link(&[first, later]);
    assert_ne!(ids["first"].story, ids["later"].story);
    assert_eq!(ids["first"].storyline, ids["later"].storyline);
}
