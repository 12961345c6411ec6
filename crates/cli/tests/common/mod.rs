//! Running the real binary in the tests, and reading what it prints.

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::process::Command;

use serde_json::Value;

/// Runs `storyline` with `args`, asserts that it succeeds (showing its stderr when not), and
/// parses its standard output as JSON.
pub fn json(args: impl IntoIterator<Item = impl AsRef<OsStr>>) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .output()
        .expect("storyline runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// The JSON lines that a listing command printed (`stories --json`, `figures --json`, …).
pub fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The summed lengths of the array `field` of each value (the articles of all stories, …).
pub fn total_len(values: &[Value], field: &str) -> usize {
    values
        .iter()
        .map(|v| v[field].as_array().map_or(0, Vec::len))
        .sum()
}
