-- The baseline of SPEC §6: the same ratings in a plain two-table schema,
-- built by the sqlite3 shell from the CSV that `alliance export` wrote
-- (read into the table `raw` just before). The CSV's session number orders
-- a client's sessions, so it serves as seq.
CREATE TABLE session (id INTEGER PRIMARY KEY, client, date, seq, UNIQUE (client, date, seq));
CREATE TABLE rating (session, rater, dimension, value, PRIMARY KEY (session, rater, dimension));
INSERT INTO session (client, date, seq)
	SELECT DISTINCT client, date, CAST(session AS INTEGER) FROM raw
	ORDER BY client, date, CAST(session AS INTEGER);
INSERT INTO rating (session, rater, dimension, value)
	SELECT s.id, r.rater, r.dimension, CAST(r.value AS REAL)
	FROM raw r JOIN session s
	  ON s.client = r.client AND s.date = r.date AND s.seq = CAST(r.session AS INTEGER)
	WHERE r.rater <> '';
DROP TABLE raw;
VACUUM;
