//! `storyline bench`: stream the OrangeSum corpus (and BASIL) through extract, analyze and
//! link, and report articles per second and peak memory. No store: the store is measured apart.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use serde::Serialize;
use storyline_link::Linker;

use crate::{pipeline, AnalyzeArgs};

/// Arguments of `storyline bench`.
#[derive(Args)]
pub struct BenchCmd {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    shared: PathBuf,
    /// Stop after this many articles (the first of OrangeSum), e.g. to match a slower peer's sample.
    #[arg(long, default_value_t = usize::MAX, hide_default_value = true)]
    limit: usize,
    /// Extra inputs to stream after the corpus (files or folders).
    #[arg(long)]
    extra: Vec<PathBuf>,
    /// Place each article as it arrives (`Linker::place`, as a stream of news would),
    /// instead of all in date order at the end.
    #[arg(long)]
    place: bool,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    analyze: AnalyzeArgs,
}

/// What the benchmark measured.
#[derive(Debug, Serialize)]
pub struct BenchResult {
    /// Articles streamed.
    pub articles: u64,
    /// Inputs that failed.
    pub failed: u64,
    /// Seconds the link stage was busy (it runs alongside read and analyze).
    pub link_seconds: f64,
    /// Total seconds.
    pub total_seconds: f64,
    /// CPU seconds (user + system, all threads): unlike wall time, barely moved by other
    /// programs sharing the machine, so the better measure of how cost grows with input.
    pub cpu_seconds: f64,
    /// Articles per second, whole pipeline.
    pub articles_per_second: f64,
    /// Peak resident memory in MiB (VmHWM).
    pub peak_rss_mib: f64,
    /// Threads used for analysis.
    pub threads: usize,
    /// Stories and storylines found.
    pub stories: usize,
    /// Storylines found.
    pub storylines: usize,
}

impl BenchCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let corpus = self.shared.join("orangesum-fr/orangesum_articles.jsonl.gz");
        if !corpus.exists() {
            anyhow::bail!(
                "{}: absent; the benchmark needs ../shared/data (see README)",
                corpus.display()
            );
        }
        let mut paths = vec![corpus];
        let basil = self.shared.join("basil-media-bias/articles");
        if basil.is_dir() {
            paths.push(basil);
        }
        paths.extend(self.extra.iter().cloned());
        let analyzer = self.analyze.analyzer()?;
        let started = Instant::now();
        let mut linker = Linker::new();
        let mut articles = 0u64;
        let mut failed = 0u64;
        let mut link_seconds = 0.0;
        let input = pipeline::Input {
            paths: &paths,
            limits: self.analyze.limits(),
            max_articles: self.limit,
        };
        pipeline::run(
            input,
            &analyzer,
            |batch| {
                articles += batch.len() as u64;
                let t = Instant::now();
                for (_, analysis) in &batch {
                    if self.place {
                        linker.place(analysis);
                    } else {
                        linker.add(analysis);
                    }
                }
                link_seconds += t.elapsed().as_secs_f64();
                Ok(())
            },
            |_| failed += 1,
        )?;
        let t = Instant::now();
        let linked = linker.finish();
        link_seconds += t.elapsed().as_secs_f64();
        let total = started.elapsed().as_secs_f64();
        let result = BenchResult {
            articles,
            failed,
            link_seconds,
            total_seconds: total,
            cpu_seconds: cpu_seconds().unwrap_or(f64::NAN),
            articles_per_second: articles as f64 / total.max(1e-9),
            peak_rss_mib: peak_rss_mib().unwrap_or(f64::NAN),
            threads: rayon::current_num_threads(),
            stories: linked.stories.len(),
            storylines: linked.storylines.len(),
        };
        if self.json {
            println!("{}", serde_json::to_string_pretty(&result)?);
        } else {
            println!(
                "{} articles ({} failed) in {:.2} s ({:.2} CPU s): {:.0} articles/s; link stage busy {:.2} s; peak RSS {:.0} MiB; {} threads; {} stories, {} storylines",
                result.articles,
                result.failed,
                result.total_seconds,
                result.cpu_seconds,
                result.articles_per_second,
                result.link_seconds,
                result.peak_rss_mib,
                result.threads,
                result.stories,
                result.storylines
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Peak resident set size of this process, from /proc (Linux).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// User plus system CPU time of this process and its threads, from getrusage.
fn cpu_seconds() -> Option<f64> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a whole rusage into the pointer it is given, which points to
    // memory of that type; it is read only when the call reports success.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            return None;
        }
        usage.assume_init()
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Some(secs(usage.ru_utime) + secs(usage.ru_stime))
}
