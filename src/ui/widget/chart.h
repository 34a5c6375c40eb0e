/* Paints a core chart layout (alliance/core/chart.h) with the theme's colours. */
#ifndef ALLIANCE_UI_CHART_H
#define ALLIANCE_UI_CHART_H

#include "../core/ui.h"

struct chart;
void ui_chart_paint(const struct ui *ui, const struct chart *c, int y, int x);

#endif
