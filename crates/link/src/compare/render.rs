//! The readable side-by-side text of a comparison, for `storyline compare A B`. Plain text in
//! sections, wrapped to fit a 100-column terminal.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::figures::{side_letter, value_words};
use super::{Comparison, FigureRef, FigureView, Header, QuoteView};

/// Terminal width the text is laid out for.
const WIDTH: usize = 100;
/// Width of one column of the header table (label column excluded).
const COLUMN: usize = 44;
/// Width of the label column of the header table.
const LABEL: usize = 10;

/// `s` cut to `width` characters, with an ellipsis when cut.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Appends `text` wrapped at word boundaries to `WIDTH`, first line after `first`, following
/// lines indented by `indent` spaces. A word longer than a line (a URL) is cut into pieces.
fn wrap(out: &mut String, first: &str, indent: usize, text: &str) {
    let room = WIDTH.saturating_sub(indent).max(1);
    let pieces = text.split_whitespace().flat_map(|word| {
        let chars: Vec<char> = word.chars().collect();
        chars
            .chunks(room)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    let mut line = first.to_string();
    let mut len = line.chars().count();
    let mut empty = true;
    for piece in pieces {
        let pl = piece.chars().count();
        if len + usize::from(!empty) + pl > WIDTH && (!empty || len > indent) {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(indent);
            len = indent;
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        line.push_str(&piece);
        len += pl;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(
        out,
        "\n== {title} {}",
        "=".repeat(WIDTH.saturating_sub(title.chars().count() + 4))
    );
}

fn or_dash(s: Option<&str>) -> &str {
    s.unwrap_or("-")
}

fn headers(out: &mut String, a: &Header, b: &Header) {
    let published = |h: &Header| {
        format!(
            "{} ({})",
            or_dash(h.published.value.as_deref()),
            h.published.precision.as_str()
        )
    };
    let rows: [(&str, String, String); 6] = [
        ("", "A".to_string(), "B".to_string()),
        ("id", a.id.clone(), b.id.clone()),
        (
            "outlet",
            or_dash(a.outlet.as_deref()).to_string(),
            or_dash(b.outlet.as_deref()).to_string(),
        ),
        ("lang", a.lang.clone(), b.lang.clone()),
        ("published", published(a), published(b)),
        (
            "dateline",
            or_dash(a.dateline.as_deref()).to_string(),
            or_dash(b.dateline.as_deref()).to_string(),
        ),
    ];
    for (label, x, y) in rows {
        let _ = writeln!(
            out,
            "{:<LABEL$}{:<COLUMN$}  {}",
            label,
            fit(&x, COLUMN),
            fit(&y, COLUMN)
        );
    }
    wrap(
        out,
        &format!("{:<LABEL$}A: ", "title"),
        LABEL + 3,
        or_dash(a.title.as_deref()),
    );
    wrap(
        out,
        &format!("{:<LABEL$}B: ", ""),
        LABEL + 3,
        or_dash(b.title.as_deref()),
    );
}

fn figure_line(out: &mut String, f: &FigureView) {
    let mut facts = vec![f.what.as_str().to_string()];
    if let Some(r) = &f.region {
        facts.push(format!(
            "region {r} (from {})",
            f.region_from.as_deref().unwrap_or("?")
        ));
    }
    if let Some(p) = f.part_of {
        facts.push(format!("part of #{p}"));
    }
    if let Some(d) = &f.as_of {
        facts.push(format!("as of {d}"));
    }
    facts.push(match (&f.source_key, &f.source) {
        (Some(k), Some(s)) => format!("{k}: \"{s}\""),
        (None, Some(s)) => format!("\"{s}\""),
        (Some(k), None) => k.clone(),
        (None, None) => "unattributed".to_string(),
    });
    let head = format!(
        "#{} {} {}{}",
        f.index,
        value_words(f.value, f.low, f.high, f.qualifier),
        f.unit
            .as_deref()
            .map(|u| format!("{u} "))
            .unwrap_or_default(),
        or_dash(f.who.as_deref())
    );
    wrap(out, "  ", 6, &format!("{head} — {}", facts.join("; ")));
    wrap(out, "      «", 7, &format!("{}»", f.evidence));
}

fn cited(out: &mut String, r: &FigureRef) {
    let side = side_letter(r.side);
    let source = match (&r.source_key, &r.source) {
        (Some(k), Some(s)) => format!("{k}, \"{s}\""),
        (None, Some(s)) => format!("\"{s}\""),
        (Some(k), None) => k.clone(),
        (None, None) => "unattributed".to_string(),
    };
    let value = value_words(r.value, r.low, r.high, r.qualifier);
    wrap(
        out,
        "    ",
        8,
        &format!("{side}#{} {value} ({source}) «{}»", r.index, r.evidence),
    );
}

fn quotes(out: &mut String, side: &str, qs: &[QuoteView]) {
    if qs.is_empty() {
        let _ = writeln!(out, "  {side}: none");
    }
    for q in qs {
        let who = q
            .speaker
            .as_deref()
            .or(q.speaker_key.as_deref())
            .unwrap_or("speaker not found");
        wrap(
            out,
            "  ",
            6,
            &format!("{side}: {who}: {}", q.kind.shown(&q.text)),
        );
    }
}

fn framing(out: &mut String, label: &str, map: &BTreeMap<String, Vec<String>>) {
    if map.is_empty() {
        let _ = writeln!(out, "  {label}: none");
        return;
    }
    let _ = writeln!(out, "  {label}:");
    for (category, terms) in map {
        wrap(out, &format!("    {category}: "), 8, &terms.join(", "));
    }
}

/// The comparison as plain text, in sections: articles, verdict, actors, conflicts,
/// progressions, figures, quotes, framing. Every figure shows its words in the text.
pub fn render_text(c: &Comparison) -> String {
    let mut out = String::new();
    headers(&mut out, &c.a, &c.b);

    section(&mut out, "Verdict");
    let yn = |b| if b { "yes" } else { "no" };
    let _ = writeln!(
        out,
        "  same event: {}    same storyline: {}",
        yn(c.same_event),
        yn(c.same_storyline)
    );
    for r in &c.reasons {
        wrap(&mut out, "  - ", 4, r);
    }

    section(&mut out, "Actors");
    if c.actors.shared.is_empty() {
        let _ = writeln!(out, "  shared: none");
    }
    for s in &c.actors.shared {
        let texts = if s.a_text == s.b_text {
            s.a_text.clone()
        } else {
            format!("{} / {}", s.a_text, s.b_text)
        };
        wrap(
            &mut out,
            "  ",
            6,
            &format!("shared {:?} {}: {texts}", s.kind, s.key),
        );
    }
    for (label, list) in [("only a", &c.actors.only_a), ("only b", &c.actors.only_b)] {
        let names: Vec<String> = list
            .iter()
            .map(|x| format!("{} ({})", x.text, x.key))
            .collect();
        let names = if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        };
        wrap(&mut out, &format!("  {label}: "), 6, &names);
    }

    section(&mut out, "Conflicts (same count, different values)");
    if c.conflicts.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for k in &c.conflicts {
        wrap(&mut out, "  * ", 4, &format!("{} — {}", k.note, k.timing));
        cited(&mut out, &k.a);
        cited(&mut out, &k.b);
    }

    section(&mut out, "Progressions (same source, two times)");
    if c.progressions.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for p in &c.progressions {
        let growth = p
            .growth_pct
            .map(|g| format!(" {g:+.0}%"))
            .unwrap_or_default();
        wrap(
            &mut out,
            "  * ",
            4,
            &format!("{}{growth} — {}", p.direction, p.note),
        );
        wrap(&mut out, "    order: ", 8, &p.basis);
        cited(&mut out, &p.from);
        cited(&mut out, &p.to);
    }

    section(&mut out, "Figures");
    for (label, figs) in [("a", &c.figures_a), ("b", &c.figures_b)] {
        let _ = writeln!(
            out,
            "  {label}:{}",
            if figs.is_empty() { " none" } else { "" }
        );
        for f in figs {
            figure_line(&mut out, f);
        }
    }

    section(&mut out, "Quotes");
    quotes(&mut out, "a", &c.quotes_a);
    quotes(&mut out, "b", &c.quotes_b);

    section(&mut out, "Framing (wording categories)");
    framing(&mut out, "only a", &c.framing.only_a);
    framing(&mut out, "only b", &c.framing.only_b);
    framing(&mut out, "shared", &c.framing.shared);
    out
}
