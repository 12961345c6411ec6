//! Full-text search over stems.

mod common;

use common::{january_visit, october_visit, paris_summit};
use storyline_store::{Store, StoreError};

fn stems(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn searched() -> Result<Store, StoreError> {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&[october_visit(), january_visit(), paris_summit()])?;
    Ok(store)
}

#[test]
fn a_stem_finds_the_articles_that_have_it() -> Result<(), StoreError> {
    let store = searched()?;
    let hits = store.search(&stems(&["délégat"]), 10)?;
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.id, "oct-visit");
    assert_eq!(hit.outlet.as_deref(), Some("Al Manar"));
    assert_eq!(hit.published.as_deref(), Some("2023-10-26"));
    assert!(
        hit.snippet.starts_with("Une délégation du Hamas conduite"),
        "{}",
        hit.snippet
    );
    assert!(
        hit.snippet.ends_with("Moscou."),
        "snippet is the first sentence: {}",
        hit.snippet
    );
    assert!(hit.score > 0.0);
    Ok(())
}

#[test]
fn articles_with_more_of_the_terms_rank_first() -> Result<(), StoreError> {
    let store = searched()?;
    // Both Moscow articles have "hamas" and "moscou"; only January has "otag".
    let hits = store.search(&stems(&["hamas", "otag"]), 10)?;
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["jan-visit", "oct-visit"]);
    assert!(hits[0].score > hits[1].score);
    assert_eq!(store.search(&stems(&["hamas", "otag"]), 1)?.len(), 1);
    Ok(())
}

#[test]
fn queries_without_matches_or_words_are_empty_not_errors() -> Result<(), StoreError> {
    let store = searched()?;
    assert!(store.search(&stems(&["introuvabl"]), 10)?.is_empty());
    assert!(store.search(&[], 10)?.is_empty());
    assert!(store
        .search(&stems(&["\"", "OR", "NEAR(", "*"]), 10)?
        .is_empty());
    Ok(())
}
