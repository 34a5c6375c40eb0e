-- alliance schema 2: each client's summary (core/summary.h), derived from
-- the ratings and the settings and recomputed in the same transaction as
-- every write that changes them (src/db/status.c), so that the caseload,
-- the board and the UI's first frame read one row per client instead of
-- running detection over every course. It holds no note text; a purge
-- removes it with the client. Rows are filled for existing clients when
-- this migration runs.
CREATE TABLE client_status (
	client_id     INTEGER PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
	sessions      INTEGER NOT NULL CHECK (sessions >= 0),
	last_date     TEXT CHECK (date(last_date, '+0 days') IS last_date),
	state         INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),  -- enum al_state
	risk          INTEGER NOT NULL CHECK (risk BETWEEN 0 AND 4),   -- enum al_risk
	last_flag     TEXT CHECK (date(last_flag, '+0 days') IS last_flag),
	current       INTEGER NOT NULL CHECK (current >= 0),           -- current flags
	open          INTEGER NOT NULL CHECK (open >= 0),              -- red flags by repair status
	repaired      INTEGER NOT NULL CHECK (repaired >= 0),
	unrepaired    INTEGER NOT NULL CHECK (unrepaired >= 0),
	-- latest client rating of each core dimension: 3 bytes, tenths, 255 for none
	last          BLOB NOT NULL CHECK (length(last) = 3),
	-- the last (up to 12) sessions, 8 bytes each: the date (days since
	-- 1970, 4 bytes big-endian), the core mean and each core rating as above
	trend         BLOB NOT NULL CHECK (length(trend) % 8 = 0 AND length(trend) <= 96),
	flag          TEXT NOT NULL CHECK (length(flag) < 640)         -- its explanation
) STRICT;
