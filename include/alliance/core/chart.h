/* Trend chart layout: one client's course as a grid of glyph cells that the
 * curses screen and the `chart` command both paint (core computes, UI paints). */
#ifndef ALLIANCE_CHART_H
#define ALLIANCE_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"

#define CHART_MIN_WIDTH 24
#define CHART_MIN_HEIGHT 11 /* legend, flags, 6 plot rows, axis, numbers, dates */
#define CHART_MAX_WIDTH 1000
#define CHART_MAX_HEIGHT 200
#define CHART_ALL_DIMS (-1)
#define CHART_NO_SESSION (-1)
#define CHART_NO_CUTOFF (-1)
#define CHART_UTF8_MAX 4 /* bytes of one encoded cell */
#define CHART_EIGHTHS 8  /* a bar cell holds up to eight eighths (▁ .. █) */

/* One mark per session, the caller's summary of that session's flags: fold
 * them with chart_flag_merge (an open or unrepaired red, else a repaired
 * red, else amber, else info), so the UI and the CLI mark alike. */
enum chart_flag {
	CHART_FLAG_NONE,
	CHART_FLAG_INFO,     /* e.g. the `missing` rule: "?" */
	CHART_FLAG_AMBER,    /* "^" watch */
	CHART_FLAG_RED,      /* "!" rupture, open or unrepaired */
	CHART_FLAG_REPAIRED, /* "✓" (ASCII "+") a red flag whose rupture was repaired */
};

/* What a cell shows, so the UI can colour it; the text painter ignores it.
 * Colour is never the only signal: every role below has its own glyphs. */
enum chart_role {
	CHART_ROLE_BLANK,
	CHART_ROLE_AXIS,      /* y axis, x axis and its ticks */
	CHART_ROLE_LABEL,     /* tick values, session numbers, dates, legend words,
	                       * the dimension's name left of its strip */
	CHART_ROLE_CUTOFF,    /* the horizontal line at the cutoff */
	CHART_ROLE_DIM,       /* a cell of a client rating's bar; .dim says which dimension */
	CHART_ROLE_CLINICIAN, /* a cell of a clinician rating's bar (right of the client's) */
	CHART_ROLE_FLAG_INFO,
	CHART_ROLE_FLAG_AMBER,
	CHART_ROLE_FLAG_RED, /* also the line of an open or unrepaired episode */
	CHART_ROLE_REPAIRED, /* also the line of a repaired episode */
	CHART_ROLE_SELECTED, /* the dotted column of the selected session */
	CHART_ROLE_ABSENT,   /* the mark of a session the client did not attend */
	CHART_ROLE_COUNT
};

/* Cell attribute bits. */
#define CHART_ATTR_SELECTED 0x1u /* in the selected session's column: draw highlighted */

struct chart_cell {
	uint32_t cp;  /* Unicode code point, ' ' when empty (equal to .ascii in ASCII mode) */
	char ascii;   /* the same glyph in printable ASCII */
	uint8_t role; /* enum chart_role */
	uint8_t dim;  /* index into course->dims for DIM and CLINICIAN cells */
	uint8_t attr; /* CHART_ATTR_* */
};

/* Spans over sessions drawn on the flag row, for data the chart does not
 * derive itself: an episode from its opening to its repair (or to the last
 * session while open), a session the client did not attend (from == to; its
 * ratings are missing, so its column shows a gap under the mark). */
enum chart_span_kind {
	CHART_SPAN_OPEN,       /* "!─────" an episode not repaired yet */
	CHART_SPAN_REPAIRED,   /* "!───✓" */
	CHART_SPAN_UNREPAIRED, /* "!───✗" (ASCII "x") the repair window passed */
	CHART_SPAN_ABSENT,     /* "○" (ASCII "o") not attended */
};

struct chart_span {
	size_t from, to; /* session indices into course->sessions, inclusive */
	enum chart_span_kind kind;
};

struct chart_opts {
	int dim;        /* CHART_ALL_DIMS or an index into course->dims */
	bool clinician; /* the clinician's ratings as a second bar right of the client's */
	int selected;   /* index into course->sessions, or CHART_NO_SESSION */
	bool ascii;     /* ASCII glyphs only (--ascii, non-UTF-8 locale) */
	int cutoff;     /* tenths (settings.cutoff), or CHART_NO_CUTOFF */
	const struct chart_span *spans; /* NULL, or nspans episodes and absences */
	size_t nspans;
};

/* A laid-out chart. cells is the caller's buffer of width*height cells,
 * row-major; the rest says where things went, e.g. for the UI's selection.
 *
 * Each dimension shown gets a strip of strip_rows rows (small multiples:
 * the strip, not a glyph, says which dimension a bar belongs to). A rated
 * value is a bar of eighth blocks (ASCII: the sparkline ramp "_.:-=+*#")
 * whose height in eighths is 1 + (value - floor) * (8 * strip_rows - 2) /
 * (100 - floor), rounded: the lowest eighth means "rated, at the floor",
 * and the strip's top eighth stays empty so that strips never touch. */
struct chart {
	int width, height;
	bool ascii;
	struct chart_cell *cells;
	int plot_top, plot_rows;   /* the rows between the flag row and the x axis */
	int nstrips, strip_rows;   /* strips shown, and the rows of each */
	int strip_top[AL_DIM_MAX]; /* the first row of each strip */
	size_t strip_dim[AL_DIM_MAX];
	int floor;           /* tenths at a strip's bottom; its top is 10.0 */
	int axis_col;        /* column of the y axis */
	int step;            /* columns per session */
	size_t first, shown; /* sessions [first, first+shown) are drawn */
};

void chart_opts_default(struct chart_opts *o);

/* The more telling of two marks for one session. */
enum chart_flag chart_flag_merge(enum chart_flag a, enum chart_flag b);

/* The height a chart of at most height rows uses: strips of equal height
 * (a blank row between them from three rows each) leave no row unused for
 * three dimensions, the core ones, at 11, 14, 16, 19, 22, 25 ... rows; this
 * is the largest such height <= height, or height itself when below
 * CHART_MIN_HEIGHT. Rows left over stay blank above the strips. */
int chart_fit_height(int height);

/* The value (tenths) at the strips' bottom for course and opts: a multiple
 * of 2.0, at most 6.0 and 2.0 under the cutoff, at or under every value
 * shown (the clinician's too with opts->clinician), so that the room goes
 * where the ratings are. The HTML report's chart uses it too. */
int chart_floor(const struct al_course *course, const struct chart_opts *opts);

/* The height in eighths of value's bar (tenths, 0..100) on chart c. */
int chart_bar_eighths(const struct chart *c, int tenths);

/* Lays out course into cells (width*height of them, whole chart: legend,
 * flag row, strips, axes, labels). flags is NULL or has course->n marks.
 * Sessions that do not fit are the oldest ones: the newest that fit are
 * shown, or, when the selected session is older, those from it on.
 * Returns false (and leaves cells alone) when width or height is outside
 * CHART_MIN_* .. CHART_MAX_* or opts.dim is out of range. */
bool chart_layout(struct chart *c, struct chart_cell *cells, int width, int height,
                  const struct al_course *course, const enum chart_flag *flags,
                  const struct chart_opts *opts);

static inline const struct chart_cell *chart_at(const struct chart *c, int row, int col)
{
	return &c->cells[(size_t)row * (size_t)c->width + (size_t)col];
}

/* The column of session index i (into course->sessions), or -1 when not shown. */
int chart_session_col(const struct chart *c, size_t i);

/* chart_text.c: paint the grid as text (UTF-8, or ASCII when c->ascii).
 * Both return the length the full text needs, like snprintf: the output is
 * cut to fit cap and always NUL-terminated when cap > 0. */
size_t chart_text_row(const struct chart *c, int row, char *buf, size_t cap);
/* Every row, each ending in '\n', trailing spaces trimmed. */
size_t chart_text(const struct chart *c, char *buf, size_t cap);
/* A buffer size that always suffices for chart_text. */
size_t chart_text_cap(const struct chart *c);

/* Writes cp as UTF-8 into out (at least CHART_UTF8_MAX bytes); returns the length. */
size_t chart_utf8_encode(uint32_t cp, char *out);

#endif
