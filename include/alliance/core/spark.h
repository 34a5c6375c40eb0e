/* Sparklines for the caseload screen: one cell per session's value. */
#ifndef ALLIANCE_SPARK_H
#define ALLIANCE_SPARK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alliance/core/course.h"

/* Levels over 0.0-10.0, lowest first. A value v (tenths) takes level
 * round(v * 7 / 100): 0.0 the lowest, 10.0 the highest, 5.0 the fifth.
 *   UTF-8: ▁▂▃▄▅▆▇█      ASCII: _.:-=+*#   (more ink, higher value)
 * A missing value (AL_MISSING, or anything outside 0..100) is a gap:
 * "·" in UTF-8, a space in ASCII. */
#define SPARK_LEVELS 8
#define SPARK_FLOOR 40 /* tenths: the lowest bar is 4.0 and below */
#define SPARK_ASCII_RAMP "_.:-=+*#"

/* The code point for one value (the curses UI draws wide characters). */
uint32_t spark_glyph(al_tenths v, bool ascii);

/* Renders n values as n cells into buf, NUL-terminated. Returns the bytes
 * the whole line needs (at most 3 per value in UTF-8, 1 in ASCII), like
 * snprintf; the output is cut at a cell boundary to fit cap. */
size_t spark_render(const al_tenths *values, size_t n, bool ascii, char *buf, size_t cap);

#endif
