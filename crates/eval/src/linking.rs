//! Linking scores on BASIL: 100 events, each told by 3 outlets (`triplet-uuid`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use storyline_analyze::Analyzer;
use storyline_link::Linker;
use storyline_model::Analysis;

use crate::{clustering, Report};

/// Streams the 300 BASIL articles through extract, analyze and link, and scores the stories.
pub fn basil(data: &Path, analyzer: &Analyzer, report: &mut Report) {
    let dir = data.join("basil-media-bias/articles");
    if !dir.is_dir() {
        report
            .skipped
            .push(format!("link.basil: {} absent", dir.display()));
        return;
    }
    let started = Instant::now();
    let gold = match gold_events(&dir) {
        Ok(gold) => gold,
        Err(e) => {
            report.skipped.push(format!("link.basil: {e}"));
            return;
        }
    };
    let mut analyses = analyze_all(&dir, analyzer, report);
    sort_for_linking(&mut analyses);
    let mut linker = Linker::new();
    for a in &analyses {
        linker.add(a);
    }
    let result = linker.finish();
    let seconds = started.elapsed().as_secs_f64();
    let items: Vec<(u64, &str)> = result
        .assignments
        .iter()
        .filter_map(|(id, link)| gold.get(id).map(|event| (link.story, event.as_str())))
        .collect();
    let n = items.len();
    let pairwise = clustering::pairwise(&items);
    let bcubed = clustering::bcubed(&items);
    let detail = format!(
        "{n} BASIL articles, 100 events × 3 outlets; {} stories",
        result.stories.len()
    );
    report.push(
        "link",
        "link.basil.bcubed_precision",
        bcubed.precision,
        detail.clone(),
    );
    report.push(
        "link",
        "link.basil.bcubed_recall",
        bcubed.recall,
        detail.clone(),
    );
    report.push("link", "link.basil.bcubed_f1", bcubed.f1, detail.clone());
    report.push(
        "link",
        "link.basil.pairwise_precision",
        pairwise.precision,
        detail.clone(),
    );
    report.push(
        "link",
        "link.basil.pairwise_recall",
        pairwise.recall,
        detail.clone(),
    );
    report.push("link", "link.basil.pairwise_f1", pairwise.f1, detail);
    report.notes.push(format!(
        "link.basil: read, analyzed and linked {n} articles in {seconds:.2} s"
    ));
}

/// One BASIL article as its file tells it.
pub(crate) struct GoldArticle {
    /// The file, as the sources stage names it in `Article::origin`.
    pub origin: String,
    /// The article `uuid` (which extract keeps as the id; not unique: four are `empty`).
    pub uuid: String,
    /// The event, `triplet-uuid`.
    pub event: String,
}

/// Every BASIL article with its event, read from the BASIL files themselves.
pub(crate) fn gold_articles(dir: &Path) -> Result<Vec<GoldArticle>, String> {
    let mut gold = Vec::new();
    for path in json_files(dir) {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if let (Some(uuid), Some(event)) = (value["uuid"].as_str(), value["triplet-uuid"].as_str())
        {
            gold.push(GoldArticle {
                origin: path.display().to_string(),
                uuid: uuid.to_string(),
                event: event.to_string(),
            });
        }
    }
    Ok(gold)
}

/// Article uuid → event. Four articles share the uuid `empty`; the last read wins.
fn gold_events(dir: &Path) -> Result<HashMap<String, String>, String> {
    Ok(gold_articles(dir)?
        .into_iter()
        .map(|g| (g.uuid, g.event))
        .collect())
}

pub(crate) fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Reads and analyzes every article under `dir` through the real sources and extract stages.
pub fn analyze_all(dir: &Path, analyzer: &Analyzer, report: &mut Report) -> Vec<Analysis> {
    let mut analyses = Vec::new();
    let mut failed = 0;
    for doc in storyline_sources::read(&[dir.to_path_buf()], Default::default()) {
        match doc
            .map_err(|e| e.to_string())
            .and_then(|d| storyline_extract::extract(&d).map_err(|e| e.to_string()))
        {
            Ok(articles) => analyses.extend(articles.iter().map(|a| analyzer.analyze(a))),
            Err(_) => failed += 1,
        }
    }
    if failed > 0 {
        report
            .notes
            .push(format!("{}: {failed} inputs failed to read", dir.display()));
    }
    analyses
}

/// Publication order, undated last: the order the linker expects.
pub fn sort_for_linking(analyses: &mut [Analysis]) {
    analyses.sort_by(|a, b| {
        let key = |x: &Analysis| {
            (
                x.published.value.is_none(),
                x.published.value.clone(),
                x.id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
}
