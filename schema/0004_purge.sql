-- alliance schema 4: a purge is finished only when the write-ahead log
-- holding the purged data has been checkpointed and truncated (SPEC §2).
-- The purge adds a row here in its own transaction; the program deletes it
-- once a TRUNCATE checkpoint has succeeded (client delete right after the
-- purge, or a later `alliance check`). A row left here means the log may
-- still hold purged text: another process was reading past the busy
-- timeout. `check` reports it. Keyed by the purged client's former id,
-- which the purge's audit row names too.
CREATE TABLE IF NOT EXISTS purge_pending (
	client_id     INTEGER PRIMARY KEY,
	time          TEXT NOT NULL CHECK (length(time) = 20)
) STRICT, WITHOUT ROWID;
