//! An inverted index from features (heavy terms and entity keys) to the stories or
//! storylines indexed by them, each posting with a day.
//!
//! Each list is kept sorted by day (undated postings last), whatever order articles arrive
//! in, so that a lookup reads only the postings within reach of the day it is asked about:
//! an article that arrives late meets the stories of its own date, not the newest ones.

use rustc_hash::FxHashMap;

/// A feature: (is an entity key, interned id).
pub type Feature = (bool, u32);

/// Posting lists, each sorted by day with undated postings at the end.
#[derive(Debug, Default)]
pub struct Postings {
    lists: FxHashMap<Feature, Vec<(usize, Option<i64>)>>,
}

/// The sort key of a posting's day: dated before undated, then by day.
fn order(day: Option<i64>) -> (bool, i64) {
    (day.is_none(), day.unwrap_or(0))
}

impl Postings {
    /// Posts `target` under `feature` on `day`, after any posting of the same day (so that
    /// within a day the arrival order is kept). In a stream that arrives in date order this
    /// is an append.
    pub fn insert(&mut self, feature: Feature, target: usize, day: Option<i64>) {
        let list = self.lists.entry(feature).or_default();
        let at = list.partition_point(|&(_, d)| order(d) <= order(day));
        list.insert(at, (target, day));
    }

    /// The targets posted under `feature` within `reach` days of `day`, the latest first,
    /// then the undated ones (newest first); at most `cap` in all. With `day` unknown, the
    /// `cap` newest postings, undated first.
    pub fn near(
        &self,
        feature: &Feature,
        day: Option<i64>,
        reach: i64,
        cap: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        let list = self.lists.get(feature).map_or(&[][..], Vec::as_slice);
        let undated = list.partition_point(|&(_, d)| d.is_some());
        let (dated, rest) = list.split_at(undated);
        // A dated article: the dated postings of its window, then the undated ones; an
        // undated one: the newest of everything, as time cannot narrow the search.
        let (first, second) = match day {
            Some(d) => {
                let lo = dated.partition_point(|&(_, p)| p.is_some_and(|p| p < d - reach));
                let hi = dated.partition_point(|&(_, p)| p.is_some_and(|p| p <= d + reach));
                (dated.get(lo..hi).unwrap_or(&[]), rest)
            }
            None => (rest, dated),
        };
        first
            .iter()
            .rev()
            .chain(second.iter().rev())
            .take(cap)
            .map(|&(target, _)| target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_posting_is_filed_by_its_day_and_found_near_it() {
        let mut p = Postings::default();
        let f = (false, 7);
        p.insert(f, 1, Some(100));
        p.insert(f, 2, Some(120));
        p.insert(f, 3, None);
        // Arrives last, dated between the two.
        p.insert(f, 4, Some(101));
        let near = |day, reach| p.near(&f, day, reach, 10).collect::<Vec<_>>();
        assert_eq!(near(Some(100), 3), vec![4, 1, 3]);
        assert_eq!(near(Some(121), 3), vec![2, 3]);
        assert_eq!(near(Some(110), 3), vec![3]);
        assert_eq!(near(None, 0), vec![3, 2, 4, 1]);
        assert_eq!(p.near(&f, None, 0, 2).collect::<Vec<_>>(), vec![3, 2]);
        assert_eq!(p.near(&(true, 7), Some(100), 3, 10).count(), 0);
    }
}
