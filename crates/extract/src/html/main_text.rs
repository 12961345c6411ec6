//! The main text: readability's scoring of containers (paragraph text and commas credited to
//! the ancestors, class and id weights, link density), the best container with the siblings
//! that continue it, then paragraph-level filtering of link lists and interface lines.

use super::clean::{paragraphs, Info, Paragraph};
use super::dates::text_date;
use super::patterns::patterns;

/// Shortest paragraph text (bytes) that credits its ancestors.
const MIN_SCORED: usize = 25;
/// How many ancestor levels a paragraph credits.
const LEVELS: usize = 5;
/// A paragraph with more of its text in links is a link list, not prose.
const MAX_LINK_DENSITY: f64 = 0.5;
/// Most words of a paragraph that is a date stamp or a dated byline, not text.
const MAX_STAMP_WORDS: usize = 10;

/// The main-text paragraphs of an indexed page.
pub fn main_paragraphs(nodes: &[Info]) -> Vec<String> {
    let mut parts = Vec::new();
    let scores = scores(nodes);
    match best(nodes, &scores) {
        Some(top) => {
            for part in with_siblings(nodes, &scores, top) {
                paragraphs(nodes, part, &mut parts);
            }
        }
        None => {
            if let Some(body) = nodes.iter().position(|n| n.name() == "body") {
                paragraphs(nodes, body, &mut parts);
            } else {
                paragraphs(nodes, 0, &mut parts);
            }
        }
    }
    let p = patterns();
    cut_at_end_line(&mut parts);
    parts
        .into_iter()
        .filter(|Paragraph { text, link_text }| {
            (*link_text as f64) <= MAX_LINK_DENSITY * text.len() as f64
                && !p.is_boilerplate_line(text)
                && !is_stamp(text)
        })
        .map(|p| p.text)
        .collect()
}

/// Drops a closing heading ("You might also like", "Kommentare") and all that follows it, when
/// it comes in the second half of the text: a heading like it near the top is a box beside the
/// article, not its end.
fn cut_at_end_line(parts: &mut Vec<Paragraph>) {
    let total: usize = parts.iter().map(|p| p.text.len()).sum();
    let mut before = 0;
    for (i, part) in parts.iter().enumerate() {
        if 2 * before >= total && patterns().is_end_line(&part.text) {
            parts.truncate(i);
            return;
        }
        before += part.text.len();
    }
}

/// Whether a paragraph is a date stamp or a dated byline ("by Ann Lee September 15, 2014",
/// "Aktualisiert am 05. Februar 2020"): a few words around a date to the day. Prose that
/// mentions a day has more words. A line opened by a dash signs a quote or an embedded post
/// ("— Ann Lee (@ann) November 18, 2019"), which belongs to the text.
fn is_stamp(text: &str) -> bool {
    !text.starts_with(['—', '–', '-'])
        && text.split_whitespace().count() <= MAX_STAMP_WORDS
        && text_date(text).is_some()
}

/// Whether a node is a paragraph for scoring: a paragraph-like element, or a division
/// without blocks below it (a paragraph written with `<div>`).
fn is_paragraph(info: &Info) -> bool {
    match info.name() {
        "p" | "pre" | "td" | "blockquote" | "h2" | "h3" | "h4" | "h5" | "h6" => true,
        "div" | "section" | "span" | "font" | "article" | "main" => !info.block_inside,
        _ => false,
    }
}

/// readability's score of an element before its paragraphs credit it.
fn initial_score(info: &Info) -> f64 {
    let tag = match info.name() {
        "article" | "main" => 10.0,
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let names: Vec<&str> = info
        .node
        .value()
        .as_element()
        .map(|e| {
            e.classes()
                .chain(e.id())
                .chain(e.attr("itemprop"))
                .collect()
        })
        .unwrap_or_default();
    tag + patterns().class_weight(&names)
}

/// Scores of the candidate containers (`None` for nodes no paragraph credited).
fn scores(nodes: &[Info]) -> Vec<Option<f64>> {
    let mut scores: Vec<Option<f64>> = vec![None; nodes.len()];
    for (i, info) in nodes.iter().enumerate().filter(|(_, n)| !n.removed) {
        // A paragraph credits its ancestors; text written between the blocks of an element
        // is a paragraph of that element, so it credits the element itself first.
        let (text, mut ancestor) = if is_paragraph(info) {
            (info.text, info.parent)
        } else if info.block_inside && info.node.value().is_element() {
            (info.inline_text, Some(i))
        } else {
            continue;
        };
        if text < MIN_SCORED {
            continue;
        }
        let credit = 1.0 + info.commas.min(text / 4) as f64 + (text / 100).min(3) as f64;
        for level in 0..LEVELS {
            let Some(a) = ancestor else { break };
            if nodes[a].node.value().as_element().is_none() {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let score = scores[a].get_or_insert_with(|| initial_score(&nodes[a]));
            *score += credit / divider;
            ancestor = nodes[a].parent;
        }
    }
    for (score, info) in scores.iter_mut().zip(nodes) {
        if let Some(s) = score {
            *s *= 1.0 - info.link_density();
        }
    }
    scores
}

/// How many of the best candidates are compared with the best one.
const TOP_CANDIDATES: usize = 5;
/// How many close runners-up under one ancestor make that ancestor the container.
const CLOSE_RUNNERS_UP: usize = 3;

/// The best-scored container, as readability chooses it: moved up to the ancestor shared by
/// three close runners-up (the text is split into sections), or to a better-scored ancestor,
/// then while it is its parent's only element child.
fn best(nodes: &[Info], scores: &[Option<f64>]) -> Option<usize> {
    let mut ranked: Vec<(usize, f64)> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let &(mut top, top_score) = ranked.first()?;
    let is_top_level = |i: usize| matches!(nodes[i].name(), "body" | "html" | "");
    let close: Vec<usize> = ranked
        .iter()
        .take(TOP_CANDIDATES)
        .skip(1)
        .filter(|(_, s)| *s >= 0.75 * top_score)
        .map(|(i, _)| *i)
        .collect();
    let contains = |ancestor: usize, i: usize| ancestor < i && i < nodes[ancestor].end;
    if close.len() >= CLOSE_RUNNERS_UP {
        let mut ancestor = nodes[top].parent;
        while let Some(a) = ancestor.filter(|&a| !is_top_level(a)) {
            if close.iter().filter(|&&c| contains(a, c)).count() >= CLOSE_RUNNERS_UP {
                top = a;
                break;
            }
            ancestor = nodes[a].parent;
        }
    }
    let mut last = scores[top].unwrap_or(0.0);
    let floor = last / 3.0;
    let mut ancestor = nodes[top].parent;
    while let Some(a) = ancestor.filter(|&a| !is_top_level(a)) {
        if let Some(score) = scores[a] {
            if score < floor {
                break;
            }
            if score > last {
                top = a;
                break;
            }
            last = score;
        }
        ancestor = nodes[a].parent;
    }
    while let Some(parent) = nodes[top].parent {
        if matches!(nodes[parent].name(), "body" | "html" | "") {
            break;
        }
        if element_children(nodes, parent).count() != 1 {
            break;
        }
        top = parent;
    }
    Some(top)
}

/// Indices of the element children of `i`, in document order.
fn element_children<'n>(nodes: &'n [Info], i: usize) -> impl Iterator<Item = usize> + 'n {
    let end = nodes[i].end;
    let mut j = i + 1;
    std::iter::from_fn(move || {
        while j < end {
            let child = j;
            j = nodes[child].end.max(child + 1);
            if nodes[child].node.value().is_element() {
                return Some(child);
            }
        }
        None
    })
}

/// The container and those of its siblings that continue the text (readability's rule: a
/// good score, the same class, or prose paragraphs with few links).
fn with_siblings(nodes: &[Info], scores: &[Option<f64>], top: usize) -> Vec<usize> {
    let Some(parent) = nodes[top].parent else {
        return vec![top];
    };
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let class = |i: usize| {
        nodes[i]
            .node
            .value()
            .as_element()
            .and_then(|e| e.attr("class"))
    };
    element_children(nodes, parent)
        .filter(|&s| {
            if s == top {
                return true;
            }
            let sibling = &nodes[s];
            if sibling.removed {
                return false;
            }
            let bonus = match (class(s), class(top)) {
                (Some(a), Some(b)) if !a.is_empty() && a == b => top_score * 0.2,
                _ => 0.0,
            };
            if scores[s].is_some_and(|score| score + bonus >= threshold) {
                return true;
            }
            if sibling.name() == "p" {
                let density = sibling.link_density();
                return (sibling.text > 80 && density < 0.25)
                    || (sibling.text > 0 && sibling.text <= 80 && density == 0.0);
            }
            false
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Paragraph {
        Paragraph {
            text: text.into(),
            link_text: 0,
        }
    }

    #[test]
    fn a_closing_heading_ends_the_text_in_its_second_half() {
        let long = "A long paragraph of the article that carries most of its text.";
        let mut parts: Vec<Paragraph> = [long, long, "You might also like:", "Other story"]
            .map(paragraph)
            .into();
        cut_at_end_line(&mut parts);
        assert_eq!(parts.len(), 2);
        let mut parts: Vec<Paragraph> = ["Kommentare", long, long].map(paragraph).into();
        cut_at_end_line(&mut parts);
        assert_eq!(parts.len(), 3);
    }

    #[test]
    fn date_stamps_are_not_text() {
        assert!(is_stamp("by Ann Lee September 15, 2014"));
        assert!(is_stamp("Aktualisiert am 5. Februar 2020"));
        assert!(is_stamp("Publié le 19 janvier 2024 à 10h30"));
        assert!(!is_stamp("The 2020 election was close."));
        assert!(!is_stamp("— Ann Lee (@ann) November 18, 2019"));
        assert!(!is_stamp(
            "On September 15, 2014 the council voted to close the bridge for two years of repairs."
        ));
    }
}
