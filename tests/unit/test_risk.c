/* The risk order a page at a time (db/risk.c) is the full order's slice:
 * for a clinician, a supervisor and everyone, with and without the text
 * and status filters, page by page and client by client (its position),
 * the rows equal db_caseload_load's (the caseload command's) in order;
 * so too as of a day when the gap rule makes some clients WATCH. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alliance/db/caseload.h"
#include "alliance/db/risk.h"
#include "alliance/db/session.h"
#include "practice_fixture.h"

#define MONDAY 20458 /* 5 January 2026 */
#define CLIENTS 48
#define PAGE 7
/* Monday of week 9, a day after the latest session: with gap_days 21,
 * the clients last seen in week 6 or before are not seen for too long. */
#define TODAY (MONDAY + 7 * 9 + 1)

static void rate(struct fx *fx, int64_t client, int week, int t)
{
	struct db_session_in in;
	int64_t id;
	db_session_in_init(&in, client, MONDAY + 7 * week);
	in.rating[AL_RATER_CLIENT][0] = (al_tenths)t;
	in.rating[AL_RATER_CLIENT][1] = 88;
	in.rating[AL_RATER_CLIENT][2] = 92;
	enum al_status st = db_session_save(fx->db, &fx->dims, &in, &id, &fx->err);
	if (st)
		fprintf(stderr, "%s\n", fx->err.msg);
	assert_int_equal(st, AL_OK);
}

/* Clients of alice and bob with every status: calm courses of different
 * lengths, drops at different weeks (ties on the date among them, told
 * apart by code), some back up after the drop; codes in no id order. */
static int setup(void **state)
{
	struct fx *fx = fx_begin("alliance-risk");
	fx_commit(fx);
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	for (int i = 0; i < CLIENTS; i++) {
		char code[16];
		snprintf(code, sizeof code, "%c-%02d", i % 2 ? 'P' : 'q', (i * 29) % CLIENTS);
		int64_t id = fx_add_client(fx, code, i % 3 ? fx->alice : fx->bob);
		int calm = 4 + i % 4;
		for (int w = 0; w < calm; w++)
			rate(fx, id, w, 90);
		if (i % 3 == 0)
			rate(fx, id, calm, 55);
		if (i % 6 == 0)
			rate(fx, id, calm + 1, 90);
		if (i % 5 == 0)
			rate(fx, id, calm + 2, 62);
	}
	/* Last attended in week 5, then a session the clinician cancelled:
	 * the gap counts from the last attended session, not the last one. */
	int64_t id = fx_add_client(fx, "C-1", fx->alice);
	for (int w = 0; w < 6; w++)
		rate(fx, id, w, 90);
	struct db_session_in in;
	int64_t sid;
	db_session_in_init(&in, id, MONDAY + 7 * 9);
	in.set_attendance = true;
	in.attendance = AL_CLINICIAN_CANCEL;
	assert_int_equal(db_session_save(fx->db, &fx->dims, &in, &sid, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	*state = fx;
	return 0;
}

static bool passes(const struct db_status_row *r, const struct db_risk_filter *q)
{
	return (!q->clinician_id || r->client.clinician_id == q->clinician_id) &&
	       (q->state < 0 || (int)r->summary.standing.state == q->state) &&
	       (strcasestr(r->client.code, q->text) ||
	        (q->text_clinician && strcasestr(r->client.clinician, q->text)));
}

static void assert_same_row(const struct db_status_row *a, const struct db_status_row *b)
{
	assert_int_equal(a->client.id, b->client.id);
	assert_string_equal(a->client.code, b->client.code);
	assert_string_equal(a->client.clinician, b->client.clinician);
	assert_int_equal(a->summary.standing.state, b->summary.standing.state);
	assert_int_equal(a->summary.standing.key_date, b->summary.standing.key_date);
	assert_int_equal(a->summary.sessions, b->summary.sessions);
	assert_int_equal(a->summary.ntrend, b->summary.ntrend);
	assert_string_equal(a->summary.flag, b->summary.flag);
}

/* q's order page by page, and each client's position, against the full
 * order filtered as the screens did before; returns how many passed. */
static size_t check(struct fx *fx, const struct db_risk_filter *q)
{
	struct db_caseload full = {0};
	struct db_status_row page[PAGE];
	size_t n, got, want = 0;
	int longest;
	assert_int_equal(db_begin_read(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_caseload_load(fx->db, &q->who, &full, &fx->err), AL_OK);
	assert_int_equal(db_risk_count(fx->db, q, &n, &longest, &fx->err), AL_OK);
	for (size_t i = 0; i < full.n; i++) {
		size_t pos;
		const struct db_status_row *r = &full.rows[i];
		assert_int_equal(db_risk_position(fx->db, q, r->client.id, &pos, &fx->err), AL_OK);
		if (!passes(r, q)) {
			assert_int_equal(pos, SIZE_MAX);
			continue;
		}
		assert_int_equal(pos, want);
		if (want % PAGE == 0)
			assert_int_equal(db_risk_page(fx->db, q, want, page, PAGE, &got, &fx->err),
			                 AL_OK);
		assert_true(want % PAGE < got);
		assert_same_row(&page[want % PAGE], r);
		want++;
	}
	assert_int_equal(db_risk_page(fx->db, q, want, page, PAGE, &got, &fx->err), AL_OK);
	assert_int_equal(got, 0);
	assert_int_equal(n, want);
	db_end_read(fx->db);
	db_caseload_free(&full);
	return want;
}

static void test_same_order(void **state)
{
	struct fx *fx = *state;
	struct db_risk_filter mine = {.who = {.clinician_id = fx->alice}, .state = -1};
	struct db_risk_filter supervised = {.who = {.supervisor_id = fx->sam, .named = true},
	                                    .state = -1};
	struct db_risk_filter everyone = {.state = -1};
	assert_int_equal(check(fx, &mine), 3 + 32);
	assert_int_equal(check(fx, &supervised), 1 + 16);
	assert_int_equal(check(fx, &everyone), 4 + CLIENTS);
}

static void test_filters(void **state)
{
	struct fx *fx = *state;
	struct db_risk_filter q = {.who = {.supervisor_id = fx->sam, .named = true}, .state = -1};
	size_t all = check(fx, &q), sum = 0;
	for (q.state = 0; q.state <= AL_STATE_RUPTURE; q.state++)
		sum += check(fx, &q);
	assert_int_equal(sum, all);
	q.state = -1;
	snprintf(q.text, sizeof q.text, "p-"); /* P-.. in any case */
	assert_int_equal(check(fx, &q), 8);
	q.text_clinician = true;
	snprintf(q.text, sizeof q.text, "BO"); /* every client of bob */
	assert_int_equal(check(fx, &q), all);
	q.clinician_id = fx->bob;
	q.text[0] = '\0';
	assert_int_equal(check(fx, &q), all);
}

/* As of TODAY: clients whose summary says ok or repaired and who were
 * last seen before week 7 are WATCH by their last attended date, among
 * the stored WATCH clients (some on the same dates), in the counts, the
 * status filter, the positions and the rows with the why line. */
static void test_gap_order(void **state)
{
	struct fx *fx = *state;
	struct db_risk_filter mine = {.who = {.clinician_id = fx->alice, .today = TODAY},
	                              .state = -1};
	struct db_risk_filter supervised = {
	    .who = {.supervisor_id = fx->sam, .named = true, .today = TODAY}, .state = -1};
	struct db_risk_filter everyone = {.who = {.today = TODAY}, .state = -1};
	struct db_caseload full = {0};
	size_t gap = 0, watch = 0, n;
	int longest;
	assert_int_equal(db_begin_read(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_caseload_load(fx->db, &everyone.who, &full, &fx->err), AL_OK);
	for (size_t i = 0; i < full.n; i++) {
		const struct al_summary *s = &full.rows[i].summary;
		if (s->standing.state != AL_STATE_WATCH)
			continue;
		watch++;
		if (strncmp(s->flag, "Not seen since ", 15) == 0) {
			assert_true(s->gap);
			assert_int_equal(s->standing.key_date, s->last_attended);
			gap++;
		}
	}
	db_caseload_free(&full);
	db_end_read(fx->db);
	assert_int_equal(gap, 27);
	assert_int_equal(watch, 33);
	assert_int_equal(check(fx, &mine), 3 + 32);
	assert_int_equal(check(fx, &supervised), 1 + 16);
	assert_int_equal(check(fx, &everyone), 4 + CLIENTS);
	everyone.state = AL_STATE_WATCH;
	assert_int_equal(check(fx, &everyone), watch);
	/* Without today the same clients keep their stored status. */
	everyone.who.today = 0;
	assert_int_equal(db_risk_count(fx->db, &everyone, &n, &longest, &fx->err), AL_OK);
	assert_int_equal(n, watch - gap);
	for (everyone.who.today = TODAY, everyone.state = 0; everyone.state <= AL_STATE_RUPTURE;
	     everyone.state++)
		n += check(fx, &everyone);
	assert_int_equal(n, watch - gap + 4 + CLIENTS);
	snprintf(supervised.text, sizeof supervised.text, "p-");
	check(fx, &supervised);
	supervised.state = AL_STATE_WATCH;
	check(fx, &supervised);
}

/* Archiving takes a client out of the order (the summary follows client). */
static void test_archived_left_out(void **state)
{
	struct fx *fx = *state;
	struct db_risk_filter q = {.who = {.clinician_id = fx->alice}, .state = -1};
	size_t before = check(fx, &q), pos;
	assert_int_equal(db_begin(fx->db, &fx->err), AL_OK);
	assert_int_equal(db_client_archive(fx->db, fx->k1, &fx->err), AL_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), AL_OK);
	assert_int_equal(check(fx, &q), before - 1);
	assert_int_equal(db_risk_position(fx->db, &q, fx->k1, &pos, &fx->err), AL_OK);
	assert_int_equal(pos, SIZE_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_same_order, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_filters, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_gap_order, setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_archived_left_out, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
