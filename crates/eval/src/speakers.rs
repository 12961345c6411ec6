//! Quote speakers on BASIL: its phrase annotations mark 722 quoted phrases with their
//! speaker (`Michael_Steele`, `House_Democrats`, or `other_anti` / `other_pro` /
//! `other_neutral` for an unnamed one). A phrase is covered when a quote that storyline found
//! in the same article contains it; on the covered phrases with a named speaker, the speaker
//! is right when storyline's speaker carries the annotated family name.
//!
//! Annotations (`annotations/<year>/<triplet>_<n>_ann.json`) and articles
//! (`articles/<year>/<triplet>_<n>.json`) are matched by file name: they also share the
//! article `uuid`, but four articles have the uuid `empty`.
//!
//! The phrases are split in two halves as the English gold is (gold/README.md): by the last
//! hex digit of the triplet uuid, even → `dev` (looked at while tuning), odd → `test` (never
//! looked at). The three outlets' articles of one event stay in one half. Both halves and the
//! whole are reported.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use storyline_analyze::Analyzer;
use storyline_model::Quote;

use crate::{linking, names, stream, Report};

/// One annotated quote phrase.
#[derive(Clone)]
struct Annotated {
    /// The article's file name without extension (`<triplet>_<n>`).
    article: String,
    phrase: String,
    speaker: String,
}

/// Scores quote detection and speakers against the BASIL annotations.
pub fn basil(data: &Path, analyzer: &Analyzer, report: &mut Report) {
    let articles = data.join("basil-media-bias/articles");
    let annotations = data.join("basil-media-bias/annotations");
    for path in [&articles, &annotations] {
        if !path.is_dir() {
            report
                .skipped
                .push(format!("analyze.quotes: {} absent", path.display()));
            return;
        }
    }
    let started = Instant::now();
    let gold = match annotated_quotes(&annotations) {
        Ok(gold) => gold,
        Err(e) => {
            report.skipped.push(format!("analyze.quotes: {e}"));
            return;
        }
    };
    let read = stream::read_articles(&articles, 0, usize::MAX);
    // The quotes of each article, by file name.
    let quotes: HashMap<String, Vec<Quote>> = read
        .articles
        .iter()
        .zip(stream::analyze(&read.articles, analyzer))
        .filter_map(|(article, analysis)| {
            Some((stem(&article.origin)?.to_string(), analysis.quotes))
        })
        .collect();
    let (dev, test): (Vec<Annotated>, Vec<Annotated>) =
        gold.iter().cloned().partition(|a| is_dev(&a.article));
    let all = count(&gold, &quotes);
    push(report, "", gold.len(), &all);
    for (part, phrases) in [("dev_", &dev), ("test_", &test)] {
        let counts = count(phrases, &quotes);
        // Only the half looked at while tuning prints its misses (as facts does for dev).
        if part == "dev_" && std::env::var_os(crate::facts::MISSES_ENV).is_some() {
            for miss in &counts.wrong {
                eprintln!("basil-dev {miss}");
            }
        }
        push(report, part, phrases.len(), &counts);
    }
    let (n, unmatched_articles) = (gold.len(), all.unmatched_articles);
    if unmatched_articles > 0 {
        report.notes.push(format!(
            "analyze.quotes: {unmatched_articles} annotated phrases have no analyzed article"
        ));
    }
    report.notes.push(format!(
        "analyze.quotes: read and analyzed {} BASIL articles, matched {n} phrases in {:.2} s",
        quotes.len(),
        started.elapsed().as_secs_f64()
    ));
}

/// Pushes the coverage and speaker accuracy of one half (`part` is `dev_`, `test_` or empty
/// for all phrases).
fn push(report: &mut Report, part: &str, n: usize, counts: &Counts) {
    let Counts {
        covered,
        named,
        right,
        ..
    } = *counts;
    let half = part.trim_end_matches('_');
    let of = if half.is_empty() {
        String::new()
    } else {
        format!(" ({half} half)")
    };
    report.push(
        "analyze",
        &format!("analyze.quotes.basil_{part}coverage"),
        rate(covered, n),
        format!("{covered} of {n} BASIL quote phrases{of} fall inside a detected quote"),
    );
    report.push(
        "analyze",
        &format!("analyze.quotes.basil_{part}speaker_accuracy"),
        rate(right, named),
        format!(
            "{right} of {named} covered phrases{of} with a named speaker (not other_*) get that \
             family name as speaker"
        ),
    );
}

/// Whether an article (`<triplet-uuid>_<n>`) is in the half looked at while tuning: the last
/// hex digit of its triplet uuid is even.
fn is_dev(article: &str) -> bool {
    let triplet = article.rsplit_once('_').map_or(article, |(t, _)| t);
    triplet
        .chars()
        .last()
        .and_then(|c| c.to_digit(16))
        .is_some_and(|d| d % 2 == 0)
}

/// What the matching found.
#[derive(Debug, Default)]
struct Counts {
    /// Phrases inside a detected quote.
    covered: usize,
    /// Covered phrases whose annotated speaker is named (not `other_*`).
    named: usize,
    /// Named ones whose detected speaker carries the family name.
    right: usize,
    /// Phrases whose article was not analyzed.
    unmatched_articles: usize,
    /// The named ones with a wrong speaker: article, phrase, speaker found and wanted.
    wrong: Vec<String>,
}

/// Matches each annotated phrase with the first detected quote of its article that contains
/// it, and compares the speakers.
fn count(gold: &[Annotated], quotes: &HashMap<String, Vec<Quote>>) -> Counts {
    let mut counts = Counts::default();
    for annotated in gold {
        let Some(detected) = quotes.get(&annotated.article) else {
            counts.unmatched_articles += 1;
            continue;
        };
        let phrase = fold(&annotated.phrase);
        let Some(found) = detected
            .iter()
            .find(|q| !phrase.is_empty() && fold(&q.text).contains(&phrase))
        else {
            continue;
        };
        counts.covered += 1;
        let Some(family) = family_name(&annotated.speaker) else {
            continue;
        };
        counts.named += 1;
        let said = [found.speaker.as_deref(), found.speaker_key.as_deref()];
        if said.into_iter().flatten().any(|s| names(s, &family)) {
            counts.right += 1;
        } else {
            counts.wrong.push(format!(
                "{} speaker wrong {:?} got {said:?}, want {family:?}",
                annotated.article, annotated.phrase
            ));
        }
    }
    counts
}

/// A file name without folder and extension.
fn stem(path: &str) -> Option<&str> {
    Path::new(path).file_stem()?.to_str()
}

fn rate(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Every phrase annotated `quote: yes`, with its article uuid and speaker.
fn annotated_quotes(dir: &Path) -> Result<Vec<Annotated>, String> {
    let mut out = Vec::new();
    for path in linking::json_files(dir) {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_stem().and_then(|s| s.to_str());
        let Some(article) = name.and_then(|s| s.strip_suffix("_ann")) else {
            continue;
        };
        let phrases = value["phrase-level-annotations"].as_array();
        for p in phrases.into_iter().flatten() {
            if p["quote"].as_str() != Some("yes") {
                continue;
            }
            out.push(Annotated {
                article: article.to_string(),
                phrase: p["txt"].as_str().unwrap_or("").to_string(),
                speaker: p["speaker"].as_str().unwrap_or("").to_string(),
            });
        }
    }
    Ok(out)
}

/// Lower-case words separated by single spaces, apostrophes and quote marks dropped, so that
/// curly and straight punctuation and spacing do not decide a match.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
    out
}

/// The family name of a BASIL speaker (`Michael_Steele` → `steele`, `House_Democrats` →
/// `democrats`, `Jesse_Jackson_Jr.` → `jackson`), lower-case; `None` for an unnamed speaker (`other_anti`, empty).
fn family_name(speaker: &str) -> Option<String> {
    let lower = speaker.trim().to_lowercase();
    if lower.is_empty() || lower.starts_with("other_") || lower == "other" {
        return None;
    }
    names::last_name_word(&lower)
}

/// Whether `said` (a speaker as written, or an entity key like `per:michael-steele`) names
/// `family`: one of its words equals it, or starts with it when it has four letters or
/// more, because BASIL cuts names at their first non-ASCII letter (`Felipe_Calder` for
/// Calderón).
fn names(said: &str, family: &str) -> bool {
    said.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| w == family || (family.chars().count() >= 4 && w.starts_with(family)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::{QuoteKind, Span};

    fn quote(text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            text: text.to_string(),
            speaker: speaker.map(str::to_string),
            speaker_key: None,
            kind: QuoteKind::Direct,
            as_of: None,
            span: Span::new(0, 0),
        }
    }

    fn annotated(article: &str, phrase: &str, speaker: &str) -> Annotated {
        Annotated {
            article: article.to_string(),
            phrase: phrase.to_string(),
            speaker: speaker.to_string(),
        }
    }

    #[test]
    fn counts_coverage_named_speakers_and_right_ones() {
        let quotes = HashMap::from([(
            "t_1".to_string(),
            vec![
                quote("We will not back down, not now", Some("Mr. Steele")),
                quote("a war of choice", None),
            ],
        )]);
        let gold = [
            annotated("t_1", "will not back down", "Michael_Steele"),
            annotated("t_1", "a war of choice", "Barack_Obama"),
            annotated("t_1", "not now", "other_anti"),
            annotated("t_1", "never said", "Michael_Steele"),
            annotated("t_2", "anything", "Michael_Steele"),
        ];
        let counts = count(&gold, &quotes);
        assert_eq!(
            (
                counts.covered,
                counts.named,
                counts.right,
                counts.unmatched_articles
            ),
            (3, 2, 1, 1)
        );
        assert_eq!(counts.wrong.len(), 1);
        assert!(counts.wrong[0].contains("a war of choice"));
    }

    #[test]
    fn halves_follow_the_last_hex_digit_of_the_triplet() {
        assert!(is_dev("005a2961-0c2e-4575-8eec-770ba52a08e0_2"));
        assert!(!is_dev("1b96a5db-8974-46d3-82d7-5dfef02f650f_2"));
        assert!(!is_dev("not-a-uuid-x_1"), "no hex digit: held out");
    }

    #[test]
    fn family_names_of_people_and_groups_and_none_for_unnamed() {
        assert_eq!(family_name("Michael_Steele").as_deref(), Some("steele"));
        assert_eq!(family_name("House_Democrats").as_deref(), Some("democrats"));
        assert_eq!(family_name("Trump").as_deref(), Some("trump"));
        assert_eq!(family_name("Jesse_Jackson_Jr.").as_deref(), Some("jackson"));
        assert_eq!(family_name("other_anti"), None);
        assert_eq!(family_name(""), None);
    }

    #[test]
    fn speakers_match_on_the_family_name_case_insensitively() {
        assert!(names("Mr. Steele", "steele"));
        assert!(names("per:michael-steele", "steele"));
        assert!(names("Felipe Calderón", "calder"));
        assert!(!names("Mr. Obama", "steele"));
        assert!(names("Al Gore", "al"));
        // A short family name must match a whole word.
        assert!(!names("Algeria", "al"));
    }

    #[test]
    fn folding_ignores_case_punctuation_and_curly_apostrophes() {
        assert_eq!(fold("“It’s  a WAR,” he said"), "its a war he said");
        assert!(fold("It's a war of Obama's choosing").contains(&fold("a war of Obama’s")));
    }
}
