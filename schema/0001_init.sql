-- alliance schema 1: users, clients, sessions, ratings, notes, settings,
-- drafts, acknowledgements and the append-only audit trail.
-- Ratings are stored as integer tenths (0..100) so that they stay exact.

CREATE TABLE user (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE
	              CHECK (length(name) BETWEEN 1 AND 32
	                     AND name NOT GLOB '*[^A-Za-z0-9._-]*'
	                     AND substr(name, 1, 1) GLOB '[A-Za-z0-9]'),
	role          TEXT NOT NULL DEFAULT 'clinician'
	              CHECK (role IN ('clinician', 'supervisor')),
	supervisor_id INTEGER REFERENCES user(id),
	created       TEXT NOT NULL CHECK (length(created) = 20)
) STRICT;

CREATE TABLE client (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE
	              CHECK (length(code) BETWEEN 1 AND 32
	                     AND code NOT GLOB '*[^A-Za-z0-9._-]*'
	                     AND substr(code, 1, 1) GLOB '[A-Za-z0-9]'),
	clinician_id  INTEGER NOT NULL REFERENCES user(id),
	modality      TEXT CHECK (modality IN ('cbt', 'psychodynamic', 'humanistic',
	                                       'integrative', 'other')),
	goal          TEXT CHECK (length(goal) BETWEEN 1 AND 200),
	archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	created       TEXT NOT NULL CHECK (length(created) = 20)
) STRICT;
CREATE INDEX client_by_clinician ON client(clinician_id, code);

-- A session's number is its position among the client's sessions ordered
-- by (date, seq); seq orders sessions on one date in the order entered.
CREATE TABLE session (
	id            INTEGER PRIMARY KEY,
	client_id     INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
	date          TEXT NOT NULL
	              CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
	                     AND date(date, '+0 days') IS date),
	seq           INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 99),
	rupture       TEXT CHECK (rupture IN ('withdrawal', 'confrontation')),
	context       TEXT CHECK (length(context) BETWEEN 1 AND 200),
	UNIQUE (client_id, date, seq)
) STRICT;

CREATE TABLE dimension (
	id            INTEGER PRIMARY KEY,
	key           TEXT NOT NULL UNIQUE
	              CHECK (length(key) BETWEEN 1 AND 32
	                     AND key NOT GLOB '*[^a-z0-9_]*'
	                     AND substr(key, 1, 1) GLOB '[a-z]'),
	label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
	wording       TEXT NOT NULL DEFAULT '' CHECK (length(wording) <= 200),
	position      INTEGER NOT NULL UNIQUE CHECK (position BETWEEN 1 AND 16),
	core          INTEGER NOT NULL DEFAULT 0 CHECK (core IN (0, 1))
) STRICT;
INSERT INTO dimension (id, key, label, wording, position, core) VALUES
	(1, 'trust', 'Trust', 'I felt safe and able to be open.', 1, 1),
	(2, 'collaboration', 'Collaboration',
	 'We worked together on what matters to me, in a way that fits me.', 2, 1),
	(3, 'empathy', 'Empathy', 'I felt heard, understood and respected.', 3, 1);

CREATE TABLE rating (
	session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	rater         TEXT NOT NULL CHECK (rater IN ('client', 'clinician')),
	dimension_id  INTEGER NOT NULL REFERENCES dimension(id),
	tenths        INTEGER NOT NULL CHECK (tenths BETWEEN 0 AND 100),
	PRIMARY KEY (session_id, rater, dimension_id)
) STRICT, WITHOUT ROWID;

-- Psychotherapy notes live apart from ratings; no full-text index.
CREATE TABLE note (
	session_id    INTEGER PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
	body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000)
) STRICT;

-- Detection thresholds shared by every user of the database.
CREATE TABLE setting (
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
		ELSE 0 END)
) STRICT;
INSERT INTO setting (key, value) VALUES
	('cutoff', 8.0), ('drop', 2.0), ('dip_amber_sd', 1.5), ('dip_red_sd', 2.0),
	('sd_floor', 1.0), ('ewma_lambda', 0.2), ('ewma_limit', 3.0),
	('repair_window', 3), ('repair_tolerance', 0.5), ('discrepancy', 2.0),
	('idle_lock', 5);

-- A session entry being typed in the UI, so that a crash loses nothing.
CREATE TABLE draft (
	client_id     INTEGER PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
	session_id    INTEGER REFERENCES session(id) ON DELETE CASCADE,
	updated       TEXT NOT NULL,
	body          TEXT NOT NULL CHECK (length(body) <= 30000)
) STRICT;

-- A supervisor's acknowledgement of a flag, with a short comment.
CREATE TABLE ack (
	id            INTEGER PRIMARY KEY,
	session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	dimension_id  INTEGER REFERENCES dimension(id),
	rule          TEXT NOT NULL CHECK (rule IN ('low', 'drop', 'dip', 'decline',
	                                            'marker', 'discrepancy', 'missing')),
	user_id       INTEGER NOT NULL REFERENCES user(id),
	time          TEXT NOT NULL CHECK (length(time) = 20),
	comment       TEXT NOT NULL CHECK (length(comment) BETWEEN 1 AND 500)
) STRICT;
CREATE INDEX ack_by_session ON ack(session_id);

-- Every write, by internal id only: no client code and no text of any kind.
CREATE TABLE audit (
	id            INTEGER PRIMARY KEY,
	time          TEXT NOT NULL CHECK (length(time) = 20),
	os_user       TEXT NOT NULL,
	app_user      TEXT NOT NULL,
	action        TEXT NOT NULL CHECK (action IN ('add', 'change', 'delete', 'archive',
	                                              'purge', 'import', 'backup', 'set',
	                                              'acknowledge', 'init', 'demo')),
	entity        TEXT NOT NULL CHECK (entity IN ('database', 'user', 'client', 'session',
	                                              'rating', 'note', 'dimension',
	                                              'setting', 'ack')),
	entity_id     INTEGER,
	count         INTEGER CHECK (count >= 0)
) STRICT;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
