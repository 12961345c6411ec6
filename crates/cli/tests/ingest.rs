//! End-to-end tests of `storyline ingest`, `stories`, `search` and `analyze` through the
//! real binary, on fixtures written at test time. They need nothing outside the repository.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;

use common::{json_lines, total_len};

fn storyline(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .env_remove("STORYLINE_DB")
        .output()
        .expect("the storyline binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const GOOD_FR: &str = "title: Négociations sur les retraites à Matignon\ndate: 2023-03-07\noutlet: Le Quotidien Test\nurl: https://example.org/retraites\nlang: fr\n\n\
PARIS — Les syndicats ont défilé mardi dans toute la France contre la réforme des retraites.\n\n\
Le ministère de l'Intérieur a compté 1,28 million de manifestants, tandis que la CGT en a revendiqué plus de 3,5 millions.\n\n\
« Nous ne lâcherons rien », a déclaré Sophie Binet devant la presse.\n";

const GOOD_EN: &str = "title: Central bank trims rates\ndate: 2024-06-06\noutlet: The Test Ledger\nurl: https://example.com/rates\nlang: en\n\n\
FRANKFURT (Test Wire) - The European Central Bank cut its deposit rate by 25 basis points to 3.75% on Thursday.\n\n\
\"We are not pre-committing to a particular rate path,\" Christine Lagarde told reporters.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let mut f = std::fs::File::create(dir.join(name)).expect("create fixture");
    f.write_all(bytes).expect("write fixture");
}

fn gzip_truncated() -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(GOOD_FR.repeat(50).as_bytes()).expect("gzip");
    let full = enc.finish().expect("gzip");
    full[..full.len() / 2].to_vec()
}

#[test]
fn bad_files_are_reported_and_the_rest_is_stored_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    write(&input, "a-good.txt", GOOD_FR.as_bytes());
    write(&input, "b-empty.txt", b"");
    write(
        &input,
        "c-binary.txt",
        &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
    );
    write(&input, "d-truncated.txt.gz", &gzip_truncated());
    write(&input, "e-bad.json", b"{\"title\": \"unterminated");
    write(&input, "f-huge.txt", "x".repeat(5000).as_bytes());
    write(&input, "g-good.txt", GOOD_EN.as_bytes());
    let db = dir.path().join("s.sqlite");
    let db = db.to_str().expect("utf-8 path");
    let input = input.to_str().expect("utf-8 path");

    let (ok, out, _) = storyline(&["ingest", input, "--db", db, "--max-bytes", "4000", "--json"]);
    assert!(ok, "ingest must not fail on bad files: {out}");
    let summary: Value = serde_json::from_str(&out).expect("JSON summary");
    assert_eq!(summary["stored"], 2, "{summary}");
    let failed: Vec<String> = summary["failed"]
        .as_array()
        .expect("failed list")
        .iter()
        .map(|f| f.as_str().unwrap_or("").to_string())
        .collect();
    for name in [
        "b-empty.txt",
        "c-binary.txt",
        "d-truncated.txt.gz",
        "e-bad.json",
        "f-huge.txt",
    ] {
        assert!(
            failed.iter().any(|f| f.contains(name)),
            "{name} should be reported, got {failed:?}"
        );
    }
    assert_eq!(failed.len(), 5, "{failed:?}");

    let (ok, out, _) = storyline(&["ingest", input, "--db", db, "--max-bytes", "4000", "--json"]);
    assert!(ok);
    let again: Value = serde_json::from_str(&out).expect("JSON summary");
    assert_eq!(
        again["stored"], 0,
        "re-ingest stores nothing twice: {again}"
    );
    assert_eq!(again["duplicates"], 2, "{again}");
    assert_eq!(
        again["stories"], summary["stories"],
        "nothing new, the stored links still hold"
    );

    let (ok, out, _) = storyline(&["stories", "--db", db, "--json"]);
    assert!(ok);
    let stories: Vec<Value> = json_lines(&out);
    let articles: usize = total_len(&stories, "articles");
    assert_eq!(
        articles, 2,
        "every stored article is in exactly one story: {out}"
    );
    let urls: Vec<&str> = stories
        .iter()
        .flat_map(|s| s["articles"].as_array().into_iter().flatten())
        .filter_map(|a| a["url"].as_str())
        .collect();
    assert!(urls.contains(&"https://example.org/retraites"), "{urls:?}");
}

#[test]
fn search_is_stemmed() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "fr.txt", GOOD_FR.as_bytes());
    write(dir.path(), "en.txt", GOOD_EN.as_bytes());
    let db = dir.path().join("s.sqlite");
    let (db, input) = (
        db.to_str().expect("utf-8"),
        dir.path().to_str().expect("utf-8"),
    );
    assert!(storyline(&["ingest", input, "--db", db]).0);
    // "négociation" (singular) must find "Négociations"; "rate" must find "rates".
    let (ok, out, err) = storyline(&["search", "négociation", "--db", db, "--json"]);
    assert!(ok, "{err}");
    assert!(out.contains("retraites"), "{out}");
    assert!(!out.contains("Central bank"), "{out}");
    let (ok, out, _) = storyline(&["search", "rate", "--db", db, "--json"]);
    assert!(ok);
    assert!(out.contains("Central bank"), "{out}");
}

#[test]
fn analyze_prints_the_documented_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "fr.txt", GOOD_FR.as_bytes());
    let path = dir.path().join("fr.txt");
    let (ok, out, err) = storyline(&["analyze", path.to_str().expect("utf-8"), "--json"]);
    assert!(ok, "{err}");
    let record: Value = serde_json::from_str(&out).expect("JSON record");
    for field in [
        "id",
        "url",
        "outlet",
        "title",
        "lang",
        "published",
        "dateline",
        "text",
        "entities",
        "times",
        "figures",
        "quotes",
        "framing",
        "fingerprint",
    ] {
        assert!(record.get(field).is_some(), "missing field {field}");
    }
    assert_eq!(record["lang"], "fr");
    assert_eq!(record["published"]["value"], "2023-03-07");
    assert_eq!(record["published"]["precision"], "day");
    assert_eq!(record["dateline"], "PARIS");
    let quotes = record["quotes"].as_array().expect("quotes");
    assert!(
        quotes
            .iter()
            .any(|q| q["speaker"].as_str().is_some_and(|s| s.contains("Binet"))),
        "{quotes:?}"
    );
}

#[test]
fn a_missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("none.sqlite");
    let (ok, _, err) = storyline(&["stories", "--db", db.to_str().expect("utf-8")]);
    assert!(!ok);
    assert!(err.contains("none.sqlite"), "{err}");
}

/// A wire dispatch and a retitled copy of it with a byline, plus an unrelated article.
const WIRE: &str = "title: Les syndicats appellent à une nouvelle journée de grève\ndate: 2023-03-08\noutlet: Agence Test\nlang: fr\n\n\
Les huit principaux syndicats ont appelé mercredi à une nouvelle journée de grève et de manifestations contre la réforme des retraites, au lendemain d'une mobilisation record.\n\n\
Selon le ministère de l'Intérieur, 1,28 million de personnes ont manifesté mardi dans toute la France, tandis que la CGT a compté 3,5 millions de manifestants.\n\n\
Le gouvernement maintient son calendrier et espère un vote définitif du Parlement avant la fin du mois de mars.\n";

const COPY: &str = "title: Retraites : l'intersyndicale ne lâche rien\ndate: 2023-03-08\noutlet: Le Journal Test\nlang: fr\n\n\
Par la rédaction, avec Agence Test\n\n\
Les huit principaux syndicats ont appelé mercredi à une nouvelle journée de grève et de manifestations contre la réforme des retraites, au lendemain d'une mobilisation record.\n\n\
Selon le ministère de l'Intérieur, 1,28 million de personnes ont manifesté mardi dans toute la France, tandis que la CGT a compté 3,5 millions de manifestants.\n\n\
Le gouvernement maintient son calendrier et espère un vote définitif du Parlement avant la fin du mois de mars.\n";

#[test]
fn stored_articles_can_be_compared_by_id_and_shown_by_story() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "wire.txt", WIRE.as_bytes());
    write(dir.path(), "copy.txt", COPY.as_bytes());
    write(dir.path(), "en.txt", GOOD_EN.as_bytes());
    let db = dir.path().join("s.sqlite");
    let (db, input) = (
        db.to_str().expect("utf-8"),
        dir.path().to_str().expect("utf-8"),
    );
    assert!(storyline(&["ingest", input, "--db", db]).0);

    let (ok, out, err) = storyline(&["stories", "--db", db, "--json"]);
    assert!(ok, "{err}");
    let stories: Vec<Value> = json_lines(&out);
    let strike = stories
        .iter()
        .find(|s| s["articles"].as_array().is_some_and(|a| a.len() == 2))
        .unwrap_or_else(|| panic!("the dispatch and its copy form one story: {out}"));
    let articles = strike["articles"].as_array().expect("articles");
    assert!(
        articles.iter().any(|a| a["duplicate_of"].is_string()),
        "the copy is marked as a copy: {articles:?}"
    );
    let ids: Vec<&str> = articles.iter().filter_map(|a| a["id"].as_str()).collect();

    // compare takes stored ids as well as files.
    let (ok, out, err) = storyline(&["compare", ids[0], ids[1], "--db", db, "--json"]);
    assert!(ok, "{err}");
    let c: Value = serde_json::from_str(&out).expect("JSON comparison");
    assert_eq!(c["same_event"], true, "{}", c["reasons"]);

    let id = strike["id"].as_u64().expect("story id").to_string();
    let (ok, out, err) = storyline(&["story", &id, "--db", db, "--json"]);
    assert!(ok, "{err}");
    let story: Value = serde_json::from_str(&out).expect("JSON story");
    let values: Vec<f64> = story["figures"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["value"].as_f64())
        .collect();
    assert!(
        values.contains(&1_280_000.0) && values.contains(&3_500_000.0),
        "{values:?}"
    );
    let source_of = |v: f64| -> String {
        let figures = story["figures"].as_array().cloned().unwrap_or_default();
        figures
            .iter()
            .find(|f| f["value"] == v)
            .map(|f| f["source"].to_string())
            .unwrap_or_default()
    };
    assert!(
        source_of(1_280_000.0).contains("Intérieur"),
        "{}",
        story["figures"]
    );
    assert!(
        source_of(3_500_000.0).contains("CGT"),
        "{}",
        story["figures"]
    );

    let (ok, out, _) = storyline(&["storylines", "--db", db, "--json"]);
    assert!(ok);
    let threads: Vec<Value> = json_lines(&out);
    let placed: usize = total_len(&threads, "stories");
    assert_eq!(placed, stories.len(), "every story is on one storyline");

    let (ok, _, err) = storyline(&["story", "999999", "--db", db]);
    assert!(!ok && err.contains("999999"), "{err}");
}

#[test]
fn the_demo_ingests_the_bundled_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.sqlite");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let (ok, out, err) = storyline(&[
        "demo",
        "--examples",
        corpus,
        "--db",
        db.to_str().expect("utf-8"),
        "--json",
    ]);
    assert!(ok, "{err}");
    let mut lines = json_lines(&out).into_iter();
    let summary = lines.next().expect("summary line");
    assert_eq!(
        summary["failed"].as_array().map(Vec::len),
        Some(0),
        "{summary}"
    );
    let stored = summary["stored"].as_u64().unwrap_or(0);
    assert!(stored >= 30, "the corpus has 32 articles: {summary}");
    let stories: Vec<Value> = lines.collect();
    let placed = total_len(&stories, "articles") as u64;
    assert_eq!(placed, stored, "every article is in one story");
    // The corpus plants wire copies: at least one story must show a copy.
    assert!(
        stories.iter().any(|s| s["articles"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["duplicate_of"].is_string())),
        "no wire copy found"
    );
}
