//! Prints every article of the given paths as one JSON line each, in reading order, to diff the
//! extractor's whole output before and after a change that must not alter it:
//! `cargo run -p storyline-extract --release --example dump_articles -- PATH… > before.jsonl`.
//!
//! A document that gives no article prints `{"origin": …, "error": …}` instead, so that a change
//! turning a page into an error (or back) shows in the diff too.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;
use storyline_sources::{read, Limits};

fn main() -> std::process::ExitCode {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: dump_articles PATH…");
        return std::process::ExitCode::from(2);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for doc in read(&paths, Limits::default()) {
        let line = match doc {
            Err(e) => json!({ "error": e.to_string() }),
            Ok(doc) => match storyline_extract::extract_each(&doc) {
                Err(e) => json!({ "origin": doc.origin, "error": e.to_string() }),
                Ok(found) => json!({
                    "origin": doc.origin,
                    "articles": found
                        .into_iter()
                        .map(|a| a.map_or_else(|e| json!({ "error": e.to_string() }), |a| json!(a)))
                        .collect::<Vec<_>>(),
                }),
            },
        };
        if writeln!(out, "{line}").is_err() {
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}
