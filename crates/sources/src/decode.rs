//! Bytes to text: BOMs, declared HTML charsets, UTF-8, and a guessed legacy encoding.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use storyline_model::Format;

/// How many leading bytes are searched for NUL and for an HTML charset declaration
/// (git uses the same 8 000-byte window to call a file binary).
const SNIFF_WINDOW: usize = 8000;

/// Decodes `bytes` to a `String`, or says why it cannot ("binary content", "undecodable as …").
///
/// Order: a BOM wins; then NUL bytes mean binary; then a charset declared by the transport
/// (`charset`: the HTTP `Content-Type` of a WARC response or a fetched page), unless the bytes
/// are malformed in it, since servers often announce a charset their pages do not use; then
/// valid UTF-8; then the charset the document declares (`<meta charset>` for HTML, the
/// `<?xml encoding?>` prolog for feeds), unless the bytes are malformed in it; then chardetng's
/// guess among legacy encodings.
pub fn decode_with_charset(
    bytes: &[u8],
    format: Format,
    charset: Option<&[u8]>,
) -> Result<String, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return decode_with(encoding, body);
    }
    let window = bytes.get(..SNIFF_WINDOW).unwrap_or(bytes);
    if window.contains(&0) {
        return Err("binary content".into());
    }
    let transport = charset
        .and_then(Encoding::for_label)
        // Without a BOM almost any even-length bytes decode as UTF-16: such a label proves nothing.
        .filter(|encoding| !encoding.name().starts_with("UTF-16"))
        .and_then(|encoding| decode_with(encoding, bytes).ok());
    let text = match transport {
        Some(text) => text,
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                let declared = match format {
                    Format::Html | Format::Warc => declared_charset(window, b"charset"),
                    Format::Feed => declared_charset(xml_prolog(window), b"encoding"),
                    Format::Txt | Format::Json | Format::Jsonl => None,
                };
                // A declared charset the bytes break is a wrong declaration: guess instead.
                match declared.map(|encoding| decode_with(encoding, bytes)) {
                    Some(Ok(text)) => text,
                    _ => decode_with(guess(bytes), bytes)?,
                }
            }
        },
    };
    if mostly_non_text(&text) {
        return Err("binary content".into());
    }
    Ok(text)
}

/// The `<?xml … ?>` declaration at the start of `window`, or nothing: an `encoding=` further
/// on is content, not a declaration.
fn xml_prolog(window: &[u8]) -> &[u8] {
    let start = window
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(window.len());
    let rest = window.get(start..).unwrap_or_default();
    if !rest.starts_with(b"<?xml") {
        return &[];
    }
    let end = find(rest, b"?>").unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

/// Decodes with one encoding, refusing malformed input rather than filling it with U+FFFD.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, String> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(format!("undecodable as {}", encoding.name()));
    }
    Ok(text.into_owned())
}

/// chardetng's guess for bytes that are not UTF-8 (never guesses UTF-8 itself).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

/// A text where more than a tenth of the first bytes are ASCII control characters is not prose:
/// real text in any script has almost none besides line breaks, tabs and form feeds.
fn mostly_non_text(text: &str) -> bool {
    let window = text
        .as_bytes()
        .get(..SNIFF_WINDOW)
        .unwrap_or(text.as_bytes());
    let odd = window
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F)
        .count();
    odd * 10 > window.len()
}

/// The encoding named by `key=…` in `window`: `charset` finds `<meta charset=…>` and
/// `<meta http-equiv … content="…; charset=…">` in an HTML page, `encoding` the XML prolog's. UTF-8 and UTF-16 labels are ignored here: the bytes
/// are already known not to be valid UTF-8, and a page read as bytes is never UTF-16 without a BOM.
fn declared_charset(window: &[u8], key: &[u8]) -> Option<&'static Encoding> {
    let lower = window.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(lower.get(from..)?, key) {
        let after = from + pos + key.len();
        from = after;
        let rest = lower.get(after..)?;
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let label = rest.get(..end)?;
        match Encoding::for_label(label) {
            Some(enc) if enc == UTF_8 || enc.name().starts_with("UTF-16") => return None,
            Some(enc) => return Some(enc),
            None => continue,
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    bytes.get(skip..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decoding with no charset from the transport, as for a file.
    fn decode(bytes: &[u8], format: Format) -> Result<String, String> {
        decode_with_charset(bytes, format, None)
    }

    #[test]
    fn meta_charset_forms_are_found() {
        let html = b"<html><head><meta charset=\"iso-8859-1\"></head>";
        assert_eq!(
            declared_charset(html, b"charset").map(|e| e.name()),
            Some("windows-1252")
        );
        let html =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
        assert_eq!(
            declared_charset(html, b"charset").map(|e| e.name()),
            Some("windows-1251")
        );
        assert_eq!(
            declared_charset(b"<p>no charset here</p>", b"charset"),
            None
        );
    }

    #[test]
    fn declared_charset_beats_the_guess_for_html() {
        // "Привет" in windows-1251, which a guesser could take for something else on so few bytes.
        let mut page = b"<meta charset=windows-1251><p>".to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
        assert!(decode(&page, Format::Html)
            .unwrap_or_default()
            .contains("Привет"));
    }

    #[test]
    fn xml_prolog_and_transport_charsets() {
        // "é" in ISO-8859-1, declared by the prolog only.
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>\xe9t\xe9</title>";
        assert!(decode(feed, Format::Feed)
            .unwrap_or_default()
            .contains("<title>été</title>"));
        // The transport's charset comes before the page's own declaration…
        let page = b"<meta charset=windows-1251><p>\xe9t\xe9";
        let text = decode_with_charset(page, Format::Warc, Some(b"iso-8859-1"));
        assert!(text.unwrap_or_default().contains("été"));
        // …but a transport charset the bytes break is passed over for the page's.
        let page = b"<meta charset=windows-1252><p>\xe9t\xe9";
        let text = decode_with_charset(page, Format::Warc, Some(b"utf-8"));
        assert!(text.unwrap_or_default().contains("été"));
    }

    #[test]
    fn control_heavy_text_is_binary() {
        let bytes: Vec<u8> = (1u8..30).cycle().take(400).collect();
        assert_eq!(
            decode(&bytes, Format::Txt),
            Err("binary content".to_string())
        );
    }
}
