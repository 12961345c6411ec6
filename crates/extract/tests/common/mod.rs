//! Helpers shared by the extract tests that read ../shared.

use std::path::PathBuf;

/// The shared folder relative to this crate, or `None` (with a "skipped" line) when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/")).join(rel);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: ../shared/{rel} absent");
        None
    }
}
