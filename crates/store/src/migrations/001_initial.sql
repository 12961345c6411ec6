-- storyline store, schema version 1. See crates/store/SCHEMA.md for the meaning of every column.

-- One row per stored article. `num` is the storage key: it grows with each insert, so every
-- table keyed by it is appended to rather than written at random places (article ids are
-- hashes), and, being an INTEGER PRIMARY KEY, it survives VACUUM (a bare rowid may not).
-- `id` is the article id; `content_hash` makes a re-ingested copy (same title and text under
-- another id) a duplicate instead of a second row.
CREATE TABLE articles (
    num            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    content_hash   TEXT NOT NULL UNIQUE,
    url            TEXT,
    outlet         TEXT,
    title          TEXT,
    lang           TEXT NOT NULL,
    declared_lang  TEXT,
    published      TEXT,
    precision      TEXT NOT NULL,
    published_from TEXT NOT NULL,
    dateline       TEXT,
    origin         TEXT NOT NULL,
    text           TEXT NOT NULL,
    paragraphs     TEXT,
    lead           TEXT NOT NULL,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published, id);

-- The full analysis record, as the JSON of `storyline analyze --json`.
CREATE TABLE analyses (
    article    INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    json       TEXT NOT NULL
);

-- Denormalized copies of the analysis, for sqlite3 users and the views. `article` is
-- articles.num (join on it: it is the key), `article_id` the readable id.
-- Child tables are clustered by (article, idx): one article's rows sit together at the end
-- of the table. They have no other index on purpose: each index costs about 3 µs per row on
-- insert (a third of the insert time for entities), while a full scan of a million entity
-- rows takes a fraction of a second. Add one with CREATE INDEX if you query a column often;
-- the store's own queries do not need it.
CREATE TABLE entities (
    article    INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    key        TEXT NOT NULL,
    type       TEXT NOT NULL,
    text       TEXT NOT NULL,
    norm       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE times (
    article    INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,
    precision  TEXT NOT NULL,
    why        TEXT,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE figures (
    article    INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    value      REAL NOT NULL,
    low        REAL,
    high       REAL,
    qualifier  TEXT NOT NULL,
    what       TEXT NOT NULL,
    unit       TEXT,
    who        TEXT,
    place      TEXT,
    source     TEXT,
    source_key TEXT,
    as_of      TEXT,
    part_of    INTEGER,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article     INTEGER NOT NULL,
    idx         INTEGER NOT NULL,
    article_id  TEXT NOT NULL,
    text        TEXT NOT NULL,
    speaker     TEXT,
    speaker_key TEXT,
    kind        TEXT NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE framing (
    article    INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    term       TEXT NOT NULL,
    lemma      TEXT NOT NULL,
    category   TEXT NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- Link results; replaced as a whole by each `save_links`.
CREATE TABLE storylines (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE stories (
    id        INTEGER PRIMARY KEY,
    storyline INTEGER NOT NULL,
    label     TEXT NOT NULL
);
CREATE INDEX stories_storyline ON stories(storyline);

CREATE TABLE links (
    article_id   TEXT PRIMARY KEY,
    duplicate_of TEXT,
    story        INTEGER NOT NULL,
    storyline    INTEGER NOT NULL
);
CREATE INDEX links_story ON links(story);

-- Full-text index over the analyzer's stems; rowid = articles.num. `stems` holds each stem of
-- Analysis.terms repeated by its count (at most 3 times); `title` is the raw headline, so
-- sqlite3 users can also search words as written. A plain (not contentless) FTS5 table, so
-- that deleting a row works in any sqlite3 shell with FTS5, not only 3.43 and later.
CREATE VIRTUAL TABLE search USING fts5(
    stems,
    title,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Deleting an article deletes its rows everywhere. A trigger rather than foreign keys: the
-- keys would cost one lookup in `articles` per inserted child row (about 45 per article).
CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN
    DELETE FROM analyses WHERE article = old.num;
    DELETE FROM entities WHERE article = old.num;
    DELETE FROM times WHERE article = old.num;
    DELETE FROM figures WHERE article = old.num;
    DELETE FROM quotes WHERE article = old.num;
    DELETE FROM framing WHERE article = old.num;
    DELETE FROM links WHERE article_id = old.id;
    DELETE FROM search WHERE rowid = old.num;
END;
