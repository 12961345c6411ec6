-- storyline store, schema version 1. See crates/store/SCHEMA.md for the meaning of every column.

-- One row per stored article. `id` is the article id; `content_hash` makes a re-ingested copy
-- (same title and text under another id) a duplicate instead of a second row.
CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
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
    article_id TEXT PRIMARY KEY,
    json       TEXT NOT NULL
);

-- Denormalized copies of the analysis, for sqlite3 users and the views.
-- Child tables are clustered by (article_id, idx): one article's rows sit together, and no
-- separate article index is needed. They have no other index on purpose: each index costs
-- about 3 µs per row on insert (a third of the insert time for entities), while a full scan
-- of a million entity rows takes a fraction of a second. Add one with CREATE INDEX if you
-- query a column often; the store's own queries do not need it.
CREATE TABLE entities (
    article_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    key        TEXT NOT NULL,
    type       TEXT NOT NULL,
    text       TEXT NOT NULL,
    norm       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE times (
    article_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,
    precision  TEXT NOT NULL,
    why        TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE figures (
    article_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
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
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article_id  TEXT NOT NULL,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    speaker     TEXT,
    speaker_key TEXT,
    kind        TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE framing (
    article_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    term       TEXT NOT NULL,
    lemma      TEXT NOT NULL,
    category   TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
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

-- Deleting an article deletes its rows everywhere. A trigger rather than foreign keys: the
-- keys would cost one lookup in `articles` per inserted child row (about 45 per article).
CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN
    DELETE FROM analyses WHERE article_id = old.id;
    DELETE FROM entities WHERE article_id = old.id;
    DELETE FROM times WHERE article_id = old.id;
    DELETE FROM figures WHERE article_id = old.id;
    DELETE FROM quotes WHERE article_id = old.id;
    DELETE FROM framing WHERE article_id = old.id;
    DELETE FROM links WHERE article_id = old.id;
    DELETE FROM search WHERE rowid = old.rowid;
END;

-- Full-text index over the analyzer's stems; rowid = articles.rowid. Contentless: the index
-- alone is kept (the stems are in analyses.json, title and lead in articles), which halves its
-- size. `stems` holds each stem of Analysis.terms repeated by its count (at most 3 times);
-- `title` is the raw headline, so sqlite3 users can also search words as written.
CREATE VIRTUAL TABLE search USING fts5(
    stems,
    title,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
