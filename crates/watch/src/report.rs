//! What one poll of one feed did, for a reader or as a JSON line.

use std::fmt;

use serde::Serialize;

/// How the feed itself answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedStatus {
    /// Fetched and read.
    Fetched,
    /// 304: unchanged since the last poll.
    NotModified,
    /// Not fetched or not a feed (see [`FeedReport::reason`]).
    Failed,
}

/// The per-feed report of one poll.
#[derive(Debug, Clone, Serialize)]
pub struct FeedReport {
    /// The feed URL.
    pub feed: String,
    /// How the feed answered.
    pub status: FeedStatus,
    /// Why the feed failed, when it did.
    pub reason: Option<String>,
    /// Items in the feed.
    pub items: usize,
    /// Items passed over because their link was handled before or is a stored article's URL.
    pub already_seen: usize,
    /// Articles taken from their fetched page.
    pub pages: usize,
    /// Articles kept as the item's own summary, because the page could not be used.
    pub summaries: usize,
    /// Articles newly stored (filled in by whoever stores them).
    pub new: usize,
    /// Articles the store already held under another link (filled in likewise).
    pub duplicates: usize,
    /// Why each summary was kept: the item link and what went wrong with its page.
    pub notes: Vec<String>,
    /// Items that gave no article, each with its link (or position) and the reason.
    pub failed: Vec<String>,
}

impl FeedReport {
    /// An empty report for `feed` with `status`.
    pub(crate) fn new(feed: &str, status: FeedStatus) -> Self {
        FeedReport {
            feed: feed.to_string(),
            status,
            reason: None,
            items: 0,
            already_seen: 0,
            pages: 0,
            summaries: 0,
            new: 0,
            duplicates: 0,
            notes: Vec::new(),
            failed: Vec::new(),
        }
    }
}

/// One line of counts, then one indented line per kept summary and per failed item.
impl fmt::Display for FeedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status {
            FeedStatus::NotModified => return write!(f, "{}: not modified", self.feed),
            FeedStatus::Failed => {
                let reason = self.reason.as_deref().unwrap_or("unknown reason");
                return write!(f, "{}: failed: {reason}", self.feed);
            }
            FeedStatus::Fetched => {}
        }
        write!(
            f,
            "{}: fetched; items {}, new {}, duplicates {}, already seen {}, failed {} \
             (from pages {}, from summaries {})",
            self.feed,
            self.items,
            self.new,
            self.duplicates,
            self.already_seen,
            self.failed.len(),
            self.pages,
            self.summaries
        )?;
        for note in &self.notes {
            write!(f, "\n  summary kept: {note}")?;
        }
        for failure in &self.failed {
            write!(f, "\n  failed: {failure}")?;
        }
        Ok(())
    }
}
