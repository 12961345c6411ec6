//! Extracts every page of a folder for the side-by-side extractor benchmark (bench/extractors.sh):
//! `cargo run -p storyline-extract --release --example extract_pages -- DIR > out.json`.
//!
//! Each `.html` or `.html.gz` file of DIR is read as an HTML page (decoded as `storyline ingest`
//! decodes it) and extracted on all cores. Prints `{id: {articleBody, title, date}}` (id = file
//! name without `.html`/`.html.gz`; the body is the paragraphs joined by newlines; the date is the
//! publication date as far as it is known) and, on stderr, one `timing pages=N seconds=S` line
//! for reading and extraction, plus one line per page that gave no article.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use serde_json::{json, Map, Value};
use storyline_model::{Article, Format};
use storyline_sources::{read, Limits};

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: extract_pages DIR");
        return std::process::ExitCode::from(2);
    };
    let pages = match pages(&dir) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return std::process::ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let found = Mutex::new(Map::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(path) = pages.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let entry = match article(path) {
                        Ok(a) => json!({
                            "articleBody": a.paragraphs.join("\n"),
                            "title": a.title,
                            "author": a.author,
                            "date": a.published.value,
                        }),
                        Err(e) => {
                            eprintln!("{e}");
                            json!({"articleBody": ""})
                        }
                    };
                    if let Ok(mut found) = found.lock() {
                        found.insert(id_of(path), entry);
                    }
                }
            });
        }
    });
    let seconds = start.elapsed().as_secs_f64();
    let found = found.into_inner().unwrap_or_default();
    println!("{}", Value::Object(found));
    eprintln!("timing pages={} seconds={seconds:.3}", pages.len());
    std::process::ExitCode::SUCCESS
}

/// The `.html` and `.html.gz` files of `dir`, sorted.
fn pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".html") || name.ends_with(".html.gz")
        })
        .collect();
    pages.sort();
    Ok(pages)
}

fn id_of(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.strip_suffix(".html").unwrap_or(name).to_string()
}

/// The article of one page, or the reason there is none.
fn article(path: &Path) -> Result<Article, String> {
    let mut docs = read(&[path.to_path_buf()], Limits::default());
    let mut doc = match docs.next() {
        Some(Ok(doc)) => doc,
        Some(Err(e)) => return Err(e.to_string()),
        None => return Err(format!("{}: nothing read", path.display())),
    };
    doc.format = Format::Html;
    let mut articles = storyline_extract::extract(&doc).map_err(|e| e.to_string())?;
    match articles.is_empty() {
        true => Err(format!("{}: no article", path.display())),
        false => Ok(articles.swap_remove(0)),
    }
}
