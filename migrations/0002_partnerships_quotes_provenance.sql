-- Schema v2: the partnership model. Actors get parts ("Google Cloud is part of Google"), aliases
-- and affiliations over time; partnerships have members, a span, an announced term and terms;
-- events link to a partnership and carry attributed quotes; sources become first-class records
-- with a stable id. Existing rows are kept: each old source gets the id 'source-<n>'.

-- Actors -----------------------------------------------------------------------------------------

ALTER TABLE actors ADD COLUMN part_of INTEGER REFERENCES actors (id) ON DELETE SET NULL;  -- Google Cloud → Google
CREATE INDEX actors_by_parent ON actors (part_of);

-- Other names an actor goes by: 'Google LLC', 'Google Inc.' for Google.
CREATE TABLE actor_aliases (
    alias    TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(trim(alias)) > 0 AND alias = trim(alias)),
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX actor_aliases_by_actor ON actor_aliases (actor_id);

-- Who held which role where, and when: Sundar Pichai, CEO of Google, 2019.
CREATE TABLE affiliations (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role            TEXT CHECK (role IS NULL OR length(trim(role)) > 0),
    date            TEXT CHECK (date IS NULL OR length(date) > 0),    -- when it held, EDTF; NULL when not known
    start           TEXT CHECK (start IS NULL OR (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start, '+0 days') IS start)),
    end             TEXT CHECK (end IS NULL OR (end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(end, '+0 days') IS end)),
    CHECK (person_id <> organization_id),
    CHECK (start IS NULL OR end IS NULL OR start <= end)
) STRICT;

CREATE INDEX affiliations_by_person ON affiliations (person_id);
CREATE INDEX affiliations_by_organization ON affiliations (organization_id);

-- Sources: rebuilt with a stable text id and the fields provenance needs. ------------------------

DROP VIEW timeline;

CREATE TABLE sources_v2 (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE                  -- the id used by the CLI and the JSON document
                 CHECK (uid GLOB '[a-z0-9]*' AND NOT uid GLOB '*[^a-z0-9._-]*' AND length(uid) <= 120),
    title        TEXT CHECK (title IS NULL OR length(trim(title)) > 0),
    url          TEXT UNIQUE CHECK (url IS NULL OR length(trim(url)) > 0),
    publisher    TEXT CHECK (publisher IS NULL OR length(trim(publisher)) > 0),
    author       TEXT CHECK (author IS NULL OR length(trim(author)) > 0),
    published    TEXT CHECK (published IS NULL OR length(published) > 0),   -- EDTF, may be partial: '2022-10'
    accessed     TEXT CHECK (accessed IS NULL OR length(accessed) > 0),     -- when someone last read it, EDTF
    archived_url TEXT CHECK (archived_url IS NULL OR length(trim(archived_url)) > 0),  -- a copy that will not move
    language     TEXT CHECK (language IS NULL OR language GLOB '[a-z][a-z]' OR language GLOB '[a-z][a-z]-*'),  -- ISO 639-1
    CHECK (title IS NOT NULL OR url IS NOT NULL)
) STRICT;

INSERT INTO sources_v2 (id, uid, title, url, publisher, published, language)
SELECT id, 'source-' || id, title, url, publisher, published, language FROM sources;

DROP TABLE sources;
ALTER TABLE sources_v2 RENAME TO sources;
CREATE INDEX sources_by_title ON sources (title);

-- Partnerships -----------------------------------------------------------------------------------

CREATE TABLE partnerships (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE
               CHECK (uid GLOB '[a-z0-9]*' AND NOT uid GLOB '*[^a-z0-9._-]*' AND length(uid) <= 120),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    summary    TEXT CHECK (summary IS NULL OR length(trim(summary)) > 0),
    term       TEXT CHECK (term IS NULL OR length(trim(term)) > 0),    -- as announced: 'ten years'
    date       TEXT CHECK (date IS NULL OR length(date) > 0),          -- the span, EDTF: '2019-09-10/2029-09', '2019-09-10/..'
    start      TEXT CHECK (start IS NULL OR (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start, '+0 days') IS start)),
    end        TEXT CHECK (end IS NULL OR (end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(end, '+0 days') IS end)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (start IS NULL OR end IS NULL OR start <= end)
) STRICT;

CREATE INDEX partnerships_by_start ON partnerships (start);

CREATE TABLE partnership_members (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    actor_id       INTEGER NOT NULL REFERENCES actors (id),
    role           TEXT CHECK (role IS NULL OR length(trim(role)) > 0),
    PRIMARY KEY (partnership_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX partnership_members_by_actor ON partnership_members (actor_id);

-- The terms of a partnership, one clause per row, in the order announced.
CREATE TABLE partnership_terms (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    clause         TEXT NOT NULL CHECK (length(trim(clause)) > 0),
    PRIMARY KEY (partnership_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE partnership_sources (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    source_id      INTEGER NOT NULL REFERENCES sources (id),
    locator        TEXT CHECK (locator IS NULL OR length(trim(locator)) > 0),
    PRIMARY KEY (partnership_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX partnership_sources_by_source ON partnership_sources (source_id);

ALTER TABLE events ADD COLUMN partnership_id INTEGER REFERENCES partnerships (id) ON DELETE SET NULL;
CREATE INDEX events_by_partnership ON events (partnership_id, start, precision DESC);

-- Quotes: who said what, in which language, translated how, reported where. ---------------------

CREATE TABLE quotes (
    id                   INTEGER PRIMARY KEY,
    event_id             INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position             INTEGER NOT NULL CHECK (position >= 0),
    speaker_id           INTEGER NOT NULL REFERENCES actors (id),
    text                 TEXT NOT NULL CHECK (length(trim(text)) > 0),              -- in the original language
    language             TEXT NOT NULL CHECK (language GLOB '[a-z][a-z]' OR language GLOB '[a-z][a-z]-*'),
    translation          TEXT CHECK (translation IS NULL OR length(trim(translation)) > 0),
    translation_language TEXT CHECK (translation_language IS NULL OR translation_language GLOB '[a-z][a-z]' OR translation_language GLOB '[a-z][a-z]-*'),
    source_id            INTEGER REFERENCES sources (id),
    locator              TEXT CHECK (locator IS NULL OR length(trim(locator)) > 0),
    UNIQUE (event_id, position),
    CHECK ((translation IS NULL) = (translation_language IS NULL))
) STRICT;

CREATE INDEX quotes_by_speaker ON quotes (speaker_id);
CREATE INDEX quotes_by_source ON quotes (source_id);

-- The readable view, now with the partnership and the number of quotes. -------------------------
--   sqlite3 timeline.db "select date, title, partnership from timeline where partnership is not null"
CREATE VIEW timeline AS
SELECT
    e.uid,
    e.date,
    e.start,
    e.end,
    e.precision,
    e.title,
    e.kind,
    (SELECT group_concat(label, '; ') FROM (
        SELECT a.name || coalesce(' (' || ea.role || ')', '') AS label
        FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
        WHERE ea.event_id = e.id ORDER BY ea.position)) AS actors,
    (SELECT group_concat(name, ', ') FROM (
        SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id
        WHERE et.event_id = e.id ORDER BY t.name COLLATE NOCASE)) AS tags,
    (SELECT p.name FROM partnerships p WHERE p.id = e.partnership_id) AS partnership,
    (SELECT count(*) FROM quotes q WHERE q.event_id = e.id) AS quotes,
    (SELECT group_concat(label, '; ') FROM (
        SELECT coalesce(s.title, s.url) AS label
        FROM event_sources es JOIN sources s ON s.id = es.source_id
        WHERE es.event_id = e.id ORDER BY es.position)) AS sources,
    e.summary
FROM events e
ORDER BY e.start, e.precision DESC, e.id;

-- Quotes with their speaker and event, for reading at the sqlite3 prompt.
CREATE VIEW quotations AS
SELECT
    e.uid AS event,
    e.date,
    a.name AS speaker,
    q.text,
    q.language,
    q.translation,
    q.translation_language,
    s.uid AS source
FROM quotes q
JOIN events e ON e.id = q.event_id
JOIN actors a ON a.id = q.speaker_id
LEFT JOIN sources s ON s.id = q.source_id
ORDER BY e.start, e.precision DESC, e.id, q.position;
