//! Stage 1, sources: files, folders (recursive), gzip and stdin, decoded to clean UTF-8.
//!
//! [`read`] streams [`RawDoc`]s lazily: one per file, one per line of a `.jsonl` file, or one
//! per HTML response of a `.warc`/`.warc.gz` file. A bad input yields one [`ReadError`] naming
//! it and the reason, and the stream goes on; WARC records that are not HTML pages are not
//! errors: [`read_with_stats`] counts them in [`Stats`].

mod clean;
mod decode;
mod gz;
mod input;
mod lines;
mod mojibake;
mod warc;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use storyline_model::{Format, RawDoc};

use gz::Skips;
use lines::JsonLines;
use warc::WarcRecords;

/// What a read passed over on purpose, as opposed to what failed (those are [`ReadError`]s).
///
/// Clones share their counts, so a caller can keep one and read it while (or after) another
/// thread drains the stream.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    skipped: Arc<AtomicU64>,
}

impl Stats {
    /// WARC records that held no HTML page: `warcinfo`, `request`, `metadata` and other
    /// non-response records, and responses that are not 2xx `text/html`.
    pub fn skipped_records(&self) -> u64 {
        self.skipped.load(Ordering::Relaxed)
    }

    fn count_skipped(&self) {
        self.skipped.fetch_add(1, Ordering::Relaxed);
    }
}

/// Limits that protect an ingest from enormous input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest accepted file (after gunzip), in bytes. For JSON lines it bounds each line,
    /// so that a corpus of any length can stream.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// An input that could not be read: the file and the reason, shown as one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ReadError {
    /// The file (or `path:line`).
    pub origin: String,
    /// Why, in a few words.
    pub reason: String,
}

/// Streams the documents under `paths` (files, folders, or `-` for stdin), lazily.
///
/// Folders are walked recursively in name order; hidden entries and files with unknown
/// extensions inside folders are skipped. A file named explicitly with an unknown extension
/// is read and its format guessed from its content, like stdin.
pub fn read(paths: &[PathBuf], limits: Limits) -> impl Iterator<Item = Result<RawDoc, ReadError>> {
    read_with_stats(paths, limits, &Stats::default())
}

/// [`read`], counting what it passes over on purpose into `stats` (see [`Stats`]).
pub fn read_with_stats(
    paths: &[PathBuf],
    limits: Limits,
    stats: &Stats,
) -> impl Iterator<Item = Result<RawDoc, ReadError>> {
    Reader {
        pending: paths.iter().cloned().collect(),
        walk: None,
        records: None,
        limits,
        stats: stats.clone(),
    }
}

/// The streaming state: paths still to visit, the folder being walked, the JSON-lines or WARC
/// file being read.
struct Reader {
    pending: VecDeque<PathBuf>,
    walk: Option<Walk>,
    records: Option<Records>,
    limits: Limits,
    stats: Stats,
}

/// A file that gives many documents, read one at a time.
enum Records {
    Lines(JsonLines),
    Warc(WarcRecords),
}

impl Records {
    fn next(&mut self) -> Option<Result<RawDoc, ReadError>> {
        match self {
            Records::Lines(lines) => lines.next(),
            Records::Warc(records) => records.next(),
        }
    }
}

impl Iterator for Reader {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(records) = &mut self.records {
                match records.next() {
                    Some(item) => return Some(item),
                    None => self.records = None,
                }
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        // A symlink to a file is read; links to folders are not followed (no cycles).
                        let file = entry.file_type().is_file()
                            || (entry.path_is_symlink() && entry.path().is_file());
                        let known = input::format_of(entry.path()).is_some()
                            || input::warc_of(entry.path()).is_some();
                        if file && known {
                            if let Some(item) = self.open_file(entry.path()) {
                                return Some(item);
                            }
                        }
                        continue;
                    }
                    Some(Err(e)) => {
                        let origin = e.path().unwrap_or(Path::new("?")).display().to_string();
                        let reason = e.io_error().map_or_else(|| e.to_string(), input::io_reason);
                        return Some(Err(ReadError { origin, reason }));
                    }
                    None => self.walk = None,
                }
            }
            let path = self.pending.pop_front()?;
            if path.as_os_str() == "-" {
                if let Some(item) = self.read_stdin() {
                    return Some(item);
                }
            } else if path.is_dir() {
                self.walk = Some(walk(&path));
            } else if let Some(item) = self.open_file(&path) {
                return Some(item);
            }
        }
    }
}

/// A folder walk in progress.
type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// A sorted recursive walk that skips hidden files and folders below the root.
fn walk(root: &Path) -> Walk {
    let visible: fn(&walkdir::DirEntry) -> bool = |e| e.depth() == 0 || !is_hidden(e.path());
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(visible)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

impl Reader {
    /// Reads one file: a whole document, or (JSON lines, WARC) the first record while the rest
    /// is kept for later. `None` when such a file has nothing left after its first read.
    fn open_file(&mut self, path: &Path) -> Option<Result<RawDoc, ReadError>> {
        let origin = path.display().to_string();
        let fail = |reason: String| {
            Some(Err(ReadError {
                origin: origin.clone(),
                reason,
            }))
        };
        let known = input::format_of(path);
        let warc = input::warc_of(path);
        let max = self.limits.max_bytes;
        if warc == Some(true) {
            let (reader, skips) = match input::open_members(path) {
                Ok(opened) => opened,
                Err(reason) => return fail(reason),
            };
            let records = WarcRecords::new(reader, origin, true, max, self.stats.clone(), skips);
            return self.start(Records::Warc(records));
        }
        let gz = known.is_some_and(|(_, gz)| gz) || path.extension().is_some_and(|e| e == "gz");
        let mut reader = match input::open(path, gz) {
            Ok(reader) => reader,
            Err(reason) => return fail(reason),
        };
        // A file named explicitly with an unknown extension may still be a WARC: it says so
        // in its first bytes, and is then streamed rather than read whole.
        let sniffed_warc = known.is_none() && reader.fill_buf().is_ok_and(input::is_warc);
        if warc.is_some() || sniffed_warc {
            let skips = Skips::default();
            let records = WarcRecords::new(reader, origin, gz, max, self.stats.clone(), skips);
            return self.start(Records::Warc(records));
        }
        if let Some((Format::Jsonl, _)) = known {
            let lines = JsonLines::new(reader, origin, gz, self.limits.max_bytes);
            return self.start(Records::Lines(lines));
        }
        let bytes = match input::read_limited(reader, self.limits.max_bytes, gz) {
            Ok(bytes) => bytes,
            Err(reason) => return fail(reason),
        };
        let sniffed = input::sniff_format(&bytes);
        let format = match known {
            // A `.json` file may be a JSON Feed, which only its content tells.
            Some((Format::Json, _)) if sniffed == Format::Feed => Format::Feed,
            Some((format, _)) => format,
            None => sniffed,
        };
        Some(decode_whole(&bytes, format, origin))
    }

    /// Keeps a many-document file for the next calls and gives its first document.
    fn start(&mut self, records: Records) -> Option<Result<RawDoc, ReadError>> {
        self.records = Some(records);
        self.records.as_mut().and_then(Records::next)
    }

    /// Reads stdin whole (within the limit) and sniffs its format; a WARC (uncompressed) is
    /// then split into its records.
    fn read_stdin(&mut self) -> Option<Result<RawDoc, ReadError>> {
        let origin = "-".to_string();
        let bytes = match input::read_limited(std::io::stdin().lock(), self.limits.max_bytes, false)
        {
            Ok(bytes) => bytes,
            Err(reason) => return Some(Err(ReadError { origin, reason })),
        };
        let format = input::sniff_format(&bytes);
        let max = self.limits.max_bytes;
        if input::is_warc(&bytes) {
            let reader = Box::new(std::io::Cursor::new(bytes));
            let skips = Skips::default();
            let records = WarcRecords::new(reader, origin, false, max, self.stats.clone(), skips);
            return self.start(Records::Warc(records));
        }
        if format == Format::Jsonl {
            let reader = Box::new(std::io::Cursor::new(bytes));
            let lines = JsonLines::new(reader, origin, false, max);
            return self.start(Records::Lines(lines));
        }
        Some(decode_whole(&bytes, format, origin))
    }
}

/// A whole file to one document, refusing empty content.
fn decode_whole(bytes: &[u8], format: Format, origin: String) -> Result<RawDoc, ReadError> {
    if bytes.trim_ascii().is_empty() {
        return Err(ReadError {
            origin,
            reason: "empty file".into(),
        });
    }
    decode_doc(bytes, format, origin)
}

/// Decodes and cleans the bytes of one document.
fn decode_doc(bytes: &[u8], format: Format, origin: String) -> Result<RawDoc, ReadError> {
    decode_doc_declared(bytes, format, origin, None)
}

/// Decodes and cleans the bytes of one document, trying first a charset its transport declared.
fn decode_doc_declared(
    bytes: &[u8],
    format: Format,
    origin: String,
    charset: Option<&[u8]>,
) -> Result<RawDoc, ReadError> {
    match decode::decode_with_charset(bytes, format, charset) {
        Ok(text) => Ok(RawDoc {
            origin,
            format,
            text: clean::clean(text),
        }),
        Err(reason) => Err(ReadError { origin, reason }),
    }
}

/// Decodes one in-memory document the way [`read`] decodes a file of `format`
/// (BOM, charset, mojibake, NFC, control characters); for callers that already hold the bytes.
pub fn decode_bytes(bytes: &[u8], format: Format, origin: &str) -> Result<RawDoc, ReadError> {
    decode_whole(bytes, format, origin.to_string())
}

/// Like [`decode_bytes`], for bytes that came with an HTTP `Content-Type` header: its charset
/// is tried right after the byte-order mark, and when the bytes break it, the usual order
/// (`<meta charset>`, then detection) takes over.
pub fn decode_http_body(
    bytes: &[u8],
    format: Format,
    origin: &str,
    content_type: Option<&str>,
) -> Result<RawDoc, ReadError> {
    if bytes.trim_ascii().is_empty() {
        return decode_whole(bytes, format, origin.to_string());
    }
    let charset = content_type.and_then(warc::charset_of);
    decode_doc_declared(
        bytes,
        format,
        origin.to_string(),
        charset.as_deref().map(str::as_bytes),
    )
}
