-- The baseline scan of SPEC §6: every rating in client and date order.
SELECT s.client, s.date, s.seq, r.rater, r.dimension, r.value
FROM session s JOIN rating r ON r.session = s.id
ORDER BY s.client, s.date, s.seq;
