//! Full-text search over the analyzer's stems, ranked by SQLite's BM25.

use crate::error::{Context, StoreError};
use crate::{SearchHit, Store};

impl Store {
    /// Full-text search. `stems` are the query's stemmed terms (the CLI stems the query with
    /// the same analyzer as the articles). An article matches when it has any of them; BM25
    /// ranks articles with more of the terms, and rarer terms, higher. Best first.
    pub fn search(&self, stems: &[String], limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(query) = match_expression(stems) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.outlet, a.published, a.lead, search.rank
                 FROM search JOIN articles a ON a.num = search.rowid
                 WHERE search MATCH ?1
                 ORDER BY search.rank, a.id
                 LIMIT ?2",
            )
            .doing(&self.path, "preparing a search")?;
        let rows = stmt
            .query_map(rusqlite::params![query, limit], |r| {
                let title: Option<String> = r.get(1)?;
                let lead: String = r.get(4)?;
                let snippet = if lead.is_empty() {
                    title.clone().unwrap_or_default()
                } else {
                    lead
                };
                Ok(SearchHit {
                    id: r.get(0)?,
                    title,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    snippet,
                    score: -r.get::<_, f64>(5)?,
                })
            })
            .doing(&self.path, "searching")?;
        rows.collect::<Result<Vec<_>, _>>()
            .doing(&self.path, "searching")
    }
}

/// The FTS5 query for `stems`: each stem as a quoted string (so no stem is read as query
/// syntax), any of them, in the `stems` column only. `None` when no stem has a word in it.
fn match_expression(stems: &[String]) -> Option<String> {
    let terms: Vec<String> = stems
        .iter()
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .map(|s| format!("\"{}\"", s.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(format!("stems : ({})", terms.join(" OR ")))
    }
}

#[cfg(test)]
mod tests {
    use super::match_expression;

    #[test]
    fn stems_are_quoted_and_or_ed() {
        let q = match_expression(&["hamas".into(), "mo\"sc".into(), "--".into()]);
        assert_eq!(q.as_deref(), Some("stems : (\"hamas\" OR \"mo\"\"sc\")"));
        assert_eq!(match_expression(&["  ".into()]), None);
    }
}
