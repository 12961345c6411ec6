//! Acceptance of issue 2 on the two archetype articles (../shared/seeds), through the real
//! binary: `storyline analyze --json` and `storyline compare --json`.
//! Skipped, with a message, when ../shared/seeds is absent (a user's fresh clone).

mod common;

use std::path::Path;

use serde_json::Value;

use common::json;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");
const FIRST: &str = "000_bee2e0c6c9ed2ed4.txt";
const SECOND: &str = "003_416032a989ebdd06.txt";

fn seeds() -> Option<(String, String)> {
    let dir = Path::new(SEEDS);
    if !dir.join(FIRST).exists() || !dir.join(SECOND).exists() {
        println!("skipped: ../shared/seeds absent");
        return None;
    }
    Some((
        dir.join(FIRST).display().to_string(),
        dir.join(SECOND).display().to_string(),
    ))
}

fn keys_of(analysis: &Value) -> Vec<String> {
    analysis["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["key"].as_str().map(String::from))
        .collect()
}

/// The figure of `analysis` with this value.
fn figure(analysis: &Value, value: f64) -> Value {
    let figures = analysis["figures"].as_array().cloned().unwrap_or_default();
    figures
        .into_iter()
        .find(|f| f["value"].as_f64() == Some(value))
        .unwrap_or_else(|| panic!("no figure {value}"))
}

#[test]
fn each_seed_is_analyzed_as_the_issue_requires() {
    let Some((first, second)) = seeds() else {
        return;
    };
    let a = json(["analyze", &first, "--json"]);
    let b = json(["analyze", &second, "--json"]);

    assert_eq!(
        (a["lang"].as_str(), b["lang"].as_str()),
        (Some("fr"), Some("fr"))
    );
    assert_eq!(a["published"]["value"], "2023-10");
    assert_eq!(a["published"]["precision"], "month");
    assert_eq!(b["published"]["precision"], "unknown");
    assert_eq!(b["dateline"], "Moscou");

    // Shared actors, and one key for every mention of Abou Marzouk within each article.
    for key in [
        "org:hamas",
        "per:abu-marzouk",
        "per:bogdanov",
        "loc:moscow",
        "loc:gaza",
        "loc:israel",
    ] {
        assert!(
            keys_of(&a).contains(&key.to_string()),
            "first seed lacks {key}"
        );
        assert!(
            keys_of(&b).contains(&key.to_string()),
            "second seed lacks {key}"
        );
    }
    let marzouk = a["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["key"] == "per:abu-marzouk")
        .cloned();
    let mentions = marzouk
        .and_then(|e| e["spans"].as_array().map(Vec::len))
        .unwrap_or(0);
    assert!(
        mentions >= 3,
        "Moussa Abou Marzouk, Abou Marzouk and M.Abou Marzouk share one key ({mentions} spans)"
    );

    // The first seed's figures.
    let gaza = figure(&a, 7028.0);
    assert_eq!(
        (gaza["what"].as_str(), gaza["qualifier"].as_str()),
        (Some("killed"), Some("more_than"))
    );
    assert_eq!(gaza["source_key"], "org:gaza-health-ministry");
    assert!(gaza["source"]
        .as_str()
        .is_some_and(|s| s.contains("ministère palestinien de la Santé")));
    let children = figure(&a, 2913.0);
    let gaza_index = a["figures"]
        .as_array()
        .and_then(|f| f.iter().position(|x| x["value"] == 7028.0));
    assert_eq!(
        children["part_of"].as_u64(),
        gaza_index.map(|i| i as u64),
        "2 913 enfants is part of 7 028"
    );
    let injured = figure(&a, 18000.0);
    assert_eq!(
        (injured["what"].as_str(), injured["qualifier"].as_str()),
        (Some("injured"), Some("more_than"))
    );
    let israel = figure(&a, 1400.0);
    assert_eq!(israel["what"], "killed");
    assert!(israel["source"].is_null(), "1400 is unattributed");
    let captured = figure(&a, 200.0);
    assert_eq!(captured["what"], "captured");
    assert!(captured["source"].is_null(), "200 is unattributed");

    // The second seed's figures.
    let toll = figure(&b, 24762.0);
    assert_eq!(
        (toll["what"].as_str(), toll["qualifier"].as_str()),
        (Some("killed"), Some("exact"))
    );
    assert_eq!(toll["source_key"], "org:gaza-health-ministry");
    assert!(toll["source"]
        .as_str()
        .is_some_and(|s| s.contains("ministère de la Santé du Hamas")));
    let afp = figure(&b, 1140.0);
    assert_eq!(
        (afp["what"].as_str(), afp["qualifier"].as_str()),
        (Some("killed"), Some("about"))
    );
    assert_eq!(afp["source_key"], "org:afp");

    // Dates are not figures.
    for analysis in [&a, &b] {
        let values: Vec<f64> = analysis["figures"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["value"].as_f64())
            .collect();
        assert!(
            !values.contains(&7.0) && !values.contains(&2023.0),
            "a date became a figure: {values:?}"
        );
    }

    // Quotes and their speakers.
    let speakers = |x: &Value| -> Vec<String> {
        x["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|q| q["speaker_key"].as_str().map(String::from))
            .collect()
    };
    assert!(
        speakers(&a).contains(&"org:hamas".to_string()),
        "{:?}",
        speakers(&a)
    );
    assert!(
        speakers(&a).contains(&"org:israel-foreign-ministry".to_string()),
        "{:?}",
        speakers(&a)
    );
    assert!(
        speakers(&b).contains(&"org:russia-foreign-ministry".to_string()),
        "{:?}",
        speakers(&b)
    );
    assert!(
        speakers(&b).contains(&"org:hamas".to_string()),
        "{:?}",
        speakers(&b)
    );
    // ‘Israël’ alone in quote marks is a framing mark, not a quote.
    let quoted: Vec<&str> = a["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|q| q["text"].as_str())
        .collect();
    assert!(!quoted.contains(&"Israël"), "{quoted:?}");
}

#[test]
fn the_pair_shows_conflict_progression_wording_and_one_storyline() {
    let Some((first, second)) = seeds() else {
        return;
    };
    let c = json(["compare", &first, &second, "--json"]);

    let shared: Vec<&str> = c["actors"]["shared"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x["key"].as_str())
        .collect();
    for key in [
        "org:hamas",
        "per:abu-marzouk",
        "per:bogdanov",
        "loc:moscow",
        "loc:gaza",
        "loc:israel",
    ] {
        assert!(shared.contains(&key), "{key} is a shared actor: {shared:?}");
    }

    // The 7 October toll: 1400 (unattributed) against about 1140 (AFP count).
    let conflicts = c["conflicts"].as_array().cloned().unwrap_or_default();
    assert!(
        conflicts.iter().any(|x| x["a"]["value"] == 1400.0
            && x["b"]["value"] == 1140.0
            && x["b"]["source_key"] == "org:afp"),
        "{conflicts:?}"
    );
    // Never the Gaza toll against the Israel toll.
    assert!(
        !conflicts
            .iter()
            .any(|x| x["a"]["value"] == 7028.0 || x["b"]["value"] == 24762.0),
        "{conflicts:?}"
    );

    // The Gaza toll grew from 7,028 to 24,762, one ministry under two names.
    let progressions = c["progressions"].as_array().cloned().unwrap_or_default();
    let growth = progressions
        .iter()
        .find(|p| p["from"]["value"] == 7028.0 && p["to"]["value"] == 24762.0)
        .unwrap_or_else(|| panic!("no 7028 → 24762 progression: {progressions:?}"));
    assert_eq!(growth["from"]["source_key"], growth["to"]["source_key"]);
    assert_ne!(
        growth["from"]["source"], growth["to"]["source"],
        "two wordings of one source"
    );

    // The wording that sets them apart.
    let only = |side: &str| -> String { c["framing"][side].to_string() };
    for term in [
        "martyre",
        "colons",
        "agression",
        "résistance",
        "occupation",
        "‘Israël’",
    ] {
        assert!(
            only("only_a").contains(term),
            "first seed's wording lacks {term}: {}",
            only("only_a")
        );
    }
    for term in ["otages", "commandos", "islamistes"] {
        assert!(
            only("only_b").contains(term),
            "second seed's wording lacks {term}: {}",
            only("only_b")
        );
    }

    assert_eq!(
        c["same_event"], false,
        "two meetings three months apart: {}",
        c["reasons"]
    );
    assert_eq!(c["same_storyline"], true, "{}", c["reasons"]);
}
