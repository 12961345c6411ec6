//! Linking across languages: a French and an English report of one event (fixtures written
//! for this test) share no stemmed term, and are joined through the bilingual concepts of
//! their titles and leads and their shared actors.

mod common;

use std::collections::HashMap;

use common::fixture;
use storyline_analyze::Analyzer;
use storyline_link::Linker;
use storyline_model::{Analysis, LinkIds};

/// The two reports, the English one without the stems it shares with the French one
/// (place and person names, spelt alike in both): what is left to join them is their
/// entity keys and their bilingual concepts, as for reports whose names are few.
fn reports() -> (Analysis, Analysis) {
    let analyzer = Analyzer::new();
    let fr = fixture(&analyzer, "crosslang_fr.txt", "fr");
    let mut en = fixture(&analyzer, "crosslang_en.txt", "en");
    en.terms
        .retain(|(t, _)| fr.terms.iter().all(|(u, _)| u != t));
    (fr, en)
}

fn link(analyses: &[Analysis]) -> HashMap<String, LinkIds> {
    let mut linker = Linker::new();
    analyses.iter().for_each(|a| linker.add(a));
    linker.finish().assignments.into_iter().collect()
}

#[test]
fn a_french_and_an_english_report_of_one_event_are_one_story() {
    let (fr, en) = reports();
    let keys = |a: &Analysis| a.entities.iter().map(|e| e.key.clone()).collect::<Vec<_>>();
    let ids = link(&[fr.clone(), en.clone()]);
    assert_eq!(
        ids["volcan-fr"].story,
        ids["volcano-en"].story,
        "keys fr {:?} en {:?}",
        keys(&fr),
        keys(&en)
    );
    // Placed at arrival, in either order.
    for (first, second) in [(&fr, &en), (&en, &fr)] {
        let mut linker = Linker::new();
        let a = linker.place(first);
        let b = linker.place(second);
        assert_eq!(a.ids.story, b.ids.story);
    }
}

#[test]
fn another_event_in_the_other_language_stays_apart() {
    let (fr, en) = reports();
    // The English report moved to another day's news: a football match in French the
    // same day shares neither actors nor subject.
    let mut football = fixture(&Analyzer::new(), "football.txt", "fr");
    football.published = en.published.clone();
    let ids = link(&[fr, en, football]);
    assert_ne!(ids["foot-a"].story, ids["volcano-en"].story);
    assert_ne!(ids["foot-a"].story, ids["volcan-fr"].story);
}
