//! Lazy reading of JSON-lines input: one document per non-empty line, in flat memory.

use std::io::{BufRead, Read};

use storyline_model::{Format, RawDoc};

use crate::input::{read_reason, too_large};
use crate::{decode_doc, ReadError};

/// The documents of one JSON-lines stream, read one line at a time.
/// The size limit applies to each line (a record), so a corpus of any length streams.
pub struct JsonLines {
    reader: Box<dyn BufRead>,
    /// The file, used to build `path:LINE` origins.
    name: String,
    gz: bool,
    max_bytes: u64,
    line: usize,
    buf: Vec<u8>,
    seen_content: bool,
    done: bool,
}

impl JsonLines {
    /// Lines of `reader`, named after `name`.
    pub fn new(reader: Box<dyn BufRead>, name: String, gz: bool, max_bytes: u64) -> Self {
        JsonLines {
            reader,
            name,
            gz,
            max_bytes,
            line: 0,
            buf: Vec::new(),
            seen_content: false,
            done: false,
        }
    }

    fn error(&self, origin: String, reason: String) -> ReadError {
        ReadError { origin, reason }
    }

    /// Skips the rest of an over-long line; false when the stream ended or failed.
    fn skip_line(&mut self) -> bool {
        loop {
            let (consumed, found) = match self.reader.fill_buf() {
                Ok([]) | Err(_) => return false,
                Ok(chunk) => match chunk.iter().position(|&b| b == b'\n') {
                    Some(pos) => (pos + 1, true),
                    None => (chunk.len(), false),
                },
            };
            self.reader.consume(consumed);
            if found {
                return true;
            }
        }
    }
}

impl Iterator for JsonLines {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let limit = self.max_bytes.saturating_add(1);
            let read = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf);
            self.line += 1;
            let origin = format!("{}:{}", self.name, self.line);
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(origin, read_reason(&e, self.gz))));
                }
                Ok(0) => {
                    self.done = true;
                    if !self.seen_content {
                        return Some(Err(self.error(self.name.clone(), "empty file".into())));
                    }
                }
                Ok(_) => {
                    let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
                    if line.len() as u64 > self.max_bytes {
                        self.done = !self.skip_line();
                        return Some(Err(self.error(origin, too_large(self.max_bytes))));
                    }
                    if line.trim_ascii().is_empty() {
                        continue;
                    }
                    self.seen_content = true;
                    return Some(decode_doc(line, Format::Jsonl, origin));
                }
            }
        }
        None
    }
}
