//! Inserting: round trips, duplicates, rollback of a failing batch, streaming order.

mod common;

use common::{analysis, article, january_visit, october_visit, paris_summit};
use storyline_store::{Inserted, Store, StoreError};

#[test]
fn get_returns_exactly_what_was_inserted() -> Result<(), StoreError> {
    let mut store = Store::open_in_memory()?;
    let oct = october_visit();
    let jan = january_visit();
    let res = store.insert_batch(&[oct.clone(), jan.clone()])?;
    assert_eq!(res, vec![Inserted::New, Inserted::New]);
    assert_eq!(store.count_articles()?, 2);
    assert_eq!(store.get("oct-visit")?, Some(oct));
    assert_eq!(store.get("jan-visit")?, Some(jan));
    assert_eq!(store.get("nowhere")?, None);
    Ok(())
}

#[test]
fn awkward_paragraphs_survive_the_round_trip() -> Result<(), StoreError> {
    let mut store = Store::open_in_memory()?;
    let a = article(
        "odd",
        "X",
        "Odd",
        None,
        &["first\n", "", "third\n\nstill third"],
    );
    let an = analysis(&a, &[], &[]);
    store.insert_batch(&[(a.clone(), an)])?;
    let back = store.get("odd")?.map(|(a, _)| a);
    assert_eq!(back, Some(a));
    Ok(())
}

#[test]
fn the_same_content_is_never_stored_twice() -> Result<(), StoreError> {
    let mut store = Store::open_in_memory()?;
    let oct = october_visit();
    store.insert_batch(&[oct.clone(), january_visit()])?;

    // Same ids again.
    let again = store.insert_batch(&[oct.clone(), january_visit()])?;
    let dup = |id: &str| Inserted::Duplicate {
        existing_id: id.to_string(),
    };
    assert_eq!(again, vec![dup("oct-visit"), dup("jan-visit")]);

    // Same title and text under a new id, with different line wrapping.
    let (mut copy, _) = october_visit();
    copy.id = "oct-visit-mirror".into();
    copy.paragraphs = copy
        .paragraphs
        .iter()
        .map(|p| p.replace(' ', "\n "))
        .collect();
    let mut copy_an = analysis(&copy, &[], &[]);
    copy_an.id = copy.id.clone();
    // And a copy of the new article inside the same batch.
    let (summit, summit_an) = paris_summit();
    let mut summit2 = summit.clone();
    summit2.id = "paris-summit-2".into();
    let mut summit2_an = summit_an.clone();
    summit2_an.id = summit2.id.clone();
    let res = store.insert_batch(&[(copy, copy_an), (summit, summit_an), (summit2, summit2_an)])?;
    assert_eq!(
        res,
        vec![dup("oct-visit"), Inserted::New, dup("paris-summit")]
    );

    // Same id, new content: nothing is overwritten.
    let (mut changed, mut changed_an) = october_visit();
    changed.title = Some("Un autre titre".into());
    changed_an.title = changed.title.clone();
    assert_eq!(
        store.insert_batch(&[(changed, changed_an)])?,
        vec![dup("oct-visit")]
    );
    assert_eq!(store.get("oct-visit")?, Some(oct));
    assert_eq!(store.count_articles()?, 3);
    Ok(())
}

#[test]
fn a_failing_batch_rolls_back_only_itself() -> Result<(), StoreError> {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&[october_visit()])?;
    let (jan, _) = january_visit();
    let (_, wrong_analysis) = paris_summit();
    let err = store
        .insert_batch(&[paris_summit(), (jan, wrong_analysis)])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains(":memory:"), "{err}");
    assert!(
        err.contains("jan-visit") && err.contains("paris-summit"),
        "{err}"
    );
    assert_eq!(store.count_articles()?, 1);
    assert_eq!(store.get("paris-summit")?, None);
    assert!(store.get("oct-visit")?.is_some());
    // The store is still usable after the rollback.
    assert_eq!(store.insert_batch(&[paris_summit()])?, vec![Inserted::New]);
    Ok(())
}

#[test]
fn analyses_stream_by_date_with_undated_last() -> Result<(), StoreError> {
    let mut store = Store::open_in_memory()?;
    let dated = |id: &str, date: Option<&str>| {
        let a = article(id, "X", id, date, &[&format!("Texte propre à {id}.")]);
        let an = analysis(&a, &[], &[]);
        (a, an)
    };
    store.insert_batch(&[
        dated("z-undated", None),
        dated("c", Some("2024-01-19")),
        dated("a-undated", None),
        dated("b", Some("2023-10-26")),
        dated("d", Some("2023-10")),
        dated("a", Some("2024-01-19")),
    ])?;
    let mut seen = Vec::new();
    store.for_each_analysis(|an| {
        seen.push(an.id);
        Ok(())
    })?;
    assert_eq!(seen, ["d", "b", "a", "c", "a-undated", "z-undated"]);

    // An error from the callback stops the walk and comes back as is.
    let mut calls = 0;
    let res = store.for_each_analysis(|_| {
        calls += 1;
        Err(StoreError::Input {
            path: "caller".into(),
            reason: "stop".into(),
        })
    });
    assert!(matches!(res, Err(StoreError::Input { .. })));
    assert_eq!(calls, 1);
    Ok(())
}
