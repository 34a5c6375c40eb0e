-- alliance schema 6: repair records (SPEC §1): what the clinician did about
-- an episode. Episodes are not stored (they are built from the course on
-- every read, SPEC §4b); a record names its episode by the client and the
-- session where the episode opened, which stays the same as later sessions
-- come in, since an episode is built only from the sessions up to its
-- opening. Several records per episode: what was tried, then what next.
-- The domain and strategy words are those of core/repair_record.c (a
-- storage test checks that the two lists agree).
CREATE TABLE repair (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	client_id     INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
	opened_id     INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	domain        TEXT NOT NULL CHECK (domain IN ('bond', 'goals', 'tasks', 'motivation',
	                                              'life-event', 'culture', 'other')),
	user_id       INTEGER NOT NULL REFERENCES user(id),
	time          TEXT NOT NULL CHECK (length(time) = 20)
) STRICT;
CREATE INDEX repair_by_client ON repair(client_id, opened_id);
CREATE INDEX repair_by_session ON repair(session_id);
CREATE INDEX repair_by_opened ON repair(opened_id);
-- Both sessions are the client's own.
CREATE TRIGGER repair_own_sessions BEFORE INSERT ON repair
WHEN (SELECT client_id FROM session WHERE id = NEW.opened_id) IS NOT NEW.client_id
  OR (SELECT client_id FROM session WHERE id = NEW.session_id) IS NOT NEW.client_id
BEGIN SELECT RAISE(ABORT, 'a repair record names sessions of its own client'); END;

-- One or more strategies per record.
CREATE TABLE repair_strategy (
	repair_id     INTEGER NOT NULL REFERENCES repair(id) ON DELETE CASCADE,
	strategy      TEXT NOT NULL CHECK (strategy IN ('metacommunicate', 'clarify', 'rationale',
	                                                'change-task', 'change-goal', 'validate',
	                                                'own-part', 'invite-negative',
	                                                'supervision')),
	PRIMARY KEY (repair_id, strategy)
) STRICT, WITHOUT ROWID;

-- The record's optional text is a psychotherapy note in every sense (SPEC
-- §1 note): kept apart like the session notes, never listed, exported,
-- logged or written into the audit trail, no full-text index, overwritten
-- on delete (secure_delete) and gone with its client (cascade).
CREATE TABLE repair_note (
	repair_id     INTEGER PRIMARY KEY REFERENCES repair(id) ON DELETE CASCADE,
	body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000)
) STRICT;

-- The audit trail names repair records too ('add', 'repair', id, count =
-- the record's strategies). Its entity CHECK lists every entity, so the
-- table is made again with the same rows and ids (DROP TABLE fires no
-- trigger) and its append-only triggers after it.
CREATE TABLE audit_v4 (
	id            INTEGER PRIMARY KEY,
	time          TEXT NOT NULL CHECK (length(time) = 20),
	os_user       TEXT NOT NULL,
	app_user      TEXT NOT NULL,
	action        TEXT NOT NULL CHECK (action IN ('add', 'change', 'delete', 'archive',
	                                              'purge', 'import', 'backup', 'set',
	                                              'acknowledge', 'init', 'demo')),
	entity        TEXT NOT NULL CHECK (entity IN ('database', 'user', 'client', 'session',
	                                              'rating', 'note', 'dimension',
	                                              'setting', 'ack', 'repair')),
	entity_id     INTEGER,
	count         INTEGER CHECK (count >= 0)
) STRICT;
INSERT INTO audit_v4 (id, time, os_user, app_user, action, entity, entity_id, count)
	SELECT id, time, os_user, app_user, action, entity, entity_id, count FROM audit;
DROP TABLE audit;
ALTER TABLE audit_v4 RENAME TO audit;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
