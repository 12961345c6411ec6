//! `storyline stories`, `storyline story ID` and `storyline storylines`.

use std::process::ExitCode;

use clap::Args;
use storyline_store::{Store, StoryFilter};

use crate::{render, story_view::StoryView, DbArgs};

/// Arguments of `storyline stories`.
#[derive(Args)]
pub struct StoriesCmd {
    /// Only stories with an article on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    since: Option<String>,
    /// Only stories with an article in this language (fr, en, …).
    #[arg(long)]
    lang: Option<String>,
    /// Only stories with an article from this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Only stories that mention this entity (a key such as `loc:moscow`, or a name).
    #[arg(long)]
    entity: Option<String>,
    /// At most this many stories.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[command(flatten)]
    db: DbArgs,
    /// JSON lines: one story per line with its articles' ids, urls and outlets.
    #[arg(long)]
    json: bool,
}

impl StoriesCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let store = open_existing(&self.db)?;
        let filter = StoryFilter {
            since: self.since,
            lang: self.lang,
            outlet: self.outlet,
            entity: self.entity,
            limit: Some(self.limit),
        };
        for summary in store.stories(&filter)? {
            let view = StoryView::build(&store, summary)?;
            if self.json {
                println!("{}", serde_json::to_string(&view)?);
            } else {
                print!("{}", render::story_brief(&view));
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Arguments of `storyline story`.
#[derive(Args)]
pub struct StoryCmd {
    /// The story id (from `storyline stories`).
    id: u64,
    #[command(flatten)]
    db: DbArgs,
    /// Print the story as JSON.
    #[arg(long)]
    json: bool,
}

impl StoryCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let store = open_existing(&self.db)?;
        let Some(summary) = store.story(self.id)? else {
            anyhow::bail!("no story {} in {}", self.id, self.db.db.display());
        };
        let view = StoryView::build(&store, summary)?;
        if self.json {
            println!("{}", serde_json::to_string_pretty(&view)?);
        } else {
            print!("{}", render::story_full(&view));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Arguments of `storyline storylines`.
#[derive(Args)]
pub struct StorylinesCmd {
    #[command(flatten)]
    db: DbArgs,
    /// JSON lines: one storyline per line with its story ids.
    #[arg(long)]
    json: bool,
}

impl StorylinesCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let store = open_existing(&self.db)?;
        for (info, stories) in store.storylines()? {
            if self.json {
                let line =
                    serde_json::json!({"id": info.id, "name": info.name, "stories": stories});
                println!("{line}");
            } else {
                println!(
                    "storyline {}  {}  ({} stories: {:?})",
                    info.id,
                    info.name,
                    stories.len(),
                    stories
                );
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Opens the store, refusing to create an empty one for a read-only command.
pub fn open_existing(db: &DbArgs) -> anyhow::Result<Store> {
    if !db.db.exists() {
        anyhow::bail!(
            "{}: no such store; run `storyline ingest PATH --db {}` first",
            db.db.display(),
            db.db.display()
        );
    }
    Ok(Store::open(&db.db)?)
}
