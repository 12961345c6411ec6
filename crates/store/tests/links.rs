//! Link results and the story views over them.

mod common;

use common::{analysis, article, january_visit, october_visit, paris_summit};
use storyline_link::{LinkResult, StoryInfo, StorylineInfo};
use storyline_model::LinkIds;
use storyline_store::{Store, StoreError, StoryFilter};

fn ids(story: u64, storyline: u64, dup: Option<&str>) -> LinkIds {
    LinkIds {
        duplicate_of: dup.map(str::to_string),
        story,
        storyline,
    }
}

/// Two Moscow stories in one storyline, the Paris one alone, and a near-duplicate of the
/// October article from another outlet.
fn linked_store() -> Result<Store, StoreError> {
    let mut store = Store::open_in_memory()?;
    let echo = article(
        "oct-echo",
        "Al Mayadeen",
        "Le Hamas à Moscou",
        Some("2023-10-27"),
        &["Reprise de la dépêche sur la délégation du Hamas à Moscou."],
    );
    let echo_an = analysis(
        &echo,
        &[("org:hamas", "Hamas", storyline_model::EntityType::ORG)],
        &[("hamas", 1)],
    );
    store.insert_batch(&[
        october_visit(),
        january_visit(),
        paris_summit(),
        (echo, echo_an),
    ])?;
    store.save_links(&LinkResult {
        assignments: vec![
            ("oct-visit".into(), ids(1, 10, Some("oct-visit"))),
            ("oct-echo".into(), ids(1, 10, Some("oct-visit"))),
            ("jan-visit".into(), ids(2, 10, None)),
            ("paris-summit".into(), ids(3, 20, None)),
        ],
        stories: vec![
            StoryInfo {
                id: 1,
                storyline: 10,
                label: "Hamas, Moscou (oct.)".into(),
            },
            StoryInfo {
                id: 2,
                storyline: 10,
                label: "Hamas, Moscou (janv.)".into(),
            },
            StoryInfo {
                id: 3,
                storyline: 20,
                label: "Aid, Paris".into(),
            },
        ],
        storylines: vec![
            StorylineInfo {
                id: 10,
                name: "Hamas in Moscow".into(),
            },
            StorylineInfo {
                id: 20,
                name: "Aid for Gaza".into(),
            },
        ],
    })?;
    Ok(store)
}

fn story_ids(store: &Store, filter: StoryFilter) -> Result<Vec<u64>, StoreError> {
    Ok(store.stories(&filter)?.iter().map(|s| s.id).collect())
}

#[test]
fn stories_come_newest_first_and_filter() -> Result<(), StoreError> {
    let store = linked_store()?;
    assert_eq!(story_ids(&store, StoryFilter::default())?, [2, 3, 1]);
    let since = |d: &str| StoryFilter {
        since: Some(d.into()),
        ..Default::default()
    };
    assert_eq!(story_ids(&store, since("2023-11-01"))?, [2, 3]);
    assert_eq!(story_ids(&store, since("2024-01"))?, [2]);
    let lang = |l: &str| StoryFilter {
        lang: Some(l.into()),
        ..Default::default()
    };
    assert_eq!(story_ids(&store, lang("EN"))?, [3]);
    assert_eq!(story_ids(&store, lang("fr"))?, [2, 1]);
    let outlet = |o: &str| StoryFilter {
        outlet: Some(o.into()),
        ..Default::default()
    };
    assert_eq!(story_ids(&store, outlet("al mayadeen"))?, [1]);
    assert_eq!(story_ids(&store, outlet("Nobody"))?, Vec::<u64>::new());
    let entity = |e: &str| StoryFilter {
        entity: Some(e.into()),
        ..Default::default()
    };
    assert_eq!(story_ids(&store, entity("per:bogdanov"))?, [2]);
    assert_eq!(story_ids(&store, entity("moscou"))?, [2, 1]);
    assert_eq!(story_ids(&store, entity("élysée"))?, [3]);
    assert_eq!(story_ids(&store, entity("LOC:GAZA"))?, [3, 1]);
    let both = StoryFilter {
        entity: Some("org:hamas".into()),
        since: Some("2024-01-01".into()),
        ..Default::default()
    };
    assert_eq!(story_ids(&store, both)?, [2]);
    let limited = StoryFilter {
        limit: Some(2),
        ..Default::default()
    };
    assert_eq!(story_ids(&store, limited)?, [2, 3]);
    Ok(())
}

#[test]
fn a_story_lists_its_articles_dates_and_outlets() -> Result<(), StoreError> {
    let store = linked_store()?;
    let Some(s) = store.story(1)? else {
        panic!("story 1 was saved");
    };
    assert_eq!(s.label, "Hamas, Moscou (oct.)");
    assert_eq!(
        (s.storyline, s.storyline_name.as_str()),
        (10, "Hamas in Moscow")
    );
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some("2023-10-26"), Some("2023-10-27"))
    );
    assert_eq!(s.outlets, ["Al Manar", "Al Mayadeen"]);
    let rows: Vec<(&str, Option<&str>)> = s
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.duplicate_of.as_deref()))
        .collect();
    // The group's first article is not marked as a duplicate of itself.
    assert_eq!(rows, [("oct-visit", None), ("oct-echo", Some("oct-visit"))]);
    assert_eq!(s.articles[0].precision, "day");
    assert_eq!(s.articles[0].lang, "fr");
    assert_eq!(store.story(99)?, None);
    Ok(())
}

#[test]
fn storylines_list_their_stories() -> Result<(), StoreError> {
    let store = linked_store()?;
    let lines: Vec<(u64, String, Vec<u64>)> = store
        .storylines()?
        .into_iter()
        .map(|(l, s)| (l.id, l.name, s))
        .collect();
    assert_eq!(
        lines,
        [
            (10, "Hamas in Moscow".to_string(), vec![1, 2]),
            (20, "Aid for Gaza".to_string(), vec![3]),
        ]
    );
    Ok(())
}

#[test]
fn saving_links_replaces_them_and_refuses_unknown_articles() -> Result<(), StoreError> {
    let mut store = linked_store()?;
    let unknown = LinkResult {
        assignments: vec![("ghost".into(), ids(5, 50, None))],
        stories: vec![StoryInfo {
            id: 5,
            storyline: 50,
            label: "ghost".into(),
        }],
        storylines: vec![StorylineInfo {
            id: 50,
            name: "ghost".into(),
        }],
    };
    let err = store
        .save_links(&unknown)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("ghost") && err.contains(":memory:"), "{err}");
    // The refused result left the previous links in place.
    assert_eq!(story_ids(&store, StoryFilter::default())?, [2, 3, 1]);

    store.save_links(&LinkResult {
        assignments: vec![("jan-visit".into(), ids(7, 70, None))],
        stories: vec![StoryInfo {
            id: 7,
            storyline: 70,
            label: "janvier".into(),
        }],
        storylines: vec![StorylineInfo {
            id: 70,
            name: "Moscou".into(),
        }],
    })?;
    assert_eq!(story_ids(&store, StoryFilter::default())?, [7]);
    assert_eq!(store.story(1)?, None);
    assert_eq!(store.storylines()?.len(), 1);
    Ok(())
}
