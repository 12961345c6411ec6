//! Reading real files: every bad case gives one error and the stream goes on.

use std::path::{Path, PathBuf};

use storyline_model::{Format, RawDoc};
use storyline_sources::{read, Limits, ReadError};

mod common;
use common::{gzip, write};

fn all(paths: &[PathBuf], limits: Limits) -> Vec<Result<RawDoc, ReadError>> {
    read(paths, limits).collect()
}

fn one(path: PathBuf) -> Result<RawDoc, ReadError> {
    let mut items = all(&[path], Limits::default());
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0)
}

fn reason(item: Result<RawDoc, ReadError>) -> String {
    item.err()
        .map(|e| e.reason)
        .unwrap_or_else(|| "read fine".into())
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = one(dir.path().join("nope.txt")).unwrap_err();
    assert!(err.origin.ends_with("nope.txt"));
    assert_eq!(err.reason, "no such file or folder");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(reason(one(write(dir.path(), "e.txt", b""))), "empty file");
    assert_eq!(
        reason(one(write(dir.path(), "w.txt", b"  \n\n"))),
        "empty file"
    );
    assert_eq!(
        reason(one(write(dir.path(), "e.jsonl", b"\n\n"))),
        "empty file"
    );
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert_eq!(
        reason(one(write(dir.path(), "b.txt", png))),
        "binary content"
    );
}

#[test]
fn truncated_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "Une phrase assez longue pour que la compression produise plusieurs blocs. ".repeat(200);
    let gz = gzip(text.as_bytes());
    let cut = gz.get(..gz.len() / 2).unwrap();
    let got = reason(one(write(dir.path(), "t.txt.gz", cut)));
    assert!(got.starts_with("truncated gzip: "), "{got}");
}

#[test]
fn gzip_text_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let doc = one(write(
        dir.path(),
        "a.txt.gz",
        &gzip("Bonjour Moscou".as_bytes()),
    ))
    .unwrap();
    assert_eq!(
        (doc.text.as_str(), doc.format),
        ("Bonjour Moscou", Format::Txt)
    );
}

#[test]
fn oversize_file_with_small_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.txt", &[b'a'; 100]);
    let items = all(std::slice::from_ref(&path), Limits { max_bytes: 99 });
    assert_eq!(
        reason(items.into_iter().next().unwrap()),
        "larger than 99 bytes"
    );
    assert!(all(&[path], Limits { max_bytes: 100 }).remove(0).is_ok());
    // The limit applies after gunzip: 100 kB of zeros compress to almost nothing.
    let bomb = write(dir.path(), "bomb.txt.gz", &gzip(&[b'z'; 100_000]));
    let items = all(&[bomb], Limits { max_bytes: 1000 });
    assert_eq!(
        reason(items.into_iter().next().unwrap()),
        "larger than 1000 bytes"
    );
}

#[test]
fn windows_1252_french() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("L’Élysée à Noël : « œuvre » coûte 5 €.");
    let doc = one(write(dir.path(), "w.txt", &bytes)).unwrap();
    assert_eq!(doc.text, "L’Élysée à Noël : « œuvre » coûte 5 €.");
}

#[test]
fn html_meta_charset_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let mut page =
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
            .to_vec();
    page.extend_from_slice(b"</head><body><p>\xc9lys\xe9e</p></body></html>");
    let doc = one(write(dir.path(), "p.html", &page)).unwrap();
    assert_eq!(doc.format, Format::Html);
    assert!(doc.text.contains("<p>Élysée</p>"), "{}", doc.text);
}

#[test]
fn byte_order_marks() {
    let dir = tempfile::tempdir().unwrap();
    let doc = one(write(dir.path(), "u8.txt", "\u{feff}Élysée".as_bytes())).unwrap();
    assert_eq!(doc.text, "Élysée");
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("Noël à Gaza".encode_utf16().flat_map(u16::to_le_bytes));
    let doc = one(write(dir.path(), "u16.txt", &utf16)).unwrap();
    assert_eq!(doc.text, "Noël à Gaza");
}

#[test]
fn mojibake_is_repaired_and_clean_text_kept() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "Le prÃ©sident sâ€™est rendu Ã  lâ€™Ã‰lysÃ©e cet Ã©tÃ©.";
    let doc = one(write(dir.path(), "m.txt", broken.as_bytes())).unwrap();
    assert_eq!(doc.text, "Le président s’est rendu à l’Élysée cet été.");
    let clean = "Ça coûte 3\u{202f}000 € à l’État.";
    assert_eq!(
        one(write(dir.path(), "c.txt", clean.as_bytes()))
            .unwrap()
            .text,
        clean
    );
}

#[test]
fn crlf_and_controls() {
    let dir = tempfile::tempdir().unwrap();
    let doc = one(write(
        dir.path(),
        "c.txt",
        b"titre\r\n\r\ncorps\x07 ici\x0c",
    ))
    .unwrap();
    assert_eq!(doc.text, "titre\n\ncorps ici");
}

#[test]
fn folder_recursion_keeps_going_past_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"premier");
    write(dir.path(), "b/c.txt", b"\0\0\0binaire");
    write(dir.path(), "b/d.json", b"{\"text\": \"deux\"}");
    write(dir.path(), "b/notes.pdf", b"skipped: unknown extension");
    write(dir.path(), ".hidden.txt", b"skipped: hidden");
    write(dir.path(), ".git/x.txt", b"skipped: hidden folder");
    write(
        dir.path(),
        "e.jsonl",
        b"{\"text\": \"trois\"}\n\n{\"text\": \"quatre\"}\n",
    );
    write(dir.path(), "f.htm", b"<p>cinq</p>");
    let items = all(&[dir.path().to_path_buf()], Limits::default());
    let summary: Vec<String> = items
        .iter()
        .map(|item| match item {
            Ok(doc) => doc
                .origin
                .strip_prefix(&dir.path().display().to_string())
                .unwrap_or("?")
                .to_string(),
            Err(e) => format!("ERR {}", e.reason),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "/a.txt",
            "ERR binary content",
            "/b/d.json",
            "/e.jsonl:1",
            "/e.jsonl:3",
            "/f.htm"
        ]
    );
}

#[test]
fn jsonl_bad_line_is_its_own_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = b"{\"text\": \"un\"}\n".to_vec();
    body.extend_from_slice(&[b'x'; 50]);
    body.extend_from_slice(b"\n{\"text\": \"deux\"}\n");
    let path = write(dir.path(), "l.jsonl.gz", &gzip(&body));
    let items = all(&[path], Limits { max_bytes: 30 });
    let got: Vec<String> = items
        .into_iter()
        .map(|item| match item {
            Ok(doc) => format!(
                "{} {}",
                doc.origin.rsplit('/').next().unwrap_or(""),
                doc.text
            ),
            Err(e) => format!(
                "{} ERR {}",
                e.origin.rsplit('/').next().unwrap_or(""),
                e.reason
            ),
        })
        .collect();
    assert_eq!(
        got,
        [
            "l.jsonl.gz:1 {\"text\": \"un\"}",
            "l.jsonl.gz:2 ERR larger than 30 bytes",
            "l.jsonl.gz:3 {\"text\": \"deux\"}"
        ]
    );
}

#[test]
fn explicit_file_with_unknown_extension_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let doc = one(write(dir.path(), "page.php", b"  <html><p>x</p></html>")).unwrap();
    assert_eq!(doc.format, Format::Html);
}

#[test]
fn orangesum_streams_line_by_line() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/orangesum-fr/orangesum_articles.jsonl.gz"
    );
    if !Path::new(path).exists() {
        println!("skipped: ../shared/data/orangesum-fr/orangesum_articles.jsonl.gz absent");
        return;
    }
    let docs: Vec<RawDoc> = read(&[PathBuf::from(path)], Limits::default())
        .take(100)
        .map(Result::unwrap)
        .collect();
    assert_eq!(docs.len(), 100);
    assert!(docs
        .iter()
        .all(|d| d.format == Format::Jsonl && d.text.starts_with("{\"id\": ")));
    assert!(docs
        .last()
        .is_some_and(|d| d.origin.ends_with("orangesum_articles.jsonl.gz:100")));
}

#[test]
fn undecodable_utf16() {
    let dir = tempfile::tempdir().unwrap();
    // A UTF-16LE BOM, one character, then half a code unit.
    let got = reason(one(write(dir.path(), "odd.txt", b"\xff\xfeA\x00B")));
    assert_eq!(got, "undecodable as UTF-16LE");
}

#[test]
fn a_path_list_keeps_going_past_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a.txt", b"un");
    let items = all(&[dir.path().join("missing.json"), good], Limits::default());
    let texts: Vec<String> = items
        .into_iter()
        .map(|i| i.map(|d| d.text).unwrap_or_else(|e| e.reason))
        .collect();
    assert_eq!(texts, ["no such file or folder", "un"]);
}

#[cfg(unix)]
#[test]
fn symlinked_files_are_read_and_folder_links_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let target = write(outside.path(), "t.txt", b"lien");
    std::os::unix::fs::symlink(&target, dir.path().join("link.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let texts: Vec<String> = all(&[dir.path().to_path_buf()], Limits::default())
        .into_iter()
        .map(|i| i.map(|d| d.text).unwrap_or_else(|e| e.reason))
        .collect();
    assert_eq!(texts, ["lien"]);
}

#[test]
fn in_memory_bytes_decode_like_files() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("<p>Élysée</p>");
    let doc = storyline_sources::decode_bytes(&bytes, Format::Html, "record:3").unwrap();
    assert_eq!(
        (doc.origin.as_str(), doc.text.as_str()),
        ("record:3", "<p>Élysée</p>")
    );
    let err = storyline_sources::decode_bytes(b" \n", Format::Txt, "record:4").unwrap_err();
    assert_eq!(err.to_string(), "record:4: empty file");
}
