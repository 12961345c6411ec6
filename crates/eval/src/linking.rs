//! The BASIL gold: 100 events, each told by 3 outlets (`triplet-uuid`). The scores themselves
//! are computed by `distractors::score`, with or without distractors.

use std::path::{Path, PathBuf};

/// One BASIL article as its file tells it.
pub(crate) struct GoldArticle {
    /// The file, as the sources stage names it in `Article::origin`.
    pub origin: String,
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
        if let Some(event) = value["triplet-uuid"].as_str() {
            gold.push(GoldArticle {
                origin: path.display().to_string(),
                event: event.to_string(),
            });
        }
    }
    Ok(gold)
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
