//! Reading articles and analyses back.

use rusqlite::{OptionalExtension, Row};
use storyline_model::{Analysis, Article, Published};

use crate::error::{Context, StoreError};
use crate::{names, paragraphs, Store};

impl Store {
    /// How many articles are stored.
    pub fn count_articles(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .doing(&self.path, "counting articles")?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The stored article and analysis with this id.
    pub fn get(&self, id: &str) -> Result<Option<(Article, Analysis)>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.url, a.outlet, a.title, a.declared_lang, a.published,
                        a.precision, a.published_from, a.dateline, a.origin, a.text,
                        a.paragraphs, an.json, a.author
                 FROM articles a JOIN analyses an ON an.article = a.num
                 WHERE a.id = ?1",
            )
            .doing(&self.path, "preparing a lookup")?
            .query_row([id], StoredArticle::from_row)
            .optional()
            .doing(&self.path, "looking up an article")?;
        row.map(|r| r.into_pair(self)).transpose()
    }

    /// Streams every stored analysis in publication-date order (undated last, then by id),
    /// without loading all in memory.
    ///
    /// Dates compare as text, so a month-precision date (`2023-10`) comes before the days of
    /// that month. The first error, from the store or from `f`, stops the walk and is returned.
    pub fn for_each_analysis(
        &self,
        mut f: impl FnMut(Analysis) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // Two queries rather than `ORDER BY published NULLS LAST`, so that both walk the
        // (published, id) index instead of sorting every JSON record in a temporary table.
        for sql in [
            "SELECT a.id, an.json FROM articles a JOIN analyses an ON an.article = a.num
             WHERE a.published IS NOT NULL ORDER BY a.published, a.id",
            "SELECT a.id, an.json FROM articles a JOIN analyses an ON an.article = a.num
             WHERE a.published IS NULL ORDER BY a.published, a.id",
        ] {
            let mut stmt = self
                .conn
                .prepare_cached(sql)
                .doing(&self.path, "preparing the analysis walk")?;
            let mut rows = stmt.query([]).doing(&self.path, "walking analyses")?;
            while let Some(row) = rows.next().doing(&self.path, "walking analyses")? {
                // Borrowed, not copied: the JSON is parsed straight from SQLite's buffer.
                let text = |i: usize| -> Result<&str, StoreError> {
                    let value = row.get_ref(i).doing(&self.path, "walking analyses")?;
                    value
                        .as_str()
                        .map_err(rusqlite::Error::from)
                        .doing(&self.path, "walking analyses")
                };
                let analysis = self.analysis_from_json(text(0)?, text(1)?)?;
                f(analysis)?;
            }
        }
        Ok(())
    }

    /// Parses a stored analysis, naming the article when the JSON is damaged.
    pub(crate) fn analysis_from_json(&self, id: &str, json: &str) -> Result<Analysis, StoreError> {
        serde_json::from_str(json).map_err(|source| StoreError::Json {
            path: self.path.clone(),
            id: id.to_string(),
            source,
        })
    }
}

/// The columns of one article row, before the JSON parts are parsed.
struct StoredArticle {
    id: String,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    declared_lang: Option<String>,
    published: Option<String>,
    precision: String,
    published_from: String,
    dateline: Option<String>,
    origin: String,
    text: String,
    paragraphs: Option<String>,
    json: String,
    author: Option<String>,
}

impl StoredArticle {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(StoredArticle {
            id: r.get(0)?,
            url: r.get(1)?,
            outlet: r.get(2)?,
            title: r.get(3)?,
            declared_lang: r.get(4)?,
            published: r.get(5)?,
            precision: r.get(6)?,
            published_from: r.get(7)?,
            dateline: r.get(8)?,
            origin: r.get(9)?,
            text: r.get(10)?,
            paragraphs: r.get(11)?,
            json: r.get(12)?,
            author: r.get(13)?,
        })
    }

    fn into_pair(self, store: &Store) -> Result<(Article, Analysis), StoreError> {
        let analysis = store.analysis_from_json(&self.id, &self.json)?;
        let paragraphs =
            paragraphs::restore(&self.text, self.paragraphs.as_deref()).map_err(|source| {
                StoreError::Json {
                    path: store.path.clone(),
                    id: self.id.clone(),
                    source,
                }
            })?;
        let article = Article {
            id: self.id,
            url: self.url,
            outlet: self.outlet,
            title: self.title,
            author: self.author,
            published: Published {
                value: self.published,
                precision: names::precision(&self.precision),
                from: self.published_from,
            },
            dateline: self.dateline,
            lang: self.declared_lang,
            paragraphs,
            origin: self.origin,
        };
        Ok((article, analysis))
    }
}
