//! Opening one input: its format, a (possibly gunzipping) byte stream, and size-limited reads.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;
use storyline_model::Format;

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
        _ => return None,
    };
    Some((format, gz))
}

/// The format of content whose name says nothing: `[` is a JSON array, `{` opens one JSON object
/// per line when the first line closes it and one object otherwise, `<` is HTML, anything else text.
pub fn sniff_format(bytes: &[u8]) -> Format {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let rest = bytes.get(start..).unwrap_or_default();
    match rest.first() {
        Some(b'[') => Format::Json,
        Some(b'{') => {
            let line = rest.split(|&b| b == b'\n').next().unwrap_or_default();
            if line.trim_ascii_end().ends_with(b"}") {
                Format::Jsonl
            } else {
                Format::Json
            }
        }
        Some(b'<') => Format::Html,
        _ => Format::Txt,
    }
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
}
