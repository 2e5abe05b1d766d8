-- Working as a team: copies of one timeline exchange their change sets (`timeline changes export`
-- and `timeline changes apply`, see docs/team.md). Each change set gets an identity that is the
-- same in every copy, so that a copy applies another's change set once, however many times and
-- by whichever way it arrives; and a conflict a person resolved stays on the record.
--
-- Rows need no migration: those a file already holds keep their ids, the same in every copy
-- made of it. New rows get ids no other copy picks: events, sources, partnerships, quotes and
-- affiliations from the time they are made and a random part; actors and tags from their name
-- (as names are matched), so that two copies that each name a new actor "WHO" make the same one.

-- The change set's identity in every copy. Those the file holds are named from their time and
-- number, so copies made of one file before this upgrade name them alike; new ones get a random
-- name (the trigger below, for SQL typed by hand too), or keep the one they came with.
ALTER TABLE changes ADD COLUMN uid TEXT;
UPDATE changes SET uid = at || '/' || id;
-- When a change set made in another copy arrived in this one (`at` is when it was made there):
-- `--as-of` shows this copy as it stood, so it counts from here. NULL for this copy's own.
ALTER TABLE changes ADD COLUMN applied_at TEXT;
CREATE UNIQUE INDEX changes_by_uid ON changes (uid);

CREATE TRIGGER changes_uid AFTER INSERT ON changes WHEN NEW.uid IS NULL
BEGIN
    UPDATE changes SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- The conflicts a person resolved when applying another copy's changes: which record and field,
-- what each side had, whose change it was, and which side was taken. `change_id` is the change
-- set of the person who chose (command `timeline changes apply …`).
CREATE TABLE change_conflicts (
    id           INTEGER PRIMARY KEY,
    change_id    INTEGER NOT NULL REFERENCES changes (id),
    conflict     TEXT NOT NULL,      -- the conflict's name: 'event/mayo-google-2019-09-10/title'
    what         TEXT NOT NULL,      -- 'changed on both sides', 'changed here, deleted there', ...
    ours         TEXT,               -- the value this copy had, as JSON (null: none)
    theirs       TEXT,               -- the value the other copy's change set gives, as JSON
    their_change TEXT NOT NULL,      -- that change set's uid
    taken        TEXT NOT NULL CHECK (taken IN ('ours', 'theirs'))
) STRICT;

CREATE INDEX change_conflicts_by_change ON change_conflicts (change_id);
