//! Running the real binary in the tests.

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
