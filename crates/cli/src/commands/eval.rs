//! `storyline eval`: score each stage on the shared data and rewrite EVALUATION.md.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::AnalyzeArgs;

/// Arguments of `storyline eval`.
#[derive(Args)]
pub struct EvalCmd {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    shared: PathBuf,
    /// Where to write the report.
    #[arg(long, default_value = "EVALUATION.md")]
    out: PathBuf,
    /// Floors file (`name = value` lines): exit non-zero when a score is below its floor.
    #[arg(long)]
    check: Option<PathBuf>,
    /// Print the scores as JSON instead of writing the report.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    analyze: AnalyzeArgs,
}

impl EvalCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        if !self.shared.is_dir() {
            println!(
                "skipped: {} absent, nothing to evaluate",
                self.shared.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        let floors = match &self.check {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                storyline_eval::parse_floors(&text)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
            }
            None => Default::default(),
        };
        let analyzer = self.analyze.analyzer()?;
        let report = storyline_eval::run(&self.shared, &analyzer);
        if self.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            for m in &report.metrics {
                println!("{:<48} {:.3}", m.name, m.value);
            }
            for s in &report.skipped {
                println!("skipped: {s}");
            }
        }
        if self.check.is_none() {
            let text = storyline_eval::markdown(&report, &floors, "storyline eval");
            std::fs::write(&self.out, text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", self.out.display()))?;
            println!("wrote {}", self.out.display());
            return Ok(ExitCode::SUCCESS);
        }
        let failures = storyline_eval::check_floors(&report, &floors);
        for f in &failures {
            eprintln!("below floor: {f}");
        }
        if failures.is_empty() {
            println!(
                "eval gates: {} metrics at or above their floors",
                floors.len()
            );
            Ok(ExitCode::SUCCESS)
        } else {
            Ok(ExitCode::FAILURE)
        }
    }
}
