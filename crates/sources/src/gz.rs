//! Gzip streams of many members that survive a damaged member. A `.warc.gz` holds one member
//! per record (the Common Crawl layout), so a member that does not decode costs its record only:
//! the reason is queued for the WARC reader to report, and decoding resumes at the next member.
//! `flate2::MultiGzDecoder` would end the whole stream at the first bad member instead.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::sync::{Arc, Mutex};

use flate2::bufread::GzDecoder;

/// How a gzip member starts: the magic bytes, then deflate, the only method gzip defines.
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Why members were skipped, oldest first; shared between a [`GzMembers`] and its reader.
#[derive(Debug, Clone, Default)]
pub struct Skips(Arc<Mutex<VecDeque<String>>>);

impl Skips {
    /// The oldest reason not yet taken.
    pub fn take(&self) -> Option<String> {
        self.0.lock().ok()?.pop_front()
    }

    fn push(&self, reason: String) {
        if let Ok(mut queue) = self.0.lock() {
            queue.push_back(reason);
        }
    }
}

/// The decompressed bytes of every member of `R` that decodes.
pub struct GzMembers<R: BufRead> {
    state: State<R>,
    skips: Skips,
}

enum State<R: BufRead> {
    /// Between members: the next byte starts a member or the stream ends.
    Between(R),
    In(GzDecoder<R>),
    Done,
}

impl<R: BufRead> GzMembers<R> {
    /// Decodes `inner`, queueing the reason for each skipped member in `skips`.
    pub fn new(inner: R, skips: Skips) -> Self {
        GzMembers {
            state: State::Between(inner),
            skips,
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Ok(0),
                State::Between(mut inner) => {
                    if inner.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    self.state = State::In(GzDecoder::new(inner));
                }
                State::In(mut member) => match member.read(buf) {
                    Ok(0) => self.state = State::Between(member.into_inner()),
                    Ok(n) => {
                        self.state = State::In(member);
                        return Ok(n);
                    }
                    // Cut short: nothing follows, so the stream ends with this error.
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Err(e),
                    Err(e) if is_corrupt(&e) => {
                        self.skips
                            .push(format!("bad gzip: {e}; skipped to the next member"));
                        let mut inner = member.into_inner();
                        skip_to_member(&mut inner)?;
                        self.state = State::Between(inner);
                    }
                    Err(e) => {
                        self.state = State::In(member);
                        return Err(e);
                    }
                },
            }
        }
    }
}

fn is_corrupt(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput
    )
}

/// Consumes bytes up to the next member header (or the end), one past the damaged spot at least
/// so that a broken header is never decoded twice. A header split across two buffer fills is
/// missed, and its record lost with the damaged one: rare, and never worse than a wrong read.
fn skip_to_member(inner: &mut impl BufRead) -> io::Result<()> {
    let mut from = 1;
    loop {
        let chunk = inner.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        let found = chunk
            .get(from..)
            .and_then(|rest| rest.windows(MAGIC.len()).position(|w| w == MAGIC));
        let used = found.map_or(chunk.len(), |at| from + at);
        inner.consume(used);
        if found.is_some() {
            return Ok(());
        }
        from = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn member(text: &str) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(text.as_bytes()).unwrap_or_default();
        enc.finish().unwrap_or_default()
    }

    fn decode(bytes: &[u8]) -> (String, Vec<String>) {
        let skips = Skips::default();
        let mut text = String::new();
        let read = GzMembers::new(bytes, skips.clone()).read_to_string(&mut text);
        assert!(read.is_ok(), "{read:?}");
        (text, std::iter::from_fn(|| skips.take()).collect())
    }

    #[test]
    fn members_are_joined() {
        let bytes = [member("un "), member("deux "), member("trois")].concat();
        assert_eq!(decode(&bytes), ("un deux trois".to_string(), vec![]));
        assert_eq!(decode(b""), (String::new(), vec![]));
    }

    #[test]
    fn a_bad_member_is_skipped_and_named() {
        let mut bad = member("deux ");
        if let Some(b) = bad.get_mut(3) {
            *b = 0xe0; // reserved header flags
        }
        let bytes = [member("un "), bad, member("trois")].concat();
        let (text, skips) = decode(&bytes);
        assert_eq!(text, "un trois");
        assert_eq!(skips.len(), 1, "{skips:?}");
        let (text, skips) = decode(b"garbage that is not gzip");
        assert_eq!((text.as_str(), skips.len()), ("", 1));
    }

    #[test]
    fn a_cut_member_is_an_error() {
        let mut bytes = [member("un "), member("deux")].concat();
        bytes.truncate(bytes.len() - 4);
        let mut text = String::new();
        let read = GzMembers::new(&bytes[..], Skips::default()).read_to_string(&mut text);
        assert_eq!(
            read.map_err(|e| e.kind()),
            Err(io::ErrorKind::UnexpectedEof)
        );
    }
}
