/* Errors as values: a status that is also the exit code, and one message line. */
#ifndef ALLIANCE_ERROR_H
#define ALLIANCE_ERROR_H

enum al_status {
	AL_OK = 0,
	AL_EINPUT = 1, /* bad input or refused: not found, duplicate, read-only */
	AL_EUSAGE = 2, /* unknown command or option, missing argument */
	AL_EDB = 3,    /* locked, corrupt, not ours, newer schema */
	AL_EIO = 4,    /* disk full, no permission */
};

/* msg is "WHAT: WHY" (or "FILE:LINE: WHY"); main prints "alliance: " msg.
 * It never holds note text or client data beyond a code the user typed. */
struct al_error {
	enum al_status status;
	char msg[512];
};

/* Sets err and returns st, so callers can write `return al_fail(...)`. */
enum al_status al_fail(struct al_error *err, enum al_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
