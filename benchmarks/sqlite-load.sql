-- The comparison path: what a user who reaches for the sqlite3 shell instead of timeline would
-- run to load the same timeline, from the flat CSV files benchmarks/generate.py writes, into a
-- database that `timeline init` created (the same schema). Run from the csv folder:
--     sqlite3 DB < sqlite-load.sql
-- Like timeline's bulk import it loads the rows with the search triggers off, fills the derived
-- search columns in one pass and builds the FTS index once, all in one transaction.
.bail on
.import --csv --schema temp events.csv raw_events
.import --csv --schema temp actors.csv raw_actors
.import --csv --schema temp event_actors.csv raw_event_actors
.import --csv --schema temp event_tags.csv raw_event_tags
.import --csv --schema temp sources.csv raw_sources
.import --csv --schema temp event_sources.csv raw_event_sources
.import --csv --schema temp quotes.csv raw_quotes
.import --csv --schema temp event_partnerships.csv raw_event_partnerships
PRAGMA cache_size = -262144;
BEGIN IMMEDIATE;
.read drop-triggers.sql
INSERT INTO actors (name, kind) SELECT name, kind FROM raw_actors;
INSERT INTO sources (uid, title, url, publisher, published, language) SELECT uid, title, url, publisher, published, language FROM raw_sources;
.read partnerships.sql
INSERT INTO events (uid, title, summary, kind, date, start, end, precision, uncertain, approximate)
SELECT uid, title, nullif(summary, ''), nullif(kind, ''), date, nullif(start, ''), nullif(end, ''), precision, uncertain, approximate
FROM raw_events;
CREATE INDEX temp.raw_event_actors_uid ON raw_event_actors (uid);
INSERT INTO event_actors (event_id, position, actor_id, role)
SELECT e.id, r.position, a.id, nullif(r.role, '') FROM raw_event_actors r JOIN events e ON e.uid = r.uid JOIN actors a ON a.name = r.actor;
INSERT OR IGNORE INTO tags (name) SELECT DISTINCT tag FROM raw_event_tags;
INSERT INTO event_tags (event_id, tag_id) SELECT e.id, t.id FROM raw_event_tags r JOIN events e ON e.uid = r.uid JOIN tags t ON t.name = r.tag;
INSERT INTO event_sources (event_id, position, source_id, locator)
SELECT e.id, r.position, s.id, nullif(r.locator, '') FROM raw_event_sources r JOIN events e ON e.uid = r.uid JOIN sources s ON s.uid = r.source;
INSERT INTO quotes (event_id, position, speaker_id, text, language, translation, translation_language)
SELECT e.id, r.position, a.id, r.text, r.language, nullif(r.translation, ''), nullif(r.translation_language, '')
FROM raw_quotes r JOIN events e ON e.uid = r.uid JOIN actors a ON a.name = r.speaker;
UPDATE events SET partnership_id = (SELECT p.id FROM raw_event_partnerships r JOIN partnerships p ON p.uid = r.partnership WHERE r.uid = events.uid)
WHERE uid IN (SELECT uid FROM raw_event_partnerships);
UPDATE events SET
    actors_text = (SELECT s.actors_text FROM event_search_text s WHERE s.event_id = events.id),
    tags_text = (SELECT s.tags_text FROM event_search_text s WHERE s.event_id = events.id),
    quotes_text = (SELECT s.quotes_text FROM event_search_text s WHERE s.event_id = events.id);
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
.read create-triggers.sql
COMMIT;
