//! `storyline demo`: ingest the bundled example corpus and print what storyline found.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use storyline_store::{Store, StoryFilter};

use crate::{commands::ingest, render, story_view::StoryView, AnalyzeArgs};

/// The demo's own store; it is rebuilt at every run so that the output is the same each time.
const DEMO_DB: &str = "storyline-demo.sqlite";

/// Arguments of `storyline demo`.
#[derive(Args)]
pub struct DemoCmd {
    /// The corpus folder (default: the repository's examples/corpus).
    #[arg(long)]
    examples: Option<PathBuf>,
    /// Where to keep the store (default: ./storyline-demo.sqlite, rebuilt each run).
    #[arg(long)]
    db: Option<PathBuf>,
    #[command(flatten)]
    analyze: AnalyzeArgs,
    /// JSON lines: the ingest summary, then one line per story (as `storyline stories --json`).
    #[arg(long)]
    json: bool,
}

impl DemoCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let corpus = match self.examples {
            Some(dir) => dir,
            None => default_corpus()?,
        };
        let db = match self.db {
            Some(db) => db,
            None => {
                remove_store(Path::new(DEMO_DB))?;
                PathBuf::from(DEMO_DB)
            }
        };
        let analyzer = self.analyze.analyzer()?;
        let mut store = Store::open(&db)?;
        if self.json {
            let summary = ingest::ingest(&[corpus], &mut store, &analyzer, &self.analyze, false)?;
            println!("{}", serde_json::to_string(&summary)?);
            for story in store.stories(&StoryFilter::default())? {
                println!(
                    "{}",
                    serde_json::to_string(&StoryView::build(&store, story)?)?
                );
            }
            return Ok(ExitCode::SUCCESS);
        }
        println!(
            "storyline demo: ingesting {} into {}\n",
            corpus.display(),
            db.display()
        );
        let summary = ingest::ingest(&[corpus], &mut store, &analyzer, &self.analyze, true)?;
        ingest::print_summary(&summary);
        println!();
        let stories = store.stories(&StoryFilter::default())?;
        let (multi, single): (Vec<_>, Vec<_>) =
            stories.into_iter().partition(|s| s.articles.len() > 1);
        println!(
            "=== stories told by more than one article ({}) ===\n",
            multi.len()
        );
        for summary in multi {
            println!(
                "{}",
                render::story_full(&StoryView::build(&store, summary)?)
            );
        }
        println!("=== single-article stories ({}) ===\n", single.len());
        for summary in single {
            print!(
                "{}",
                render::story_brief(&StoryView::build(&store, summary)?)
            );
        }
        println!("=== storylines ===\n");
        for (info, stories) in store.storylines()? {
            if stories.len() > 1 {
                println!(
                    "storyline {}: {}  (stories {:?})",
                    info.id, info.name, stories
                );
            }
        }
        println!("\nExplore further: storyline stories --db {0}; storyline story ID --db {0}; storyline search WORDS --db {0}", db.display());
        Ok(ExitCode::SUCCESS)
    }
}

/// examples/corpus next to the current directory, else in the source tree this binary was built from.
fn default_corpus() -> anyhow::Result<PathBuf> {
    let here = PathBuf::from("examples/corpus");
    if here.is_dir() {
        return Ok(here);
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    if built.is_dir() {
        return Ok(built);
    }
    anyhow::bail!("examples/corpus not found: run from the repository root or pass --examples DIR")
}

fn remove_store(db: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{suffix}", db.display()));
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| {
                anyhow::anyhow!("{}: cannot remove old demo store: {e}", path.display())
            })?;
        }
    }
    Ok(())
}
