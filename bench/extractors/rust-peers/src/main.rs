//! Runs one of the two Rust trafilatura ports over a folder of `.html` pages, on all cores.
//!
//! `rust-peers rs-trafilatura|trafilatura DIR > out.json` prints
//! `{id: {articleBody, title, author, date}}` (id = file name without `.html`), the shape
//! bench/extractors/score.py reads, and one `timing pages=N seconds=S` line on stderr for the
//! extraction alone (reading each file included, process start-up not).
//!
//! Both ports get the page bytes decoded by `rs_trafilatura::encoding::transcode_to_utf8`
//! (BOM, `<meta charset>`, then detection): trafilatura 0.6 only takes `&str`, and giving both
//! the same decoding keeps the comparison about extraction.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::{json, Map, Value};

/// What one port found on one page: body, title, author, date (`YYYY-MM-DD`).
type Found = (String, Option<String>, Option<String>, Option<String>);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(tool), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: rust-peers rs-trafilatura|trafilatura DIR");
        return ExitCode::from(2);
    };
    let run: fn(&str) -> Result<Found, String> = match tool.as_str() {
        "rs-trafilatura" => rs_trafilatura_port,
        "trafilatura" => trafilatura_port,
        other => {
            eprintln!("unknown tool {other}: rs-trafilatura or trafilatura");
            return ExitCode::from(2);
        }
    };
    let pages = match pages(Path::new(dir)) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let results: Vec<(String, Result<Found, String>)> = pages
        .par_iter()
        .map(|path| {
            let id = id_of(path);
            let found = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| run(&rs_trafilatura::encoding::transcode_to_utf8(&bytes)));
            (id, found)
        })
        .collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut out = Map::new();
    for (id, found) in results {
        let (body, title, author, date) = found.unwrap_or_else(|e| {
            eprintln!("{id}: {e}");
            Default::default()
        });
        out.insert(
            id,
            json!({"articleBody": body, "title": title, "author": author, "date": date}),
        );
    }
    println!("{}", Value::Object(out));
    eprintln!("timing pages={} seconds={seconds:.3}", pages.len());
    ExitCode::SUCCESS
}

/// The `.html` files of `dir`, sorted.
fn pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    Ok(pages)
}

fn id_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// An empty string is no value.
fn some(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

fn rs_trafilatura_port(html: &str) -> Result<Found, String> {
    let r = rs_trafilatura::extract(html).map_err(|e| e.to_string())?;
    let date = r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string());
    Ok((r.content_text, r.metadata.title, r.metadata.author, date))
}

fn trafilatura_port(html: &str) -> Result<Found, String> {
    let r =
        trafilatura::extract(html, &trafilatura::Options::default()).map_err(|e| e.to_string())?;
    let date = r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string());
    Ok((
        r.content_text,
        some(r.metadata.title),
        some(r.metadata.author),
        date,
    ))
}
