//! Stage 5, store: one SQLite file that a user can open with `sqlite3`.
//!
//! [`Store`] persists each article with its analysis ([`Store::insert_batch`], one transaction
//! per batch, duplicates detected by id and by content hash), the link results
//! ([`Store::save_links`]), and answers the views: stories, storylines and full-text search over
//! the analyzer's stems, and the series of one counted thing across articles
//! ([`Store::figure_series`]). The file is in WAL mode, so readers never block the writer.
//!
#![doc = include_str!("../SCHEMA.md")]

mod error;
mod figures;
mod hash;
mod insert;
mod links;
mod names;
mod paragraphs;
mod read;
mod schema;
mod search;
mod series;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

pub use error::StoreError;
pub use figures::FigureFilter;
pub use series::{
    Carrier, DateFrom, FigureReport, Point, Series, SeriesConflict, SeriesProgression, Unsourced,
    UnsourcedFigure,
};

/// The schema version (`PRAGMA user_version`) this build creates and reads.
pub const SCHEMA_VERSION: i64 = schema::LATEST;

/// An open store: one SQLite connection and the file it belongs to.
pub struct Store {
    conn: Connection,
    /// The file, named in every error (`:memory:` for an in-memory store).
    path: PathBuf,
}

/// What [`Store::insert_batch`] did with one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Inserted {
    /// Stored.
    New,
    /// Not stored: the same article id, or the same title and text, is already stored.
    Duplicate {
        /// The id of the stored article it duplicates.
        existing_id: String,
    },
}

/// Which stories [`Store::stories`] returns. The default returns all of them.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    /// Only stories whose latest article date is on or after this ISO date (compared as text,
    /// so `2024-01` keeps stories last seen on `2024-01-19`).
    pub since: Option<String>,
    /// Only stories with at least one article in this language (`fr`, `en`, …).
    pub lang: Option<String>,
    /// Only stories with at least one article from this outlet (ASCII case-insensitive).
    pub outlet: Option<String>,
    /// Only stories with at least one article naming this entity: its key (`loc:moscow`) or its
    /// text (`Moscou`), case-insensitively.
    pub entity: Option<String>,
    /// At most this many stories.
    pub limit: Option<usize>,
}

/// One stored article as listed in a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    /// Article id.
    pub id: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Language of the analysis (declared or detected).
    pub lang: String,
    /// Publication date, ISO truncated to its precision.
    pub published: Option<String>,
    /// `day`, `month`, `year` or `unknown`.
    pub precision: String,
    /// The first article of its near-duplicate group, when it is a near-duplicate of another.
    pub duplicate_of: Option<String>,
}

/// A story with its articles, as the views show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    /// Story id.
    pub id: u64,
    /// Label from its key actors and terms.
    pub label: String,
    /// The storyline it belongs to.
    pub storyline: u64,
    /// That storyline's name ("" when the link results did not name it).
    pub storyline_name: String,
    /// Earliest article date.
    pub first: Option<String>,
    /// Latest article date.
    pub last: Option<String>,
    /// Its articles, by date (undated last), then id.
    pub articles: Vec<ArticleRow>,
    /// The distinct outlets of its articles, sorted.
    pub outlets: Vec<String>,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The article's first sentence (shortened), or its headline when it has no text.
    pub snippet: String,
    /// Relevance: SQLite's BM25 negated, so higher is better.
    pub score: f64,
}

impl Store {
    /// Opens the store at `path`, creating the file and its schema when absent.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::Open {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        Store::prepared(conn, path.to_path_buf())
    }

    /// A store that lives in memory only (tests, one-shot pipelines).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::Open {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        Store::prepared(conn, path)
    }

    fn prepared(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        schema::prepare(&mut conn, &path)?;
        Ok(Store { conn, path })
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }
}
