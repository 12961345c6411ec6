//! The bilingual term list: frequent news words of several languages mapped to shared
//! concept ids, so that "gouvernement", "government" and "Regierung" count as one term
//! when a French article is compared with an English or German one.
//!
//! Format of data/lexicons/bilingual/*.txt (documented in data/lexicons/bilingual/README.md):
//! one concept per line, its forms in each language separated by `|`, in the column order
//! that the file's `# columns:` line gives (e.g. `# columns: en | fr | de | es | it`);
//! several forms of one language are separated by `,`; an empty column means no form.
//! Forms are compared folded (lowercase, no accents), single words only; a plural `s`/`x`
//! or a feminine `e` in the text is also tried (see `storyline_analyze::entities::inflection_stems`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use storyline_analyze::entities::{fold, inflection_stems};

/// The bundled lists: (file name, contents).
const BUNDLED: &[(&str, &str)] = &[(
    "news.txt",
    include_str!("../../../../data/lexicons/bilingual/news.txt"),
)];

/// Folded word forms mapped to concept ids.
#[derive(Debug, Default)]
pub struct Concepts {
    ids: FxHashMap<String, u32>,
    count: u32,
}

/// A line of a bilingual list that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    /// File and line number.
    pub origin: String,
    /// Why.
    pub reason: String,
}

impl std::fmt::Display for ListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for ListError {}

impl Concepts {
    /// The bundled lists, read once per process. They are checked by the tests, so a
    /// failure here is a build defect, not bad input.
    pub fn bundled() -> &'static Concepts {
        static BUNDLED_CONCEPTS: OnceLock<Concepts> = OnceLock::new();
        BUNDLED_CONCEPTS.get_or_init(|| {
            let mut concepts = Concepts::default();
            for (name, text) in BUNDLED {
                if let Err(e) = concepts.add_list(name, text) {
                    panic!("bundled bilingual list is invalid: {e}");
                }
            }
            concepts
        })
    }

    /// Adds the concepts of one list. A form already given to an earlier concept keeps it
    /// (the first line wins), so that a list can be extended without renumbering.
    pub fn add_list(&mut self, origin: &str, text: &str) -> Result<usize, ListError> {
        let mut columns = 0;
        let mut added = 0;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            let error = |reason: String| ListError {
                origin: format!("{origin}:{}", n + 1),
                reason,
            };
            if let Some(header) = line.strip_prefix("# columns:") {
                columns = header.split('|').count();
                continue;
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if columns == 0 {
                return Err(error("a concept before the `# columns:` line".into()));
            }
            let cells: Vec<&str> = line.split('|').collect();
            if cells.len() != columns {
                return Err(error(format!(
                    "{} columns where the header has {columns}",
                    cells.len()
                )));
            }
            let id = self.count;
            let mut forms = 0;
            for form in cells.iter().flat_map(|c| c.split(',')) {
                let form = fold(form.trim());
                if form.is_empty() {
                    continue;
                }
                if form.contains(' ') {
                    return Err(error(format!("'{form}' is not a single word")));
                }
                forms += 1;
                self.ids.entry(form).or_insert(id);
            }
            if forms < 2 {
                return Err(error("a concept needs forms in two languages".into()));
            }
            self.count += 1;
            added += 1;
        }
        Ok(added)
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether no concept is known.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The concept of an already folded word: the word itself, else its plural-less or
    /// feminine-less form.
    pub fn concept(&self, folded: &str) -> Option<u32> {
        inflection_stems(folded).find_map(|w| self.ids.get(w).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_load_and_join_languages() {
        let c = Concepts::bundled();
        assert!(c.len() > 300, "only {} concepts", c.len());
        let government = c.concept("government");
        assert!(government.is_some());
        assert_eq!(c.concept("gouvernement"), government);
        assert_eq!(c.concept("regierung"), government);
        assert_eq!(c.concept("gouvernements"), government);
        assert_ne!(c.concept("hospital"), government);
    }

    #[test]
    fn malformed_lines_are_errors_naming_the_line() {
        let mut c = Concepts::default();
        let e = c.add_list("x.txt", "war | guerre\n").unwrap_err();
        assert_eq!(e.origin, "x.txt:1");
        let e = c
            .add_list("x.txt", "# columns: en | fr\nwar | guerre | Krieg\n")
            .unwrap_err();
        assert_eq!(e.origin, "x.txt:2");
        assert!(c.add_list("x.txt", "# columns: en | fr\nwar |\n").is_err());
        assert_eq!(
            c.add_list("x.txt", "# columns: en | fr\nwar, wars | guerre\n"),
            Ok(1)
        );
        assert_eq!(c.concept("wars"), c.concept("guerre"));
    }
}
