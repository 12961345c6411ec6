//! `storyline compare A B`: two articles side by side. A and B are files or stored ids.

use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use storyline_model::Analysis;
use storyline_store::Store;

use crate::{pipeline, AnalyzeArgs, DbArgs};

/// Arguments of `storyline compare`.
#[derive(Args)]
pub struct CompareCmd {
    /// First article: a file, or the id of a stored article.
    a: String,
    /// Second article: a file, or the id of a stored article.
    b: String,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    analyze: AnalyzeArgs,
    /// Print the comparison as JSON.
    #[arg(long)]
    json: bool,
}

impl CompareCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let analyzer = self.analyze.analyzer()?;
        let a = self.load(&self.a, &analyzer)?;
        let b = self.load(&self.b, &analyzer)?;
        let comparison = storyline_link::compare::compare(&a, &b);
        if self.json {
            println!("{}", serde_json::to_string_pretty(&comparison)?);
        } else {
            print!("{}", storyline_link::compare::render_text(&comparison));
        }
        Ok(ExitCode::SUCCESS)
    }

    /// A file is read and analyzed; anything else is looked up in the store by id.
    fn load(&self, what: &str, analyzer: &storyline_analyze::Analyzer) -> anyhow::Result<Analysis> {
        let path = Path::new(what);
        if path.exists() {
            let articles = pipeline::read_articles(path, self.analyze.limits())?;
            let first = articles.into_iter().next();
            let article = first.ok_or_else(|| anyhow::anyhow!("{what}: no article found"))?;
            return Ok(analyzer.analyze(&article));
        }
        if !self.db.db.exists() {
            anyhow::bail!(
                "{what}: no such file, and no store at {} to look the id up",
                self.db.db.display()
            );
        }
        let store = Store::open(&self.db.db)?;
        match store.get(what)? {
            Some((_, analysis)) => Ok(analysis),
            None => anyhow::bail!(
                "{what}: no such file, and no stored article with this id in {}",
                self.db.db.display()
            ),
        }
    }
}
