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
    ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published, id);

-- The full analysis record, as the JSON of `storyline analyze --json`.
CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    json       TEXT NOT NULL
);

-- Denormalized copies of the analysis, for sqlite3 users and the views.
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    type       TEXT NOT NULL,
    text       TEXT NOT NULL,
    norm       TEXT NOT NULL,
    mentions   INTEGER NOT NULL
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_key ON entities(key);
CREATE INDEX entities_norm ON entities(norm);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,
    precision  TEXT NOT NULL,
    why        TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
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
CREATE INDEX figures_source_key ON figures(source_key);

CREATE TABLE quotes (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    speaker     TEXT,
    speaker_key TEXT,
    kind        TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE framing (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    term       TEXT NOT NULL,
    lemma      TEXT NOT NULL,
    category   TEXT NOT NULL
);
CREATE INDEX framing_article ON framing(article_id);
CREATE INDEX framing_category ON framing(category);

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
    article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    duplicate_of TEXT,
    story        INTEGER NOT NULL,
    storyline    INTEGER NOT NULL
);
CREATE INDEX links_story ON links(story);

-- Full-text index over the analyzer's stems; rowid = articles.rowid.
-- `stems` holds each stem of Analysis.terms repeated by its count (at most 3 times);
-- `title` is the raw headline and `lead` the first sentence, kept for snippets.
CREATE VIRTUAL TABLE search USING fts5(
    stems,
    title,
    lead UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
