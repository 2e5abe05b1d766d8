-- An index on events.status_source_id, the only reference between records that no index served.
-- SQLite finds the rows that refer to a deleted or renumbered row through the referring column, so
-- without an index every delete or change of id of a row of `sources` read the whole events table
-- to find the events whose retraction or dispute it shows. `timeline check` undoes the whole history
-- on a copy: on 1,000,000 events and 500 sources, taking the sources away read the events table 500
-- times. Listing what cites a source, and deleting one, read it too. Partial: only retracted or
-- disputed events cite a source for their status, so the index holds those alone, and an import,
-- which marks none, adds nothing to it.
CREATE INDEX events_by_status_source ON events (status_source_id) WHERE status_source_id IS NOT NULL;
