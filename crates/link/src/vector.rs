//! Sparse vectors of interned ids, sorted by id: terms and entity keys of articles and stories.

use rustc_hash::FxHashMap;

/// A sparse vector sorted by id.
pub type Vector = Vec<(u32, f64)>;

/// An inverted index: feature (is an entity key, id) to the stories indexed by it, each
/// with a day (nondecreasing along each list, as stories are built in date order) that
/// lets a scan from the newest stop where nothing older can be within reach.
pub type Postings = FxHashMap<(bool, u32), Vec<(usize, Option<i64>)>>;

/// Scales `v` to unit length (unchanged when zero).
pub fn normalize(v: &mut Vector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// The sum of two sparse vectors sorted by id.
pub fn merge(a: &Vector, b: &Vector) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (Some(&(ka, wa)), Some(&(kb, wb))) => {
                if ka < kb {
                    out.push((ka, wa));
                    i += 1;
                } else if kb < ka {
                    out.push((kb, wb));
                    j += 1;
                } else {
                    out.push((ka, wa + wb));
                    i += 1;
                    j += 1;
                }
            }
            (Some(&x), None) => {
                out.push(x);
                i += 1;
            }
            (None, Some(&y)) => {
                out.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Keeps the `max` heaviest entries of `v`, still sorted by id.
pub fn prune(v: &mut Vector, max: usize) {
    if v.len() <= max {
        return;
    }
    v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(max);
    v.sort_unstable_by_key(|e| e.0);
}

/// A unit-length copy of `v`, for comparing stories of different sizes.
pub fn unit(v: &Vector) -> Vector {
    let mut v = v.clone();
    normalize(&mut v);
    v
}

/// The ids of the `k` heaviest entries of `v`, tagged as keys or terms.
pub fn heaviest(v: &Vector, k: usize, is_key: bool) -> impl Iterator<Item = (bool, u32)> {
    let mut v = v.clone();
    v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(k).map(move |(id, _)| (is_key, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_adds_and_prune_keeps_the_heaviest_sorted() {
        let mut m = merge(&vec![(1, 1.0), (3, 2.0)], &vec![(2, 0.5), (3, 1.0)]);
        assert_eq!(m, vec![(1, 1.0), (2, 0.5), (3, 3.0)]);
        prune(&mut m, 2);
        assert_eq!(m, vec![(1, 1.0), (3, 3.0)]);
    }

    #[test]
    fn unit_and_heaviest() {
        let v = unit(&vec![(1, 3.0), (2, 4.0)]);
        assert_eq!(v, vec![(1, 0.6), (2, 0.8)]);
        assert_eq!(heaviest(&v, 1, true).collect::<Vec<_>>(), vec![(true, 2)]);
        assert!(unit(&Vec::new()).is_empty());
    }
}
