-- alliance schema 9: the repair form's draft (SPEC §5). What is typed in
-- the repair form (r on an episode) is kept while typing, as the session
-- entry's is, so that a crash or a closed terminal loses nothing. The
-- draft table is the session entry's, one per client; this one is the
-- repair form's, one per client too, with the episode it was typed for
-- (named by its opening session, as repair records name it). It holds a
-- note: never logged, audited, listed or exported, overwritten on delete
-- (secure_delete) and gone with its client (cascade).
CREATE TABLE repair_draft (
	client_id     INTEGER PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
	-- NULL once that session is gone: the text is still offered back
	opened_id     INTEGER REFERENCES session(id) ON DELETE SET NULL,
	user_id       INTEGER NOT NULL REFERENCES user(id),
	updated       TEXT NOT NULL CHECK (length(updated) = 20),
	body          TEXT NOT NULL CHECK (length(body) <= 30000)
) STRICT;
-- Deleting sessions (a purge) finds their drafts without reading them all.
CREATE INDEX repair_draft_by_opened ON repair_draft(opened_id);
