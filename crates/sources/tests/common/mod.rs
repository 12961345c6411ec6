//! Helpers shared by the reader tests: files in a temporary folder, gzip, and a one-line
//! outline of what a read gave.

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use storyline_model::RawDoc;
use storyline_sources::ReadError;

/// Writes `bytes` to `dir/name` (creating sub-folders) and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `bytes` as one gzip member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// `ok:<uri>` for a WARC document, `err:<origin>:<reason>` for an error.
pub fn outline(items: &[Result<RawDoc, ReadError>]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Ok(doc) => {
                let uri = doc
                    .text
                    .lines()
                    .find_map(|l| l.strip_prefix("WARC-Target-URI: "))
                    .unwrap_or("?");
                format!("ok:{uri}")
            }
            Err(e) => format!("err:{}:{}", e.origin, e.reason),
        })
        .collect()
}
