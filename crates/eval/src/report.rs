//! EVALUATION.md and the CI floors.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::Report;

/// Metric name → the lowest accepted score.
pub type Floors = BTreeMap<String, f64>;

/// Parses a floors file: `name = value` lines and `#` comments. (Not TOML: in TOML the dots
/// of a metric name would make nested tables.)
pub fn parse_floors(text: &str) -> Result<Floors, String> {
    let mut floors = Floors::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (name, value) = line
            .split_once('=')
            .ok_or(format!("line {}: expected `name = value`", i + 1))?;
        let name = name.trim().trim_matches('"').to_string();
        let value: f64 = value
            .trim()
            .parse()
            .map_err(|e| format!("line {}: {e}", i + 1))?;
        floors.insert(name, value);
    }
    Ok(floors)
}

/// The metrics that fell below their floor, as messages; a floor whose metric was not
/// measured (its data absent) is reported too, unless the data set was skipped.
pub fn check_floors(report: &Report, floors: &Floors) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, floor) in floors {
        match report.metrics.iter().find(|m| &m.name == name) {
            Some(m) if m.value + 1e-12 < *floor => failures.push(format!(
                "{name}: {:.4} is below its floor {floor:.4}",
                m.value
            )),
            Some(_) => {}
            None if report
                .skipped
                .iter()
                .any(|s| s.starts_with(name.rsplit_once('.').map_or("", |p| p.0))) => {}
            None => failures.push(format!("{name}: has a floor but was not measured")),
        }
    }
    failures
}

/// EVALUATION.md: every metric with its floor, what was skipped, and the notes.
pub fn markdown(report: &Report, floors: &Floors, command: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Evaluation\n");
    let _ = writeln!(
        out,
        "Written by `{command}` on the shared data (../shared/data); do not edit by hand. \
         CI fails when a score drops below its floor (`.ci/eval-floors.txt`).\n"
    );
    let mut components: Vec<&str> = report.metrics.iter().map(|m| m.component).collect();
    components.dedup();
    for component in components {
        let _ = writeln!(out, "## {component}\n");
        let _ = writeln!(out, "| metric | score | floor | measured on |");
        let _ = writeln!(out, "|---|---|---|---|");
        for m in report.metrics.iter().filter(|m| m.component == component) {
            let floor = floors
                .get(&m.name)
                .map_or("-".to_string(), |f| format!("{f:.3}"));
            let _ = writeln!(
                out,
                "| {} | {:.3} | {} | {} |",
                m.name, m.value, floor, m.detail
            );
        }
        out.push('\n');
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(out, "## Skipped\n");
        for s in &report.skipped {
            let _ = writeln!(out, "- {s}");
        }
        out.push('\n');
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "## Notes\n");
        for n in &report.notes {
            let _ = writeln!(out, "- {n}");
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Metric;

    fn report(value: f64) -> Report {
        Report {
            metrics: vec![Metric {
                component: "link",
                name: "link.basil.bcubed_f1".into(),
                value,
                detail: String::new(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_score_below_its_floor_fails() {
        let floors =
            parse_floors("link.basil.bcubed_f1 = 0.80 # recorded 0.82\n").unwrap_or_default();
        assert_eq!(check_floors(&report(0.79), &floors).len(), 1);
        assert!(check_floors(&report(0.81), &floors).is_empty());
    }

    #[test]
    fn a_floor_without_a_measure_fails_unless_its_data_was_skipped() {
        let floors = parse_floors("extract.orangesum_html.title_exact = 0.9").unwrap_or_default();
        let mut r = report(1.0);
        assert_eq!(check_floors(&r, &floors).len(), 1);
        r.skipped.push("extract.orangesum_html: absent".into());
        assert!(check_floors(&r, &floors).is_empty());
    }

    #[test]
    fn bad_floor_lines_are_errors() {
        assert!(parse_floors("nonsense").is_err());
        assert!(parse_floors("a = b").is_err());
    }
}
