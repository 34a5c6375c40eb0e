-- alliance schema 7: the risk order from an index, so that a screen reads
-- the clients it shows and no more however large the practice grows
-- (issue 13). Each client's summary carries the client's code, clinician
-- and archived flag (copied from client when the summary is written, and
-- kept equal by the trigger below), so that one index over client_status
-- gives the risk order (risk, then key_date newest first, then code:
-- core/standing.c standing_compare) of every clinician's or supervisee's
-- clients, and another holds what the board's per-clinician lines add up.
ALTER TABLE client_status ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE client_status ADD COLUMN clinician_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE client_status ADD COLUMN archived INTEGER NOT NULL DEFAULT 0
	CHECK (archived IN (0, 1));
UPDATE client_status SET (code, clinician_id, archived) =
	(SELECT code, clinician_id, archived FROM client WHERE id = client_id);
-- A supervisor's clients: the risk order, the clinician at hand for the
-- join to their supervisor without reading the row.
CREATE INDEX client_status_risk ON client_status(archived, risk, key_date DESC, code,
                                                 clinician_id);
-- A clinician's clients, in the same order.
CREATE INDEX client_status_mine ON client_status(clinician_id, archived, risk, key_date DESC,
                                                 code);
-- What the board's per-clinician lines read (db/board.c), without the rows.
CREATE INDEX client_status_tally ON client_status(clinician_id, archived, red_open,
                                                  red_unrepaired, trend, closed);
DROP TRIGGER IF EXISTS client_status_follows; -- a database made to look older (tests)
CREATE TRIGGER client_status_follows AFTER UPDATE OF code, clinician_id, archived ON client
BEGIN
	UPDATE client_status SET code = NEW.code, clinician_id = NEW.clinician_id,
	       archived = NEW.archived
	 WHERE client_id = NEW.id;
END;
