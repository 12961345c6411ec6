//! `storyline watch FEEDS.txt`: poll feeds, fetch their new pages, analyze, store and link them;
//! again every `--every` until stopped (or once with `--once`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use serde::Serialize;
use storyline_analyze::Analyzer;
use storyline_store::{Inserted, Store};
use storyline_watch::{read_feed_list, Config, FeedReport, Watcher};

use crate::commands::ingest::relink;
use crate::{pipeline, AnalyzeArgs, DbArgs};

/// Arguments of `storyline watch`.
#[derive(Args)]
pub struct WatchCmd {
    /// A file of feed URLs (RSS, Atom or JSON Feed), one per line; `#` starts a comment. It is
    /// read again before every round, so feeds can be added while the watch runs.
    feeds: PathBuf,
    /// Time between the starts of two rounds (`90s`, `10m`, `1h`).
    #[arg(long, default_value = "10m", value_parser = humantime::parse_duration)]
    every: Duration,
    /// Poll every feed once, then exit.
    #[arg(long)]
    once: bool,
    /// Least time between two requests to one host (a robots.txt Crawl-delay can lengthen it).
    #[arg(long, default_value = "1s", value_parser = humantime::parse_duration)]
    per_host_delay: Duration,
    /// Longest time one request may take, body included.
    #[arg(long, default_value = "30s", value_parser = humantime::parse_duration)]
    timeout: Duration,
    /// Further attempts after a 5xx answer, a timeout or a broken connection (never after 4xx).
    #[arg(long, default_value_t = 3)]
    retries: u32,
    /// Wait before the first retry; each further retry waits twice as long.
    #[arg(long, default_value = "1s", value_parser = humantime::parse_duration)]
    backoff: Duration,
    /// The User-Agent header [default: storyline/<version>, with the project's URL when known].
    #[arg(long)]
    user_agent: Option<String>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    analyze: AnalyzeArgs,
    /// Print each feed's report as a JSON line (with its round number).
    #[arg(long)]
    json: bool,
}

/// One JSON line: a feed's report in a round.
#[derive(Serialize)]
struct Line<'a> {
    round: u64,
    #[serde(flatten)]
    report: &'a FeedReport,
}

impl WatchCmd {
    /// Runs the command: rounds until stopped, or one with `--once`.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        // Rounds back to back would poll the feeds as fast as the per-host delay lets them.
        if !self.once && self.every < Duration::from_secs(1) {
            anyhow::bail!("--every must be at least 1s");
        }
        let mut feeds = read_feed_list(&self.feeds)?;
        let analyzer = self.analyze.analyzer()?;
        // The store first: it creates or checks the file; the watcher's tables go beside its own.
        let mut store = Store::open(&self.db.db)?;
        let mut watcher = Watcher::open(&self.db.db, self.config())?;
        for round in 1.. {
            let started = Instant::now();
            if feeds.is_empty() {
                eprintln!("storyline watch: {} lists no feed", self.feeds.display());
            }
            self.round(round, &feeds, &mut watcher, &mut store, &analyzer)?;
            if self.once {
                break;
            }
            std::thread::sleep(self.every.saturating_sub(started.elapsed()));
            // A list broken while the watch runs must not stop it: the last good one stays.
            match read_feed_list(&self.feeds) {
                Ok(list) => feeds = list,
                Err(e) => eprintln!("storyline watch: {e}; keeping the previous list"),
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    /// The watcher's settings from the options.
    fn config(&self) -> Config {
        Config {
            user_agent: self
                .user_agent
                .clone()
                .unwrap_or_else(storyline_watch::default_user_agent),
            per_host_delay: self.per_host_delay,
            timeout: self.timeout,
            retries: self.retries,
            backoff: self.backoff,
            max_bytes: self.analyze.max_bytes,
        }
    }

    /// Polls every feed, stores each feed's new articles before the next feed, prints the
    /// reports, and relinks the store when anything new was stored.
    fn round(
        &self,
        round: u64,
        feeds: &[String],
        watcher: &mut Watcher,
        store: &mut Store,
        analyzer: &Analyzer,
    ) -> anyhow::Result<()> {
        let mut new = 0;
        for feed in feeds {
            let mut polled = watcher.poll(feed)?;
            let articles = std::mem::take(&mut polled.articles);
            if !articles.is_empty() {
                let analyzed = pipeline::analyze_batch(analyzer, articles);
                for inserted in store.insert_batch(&analyzed)? {
                    match inserted {
                        Inserted::New => polled.report.new += 1,
                        Inserted::Duplicate { .. } => polled.report.duplicates += 1,
                    }
                }
            }
            // Only once the articles are stored: a crash before this fetches them again.
            watcher.remember(&polled)?;
            new += polled.report.new;
            if self.json {
                let line = Line {
                    round,
                    report: &polled.report,
                };
                println!("{}", serde_json::to_string(&line)?);
            } else {
                println!("{}", polled.report);
            }
        }
        let linked = if new > 0 { Some(relink(store)?) } else { None };
        if !self.json {
            let polled = match feeds.len() {
                1 => "1 feed polled".to_string(),
                n => format!("{n} feeds polled"),
            };
            match linked {
                Some((stories, storylines)) => println!(
                    "round {round}: {polled}, new articles {new}; {stories} stories in {storylines} storylines"
                ),
                None => println!("round {round}: {polled}, nothing new"),
            }
        }
        Ok(())
    }
}
