-- Schema v5: kinds and tags as people remember them, and rows for facets.
--
-- timeline matches kinds and tags as it matches actors: case (in every script), accents and
-- spacing ignored, so "DÉCLARATION" is the kind "Déclaration" and "DONNÉES DE SANTÉ" the tag
-- "données de santé", each kept as first spelt. SQLite cannot fold accents, and a key column it
-- cannot compute would break rows written in the sqlite3 shell, so timeline matches them itself
-- (there are few distinct tags and kinds) and stores no key. This upgrade makes one spelling of
-- those already stored. `timeline_match_key(text)` is that match: timeline defines it on its own
-- connection while it migrates, so this file runs in timeline, not in the sqlite3 shell.

-- Tags: the links of every later spelling move to the first (the lowest id), none twice; the
-- triggers of 0003 update the events' search text.
CREATE TEMP TABLE tag_keys AS SELECT id, timeline_match_key(name) AS key FROM tags;
CREATE TEMP TABLE tag_merges AS
SELECT t.id AS merged, earliest.id AS kept
FROM tag_keys t JOIN (SELECT key, min(id) AS id FROM tag_keys GROUP BY key) earliest ON earliest.key = t.key
WHERE t.id <> earliest.id;
INSERT OR IGNORE INTO event_tags (event_id, tag_id)
SELECT et.event_id, m.kept FROM event_tags et JOIN tag_merges m ON m.merged = et.tag_id;
DELETE FROM event_tags WHERE tag_id IN (SELECT merged FROM tag_merges);
DELETE FROM tags WHERE id IN (SELECT merged FROM tag_merges);
DROP TABLE tag_keys;
DROP TABLE tag_merges;

-- Kinds: each event takes the spelling of its kind that the earliest event has. Spellings are
-- compared byte for byte here (the column's NOCASE would make "statement" and "Statement" one).
CREATE TEMP TABLE kind_spellings AS
SELECT kind COLLATE BINARY AS spelling, timeline_match_key(kind) AS key, min(id) AS first
FROM events WHERE kind IS NOT NULL GROUP BY kind COLLATE BINARY;
CREATE TEMP TABLE kind_renames AS
SELECT s.spelling, (SELECT f.spelling FROM kind_spellings f WHERE f.key = s.key ORDER BY f.first LIMIT 1) AS kept
FROM kind_spellings s;
DELETE FROM kind_renames WHERE spelling = kept;
UPDATE events SET kind = coalesce((SELECT r.kept FROM kind_renames r WHERE r.spelling = events.kind), kind)
WHERE kind IN (SELECT spelling FROM kind_renames);
DROP TABLE kind_spellings;
DROP TABLE kind_renames;

-- The readable view gains `year`, the year an event starts in (NULL for an open start), for
-- facets in Datasette and `where year = 2021` at the sqlite3 prompt.
DROP VIEW timeline;
CREATE VIEW timeline AS
SELECT
    e.uid,
    e.date,
    e.start,
    e.end,
    CAST(substr(e.start, 1, 4) AS INTEGER) AS year,
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

-- One row per event and actor, in timeline order then the order the actors were given: the
-- long form that facets and GROUP BY want ("events per actor and year").
--   sqlite3 timeline.db "select actor, year, count(*) from timeline_actors group by actor, year"
DROP VIEW IF EXISTS timeline_actors;  -- as timeline above: running this file again (scripts/reliability does) redefines it
CREATE VIEW timeline_actors AS
SELECT
    e.uid,
    e.date,
    e.start,
    e.end,
    CAST(substr(e.start, 1, 4) AS INTEGER) AS year,
    e.title,
    e.kind,
    a.name AS actor,
    ea.role
FROM events e
JOIN event_actors ea ON ea.event_id = e.id
JOIN actors a ON a.id = ea.actor_id
ORDER BY e.start, e.precision DESC, e.id, ea.position;
