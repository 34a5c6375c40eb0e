-- alliance schema 8: the client's own voice and engagement (SPEC §1, §2):
-- attendance and the check-in answers per session, the client's comment
-- beside the note, how a client's course ended, the user's PIN hash and
-- the settings gap_days and ask_checkin. Existing data is kept: every
-- existing session was attended and has no check-in.

-- Attendance: only attended sessions take part in the session itself
-- (ratings, check-in, rupture marker); the others are the engagement record.
ALTER TABLE session ADD COLUMN attendance TEXT NOT NULL DEFAULT 'attended'
	CHECK (attendance IN ('attended', 'cancelled', 'late-cancel', 'no-show',
	                      'clinician-cancel')
	       AND (attendance = 'attended' OR rupture IS NULL));
-- The check-in (SPEC §1): each answer may be missing; talked is asked only
-- when there was some tension; none of them on a session not attended.
ALTER TABLE session ADD COLUMN tension INTEGER
	CHECK (tension IS NULL OR (tension BETWEEN 0 AND 4 AND attendance = 'attended'));
ALTER TABLE session ADD COLUMN talked INTEGER
	CHECK (talked IS NULL OR (talked BETWEEN 0 AND 4 AND coalesce(tension, 0) > 0));
ALTER TABLE session ADD COLUMN misunderstood INTEGER
	CHECK (misunderstood IS NULL OR (misunderstood IN (0, 1) AND attendance = 'attended'));
-- Ratings only on attended sessions, whichever way they are written (a
-- trigger on session inserts would make SQLite check every child table of
-- session on each insert, so there is none).
CREATE TRIGGER rating_attended BEFORE INSERT ON rating
WHEN (SELECT attendance FROM session WHERE id = NEW.session_id) <> 'attended'
BEGIN SELECT RAISE(ABORT, 'a session not attended has no ratings'); END;
CREATE TRIGGER session_unattended_unrated BEFORE UPDATE OF attendance ON session
WHEN NEW.attendance <> 'attended'
     AND EXISTS (SELECT 1 FROM rating WHERE session_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a session not attended has no ratings'); END;

-- The client's comment ("What should be different next time?") is kept
-- in the notes' table as a note of its own kind, so that everything that
-- keeps notes private (no export, no listing, no audit text, purge by
-- cascade, secure_delete) keeps it private too.
CREATE TABLE note_v3 (
	session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	kind          TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'client')),
	body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
	PRIMARY KEY (session_id, kind)
) STRICT, WITHOUT ROWID;
INSERT INTO note_v3 (session_id, kind, body) SELECT session_id, 'note', body FROM note;
DROP TABLE note;
ALTER TABLE note_v3 RENAME TO note;

-- How a client's course ended (client archive --reason --date). Set only
-- on archived clients; those archived before this schema ended 'other'
-- on a date nobody recorded.
ALTER TABLE client ADD COLUMN end_reason TEXT
	CHECK (end_reason IS NULL OR
	       (end_reason IN ('planned', 'dropout', 'referred', 'other') AND archived = 1));
ALTER TABLE client ADD COLUMN end_date TEXT
	CHECK (end_date IS NULL OR
	       (date(end_date, '+0 days') IS end_date AND end_reason IS NOT NULL));
UPDATE client SET end_reason = 'other' WHERE archived = 1;

-- The user's PIN, only ever as a yescrypt hash from libcrypt ("$y$...").
ALTER TABLE user ADD COLUMN pin_hash TEXT
	CHECK (pin_hash IS NULL OR (pin_hash GLOB '$y$*' AND length(pin_hash) BETWEEN 20 AND 256));

-- The settings table gains gap_days and ask_checkin: its CHECK names every
-- key, so the table is made again with the same rows.
CREATE TABLE setting_v3 (
	key           TEXT PRIMARY KEY,
	value         REAL NOT NULL,
	CHECK (CASE key
		WHEN 'cutoff'           THEN value BETWEEN 0 AND 10
		WHEN 'drop'             THEN value BETWEEN 0.1 AND 10
		WHEN 'dip_amber_sd'     THEN value BETWEEN 0.1 AND 10
		WHEN 'dip_red_sd'       THEN value BETWEEN 0.1 AND 10
		WHEN 'sd_floor'         THEN value BETWEEN 0.1 AND 10
		WHEN 'ewma_lambda'      THEN value > 0 AND value <= 1
		WHEN 'ewma_limit'       THEN value BETWEEN 0.1 AND 10
		WHEN 'repair_window'    THEN value BETWEEN 1 AND 20 AND value = CAST(value AS INTEGER)
		WHEN 'repair_tolerance' THEN value BETWEEN 0 AND 10
		WHEN 'discrepancy'      THEN value BETWEEN 0.1 AND 10
		WHEN 'idle_lock'        THEN value BETWEEN 0 AND 1440 AND value = CAST(value AS INTEGER)
		WHEN 'gap_days'         THEN value BETWEEN 1 AND 365 AND value = CAST(value AS INTEGER)
		WHEN 'ask_checkin'      THEN value IN (0, 1)
		ELSE 0 END)
) STRICT;
INSERT INTO setting_v3 (key, value) SELECT key, value FROM setting;
INSERT INTO setting_v3 (key, value) VALUES ('gap_days', 21), ('ask_checkin', 1);
DROP TABLE setting;
ALTER TABLE setting_v3 RENAME TO setting;

-- Summaries are computed again for every client after this migration,
-- with the new rules (the last attended date now counts attendance).
DELETE FROM client_status;
