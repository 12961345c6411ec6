//! Readable text for the terminal. JSON output never goes through here.

use std::fmt::Write;

use storyline_model::{Analysis, Figure};

use crate::story_view::StoryView;

/// A number as a reader writes it: 24762 → "24,762", 3.75 → "3.75".
pub fn number(v: f64) -> String {
    if v.fract() != 0.0 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// "more than 7,028", "30–40", "about 1,140 EUR".
pub fn figure_value(f: &Figure) -> String {
    let qualifier = f.qualifier.prefix();
    let value = match (f.low, f.high) {
        (Some(lo), Some(hi)) => format!("{}–{}", number(lo), number(hi)),
        _ => number(f.value),
    };
    let unit = f
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    format!("{qualifier}{value}{unit}")
}

/// One line describing a figure: value, what, who, where, source, date.
pub fn figure_line(f: &Figure, figures: &[Figure]) -> String {
    let mut line = format!("{} {}", figure_value(f), f.what.as_str());
    if let Some(who) = &f.who {
        let _ = write!(line, " ({who})");
    }
    if let Some(place) = &f.place {
        let _ = write!(line, " in {place}");
    }
    if let Some(i) = f.part_of {
        if let Some(whole) = figures.get(i) {
            let _ = write!(line, ", part of {}", figure_value(whole));
        }
    }
    match (&f.source, &f.source_key) {
        (Some(s), Some(k)) => {
            let _ = write!(line, " — {s} [{k}]");
        }
        (Some(s), None) => {
            let _ = write!(line, " — {s}");
        }
        _ => line.push_str(" — unattributed"),
    }
    if let Some(d) = &f.as_of {
        let _ = write!(line, ", as of {d}");
    }
    line
}

fn published(a: &Analysis) -> String {
    match &a.published.value {
        Some(v) => format!("{v} ({})", a.published.precision.as_str()),
        None => "unknown date".to_string(),
    }
}

/// The readable analysis of one article.
pub fn analysis(a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {} ==", a.title.as_deref().unwrap_or("(untitled)"));
    let _ = writeln!(
        out,
        "id {}  lang {}  published {}  outlet {}  dateline {}",
        a.id,
        a.lang,
        published(a),
        a.outlet.as_deref().unwrap_or("-"),
        a.dateline.as_deref().unwrap_or("-")
    );
    if !a.missing.is_empty() {
        let _ = writeln!(
            out,
            "not analyzed for this language: {}",
            a.missing.join("; ")
        );
    }
    let _ = writeln!(out, "\nentities ({}):", a.entities.len());
    for e in &a.entities {
        let _ = writeln!(
            out,
            "  {:<4} {:<32} {} ×{}",
            format!("{:?}", e.kind),
            e.text,
            e.key,
            e.spans.len()
        );
    }
    let _ = writeln!(out, "\ntimes ({}):", a.times.len());
    for t in &a.times {
        let value = t
            .value
            .clone()
            .unwrap_or_else(|| format!("unresolved: {}", t.why.as_deref().unwrap_or("?")));
        let _ = writeln!(out, "  {:<28} {}", t.text, value);
    }
    let _ = writeln!(out, "\nfigures ({}):", a.figures.len());
    for f in &a.figures {
        let _ = writeln!(
            out,
            "  {}\n      «{}»",
            figure_line(f, &a.figures),
            f.span.slice(&a.text)
        );
    }
    let _ = writeln!(out, "\nquotes ({}):", a.quotes.len());
    for q in &a.quotes {
        let speaker = q.speaker.as_deref().unwrap_or("speaker not found");
        let _ = writeln!(
            out,
            "  [{:?}] {}{} — {}",
            q.kind,
            speaker,
            said_on(q.as_of.as_deref()),
            q.kind.shown(&q.text)
        );
    }
    let _ = writeln!(out, "\nframing ({}):", a.framing.len());
    for m in &a.framing {
        let _ = writeln!(out, "  {:<36} {}", m.category, m.term);
    }
    out
}

fn story_header(out: &mut String, v: &StoryView) {
    let s = &v.summary;
    let _ = writeln!(
        out,
        "story {}  {}  [{} .. {}]  {} articles, {} outlets",
        s.id,
        s.label,
        s.first.as_deref().unwrap_or("?"),
        s.last.as_deref().unwrap_or("?"),
        s.articles.len(),
        s.outlets.len()
    );
    let _ = writeln!(out, "  storyline {}: {}", s.storyline, s.storyline_name);
}

fn timeline(out: &mut String, v: &StoryView) {
    for a in &v.summary.articles {
        let dup = a
            .duplicate_of
            .as_deref()
            .map(|d| format!("  [copy of {d}]"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<10} {:<22} {}  ({}){}",
            a.published.as_deref().unwrap_or("undated"),
            a.outlet.as_deref().unwrap_or("-"),
            a.title.as_deref().unwrap_or("(untitled)"),
            a.id,
            dup
        );
    }
}

fn shared_figures(out: &mut String, v: &StoryView) {
    for f in &v.shared_figures {
        let _ = writeln!(
            out,
            "  shared figure: {} {} — {} outlets ({}); sources: {}",
            number(f.value),
            f.what.as_str(),
            f.outlets.len(),
            f.outlets.join(", "),
            f.sources.join(", ")
        );
    }
}

/// A story in a few lines, for listings.
pub fn story_brief(v: &StoryView) -> String {
    let mut out = String::new();
    story_header(&mut out, v);
    timeline(&mut out, v);
    shared_figures(&mut out, v);
    out.push('\n');
    out
}

/// The day a quote was said, as shown after its speaker (" (2024-01-16)"); nothing when undated.
fn said_on(as_of: Option<&str>) -> String {
    as_of.map(|d| format!(" ({d})")).unwrap_or_default()
}

/// A story in full: timeline, figures with sources per outlet, quotes, wording per outlet.
pub fn story_full(v: &StoryView) -> String {
    let mut out = String::new();
    story_header(&mut out, v);
    let _ = writeln!(out, "\ntimeline:");
    timeline(&mut out, v);
    let _ = writeln!(out, "\nfigures by outlet:");
    for row in &v.figures {
        let _ = writeln!(
            out,
            "  {:<22} {}",
            row.outlet,
            figure_line(&row.figure, &[])
        );
    }
    shared_figures(&mut out, v);
    let _ = writeln!(out, "\nquotes:");
    for q in &v.quotes {
        let _ = writeln!(
            out,
            "  {:<22} {}{} — {}",
            q.outlet,
            q.speaker.as_deref().unwrap_or("?"),
            said_on(q.as_of.as_deref()),
            q.kind.shown(&q.text)
        );
    }
    let _ = writeln!(out, "\nwording by outlet:");
    for (outlet, categories) in &v.framing_by_outlet {
        for (category, terms) in categories {
            let _ = writeln!(
                out,
                "  {:<22} {:<36} {}",
                outlet,
                category,
                terms.join(", ")
            );
        }
    }
    out
}
