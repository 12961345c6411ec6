//! Throughput of the entity, quote and framing analyzers on the first 5,000 OrangeSum
//! articles. Ignored by default (it measures, it does not check); run with
//! `cargo test --release -p storyline-analyze --test throughput_entities_quotes_framing -- --ignored --nocapture`.
//!
//! The crate has no gzip or JSON dependency, so the file is read through `gzip -dc` and the
//! three string fields are decoded by the small reader below.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use storyline_analyze::entities::{Recognizer, RuleRecognizer};
use storyline_analyze::framing::FramingLexicon;
use storyline_analyze::quotes::QuoteRules;
use storyline_analyze::text::Doc;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/orangesum-fr/orangesum_articles.jsonl.gz"
);
const ARTICLES: usize = 5000;

#[test]
#[ignore]
fn entities_quotes_framing_throughput() {
    if !std::path::Path::new(DATA).exists() {
        println!("skipped: ../shared/data/orangesum-fr/orangesum_articles.jsonl.gz absent");
        return;
    }
    let texts = match read_articles(DATA, ARTICLES) {
        Ok(texts) => texts,
        Err(e) => {
            println!("skipped: cannot read {DATA}: {e}");
            return;
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let recognizer = RuleRecognizer::bundled();
    let quote_rules = QuoteRules::bundled();
    let framing = FramingLexicon::bundled();
    // Each stage runs over all articles in turn, so that its time is read once: the machine
    // is shared, and the thread's CPU time (when Linux gives it) is steadier than the clock.
    println!(
        "{} articles, {:.1} MB, one thread",
        texts.len(),
        bytes as f64 / 1e6
    );
    let docs: Vec<Doc> = measure("tokenize", texts.len(), || {
        texts.iter().map(|t| Doc::new(t)).collect()
    });
    let entities: Vec<_> = measure("entities", docs.len(), || {
        docs.iter().map(|d| recognizer.recognize(d, "fr")).collect()
    });
    let quotes: Vec<_> = measure("quotes", docs.len(), || {
        docs.iter()
            .zip(&entities)
            .map(|(d, e)| quote_rules.find(d, "fr", e))
            .collect()
    });
    let marks: Vec<_> = measure("framing", docs.len(), || {
        docs.iter()
            .zip(&entities)
            .zip(&quotes)
            .map(|((d, e), q)| framing.find(d, "fr", q, e))
            .collect()
    });
    let total = |counts: &mut dyn Iterator<Item = usize>| counts.sum::<usize>();
    println!(
        "found {} entities, {} quotes, {} framing marks",
        total(&mut entities.iter().map(Vec::len)),
        total(&mut quotes.iter().map(Vec::len)),
        total(&mut marks.iter().map(Vec::len))
    );
    assert_eq!(docs.len(), ARTICLES);
}

/// Runs `stage` and prints its rate in articles per second of wall clock and of CPU time.
fn measure<T>(name: &str, articles: usize, stage: impl FnOnce() -> T) -> T {
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let out = stage();
    let wall = wall.elapsed().as_secs_f64();
    let rate = |secs: f64| articles as f64 / secs.max(1e-9);
    match (cpu, thread_cpu()) {
        (Some(a), Some(b)) => {
            let cpu = (b - a).as_secs_f64();
            println!(
                "{name:<9} {:>8.0} articles/s wall, {:>8.0} articles/s CPU",
                rate(wall),
                rate(cpu)
            );
        }
        _ => println!("{name:<9} {:>8.0} articles/s wall", rate(wall)),
    }
    out
}

/// CPU time of this thread, from Linux's /proc/thread-self/schedstat (first field, in ns).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace()
        .next()?
        .parse()
        .ok()
        .map(Duration::from_nanos)
}

/// Heading and article of the first `limit` lines, joined as the extractor joins paragraphs.
fn read_articles(path: &str, limit: usize) -> std::io::Result<Vec<String>> {
    let mut child = Command::new("gzip")
        .arg("-dc")
        .arg(path)
        .stdout(Stdio::piped())
        .spawn()?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| std::io::Error::other("no stdout"))?;
    let mut texts = Vec::with_capacity(limit);
    for line in BufReader::new(stdout).lines().take(limit) {
        let line = line?;
        let field = |name: &str| json_string_field(&line, name).unwrap_or_default();
        texts.push(format!("{}\n\n{}", field("heading"), field("article")));
    }
    let _ = child.kill();
    let _ = child.wait();
    Ok(texts)
}

/// The string value of `"name": "…"` in one flat JSON object line.
fn json_string_field(line: &str, name: &str) -> Option<String> {
    let key = format!("\"{name}\":");
    let rest = line
        .get(line.find(&key)? + key.len()..)?
        .trim_start()
        .strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let code: String = chars.by_ref().take(4).collect();
                    let unit = u32::from_str_radix(&code, 16).ok()?;
                    // Surrogate pairs are rare in French news; an unpaired half becomes U+FFFD.
                    out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}
