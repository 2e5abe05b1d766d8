-- Schema v1: events with honest partial dates, the actors, tags and sources they involve, and a
-- readable `timeline` view for the sqlite3 shell. Dates are ISO 'YYYY-MM-DD' text, so they sort
-- and compare as text: `WHERE start >= '2019'` works.

-- Which migrations this file has had; written by timeline when it applies each one.
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,              -- insertion order; internal
    uid         TEXT NOT NULL UNIQUE              -- the stable id used by the CLI, export and import
                CHECK (uid GLOB '[a-z0-9]*' AND NOT uid GLOB '*[^a-z0-9._-]*' AND length(uid) <= 120),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary     TEXT CHECK (summary IS NULL OR length(trim(summary)) > 0),
    kind        TEXT COLLATE NOCASE CHECK (kind IS NULL OR length(trim(kind)) > 0),  -- partnership, statement, ...; compared case-insensitively
    date        TEXT NOT NULL CHECK (length(date) > 0),   -- as entered, canonical EDTF: '2019-09', '2022-10-17?', '2019-09-10/..'
    -- start and end must be real days: date(x, '+0 days') normalises '2019-02-30' to '2019-03-02'.
    start       TEXT                              -- earliest day the date can mean; NULL for an open start ('../2022')
                CHECK (start IS NULL OR (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start, '+0 days') IS start)),
    end         TEXT                              -- latest day; NULL for an open or unknown end ('2019-09-10/..')
                CHECK (end IS NULL OR (end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(end, '+0 days') IS end)),
    precision   TEXT NOT NULL CHECK (precision IN ('year', 'month', 'day')),
    uncertain   INTEGER NOT NULL DEFAULT 0 CHECK (uncertain IN (0, 1)),    -- EDTF '?' or '%'
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),  -- EDTF '~' or '%'
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (start IS NOT NULL OR end IS NOT NULL),
    CHECK (start IS NULL OR end IS NULL OR start <= end)
) STRICT;

-- Timeline order (start, coarser precision first, insertion) straight from an index:
-- 'year' > 'month' > 'day' as text, so `precision DESC` puts the coarser first.
CREATE INDEX events_by_start ON events (start, precision DESC);
CREATE INDEX events_by_end ON events (end);
CREATE INDEX events_by_kind ON events (kind, start, precision DESC);

CREATE TABLE actors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0 AND name = trim(name)),
    kind TEXT NOT NULL DEFAULT 'organization' CHECK (kind IN ('organization', 'person', 'other'))
) STRICT;

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),   -- order in which the actors were given
    actor_id INTEGER NOT NULL REFERENCES actors (id),
    role     TEXT CHECK (role IS NULL OR length(trim(role)) > 0),   -- partner, host, speaker, ...
    PRIMARY KEY (event_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_actors_by_actor ON event_actors (actor_id, event_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0 AND name = trim(name))
) STRICT;

CREATE TABLE event_tags (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (event_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_tags_by_tag ON event_tags (tag_id, event_id);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    title     TEXT CHECK (title IS NULL OR length(trim(title)) > 0),
    url       TEXT UNIQUE CHECK (url IS NULL OR length(trim(url)) > 0),
    publisher TEXT CHECK (publisher IS NULL OR length(trim(publisher)) > 0),
    published TEXT CHECK (published IS NULL OR length(published) > 0),   -- canonical EDTF, may be partial: '2022-10'
    language  TEXT CHECK (language IS NULL OR language GLOB '[a-z][a-z]' OR language GLOB '[a-z][a-z]-*'),  -- ISO 639-1, e.g. 'fr'
    CHECK (title IS NOT NULL OR url IS NOT NULL)
) STRICT;

CREATE INDEX sources_by_title ON sources (title);

CREATE TABLE event_sources (
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position >= 0),
    source_id INTEGER NOT NULL REFERENCES sources (id),
    locator   TEXT CHECK (locator IS NULL OR length(trim(locator)) > 0),   -- page, paragraph, quoted passage
    PRIMARY KEY (event_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_sources_by_source ON event_sources (source_id);

-- One readable row per event, in timeline order, for people at the sqlite3 prompt:
--   sqlite3 timeline.db "select date, title, actors from timeline where start >= '2019'"
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
    (SELECT group_concat(label, '; ') FROM (
        SELECT coalesce(s.title, s.url) AS label
        FROM event_sources es JOIN sources s ON s.id = es.source_id
        WHERE es.event_id = e.id ORDER BY es.position)) AS sources,
    e.summary
FROM events e
ORDER BY e.start, e.precision DESC, e.id;
