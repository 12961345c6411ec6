//! Near-duplicates: republished variants of OrangeSum articles (see [`crate::variants`]) mixed
//! with their originals and with unrelated articles; pairwise precision and recall of the
//! duplicate groups (`LinkIds::duplicate_of`).
//!
//! The gold classes: a variant belongs with its original. OrangeSum itself holds articles
//! published twice with the very same text; such exact copies are duplicates too, so they
//! share a gold class instead of counting as false positives. Real near-copies that are not
//! exactly equal stay in different classes: they are counted apart in the notes, since
//! grouping them is arguably right.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use storyline_analyze::Analyzer;
use storyline_link::dedup;
use storyline_model::Article;

use crate::variants::{self, Edits, XorShift};
use crate::{clustering, distractors, stream, Report};

/// Articles that get a variant, read after the distractors of the BASIL scorer.
pub const ORIGINALS: usize = 2_000;
/// Unmodified articles mixed in, read after the originals.
pub const OTHERS: usize = 2_000;
/// Seed of the variant generator: fixed, so that the scores are reproducible.
const SEED: u64 = 2022;

/// Generates the variants, links everything and scores the duplicate groups.
pub fn orangesum(data: &Path, analyzer: &Analyzer, report: &mut Report) {
    let path = data.join(stream::ORANGESUM);
    if !report.has_data("link.duplicates", &[&path]) {
        return;
    }
    let started = Instant::now();
    let read = stream::read_articles(&path, distractors::DISTRACTORS, ORIGINALS + OTHERS);
    let mut articles = read.articles;
    let originals = ORIGINALS.min(articles.len());
    let mut rng = XorShift::new(SEED);
    let (variants, edits): (Vec<Article>, Vec<Edits>) = articles
        .get(..originals)
        .unwrap_or_default()
        .iter()
        .map(|a| variants::variant(a, &mut rng))
        .unzip();
    let mut classes = variants::exact_text_classes(&articles);
    let exact_copies = articles.len() - distinct(&classes);
    classes.extend(classes.get(..originals).unwrap_or_default().to_vec());
    let unmodified = articles.len();
    articles.extend(variants);
    // MinHash signatures of the originals and variants, to tell the misses that the
    // signatures explain (estimated Jaccard below the threshold) from those of the index.
    let varied = articles.get(..originals).unwrap_or_default();
    let wanted: HashSet<&str> = varied.iter().map(|a| a.id.as_str()).collect();
    let mut signatures: HashMap<String, Vec<u32>> = HashMap::new();
    let result = stream::link(&articles, analyzer, |a| {
        if a.id.ends_with("~variant") || wanted.contains(a.id.as_str()) {
            signatures.insert(a.id.clone(), a.fingerprint.clone());
        }
    });
    if result.assignments.len() != articles.len() {
        report.skipped.push(format!(
            "link.duplicates: the linker placed {} of {} articles",
            result.assignments.len(),
            articles.len()
        ));
        return;
    }
    // Assignments follow the order of `articles`; a group is named by its first article.
    let groups: Vec<&str> = result
        .assignments
        .iter()
        .map(|(id, link)| link.duplicate_of.as_deref().unwrap_or(id))
        .collect();
    let items: Vec<(&str, usize)> = groups.iter().copied().zip(classes).collect();
    let scores = clustering::pairwise(&items);
    let detail = format!(
        "{originals} OrangeSum articles with one republished variant each, among {unmodified} unmodified \
         ({exact_copies} exact-text copies in the corpus itself count as duplicates)"
    );
    report.push(
        "link",
        "link.duplicates.precision",
        scores.precision,
        detail.clone(),
    );
    report.push(
        "link",
        "link.duplicates.recall",
        scores.recall,
        detail.clone(),
    );
    report.push("link", "link.duplicates.f1", scores.f1, detail);
    let found: Vec<bool> = (0..originals)
        .map(|i| groups.get(i) == groups.get(unmodified + i))
        .collect();
    let words_edited: usize = edits.iter().map(|e| e.words_edited).sum();
    report.notes.push(format!(
        "link.duplicates: variants found with their original, by edit: {}; {:.1} words edited \
         per variant on average",
        recall_by_edit(&edits, &found),
        words_edited as f64 / edits.len().max(1) as f64
    ));
    report
        .notes
        .push(similarity_note(varied, &signatures, &found));
    report.notes.push(format!(
        "link.duplicates: {} wrongly grouped pairs between two unmodified OrangeSum articles \
         (near-copies in the corpus itself, not exact)",
        false_pairs_between(&items, unmodified)
    ));
    report.notes.push(format!(
        "link.duplicates: read, varied, analyzed and linked {} articles in {:.2} s",
        articles.len(),
        started.elapsed().as_secs_f64()
    ));
}

/// How close the variants' signatures are to their originals', and how many of those the
/// detector's pair test accepts were found (the rest were lost in the candidate search).
fn similarity_note(
    originals: &[Article],
    signatures: &HashMap<String, Vec<u32>>,
    found: &[bool],
) -> String {
    let mut above = (0, 0);
    let mut estimates: Vec<f64> = Vec::with_capacity(originals.len());
    for (a, f) in originals.iter().zip(found) {
        let variant = format!("{}~variant", a.id);
        let (Some(x), Some(y)) = (signatures.get(&a.id), signatures.get(&variant)) else {
            continue;
        };
        let j = dedup::jaccard(x, y);
        estimates.push(j);
        if dedup::is_duplicate(x, y) {
            above.0 += 1;
            above.1 += usize::from(*f);
        }
    }
    estimates.sort_by(f64::total_cmp);
    let quartile = |q: usize| {
        estimates
            .get(estimates.len() * q / 4)
            .map_or("-".to_string(), |j| format!("{j:.2}"))
    };
    format!(
        "link.duplicates: MinHash Jaccard of variant and original: quartiles {} / {} / {}; \
         {} of {} variants pass the pair test (Jaccard ≥ {} and containment ≥ {}), of which {} were found",
        quartile(1),
        quartile(2),
        quartile(3),
        above.0,
        estimates.len(),
        dedup::MIN_JACCARD,
        dedup::MIN_CONTAINMENT,
        above.1
    )
}

fn distinct(classes: &[usize]) -> usize {
    classes.iter().enumerate().filter(|(i, c)| i == *c).count()
}

/// A kind of edit, by name, and whether a variant received it.
type EditKind = (&'static str, fn(&Edits) -> bool);

/// The kinds reported one by one; the last is for variants with nothing but word edits.
const EDIT_KINDS: [EditKind; 5] = [
    ("retitled", |e| e.retitled),
    ("trimmed", |e| e.trimmed),
    ("boilerplate", |e| e.boilerplate),
    ("reordered", |e| e.reordered),
    ("words edited only", |e| {
        !(e.retitled || e.trimmed || e.boilerplate || e.reordered)
    }),
];

/// "retitled 990/1000, trimmed …": how many variants of each kind were grouped with their
/// original, so that the next change to the detector knows which edit it misses.
fn recall_by_edit(edits: &[Edits], found: &[bool]) -> String {
    EDIT_KINDS
        .iter()
        .map(|(name, has)| {
            let (mut n, mut ok) = (0, 0);
            for (e, f) in edits.iter().zip(found) {
                if has(e) {
                    n += 1;
                    ok += usize::from(*f);
                }
            }
            format!("{name} {ok}/{n}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Pairs grouped together whose gold classes differ, among the first `unmodified` items.
fn false_pairs_between(items: &[(&str, usize)], unmodified: usize) -> usize {
    let mut members: HashMap<&str, Vec<usize>> = HashMap::new();
    for (group, class) in items.iter().take(unmodified) {
        members.entry(group).or_default().push(*class);
    }
    members
        .values()
        .map(|classes| {
            let mut n = 0;
            for (i, a) in classes.iter().enumerate() {
                n += classes.iter().skip(i + 1).filter(|b| *b != a).count();
            }
            n
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            paragraphs: vec![text.to_string()],
            ..Article::default()
        }
    }

    #[test]
    fn exact_copies_share_a_class() {
        let classes = variants::exact_text_classes(&[article("a"), article("b"), article("a")]);
        assert_eq!(classes, vec![0, 1, 0]);
        assert_eq!(distinct(&classes), 2);
    }

    #[test]
    fn false_pairs_count_only_unmodified_items_of_different_classes() {
        // Group g holds classes 0, 0 and 1: two wrong pairs; the variant (last) is not counted.
        let items = [("g", 0), ("g", 0), ("g", 1), ("h", 2), ("g", 3)];
        assert_eq!(false_pairs_between(&items, 4), 2);
    }

    #[test]
    fn recall_by_edit_counts_each_kind() {
        let retitled = Edits {
            retitled: true,
            words_edited: 1,
            ..Edits::default()
        };
        let plain = Edits {
            words_edited: 2,
            ..Edits::default()
        };
        let text = recall_by_edit(&[retitled, plain, retitled], &[true, false, false]);
        assert!(text.starts_with("retitled 1/2, trimmed 0/0"), "{text}");
        assert!(text.ends_with("words edited only 0/1"), "{text}");
    }
}
