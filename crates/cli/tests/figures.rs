//! End-to-end tests of `storyline figures` through the real binary, on five short articles
//! written here. The facts follow the reporting of October 2023 (a Gaza toll from the health
//! ministry growing from day to day, an Israel toll of about 1,400); the sentences are ours.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Friday 20 October: the ministry under its "du Hamas" name, an Israel toll per the authorities.
const COURRIER: &str = "title: Gaza : le bilan des frappes s'alourdit\ndate: 2023-10-20\noutlet: Le Courrier Test\nurl: https://example.org/gaza-bilan-1\nlang: fr\n\n\
GAZA — Les bombardements israéliens se sont poursuivis vendredi sur la bande de Gaza.\n\n\
Au moins 4 137 Palestiniens ont été tués depuis le début de la guerre, selon le ministère de la Santé du Hamas.\n\n\
Côté israélien, l'attaque du 7 octobre a fait 1 400 morts en Israël, selon les autorités israéliennes.\n";

/// Monday 23 October, in English: "deaths in Gaza" per "the Hamas-run health ministry".
const DAILY: &str = "title: Gaza toll passes 5,000 as strikes continue\ndate: 2023-10-23\noutlet: The Daily Test\nurl: https://example.com/gaza-toll-2\nlang: en\n\n\
GAZA CITY (Test Wire) - Israeli air strikes hit the Gaza Strip again on Monday.\n\n\
The Hamas-run health ministry reported 5,087 deaths in Gaza since the war began.\n\n\
In Israel, 1,400 people were killed in the October 7 attack, according to Israeli officials.\n";

/// Monday 23 October, another outlet with the same value: one point, two outlets. Also a
/// wounded count, for `--what`.
const SOIR: &str = "title: Gaza : plus de 5 000 morts selon le ministère\ndate: 2023-10-23\noutlet: Le Soir Test\nurl: https://example.org/gaza-bilan-5\nlang: fr\n\n\
GAZA — Les frappes aériennes ont repris lundi matin sur le nord de l'enclave.\n\n\
Au total, 5 087 Palestiniens ont été tués, a indiqué le ministère de la Santé de Gaza.\n\n\
Plus de 15 000 personnes ont été blessées à Gaza, selon la même source.\n";

/// Thursday 26 October: "personnes tuées à Gaza" per "le ministère palestinien de la Santé",
/// and the Israeli army's lower Israel toll.
const GAZETTE: &str = "title: La bande de Gaza sous les bombes, nouveau bilan\ndate: 2023-10-26\noutlet: La Gazette Test\nurl: https://example.org/gaza-bilan-3\nlang: fr\n\n\
GAZA — Les frappes se sont intensifiées jeudi dans le sud de la bande de Gaza.\n\n\
Plus de 7 028 personnes ont été tuées à Gaza, selon le ministère palestinien de la Santé.\n\n\
L'attaque du Hamas avait fait 1 300 morts en Israël, selon l'armée israélienne.\n";

/// Thursday 26 October: the Israel toll per the Prime Minister's office (a second source on
/// the same day as the army's), and a Gaza toll with no source at all.
const MATIN: &str = "title: Israël : le bilan de l'attaque revu\ndate: 2023-10-26\noutlet: Le Matin Test\nurl: https://example.org/israel-bilan-4\nlang: fr\n\n\
JÉRUSALEM — Le gouvernement israélien a publié jeudi un nouveau bilan de l'attaque du 7 octobre.\n\n\
Selon le bureau du Premier ministre, 1 400 personnes ont été tuées en Israël.\n\n\
Quelque 6 000 personnes ont été tuées à Gaza depuis le début de la guerre.\n";

/// A store holding the five articles, in a temporary folder kept alive with it.
struct Fixture {
    _dir: tempfile::TempDir,
    db: String,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    for (name, text) in [
        ("courrier.txt", COURRIER),
        ("daily.txt", DAILY),
        ("soir.txt", SOIR),
        ("gazette.txt", GAZETTE),
        ("matin.txt", MATIN),
    ] {
        std::fs::write(input.join(name), text).expect("write fixture");
    }
    let db = path_str(&dir.path().join("s.sqlite"));
    let summary = common::json(["ingest", &path_str(&input), "--db", &db, "--json"]);
    assert_eq!(summary["stored"], 5, "{summary}");
    Fixture { _dir: dir, db }
}

fn path_str(p: &Path) -> String {
    p.to_str().expect("utf-8 temp path").to_string()
}

/// Runs `storyline` and returns (success, stdout, stderr).
fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .env_remove("STORYLINE_DB")
        .output()
        .expect("storyline runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `storyline figures ARGS --db DB --json`, one JSON value per line.
fn lines(f: &Fixture, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["figures"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--db", &f.db, "--json"]);
    let (ok, out, err) = run(&all);
    assert!(ok, "{err}");
    common::json_lines(&out)
}

fn series<'a>(all: &'a [Value], what: &str, region: &str) -> &'a Value {
    all.iter()
        .find(|s| s["what"] == what && s["region"] == region)
        .unwrap_or_else(|| panic!("no {what} series for {region} in {all:?}"))
}

fn values(s: &Value) -> Vec<f64> {
    s["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| p["value"].as_f64().expect("value"))
        .collect()
}

fn outlets(point: &Value) -> Vec<&str> {
    point["carried_by"]
        .as_array()
        .expect("carried_by")
        .iter()
        .map(|c| c["outlet"].as_str().expect("outlet"))
        .collect()
}

#[test]
fn the_gaza_toll_is_one_growing_series_under_every_name_and_israel_another() {
    let f = fixture();
    let all = lines(&f, &["--what", "killed"]);
    let gaza = series(&all, "killed", "gaza");
    // "Palestiniens tués", "deaths in Gaza" and "personnes tuées à Gaza", by date.
    assert_eq!(values(gaza), vec![4137.0, 5087.0, 6000.0, 7028.0], "{gaza}");
    let points = gaza["points"].as_array().expect("points");
    assert_eq!(points[0]["date"], "2023-10-20");
    assert_eq!(points[0]["date_from"], "published");
    assert_eq!(points[0]["qualifier"], "at_least");
    assert_eq!(points[0]["source_key"], "org:gaza-health-ministry");
    // One value, one source, one day: one point carried by two outlets, each wording kept.
    let mut carried = outlets(&points[1]);
    carried.sort_unstable();
    assert_eq!(carried, vec!["Le Soir Test", "The Daily Test"]);
    let wordings = points[1]["wordings"].as_array().expect("wordings");
    assert_eq!(wordings.len(), 2, "{wordings:?}");
    assert!(wordings
        .iter()
        .any(|w| w == "The Hamas-run health ministry reported"));
    // The ministry's count moved twice; the unattributed 6,000 is not the ministry's.
    let steps: Vec<(f64, f64, &str)> = gaza["progressions"]
        .as_array()
        .expect("progressions")
        .iter()
        .map(|p| {
            let at = |k: &str| {
                let i = p[k].as_u64().expect("index") as usize;
                points[i]["value"].as_f64().expect("value")
            };
            (at("from"), at("to"), p["direction"].as_str().expect("dir"))
        })
        .collect();
    assert_eq!(
        steps,
        vec![(4137.0, 5087.0, "increase"), (5087.0, 7028.0, "increase")]
    );
    assert!(gaza["progressions"]
        .as_array()
        .expect("progressions")
        .iter()
        .all(|p| p["source_key"] == "org:gaza-health-ministry"));

    // The Israel toll never joins the Gaza series.
    let israel = series(&all, "killed", "israel");
    assert!(values(israel).iter().all(|v| *v == 1300.0 || *v == 1400.0));
    assert_eq!(values(israel).len(), 4, "{israel}");
    assert!(!values(gaza).contains(&1400.0));
}

#[test]
fn two_sources_apart_on_one_day_are_a_conflict() {
    let f = fixture();
    let all = lines(&f, &["--what", "killed"]);
    let israel = series(&all, "killed", "israel");
    let points = israel["points"].as_array().expect("points");
    let conflicts = israel["conflicts"].as_array().expect("conflicts");
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let c = &conflicts[0];
    assert_eq!(c["date"], "2023-10-26");
    let pair: Vec<f64> = ["a", "b"]
        .iter()
        .map(|k| {
            points[c[*k].as_u64().expect("index") as usize]["value"]
                .as_f64()
                .expect("v")
        })
        .collect();
    assert_eq!(pair, vec![1300.0, 1400.0]);
    // 1,400 on three days from sources without a shared key: no progression is claimed.
    assert_eq!(israel["progressions"], Value::Array(Vec::new()));
}

#[test]
fn what_and_where_filter_the_series() {
    let f = fixture();
    let injured = lines(&f, &["--what", "injured"]);
    assert_eq!(injured.len(), 1, "{injured:?}");
    assert_eq!(values(series(&injured, "injured", "gaza")), vec![15000.0]);
    assert!(lines(&f, &["--what", "killed"])
        .iter()
        .all(|s| s["what"] == "killed"));

    let israel = lines(&f, &["--where", "Israël"]);
    assert_eq!(israel.len(), 1, "{israel:?}");
    assert_eq!(israel[0]["region"], "israel");
    let gaza = lines(&f, &["--what", "killed", "--where", "Gaza"]);
    assert_eq!(gaza.len(), 1, "{gaza:?}");
    assert_eq!(gaza[0]["region"], "gaza");
    // Text that names no known place filters on the place as written.
    assert!(lines(&f, &["--where", "Tombouctou"]).is_empty());

    let since = lines(
        &f,
        &[
            "--what",
            "killed",
            "--where",
            "Gaza",
            "--since",
            "2023-10-23",
        ],
    );
    assert_eq!(values(&since[0]), vec![5087.0, 6000.0, 7028.0]);
    let ministry = lines(
        &f,
        &["--source", "org:gaza-health-ministry", "--what", "killed"],
    );
    assert_eq!(values(&ministry[0]), vec![4137.0, 5087.0, 7028.0]);
}

#[test]
fn within_a_story_the_outlets_without_sources_are_listed() {
    let f = fixture();
    let stories = {
        let (ok, out, err) = run(&["stories", "--db", &f.db, "--json"]);
        assert!(ok, "{err}");
        common::json_lines(&out)
    };
    let matin_story = stories
        .iter()
        .find(|s| s.to_string().contains("Le Matin Test"))
        .expect("a story with Le Matin Test");
    let id = matin_story["id"].as_u64().expect("story id").to_string();

    let all = lines(&f, &["--story", &id]);
    let last = all.last().expect("the unsourced line");
    assert_eq!(last["story"].to_string(), id);
    let unsourced = last["unsourced"].as_array().expect("unsourced");
    let names: Vec<&str> = unsourced
        .iter()
        .map(|u| u["outlet"].as_str().expect("outlet"))
        .collect();
    assert_eq!(names, vec!["Le Matin Test"], "{unsourced:?}");
    assert_eq!(unsourced[0]["figures"][0]["value"], "about 6000");

    let (ok, text, err) = run(&["figures", "--story", &id, "--db", &f.db]);
    assert!(ok, "{err}");
    assert!(
        text.contains("outlets giving figures without any source"),
        "{text}"
    );
    assert!(text.contains("Le Matin Test"), "{text}");
    // Without --story there is no unsourced line: every line is a series.
    assert!(lines(&f, &[]).iter().all(|s| s.get("points").is_some()));
}

#[test]
fn bad_requests_are_refused_with_a_reason() {
    let f = fixture();
    let (ok, _, err) = run(&["figures", "--what", "money", "--db", &f.db]);
    assert!(!ok);
    assert!(
        err.contains("money figures carry no counted thing"),
        "{err}"
    );
    let (ok, _, err) = run(&["figures", "--what", "bananas", "--db", &f.db]);
    assert!(!ok);
    assert!(err.contains("unknown kind"), "{err}");
    let (ok, _, err) = run(&["figures", "--story", "999", "--db", &f.db]);
    assert!(!ok);
    assert!(err.contains("no story 999"), "{err}");
    let (ok, _, err) = run(&["figures", "--where", "Gaza et Israël", "--db", &f.db]);
    assert!(!ok);
    assert!(err.contains("exclude each other"), "{err}");
    let missing = format!("{}.absent", f.db);
    let (ok, _, err) = run(&["figures", "--db", &missing]);
    assert!(!ok);
    assert!(err.contains("no such store"), "{err}");
}
