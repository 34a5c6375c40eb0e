#!/bin/sh
# Internal ids are never reused (SPEC §2): after a purge the next client
# and its sessions get new ids; a database from before schema 3 is migrated
# with every row, foreign key and trigger kept, and its sequences start
# past every id its audit trail names (a purged client's included).
. "$(dirname "$0")/../lib.sh"

q() { sqlite3 "$1" "$2"; }
# words NAME WANT SQL...: the rows of the query, joined by spaces, are WANT.
words() {
	got=$(q "$DBQ" "$3" | tr '\n' ' ')
	if [ "$got" = "$2" ]; then ok "$1"; else not_ok "$1" "got: $got" "wanted: $2"; fi
}
nschema=$(ls schema/*.sql | wc -l)

# ---- a new database ----
setup init
setup client add K-1
setup session add K-1 --date 2024-01-01 --trust 9
setup client add K-2
setup session add K-2 --date 2024-01-01 --trust 8 --note "two"
setup session add K-2 --date 2024-01-02 --trust 8
old_client=$(q "$DB" "SELECT id FROM client WHERE code = 'K-2'")
old_sessions=$(q "$DB" "SELECT group_concat(id) FROM session WHERE client_id = $old_client")
setup client delete K-2 --purge
setup client add K-3
setup session add K-3 --date 2024-01-03 --trust 7
new_client=$(q "$DB" "SELECT id FROM client WHERE code = 'K-3'")
new_session=$(q "$DB" "SELECT id FROM session WHERE client_id = $new_client")
[ "$new_client" -gt "$old_client" ] && ok "a client added after a purge gets a new id" ||
	not_ok "a client added after a purge gets a new id" "purged $old_client, new $new_client"
case ",$old_sessions," in
*",$new_session,"*) not_ok "its session gets a new id" "purged $old_sessions, new $new_session" ;;
*) [ "$new_session" -gt 0 ] && ok "its session gets a new id" || not_ok "its session gets a new id" ;;
esac
setup client add K-2
again=$(q "$DB" "SELECT id FROM client WHERE code = 'K-2'")
[ "$again" -gt "$new_client" ] && ok "the same code added again is a new client" ||
	not_ok "the same code added again is a new client" "$old_client -> $again"

# Every table with an id of its own counts it with AUTOINCREMENT; tables
# keyed by another table's id (note, draft, client_status) and the audit
# trail (its rows are never deleted) are the exceptions.
q "$DB" "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
	WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'audit'
	AND c.pk = 1 AND upper(c.type) = 'INTEGER'
	AND (SELECT count(*) FROM pragma_table_info(m.name) WHERE pk > 0) = 1
	AND NOT EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE f.\"from\" = c.name)
	AND m.sql NOT LIKE '%AUTOINCREMENT%' AND m.sql NOT LIKE '%WITHOUT ROWID%'" > "$T/plain"
if [ -s "$T/plain" ]; then not_ok "every own id is AUTOINCREMENT" "$(tr '\n' ' ' < "$T/plain")"
else ok "every own id is AUTOINCREMENT"; fi
DBQ=$DB words "sequences for ack, client, dimension, session, user" \
	"ack client dimension session user " "SELECT name FROM sqlite_sequence ORDER BY name"

# ---- a schema 2 database, as the previous version left it ----
OLD="$T/old.db"
{
	cat schema/0001_init.sql schema/0002_status.sql
	cat <<'EOF'
PRAGMA application_id = 1095519321;
PRAGMA user_version = 2;
INSERT INTO user VALUES (1, 'alice', 'clinician', NULL, '2024-01-01T00:00:00Z'),
	(2, 'sam', 'supervisor', NULL, '2024-01-01T00:00:00Z');
UPDATE user SET supervisor_id = 2 WHERE id = 1;
INSERT INTO client VALUES (1, 'K-1', 1, 'cbt', 'a goal', 0, '2024-01-01T00:00:00Z'),
	(2, 'K-2', 1, NULL, NULL, 1, '2024-01-01T00:00:00Z');
INSERT INTO session VALUES (1, 1, '2024-01-01', 1, NULL, 'moved'),
	(2, 1, '2024-01-08', 1, 'withdrawal', NULL), (3, 2, '2024-01-01', 1, NULL, NULL);
INSERT INTO rating VALUES (1, 'client', 1, 90), (1, 'client', 2, 85), (2, 'client', 1, 50),
	(2, 'clinician', 1, 80), (3, 'client', 3, 70);
INSERT INTO note VALUES (1, 'first note'), (2, 'second note');
INSERT INTO draft (client_id, session_id, updated, body)
	VALUES (1, NULL, '2024-01-09T00:00:00Z', 'trust=7');
INSERT INTO ack VALUES (1, 2, 1, 'drop', 2, '2024-01-09T00:00:00Z', 'talk about it');
INSERT INTO audit (time, os_user, app_user, action, entity, entity_id, count) VALUES
	('2024-01-01T00:00:00Z', 'x', 'alice', 'init', 'database', NULL, 2),
	('2024-01-02T00:00:00Z', 'x', 'alice', 'add', 'client', 3, NULL),
	('2024-01-02T00:00:00Z', 'x', 'alice', 'add', 'session', 7, 3),
	('2024-01-03T00:00:00Z', 'x', 'alice', 'purge', 'client', 3, 1),
	('2024-01-04T00:00:00Z', 'x', 'alice', 'add', 'user', 5, NULL),
	('2024-01-04T00:00:00Z', 'x', 'alice', 'acknowledge', 'ack', 4, NULL);
EOF
} | sqlite3 "$OLD"
chmod 600 "$OLD"
# The rows as schema 2 had them (later schemas may add columns and rows).
dump() {
	for t in "user: id, name, role, supervisor_id, created" \
		"client: id, code, clinician_id, modality, goal, archived, created" \
		"session: id, client_id, date, seq, rupture, context" \
		"rating: session_id, rater, dimension_id, tenths" "note: session_id, body" \
		"dimension: id, key, label, wording, position, core" \
		"draft: client_id, session_id, updated, body"; do
		echo "== $t"
		q "$1" "SELECT ${t#*:} FROM ${t%%:*} ORDER BY 1, 2"
	done
	# an acknowledgement of a flag an episode holds moves to the episode (schema 5)
	echo "== acknowledgements"
	acks="SELECT session_id, user_id, time, comment FROM ack"
	[ "$(q "$1" "SELECT count(*) FROM sqlite_schema WHERE name = 'episode_ack'")" = 1 ] &&
		acks="$acks UNION ALL SELECT session_id, user_id, time, comment FROM episode_ack"
	q "$1" "$acks ORDER BY 1, 2"
	echo "== audit"
	q "$1" "SELECT * FROM audit WHERE NOT (action = 'change' AND entity = 'database') ORDER BY id"
}
dump "$OLD" > "$T/before"
al --db "$OLD" --user alice client list --format csv --archived
check "the first command migrates it" 0 "code,clinician,modality,goal,sessions,last_date,archived,ending,end_date
K-1,alice,cbt,a goal,2,2024-01-08,no,,
K-2,alice,,,1,2024-01-01,yes,other,"
[ "$(q "$OLD" 'PRAGMA user_version')" = "$nschema" ] && ok "now at schema $nschema" ||
	not_ok "now at schema $nschema" "$(q "$OLD" 'PRAGMA user_version')"
dump "$OLD" > "$T/after"
same_file "every row is kept" "$T/before" "$T/after"
ids_version=$(ls schema/*_ids.sql | sed 's|^schema/0*||; s|_.*||')
[ "$(q "$OLD" "SELECT count(*) FROM audit WHERE action = 'change' AND count = $ids_version")" = 1 ] &&
	ok "the migration is audited" || not_ok "the migration is audited"
DBQ=$OLD words "indexes and triggers are kept" \
	"ack_by_session audit_append_only_delete audit_append_only_update client_by_clinician " \
	"SELECT name FROM sqlite_schema WHERE name IN ('ack_by_session', 'client_by_clinician',
		'audit_append_only_delete', 'audit_append_only_update') ORDER BY name"
DBQ=$OLD words "sequences start past every id the rows and the audit trail know" \
	"ack|4 client|3 dimension|3 episode_ack|1 session|7 user|5 " "SELECT name, seq FROM sqlite_sequence ORDER BY name"
[ "$(q "$OLD" "SELECT user_id FROM draft")" = 1 ] && ok "the draft is its clinician's" ||
	not_ok "the draft is its clinician's"
al --db "$OLD" check
check "check after the migration" 0 "ok"
al --db "$OLD" --user alice client add K-9
al --db "$OLD" --user alice session add K-9 --date 2024-02-01 --trust 6
q "$OLD" "SELECT c.id, s.id FROM client c JOIN session s ON s.client_id = c.id
	WHERE c.code = 'K-9'" > "$T/got"
echo "4|8" > "$T/want"
same_file "new ids come after the purged client's and session's" "$T/want" "$T/got"
al --db "$OLD" --user alice client delete K-1 --purge
DBQ=$OLD words "foreign keys cascade again after the migration" "0 0 0 " "SELECT count(*) FROM session WHERE client_id = 1
	UNION ALL SELECT count(*) FROM note WHERE session_id IN (1, 2)
	UNION ALL SELECT count(*) FROM ack"
if q "$OLD" "DELETE FROM audit" 2> "$T/err"; then not_ok "the audit trail stays append-only"
else check_grep "the audit trail stays append-only" "append-only" "$T/err"; fi
