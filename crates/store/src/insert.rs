//! Writing batches of analysed articles: one transaction per batch, prepared statements reused
//! for every row, duplicates detected by id and by content hash.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Statement, Transaction};
use storyline_model::{Analysis, Article};

use crate::error::{Context, StoreError};
use crate::hash::content_hash;
use crate::paragraphs::{self, PARAGRAPH_BREAK};
use crate::{names, Inserted, Store};

/// A stem is repeated in the full-text column at most this many times: enough for BM25 to see
/// that a term matters, without letting one long article's counts dominate.
const MAX_STEM_REPEAT: u32 = 3;

/// Longest lead (first sentence) kept for snippets, in bytes.
const LEAD_MAX_BYTES: usize = 280;

impl Store {
    /// Stores a batch of articles with their analyses in one transaction.
    ///
    /// Returns, in order, whether each was stored or is a duplicate of a stored article (same
    /// id, or same title and text). Stored rows are never overwritten. When any item fails (an
    /// analysis whose id differs from its article's, a SQLite error), the whole batch is rolled
    /// back and earlier batches stay as they were.
    pub fn insert_batch(
        &mut self,
        items: &[(Article, Analysis)],
    ) -> Result<Vec<Inserted>, StoreError> {
        let path = self.path.as_path();
        let tx = self.conn.transaction().doing(path, "starting a batch")?;
        let now: String = tx
            .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| {
                r.get(0)
            })
            .doing(path, "reading the clock")?;
        let mut out = Vec::with_capacity(items.len());
        {
            let mut writer = Writer::new(&tx, path)?;
            for (article, analysis) in items {
                out.push(writer.insert(article, analysis, &now)?);
            }
        }
        tx.commit().doing(path, "committing a batch")?;
        Ok(out)
    }
}

/// The prepared statements of one batch.
struct Writer<'t> {
    conn: &'t Connection,
    path: &'t Path,
    article: Statement<'t>,
    by_id: Statement<'t>,
    by_hash: Statement<'t>,
    analysis: Statement<'t>,
    entity: Statement<'t>,
    time: Statement<'t>,
    figure: Statement<'t>,
    quote: Statement<'t>,
    framing: Statement<'t>,
    search: Statement<'t>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t Transaction<'_>, path: &'t Path) -> Result<Self, StoreError> {
        let prep = |sql: &str| tx.prepare(sql).doing(path, "preparing an insert");
        Ok(Writer {
            conn: tx,
            path,
            article: prep(
                "INSERT INTO articles (id, content_hash, url, outlet, title, lang, declared_lang,
                     published, precision, published_from, dateline, origin, text, paragraphs,
                     lead, ingested_at, author)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17)
                 ON CONFLICT DO NOTHING",
            )?,
            by_id: prep("SELECT id FROM articles WHERE id = ?1")?,
            by_hash: prep("SELECT id FROM articles WHERE content_hash = ?1")?,
            analysis: prep("INSERT INTO analyses (article, article_id, json) VALUES (?1, ?2, ?3)")?,
            entity: prep(
                "INSERT INTO entities (article, article_id, idx, key, type, text, norm, mentions)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            time: prep(
                "INSERT INTO times (article, article_id, idx, text, value, precision, why)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            figure: prep(
                "INSERT INTO figures (article, article_id, idx, value, low, high, qualifier, what,
                     unit, who, place, source, source_key, as_of, part_of)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?,
            quote: prep(
                "INSERT INTO quotes (article, article_id, idx, text, speaker, speaker_key, kind, as_of)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            framing: prep(
                "INSERT INTO framing (article, article_id, idx, term, lemma, category)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            search: prep("INSERT INTO search (rowid, stems, title) VALUES (?1, ?2, ?3)")?,
        })
    }

    fn insert(
        &mut self,
        article: &Article,
        analysis: &Analysis,
        now: &str,
    ) -> Result<Inserted, StoreError> {
        let path = self.path;
        if article.id != analysis.id {
            return Err(StoreError::Input {
                path: path.to_path_buf(),
                reason: format!(
                    "article {} comes with the analysis of article {}",
                    article.id, analysis.id
                ),
            });
        }
        let id = article.id.as_str();
        let hash = content_hash(article.title.as_deref(), &article.paragraphs);
        let text = article.paragraphs.join(PARAGRAPH_BREAK);
        let p = &article.published;
        let changed = self
            .article
            .execute(params![
                id,
                hash,
                article.url,
                article.outlet,
                article.title,
                analysis.lang,
                article.lang,
                p.value,
                p.precision.as_str(),
                p.from,
                article.dateline,
                article.origin,
                text,
                paragraphs::column(&article.paragraphs),
                lead(analysis),
                now,
                article.author,
            ])
            .doing(path, "inserting an article")?;
        if changed == 0 {
            return self.existing(id, &hash);
        }
        let num = self.conn.last_insert_rowid();
        let json = serde_json::to_string(analysis).map_err(|source| StoreError::Json {
            path: path.to_path_buf(),
            id: id.to_string(),
            source,
        })?;
        self.analysis
            .execute(params![num, id, json])
            .doing(path, "inserting an analysis")?;
        self.details(num, id, analysis)?;
        self.search
            .execute(params![num, stems(analysis), article.title])
            .doing(path, "indexing an article for search")?;
        Ok(Inserted::New)
    }

    /// The stored article that made the insert a no-op: same id first, else same content.
    fn existing(&mut self, id: &str, hash: &str) -> Result<Inserted, StoreError> {
        let path = self.path;
        let found: Option<String> = match self
            .by_id
            .query_row([id], |r| r.get(0))
            .optional()
            .doing(path, "looking up a duplicate")?
        {
            Some(found) => Some(found),
            None => self
                .by_hash
                .query_row([hash], |r| r.get(0))
                .optional()
                .doing(path, "looking up a duplicate")?,
        };
        match found {
            Some(existing_id) => Ok(Inserted::Duplicate { existing_id }),
            None => Err(StoreError::Input {
                path: path.to_path_buf(),
                reason: format!(
                    "article {id} was refused by a constraint other than id or content"
                ),
            }),
        }
    }

    /// The denormalized rows: entities, times, figures, quotes, framing marks.
    fn details(&mut self, num: i64, id: &str, a: &Analysis) -> Result<(), StoreError> {
        let path = self.path;
        for (idx, e) in a.entities.iter().enumerate() {
            self.entity
                .execute(params![
                    num,
                    id,
                    idx as i64,
                    e.key,
                    names::entity_type(e.kind),
                    e.text,
                    e.text.to_lowercase(),
                    e.spans.len() as i64,
                ])
                .doing(path, "inserting an entity")?;
        }
        for (idx, t) in a.times.iter().enumerate() {
            self.time
                .execute(params![
                    num,
                    id,
                    idx as i64,
                    t.text,
                    t.value,
                    t.precision.as_str(),
                    t.why
                ])
                .doing(path, "inserting a time expression")?;
        }
        for (idx, f) in a.figures.iter().enumerate() {
            self.figure
                .execute(params![
                    num,
                    id,
                    idx as i64,
                    f.value,
                    f.low,
                    f.high,
                    names::qualifier(f.qualifier),
                    f.what.as_str(),
                    f.unit,
                    f.who,
                    f.place,
                    f.source,
                    f.source_key,
                    f.as_of,
                    f.part_of.map(|i| i as i64),
                ])
                .doing(path, "inserting a figure")?;
        }
        for (idx, q) in a.quotes.iter().enumerate() {
            self.quote
                .execute(params![
                    num,
                    id,
                    idx as i64,
                    q.text,
                    q.speaker,
                    q.speaker_key,
                    names::quote_kind(q.kind),
                    q.as_of,
                ])
                .doing(path, "inserting a quote")?;
        }
        for (idx, m) in a.framing.iter().enumerate() {
            self.framing
                .execute(params![num, id, idx as i64, m.term, m.lemma, m.category])
                .doing(path, "inserting a framing mark")?;
        }
        Ok(())
    }
}

/// The full-text column: each stem repeated by its count, at most [`MAX_STEM_REPEAT`] times.
fn stems(a: &Analysis) -> String {
    let mut out = String::with_capacity(a.terms.len() * 12);
    for (stem, count) in &a.terms {
        if stem.trim().is_empty() {
            continue;
        }
        for _ in 0..(*count).clamp(1, MAX_STEM_REPEAT) {
            out.push_str(stem);
            out.push(' ');
        }
    }
    out
}

/// The first sentence, shortened to [`LEAD_MAX_BYTES`] on a character boundary.
fn lead(a: &Analysis) -> String {
    let first = a
        .sentences
        .first()
        .map(|s| s.slice(&a.text).trim())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| {
            a.text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
        });
    if first.len() <= LEAD_MAX_BYTES {
        return first.to_string();
    }
    let mut end = LEAD_MAX_BYTES;
    while !first.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", first.get(..end).unwrap_or("").trim_end())
}
