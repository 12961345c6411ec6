//! Opening a database file: connection settings, the checks that it is a storyline store, and
//! migrations keyed by `PRAGMA user_version`.

use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use crate::error::{Context, StoreError};

/// `PRAGMA application_id` of a storyline store ("STLN"), so that `file` and we can tell our
/// databases from other applications' SQLite files.
const APPLICATION_ID: i32 = 0x5354_4c4e;

/// Migration `i` brings a database from `user_version` `i` to `i + 1`. Append, never edit.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_author.sql"),
    include_str!("migrations/003_quote_as_of.sql"),
];

/// The schema version (`PRAGMA user_version`) this build writes.
pub(crate) const LATEST: i64 = MIGRATIONS.len() as i64;

/// Page cache size in KiB, as `PRAGMA cache_size` takes it (negative = KiB, not pages).
const CACHE_KIB: i64 = -64 * 1024;

/// Page size of new files. An analysis record is 10-20 KB of JSON: with 16 KiB pages it rarely
/// spills into overflow pages, and inserting takes about a quarter less CPU than with 4 KiB.
const PAGE_SIZE: i64 = 16 * 1024;

/// WAL pages written before an automatic checkpoint (64 MiB with 16 KiB pages).
const WAL_CHECKPOINT_PAGES: i64 = 4 * 1024;

/// How long a writer waits for another process's lock before giving up, in milliseconds.
const BUSY_TIMEOUT_MS: i64 = 5_000;

/// Makes a freshly opened connection ready: checks the file, sets WAL, migrates.
pub(crate) fn prepare(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    // The first statement that reads the header is where a non-SQLite or damaged file shows.
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    // Only takes effect on a new file (before the first write); a no-op on an existing one.
    conn.pragma_update(None, "page_size", PAGE_SIZE)
        .doing(path, "setting page_size")?;
    conn.pragma_update(None, "busy_timeout", BUSY_TIMEOUT_MS)
        .doing(path, "setting busy_timeout")?;
    // In-memory databases answer "memory": WAL only exists for files.
    let _mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    // WAL with synchronous=NORMAL is durable at checkpoints and never corrupts on a crash.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .doing(path, "setting synchronous")?;
    // The default 2 MB page cache makes every batch re-read index pages from the file once a
    // store holds a few thousand articles; 64 MB keeps the hot indexes in memory.
    conn.pragma_update(None, "cache_size", CACHE_KIB)
        .doing(path, "setting cache_size")?;
    // Checkpoint every 64 MB of WAL rather than every 4 MB: a batch of 500 articles writes
    // more than 4 MB, and index pages touched by several batches are then copied back once.
    conn.pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)
        .doing(path, "setting wal_autocheckpoint")?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .doing(path, "reading the schema version")?;
    check_identity(conn, path, app_id, version)?;
    migrate(conn, path, version)
}

/// Turns an error met while first reading the file into one that says what the file is.
fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    let reason = match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            format!("not a SQLite database (SQLite says: {e})")
        }
        Some(ErrorCode::DatabaseCorrupt) => format!("the database file is corrupt ({e})"),
        _ => e.to_string(),
    };
    StoreError::Open {
        path: path.to_path_buf(),
        reason,
    }
}

/// Refuses SQLite files that belong to another application or to a newer storyline.
fn check_identity(
    conn: &Connection,
    path: &Path,
    app_id: i32,
    version: i64,
) -> Result<(), StoreError> {
    let schema = |reason: String| StoreError::Schema {
        path: path.to_path_buf(),
        reason,
    };
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(schema(format!(
            "application_id {app_id:#x} belongs to another application"
        )));
    }
    if version > LATEST {
        return Err(schema(format!(
            "schema version {version} is newer than this storyline knows ({LATEST}); upgrade storyline"
        )));
    }
    if version == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .doing(path, "listing tables")?;
        if tables > 0 {
            return Err(schema(format!(
                "it already holds {tables} schema objects of another application and no storyline schema version"
            )));
        }
    }
    Ok(())
}

/// Applies the migrations after `version`, each in its own transaction with its version bump.
fn migrate(conn: &mut Connection, path: &Path, version: i64) -> Result<(), StoreError> {
    let start = usize::try_from(version).unwrap_or(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(start) {
        let tx = conn.transaction().doing(path, "starting a migration")?;
        tx.execute_batch(sql).doing(path, "migrating the schema")?;
        tx.pragma_update(None, "user_version", i as i64 + 1)
            .doing(path, "recording the schema version")?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .doing(path, "recording the application id")?;
        tx.commit().doing(path, "committing a migration")?;
    }
    Ok(())
}
