//! Test support: the two archetype articles of `../shared/seeds`, skipped when absent.

/// The text of seed `name`, or None (and a `skipped:` line) when the folder is absent.
pub(crate) fn seed(name: &str) -> Option<String> {
    let path = format!(
        "{}/../../../shared/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            println!("skipped: ../shared/seeds/{name} absent");
            None
        }
    }
}

/// The body of a seed without its `date …` header, as the extractor gives it.
pub(crate) fn body(raw: &str) -> &str {
    match raw.trim_start().strip_prefix("date ") {
        Some(rest) => rest.split_once(' ').map_or(rest, |(_, b)| b),
        None => raw,
    }
}
