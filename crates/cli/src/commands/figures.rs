//! `storyline figures`: the series of one counted thing across stored articles, with the
//! conflicts and progressions between its points, and (within a story) the outlets that give
//! figures without any source.

use std::fmt::Write;
use std::process::ExitCode;

use clap::Args;
use storyline_model::FigureKind;
use storyline_store::{DateFrom, FigureFilter, FigureReport, Point, Series, Unsourced};

use super::stories::open_existing;
use crate::{render, DbArgs};

/// Arguments of `storyline figures`.
#[derive(Args)]
pub struct FiguresCmd {
    /// Only this kind of count: killed, injured, captured, hostages, missing, displaced, arrested.
    #[arg(long, value_parser = parse_kind)]
    what: Option<FigureKind>,
    /// Only counts about this place: a known place ("Gaza", "Israël") keeps its region's
    /// series; other text keeps figures whose place as written contains it.
    #[arg(long = "where", value_name = "PLACE")]
    place: Option<String>,
    /// Only figures of articles naming this entity (a key such as `loc:gaza`, or a name).
    #[arg(long)]
    entity: Option<String>,
    /// Only figures with this source key (`org:gaza-health-ministry`).
    #[arg(long, value_name = "KEY")]
    source: Option<String>,
    /// Only figures dated on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    since: Option<String>,
    /// Only figures of this story (from `storyline stories`); also lists the outlets that give
    /// a figure without any source.
    #[arg(long, value_name = "ID")]
    story: Option<u64>,
    #[command(flatten)]
    db: DbArgs,
    /// JSON lines: one series per line (what, region, part, points, conflicts, progressions);
    /// with --story, a last line {"story", "unsourced"}.
    #[arg(long)]
    json: bool,
}

/// A kind of count by the name the JSON and the store use.
fn parse_kind(s: &str) -> Result<FigureKind, String> {
    serde_json::from_value(serde_json::Value::String(s.to_lowercase())).map_err(|_| {
        format!("unknown kind {s:?}; one of killed, injured, captured, hostages, missing, displaced, arrested")
    })
}

impl FiguresCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let store = open_existing(&self.db)?;
        if let Some(id) = self.story {
            if store.story(id)?.is_none() {
                anyhow::bail!("no story {id} in {}", self.db.db.display());
            }
        }
        let filter = FigureFilter {
            what: self.what,
            place: self.place,
            entity: self.entity,
            source_key: self.source,
            since: self.since,
            story: self.story,
        };
        let report = store.figure_series(&filter)?;
        if self.json {
            for s in &report.series {
                println!("{}", serde_json::to_string(s)?);
            }
            if let Some(id) = self.story {
                let line = serde_json::json!({"story": id, "unsourced": report.unsourced});
                println!("{line}");
            }
        } else {
            print!("{}", text(&report, self.story));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The report as text: one block per series, then the unsourced outlets of the story.
fn text(report: &FigureReport, story: Option<u64>) -> String {
    let mut out = String::new();
    if report.series.is_empty() {
        out.push_str("no counted figures match\n");
    }
    for s in &report.series {
        series(&mut out, s);
    }
    if let Some(id) = story {
        unsourced(&mut out, id, &report.unsourced);
    }
    out
}

/// "at least 4,137", "30–40".
fn value(p: &Point) -> String {
    let v = match (p.low, p.high) {
        (Some(lo), Some(hi)) => format!("{}–{}", render::number(lo), render::number(hi)),
        _ => render::number(p.value),
    };
    format!("{}{v}", p.qualifier.prefix())
}

fn series(out: &mut String, s: &Series) {
    let region = s.region.as_deref().unwrap_or("place unknown");
    let part = s
        .part
        .as_deref()
        .map(|p| format!(", part: {p}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} · {region}{part}  ({} points)",
        s.what.as_str(),
        s.points.len()
    );
    for (i, p) in s.points.iter().enumerate() {
        let date = match (&p.date, p.date_from) {
            (Some(d), DateFrom::AsOf) => format!("{d} (as of)"),
            (Some(d), _) => format!("{d} (published)"),
            (None, _) => "undated".to_string(),
        };
        let source = match (&p.source_key, p.wordings.is_empty()) {
            (Some(k), _) => k.clone(),
            (None, false) => "no source key".to_string(),
            (None, true) => "unattributed".to_string(),
        };
        let _ = writeln!(out, "  [{i}] {date}  {}  {source}", value(p));
        for w in &p.wordings {
            let _ = writeln!(out, "        \"{w}\"");
        }
        let carriers: Vec<String> = p
            .carried_by
            .iter()
            .map(|c| format!("{} ({})", c.outlet.as_deref().unwrap_or("?"), c.article))
            .collect();
        let _ = writeln!(out, "        carried by {}", carriers.join(", "));
    }
    for c in &s.conflicts {
        let _ = writeln!(out, "  conflict [{}] / [{}]: {}", c.a, c.b, c.note);
    }
    for p in &s.progressions {
        let pct = p
            .growth_pct
            .map(|g| format!(" ({g:+.1}%)"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  progression [{}] -> [{}]: {}{pct}",
            p.from, p.to, p.note
        );
    }
    out.push('\n');
}

fn unsourced(out: &mut String, story: u64, list: &[Unsourced]) {
    if list.is_empty() {
        let _ = writeln!(out, "story {story}: every figure above has a source");
        return;
    }
    let _ = writeln!(
        out,
        "story {story}: outlets giving figures without any source"
    );
    for u in list {
        let figures: Vec<String> = u
            .figures
            .iter()
            .map(|f| {
                let region = f.region.as_deref().unwrap_or("place unknown");
                format!("{} {} ({region})", f.value, f.what.as_str())
            })
            .collect();
        let _ = writeln!(
            out,
            "  {} ({}): {}",
            u.outlet.as_deref().unwrap_or("?"),
            u.article,
            figures.join("; ")
        );
    }
}
