//! Near-duplicate groups on hand-written fixtures: a republished copy with a new headline,
//! a byline, its last two paragraphs cut and a few words edited is a duplicate; an update
//! that reuses the lead, and another outlet's account of the same vote, are not.

mod common;

use std::collections::HashMap;

use common::fixture;
use storyline_analyze::Analyzer;
use storyline_link::{dedup, Linker};
use storyline_model::{Analysis, LinkIds};

fn analyses() -> Vec<Analysis> {
    let analyzer = Analyzer::new();
    [
        "dup_original.txt",
        "dup_copy.txt",
        "dup_update.txt",
        "dup_other_outlet.txt",
    ]
    .iter()
    .map(|name| fixture(&analyzer, name, "fr"))
    .collect()
}

fn link(analyses: &[Analysis]) -> HashMap<String, LinkIds> {
    let mut linker = Linker::new();
    analyses.iter().for_each(|a| linker.add(a));
    linker.finish().assignments.into_iter().collect()
}

fn fingerprint<'a>(analyses: &'a [Analysis], id: &str) -> &'a [u32] {
    analyses
        .iter()
        .find(|a| a.id == id)
        .map_or(&[], |a| a.fingerprint.as_slice())
}

#[test]
fn a_trimmed_edited_copy_with_a_byline_joins_its_original() {
    let ids = link(&analyses());
    assert_eq!(ids["eau-1"].duplicate_of, None);
    assert_eq!(ids["eau-2"].duplicate_of.as_deref(), Some("eau-1"));
}

#[test]
fn the_cut_lowers_jaccard_but_not_containment() {
    let all = analyses();
    let (original, copy) = (fingerprint(&all, "eau-1"), fingerprint(&all, "eau-2"));
    let (j, c) = (
        dedup::jaccard(original, copy),
        dedup::containment(original, copy),
    );
    println!("copy vs original: jaccard {j:.2}, containment {c:.2}");
    // A third of the text is gone: the sets differ, yet the copy lies inside the original.
    assert!(j < 0.75, "jaccard {j}");
    assert!(c >= dedup::MIN_CONTAINMENT, "containment {c}");
}

#[test]
fn an_update_reusing_the_lead_and_another_outlet_are_not_duplicates() {
    let ids = link(&analyses());
    assert_eq!(ids["eau-3"].duplicate_of, None);
    assert_eq!(ids["eau-4"].duplicate_of, None);
    let all = analyses();
    for other in ["eau-3", "eau-4"] {
        let c = dedup::containment(fingerprint(&all, "eau-1"), fingerprint(&all, other));
        println!("{other} vs original: containment {c:.2}");
        assert!(!dedup::is_duplicate(
            fingerprint(&all, "eau-1"),
            fingerprint(&all, other)
        ));
    }
}
