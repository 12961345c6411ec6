//! Figures: the numbers an article reports, with what they count, where, on whose authority
//! and as of when.
//!
//! Each number read by [`crate::numbers`] that is not a date, age, label or name
//! ([`filter`]) and that counts something (a noun follows, or a unit, or a kind word such as
//! "killed" precedes) becomes a [`Figure`]. Its qualifier and range come from the words before
//! it, what it counts from [`context`], its source from [`crate::attribution`] in the same
//! sentence (or the previous one when this one continues it: "Parmi eux, …"). A figure with no
//! attribution has no source. Rules live in `data/figures/<lang>.toml`.

mod context;
mod filter;
pub mod phrase;
mod rules;
mod share;

use rustc_hash::FxHashMap;
use storyline_model::{Entity, Figure, FigureKind, Qualifier, Quote, QuoteKind, Span, TimeExpr};

use crate::attribution::{Attribution, AttributionRules};
use crate::numbers::{Number, NumberReader};
use crate::text::{Doc, Sentence, TokenKind};
use phrase::Lowered;
use rules::FigureLang;

const BUNDLED: &[(&str, &str)] = &[
    ("fr", include_str!("../../../../data/figures/fr.toml")),
    ("en", include_str!("../../../../data/figures/en.toml")),
];

/// How many tokens may separate a quotation from the attribution that introduces or closes it
/// (`…," he said`, `Boehner said, "…`, `…». Selon lui`).
const QUOTE_ATTRIBUTION_GAP: usize = 3;

/// How many bytes after a sum of money a bare amount in millions is still money ("7
/// milliards d'euros à Air France. Renault devrait bénéficier d'un prêt de 5 milliards").
const MONEY_ELLIPSIS_REACH: usize = 200;

/// Where the reading `r` starts in the text.
fn span_start(doc: &Doc, r: &Reading) -> usize {
    doc.tokens.get(r.start).map_or(0, |t| t.span.start)
}

/// How many tokens after a figure its attribution may start ("Plus de 7 028 Palestiniens …,
/// dont …, selon le ministère" spans 17).
const ATTRIBUTION_REACH: usize = 30;

/// Figure rules per language.
pub struct FigureRules {
    numbers: NumberReader,
    langs: FxHashMap<String, FigureLang>,
    /// Attribution cues and the source alias table (users may add aliases to it).
    pub attribution: AttributionRules,
}

/// What a number at a token turned out to be.
enum Read {
    /// A number, maybe a figure.
    Number(Reading),
    /// A score ("2-1"): both numbers skipped, up to this token.
    Score(usize),
}

/// A number with its range and qualifier, before context is read.
struct Reading {
    number: Number,
    /// High end of a range.
    high: Option<f64>,
    /// First token, qualifier and range opener included.
    start: usize,
    /// One past the last token of the number (or of the range's second number).
    end: usize,
    qualifier: Qualifier,
    /// "un", "une", "one": an article unless context makes it a count.
    weak: bool,
}

impl FigureRules {
    /// With the bundled data.
    pub fn bundled() -> Self {
        let langs = BUNDLED
            .iter()
            .map(|(lang, text)| {
                let origin = format!("data/figures/{lang}.toml");
                match FigureLang::parse(&origin, text) {
                    Ok(l) => ((*lang).to_string(), l),
                    Err(e) => panic!("bundled data file is invalid: {e}"),
                }
            })
            .collect();
        FigureRules {
            numbers: NumberReader::bundled(),
            langs,
            attribution: AttributionRules::bundled(),
        }
    }

    /// All figures of `doc`, in text order. `times` (from the time rules) keeps dates out and
    /// gives `as_of`; `entities` (may be empty) keeps names out and gives places.
    pub fn find(
        &self,
        doc: &Doc,
        lang: &str,
        times: &[TimeExpr],
        entities: &[Entity],
    ) -> Vec<Figure> {
        let Some(l) = self.langs.get(lang) else {
            return Vec::new();
        };
        if !self.numbers.knows(lang) {
            return Vec::new();
        }
        let low = doc.lowered();
        let mut figures: Vec<Figure> = Vec::new();
        for (k, s) in doc.sentences.iter().enumerate() {
            let first_of_sentence = figures.len();
            let mut i = s.first;
            while i < s.end {
                let r = match self.reading(doc, low, l, s, i, lang, times) {
                    None => {
                        i += 1;
                        continue;
                    }
                    Some(Read::Score(end)) => {
                        i = end.max(i + 1);
                        continue;
                    }
                    Some(Read::Number(r)) => r,
                };
                if filter::not_a_figure(doc, low, l, r.number.first, r.number.end, times, entities)
                    .is_some()
                {
                    // "passé de 200 000 euros en 2016 à 4,4 M€": a year is no range's low end,
                    // so the number after it is read on its own.
                    i = r.number.end.max(i + 1);
                    continue;
                }
                i = r.end.max(i + 1);
                if let Some(f) = self.figure(
                    doc,
                    low,
                    l,
                    s,
                    &r,
                    (&figures, first_of_sentence),
                    times,
                    entities,
                ) {
                    figures.push(f);
                }
            }
            if figures.len() > first_of_sentence {
                // Attributions are looked for only where there are figures: most sentences have none.
                self.attribute(
                    doc,
                    low,
                    l,
                    k,
                    lang,
                    times,
                    &mut figures[first_of_sentence..],
                );
            }
        }
        figures
    }

    /// Gives each figure quoted in direct or partial speech the attribution that opens or
    /// closes its quotation (`"…we have 32 districts…," he said`): the speaker is the source
    /// of every figure of the quotation, however many sentences it spans. Figures outside
    /// quotations, and quotations with no attribution next to them, are left as they are.
    pub fn attribute_quoted(
        &self,
        doc: &Doc,
        lang: &str,
        times: &[TimeExpr],
        quotes: &[Quote],
        figures: &mut [Figure],
    ) {
        let Some(l) = self.langs.get(lang) else {
            return;
        };
        let quoted = |f: &Figure| {
            quotes.iter().find(|q| {
                q.kind != QuoteKind::Indirect
                    && q.span.start <= f.span.start
                    && f.span.end <= q.span.end
            })
        };
        if !figures.iter().any(|f| quoted(f).is_some()) {
            return;
        }
        let low = doc.lowered();
        let sentence_of = |offset: usize| {
            doc.sentences
                .partition_point(|s| s.span.end <= offset)
                .min(doc.sentences.len().saturating_sub(1))
        };
        for f in figures.iter_mut() {
            let Some(q) = quoted(f) else {
                continue;
            };
            // First token after the quotation, and the quotation's first token.
            let after = doc.tokens.partition_point(|t| t.span.start < q.span.end);
            let opening = doc.tokens.partition_point(|t| t.span.start < q.span.start);
            let k_end = sentence_of(q.span.end.saturating_sub(1));
            let closing = doc.sentences.get(k_end).and_then(|s| {
                self.attribution
                    .in_sentence(doc, low, s, lang)
                    .into_iter()
                    .find(|a| a.first >= after && a.first <= after + QUOTE_ATTRIBUTION_GAP)
                    .map(|a| (k_end, a))
            });
            let k_start = sentence_of(q.span.start);
            let introducing = || {
                (k_start.saturating_sub(1)..=k_start).rev().find_map(|k| {
                    let s = doc.sentences.get(k)?;
                    self.attribution
                        .in_sentence(doc, low, s, lang)
                        .into_iter()
                        .rev()
                        .find(|a| a.end <= opening && a.end + QUOTE_ATTRIBUTION_GAP >= opening)
                        .map(|a| (k, a))
                })
            };
            if let Some((k, a)) = closing.or_else(introducing) {
                let Some(s) = doc.sentences.get(k) else {
                    continue;
                };
                f.source = Some(a.span.slice(doc.text).to_string());
                f.source_key.clone_from(&a.key);
                f.as_of = as_of(doc, low, l, s, &a, times);
            }
        }
    }

    /// Sets source, key and as-of date of the `figures` of sentence `k`, from its attributions,
    /// or from the previous sentence's when this one has none and continues it ("Parmi eux, …").
    #[allow(clippy::too_many_arguments)]
    fn attribute(
        &self,
        doc: &Doc,
        low: &Lowered,
        l: &FigureLang,
        k: usize,
        lang: &str,
        times: &[TimeExpr],
        figures: &mut [Figure],
    ) {
        let Some(s) = doc.sentences.get(k) else {
            return;
        };
        let here = self.attribution.in_sentence(doc, low, s, lang);
        let continues = l.continuation.at(low, s.first).is_some();
        let before = match (
            here.is_empty() && continues,
            k.checked_sub(1).and_then(|p| doc.sentences.get(p)),
        ) {
            (true, Some(prev)) => self.attribution.in_sentence(doc, low, prev, lang),
            _ => Vec::new(),
        };
        for f in figures {
            let chosen = choose(doc, s, &here, f.span).or_else(|| before.last());
            if let Some(a) = chosen {
                f.source = Some(a.span.slice(doc.text).to_string());
                f.source_key.clone_from(&a.key);
                f.as_of = as_of(doc, low, l, s, a, times);
            }
        }
    }

    /// The number at token `i` with its range and qualifier, or the share it opens ("la
    /// moitié", "un sur deux").
    #[allow(clippy::too_many_arguments)]
    fn reading(
        &self,
        doc: &Doc,
        low: &Lowered,
        l: &FigureLang,
        s: &Sentence,
        i: usize,
        lang: &str,
        times: &[TimeExpr],
    ) -> Option<Read> {
        let qualifier_before = || l.qualifiers.ending_at(low, s.first, i);
        if let Some(sh) = share::fraction(&self.numbers, low, l, i, lang, || {
            qualifier_before().is_some()
        }) {
            return Some(Read::Number(shared(i, sh, qualifier_before())));
        }
        let weak = l.one.contains(low.get(i));
        let mut number = match self.numbers.read(doc, low, i, lang) {
            Some(n) => n,
            None if weak => Number {
                value: 1.0,
                first: i,
                end: i + 1,
                vague: false,
                plural: false,
                percent: false,
                currency: None,
            },
            None => return None,
        };
        let weak = weak && number.end == i + 1;
        if let Some(sh) = share::ratio(&self.numbers, doc, low, l, s, &number, lang, times) {
            let qualifier = l.qualifiers.ending_at(low, s.first, number.first);
            return Some(Read::Number(shared(number.first, sh, qualifier)));
        }
        // "- un homme de 56 ans": a dash before an article opens a list item.
        let first = if !weak && filter::minus_before(doc, s, number.first) {
            number.value = -number.value;
            number.first - 1
        } else {
            number.first
        };
        let opener = l.range_open.ending_at(low, s.first, first).map(|(p, _)| p);
        let join = low.get(number.end);
        let joined = l.range_join.contains(join)
            || (opener.is_some() && l.range_join_after_open.contains(join));
        let hyphen_glued = join != "-"
            || (filter::touch(doc, number.end - 1, number.end)
                && filter::touch(doc, number.end, number.end + 1));
        let second = (joined && hyphen_glued && number.end + 1 < s.end)
            .then(|| {
                // "$250,000 to $300,000": the second number may open with its currency symbol.
                self.numbers
                    .read(doc, low, number.end + 1, lang)
                    .or_else(|| {
                        self.numbers
                            .read(doc, low, number.end + 2, lang)
                            .filter(|b| b.first == number.end + 1)
                    })
            })
            .flatten();
        // "est passé de 36 à 33 %", "rose from 2 to 5": the old and the new value, two figures
        // (docs/annotation.md 1.4), the unit written once being both's.
        let progression = l.progression_open.ending_at(low, s.first, first).is_some();
        let (high, end) = match second {
            Some(b) if progression && join != "-" => {
                number.percent |= b.percent;
                if number.currency.is_none() {
                    number.currency = b.currency;
                }
                (None, number.end)
            }
            Some(b) if b.value > number.value => {
                // "entre 49,3 et 50,2 %": the sign or currency written once is the whole range's.
                number.percent |= b.percent;
                if number.currency.is_none() {
                    number.currency = b.currency;
                }
                (Some(b.value), b.end)
            }
            // "2-1": a score, not a range; skip both numbers.
            Some(b) if join == "-" => return Some(Read::Score(b.end)),
            _ => (None, number.end),
        };
        // "entre" belongs to the figure only when a range follows it.
        let start = opener.filter(|_| high.is_some()).unwrap_or(first);
        let (start, qualifier) = match l.qualifiers.ending_at(low, s.first, start) {
            Some((q, qual)) => (q, *qual),
            None => (start, Qualifier::Exact),
        };
        let qualifier = match (qualifier, number.plural, number.vague) {
            (Qualifier::Exact, true, _) => Qualifier::AtLeast,
            (Qualifier::Exact, false, true) => Qualifier::About,
            (q, _, _) => q,
        };
        Some(Read::Number(Reading {
            number,
            high,
            start,
            end,
            qualifier,
            weak,
        }))
    }

    #[allow(clippy::too_many_arguments)]
    fn figure(
        &self,
        doc: &Doc,
        low: &Lowered,
        l: &FigureLang,
        s: &Sentence,
        r: &Reading,
        earlier: (&[Figure], usize),
        times: &[TimeExpr],
        entities: &[Entity],
    ) -> Option<Figure> {
        // "1,4 million de personnes", "des dizaines de blessés": skip the "de".
        let has_words = (r.number.first..r.number.end)
            .any(|k| doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word));
        let of = usize::from(has_words && matches!(low.get(r.end), "de" | "d'" | "of"));
        // Money and percentages count no one: what follows them is the rest of the sentence.
        let counts = r.number.currency.is_none() && !r.number.percent;
        let who = if counts {
            context::who(doc, low, l, s, r.end + of, times)
        } else {
            (r.end, r.end)
        };
        let noun = who.0 + usize::from(l.before_counted.contains(low.get(who.0)));
        if who.0 < who.1 && l.not_counted.contains(low.get(noun)) {
            return None;
        }
        let mut what = if r.number.percent {
            Some(FigureKind::Percent)
        } else if r.number.currency.is_some() {
            Some(FigureKind::Money)
        } else {
            context::kind(doc, low, l, s, r.start, who)
        };
        let mut unit = r.number.currency.clone();
        // "des prêts de 7 milliards d'euros à Air France et de 4 milliards à Renault": a bare
        // amount in millions or more right after a sum of money is money in the same currency.
        let scaled = r.number.value.abs() >= 1e6 && r.number.end > r.number.first + 1;
        let last_money = earlier.0.last().filter(|f| {
            f.what == FigureKind::Money && f.span.end + MONEY_ELLIPSIS_REACH > span_start(doc, r)
        });
        if who.0 == who.1 && what.is_none() && scaled {
            if let Some(m) = last_money {
                what = Some(FigureKind::Money);
                unit.clone_from(&m.unit);
            }
        }
        // "Fifteen of the 19 hijackers", "treize d'entre eux": a count of a group named after it.
        let partitive = who.0 == who.1 && l.partitive.at(low, r.end).is_some();
        if who.0 == who.1 && what.is_none() && !partitive {
            // A bare number that is a part ("dont 605 en milieu hospitalier") or a change
            // ("soit 243 de plus") of a figure of its sentence counts what that figure counts.
            // So does a bare number listed after a figure of its sentence ("17.101 personnes
            // sont mortes à l'hôpital et 9.973 en Ehpad", "254 décès contre 268 en 2018").
            let change = l.change_after.at(low, r.end).is_some();
            let listed = r.start > s.first && l.list_join.contains(low.get(r.start - 1));
            let parent = part_of(low, l, s, r.start, None, earlier).or_else(|| {
                earlier
                    .0
                    .len()
                    .checked_sub(1)
                    .filter(|p| (change || listed) && *p >= earlier.1)
            });
            what = Some(earlier.0.get(parent?)?.what);
        }
        let counted_kind = what.is_some_and(|k| k != FigureKind::Other);
        let person_of_toll = counted_kind
            && (who.0..who.1).any(|k| l.persons.contains(low.get(k)))
            && !(r.start > s.first && l.one_not_after.contains(low.get(r.start - 1)));
        if r.weak && !person_of_toll && !one_counts(low, l, s, r) {
            return None;
        }
        if filter::year_like(
            doc,
            r.number.first,
            r.qualifier != Qualifier::Exact || r.high.is_some(),
            counted_kind,
        ) {
            return None;
        }
        let part_of = part_of(low, l, s, r.start, what, earlier);
        if what.is_none() {
            what = part_of.and_then(|p| earlier.0.get(p)).map(|f| f.what);
        }
        let first = doc.tokens.get(r.start)?;
        let last = doc.tokens.get(who.1.max(r.end).checked_sub(1)?)?;
        let span = Span::new(first.span.start, last.span.end);
        let who_text = match (
            doc.tokens.get(who.0),
            who.1.checked_sub(1).and_then(|k| doc.tokens.get(k)),
        ) {
            (Some(a), Some(b)) if who.0 < who.1 => Some(
                doc.text
                    .get(a.span.start..b.span.end)
                    .unwrap_or("")
                    .to_string(),
            ),
            _ => None,
        };
        Some(Figure {
            value: r.number.value,
            low: r.high.map(|_| r.number.value),
            high: r.high,
            qualifier: r.qualifier,
            what: what.unwrap_or(FigureKind::Other),
            unit,
            who: who_text,
            place: context::place(doc, low, l, s, span, times, entities),
            source: None,
            source_key: None,
            as_of: None,
            part_of,
            span,
        })
    }
}

/// The reading of a share starting at token `first`, with the qualifier written before it
/// (its first token and value), else "about" when the share was rounded ("two-thirds").
fn shared(first: usize, sh: share::Share, written: Option<(usize, &Qualifier)>) -> Reading {
    let (start, qualifier) = match written {
        Some((q, qual)) => (q, *qual),
        None if sh.rounded => (first, Qualifier::About),
        None => (first, Qualifier::Exact),
    };
    Reading {
        number: Number {
            value: sh.value,
            first,
            end: sh.end,
            vague: false,
            plural: false,
            percent: true,
            currency: None,
        },
        high: None,
        start,
        end: sh.end,
        qualifier,
        weak: false,
    }
}

/// Whether "un", "une" or "one" counts whatever its kind: qualified ("au moins une personne"),
/// a part ("dont un bébé") or stressed ("un seul blessé"). Elsewhere it is an article, and
/// counts only a person of a toll ("un mort", "Un adolescent a été tué"; the caller checks).
fn one_counts(low: &Lowered, l: &FigureLang, s: &Sentence, r: &Reading) -> bool {
    r.qualifier != Qualifier::Exact
        || l.part_of.ending_at(low, s.first, r.start).is_some()
        || l.one_stressed.contains(low.get(r.number.end))
}

/// Index of the figure this one is part of, among the `earlier` figures (all figures so far,
/// and where this sentence's begin): the one just before, in the same sentence, when a part
/// cue precedes ("dont 2 913 enfants"), or the parent of a part listed right before it
/// ("dont 2 913 enfants et 1 500 femmes") when the kinds agree.
fn part_of(
    low: &Lowered,
    l: &FigureLang,
    s: &Sentence,
    start: usize,
    what: Option<FigureKind>,
    earlier: (&[Figure], usize),
) -> Option<usize> {
    let (figures, first_of_sentence) = earlier;
    let prev = figures
        .len()
        .checked_sub(1)
        .filter(|p| *p >= first_of_sentence)?;
    if l.part_of.ending_at(low, s.first, start).is_some() {
        return Some(prev);
    }
    let joined =
        start > s.first && (l.who_join.contains(low.get(start - 1)) || low.get(start - 1) == ",");
    let parent = figures.get(prev)?.part_of?;
    let parent_kind = figures.get(parent)?.what;
    (joined && what.is_none_or(|k| k == parent_kind)).then_some(parent)
}

/// The attribution of a figure at `at`: the first one after it in the sentence and near it,
/// else the last before. "Near" guards against scraped text where several sentences are
/// glued into one: a cue far to the right is about something else, unless it closes the
/// sentence ("Douze personnes ont été blessées …, a-t-on appris auprès des pompiers."). A
/// subject-verb source after the figure ("…, tandis que la CGT a compté 3,5 millions") speaks
/// of what follows it, so it is never taken for a figure before it; one that introduces a
/// clause ("X a précisé que …") wins over an attribution after the figure that is further away
/// ("…, selon Y" still wins over "le bilan fait état de 5 morts").
fn choose<'a>(
    doc: &Doc,
    s: &Sentence,
    attributions: &'a [Attribution],
    at: Span,
) -> Option<&'a Attribution> {
    let figure_end = doc.tokens.partition_point(|t| t.span.end <= at.end);
    let closes_sentence = |a: &Attribution| {
        (a.end..s.end).all(|k| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Punct)
        })
    };
    let figure_start = doc.tokens.partition_point(|t| t.span.end <= at.start);
    let after = attributions.iter().find(|a| {
        a.span.start >= at.end
            && !a.forward_only
            && (a.first <= figure_end + ATTRIBUTION_REACH || closes_sentence(a))
    });
    let before = attributions.iter().rev().find(|a| a.span.end <= at.start);
    match (after, before) {
        // "X a précisé que la moitié des 931 patients …, 7 % des …, a détaillé Y": a subject
        // and its verb that introduce a clause govern what follows them; the nearer one wins.
        (Some(a), Some(b))
            if b.introduces
                && figure_start.saturating_sub(b.end) < a.first.saturating_sub(figure_end) =>
        {
            Some(b)
        }
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// The date a figure is valid for: a resolved time inside its attribution ("selon le bilan
/// publié vendredi"), or after an as-of cue in its sentence ("au 19 janvier").
fn as_of(
    doc: &Doc,
    low: &Lowered,
    l: &FigureLang,
    s: &Sentence,
    a: &Attribution,
    times: &[TimeExpr],
) -> Option<String> {
    times.iter().find_map(|t| {
        let value = t.value.as_ref()?;
        if a.span.start <= t.span.start && t.span.end <= a.span.end {
            return Some(value.clone());
        }
        if t.span.start < s.span.start || t.span.end > s.span.end {
            return None;
        }
        let tok = doc.tokens.partition_point(|x| x.span.start < t.span.start);
        l.as_of.ending_at(low, s.first, tok).map(|_| value.clone())
    })
}

#[cfg(test)]
mod tests;
