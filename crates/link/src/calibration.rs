//! The calibrated decisions of the story clustering, read from `data/link/events.toml`.
//!
//! The file is written by `crates/eval/examples/calibrate_events.rs` from labelled pairs
//! that no scorer evaluates (SemEval-2022 Task 8 training pairs, not BASIL), and records
//! its provenance next to the values, so that a threshold is never a bare constant.

use std::sync::LazyLock;

use serde::Deserialize;

/// The bundled calibration file.
const EVENTS: &str = include_str!("../../../data/link/events.toml");

/// Decisions of [`crate::stories`], as calibrated.
#[derive(Debug, Clone, Deserialize)]
pub struct Events {
    /// Minimum score of an article against a story (or of two stories against each
    /// other) for one event; below it, an article opens a new story.
    pub join_threshold: f64,
}

static CALIBRATED: LazyLock<Events> = LazyLock::new(|| parse(EVENTS));

/// The calibrated story decisions.
pub fn events() -> &'static Events {
    &CALIBRATED
}

/// Parses the bundled file. It is checked by the tests below, so a failure here is a
/// build defect, not bad input.
fn parse(text: &str) -> Events {
    match toml::from_str(text) {
        Ok(events) => events,
        Err(e) => panic!("bundled data file data/link/events.toml is invalid: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_calibration_parses_to_a_usable_threshold() {
        let t = events().join_threshold;
        assert!(t > 0.0 && t < 1.0, "{t}");
    }
}
