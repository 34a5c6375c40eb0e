-- alliance schema 5: episodes (SPEC §4b). An episode is computed from the
-- ratings and flags, never stored; it is named by the session where it
-- opened. Supervisors acknowledge episodes: episode_ack keeps their
-- comments on that session. Acknowledgements of flags that an episode
-- holds move to it: ack_move lists the acknowledgements there were when
-- this migration ran, and the program moves those an episode holds (it
-- alone can tell which) and drops the list in the same transaction.
-- Acknowledgements of flags that no episode holds (a low, a discrepancy)
-- stay in ack, shown under their flag.
CREATE TABLE episode_ack (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	user_id       INTEGER NOT NULL REFERENCES user(id),
	time          TEXT NOT NULL CHECK (length(time) = 20),
	comment       TEXT NOT NULL CHECK (length(comment) BETWEEN 1 AND 500)
) STRICT;
CREATE INDEX episode_ack_by_session ON episode_ack(session_id);

CREATE TABLE ack_move (ack_id INTEGER PRIMARY KEY) STRICT;
INSERT INTO ack_move (ack_id) SELECT id FROM ack;

-- Each client's summary now speaks in episodes: the status and risk key
-- come from them, the why line is the story of the episode behind the
-- status (why: told to the clinician; why_named: naming the clinician, for
-- a supervisor), red_open and red_unrepaired say what the client's current
-- red episode is, and closed holds the latest closed episodes (5 bytes
-- each: the closing session's date, days since 1970, 4 bytes big-endian;
-- then 1 for repaired, 2 for unrepaired) for the board's repair rate.
-- last_attended is the date the gap rule reads (issue 14). Derived data:
-- the rows are computed again for every client when this migration runs.
DROP TABLE client_status;
CREATE TABLE client_status (
	client_id      INTEGER PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
	sessions       INTEGER NOT NULL CHECK (sessions >= 0),
	last_date      TEXT CHECK (date(last_date, '+0 days') IS last_date),
	last_attended  TEXT CHECK (date(last_attended, '+0 days') IS last_attended),
	state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),  -- enum al_state
	risk           INTEGER NOT NULL CHECK (risk BETWEEN 0 AND 4),   -- enum al_risk
	key_date       TEXT CHECK (date(key_date, '+0 days') IS key_date),
	current        INTEGER NOT NULL CHECK (current >= 0),           -- current episodes
	episodes       INTEGER NOT NULL CHECK (episodes >= 0),          -- episodes in all
	red_open       INTEGER NOT NULL CHECK (red_open IN (0, 1)),
	red_unrepaired INTEGER NOT NULL CHECK (red_unrepaired IN (0, 1)),
	closed         BLOB NOT NULL CHECK (length(closed) % 5 = 0 AND length(closed) <= 160),
	-- latest client rating of each core dimension: 3 bytes, tenths, 255 for none
	last           BLOB NOT NULL CHECK (length(last) = 3),
	-- the last (up to 12) sessions, 8 bytes each: the date (days since
	-- 1970, 4 bytes big-endian), the core mean and each core rating as above
	trend          BLOB NOT NULL CHECK (length(trend) % 8 = 0 AND length(trend) <= 96),
	why            TEXT NOT NULL CHECK (length(why) < 640),
	why_named      TEXT NOT NULL CHECK (length(why_named) < 640)
) STRICT;
