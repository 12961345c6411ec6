//! What the comparison works out about each figure before pairing: the region it counts
//! (from `where`, the counted noun's nationality, or the sentence's place words), whether it is a
//! part of a population, and the event dates its sentence names.

use storyline_model::{Analysis, Figure, Span};

use super::lexicon::{lexicon, Lexicon, RegionId, Resolution, Words};

/// A date named in a figure's sentence: the day of the event the figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayMonth {
    pub(crate) year: Option<i32>,
    pub(crate) month: u8,
    pub(crate) day: u8,
}

impl DayMonth {
    /// Same day and month, and the same year when both say.
    pub(crate) fn matches(&self, other: &DayMonth) -> bool {
        self.month == other.month
            && self.day == other.day
            && (self.year.is_none() || other.year.is_none() || self.year == other.year)
    }
}

/// What this module works out about one figure before pairing.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    /// The region the count is about.
    pub(crate) region: Option<RegionId>,
    /// Which clue gave `region`: `where`, `who`, `source`, `sentence`, `previous sentence`,
    /// `part_of`.
    pub(crate) region_from: Option<&'static str>,
    /// The region of the people counted ("Palestiniens"), which must also agree when both say.
    pub(crate) people: Option<RegionId>,
    /// The head noun when the figure counts a part of a population (`enfants`).
    pub(crate) sub_noun: Option<String>,
    /// Event dates of the sentence (or the previous one when the sentence has none).
    pub(crate) anchors: Vec<DayMonth>,
    /// The source key, inherited from the whole for a part ("dont 2 913 enfants").
    pub(crate) source_key: Option<String>,
}

/// The index of the sentence holding byte `pos`.
pub(crate) fn sentence_at(a: &Analysis, pos: usize) -> Option<usize> {
    a.sentences
        .iter()
        .position(|s| s.start <= pos && pos < s.end)
}

/// The sentence around a figure, or the figure's own span when sentences are missing.
pub(crate) fn sentence_of(a: &Analysis, span: Span) -> &str {
    sentence_at(a, span.start)
        .and_then(|i| a.sentences.get(i))
        .map_or(span.slice(&a.text), |s| s.slice(&a.text))
}

/// A day number as written: `7`, `1er`, `1st`, `7th`.
fn day_number(w: &str) -> Option<u8> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = w.get(digits.len()..).unwrap_or("");
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// Day-and-month dates written in `text` ("le samedi 7 octobre", "October 7, 2023"), skipping
/// those that start a running count ("depuis le 7 octobre"): those do not name one event.
fn dates_in(lex: &Lexicon, text: &str, year_hints: &[(u8, u8, i32)]) -> Vec<DayMonth> {
    let w = Words::new(text);
    let at = |i: usize| w.get(i).unwrap_or("");
    let mut out = Vec::new();
    for i in 0..w.count() {
        // Day first ("7 octobre") or month first ("October 7"); the day test is the cheap one.
        let Some(day) = day_number(at(i)) else {
            continue;
        };
        let (month, next, first) = match (lex.month(at(i + 1)), i.checked_sub(1)) {
            (Some(m), _) => (m, i + 2, i),
            (None, Some(p)) => match lex.month(at(p)) {
                Some(m) => (m, i + 1, p),
                None => continue,
            },
            (None, None) => continue,
        };
        let i = first;
        let running = (1..=3).any(|back| i >= back && lex.is_running_marker(at(i - back)));
        if running {
            continue;
        }
        let year = at(next)
            .parse::<i32>()
            .ok()
            // A plausible news year only: "7 octobre, 1400 colons" must not read as year 1400.
            .filter(|y| (1900..=2100).contains(y))
            .or_else(|| {
                year_hints
                    .iter()
                    .find(|h| h.0 == month && h.1 == day)
                    .map(|h| h.2)
            });
        let d = DayMonth { year, month, day };
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// Resolved day dates of the time expressions inside `span` as (month, day, year): they give
/// the year the words leave out ("le 7 octobre" resolved to 2023-10-07).
fn year_hints(a: &Analysis, span: Span) -> Vec<(u8, u8, i32)> {
    a.times
        .iter()
        .filter(|t| span.start <= t.span.start && t.span.end <= span.end)
        .filter_map(|t| {
            let v = t.value.as_deref()?;
            let mut p = v.split('-');
            let (y, m, d) = (
                p.next()?.parse().ok()?,
                p.next()?.parse().ok()?,
                p.next()?.get(..2)?.parse().ok()?,
            );
            Some((m, d, y))
        })
        .collect()
}

/// The head noun of a counted phrase: its first word.
fn head_noun(who: &str) -> Option<String> {
    Words::new(who).get(0).map(str::to_string)
}

/// The head noun of the counted phrase `who` when the figure counts a part of a population:
/// it is a part of another figure (`is_part`, "dont 2 913 enfants"), or its head noun is a
/// sub-group noun of `data/compare/counts.txt` ("enfants"). Totals and parts never count the
/// same thing, nor do parts of different nouns.
pub fn sub_noun(lex: &Lexicon, who: Option<&str>, is_part: bool) -> Option<String> {
    let head = who.and_then(head_noun);
    if is_part || head.as_deref().is_some_and(|h| lex.is_subgroup(h)) {
        Some(head.unwrap_or_default())
    } else {
        None
    }
}

/// The region a figure's own fields point to, without reading its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldRegion {
    /// The region the count is about.
    pub region: RegionId,
    /// Which field gave it: `where`, `who` or `source`.
    pub from: &'static str,
    /// The region of the people counted ("Palestiniens"), when the counted noun names one.
    pub people: Option<RegionId>,
}

/// The first clues of `region_of`, those a figure carries itself: its `where`, then its
/// counted noun's nationality, then its source's home region (`data/compare/sources.txt`); a
/// `where` or nationality that excludes the source's home yields to the source. `None` when
/// none of them names a region: only the sentence around the figure could then tell.
pub fn region_from_fields(
    lex: &Lexicon,
    place: Option<&str>,
    who: Option<&str>,
    source_key: Option<&str>,
) -> Option<FieldRegion> {
    let resolve = |t: Option<&str>| match t.map(|t| lex.resolve(t)) {
        Some(Resolution::Region(r)) => Some(r),
        _ => None,
    };
    let home = source_key.and_then(|k| lex.home_of(k));
    let fits = |r: RegionId| home.is_none_or(|h| lex.compatible(r, h));
    let people = resolve(who).filter(|&r| fits(r));
    if let Some(region) = resolve(place).filter(|&r| fits(r)) {
        return Some(FieldRegion {
            region,
            from: "where",
            people,
        });
    }
    if let Some(region) = people {
        return Some(FieldRegion {
            region,
            from: "who",
            people,
        });
    }
    home.map(|region| FieldRegion {
        region,
        from: "source",
        people: None,
    })
}

/// The region a figure's own fields and sentences point to, and which clue decided.
///
/// Order of trust: the `where` field (the analyzer read a place for this count), then the
/// counted noun's nationality ("Palestiniens", "colons et soldats israéliens"), then the
/// region of a territorial source (`data/compare/sources.txt`), then the sentence's place
/// words, then the previous sentence's ("the 7 October offensive against the settlements of the
/// Gaza envelope" before "1 400 killed" places the toll in Israel: the Gaza envelope is the
/// Israeli side of the border). A `where` or nationality that excludes the source's own region
/// yields to the source: the analyzer may have read the wrong one of two places in "la guerre à
/// Gaza entre Israël et le Hamas", the Gaza health ministry cannot have counted in Israel.
/// A sentence naming places that exclude each other decides nothing, and the previous sentence
/// is then not consulted: the count's own sentence is ambiguous, an earlier one cannot settle it.
fn region_of(
    lex: &Lexicon,
    sentences: &mut Sentences,
    f: &Figure,
) -> (Option<RegionId>, Option<&'static str>, Option<RegionId>) {
    let fields = region_from_fields(
        lex,
        f.place.as_deref(),
        f.who.as_deref(),
        f.source_key.as_deref(),
    );
    if let Some(FieldRegion {
        region,
        from,
        people,
    }) = fields
    {
        return (Some(region), Some(from), people);
    }
    let Some(i) = sentences.index_of(f.span.start) else {
        return (None, None, None);
    };
    match sentences.info(i).map(|s| s.region) {
        Some(Resolution::Region(r)) => (Some(r), Some("sentence"), None),
        Some(Resolution::Silent) => match i
            .checked_sub(1)
            .and_then(|p| sentences.info(p))
            .map(|s| s.region)
        {
            Some(Resolution::Region(r)) => (Some(r), Some("previous sentence"), None),
            _ => (None, None, None),
        },
        _ => (None, None, None),
    }
}

/// Event dates for a figure: those of its sentence, else of the previous sentence (the date of
/// an offensive is often given just before its toll).
fn anchors_of(sentences: &mut Sentences, f: &Figure) -> Vec<DayMonth> {
    let Some(i) = sentences.index_of(f.span.start) else {
        return Vec::new();
    };
    match sentences.info(i).map(|s| s.dates.clone()) {
        Some(own) if !own.is_empty() => own,
        _ => i
            .checked_sub(1)
            .and_then(|p| sentences.info(p))
            .map_or_else(Vec::new, |s| s.dates.clone()),
    }
}

/// What one sentence says about places and event dates.
struct SentenceInfo {
    region: Resolution,
    dates: Vec<DayMonth>,
}

/// Sentence facts computed on first use: several figures often share a sentence.
struct Sentences<'a> {
    lex: &'a Lexicon,
    analysis: &'a Analysis,
    cache: Vec<Option<SentenceInfo>>,
}

impl<'a> Sentences<'a> {
    fn new(lex: &'a Lexicon, analysis: &'a Analysis) -> Self {
        let cache = analysis.sentences.iter().map(|_| None).collect();
        Sentences {
            lex,
            analysis,
            cache,
        }
    }

    fn index_of(&self, pos: usize) -> Option<usize> {
        sentence_at(self.analysis, pos)
    }

    fn info(&mut self, i: usize) -> Option<&SentenceInfo> {
        let span = *self.analysis.sentences.get(i)?;
        let slot = self.cache.get_mut(i)?;
        if slot.is_none() {
            let text = span.slice(&self.analysis.text);
            let dates = dates_in(self.lex, text, &year_hints(self.analysis, span));
            *slot = Some(SentenceInfo {
                region: self.lex.resolve(text),
                dates,
            });
        }
        slot.as_ref()
    }
}

/// The facts of every figure of `a`, parts inheriting what they lack from their whole.
pub(crate) fn facts(a: &Analysis) -> Vec<Facts> {
    let lex = lexicon();
    let mut sentences = Sentences::new(lex, a);
    let own: Vec<Facts> = a
        .figures
        .iter()
        .map(|f| {
            let (region, region_from, people) = region_of(lex, &mut sentences, f);
            Facts {
                region,
                region_from,
                people,
                sub_noun: sub_noun(lex, f.who.as_deref(), f.part_of.is_some()),
                anchors: anchors_of(&mut sentences, f),
                source_key: f.source_key.clone(),
            }
        })
        .collect();
    own.iter()
        .zip(&a.figures)
        .enumerate()
        .map(|(i, (facts, f))| {
            let mut facts = facts.clone();
            if let Some(whole) = f.part_of.filter(|&p| p != i).and_then(|p| own.get(p)) {
                // A part is counted where its whole is: that beats the sentence's place words,
                // not the part's own `where` or nationality.
                let own_clue = matches!(facts.region_from, Some("where" | "who" | "source"));
                if !own_clue && whole.region.is_some() {
                    facts.region = whole.region;
                    facts.region_from = Some("part_of");
                }
                if facts.source_key.is_none() {
                    facts.source_key.clone_from(&whole.source_key);
                }
                if facts.anchors.is_empty() {
                    facts.anchors.clone_from(&whole.anchors);
                }
            }
            facts
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_event_dates_and_skips_running_starts() {
        let lex = lexicon();
        let d = dates_in(lex, "le samedi 7 octobre, contre les colonies", &[]);
        assert_eq!(
            d,
            vec![DayMonth {
                year: None,
                month: 10,
                day: 7
            }]
        );
        let d = dates_in(lex, "on October 7, 2023 in the south", &[]);
        assert_eq!(
            d,
            vec![DayMonth {
                year: Some(2023),
                month: 10,
                day: 7
            }]
        );
        assert!(dates_in(lex, "tués depuis le 7 octobre", &[]).is_empty());
        assert!(dates_in(lex, "publié vendredi", &[]).is_empty());
        let d = dates_in(lex, "le 1er mai", &[(5, 1, 2024)]);
        assert_eq!(
            d,
            vec![DayMonth {
                year: Some(2024),
                month: 5,
                day: 1
            }]
        );
    }
}
