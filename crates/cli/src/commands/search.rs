//! `storyline search QUERY`: full-text search over stored articles.

use std::process::ExitCode;

use clap::Args;
use storyline_analyze::Analyzer;

use crate::{commands::stories::open_existing, DbArgs};

/// Arguments of `storyline search`.
#[derive(Args)]
pub struct SearchCmd {
    /// Words to look for; they are stemmed like the articles (French and English).
    #[arg(required = true)]
    query: Vec<String>,
    /// The query's language when it cannot be told from the words (fr, en).
    #[arg(long)]
    lang: Option<String>,
    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    db: DbArgs,
    /// JSON lines, one hit per line.
    #[arg(long)]
    json: bool,
}

impl SearchCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let store = open_existing(&self.db)?;
        let query = self.query.join(" ");
        let stems = Analyzer::new().query_stems(&query, self.lang.as_deref());
        if stems.is_empty() {
            anyhow::bail!("the query {query:?} has no searchable word (only stopwords or numbers)");
        }
        for hit in store.search(&stems, self.limit)? {
            if self.json {
                println!("{}", serde_json::to_string(&hit)?);
            } else {
                println!(
                    "{}  {}  {}  {}\n    {}",
                    hit.id,
                    hit.published.as_deref().unwrap_or("????"),
                    hit.outlet.as_deref().unwrap_or("-"),
                    hit.title.as_deref().unwrap_or("(untitled)"),
                    hit.snippet
                );
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
