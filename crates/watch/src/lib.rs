//! Sources: the polite feed watcher behind `storyline watch`.
//!
//! A [`Watcher`] polls RSS 2.0, Atom and JSON feeds over HTTP, fetches the page of every item it
//! has not seen, and turns each into an [`storyline_model::Article`] through the same extractor
//! as `storyline ingest` (the page as [`storyline_model::Format::Html`], with the item's URL,
//! title, date, outlet and language filling what the page lacks). When a page cannot be used,
//! the item's own summary is kept and the report says why.
//!
//! Politeness ([`fetch`]): robots.txt read once per host and cached, a minimum delay between two
//! requests to one host (and a longer one when robots.txt asks for a `Crawl-delay`), conditional
//! GET with `ETag` / `If-Modified-Since`, a timeout per request, retries with exponential backoff
//! on 5xx answers, timeouts and broken connections (never on 4xx; a `Retry-After` is honoured),
//! redirects followed one hop at a time under the same rules, and a user agent that says who
//! we are.
//!
//! State ([`state`]): the validators of each feed and the item links already handled live in
//! two tables of the store's own SQLite file, `watch_feeds` and `watch_items`, created by this
//! crate (see [`state`] for why they are not part of the store's schema). An item whose link
//! is stored already (in `watch_items`, or as an article URL) is never fetched again.
//!
//! The watcher does not analyze or store articles: [`Watcher::poll`] hands them to the caller,
//! which stores them and then calls [`Watcher::remember`], so that a crash between the two
//! fetches the items again rather than losing them.

pub mod feeds;
pub mod fetch;
mod hosts;
mod items;
mod poll;
mod report;
pub mod state;

use std::time::Duration;

pub use feeds::read_feed_list;
pub use poll::{Polled, Watcher};
pub use report::{FeedReport, FeedStatus};

/// How the watcher behaves on the network.
#[derive(Debug, Clone)]
pub struct Config {
    /// The `User-Agent` header; also the agent name matched against robots.txt groups.
    pub user_agent: String,
    /// The least time between two requests to one host (`host:port`).
    pub per_host_delay: Duration,
    /// The longest a request may take, body included.
    pub timeout: Duration,
    /// Further attempts after a 5xx answer, a timeout or a broken connection.
    pub retries: u32,
    /// The wait before the first retry; each further retry waits twice as long.
    pub backoff: Duration,
    /// The largest accepted feed or page body, in bytes.
    pub max_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            user_agent: default_user_agent(),
            per_host_delay: Duration::from_secs(1),
            timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_secs(1),
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

/// `storyline/<version>`, followed by ` (+<repository>)` when the package names its repository,
/// so that a site owner can tell who is fetching and where to read about it.
pub fn default_user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("storyline/{version}"),
        repository => format!("storyline/{version} (+{repository})"),
    }
}

/// What can stop the watcher as a whole (a single feed or page failing never does).
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The feed list could not be read.
    #[error("{path}: {reason}")]
    FeedList {
        /// The list file.
        path: String,
        /// Why, naming the line when it is one line's fault.
        reason: String,
    },
    /// The state tables could not be read or written.
    #[error("{path}: {reason}")]
    State {
        /// The SQLite file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The HTTP client could not be set up.
    #[error("HTTP client: {0}")]
    Client(String),
}
