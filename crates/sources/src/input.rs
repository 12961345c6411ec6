//! Opening one input: its format, a (possibly gunzipping) byte stream, and size-limited reads.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;
use storyline_model::Format;

use crate::gz::{GzMembers, Skips};

/// The format named by a file's extension (a trailing `.gz` is looked through), and whether it is gzipped.
/// `None` when the extension is not one storyline reads.
pub fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(stem) => (stem, true),
        None => (name.as_str(), false),
    };
    let ext = stem.rsplit_once('.')?.1;
    let format = match ext {
        "txt" => Format::Txt,
        "json" => Format::Json,
        "jsonl" => Format::Jsonl,
        "html" | "htm" => Format::Html,
        "xml" | "rss" | "atom" => Format::Feed,
        _ => return None,
    };
    Some((format, gz))
}

/// Whether `path` names a WARC file (`.warc`, or `.warc.gz` with one gzip member per record
/// as Common Crawl writes them), and whether it is gzipped. `None` for other files.
pub fn warc_of(path: &Path) -> Option<bool> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".warc.gz") {
        Some(true)
    } else {
        name.ends_with(".warc").then_some(false)
    }
}

/// Whether content opens with a WARC version line (`WARC/1.0`, `WARC/1.1`).
pub fn is_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/1.")
}

/// The format of content whose name says nothing: `[` is a JSON array, `{` opens one JSON object
/// per line when the first line closes it and one object otherwise (a JSON Feed when its
/// `version` says so), `<` is a feed when its first element is `rss`, `feed` or `rdf:RDF` and
/// HTML otherwise, anything else text.
pub fn sniff_format(bytes: &[u8]) -> Format {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let rest = skip_space(bytes);
    match rest.first() {
        Some(b'[') => Format::Json,
        Some(b'{') if is_json_feed(rest) => Format::Feed,
        Some(b'{') => {
            let line = rest.split(|&b| b == b'\n').next().unwrap_or_default();
            if line.trim_ascii_end().ends_with(b"}") {
                Format::Jsonl
            } else {
                Format::Json
            }
        }
        Some(b'<') if is_xml_feed(rest) => Format::Feed,
        Some(b'<') => Format::Html,
        _ => Format::Txt,
    }
}

/// How far into a document its first element or `version` key is looked for: prologs,
/// comments and doctypes are short.
const ROOT_WINDOW: usize = 4096;

fn skip_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Whether the first element of an XML document (after the prolog, comments, processing
/// instructions and doctype) is a feed root.
fn is_xml_feed(bytes: &[u8]) -> bool {
    let mut rest = bytes.get(..ROOT_WINDOW).unwrap_or(bytes);
    loop {
        rest = skip_space(rest);
        let close: &[u8] = if rest.starts_with(b"<?") {
            b"?>"
        } else if rest.starts_with(b"<!--") {
            b"-->"
        } else if rest.starts_with(b"<!") {
            b">"
        } else {
            break;
        };
        let Some(end) = rest.windows(close.len()).position(|w| w == close) else {
            return false;
        };
        rest = rest.get(end + close.len()..).unwrap_or_default();
    }
    let name_end = rest
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(rest.len());
    let name = rest.get(1..name_end).unwrap_or_default();
    name.eq_ignore_ascii_case(b"rss")
        || name.eq_ignore_ascii_case(b"feed")
        || name.eq_ignore_ascii_case(b"rdf:RDF")
}

/// Whether a JSON object declares itself a JSON Feed (`"version": "https://jsonfeed.org/version/…"`).
fn is_json_feed(bytes: &[u8]) -> bool {
    let window = bytes.get(..ROOT_WINDOW).unwrap_or(bytes);
    let key = b"\"version\"";
    window
        .windows(key.len())
        .enumerate()
        .filter(|(_, w)| *w == key)
        .any(|(at, _)| {
            let value = skip_space(window.get(at + key.len()..).unwrap_or_default());
            let value = skip_space(value.strip_prefix(b":").unwrap_or_default());
            value.starts_with(b"\"https://jsonfeed.org/version/")
                || value.starts_with(b"\"http://jsonfeed.org/version/")
        })
}

/// Opens `path` as a buffered byte stream, gunzipping (all members) when `gz`.
pub fn open(path: &Path, gz: bool) -> Result<Box<dyn BufRead>, String> {
    let file = File::open(path).map_err(|e| io_reason(&e))?;
    let reader = BufReader::new(file);
    Ok(if gz {
        Box::new(BufReader::new(MultiGzDecoder::new(reader)))
    } else {
        Box::new(reader)
    })
}

/// Opens a gzipped WARC file member by member: a damaged member is skipped and its reason
/// queued in the returned [`Skips`] rather than ending the stream (see [`crate::gz`]).
pub fn open_members(path: &Path) -> Result<(Box<dyn BufRead>, Skips), String> {
    let file = File::open(path).map_err(|e| io_reason(&e))?;
    let skips = Skips::default();
    let members = GzMembers::new(BufReader::new(file), skips.clone());
    Ok((Box::new(BufReader::new(members)), skips))
}

/// Reads the whole stream, failing as soon as it passes `max_bytes`: a 10 GB file costs
/// `max_bytes + 1` bytes of reading, not 10 GB.
pub fn read_limited(reader: impl Read, max_bytes: u64, gz: bool) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| read_reason(&e, gz))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(max_bytes));
    }
    Ok(bytes)
}

/// The reason shown when an input passes the size limit.
pub fn too_large(max_bytes: u64) -> String {
    format!("larger than {max_bytes} bytes")
}

/// The reason for an error met while reading (gzip errors get their own wording).
pub fn read_reason(e: &io::Error, gz: bool) -> String {
    match (gz, e.kind()) {
        (true, io::ErrorKind::UnexpectedEof) => format!("truncated gzip: {e}"),
        (true, io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData) => {
            format!("bad gzip: {e}")
        }
        _ => io_reason(e),
    }
}

/// The reason for an error met while opening.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("unreadable: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            format_of(Path::new("a/b.JSONL.gz")),
            Some((Format::Jsonl, true))
        );
        assert_eq!(format_of(Path::new("x.htm")), Some((Format::Html, false)));
        assert_eq!(format_of(Path::new("x.pdf")), None);
        assert_eq!(format_of(Path::new("gz")), None);
    }

    #[test]
    fn formats_by_content() {
        assert_eq!(sniff_format(b"  [{\"a\":1}]"), Format::Json);
        assert_eq!(sniff_format(b"{\"a\":1}\n{\"a\":2}\n"), Format::Jsonl);
        assert_eq!(sniff_format(b"{\n  \"a\": 1\n}\n"), Format::Json);
        assert_eq!(sniff_format(b"\xef\xbb\xbf<html>"), Format::Html);
        assert_eq!(sniff_format(b"date 2023-10 Texte"), Format::Txt);
    }

    #[test]
    fn feeds_by_name_and_content() {
        assert_eq!(format_of(Path::new("f.RSS")), Some((Format::Feed, false)));
        assert_eq!(
            format_of(Path::new("f.atom.gz")),
            Some((Format::Feed, true))
        );
        assert_eq!(warc_of(Path::new("CC-NEWS-1.warc.gz")), Some(true));
        assert_eq!(warc_of(Path::new("a.WARC")), Some(false));
        assert_eq!(warc_of(Path::new("a.warc.txt")), None);
        let rss = b"<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<rss version=\"2.0\">";
        assert_eq!(sniff_format(rss), Format::Feed);
        assert_eq!(
            sniff_format(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(sniff_format(b"<rdf:RDF xmlns:rdf=\"x\">"), Format::Feed);
        assert_eq!(
            sniff_format(b"<!DOCTYPE html><html><p>rss feed</p>"),
            Format::Html
        );
        assert_eq!(sniff_format(b"<rssfeed>"), Format::Html);
        let json_feed = b"{\"version\" : \"https://jsonfeed.org/version/1.1\", \"items\": []}";
        assert_eq!(sniff_format(json_feed), Format::Feed);
        assert_eq!(sniff_format(b"{\"version\": \"2\"}"), Format::Jsonl);
    }
}
