-- alliance schema 3: internal ids are never reused (SPEC §2). Without
-- AUTOINCREMENT SQLite gives a new row the highest id + 1, so purging the
-- newest client handed its id (and its sessions' ids) to the next one
-- added, and a form or draft still holding the old id wrote onto it.
-- STRICT tables cannot be altered into AUTOINCREMENT: user, client,
-- session, dimension and ack are made again with the same columns,
-- checks, rows and indexes (the migration runs with foreign keys off, as
-- SQLite's table-rebuild procedure asks, and checks them before it
-- commits). Each table's sequence starts past the highest id it ever had,
-- as far as the rows and the audit trail tell (a purged client's id is in
-- its purge row). The audit trail itself keeps its ids: its rows can never
-- be deleted, so none is ever reused. Notes, drafts, ratings and summaries
-- are keyed by the session or client they belong to.
-- A new table with its own id must say AUTOINCREMENT too (tests/cli/ids.sh
-- checks every table).

CREATE TABLE user_v3 (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	name          TEXT NOT NULL UNIQUE
	              CHECK (length(name) BETWEEN 1 AND 32
	                     AND name NOT GLOB '*[^A-Za-z0-9._-]*'
	                     AND substr(name, 1, 1) GLOB '[A-Za-z0-9]'),
	role          TEXT NOT NULL DEFAULT 'clinician'
	              CHECK (role IN ('clinician', 'supervisor')),
	supervisor_id INTEGER REFERENCES user(id),
	created       TEXT NOT NULL CHECK (length(created) = 20)
) STRICT;
INSERT INTO user_v3 (id, name, role, supervisor_id, created)
	SELECT id, name, role, supervisor_id, created FROM user;
DROP TABLE user;
ALTER TABLE user_v3 RENAME TO user;

CREATE TABLE client_v3 (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO client_v3 (id, code, clinician_id, modality, goal, archived, created)
	SELECT id, code, clinician_id, modality, goal, archived, created FROM client;
DROP TABLE client;
ALTER TABLE client_v3 RENAME TO client;
CREATE INDEX client_by_clinician ON client(clinician_id, code);

CREATE TABLE session_v3 (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	client_id     INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
	date          TEXT NOT NULL
	              CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
	                     AND date(date, '+0 days') IS date),
	seq           INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 99),
	rupture       TEXT CHECK (rupture IN ('withdrawal', 'confrontation')),
	context       TEXT CHECK (length(context) BETWEEN 1 AND 200),
	UNIQUE (client_id, date, seq)
) STRICT;
INSERT INTO session_v3 (id, client_id, date, seq, rupture, context)
	SELECT id, client_id, date, seq, rupture, context FROM session;
DROP TABLE session;
ALTER TABLE session_v3 RENAME TO session;

CREATE TABLE dimension_v3 (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	key           TEXT NOT NULL UNIQUE
	              CHECK (length(key) BETWEEN 1 AND 32
	                     AND key NOT GLOB '*[^a-z0-9_]*'
	                     AND substr(key, 1, 1) GLOB '[a-z]'),
	label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
	wording       TEXT NOT NULL DEFAULT '' CHECK (length(wording) <= 200),
	position      INTEGER NOT NULL UNIQUE CHECK (position BETWEEN 1 AND 16),
	core          INTEGER NOT NULL DEFAULT 0 CHECK (core IN (0, 1))
) STRICT;
INSERT INTO dimension_v3 (id, key, label, wording, position, core)
	SELECT id, key, label, wording, position, core FROM dimension;
DROP TABLE dimension;
ALTER TABLE dimension_v3 RENAME TO dimension;

CREATE TABLE ack_v3 (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	dimension_id  INTEGER REFERENCES dimension(id),
	rule          TEXT NOT NULL CHECK (rule IN ('low', 'drop', 'dip', 'decline',
	                                            'marker', 'discrepancy', 'missing')),
	user_id       INTEGER NOT NULL REFERENCES user(id),
	time          TEXT NOT NULL CHECK (length(time) = 20),
	comment       TEXT NOT NULL CHECK (length(comment) BETWEEN 1 AND 500)
) STRICT;
INSERT INTO ack_v3 (id, session_id, dimension_id, rule, user_id, time, comment)
	SELECT id, session_id, dimension_id, rule, user_id, time, comment FROM ack;
DROP TABLE ack;
ALTER TABLE ack_v3 RENAME TO ack;
CREATE INDEX ack_by_session ON ack(session_id);

-- Sequences past every id the rows and the audit trail know (a note's
-- audit rows carry its session's id).
DELETE FROM sqlite_sequence WHERE name IN ('user', 'client', 'session', 'dimension', 'ack');
INSERT INTO sqlite_sequence (name, seq) VALUES
	('user', max(coalesce((SELECT max(id) FROM user), 0),
	             coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'user'), 0))),
	('client', max(coalesce((SELECT max(id) FROM client), 0),
	               coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'client'), 0))),
	('session', max(coalesce((SELECT max(id) FROM session), 0),
	                coalesce((SELECT max(entity_id) FROM audit
	                          WHERE entity IN ('session', 'note')), 0))),
	('dimension', max(coalesce((SELECT max(id) FROM dimension), 0),
	                  coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'dimension'), 0))),
	('ack', max(coalesce((SELECT max(id) FROM ack), 0),
	            coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'ack'), 0)));

-- A draft belongs to the clinician who typed it: it is offered back only
-- to them (a draft without one, to nobody), and only for the client it
-- was typed for.
CREATE TABLE draft_v3 (
	client_id     INTEGER PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
	session_id    INTEGER REFERENCES session(id) ON DELETE CASCADE,
	updated       TEXT NOT NULL,
	body          TEXT NOT NULL CHECK (length(body) <= 30000),
	user_id       INTEGER REFERENCES user(id)
) STRICT;
INSERT INTO draft_v3 (client_id, session_id, updated, body, user_id)
	SELECT client_id, session_id, updated, body,
	       (SELECT clinician_id FROM client WHERE client.id = draft.client_id) FROM draft;
DROP TABLE draft;
ALTER TABLE draft_v3 RENAME TO draft;
