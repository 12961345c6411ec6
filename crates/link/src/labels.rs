//! Human-readable names for stories and storylines: their most frequent distinctive key
//! actors, then
//! their heaviest terms, e.g. "Hamas · Moscou · Abou Marzouk · délégation".
//!
//! Terms are Snowball stems ("délég"); a stem is shown as the first headline word of the
//! group that starts with it, and as the bare stem when no headline has one.

use rustc_hash::FxHashMap;

use crate::corpus::Corpus;
use crate::vector::{heaviest, Vector};

/// Parts in a name.
const PARTS: usize = 4;
/// Most actors in a name, so that terms say what happened.
const MAX_ACTORS: usize = 3;
/// Headlines searched for the surface form of a stem.
const TITLES: usize = 20;

/// The name of the group of items `members` whose summed term vector is `terms`.
pub fn name(corpus: &Corpus, members: &[usize], terms: &Vector) -> String {
    // Mentions weighted by type and by how distinctive the key is in the whole corpus,
    // so that the news agency or the country named everywhere does not name everything.
    let n = corpus.items.len();
    let mut actors: FxHashMap<u32, f64> = FxHashMap::default();
    for item in members.iter().filter_map(|&i| corpus.items.get(i)) {
        for &(key, weight) in &item.keys {
            *actors.entry(key).or_default() += weight * corpus.keys.idf(key, n);
        }
    }
    let mut actors: Vec<(u32, f64)> = actors.into_iter().collect();
    actors.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Two keys may share a display form (say, an organisation filed under two keys).
    let mut parts: Vec<String> = Vec::new();
    for name in actors.iter().filter_map(|(key, _)| corpus.key_name(*key)) {
        if parts.len() >= MAX_ACTORS {
            break;
        }
        if !parts.iter().any(|p| p == name) {
            parts.push(name.to_string());
        }
    }
    let titles: Vec<&str> = members
        .iter()
        .filter_map(|&i| corpus.items.get(i)?.title.as_deref())
        .take(TITLES)
        .collect();
    for (_, term) in heaviest(terms, PARTS * 2, false) {
        if parts.len() >= PARTS {
            break;
        }
        let Some(stem) = corpus.terms.names.get(term as usize) else {
            continue;
        };
        let word = surface(stem, &titles);
        let lower = word.to_lowercase();
        if !parts.iter().any(|p| p.to_lowercase().contains(&lower)) {
            parts.push(word);
        }
    }
    parts.join(" · ")
}

/// The first headline word that starts with `stem` (ignoring case), else the stem.
fn surface(stem: &str, titles: &[&str]) -> String {
    titles
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .find(|w| w.to_lowercase().starts_with(stem))
        .map_or_else(|| stem.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_take_their_headline_form() {
        assert_eq!(
            surface("visit", &["Hamas delegation visits Moscow"]),
            "visits"
        );
        assert_eq!(
            surface("otag", &["Rien ici", "Libérer les otages"]),
            "otages"
        );
        assert_eq!(surface("zzz", &["Rien"]), "zzz");
    }
}
