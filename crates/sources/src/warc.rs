//! WARC files, record by record: each HTML `response` becomes one [`Format::Warc`] document.
//!
//! Only one record is in memory at a time, so a file of any size streams in flat memory.
//! A record that cannot be read (garbage where a header should be, a missing or wrong
//! `Content-Length`) gives one error and the reader looks for the next line starting with
//! `WARC/`; a stream that ends early (truncated gzip) gives one error and ends. In a `.warc.gz`,
//! a gzip member that does not decode is skipped (see [`crate::gz`]): the record it held, or
//! the one it broke, gives the gzip error and the reader goes on with the next member.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use storyline_model::{Format, RawDoc};

use crate::gz::Skips;
use crate::input::{read_reason, too_large};
use crate::{clean, decode, ReadError, Stats};

/// Longest header line accepted; real WARC and HTTP header lines are far shorter.
const MAX_LINE: u64 = 64 * 1024;
/// Bytes looked at after a block: its CRLF CRLF (a few writers add more) and the next `WARC/`.
const LOOKAHEAD: usize = 16;
/// Most header lines in one WARC record header.
const MAX_HEADERS: usize = 256;

/// The documents of one WARC stream.
pub struct WarcRecords {
    input: Peekable,
    /// The file, used to build `path#record-N` origins.
    name: String,
    gz: bool,
    max_bytes: u64,
    /// Records started so far, warcinfo and request records included.
    record: usize,
    stats: Stats,
    done: bool,
    line: Vec<u8>,
    /// Gzip members skipped by the input and not reported yet.
    skips: Skips,
}

/// What one record gave.
enum Step {
    Doc(RawDoc),
    /// Not an HTML response: counted, not reported.
    Skipped,
    /// End of the stream.
    End,
}

/// Why a record failed, and whether the stream can go on after it.
struct Failure {
    reason: String,
    fatal: bool,
}

impl Failure {
    /// This record is bad; the next one may be fine.
    fn record(reason: impl Into<String>) -> Self {
        Failure {
            reason: reason.into(),
            fatal: false,
        }
    }

    /// An I/O error while reading (a truncated or corrupt gzip): the stream cannot go on.
    fn io(e: &io::Error, gz: bool) -> Self {
        Failure {
            reason: read_reason(e, gz),
            fatal: true,
        }
    }
}

impl WarcRecords {
    /// The records of `reader`, named after `name`; skipped records are counted in `stats`, and
    /// the gzip members `reader` skips are reported from `skips`.
    pub fn new(
        reader: Box<dyn BufRead>,
        name: String,
        gz: bool,
        max_bytes: u64,
        stats: Stats,
        skips: Skips,
    ) -> Self {
        WarcRecords {
            input: Peekable::new(reader),
            name,
            gz,
            max_bytes,
            record: 0,
            stats,
            done: false,
            line: Vec::new(),
            skips,
        }
    }

    /// Reads one line (at most [`MAX_LINE`] bytes) into `self.line`; 0 at the end of the stream.
    fn read_line(&mut self) -> Result<usize, Failure> {
        self.line.clear();
        match (&mut self.input)
            .take(MAX_LINE)
            .read_until(b'\n', &mut self.line)
        {
            Ok(n) => Ok(n),
            Err(e) => Err(Failure::io(&e, self.gz)),
        }
    }

    /// Skips to the next line that starts a record (`WARC/`), leaving it unread.
    fn resync(&mut self) -> Result<(), Failure> {
        loop {
            match self.input.peek(5) {
                Ok(ahead) if ahead.is_empty() || ahead.starts_with(b"WARC/") => return Ok(()),
                Ok(_) => {}
                Err(e) => return Err(Failure::io(&e, self.gz)),
            }
            if self.read_line()? == 0 {
                return Ok(());
            }
        }
    }

    /// Reads the next record.
    fn step(&mut self) -> Result<Step, Failure> {
        // Blank lines between records (the trailing CRLF CRLF) are not records.
        loop {
            if self.read_line()? == 0 {
                return Ok(Step::End);
            }
            if !self.line.trim_ascii().is_empty() {
                break;
            }
        }
        self.record += 1;
        if !self.line.starts_with(b"WARC/") {
            self.resync()?;
            return Err(Failure::record("not a WARC record: no WARC/ version line"));
        }
        let headers = match self.headers() {
            Ok(headers) => headers,
            Err(failure) if failure.fatal => return Err(failure),
            Err(failure) => {
                self.resync()?;
                return Err(failure);
            }
        };
        let length = match header(&headers, "content-length").map(str::parse::<u64>) {
            Some(Ok(length)) => length,
            found => {
                self.resync()?;
                return Err(Failure::record(match found {
                    Some(_) => "bad Content-Length",
                    None => "no Content-Length",
                }));
            }
        };
        let wanted = is_response(&headers) && length <= self.max_bytes;
        let mut part = (&mut self.input).take(length);
        let (block, read) = if wanted {
            let mut block = Vec::new();
            let read = part.read_to_end(&mut block);
            read.map_err(|e| Failure::io(&e, self.gz))?;
            let read = block.len() as u64;
            (Some(block), read)
        } else {
            let skipped = io::copy(&mut part, &mut io::sink());
            (None, skipped.map_err(|e| Failure::io(&e, self.gz))?)
        };
        if read < length {
            return Err(Failure {
                reason: format!("record ends after {read} of its {length} bytes"),
                fatal: true,
            });
        }
        if !self.ends_cleanly()? {
            // A Content-Length too long swallowed the next record: look for it in the block.
            if let Some(block) = &block {
                if let Some(at) = find(block, b"\nWARC/") {
                    self.input.unread(block.get(at + 1..).unwrap_or_default());
                }
            }
            self.resync()?;
            return Err(Failure::record(format!(
                "Content-Length {length} does not end the record"
            )));
        }
        if is_response(&headers) && length > self.max_bytes {
            return Err(Failure::record(too_large(self.max_bytes)));
        }
        match block {
            Some(block) => self.response(&headers, &block),
            None => Ok(Step::Skipped),
        }
    }

    /// The header lines of a record, up to the blank line, as (name, value) pairs.
    fn headers(&mut self) -> Result<Vec<(String, String)>, Failure> {
        let mut headers = Vec::new();
        loop {
            if self.read_line()? == 0 {
                return Err(Failure {
                    reason: "stream ends inside a WARC header".into(),
                    fatal: true,
                });
            }
            let line = self.line.trim_ascii_end();
            if line.is_empty() {
                return Ok(headers);
            }
            let Some((name, value)) = split_header(line) else {
                return Err(Failure::record("bad WARC header line"));
            };
            if headers.len() == MAX_HEADERS {
                return Err(Failure::record("too many WARC header lines"));
            }
            headers.push((name, value));
        }
    }

    /// After a block come two CRLFs (then another record or the end of the stream): anything
    /// else means the `Content-Length` was wrong.
    fn ends_cleanly(&mut self) -> Result<bool, Failure> {
        let gz = self.gz;
        let ahead = self
            .input
            .peek(LOOKAHEAD)
            .map_err(|e| Failure::io(&e, gz))?;
        let newlines = ahead
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let after = ahead.get(newlines..).unwrap_or_default();
        // A wrong length lands inside a payload or a header, where a blank line right there is
        // rare; garbage after a well-formed record is the next record's error, not this one's.
        let clean = ahead.is_empty()
            || ahead.starts_with(b"\r\n\r\n")
            || ahead.starts_with(b"\n\n")
            || (newlines > 0 && (after.is_empty() || after.starts_with(b"WARC/")));
        if clean {
            self.input.consume(newlines);
        }
        Ok(clean)
    }

    /// An HTTP response block to a document, or `Skipped` when it is not a 2xx HTML page.
    fn response(&self, warc: &[(String, String)], block: &[u8]) -> Result<Step, Failure> {
        let Some(head_end) = find(block, b"\r\n\r\n")
            .map(|at| at + 4)
            .or_else(|| find(block, b"\n\n").map(|at| at + 2))
        else {
            return Err(Failure::record("HTTP response without a header end"));
        };
        let head = block.get(..head_end).unwrap_or_default();
        let body = block.get(head_end..).unwrap_or_default();
        let mut lines = head.split(|&b| b == b'\n').map(<[u8]>::trim_ascii);
        let status = lines.next().unwrap_or_default();
        if !is_success(status) {
            return Ok(Step::Skipped);
        }
        let http: Vec<(String, String)> = lines.filter_map(split_header).collect();
        let content_type = header(&http, "content-type").unwrap_or("text/html");
        let mime = content_type.split(';').next().unwrap_or_default().trim();
        if !mime.eq_ignore_ascii_case("text/html")
            && !mime.eq_ignore_ascii_case("application/xhtml+xml")
        {
            return Ok(Step::Skipped);
        }
        // Tools such as wget keep the bytes as sent: chunked, then gzipped.
        let chunked = header(&http, "transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let body = match chunked {
            true => Cow::Owned(dechunk(body).ok_or_else(|| Failure::record("bad chunked body"))?),
            false => Cow::Borrowed(body),
        };
        let encoded = header(&http, "content-encoding").unwrap_or("identity");
        let body = match encoded.to_ascii_lowercase().as_str() {
            "identity" | "" => body,
            "gzip" | "x-gzip" => Cow::Owned(self.gunzip(&body)?),
            other => {
                return Err(Failure::record(format!(
                    "unsupported Content-Encoding {other}"
                )))
            }
        };
        let charset = charset_of(content_type);
        let html =
            decode::decode_with_charset(&body, Format::Warc, charset.as_deref().map(str::as_bytes))
                .map_err(Failure::record)?;
        let mut text = String::with_capacity(html.len() + 512);
        for (name, value) in warc {
            text.push_str(name);
            text.push_str(": ");
            text.push_str(value);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&html);
        Ok(Step::Doc(RawDoc {
            origin: self.origin(),
            format: Format::Warc,
            text: clean::clean(text),
        }))
    }

    /// A gzip-encoded HTTP body, decompressed within the size limit.
    fn gunzip(&self, body: &[u8]) -> Result<Vec<u8>, Failure> {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(body)
            .take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| Failure::record(format!("bad gzip HTTP body: {e}")))?;
        if out.len() as u64 > self.max_bytes {
            return Err(Failure::record(too_large(self.max_bytes)));
        }
        Ok(out)
    }

    fn origin(&self) -> String {
        format!("{}#record-{}", self.name, self.record)
    }
}

impl Iterator for WarcRecords {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            // A member skipped while the previous record ended held a record of its own.
            if let Some(reason) = self.skips.take() {
                self.record += 1;
                return Some(Err(self.error(reason)));
            }
            match self.step() {
                Ok(Step::Doc(doc)) => return Some(Ok(doc)),
                Ok(Step::Skipped) => self.stats.count_skipped(),
                Ok(Step::End) => {
                    self.done = true;
                    if let Some(reason) = self.skips.take() {
                        self.record += 1;
                        return Some(Err(self.error(reason)));
                    }
                    if self.record == 0 {
                        return Some(Err(self.error("empty file".into())));
                    }
                }
                Err(failure) => {
                    self.done = failure.fatal;
                    // A record broken by a skipped member fails for the member's reason.
                    let reason = match failure.fatal {
                        false => self.skips.take().unwrap_or(failure.reason),
                        true => failure.reason,
                    };
                    return Some(Err(self.error(reason)));
                }
            }
        }
        None
    }
}

impl WarcRecords {
    /// An error of the current record (of the file, before the first record).
    fn error(&self, reason: String) -> ReadError {
        let origin = match self.record {
            0 => self.name.clone(),
            _ => self.origin(),
        };
        ReadError { origin, reason }
    }
}

/// A `Transfer-Encoding: chunked` body joined back; `None` when the chunk sizes do not fit the bytes.
/// A body cut before its last (empty) chunk keeps what it has, as browsers do.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = find(body, b"\n")?;
        let line = body.get(..line_end)?;
        let size = line.split(|&b| b == b';').next()?.trim_ascii();
        let size = usize::from_str_radix(std::str::from_utf8(size).ok()?, 16).ok()?;
        let rest = body.get(line_end + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        let rest = rest.get(size..)?;
        body = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
        if body.is_empty() {
            return Some(out);
        }
    }
}

/// Whether a record holds an HTTP response (`WARC-Type: response`, `application/http`).
fn is_response(headers: &[(String, String)]) -> bool {
    let http = header(headers, "content-type")
        .is_none_or(|t| t.to_ascii_lowercase().starts_with("application/http"));
    header(headers, "warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response")) && http
}

/// Whether an HTTP status line says 2xx.
fn is_success(status: &[u8]) -> bool {
    let mut parts = status.split(|&b| b == b' ').filter(|p| !p.is_empty());
    let version = parts.next().unwrap_or_default();
    let code = parts.next().unwrap_or_default();
    version.starts_with(b"HTTP/") && code.len() == 3 && code.first() == Some(&b'2')
}

/// `Name: value` to its parts (the value trimmed); `None` when there is no colon or no name.
fn split_header(line: &[u8]) -> Option<(String, String)> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = line.get(..colon)?.trim_ascii();
    if name.is_empty() || name.iter().any(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let value = line.get(colon + 1..)?.trim_ascii();
    Some((
        String::from_utf8_lossy(name).into_owned(),
        String::from_utf8_lossy(value).into_owned(),
    ))
}

/// The first value of a header, by case-insensitive name.
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The `charset` parameter of a `Content-Type` value, unquoted.
pub(crate) fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A buffered stream that can look several bytes ahead (across the short reads of gzip member
/// boundaries) and take bytes back (the part of a too-long record that belongs to the next one).
struct Peekable {
    inner: Box<dyn BufRead>,
    /// Bytes to give out before `inner`'s, from `at` on.
    ahead: Vec<u8>,
    at: usize,
}

impl Peekable {
    fn new(inner: Box<dyn BufRead>) -> Self {
        Peekable {
            inner,
            ahead: Vec::new(),
            at: 0,
        }
    }

    /// The next `n` bytes without consuming them (fewer at the end of the stream).
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.ahead.len() - self.at < n {
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            let take = chunk.len().min(n - (self.ahead.len() - self.at));
            self.ahead
                .extend_from_slice(chunk.get(..take).unwrap_or_default());
            self.inner.consume(take);
        }
        let end = self.ahead.len().min(self.at + n);
        Ok(self.ahead.get(self.at..end).unwrap_or_default())
    }

    /// Puts `bytes` back in front of what is still unread.
    fn unread(&mut self, bytes: &[u8]) {
        let rest = self.ahead.split_off(self.at.min(self.ahead.len()));
        self.ahead.clear();
        self.ahead.extend_from_slice(bytes);
        self.ahead.extend_from_slice(&rest);
        self.at = 0;
    }
}

impl Read for Peekable {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(buf.len());
            if let (Some(dst), Some(src)) = (buf.get_mut(..n), available.get(..n)) {
                dst.copy_from_slice(src);
            }
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Peekable {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.ahead.len() {
            return Ok(self.ahead.get(self.at..).unwrap_or_default());
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if self.at < self.ahead.len() {
            self.at = (self.at + amount).min(self.ahead.len());
            if self.at == self.ahead.len() {
                self.ahead.clear();
                self.at = 0;
            }
        } else {
            self.inner.consume(amount);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_helpers() {
        assert_eq!(
            charset_of("text/html; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(charset_of("text/html"), None);
        assert!(is_success(b"HTTP/1.1 200 OK"));
        assert!(!is_success(b"HTTP/1.1 301 Moved Permanently"));
        assert!(!is_success(b"garbage 200"));
        assert_eq!(split_header(b"bad line"), None);
        assert_eq!(
            split_header(b"WARC-Date: 2020-07-02T16:28:39Z"),
            Some(("WARC-Date".into(), "2020-07-02T16:28:39Z".into()))
        );
    }

    #[test]
    fn chunked_bodies() {
        let body = b"5\r\n<p>un\r\n5;ext=1\r\n deux\r\n0\r\n\r\n";
        assert_eq!(dechunk(body).as_deref(), Some(&b"<p>un deux"[..]));
        assert_eq!(dechunk(b"4\r\nabcd\r\n").as_deref(), Some(&b"abcd"[..]));
        assert_eq!(dechunk(b"zz\r\nabcd"), None);
        assert_eq!(dechunk(b"9\r\nabc"), None);
    }

    #[test]
    fn peek_and_unread() {
        let mut input = Peekable::new(Box::new(io::Cursor::new(b"abcdef".to_vec())));
        assert_eq!(input.peek(3).ok(), Some(&b"abc"[..]));
        input.consume(2);
        input.unread(b"XY");
        let mut rest = String::new();
        assert!(input.read_to_string(&mut rest).is_ok());
        assert_eq!(rest, "XYcdef");
    }
}
