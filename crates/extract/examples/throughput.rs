//! Measures read + extract throughput: `cargo run -p storyline-extract --release --example throughput -- PATH…`.
//! With `STORYLINE_SHOW_DATELINES=1`, also prints every dateline found (to eyeball false positives);
//! with `STORYLINE_READ_ONLY=1`, stops after reading (to tell reading costs from extraction's).

use std::path::PathBuf;
use std::time::Instant;

use storyline_sources::{read, Limits};

fn main() {
    let show_datelines = std::env::var_os("STORYLINE_SHOW_DATELINES").is_some();
    let read_only = std::env::var_os("STORYLINE_READ_ONLY").is_some();
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let start = Instant::now();
    let (mut docs, mut articles, mut read_errors, mut extract_errors, mut bytes) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for doc in read(&paths, Limits::default()) {
        match doc {
            Ok(doc) => {
                docs += 1;
                bytes += doc.text.len();
                if read_only {
                    continue;
                }
                match storyline_extract::extract(&doc) {
                    Ok(found) => {
                        articles += found.len();
                        for dateline in found
                            .iter()
                            .filter_map(|a| a.dateline.as_deref())
                            .filter(|_| show_datelines)
                        {
                            println!("dateline\t{dateline}");
                        }
                    }
                    Err(e) => {
                        extract_errors += 1;
                        eprintln!("{e}");
                    }
                }
            }
            Err(e) => {
                read_errors += 1;
                eprintln!("{e}");
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{docs} docs ({:.1} MB), {articles} articles, {read_errors} read errors, {extract_errors} extract errors in {secs:.2} s: {:.0} docs/s",
        bytes as f64 / 1e6,
        docs as f64 / secs
    );
}
