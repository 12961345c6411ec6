//! WARC files built at test time: HTML responses become documents, other records are counted,
//! and each broken record gives one error while the rest goes on.

use std::io::Write;
use std::path::PathBuf;

use flate2::write::GzEncoder;
use flate2::Compression;
use storyline_model::{Format, RawDoc};
use storyline_sources::{read_with_stats, Limits, ReadError, Stats};

mod common;
use common::write;

/// One record with a `Content-Length` that may lie (`None`: the true length).
fn record_with(kind: &str, uri: &str, length: Option<&str>, block: &[u8]) -> Vec<u8> {
    let length = length.map_or_else(|| block.len().to_string(), str::to_string);
    let mut bytes = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-19T08:00:00Z\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {length}\r\n\r\n"
    )
    .into_bytes();
    bytes.extend_from_slice(block);
    bytes.extend_from_slice(b"\r\n\r\n");
    bytes
}

fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    record_with(kind, uri, None, block)
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn page(n: usize) -> Vec<u8> {
    let body = format!("<html><body><p>Article {n}.</p></body></html>");
    record(
        "response",
        &format!("https://ex.fr/{n}"),
        &http("text/html", body.as_bytes()),
    )
}

/// Each record its own gzip member, as Common Crawl writes them.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    records
        .iter()
        .flat_map(|r| {
            let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
            enc.write_all(r).unwrap();
            enc.finish().unwrap()
        })
        .collect()
}

fn read_all(path: PathBuf) -> (Vec<Result<RawDoc, ReadError>>, u64) {
    let stats = Stats::default();
    let items = read_with_stats(&[path], Limits::default(), &stats).collect();
    (items, stats.skipped_records())
}

/// `ok:<uri>` for documents, `err:<record>:<reason>` for errors (the record without the
/// temporary folder's path, so that expectations can be written out).
fn outline(items: &[Result<RawDoc, ReadError>]) -> Vec<String> {
    common::outline(items)
        .into_iter()
        .zip(items)
        .map(|(line, item)| match item {
            Ok(_) => line,
            Err(e) => {
                let record = e.origin.rsplit('#').next().unwrap_or("?");
                format!("err:{record}:{}", e.reason)
            }
        })
        .collect()
}

#[test]
fn html_responses_become_documents_and_the_rest_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    // "Élysée" in windows-1252, declared only by the HTTP header.
    let legacy = http(
        "text/html; charset=windows-1252",
        b"<html><body><p>\xc9lys\xe9e</p></body></html>",
    );
    let records = [
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware:\r\n\r\n".to_vec(),
        record("request", "https://ex.fr/1", b"GET / HTTP/1.1\r\n\r\n"),
        record("response", "https://ex.fr/1", &legacy),
        record(
            "response",
            "https://ex.fr/logo",
            &http("image/png", b"\x89PNG"),
        ),
        record(
            "response",
            "https://ex.fr/old",
            b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<a>moved</a>",
        ),
        page(2),
    ];
    for (name, bytes) in [
        ("a.warc.gz", gzip_members(&records)),
        ("a.warc", records.concat()),
    ] {
        let path = write(dir.path(), name, &bytes);
        let (items, skipped) = read_all(path);
        assert_eq!(
            outline(&items),
            ["ok:https://ex.fr/1", "ok:https://ex.fr/2"],
            "{name}"
        );
        assert_eq!(skipped, 4, "warcinfo, request, image, redirect in {name}");
        let Some(Ok(doc)) = items.first() else {
            panic!("{items:?}")
        };
        assert_eq!(doc.format, Format::Warc);
        assert!(doc.origin.ends_with(&format!("{name}#record-3")));
        assert!(doc.text.contains("<p>Élysée</p>"), "{}", doc.text);
        assert!(doc.text.starts_with("WARC/1.0") || doc.text.starts_with("WARC-Type: response\n"));
    }
}

#[test]
fn a_corrupt_record_is_one_error_and_the_stream_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let short = http(
        "text/html",
        b"<p>cut short here and the rest is left over</p>",
    );
    let long = http("text/html", b"<p>too long</p>");
    let long_length = (long.len() + 40).to_string();
    let records = [
        page(1),
        b"GARBAGE LINE\r\nmore garbage\r\n\r\n".to_vec(),
        page(2),
        record_with("response", "https://ex.fr/bad", Some("abc"), &short),
        page(3),
        record_with("response", "https://ex.fr/short", Some("20"), &short),
        page(4),
        record_with("response", "https://ex.fr/long", Some(&long_length), &long),
        page(5),
        b"WARC/1.0\r\nno colon on this line\r\n\r\n".to_vec(),
        page(6),
    ];
    let expected = [
        "ok:https://ex.fr/1",
        "err:record-2:not a WARC record: no WARC/ version line",
        "ok:https://ex.fr/2",
        "err:record-4:bad Content-Length",
        "ok:https://ex.fr/3",
        "err:record-6:Content-Length 20 does not end the record",
        "ok:https://ex.fr/4",
        &format!("err:record-8:Content-Length {long_length} does not end the record"),
        "ok:https://ex.fr/5",
        "err:record-10:bad WARC header line",
        "ok:https://ex.fr/6",
    ];
    // Uncompressed, and as one gzip member per record.
    for (name, bytes) in [
        ("c.warc", records.concat()),
        ("c.warc.gz", gzip_members(&records)),
    ] {
        let (items, _) = read_all(write(dir.path(), name, &bytes));
        assert_eq!(outline(&items), expected, "{name}");
    }
}

#[test]
fn truncated_gzip_ends_with_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = gzip_members(&[page(1), page(2), page(3)]);
    bytes.truncate(bytes.len() - 30);
    let (items, _) = read_all(write(dir.path(), "t.warc.gz", &bytes));
    let outline = outline(&items);
    assert_eq!(
        outline.get(..2),
        Some(
            &[
                "ok:https://ex.fr/1".to_string(),
                "ok:https://ex.fr/2".to_string()
            ][..]
        )
    );
    assert_eq!(outline.len(), 3, "{outline:?}");
    assert!(
        outline
            .get(2)
            .is_some_and(|e| e.starts_with("err:record-3:truncated gzip")),
        "{outline:?}"
    );
}

#[test]
fn oversize_and_empty_warc_files() {
    let dir = tempfile::tempdir().unwrap();
    let big = http("text/html", "<p>x</p>".repeat(100).as_bytes());
    let bytes = [
        page(1),
        record("response", "https://ex.fr/big", &big),
        page(2),
    ]
    .concat();
    let path = write(dir.path(), "o.warc", &bytes);
    let limits = Limits { max_bytes: 400 };
    let items: Vec<_> = read_with_stats(&[path], limits, &Stats::default()).collect();
    assert_eq!(
        outline(&items),
        [
            "ok:https://ex.fr/1",
            "err:record-2:larger than 400 bytes",
            "ok:https://ex.fr/2"
        ]
    );
    let (items, _) = read_all(write(dir.path(), "e.warc", b"\r\n"));
    assert_eq!(
        items
            .first()
            .and_then(|i| i.as_ref().err())
            .map(|e| e.reason.as_str()),
        Some("empty file")
    );
}

#[test]
fn warc_files_in_a_folder_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.warc.gz", &gzip_members(&[page(1), page(2)]));
    write(dir.path(), "b.warc", &page(3));
    let (items, _) = read_all(dir.path().to_path_buf());
    assert_eq!(
        outline(&items),
        [
            "ok:https://ex.fr/1",
            "ok:https://ex.fr/2",
            "ok:https://ex.fr/3"
        ]
    );
}

#[test]
fn chunked_and_gzipped_bodies_as_wget_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all("<html><body><p>Déjà lu.</p></body></html>".as_bytes())
        .unwrap();
    let gz = enc.finish().unwrap();
    let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
        Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
        .to_vec();
    let (first, second) = gz.split_at(gz.len() / 2);
    for chunk in [first, second] {
        block.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        block.extend_from_slice(chunk);
        block.extend_from_slice(b"\r\n");
    }
    block.extend_from_slice(b"0\r\n\r\n");
    let bytes = record("response", "https://ex.fr/w", &block);
    let (items, _) = read_all(write(dir.path(), "w.warc", &bytes));
    let [Ok(doc)] = items.as_slice() else {
        panic!("{items:?}")
    };
    assert!(
        doc.text.ends_with("<p>Déjà lu.</p></body></html>"),
        "{}",
        doc.text
    );
}

#[test]
fn a_file_cut_inside_a_skipped_record_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = [page(1), record("request", "https://ex.fr/2", &[b'x'; 200])].concat();
    bytes.truncate(bytes.len() - 100);
    let (items, skipped) = read_all(write(dir.path(), "cut.warc", &bytes));
    assert_eq!(
        outline(&items),
        [
            "ok:https://ex.fr/1",
            "err:record-2:record ends after 104 of its 200 bytes"
        ]
    );
    assert_eq!(skipped, 0);
}

#[test]
fn a_warc_named_otherwise_is_known_by_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crawl-00001", &[page(1), page(2)].concat());
    let (items, _) = read_all(path);
    assert_eq!(
        outline(&items),
        ["ok:https://ex.fr/1", "ok:https://ex.fr/2"]
    );
}

/// Every truncation and every single-byte corruption of a small WARC is read to the end
/// without a panic or a hang, and never yields more documents than the file has records.
#[test]
fn every_cut_and_every_flipped_byte_is_survived() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        page(1),
        record("request", "https://ex.fr/r", b"GET"),
        page(2),
    ];
    let whole = records.concat();
    let path = dir.path().join("m.warc");
    for cut in 0..whole.len() {
        std::fs::write(&path, whole.get(..cut).unwrap()).unwrap();
        let (items, _) = read_all(path.clone());
        assert!(
            items.iter().filter(|i| i.is_ok()).count() <= 2,
            "cut at {cut}"
        );
    }
    for at in 0..whole.len() {
        for byte in [b'\n', b'0', b'W', 0xFF] {
            let mut bytes = whole.clone();
            if let Some(slot) = bytes.get_mut(at) {
                *slot = byte;
            }
            std::fs::write(&path, &bytes).unwrap();
            let (items, _) = read_all(path.clone());
            assert!(
                items.len() <= 6,
                "byte {byte} at {at}: {:?}",
                outline(&items)
            );
        }
    }
}
