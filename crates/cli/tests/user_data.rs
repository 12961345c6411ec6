//! Users extend the bundled data with their own files: framing lexicons (`--lexicon`) and
//! source aliases (`--source-aliases`). Both are checked through the real binary.

mod common;

use std::process::Command;

use serde_json::Value;

const ARTICLE: &str = "title: Bilan des intempéries\ndate: 2024-02-10\nlang: fr\n\n\
Les pluies ont fait plus de 40 morts dans la province, selon l'Office régional des secours de Valmont.\n\n\
Le gouvernement a parlé d'un épisode pluvieux hors norme.\n";

const LEXICON: &str =
    "lang = \"fr\"\n[[entry]]\ncategory = \"weather-euphemism\"\nterms = [\"épisode pluvieux\"]\n";

const ALIASES: &str = "[[source]]\nkey = \"org:valmont-rescue\"\nnames = [\"office régional des secours de valmont\"]\n";

fn analyze(dir: &std::path::Path, extra: &[&str]) -> Value {
    let file = dir.join("a.txt");
    let mut args = vec![
        "analyze".to_string(),
        file.display().to_string(),
        "--json".to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    common::json(&args)
}

#[test]
fn user_lexicon_and_source_aliases_take_effect() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.path().join("lexicon.toml"), LEXICON).expect("write");
    std::fs::write(dir.path().join("aliases.toml"), ALIASES).expect("write");

    let plain = analyze(dir.path(), &[]);
    let categories = |v: &Value| v["framing"].to_string();
    let source_key = |v: &Value| v["figures"][0]["source_key"].clone();
    assert!(!categories(&plain).contains("weather-euphemism"));
    assert_ne!(source_key(&plain), "org:valmont-rescue");

    let lexicon = dir.path().join("lexicon.toml").display().to_string();
    let aliases = dir.path().join("aliases.toml").display().to_string();
    let extended = analyze(
        dir.path(),
        &["--lexicon", &lexicon, "--source-aliases", &aliases],
    );
    assert!(
        categories(&extended).contains("weather-euphemism"),
        "{}",
        categories(&extended)
    );
    assert_eq!(
        source_key(&extended),
        "org:valmont-rescue",
        "{}",
        extended["figures"]
    );
}

#[test]
fn a_bad_user_file_is_a_clear_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.path().join("broken.toml"), "lang = \"fr\"\n[[entry]\n").expect("write");
    let file = dir.path().join("a.txt").display().to_string();
    let broken = dir.path().join("broken.toml").display().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["analyze", &file, "--lexicon", &broken])
        .output()
        .expect("storyline runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.toml"));
}
