-- History: every change to every record, by any command or by SQL written by hand, with who made
-- it, when, why and on which source, enough to show it field by field, undo it, and rebuild the
-- timeline as it stood at any moment (`timeline log`, `undo`, `--as-of`; see docs/history.md).
--
-- `changes` holds one row per user action (a change set): an `add`, an `edit`, an `import`, a
-- statement typed in the sqlite3 shell or Datasette. `history` holds one row per row that action
-- inserted, updated or deleted, with the row's values before and after (for an update, the
-- columns that changed): enough to undo it, to replay it, and to check that replaying the history
-- gives today's rows.
--
-- Triggers on every table of records write `history`, so nothing bypasses it. A timeline command
-- opens its change set (open = 1) inside its transaction and closes it before committing; a
-- change that finds no open change set is SQL written by hand, recorded in a change set of its
-- own per statement (command 'sqlite3', author unknown). To sign hand edits, open one yourself:
--   INSERT INTO changes (at, author, command, reason, open)
--   VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'alice', 'sqlite3', 'typo in a title', 1);
--   UPDATE events SET title = '…' WHERE uid = '…';
--   UPDATE changes SET open = NULL WHERE open = 1;

-- Retraction without deletion: an event found wrong stays on the record, marked `retracted`, and
-- one contested is marked `disputed` (as Wikidata deprecates a wrong claim rather than deleting
-- it), with why and on which source. NULL: the event stands.
ALTER TABLE events ADD COLUMN status TEXT CHECK (status IS NULL OR status IN ('retracted', 'disputed'));
ALTER TABLE events ADD COLUMN status_reason TEXT  -- why: set with status, and only then
    CHECK ((status_reason IS NULL) = (status IS NULL) AND (status_reason IS NULL OR length(trim(status_reason)) > 0));
ALTER TABLE events ADD COLUMN status_source_id INTEGER REFERENCES sources (id)  -- the source that shows it, if any
    CHECK (status_source_id IS NULL OR status IS NOT NULL);

CREATE TABLE changes (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,                  -- when, UTC: '2026-12-02T13:45:10.123Z'
    author  TEXT,                           -- who: --author, $TIMELINE_AUTHOR or the system user; NULL when not known
    command TEXT NOT NULL,                  -- the command line; 'sqlite3' for SQL written by hand
    reason  TEXT,                           -- why: --reason
    source  TEXT,                           -- on which source (its id), where the command takes one
    undoes  INTEGER REFERENCES changes (id),  -- the change set this one undid (`timeline undo`)
    open    INTEGER CHECK (open IS NULL OR open = 1)  -- 1 while a command is writing it
) STRICT;

CREATE TABLE history (
    id           INTEGER PRIMARY KEY,       -- order: later changes have larger ids
    change_id    INTEGER NOT NULL REFERENCES changes (id),
    table_name   TEXT NOT NULL,             -- events, event_actors, actors, ...
    -- Which row: its id; for the rows that belong to another (an event's actors, tags, sources
    -- and quotes; a partnership's members, terms and sources; an actor's aliases and
    -- affiliations) the owner's id, and the part of the key that tells the row among the
    -- owner's (position, tag_id, alias, affiliation id) in row_key2. After an update that
    -- changed the key, the new key (the old one is in `old`).
    row_key      ANY NOT NULL,
    row_key2     ANY,
    -- Set for rows inserted in bulk (an import, the first change set of an upgraded file):
    -- every row whose row_key is from row_key to last_row_key, as the change set left them.
    last_row_key ANY,
    operation    TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    -- The row before and after the change, as JSON objects (NULLs kept as null): for an insert
    -- every column in `new`; for an update the columns that changed, in both; for a delete every
    -- column in `old`. Both NULL for a range.
    old          TEXT,
    new          TEXT
) STRICT;

CREATE INDEX history_by_change ON history (change_id);
CREATE INDEX history_by_row ON history (table_name, row_key, row_key2);

-- The triggers write through this view, so that finding (or starting) the change set is in one
-- place. 'now' is the same for every row one statement changes, so a statement typed by hand
-- is one change set.
CREATE VIEW history_recorder AS SELECT table_name, row_key, row_key2, operation, old, new FROM history;

CREATE TRIGGER history_recorder_insert INSTEAD OF INSERT ON history_recorder
BEGIN
    INSERT INTO changes (at, command) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'sqlite3'
    WHERE NOT EXISTS (SELECT 1 FROM changes WHERE id = (SELECT max(id) FROM changes) AND (open = 1
        OR (command = 'sqlite3' AND author IS NULL AND at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))));
    INSERT INTO history (change_id, table_name, row_key, row_key2, operation, old, new)
    VALUES ((SELECT max(id) FROM changes), NEW.table_name, NEW.row_key, NEW.row_key2, NEW.operation, NEW.old, NEW.new);
END;

-- What the file holds when history begins is its first change set: every row, inserted.
INSERT INTO changes (at, command, reason)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'timeline (history begins)', 'the records as they were when the file was upgraded'
WHERE EXISTS (SELECT 1 FROM actors) OR EXISTS (SELECT 1 FROM tags) OR EXISTS (SELECT 1 FROM sources)
   OR EXISTS (SELECT 1 FROM partnerships) OR EXISTS (SELECT 1 FROM events);

INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'actors', min(id), max(id), 'insert' FROM actors HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'actor_aliases', min(actor_id), max(actor_id), 'insert' FROM actor_aliases HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'affiliations', min(person_id), max(person_id), 'insert' FROM affiliations HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'tags', min(id), max(id), 'insert' FROM tags HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'sources', min(id), max(id), 'insert' FROM sources HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'partnerships', min(id), max(id), 'insert' FROM partnerships HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'partnership_members', min(partnership_id), max(partnership_id), 'insert' FROM partnership_members HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'partnership_terms', min(partnership_id), max(partnership_id), 'insert' FROM partnership_terms HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'partnership_sources', min(partnership_id), max(partnership_id), 'insert' FROM partnership_sources HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'events', min(id), max(id), 'insert' FROM events HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'event_actors', min(event_id), max(event_id), 'insert' FROM event_actors HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'event_tags', min(event_id), max(event_id), 'insert' FROM event_tags HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'event_sources', min(event_id), max(event_id), 'insert' FROM event_sources HAVING count(*) > 0;
INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
SELECT (SELECT max(id) FROM changes), 'quotes', min(event_id), max(event_id), 'insert' FROM quotes HAVING count(*) > 0;

-- The triggers, three per table of records (not the search index's tables). An update is
-- recorded only when a value changed (compared byte for byte: a change of letter case counts),
-- with the columns that changed.

-- actors: row_key is id.
CREATE TRIGGER actors_history_insert AFTER INSERT ON actors
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('actors', NEW.id, NULL, 'insert', json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'part_of', NEW.part_of));
END;
CREATE TRIGGER actors_history_update AFTER UPDATE OF id, name, kind, part_of ON actors
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'actors', NEW.id, NULL, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'part_of', OLD.part_of)) o
        JOIN json_each(json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'part_of', NEW.part_of)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER actors_history_delete AFTER DELETE ON actors
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('actors', OLD.id, NULL, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'part_of', OLD.part_of));
END;

-- actor_aliases: row_key is actor_id, row_key2 alias.
CREATE TRIGGER actor_aliases_history_insert AFTER INSERT ON actor_aliases
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('actor_aliases', NEW.actor_id, NEW.alias, 'insert', json_object('alias', NEW.alias, 'actor_id', NEW.actor_id));
END;
CREATE TRIGGER actor_aliases_history_update AFTER UPDATE OF alias, actor_id ON actor_aliases
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'actor_aliases', NEW.actor_id, NEW.alias, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('alias', OLD.alias, 'actor_id', OLD.actor_id)) o
        JOIN json_each(json_object('alias', NEW.alias, 'actor_id', NEW.actor_id)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER actor_aliases_history_delete AFTER DELETE ON actor_aliases
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('actor_aliases', OLD.actor_id, OLD.alias, 'delete', json_object('alias', OLD.alias, 'actor_id', OLD.actor_id));
END;

-- affiliations: row_key is person_id, row_key2 id.
CREATE TRIGGER affiliations_history_insert AFTER INSERT ON affiliations
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('affiliations', NEW.person_id, NEW.id, 'insert', json_object('id', NEW.id, 'person_id', NEW.person_id, 'organization_id', NEW.organization_id, 'role', NEW.role, 'date', NEW.date, 'start', NEW.start, 'end', NEW."end"));
END;
CREATE TRIGGER affiliations_history_update AFTER UPDATE OF id, person_id, organization_id, role, date, start, "end" ON affiliations
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'affiliations', NEW.person_id, NEW.id, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('id', OLD.id, 'person_id', OLD.person_id, 'organization_id', OLD.organization_id, 'role', OLD.role, 'date', OLD.date, 'start', OLD.start, 'end', OLD."end")) o
        JOIN json_each(json_object('id', NEW.id, 'person_id', NEW.person_id, 'organization_id', NEW.organization_id, 'role', NEW.role, 'date', NEW.date, 'start', NEW.start, 'end', NEW."end")) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER affiliations_history_delete AFTER DELETE ON affiliations
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('affiliations', OLD.person_id, OLD.id, 'delete', json_object('id', OLD.id, 'person_id', OLD.person_id, 'organization_id', OLD.organization_id, 'role', OLD.role, 'date', OLD.date, 'start', OLD.start, 'end', OLD."end"));
END;

-- tags: row_key is id.
CREATE TRIGGER tags_history_insert AFTER INSERT ON tags
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('tags', NEW.id, NULL, 'insert', json_object('id', NEW.id, 'name', NEW.name));
END;
CREATE TRIGGER tags_history_update AFTER UPDATE OF id, name ON tags
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'tags', NEW.id, NULL, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('id', OLD.id, 'name', OLD.name)) o
        JOIN json_each(json_object('id', NEW.id, 'name', NEW.name)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER tags_history_delete AFTER DELETE ON tags
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('tags', OLD.id, NULL, 'delete', json_object('id', OLD.id, 'name', OLD.name));
END;

-- sources: row_key is id.
CREATE TRIGGER sources_history_insert AFTER INSERT ON sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('sources', NEW.id, NULL, 'insert', json_object('id', NEW.id, 'uid', NEW.uid, 'title', NEW.title, 'url', NEW.url, 'publisher', NEW.publisher, 'author', NEW.author, 'published', NEW.published, 'accessed', NEW.accessed, 'archived_url', NEW.archived_url, 'language', NEW.language));
END;
CREATE TRIGGER sources_history_update AFTER UPDATE OF id, uid, title, url, publisher, author, published, accessed, archived_url, language ON sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'sources', NEW.id, NULL, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('id', OLD.id, 'uid', OLD.uid, 'title', OLD.title, 'url', OLD.url, 'publisher', OLD.publisher, 'author', OLD.author, 'published', OLD.published, 'accessed', OLD.accessed, 'archived_url', OLD.archived_url, 'language', OLD.language)) o
        JOIN json_each(json_object('id', NEW.id, 'uid', NEW.uid, 'title', NEW.title, 'url', NEW.url, 'publisher', NEW.publisher, 'author', NEW.author, 'published', NEW.published, 'accessed', NEW.accessed, 'archived_url', NEW.archived_url, 'language', NEW.language)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER sources_history_delete AFTER DELETE ON sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('sources', OLD.id, NULL, 'delete', json_object('id', OLD.id, 'uid', OLD.uid, 'title', OLD.title, 'url', OLD.url, 'publisher', OLD.publisher, 'author', OLD.author, 'published', OLD.published, 'accessed', OLD.accessed, 'archived_url', OLD.archived_url, 'language', OLD.language));
END;

-- partnerships: row_key is id.
CREATE TRIGGER partnerships_history_insert AFTER INSERT ON partnerships
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('partnerships', NEW.id, NULL, 'insert', json_object('id', NEW.id, 'uid', NEW.uid, 'name', NEW.name, 'summary', NEW.summary, 'term', NEW.term, 'date', NEW.date, 'start', NEW.start, 'end', NEW."end", 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
CREATE TRIGGER partnerships_history_update AFTER UPDATE OF id, uid, name, summary, term, date, start, "end", created_at, updated_at ON partnerships
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'partnerships', NEW.id, NULL, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('id', OLD.id, 'uid', OLD.uid, 'name', OLD.name, 'summary', OLD.summary, 'term', OLD.term, 'date', OLD.date, 'start', OLD.start, 'end', OLD."end", 'created_at', OLD.created_at, 'updated_at', OLD.updated_at)) o
        JOIN json_each(json_object('id', NEW.id, 'uid', NEW.uid, 'name', NEW.name, 'summary', NEW.summary, 'term', NEW.term, 'date', NEW.date, 'start', NEW.start, 'end', NEW."end", 'created_at', NEW.created_at, 'updated_at', NEW.updated_at)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER partnerships_history_delete AFTER DELETE ON partnerships
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('partnerships', OLD.id, NULL, 'delete', json_object('id', OLD.id, 'uid', OLD.uid, 'name', OLD.name, 'summary', OLD.summary, 'term', OLD.term, 'date', OLD.date, 'start', OLD.start, 'end', OLD."end", 'created_at', OLD.created_at, 'updated_at', OLD.updated_at));
END;

-- partnership_members: row_key is partnership_id, row_key2 position.
CREATE TRIGGER partnership_members_history_insert AFTER INSERT ON partnership_members
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('partnership_members', NEW.partnership_id, NEW.position, 'insert', json_object('partnership_id', NEW.partnership_id, 'position', NEW.position, 'actor_id', NEW.actor_id, 'role', NEW.role));
END;
CREATE TRIGGER partnership_members_history_update AFTER UPDATE OF partnership_id, position, actor_id, role ON partnership_members
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'partnership_members', NEW.partnership_id, NEW.position, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('partnership_id', OLD.partnership_id, 'position', OLD.position, 'actor_id', OLD.actor_id, 'role', OLD.role)) o
        JOIN json_each(json_object('partnership_id', NEW.partnership_id, 'position', NEW.position, 'actor_id', NEW.actor_id, 'role', NEW.role)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER partnership_members_history_delete AFTER DELETE ON partnership_members
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('partnership_members', OLD.partnership_id, OLD.position, 'delete', json_object('partnership_id', OLD.partnership_id, 'position', OLD.position, 'actor_id', OLD.actor_id, 'role', OLD.role));
END;

-- partnership_terms: row_key is partnership_id, row_key2 position.
CREATE TRIGGER partnership_terms_history_insert AFTER INSERT ON partnership_terms
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('partnership_terms', NEW.partnership_id, NEW.position, 'insert', json_object('partnership_id', NEW.partnership_id, 'position', NEW.position, 'clause', NEW.clause));
END;
CREATE TRIGGER partnership_terms_history_update AFTER UPDATE OF partnership_id, position, clause ON partnership_terms
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'partnership_terms', NEW.partnership_id, NEW.position, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('partnership_id', OLD.partnership_id, 'position', OLD.position, 'clause', OLD.clause)) o
        JOIN json_each(json_object('partnership_id', NEW.partnership_id, 'position', NEW.position, 'clause', NEW.clause)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER partnership_terms_history_delete AFTER DELETE ON partnership_terms
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('partnership_terms', OLD.partnership_id, OLD.position, 'delete', json_object('partnership_id', OLD.partnership_id, 'position', OLD.position, 'clause', OLD.clause));
END;

-- partnership_sources: row_key is partnership_id, row_key2 position.
CREATE TRIGGER partnership_sources_history_insert AFTER INSERT ON partnership_sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('partnership_sources', NEW.partnership_id, NEW.position, 'insert', json_object('partnership_id', NEW.partnership_id, 'position', NEW.position, 'source_id', NEW.source_id, 'locator', NEW.locator));
END;
CREATE TRIGGER partnership_sources_history_update AFTER UPDATE OF partnership_id, position, source_id, locator ON partnership_sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'partnership_sources', NEW.partnership_id, NEW.position, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('partnership_id', OLD.partnership_id, 'position', OLD.position, 'source_id', OLD.source_id, 'locator', OLD.locator)) o
        JOIN json_each(json_object('partnership_id', NEW.partnership_id, 'position', NEW.position, 'source_id', NEW.source_id, 'locator', NEW.locator)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER partnership_sources_history_delete AFTER DELETE ON partnership_sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('partnership_sources', OLD.partnership_id, OLD.position, 'delete', json_object('partnership_id', OLD.partnership_id, 'position', OLD.position, 'source_id', OLD.source_id, 'locator', OLD.locator));
END;

-- events: row_key is id.
CREATE TRIGGER events_history_insert AFTER INSERT ON events
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('events', NEW.id, NULL, 'insert', json_object('id', NEW.id, 'uid', NEW.uid, 'title', NEW.title, 'summary', NEW.summary, 'kind', NEW.kind, 'date', NEW.date, 'start', NEW.start, 'end', NEW."end", 'precision', NEW.precision, 'uncertain', NEW.uncertain, 'approximate', NEW.approximate, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'partnership_id', NEW.partnership_id, 'status', NEW.status, 'status_reason', NEW.status_reason, 'status_source_id', NEW.status_source_id));
END;
CREATE TRIGGER events_history_update AFTER UPDATE OF id, uid, title, summary, kind, date, start, "end", precision, uncertain, approximate, created_at, updated_at, partnership_id, status, status_reason, status_source_id ON events
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'events', NEW.id, NULL, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('id', OLD.id, 'uid', OLD.uid, 'title', OLD.title, 'summary', OLD.summary, 'kind', OLD.kind, 'date', OLD.date, 'start', OLD.start, 'end', OLD."end", 'precision', OLD.precision, 'uncertain', OLD.uncertain, 'approximate', OLD.approximate, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'partnership_id', OLD.partnership_id, 'status', OLD.status, 'status_reason', OLD.status_reason, 'status_source_id', OLD.status_source_id)) o
        JOIN json_each(json_object('id', NEW.id, 'uid', NEW.uid, 'title', NEW.title, 'summary', NEW.summary, 'kind', NEW.kind, 'date', NEW.date, 'start', NEW.start, 'end', NEW."end", 'precision', NEW.precision, 'uncertain', NEW.uncertain, 'approximate', NEW.approximate, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'partnership_id', NEW.partnership_id, 'status', NEW.status, 'status_reason', NEW.status_reason, 'status_source_id', NEW.status_source_id)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER events_history_delete AFTER DELETE ON events
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('events', OLD.id, NULL, 'delete', json_object('id', OLD.id, 'uid', OLD.uid, 'title', OLD.title, 'summary', OLD.summary, 'kind', OLD.kind, 'date', OLD.date, 'start', OLD.start, 'end', OLD."end", 'precision', OLD.precision, 'uncertain', OLD.uncertain, 'approximate', OLD.approximate, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'partnership_id', OLD.partnership_id, 'status', OLD.status, 'status_reason', OLD.status_reason, 'status_source_id', OLD.status_source_id));
END;

-- event_actors: row_key is event_id, row_key2 position.
CREATE TRIGGER event_actors_history_insert AFTER INSERT ON event_actors
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('event_actors', NEW.event_id, NEW.position, 'insert', json_object('event_id', NEW.event_id, 'position', NEW.position, 'actor_id', NEW.actor_id, 'role', NEW.role));
END;
CREATE TRIGGER event_actors_history_update AFTER UPDATE OF event_id, position, actor_id, role ON event_actors
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'event_actors', NEW.event_id, NEW.position, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('event_id', OLD.event_id, 'position', OLD.position, 'actor_id', OLD.actor_id, 'role', OLD.role)) o
        JOIN json_each(json_object('event_id', NEW.event_id, 'position', NEW.position, 'actor_id', NEW.actor_id, 'role', NEW.role)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER event_actors_history_delete AFTER DELETE ON event_actors
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('event_actors', OLD.event_id, OLD.position, 'delete', json_object('event_id', OLD.event_id, 'position', OLD.position, 'actor_id', OLD.actor_id, 'role', OLD.role));
END;

-- event_tags: row_key is event_id, row_key2 tag_id.
CREATE TRIGGER event_tags_history_insert AFTER INSERT ON event_tags
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('event_tags', NEW.event_id, NEW.tag_id, 'insert', json_object('event_id', NEW.event_id, 'tag_id', NEW.tag_id));
END;
CREATE TRIGGER event_tags_history_update AFTER UPDATE OF event_id, tag_id ON event_tags
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'event_tags', NEW.event_id, NEW.tag_id, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('event_id', OLD.event_id, 'tag_id', OLD.tag_id)) o
        JOIN json_each(json_object('event_id', NEW.event_id, 'tag_id', NEW.tag_id)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER event_tags_history_delete AFTER DELETE ON event_tags
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('event_tags', OLD.event_id, OLD.tag_id, 'delete', json_object('event_id', OLD.event_id, 'tag_id', OLD.tag_id));
END;

-- event_sources: row_key is event_id, row_key2 position.
CREATE TRIGGER event_sources_history_insert AFTER INSERT ON event_sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('event_sources', NEW.event_id, NEW.position, 'insert', json_object('event_id', NEW.event_id, 'position', NEW.position, 'source_id', NEW.source_id, 'locator', NEW.locator));
END;
CREATE TRIGGER event_sources_history_update AFTER UPDATE OF event_id, position, source_id, locator ON event_sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'event_sources', NEW.event_id, NEW.position, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('event_id', OLD.event_id, 'position', OLD.position, 'source_id', OLD.source_id, 'locator', OLD.locator)) o
        JOIN json_each(json_object('event_id', NEW.event_id, 'position', NEW.position, 'source_id', NEW.source_id, 'locator', NEW.locator)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER event_sources_history_delete AFTER DELETE ON event_sources
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('event_sources', OLD.event_id, OLD.position, 'delete', json_object('event_id', OLD.event_id, 'position', OLD.position, 'source_id', OLD.source_id, 'locator', OLD.locator));
END;

-- quotes: row_key is event_id, row_key2 position.
CREATE TRIGGER quotes_history_insert AFTER INSERT ON quotes
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, new)
    VALUES ('quotes', NEW.event_id, NEW.position, 'insert', json_object('id', NEW.id, 'event_id', NEW.event_id, 'position', NEW.position, 'speaker_id', NEW.speaker_id, 'text', NEW.text, 'language', NEW.language, 'translation', NEW.translation, 'translation_language', NEW.translation_language, 'source_id', NEW.source_id, 'locator', NEW.locator));
END;
CREATE TRIGGER quotes_history_update AFTER UPDATE OF id, event_id, position, speaker_id, text, language, translation, translation_language, source_id, locator ON quotes
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old, new)
    SELECT 'quotes', NEW.event_id, NEW.position, 'update', old, new FROM (
        SELECT json_group_object(o.key, o.value) AS old, json_group_object(n.key, n.value) AS new
        FROM json_each(json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'speaker_id', OLD.speaker_id, 'text', OLD.text, 'language', OLD.language, 'translation', OLD.translation, 'translation_language', OLD.translation_language, 'source_id', OLD.source_id, 'locator', OLD.locator)) o
        JOIN json_each(json_object('id', NEW.id, 'event_id', NEW.event_id, 'position', NEW.position, 'speaker_id', NEW.speaker_id, 'text', NEW.text, 'language', NEW.language, 'translation', NEW.translation, 'translation_language', NEW.translation_language, 'source_id', NEW.source_id, 'locator', NEW.locator)) n ON n.key = o.key WHERE o.value IS NOT n.value)
    WHERE old <> '{}';
END;
CREATE TRIGGER quotes_history_delete AFTER DELETE ON quotes
BEGIN
    INSERT INTO history_recorder (table_name, row_key, row_key2, operation, old)
    VALUES ('quotes', OLD.event_id, OLD.position, 'delete', json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'speaker_id', OLD.speaker_id, 'text', OLD.text, 'language', OLD.language, 'translation', OLD.translation, 'translation_language', OLD.translation_language, 'source_id', OLD.source_id, 'locator', OLD.locator));
END;

