//! What the watcher remembers across polls and runs, in the store's own SQLite file.
//!
//! Two tables of its own, created on first use:
//!
//! - `watch_feeds(url, etag, last_modified, checked_at)`: the validators of each feed's last
//!   answer, sent back as `If-None-Match` / `If-Modified-Since`;
//! - `watch_items(url, feed, article_id, outcome, seen_at)`: every item link handled, with the
//!   article stored for it (`outcome` is `page` or `summary`) or none (`gone`: the page failed
//!   for good and the item had no text of its own).
//!
//! They sit beside the store's tables rather than in its schema on purpose: they are the
//! fetcher's bookkeeping, not articles or analyses, so the store (and its versioned migrations,
//! which other stages extend) need not know about HTTP; one file still holds everything, and
//! `sqlite3` shows it. An index on `articles(url)` (the store's schema invites one for columns
//! queried often) makes "is this URL stored?" cheap.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use crate::fetch::Validators;
use crate::WatchError;

/// The tables and the index, idempotent.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS watch_feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    checked_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_items (
    url        TEXT PRIMARY KEY,
    feed       TEXT NOT NULL,
    article_id TEXT,
    outcome    TEXT NOT NULL,
    seen_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS watch_articles_url ON articles(url);
";

/// How long a write waits for another connection's lock, in milliseconds (as the store does).
const BUSY_TIMEOUT_MS: i64 = 5_000;

/// What became of one item link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored from its fetched page.
    Page,
    /// Stored from the feed's own text: the page could not be used.
    Summary,
    /// Nothing stored: the page failed for good and the item had no text.
    Gone,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Page => "page",
            Outcome::Summary => "summary",
            Outcome::Gone => "gone",
        }
    }
}

/// The watcher's tables in one store file.
pub struct State {
    conn: Connection,
    path: String,
}

impl State {
    /// Opens the state of the store at `path`. The store must exist already (open it with
    /// `storyline_store::Store::open` first): the store refuses files holding foreign tables.
    pub fn open(path: &Path) -> Result<State, WatchError> {
        let name = path.display().to_string();
        let fail = |e: rusqlite::Error| WatchError::State {
            path: name.clone(),
            reason: e.to_string(),
        };
        let conn = Connection::open(path).map_err(fail)?;
        conn.pragma_update(None, "busy_timeout", BUSY_TIMEOUT_MS)
            .map_err(fail)?;
        let has_articles: bool = conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles')",
                [],
                |r| r.get(0),
            )
            .map_err(fail)?;
        if !has_articles {
            return Err(WatchError::State {
                path: name,
                reason: "not a storyline store (no articles table)".into(),
            });
        }
        conn.execute_batch(SCHEMA).map_err(fail)?;
        Ok(State { conn, path: name })
    }

    /// The validators kept for `feed` (empty when it was never read).
    pub fn validators(&self, feed: &str) -> Result<Validators, WatchError> {
        self.conn
            .query_row(
                "SELECT etag, last_modified FROM watch_feeds WHERE url = ?1",
                [feed],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| error(&self.path, "reading a feed's validators", e))
    }

    /// Whether `url` was handled by an earlier poll or is the URL of a stored article.
    pub fn known(&self, url: &str) -> Result<bool, WatchError> {
        self.conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM watch_items WHERE url = ?1)
                     OR EXISTS(SELECT 1 FROM articles WHERE url = ?1)",
                [url],
                |r| r.get(0),
            )
            .map_err(|e| error(&self.path, "looking up an item", e))
    }

    /// Records, in one transaction, a feed's new validators (when it answered) and its items.
    pub fn record(
        &mut self,
        feed: &str,
        validators: Option<&Validators>,
        items: &[(String, Option<String>, Outcome)],
    ) -> Result<(), WatchError> {
        let fail = |doing: &str, e| error(&self.path, doing, e);
        let tx = self
            .conn
            .transaction()
            .map_err(|e| fail("starting a transaction", e))?;
        if let Some(v) = validators {
            tx.execute(
                "INSERT INTO watch_feeds (url, etag, last_modified, checked_at)
                 VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                 ON CONFLICT(url) DO UPDATE SET etag = ?2, last_modified = ?3,
                     checked_at = excluded.checked_at",
                params![feed, v.etag, v.last_modified],
            )
            .map_err(|e| fail("saving a feed's validators", e))?;
        }
        {
            let mut insert = tx
                .prepare(
                    "INSERT OR IGNORE INTO watch_items (url, feed, article_id, outcome, seen_at)
                     VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                )
                .map_err(|e| fail("saving items", e))?;
            for (url, article_id, outcome) in items {
                insert
                    .execute(params![url, feed, article_id, outcome.as_str()])
                    .map_err(|e| fail("saving items", e))?;
            }
        }
        tx.commit().map_err(|e| fail("committing", e))
    }
}

/// A state error naming the file and what was being done.
fn error(path: &str, doing: &str, e: rusqlite::Error) -> WatchError {
    WatchError::State {
        path: path.to_string(),
        reason: format!("{doing}: {e}"),
    }
}
