//! Clustering scores: pairwise and B-cubed precision, recall and F1.

use std::collections::HashMap;
use std::hash::Hash;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Pairwise scores: a pair of items is predicted together when they share a cluster, and
/// truly together when they share a gold class. `items` are (cluster, class) per item.
pub fn pairwise<C: Eq + Hash, G: Eq + Hash>(items: &[(C, G)]) -> Prf {
    let mut by_cluster: HashMap<&C, u64> = HashMap::new();
    let mut by_class: HashMap<&G, u64> = HashMap::new();
    let mut by_both: HashMap<(&C, &G), u64> = HashMap::new();
    for (c, g) in items {
        *by_cluster.entry(c).or_default() += 1;
        *by_class.entry(g).or_default() += 1;
        *by_both.entry((c, g)).or_default() += 1;
    }
    let together = pairs(by_both.values()) as f64;
    let predicted = pairs(by_cluster.values()) as f64;
    let gold = pairs(by_class.values()) as f64;
    Prf::new(ratio(together, predicted), ratio(together, gold))
}

/// The number of unordered pairs within groups of the given sizes.
fn pairs<'a>(sizes: impl Iterator<Item = &'a u64>) -> u64 {
    sizes.map(|n| n * n.saturating_sub(1) / 2).sum()
}

/// B-cubed scores (Bagga & Baldwin): per item, the share of its cluster that is of its
/// class (precision) and the share of its class that is in its cluster (recall), averaged.
pub fn bcubed<C: Eq + Hash, G: Eq + Hash>(items: &[(C, G)]) -> Prf {
    if items.is_empty() {
        return Prf::new(0.0, 0.0);
    }
    let mut by_cluster: HashMap<&C, f64> = HashMap::new();
    let mut by_class: HashMap<&G, f64> = HashMap::new();
    let mut by_both: HashMap<(&C, &G), f64> = HashMap::new();
    for (c, g) in items {
        *by_cluster.entry(c).or_default() += 1.0;
        *by_class.entry(g).or_default() += 1.0;
        *by_both.entry((c, g)).or_default() += 1.0;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (c, g) in items {
        let both = by_both[&(c, g)];
        p += both / by_cluster[c];
        r += both / by_class[g];
    }
    let n = items.len() as f64;
    Prf::new(p / n, r / n)
}

fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        1.0
    } else {
        a / b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_clustering_scores_one() {
        let items = [(1, "a"), (1, "a"), (2, "b"), (2, "b")];
        assert_eq!(pairwise(&items).f1, 1.0);
        assert_eq!(bcubed(&items).f1, 1.0);
    }

    #[test]
    fn one_big_cluster_has_full_recall_and_low_precision() {
        let items = [(1, "a"), (1, "a"), (1, "b"), (1, "b")];
        let p = pairwise(&items);
        assert_eq!(p.recall, 1.0);
        assert!((p.precision - 2.0 / 6.0).abs() < 1e-9);
        let b = bcubed(&items);
        assert_eq!(b.recall, 1.0);
        assert!((b.precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn singletons_have_full_precision_and_low_recall() {
        let items = [(1, "a"), (2, "a"), (3, "b"), (4, "b")];
        let b = bcubed(&items);
        assert_eq!(b.precision, 1.0);
        assert!((b.recall - 0.5).abs() < 1e-9);
        assert_eq!(pairwise(&items).recall, 0.0);
    }
}
