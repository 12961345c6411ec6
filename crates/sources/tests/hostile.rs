//! Hostile input the other read tests do not cover: a corrupt gzip member inside a WARC, a
//! JSON-lines gzip cut short, and charsets declared wrong. Each gives clear errors (or the right
//! text) and never stops the read early or panics. Cases found by fuzz/ end here as regressions.

use storyline_model::Format;
use storyline_sources::{decode_bytes, read, Limits};

mod common;
use common::{gzip, outline, write};

/// One WARC response record holding a small HTML page about `n`.
fn page(n: usize) -> Vec<u8> {
    let body = format!("<html><body><p>Article numéro {n}.</p></body></html>");
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://ex.fr/{n}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

/// A gzip member whose compressed bytes are damaged (the Common Crawl layout has one member per
/// record) loses that record only: the reader names it, then finds the next member.
#[test]
fn a_corrupt_gzip_member_between_good_ones_loses_only_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let members: Vec<Vec<u8>> = (1..=3).map(|n| gzip(&page(n))).collect();
    let mut bad = members[1].clone();
    // Past the 10-byte gzip header, into the deflate stream: a block type of 3 is invalid.
    for byte in bad.iter_mut().skip(10).take(8) {
        *byte = 0xff;
    }
    let bytes = [members[0].clone(), bad, members[2].clone()].concat();
    let path = write(dir.path(), "c.warc.gz", &bytes);
    let items: Vec<_> = read(std::slice::from_ref(&path), Limits::default()).collect();
    let lines = outline(&items);
    let origin = format!("{}#record-2", path.display());
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0], "ok:https://ex.fr/1");
    assert!(
        lines[1].starts_with(&format!("err:{origin}:bad gzip")),
        "{lines:?}"
    );
    assert_eq!(lines[2], "ok:https://ex.fr/3");
}

/// A `.jsonl.gz` cut in the middle keeps every whole line before the cut, then says where it
/// stopped, once.
#[test]
fn a_truncated_jsonl_gzip_keeps_the_lines_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..2000)
        .map(|i| format!("{{\"id\": \"a{i}\", \"text\": \"Texte numéro {i} de l'article.\"}}\n"))
        .collect();
    let gz = gzip(lines.as_bytes());
    let path = write(dir.path(), "cut.jsonl.gz", gz.get(..gz.len() / 2).unwrap());
    let items: Vec<_> = read(&[path], Limits::default()).collect();
    let (docs, errors): (Vec<_>, Vec<_>) = items.iter().partition(|i| i.is_ok());
    assert!(docs.len() > 100, "{} lines read before the cut", docs.len());
    assert!(docs.len() < 2000);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let reason = errors[0].as_ref().err().map(|e| e.reason.as_str());
    assert!(
        reason.is_some_and(|r| r.starts_with("truncated gzip")),
        "{reason:?}"
    );
    assert!(
        items.last().is_some_and(Result::is_err),
        "the error comes last"
    );
}

const FRENCH: &str = "L’Élysée à Noël : « œuvre » coûte 5 €, déjà réglé.";

fn windows_1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

/// A page that declares a charset its bytes are not in is read by its bytes: a multi-byte
/// declaration the bytes break does not make the page unreadable.
#[test]
fn a_charset_the_bytes_break_is_passed_over() {
    for declared in ["euc-jp", "shift_jis", "iso-2022-jp", "big5"] {
        let mut page =
            format!("<html><head><meta charset=\"{declared}\"></head><body><p>").into_bytes();
        page.extend_from_slice(&windows_1252(FRENCH));
        page.extend_from_slice(b"</p></body></html>");
        let doc = decode_bytes(&page, Format::Html, "p.html");
        let text = doc.map(|d| d.text).unwrap_or_else(|e| e.to_string());
        assert!(text.contains(FRENCH), "{declared}: {text}");
    }
}

/// A page declared UTF-8 that is really windows-1252, a page declared Latin-1 that is really
/// UTF-8, and a charset name that does not exist: each read right.
#[test]
fn declared_charsets_that_lie_or_do_not_exist() {
    let mut lying_utf8 = b"<meta charset=utf-8><p>".to_vec();
    lying_utf8.extend_from_slice(&windows_1252(FRENCH));
    let utf8_as_latin1 = format!("<meta charset=iso-8859-1><p>{FRENCH}").into_bytes();
    let mut unknown = b"<meta charset=\"x-no-such-charset\"><p>".to_vec();
    unknown.extend_from_slice(&windows_1252(FRENCH));
    for (name, bytes) in [
        ("utf-8 declared", lying_utf8),
        ("latin-1 declared", utf8_as_latin1),
        ("unknown label", unknown),
    ] {
        let text = decode_bytes(&bytes, Format::Html, "p.html").map(|d| d.text);
        assert!(
            text.as_deref().is_ok_and(|t| t.contains(FRENCH)),
            "{name}: {text:?}"
        );
    }
    // A feed prolog that names the wrong charset: the bytes are UTF-8, so UTF-8 wins.
    let feed = format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>{FRENCH}</title></rss>"
    );
    let text = decode_bytes(feed.as_bytes(), Format::Feed, "f.xml").map(|d| d.text);
    assert!(
        text.as_deref().is_ok_and(|t| t.contains(FRENCH)),
        "{text:?}"
    );
}
