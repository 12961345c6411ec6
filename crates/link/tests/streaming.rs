//! Streaming placement ([`Linker::place`]): ids returned at arrival, a late article placed
//! by its publication date, merges reported, and the stories of a small fixture set the
//! same whatever the arrival order.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::{fixture, fixtures, synthetic, words, EVENT_FIXTURES};
use storyline_analyze::Analyzer;
use storyline_link::{LinkResult, Linker, Placement};
use storyline_model::Analysis;

fn base() -> Analysis {
    fixture(&Analyzer::new(), "football.txt", "fr")
}

/// The linking tests' fixtures and a group of near-duplicates.
fn all_fixtures() -> Vec<Analysis> {
    let duplicates = [
        ("dup_original.txt", "fr"),
        ("dup_other_outlet.txt", "fr"),
        ("dup_copy.txt", "fr"),
        ("dup_update.txt", "fr"),
    ];
    fixtures(EVENT_FIXTURES.iter().chain(&duplicates))
}

/// Places `analyses` one by one; returns the placements and the final result.
fn stream(analyses: &[Analysis]) -> (Vec<Placement>, LinkResult) {
    let mut linker = Linker::new();
    let placed = analyses.iter().map(|a| linker.place(a)).collect();
    (placed, linker.finish())
}

/// The stories of a result as sets of article ids, independent of the ids given.
fn partition(result: &LinkResult) -> BTreeSet<BTreeSet<String>> {
    let mut stories: HashMap<u64, BTreeSet<String>> = HashMap::new();
    for (id, ids) in &result.assignments {
        stories.entry(ids.story).or_default().insert(id.clone());
    }
    stories.into_values().collect()
}

#[test]
fn the_placement_is_returned_at_arrival() {
    let all = all_fixtures();
    let by_id = |id: &str| all.iter().find(|a| a.id == id).cloned();
    let (Some(a), Some(b), Some(foot), Some(orig), Some(copy)) = (
        by_id("moscou-a"),
        by_id("moscou-b"),
        by_id("foot-a"),
        by_id("wire-1"),
        by_id("wire-2"),
    ) else {
        panic!(
            "fixture ids changed: {:?}",
            all.iter().map(|a| &a.id).collect::<Vec<_>>()
        );
    };
    let mut linker = Linker::new();
    let first = linker.place(&a);
    let second = linker.place(&b);
    let other = linker.place(&foot);
    assert_eq!(
        first.ids.story, second.ids.story,
        "one event from two outlets"
    );
    assert_eq!(first.ids.storyline, second.ids.storyline);
    assert_ne!(other.ids.story, first.ids.story);
    let original = linker.place(&orig);
    let copied = linker.place(&copy);
    assert_eq!(original.ids.duplicate_of, None);
    assert_eq!(copied.ids.duplicate_of.as_deref(), Some("wire-1"));
    assert_eq!(copied.ids.story, original.ids.story);
    // The final result keeps these placements.
    let result = linker.finish();
    let ids: HashMap<_, _> = result.assignments.into_iter().collect();
    assert_eq!(ids["moscou-a"].story, ids["moscou-b"].story);
    assert_ne!(ids["moscou-a"].story, ids["foot-a"].story);
    assert_eq!(ids["wire-2"].duplicate_of.as_deref(), Some("wire-1"));
}

#[test]
fn a_late_article_joins_the_story_of_its_date() {
    let base = base();
    let shared = words("q", 10);
    let with = |extra: &str| [shared.clone(), words(extra, 2)].concat();
    // The same words three weeks apart: two events.
    let march = synthetic(&base, "march-1", "2024-03-01", &with("x"));
    let later = synthetic(&base, "march-22", "2024-03-22", &with("y"));
    // Arrives after both, dated the day after the first.
    let late = synthetic(&base, "march-2", "2024-03-02", &with("z"));
    let mut linker = Linker::new();
    let m = linker.place(&march);
    let l = linker.place(&later);
    assert_ne!(m.ids.story, l.ids.story);
    let placed = linker.place(&late);
    assert_eq!(
        placed.ids.story, m.ids.story,
        "joined the newest story instead"
    );
    let ids: HashMap<_, _> = linker.finish().assignments.into_iter().collect();
    assert_eq!(ids["march-2"].story, ids["march-1"].story);
    assert_ne!(ids["march-2"].story, ids["march-22"].story);
}

#[test]
fn a_merge_is_reported_to_the_caller() {
    // A and B share no term; C shares 8 with each (see merging.rs for the arithmetic).
    let base = base();
    let (p, q, r, s) = (words("p", 2), words("q", 8), words("r", 8), words("s", 2));
    let a = synthetic(&base, "a", "2024-03-01", &[p, q.clone()].concat());
    let b = synthetic(&base, "b", "2024-03-01", &[r.clone(), s].concat());
    let c = synthetic(&base, "c", "2024-03-02", &[q, r].concat());
    let mut linker = Linker::new();
    let (pa, pb) = (linker.place(&a), linker.place(&b));
    assert_ne!(pa.ids.story, pb.ids.story);
    let pc = linker.place(&c);
    let mut seen: Vec<u64> = pc.merged.clone();
    seen.push(pc.ids.story);
    seen.sort_unstable();
    let mut expected = vec![pa.ids.story, pb.ids.story];
    expected.sort_unstable();
    assert_eq!(seen, expected, "{pc:?}");
    assert_eq!(linker.finish().stories.len(), 1);
}

#[test]
fn stories_do_not_depend_on_the_arrival_order() {
    let all = all_fixtures();
    let mut batch = Linker::new();
    all.iter().for_each(|a| batch.add(a));
    let expected = partition(&batch.finish());
    let n = all.len();
    let mut orders: Vec<Vec<usize>> = (0..n)
        .step_by(3)
        .map(|k| (0..n).map(|i| (i + k) % n).collect())
        .collect();
    orders.push((0..n).rev().collect());
    for order in orders {
        let shuffled: Vec<Analysis> = order.iter().map(|&i| all[i].clone()).collect();
        let (_, result) = stream(&shuffled);
        assert_eq!(partition(&result), expected, "arrival order {order:?}");
    }
}
