-- Full-text search over events, the way sqlite-utils sets it up so that Datasette offers its
-- search box on the file as it is: an external-content FTS5 table `events_fts` over `events`,
-- kept in step by the triggers events_ai, events_ad and events_au. The tokenizer folds case and
-- accents: "donnees" finds "données", "sante" finds "santé".
--
-- An external-content table reads every indexed column from its content table, and SQLite 3.40
-- has no contentless-delete tables, so the text an event gathers from other tables (its
-- actors' names and aliases, its tags, its quotes and their translations) lives in three
-- columns of `events`, kept up to date by triggers on those tables. They are derived: write
-- to the other tables, and the triggers do the rest, in the sqlite3 shell as in timeline.

ALTER TABLE events ADD COLUMN actors_text TEXT;   -- derived: names and aliases of the event's actors
ALTER TABLE events ADD COLUMN tags_text TEXT;     -- derived: the event's tags
ALTER TABLE events ADD COLUMN quotes_text TEXT;   -- derived: the event's quotes and their translations

-- The derived text of each event, computed from the related tables: the one place it is defined.
CREATE VIEW event_search_text AS
SELECT
    e.id AS event_id,
    (SELECT group_concat(a.name || coalesce(' ' || (SELECT group_concat(al.alias, ' ') FROM actor_aliases al
                                                     WHERE al.actor_id = a.id), ''), ' ')
     FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.id) AS actors_text,
    (SELECT group_concat(t.name, ' ') FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = e.id) AS tags_text,
    (SELECT group_concat(q.text || coalesce(' ' || q.translation, ''), ' ') FROM quotes q WHERE q.event_id = e.id) AS quotes_text
FROM events e;

UPDATE events SET
    actors_text = (SELECT s.actors_text FROM event_search_text s WHERE s.event_id = events.id),
    tags_text = (SELECT s.tags_text FROM event_search_text s WHERE s.event_id = events.id),
    quotes_text = (SELECT s.quotes_text FROM event_search_text s WHERE s.event_id = events.id);

CREATE VIRTUAL TABLE events_fts USING fts5(
    title, summary, actors_text, tags_text, quotes_text,
    content="events", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);

INSERT INTO events_fts (events_fts) VALUES ('rebuild');

CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, title, summary, actors_text, tags_text, quotes_text)
    VALUES (new.id, new.title, new.summary, new.actors_text, new.tags_text, new.quotes_text);
END;

CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, title, summary, actors_text, tags_text, quotes_text)
    VALUES ('delete', old.id, old.title, old.summary, old.actors_text, old.tags_text, old.quotes_text);
END;

CREATE TRIGGER events_au AFTER UPDATE OF title, summary, actors_text, tags_text, quotes_text ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, title, summary, actors_text, tags_text, quotes_text)
    VALUES ('delete', old.id, old.title, old.summary, old.actors_text, old.tags_text, old.quotes_text);
    INSERT INTO events_fts (rowid, title, summary, actors_text, tags_text, quotes_text)
    VALUES (new.id, new.title, new.summary, new.actors_text, new.tags_text, new.quotes_text);
END;

-- Keeping the derived columns in step with the tables they come from.

CREATE TRIGGER event_actors_search_ai AFTER INSERT ON event_actors BEGIN
    UPDATE events SET actors_text = (SELECT actors_text FROM event_search_text WHERE event_id = new.event_id) WHERE id = new.event_id;
END;
CREATE TRIGGER event_actors_search_ad AFTER DELETE ON event_actors BEGIN
    UPDATE events SET actors_text = (SELECT actors_text FROM event_search_text WHERE event_id = old.event_id) WHERE id = old.event_id;
END;
CREATE TRIGGER event_actors_search_au AFTER UPDATE ON event_actors BEGIN
    UPDATE events SET actors_text = (SELECT actors_text FROM event_search_text WHERE event_id = events.id)
    WHERE id IN (old.event_id, new.event_id);
END;
CREATE TRIGGER actors_search_au AFTER UPDATE OF name ON actors BEGIN
    UPDATE events SET actors_text = (SELECT actors_text FROM event_search_text WHERE event_id = events.id)
    WHERE id IN (SELECT event_id FROM event_actors WHERE actor_id = new.id);
END;
CREATE TRIGGER actor_aliases_search_ai AFTER INSERT ON actor_aliases BEGIN
    UPDATE events SET actors_text = (SELECT actors_text FROM event_search_text WHERE event_id = events.id)
    WHERE id IN (SELECT event_id FROM event_actors WHERE actor_id = new.actor_id);
END;
CREATE TRIGGER actor_aliases_search_ad AFTER DELETE ON actor_aliases BEGIN
    UPDATE events SET actors_text = (SELECT actors_text FROM event_search_text WHERE event_id = events.id)
    WHERE id IN (SELECT event_id FROM event_actors WHERE actor_id = old.actor_id);
END;
CREATE TRIGGER actor_aliases_search_au AFTER UPDATE ON actor_aliases BEGIN
    UPDATE events SET actors_text = (SELECT actors_text FROM event_search_text WHERE event_id = events.id)
    WHERE id IN (SELECT event_id FROM event_actors WHERE actor_id IN (old.actor_id, new.actor_id));
END;

CREATE TRIGGER event_tags_search_ai AFTER INSERT ON event_tags BEGIN
    UPDATE events SET tags_text = (SELECT tags_text FROM event_search_text WHERE event_id = new.event_id) WHERE id = new.event_id;
END;
CREATE TRIGGER event_tags_search_ad AFTER DELETE ON event_tags BEGIN
    UPDATE events SET tags_text = (SELECT tags_text FROM event_search_text WHERE event_id = old.event_id) WHERE id = old.event_id;
END;
CREATE TRIGGER tags_search_au AFTER UPDATE OF name ON tags BEGIN
    UPDATE events SET tags_text = (SELECT tags_text FROM event_search_text WHERE event_id = events.id)
    WHERE id IN (SELECT event_id FROM event_tags WHERE tag_id = new.id);
END;

CREATE TRIGGER quotes_search_ai AFTER INSERT ON quotes BEGIN
    UPDATE events SET quotes_text = (SELECT quotes_text FROM event_search_text WHERE event_id = new.event_id) WHERE id = new.event_id;
END;
CREATE TRIGGER quotes_search_ad AFTER DELETE ON quotes BEGIN
    UPDATE events SET quotes_text = (SELECT quotes_text FROM event_search_text WHERE event_id = old.event_id) WHERE id = old.event_id;
END;
CREATE TRIGGER quotes_search_au AFTER UPDATE OF event_id, text, translation ON quotes BEGIN
    UPDATE events SET quotes_text = (SELECT quotes_text FROM event_search_text WHERE event_id = events.id)
    WHERE id IN (old.event_id, new.event_id);
END;
