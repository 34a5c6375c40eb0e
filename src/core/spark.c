/* Sparklines: a value per cell as one of eight block heights (or ASCII ink). */
#include "alliance/core/spark.h"

#include "alliance/core/chart.h"

#define SPARK_GAP_UTF8 0x00B7 /* · */

uint32_t spark_glyph(al_tenths v, bool ascii)
{
	if (v < 0 || v > 100)
		return ascii ? ' ' : SPARK_GAP_UTF8;
	/* Alliance ratings live high on the scale: spreading the levels over
	 * 4.0-10.0 makes a slide from 8.6 to 6.8 visible at a glance, while
	 * anything under 4.0 is simply the lowest bar. */
	int above = v > SPARK_FLOOR ? v - SPARK_FLOOR : 0;
	int span = 100 - SPARK_FLOOR;
	int level = (above * (SPARK_LEVELS - 1) + span / 2) / span;
	if (ascii)
		return (uint32_t)(unsigned char)SPARK_ASCII_RAMP[level];
	return 0x2581 + (uint32_t)level; /* ▁ U+2581 .. █ U+2588 */
}

size_t spark_render(const al_tenths *values, size_t n, bool ascii, char *buf, size_t cap)
{
	size_t len = 0, kept = 0;
	for (size_t i = 0; i < n; i++) {
		char enc[CHART_UTF8_MAX];
		size_t k = chart_utf8_encode(spark_glyph(values[i], ascii), enc);
		if (len == kept && len + k < cap) {
			for (size_t j = 0; j < k; j++)
				buf[len + j] = enc[j];
			kept += k;
		}
		len += k;
	}
	if (cap > 0)
		buf[kept] = '\0';
	return len;
}
