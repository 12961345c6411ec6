//! Any bytes as a WARC file, read by the public reader as `storyline ingest` reads one: as a plain
//! `.warc`, gzipped into a valid `.warc.gz`, and as they are under a `.warc.gz` name (a corrupt
//! gzip). Every response record found is then extracted.
//!
//! The reader takes paths, so each input is written to this process's own scratch files first.
#![no_main]

use std::io::Write;
use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use storyline_sources::{read, Limits};

/// Small enough that the size limit itself gets exercised by the fuzzer's inputs.
const LIMITS: Limits = Limits {
    max_bytes: 64 * 1024,
};

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("storyline-fuzz-{}-{name}", std::process::id()))
}

fn read_all(path: PathBuf, bytes: &[u8]) {
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    for doc in read(&[path], LIMITS).flatten() {
        let _ = storyline_extract::extract_each(&doc);
    }
}

fuzz_target!(|data: &[u8]| {
    read_all(scratch("plain.warc"), data);
    read_all(scratch("raw.warc.gz"), data);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    if gz.write_all(data).is_ok() {
        if let Ok(bytes) = gz.finish() {
            read_all(scratch("gz.warc.gz"), &bytes);
        }
    }
});
