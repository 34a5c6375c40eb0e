-- alliance schema 10: the board's "To discuss" finds the repair records
-- naming a strategy (supervision) along an index of their own, not by a
-- scan of every record (the board's first frame at 100,000 clients).
CREATE INDEX repair_strategy_by_strategy ON repair_strategy(strategy, repair_id);
