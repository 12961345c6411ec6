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
    /// Hand-written decisions and peer measurements, appended to the report as they are
    /// (the numbers measured outside `storyline eval`, such as the extractor peers).
    #[arg(long, default_value = "docs/evaluation-notes.md")]
    appendix: PathBuf,
    /// Floors file (`name = value` lines), shown in the report and used by --check.
    #[arg(long, default_value = ".ci/eval-floors.txt")]
    floors: PathBuf,
    /// Exit non-zero when a score is below its floor, instead of writing the report.
    #[arg(long)]
    check: bool,
    /// Print the scores as JSON instead of writing the report.
    #[arg(long)]
    json: bool,
    /// Run only the scorers whose metric names start with this prefix (repeatable), e.g.
    /// `--only link.semeval`. The report is printed, not written, and --check gates only
    /// the selected metrics.
    #[arg(long, value_name = "PREFIX")]
    only: Vec<String>,
    #[command(flatten)]
    analyze: AnalyzeArgs,
}

impl EvalCmd {
    /// The floors; none when the file is absent, unless --check needs them.
    fn read_floors(&self) -> anyhow::Result<storyline_eval::Floors> {
        let path = &self.floors;
        if !path.exists() && !self.check {
            return Ok(Default::default());
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        storyline_eval::parse_floors(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        if !self.shared.is_dir() {
            println!(
                "skipped: {} absent, nothing to evaluate",
                self.shared.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        let mut floors = self.read_floors()?;
        floors.retain(|name, _| storyline_eval::is_selected(name, &self.only));
        let analyzer = self.analyze.analyzer()?;
        let report = storyline_eval::run_selected(&self.shared, &analyzer, &self.only);
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
        if self.json || (!self.only.is_empty() && !self.check) {
            return Ok(ExitCode::SUCCESS);
        }
        if !self.check {
            let mut text = storyline_eval::markdown(&report, &floors, "storyline eval");
            if let Ok(appendix) = std::fs::read_to_string(&self.appendix) {
                text.push('\n');
                text.push_str(&appendix);
            }
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
