//! Shares written as fractions or ratios ("la moitié", "deux tiers", "two-thirds", "un
//! Français sur deux", "1 in 3"): figures in percent (docs/annotation.md 1.1), read before the
//! plain numbers they are made of, so that "un" or "3" is not counted on its own.

use super::phrase::Lowered;
use super::rules::FigureLang;
use crate::numbers::{Number, NumberReader};
use crate::text::{Doc, Sentence, TokenKind};
use storyline_model::TimeExpr;

/// How many words may stand between the two numbers of a ratio ("un conducteur de trains sur
/// cinq").
const RATIO_GAP: usize = 4;

/// A share: its percentage and where it ends.
pub(super) struct Share {
    /// The percentage, rounded to one decimal when the share is not a whole percent.
    pub value: f64,
    /// Whether `value` was rounded ("two-thirds" = 66.7): the figure is then "about".
    pub rounded: bool,
    /// One past the share's last token.
    pub end: usize,
}

/// `n` out of `d` in percent, or None when it is not a share (`d` not above `n`).
fn percent(n: f64, d: f64, end: usize) -> Option<Share> {
    if n <= 0.0 || d <= n {
        return None;
    }
    let v = 100.0 * n / d;
    let rounded = (v - v.round()).abs() > 1e-9;
    // "1 sur 139,8 millions" keeps its digits: rounding would make it zero.
    let value = if rounded && v >= 1.0 {
        (v * 10.0).round() / 10.0
    } else {
        v
    };
    Some(Share {
        value,
        rounded,
        end,
    })
}

/// A fraction in words starting at token `i`: "la moitié", "deux tiers", "three-quarters",
/// "nearly half", or a hyphenated ratio ("one-in-three"). `qualified` says a qualifier
/// precedes ("près de la moitié"): it makes an article and a share word a share even with no
/// `of` word after them.
pub(super) fn fraction(
    numbers: &NumberReader,
    low: &Lowered,
    l: &FigureLang,
    i: usize,
    lang: &str,
    qualified: impl Fn() -> bool,
) -> Option<Share> {
    let word = low.get(i);
    if word.contains('-') {
        return hyphenated(numbers, l, word, i, lang);
    }
    let of_after = |k: usize| l.share_of.contains(low.get(k));
    // Most tokens are followed by no share word: one lookup rules them out.
    let Some(d) = l.share_denominators.get(low.get(i + 1)) else {
        if !l.share_alone.is_empty()
            && l.share_alone.contains(word)
            && (of_after(i + 1) || qualified())
        {
            let d = l.share_denominators.get(word)?;
            return percent(1.0, *d, i + 1);
        }
        return None;
    };
    let n = if l.share_one.contains(word) {
        // "un tiers payant" is no share; "un tiers des voix", "près de la moitié" are.
        if !(of_after(i + 2) || qualified()) {
            return None;
        }
        1.0
    } else {
        numbers.word_value(lang, word)?
    };
    // "un quart d'heure" is a duration.
    let of = usize::from(of_after(i + 2));
    if of == 1 && l.not_counted.contains(low.get(i + 3)) {
        return None;
    }
    percent(n, *d, i + 2)
}

/// "two-thirds", "three-quarters", "one-in-three": one token with its parts joined by hyphens.
fn hyphenated(
    numbers: &NumberReader,
    l: &FigureLang,
    word: &str,
    i: usize,
    lang: &str,
) -> Option<Share> {
    let mut parts = word.split('-');
    let (n, second, third) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() {
        return None;
    }
    match third {
        None => {
            let d = l.share_denominators.get(second)?;
            percent(numbers.word_value(lang, n)?, *d, i + 1)
        }
        Some(d) if l.ratio_join.contains_word(second) => percent(
            numbers.word_value(lang, n)?,
            numbers.word_value(lang, d)?,
            i + 1,
        ),
        Some(_) => None,
    }
}

/// A ratio from the number `n`: "un Français sur deux", "1 in 3", "un sur 139,8 millions".
/// The second number must be larger, counted (no currency, percent or duration after it) and
/// not part of a time expression ("3 in 2019").
#[allow(clippy::too_many_arguments)]
pub(super) fn ratio(
    numbers: &NumberReader,
    doc: &Doc,
    low: &Lowered,
    l: &FigureLang,
    s: &Sentence,
    n: &Number,
    lang: &str,
    times: &[TimeExpr],
) -> Option<Share> {
    if n.percent || n.currency.is_some() || n.vague {
        return None;
    }
    let mut k = n.end;
    let join = loop {
        if let Some((len, _)) = l.ratio_join.at(low, k) {
            break len;
        }
        // "2 killed in 3 attacks" is no ratio: a kind word says the first number is a count.
        let word = doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && l.kinds.at(low, k).is_none();
        if !word || k >= s.end || k >= n.end + RATIO_GAP {
            return None;
        }
        k += 1;
    };
    let d = numbers.read(doc, low, k + join, lang)?;
    let in_time = doc.tokens.get(d.first).is_some_and(|t| {
        times
            .iter()
            .any(|x| x.span.start <= t.span.start && t.span.end <= x.span.end)
    });
    if d.end > s.end
        || d.percent
        || d.currency.is_some()
        || d.vague
        || in_time
        || l.not_counted.contains(low.get(d.end))
    {
        return None;
    }
    percent(n.value, d.value, d.end)
}
