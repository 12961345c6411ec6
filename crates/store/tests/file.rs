//! The store as a file: reopening, what a sqlite3 user sees, and files that are not stores.

mod common;

use std::fs;

use common::{january_visit, october_visit};
use storyline_link::{LinkResult, StoryInfo, StorylineInfo};
use storyline_model::LinkIds;
use storyline_store::{Store, StoreError, StoryFilter, SCHEMA_VERSION};

fn tempdir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("cannot create a temporary directory: {e}"),
    }
}

#[test]
fn data_is_found_again_after_reopening() -> Result<(), StoreError> {
    let dir = tempdir();
    let path = dir.path().join("news.db");
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(&[october_visit(), january_visit()])?;
        store.save_links(&LinkResult {
            assignments: vec![(
                "jan-visit".into(),
                LinkIds {
                    duplicate_of: None,
                    story: 4,
                    storyline: 40,
                },
            )],
            stories: vec![StoryInfo {
                id: 4,
                storyline: 40,
                label: "Moscou".into(),
            }],
            storylines: vec![StorylineInfo {
                id: 40,
                name: "Hamas in Moscow".into(),
            }],
        })?;
    }
    let store = Store::open(&path)?;
    assert_eq!(store.count_articles()?, 2);
    assert_eq!(store.get("oct-visit")?, Some(october_visit()));
    let stories = store.stories(&StoryFilter::default())?;
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].articles[0].id, "jan-visit");
    assert_eq!(store.search(&["otag".to_string()], 5)?.len(), 1);
    Ok(())
}

#[test]
fn a_sqlite3_user_sees_plain_tables() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempdir();
    let path = dir.path().join("news.db");
    let mut store = Store::open(&path)?;
    store.insert_batch(&[october_visit()])?;
    let conn = rusqlite::Connection::open(&path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    assert_eq!(page_size, 16384);
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, SCHEMA_VERSION);
    let figure: (f64, String, String, Option<String>) = conn.query_row(
        "SELECT value, qualifier, what, source_key FROM figures WHERE article_id = 'oct-visit'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    assert_eq!(
        figure,
        (
            7000.0,
            "more_than".into(),
            "killed".into(),
            Some("org:gaza-health-ministry".into())
        )
    );
    let mentions: i64 = conn.query_row(
        "SELECT mentions FROM entities WHERE key = 'org:hamas' AND article_id = 'oct-visit'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(mentions, 1);
    let (speaker, kind, as_of): (String, String, String) =
        conn.query_row("SELECT speaker_key, kind, as_of FROM quotes", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    assert_eq!(
        (speaker.as_str(), kind.as_str(), as_of.as_str()),
        ("org:hamas", "partial", "2023-10-25")
    );
    let time: String = conn.query_row("SELECT value FROM times", [], |r| r.get(0))?;
    assert_eq!(time, "2023-10-25");
    let lang: String = conn.query_row(
        "SELECT json_extract(json, '$.lang') FROM analyses",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(lang, "fr");
    Ok(())
}

fn open_error(path: &std::path::Path) -> String {
    match Store::open(path) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_by_name() -> Result<(), std::io::Error> {
    let dir = tempdir();
    let path = dir.path().join("notes.db");
    fs::write(&path, "These are my notes, not a database. ".repeat(200))?;
    let err = open_error(&path);
    assert!(err.contains("notes.db"), "{err}");
    assert!(err.contains("not a SQLite database"), "{err}");
    // The file is left as it was.
    assert!(fs::read_to_string(&path)?.starts_with("These are my notes"));
    Ok(())
}

#[test]
fn a_damaged_store_is_refused_by_name() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempdir();
    let path = dir.path().join("damaged.db");
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(&[october_visit()])?;
    }
    let _ = fs::remove_file(dir.path().join("damaged.db-wal"));
    // Overwrite the SQLite header's magic string.
    let mut bytes = fs::read(&path)?;
    for b in bytes.iter_mut().take(16) {
        *b = b'#';
    }
    fs::write(&path, bytes)?;
    let err = open_error(&path);
    assert!(
        err.contains("damaged.db") && err.contains("not a SQLite database"),
        "{err}"
    );
    Ok(())
}

#[test]
fn sqlite_files_of_others_or_of_the_future_are_refused() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempdir();
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)?.execute_batch("CREATE TABLE t(x);")?;
    let err = open_error(&other);
    assert!(
        err.contains("other.db") && err.contains("another application"),
        "{err}"
    );

    let future = dir.path().join("future.db");
    drop(Store::open(&future)?);
    rusqlite::Connection::open(&future)?.pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;
    let err = open_error(&future);
    assert!(err.contains("future.db") && err.contains("newer"), "{err}");

    let err = open_error(dir.path());
    assert!(err.contains("cannot open store"), "{err}");
    Ok(())
}

#[test]
fn deleting_an_article_in_sqlite3_removes_all_its_rows() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempdir();
    let path = dir.path().join("news.db");
    let mut store = Store::open(&path)?;
    store.insert_batch(&[october_visit(), january_visit()])?;
    let conn = rusqlite::Connection::open(&path)?;
    conn.execute("DELETE FROM articles WHERE id = 'oct-visit'", [])?;
    for table in [
        "analyses", "entities", "times", "figures", "quotes", "framing",
    ] {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE article_id = 'oct-visit'"),
            [],
            |r| r.get(0),
        )?;
        assert_eq!(n, 0, "{table} still holds rows of the deleted article");
    }
    // SQLite documents that VACUUM may renumber rowids that are not an INTEGER PRIMARY KEY;
    // the search index must still point at the right article after one.
    conn.execute_batch("VACUUM")?;
    assert_eq!(store.search(&["délégat".to_string()], 5)?, vec![]);
    let hits = store.search(&["otag".to_string()], 5)?;
    assert_eq!(
        hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["jan-visit"]
    );
    // Its content can be stored again.
    assert_eq!(
        store.insert_batch(&[october_visit()])?,
        vec![storyline_store::Inserted::New]
    );
    Ok(())
}

#[test]
fn damaged_pages_give_errors_naming_the_file_not_panics() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempdir();
    let path = dir.path().join("pages.db");
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(&[october_visit(), january_visit()])?;
    }
    // Keep the header page, scribble over every page after it.
    let mut bytes = fs::read(&path)?;
    for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
        *b = (i % 251) as u8;
    }
    fs::write(&path, bytes)?;
    let errors: Vec<String> = match Store::open(&path) {
        Err(e) => vec![e.to_string()],
        Ok(store) => [
            store.count_articles().err(),
            store.get("oct-visit").err(),
            store.for_each_analysis(|_| Ok(())).err(),
            store.search(&["hamas".to_string()], 5).err(),
            store.stories(&StoryFilter::default()).err(),
        ]
        .into_iter()
        .flatten()
        .map(|e| e.to_string())
        .collect(),
    };
    assert!(
        !errors.is_empty(),
        "a scribbled file must not read as a valid store"
    );
    for e in &errors {
        assert!(e.contains("pages.db"), "{e}");
    }
    Ok(())
}

#[test]
fn a_reader_sees_what_another_connection_committed() -> Result<(), StoreError> {
    let dir = tempdir();
    let path = dir.path().join("shared.db");
    let mut writer = Store::open(&path)?;
    let reader = Store::open(&path)?;
    assert_eq!(reader.count_articles()?, 0);
    writer.insert_batch(&[october_visit()])?;
    assert_eq!(reader.count_articles()?, 1);
    assert_eq!(writer.insert_batch(&[])?, vec![]);
    Ok(())
}

#[test]
fn a_store_of_the_previous_version_gains_the_quote_date() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempdir();
    let path = dir.path().join("old.db");
    drop(Store::open(&path)?);
    // Put the file back to version 2, as a store written before quotes had a date.
    let conn = rusqlite::Connection::open(&path)?;
    conn.execute_batch("ALTER TABLE quotes DROP COLUMN as_of;")?;
    conn.pragma_update(None, "user_version", 2)?;
    drop(conn);
    let mut store = Store::open(&path)?;
    store.insert_batch(&[october_visit()])?;
    let conn = rusqlite::Connection::open(&path)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, SCHEMA_VERSION);
    let as_of: String = conn.query_row("SELECT as_of FROM quotes", [], |r| r.get(0))?;
    assert_eq!(as_of, "2023-10-25");
    Ok(())
}
