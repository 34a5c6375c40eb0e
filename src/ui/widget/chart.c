/* Paints a core chart layout (alliance/core/chart.h) with the theme: the layout
 * decides every glyph, this only picks the attributes of each role. */
#include "alliance/core/chart.h"
#include "chart.h"

static attr_t cell_attr(const struct ui *ui, const struct chart_cell *c)
{
	attr_t a;
	switch (c->role) {
	case CHART_ROLE_AXIS:
	case CHART_ROLE_SELECTED:
	case CHART_ROLE_ABSENT:
		a = ui_attr(ui, UI_R_FAINT);
		break;
	case CHART_ROLE_CUTOFF:
		a = ui_attr(ui, UI_R_CUTOFF);
		break;
	case CHART_ROLE_DIM:
		a = ui_dim_attr(ui, c->dim) | A_BOLD;
		break;
	case CHART_ROLE_CLINICIAN:
		a = ui_dim_attr(ui, c->dim);
		break;
	case CHART_ROLE_FLAG_INFO:
		a = ui_attr(ui, UI_R_INFO);
		break;
	case CHART_ROLE_FLAG_AMBER:
		a = ui_attr(ui, UI_R_WATCH);
		break;
	case CHART_ROLE_FLAG_RED:
		a = ui_attr(ui, UI_R_RUPTURE);
		break;
	case CHART_ROLE_REPAIRED:
		a = ui_attr(ui, UI_R_REPAIRED);
		break;
	default:
		a = A_NORMAL;
	}
	if (c->attr & CHART_ATTR_SELECTED) /* the selected session's number and date stand out */
		a |= c->role == CHART_ROLE_LABEL ? A_REVERSE : A_BOLD;
	return a;
}

void ui_chart_paint(const struct ui *ui, const struct chart *c, int y, int x)
{
	for (int r = 0; r < c->height; r++)
		for (int k = 0; k < c->width; k++) {
			const struct chart_cell *cell = chart_at(c, r, k);
			wchar_t w[2] = {
			    (wchar_t)(ui->ascii ? (unsigned char)cell->ascii : cell->cp), 0};
			attr_t a = cell_attr(ui, cell);
			cchar_t cc;
			setcchar(&cc, w, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
			mvadd_wch(y + r, x + k, &cc);
		}
}
