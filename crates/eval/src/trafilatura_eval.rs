//! trafilatura's evaluation set: 990 pages, each with up to six segments that must appear in the
//! main text ('with') and up to six boilerplate segments that must not ('without'), scored as
//! its `tests/eval_common.py` does: whitespace-normalised substring search, micro precision,
//! recall and F1 over all segments. Title, author and date are scored on the pages whose gold
//! value is not empty.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Map, Value};
use storyline_model::{Format, RawDoc};

use crate::extraction::article_text;
use crate::Report;

/// Scores our HTML extractor on the set, and its speed on one core.
pub fn score(data: &Path, report: &mut Report) {
    let dir = data.join("trafilatura-eval");
    let gold_path = dir.join("evaldata.json");
    let gold: Map<String, Value> = match std::fs::read_to_string(&gold_path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(gold) => gold,
        Err(e) => {
            report.skipped.push(format!(
                "extract.trafilatura_eval: {}: {e}",
                gold_path.display()
            ));
            return;
        }
    };
    let mut urls: Vec<&String> = gold.keys().collect();
    urls.sort();
    let (mut all, mut halves) = (Tally::default(), [Tally::default(), Tally::default()]);
    let mut spent = Duration::ZERO;
    for (i, url) in urls.iter().enumerate() {
        let item = &gold[*url];
        let file = item["file"].as_str().unwrap_or("");
        let path = dir.join("html").join(format!("{file}.gz"));
        let origin = path.display().to_string();
        // An unreadable page counts as an empty extraction, as a crash does in eval_common.py.
        let text = read_page(&path).unwrap_or_default();
        let doc = RawDoc {
            origin,
            format: Format::Html,
            text,
        };
        let started = Instant::now();
        let article = storyline_extract::extract(&doc)
            .ok()
            .and_then(|a| a.into_iter().next());
        spent += started.elapsed();
        let page = Page::of(item, article.as_ref());
        if i % 2 == 0 && std::env::var_os(crate::scrapinghub::MISSES_ENV).is_some() {
            print_misses(url, &path, item, article.as_ref(), &page);
        }
        all.add(&page);
        halves[i % 2].add(&page);
    }
    if all.pages == 0 {
        report.skipped.push(format!(
            "extract.trafilatura_eval: {}: no readable pages",
            dir.display()
        ));
        return;
    }
    let detail = format!(
        "{} pages, 'with'/'without' segments, micro-averaged as in eval_common.py",
        all.pages
    );
    let (p, r, f1) = all.segments.scores();
    for (name, value) in [("precision", p), ("recall", r), ("f1", f1)] {
        report.push(
            "extract",
            &format!("extract.trafilatura_eval.{name}"),
            value,
            detail.clone(),
        );
    }
    for (name, (right, of)) in [
        ("title", all.title),
        ("author", all.author),
        ("date", all.date),
    ] {
        report.push(
            "extract",
            &format!("extract.trafilatura_eval.{name}_accuracy"),
            if of == 0 {
                0.0
            } else {
                right as f64 / of as f64
            },
            format!("{right} of {of} pages with a gold {name}"),
        );
    }
    report.notes.push(format!(
        "extract.trafilatura_eval: F1 {:.3} on the even sorted URLs (the tuning half), {:.3} on the odd ones; \
         extraction alone {:.0} pages/s on one core ({} pages in {:.2} s)",
        halves[0].segments.scores().2,
        halves[1].segments.scores().2,
        all.pages as f64 / spent.as_secs_f64().max(1e-9),
        all.pages,
        spent.as_secs_f64()
    ));
}

/// Prints a tuning-half page's missed 'with' and found 'without' segments, and its wrong
/// title, author or date, one line each.
fn print_misses(
    url: &str,
    path: &Path,
    item: &Value,
    article: Option<&storyline_model::Article>,
    page: &Page,
) {
    let text = norm(&article.map(article_text).unwrap_or_default());
    let segments = |key: &str| -> Vec<String> {
        item[key]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).map(norm).collect())
            .unwrap_or_default()
    };
    let file = path.display();
    for s in segments("with")
        .iter()
        .filter(|s| !text.contains(s.as_str()))
    {
        eprintln!("extract.trafilatura_eval {file} {url} missed: {s}");
    }
    for s in segments("without")
        .iter()
        .filter(|s| text.contains(s.as_str()))
    {
        eprintln!("extract.trafilatura_eval {file} {url} kept: {s}");
    }
    let got = [
        ("title", page.title, article.and_then(|a| a.title.clone())),
        (
            "author",
            page.author,
            article.and_then(|a| a.author.clone()),
        ),
        (
            "date",
            page.date,
            article.and_then(|a| a.published.value.clone()),
        ),
    ];
    for (key, right, value) in got {
        if right == Some(false) {
            let gold = item[key].as_str().unwrap_or("");
            eprintln!("extract.trafilatura_eval {file} {url} {key}: {value:?} want {gold:?}");
        }
    }
}

/// The decoded page, as `storyline ingest` decodes it (gzip, then the declared charset).
fn read_page(path: &Path) -> Option<String> {
    let doc = storyline_sources::read(&[path.to_path_buf()], Default::default())
        .next()?
        .ok()?;
    Some(doc.text)
}

/// Segment counts of the confusion matrix.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct Segments {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Segments {
    /// Counts one page: each 'with' segment found is a true positive, else a false negative;
    /// each 'without' segment found is a false positive.
    pub(crate) fn of(text: &str, with: &[&str], without: &[&str]) -> Segments {
        let text = norm(text);
        let found = |segments: &[&str]| segments.iter().filter(|s| text.contains(&norm(s))).count();
        let tp = found(with);
        Segments {
            tp,
            fp: found(without),
            fn_: with.len() - tp,
        }
    }

    fn add(&mut self, other: Segments) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Precision, recall and F1, each 0 when its denominator is.
    pub(crate) fn scores(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        (
            ratio(self.tp, self.tp + self.fp),
            ratio(self.tp, self.tp + self.fn_),
            ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_),
        )
    }
}

/// Whitespace runs (Unicode, as Python's `\s`) to one space, ends trimmed.
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One page's scores: its segments, and for title, author and date whether the gold value
/// exists and whether ours matched it.
struct Page {
    segments: Segments,
    title: Option<bool>,
    author: Option<bool>,
    date: Option<bool>,
}

impl Page {
    fn of(item: &Value, article: Option<&storyline_model::Article>) -> Page {
        let strings = |key: &str| -> Vec<&str> {
            item[key]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default()
        };
        let text = article.map(article_text).unwrap_or_default();
        let gold = |key: &str| item[key].as_str().map(str::trim).filter(|v| !v.is_empty());
        let title = article.and_then(|a| a.title.as_deref());
        let author = article.and_then(|a| a.author.as_deref());
        let date = article.and_then(|a| a.published.value.as_deref());
        Page {
            segments: Segments::of(&text, &strings("with"), &strings("without")),
            title: gold("title").map(|g| title.is_some_and(|t| norm(t) == norm(g))),
            author: gold("author").map(|g| author.is_some_and(|a| same_people(a, g))),
            date: gold("date").map(|g| date == Some(g)),
        }
    }
}

/// Whether two bylines name the same people, whatever the separators and case.
pub(crate) fn same_people(a: &str, b: &str) -> bool {
    let people = |s: &str| -> BTreeSet<String> {
        let lower = s.to_lowercase();
        let mut names = vec![lower.as_str()];
        for sep in [";", ",", "|", " and ", " und ", " et ", " & "] {
            names = names.iter().flat_map(|n| n.split(sep)).collect();
        }
        names
            .into_iter()
            .map(norm)
            .filter(|n| !n.is_empty())
            .collect()
    };
    people(a) == people(b)
}

/// Totals over pages.
#[derive(Default)]
struct Tally {
    pages: usize,
    segments: Segments,
    /// (right, pages with a gold value) for title, author and date.
    title: (usize, usize),
    author: (usize, usize),
    date: (usize, usize),
}

impl Tally {
    fn add(&mut self, page: &Page) {
        self.pages += 1;
        self.segments.add(page.segments);
        for (field, got) in [
            (&mut self.title, page.title),
            (&mut self.author, page.author),
            (&mut self.date, page.date),
        ] {
            if let Some(right) = got {
                field.0 += usize::from(right);
                field.1 += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_found_across_whitespace_and_counted() {
        let text = "First  paragraph\nof the text.\n\nMenu Home";
        let s = Segments::of(
            text,
            &["paragraph of the", "of the text.", "missing"],
            &["Menu", "Footer"],
        );
        assert_eq!(
            s,
            Segments {
                tp: 2,
                fp: 1,
                fn_: 1
            }
        );
        let (p, r, f1) = s.scores();
        assert!((p - 2.0 / 3.0).abs() < 1e-12 && (r - 2.0 / 3.0).abs() < 1e-12);
        assert!((f1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Segments::default().scores(), (0.0, 0.0, 0.0));
    }

    #[test]
    fn bylines_compare_as_sets_of_people() {
        assert!(same_people(
            "Benjamin Fischer und Marcus Theurer",
            "Marcus Theurer; benjamin fischer"
        ));
        assert!(!same_people("Benjamin Fischer", "Marcus Theurer"));
        assert!(!same_people("Benjamin Fischer", "Benjamin Fischer; AFP"));
    }
}
