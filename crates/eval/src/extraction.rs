//! Extraction scores on the OrangeSum HTML sample: title, date and text agreement with the
//! repository's own parsed fields (a site-specific parser, not human-checked: see SOURCE.txt).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use storyline_model::Article;

use crate::Report;

/// Scores the simple HTML extractor on the 300 OrangeSum pages.
pub fn orangesum_html(data: &Path, report: &mut Report) {
    let dir = data.join("orangesum-fr/html-sample");
    let truth_path = dir.join("parsed-ground-truth.json");
    let truth: HashMap<String, serde_json::Value> = match std::fs::read_to_string(&truth_path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(t) => t,
        Err(e) => {
            report.skipped.push(format!(
                "extract.orangesum_html: {}: {e}",
                truth_path.display()
            ));
            return;
        }
    };
    let (mut n, mut titles, mut dates, mut f1_sum) = (0usize, 0usize, 0usize, 0.0);
    for (id, fields) in &truth {
        let path = dir.join(format!("{id}.html.gz"));
        let article = read_article(&path);
        n += 1;
        let Some(article) = article else { continue };
        let want_title = fields["title"].as_str().unwrap_or("").trim();
        if article.title.as_deref().map(str::trim) == Some(want_title) {
            titles += 1;
        }
        let want_date = fields["date"].as_str().unwrap_or("");
        if within_one_day(article.published.value.as_deref(), want_date) {
            dates += 1;
        }
        let want_text = format!(
            "{} {}",
            fields["heading"].as_str().unwrap_or(""),
            fields["article"].as_str().unwrap_or("")
        );
        f1_sum += token_f1(&article.paragraphs.join(" "), &want_text);
    }
    if n == 0 {
        report
            .skipped
            .push("extract.orangesum_html: no pages".into());
        return;
    }
    let detail = format!("{n} OrangeSum pages vs the repository's parsed fields");
    report.push(
        "extract",
        "extract.orangesum_html.title_exact",
        titles as f64 / n as f64,
        detail.clone(),
    );
    report.push(
        "extract",
        "extract.orangesum_html.date_within_1_day",
        dates as f64 / n as f64,
        detail.clone(),
    );
    report.push(
        "extract",
        "extract.orangesum_html.text_token_f1",
        f1_sum / n as f64,
        detail,
    );
}

/// The first article of a file, as `storyline ingest` reads it; `None` when it holds none.
pub(crate) fn read_article(path: &Path) -> Option<Article> {
    let doc = storyline_sources::read(&[path.to_path_buf()], Default::default())
        .next()?
        .ok()?;
    storyline_extract::extract(&doc).ok()?.into_iter().next()
}

/// The extracted text as benchmarks compare it: the dateline (which extraction keeps apart)
/// back before the first paragraph, paragraphs on lines of their own.
pub(crate) fn article_text(article: &Article) -> String {
    let mut text = article.dateline.clone().unwrap_or_default();
    for paragraph in &article.paragraphs {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(paragraph);
    }
    text
}

fn within_one_day(got: Option<&str>, want: &str) -> bool {
    let parse = |s: &str| chrono_day(s.get(..10)?);
    match (got.and_then(parse), parse(want)) {
        (Some(a), Some(b)) => (a - b).abs() <= 1,
        _ => false,
    }
}

/// Days since 0000-03-01 for an ISO `YYYY-MM-DD`, enough to compare two dates.
fn chrono_day(s: &str) -> Option<i64> {
    let mut parts = s.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d)
}

/// Bag-of-words F1 between two texts (lowercased alphanumeric tokens).
pub fn token_f1(got: &str, want: &str) -> f64 {
    let bag = |s: &str| -> HashMap<String, usize> {
        let mut m = HashMap::new();
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *m.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        m
    };
    let (g, w) = (bag(got), bag(want));
    let keys: HashSet<&String> = g.keys().chain(w.keys()).collect();
    let common: usize = keys
        .iter()
        .map(|k| g.get(*k).unwrap_or(&0).min(w.get(*k).unwrap_or(&0)))
        .copied()
        .sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if common == 0 || ng == 0 || nw == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / ng as f64, common as f64 / nw as f64);
    2.0 * p * r / (p + r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_f1_is_one_for_same_words_and_zero_for_disjoint() {
        assert_eq!(token_f1("Le chat dort", "le chat dort"), 1.0);
        assert_eq!(token_f1("chat", "chien"), 0.0);
        assert!((token_f1("a b", "a c") - 0.5).abs() < 1e-9);
    }

    #[test]
    fn dates_within_a_day() {
        assert!(within_one_day(
            Some("2020-06-05T10:00:00+02:00"),
            "2020-06-04"
        ));
        assert!(!within_one_day(Some("2020-06-07"), "2020-06-05"));
        assert!(within_one_day(Some("2020-03-01"), "2020-02-29"));
        assert!(!within_one_day(None, "2020-06-05"));
    }
}
