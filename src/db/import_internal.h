/* Shared by the two halves of the import (src/db/import*.c): the import's
 * state, and the storing of sessions and ratings. */
#ifndef ALLIANCE_DB_IMPORT_INTERNAL_H
#define ALLIANCE_DB_IMPORT_INTERNAL_H

#include "alliance/db/io.h"
#include "alliance/db/meta.h"
#include "alliance/core/strmap.h"
#include "internal.h"

/* Ratings go in by multi-row INSERTs of this many: one statement per
 * batch instead of one per rating keeps the import near the speed of a
 * plain bulk load. */
#define IMPORT_BATCH 64

struct imp_user {
	int64_t id;
	bool supervisor;
	char name[AL_KEY_MAX + 1];
};

struct imp_client {
	int64_t id;
	size_t clinician; /* index into users */
	bool existed;     /* in the database before: merge its sessions */
	struct import_seq seq;
	int64_t session_id; /* the current session's row; 0 when it was refused */
	bool summed;        /* its summary was stored from the file's rows */
	bool touched;       /* its summary is recomputed at commit instead */
};

/* A rating waiting for its batch, with what an error line needs. */
struct imp_rating {
	int64_t session_id;
	long line;
	int session; /* the file's session number */
	int dim;     /* index into dims */
	enum al_rater rater;
	al_tenths value;
};

struct db_import {
	struct db *db;
	int32_t today; /* for the date rule */
	struct db_dims dims;
	db_import_refuse_fn refuse;
	void *ctx;
	struct strmap client_map, user_map;
	struct imp_client *clients;
	struct imp_user *users;
	size_t nclients, nusers, cap_clients, cap_users;
	struct imp_rating batch[IMPORT_BATCH];
	int nbatch;
	struct db_import_stats stats;
	/* the course of the new client whose rows are passing (import_summary.c) */
	size_t building; /* index into clients, SIZE_MAX for none */
	struct al_session *course;
	size_t ncourse, cap_course;
};

/* The client's next session (cl->seq already moved to it): merged with the
 * database's or added; sets cl->session_id. AL_EINPUT refuses the row. */
enum al_status import_session_open(struct db_import *im, struct imp_client *cl,
                                   const struct import_row *row, struct al_error *err);
/* Queues a rating of the client's current session. */
enum al_status import_rating_add(struct db_import *im, const struct imp_client *cl, long line,
                                 const struct import_row *row, struct al_error *err);
/* Stores the queued ratings, refusing duplicates. */
enum al_status import_ratings_flush(struct db_import *im, struct al_error *err);

/* The client summaries (db_status.h): a row taken for clients[i], which
 * started a session when new_session; and at the end, before the commit,
 * the last one stored and the clients not summarised from the file touched. */
enum al_status import_summary_row(struct db_import *im, size_t i, const struct import_row *row,
                                  bool new_session, struct al_error *err);
enum al_status import_summary_end(struct db_import *im, struct al_error *err);

#endif
