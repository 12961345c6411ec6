//! One poll of one feed: the feed, then the page of each item not seen before.

use std::collections::HashSet;
use std::path::Path;

use storyline_extract::ExtractError;
use storyline_model::Article;

use crate::fetch::{FetchError, Fetched, Fetcher, Validators};
use crate::items::{self, Item};
use crate::report::{FeedReport, FeedStatus};
use crate::state::{Outcome, State};
use crate::{Config, WatchError};

/// Polls feeds politely and remembers what it has handled, in the store's file.
pub struct Watcher {
    fetcher: Fetcher,
    state: State,
}

/// What one poll of one feed gave: the articles to store and the report.
pub struct Polled {
    /// The report; the caller fills in its `new` and `duplicates` counts once it has stored
    /// the articles.
    pub report: FeedReport,
    /// The new items' articles, from their pages or their own summaries.
    pub articles: Vec<Article>,
    /// The feed's validators to keep: when it answered with a feed and no item is left to
    /// try again.
    validators: Option<Validators>,
    /// The item links handled for good, with their article id.
    handled: Vec<(String, Option<String>, Outcome)>,
}

impl Watcher {
    /// A watcher with `config` whose state lives in the store file `db` (which must exist).
    pub fn open(db: &Path, config: Config) -> Result<Watcher, WatchError> {
        Ok(Watcher {
            fetcher: Fetcher::new(config)?,
            state: State::open(db)?,
        })
    }

    /// Polls `feed`: a conditional GET of the feed, then a GET of every item page whose link
    /// is not known yet. Feed and page failures go into the report; only a failure of the
    /// state file is an error.
    pub fn poll(&mut self, feed: &str) -> Result<Polled, WatchError> {
        let mut polled = Polled {
            report: FeedReport::new(feed, FeedStatus::Fetched),
            articles: Vec::new(),
            validators: None,
            handled: Vec::new(),
        };
        let known = self.state.validators(feed)?;
        let (bytes, validators) = match self.fetcher.get(feed, &known) {
            Ok(Fetched::Body {
                bytes, validators, ..
            }) => (bytes, validators),
            Ok(Fetched::NotModified) => {
                polled.report.status = FeedStatus::NotModified;
                return Ok(polled);
            }
            Err(e) => {
                polled.fail(e.reason);
                return Ok(polled);
            }
        };
        let items = match items::feed_items(&bytes, feed) {
            Ok(items) => items,
            Err(reason) => {
                polled.fail(reason);
                return Ok(polled);
            }
        };
        polled.validators = Some(validators);
        polled.report.items = items.len();
        let mut this_poll = HashSet::new();
        for (index, item) in items.into_iter().enumerate() {
            let Item {
                link,
                mut summary,
                about,
            } = item;
            let Some(link) = link else {
                // Nothing to fetch: the item's own text is all there is.
                match summary {
                    Ok(article) => polled.keep_summary(article),
                    Err(e) => polled.report.failed.push(format!(
                        "item {}: no link, {}",
                        index + 1,
                        e.reason
                    )),
                }
                continue;
            };
            if !this_poll.insert(link.clone()) || self.state.known(&link)? {
                polled.report.already_seen += 1;
                continue;
            }
            // The feed may give the link relative to itself; a kept summary carries it whole.
            if let Ok(article) = &mut summary {
                article.url = Some(link.clone());
            }
            match self.fetcher.get(&link, &Validators::default()) {
                Ok(Fetched::Body {
                    bytes,
                    url,
                    content_type,
                    ..
                }) => match items::page_article(&bytes, &url, content_type.as_deref(), &about) {
                    Ok(article) => {
                        polled.report.pages += 1;
                        polled
                            .handled
                            .push((link, Some(article.id.clone()), Outcome::Page));
                        polled.articles.push(article);
                    }
                    Err(reason) => polled.page_unusable(link, summary, reason, true),
                },
                // Never asked for (no validators are sent for pages), but a server may say it.
                Ok(Fetched::NotModified) => {
                    polled.page_unusable(link, summary, "HTTP 304 Not Modified".into(), true);
                }
                Err(FetchError { reason, permanent }) => {
                    polled.page_unusable(link, summary, reason, permanent);
                }
            }
        }
        Ok(polled)
    }

    /// Remembers a poll whose articles are stored: the feed's validators and the item links
    /// handled, so that neither the feed's content nor those pages are fetched again.
    pub fn remember(&mut self, polled: &Polled) -> Result<(), WatchError> {
        self.state.record(
            &polled.report.feed,
            polled.validators.as_ref(),
            &polled.handled,
        )
    }
}

impl Polled {
    /// The feed itself failed.
    fn fail(&mut self, reason: String) {
        self.report.status = FeedStatus::Failed;
        self.report.reason = Some(reason);
    }

    /// An item without a link: its own text is its article.
    fn keep_summary(&mut self, article: Article) {
        self.report.summaries += 1;
        self.articles.push(article);
    }

    /// The page of `link` could not be used: keep the item's own text when it has some, and
    /// say so. The link is handled for good unless the failure may pass and nothing was kept.
    fn page_unusable(
        &mut self,
        link: String,
        summary: Result<Article, ExtractError>,
        reason: String,
        permanent: bool,
    ) {
        match summary {
            Ok(article) => {
                self.report
                    .notes
                    .push(format!("{link}: page not used ({reason})"));
                self.handled
                    .push((link, Some(article.id.clone()), Outcome::Summary));
                self.keep_summary(article);
            }
            Err(e) => {
                self.report.failed.push(format!(
                    "{link}: {reason}; the item has no text of its own ({})",
                    e.reason
                ));
                if permanent {
                    self.handled.push((link, None, Outcome::Gone));
                } else {
                    // Keeping the feed's new validators would make it answer 304 next time,
                    // and this item would never be tried again.
                    self.validators = None;
                }
            }
        }
    }
}
