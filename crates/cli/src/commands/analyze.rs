//! `storyline analyze FILE`: the full analysis of one article, without any database.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::{pipeline, render, AnalyzeArgs};

/// Arguments of `storyline analyze`.
#[derive(Args)]
pub struct AnalyzeCmd {
    /// The article file (.txt, .json, .jsonl, .html, optionally .gz). A file with several articles prints each.
    file: PathBuf,
    #[command(flatten)]
    analyze: AnalyzeArgs,
    /// Print the JSON analysis record (JSON lines when the file holds several articles).
    #[arg(long)]
    json: bool,
}

impl AnalyzeCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let analyzer = self.analyze.analyzer()?;
        let articles = pipeline::read_articles(&self.file, self.analyze.limits())?;
        let pretty = articles.len() == 1;
        for (_, analysis) in pipeline::analyze_batch(&analyzer, articles) {
            if self.json && pretty {
                println!("{}", serde_json::to_string_pretty(&analysis)?);
            } else if self.json {
                println!("{}", serde_json::to_string(&analysis)?);
            } else {
                print!("{}", render::analysis(&analysis));
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
