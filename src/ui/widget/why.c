/* The "why" panel under the caseload and the board: the selected client's
 * status and, in plain words, the current flag that weighs most. The words
 * come from the summary the database keeps, so drawing runs no detection. */
#include "alliance/core/rules.h"
#include "why.h"

int ui_why_rows(int rows, int list_min)
{
	return rows - (UI_WHY_ROWS + 1) >= list_min ? UI_WHY_ROWS + 1 : 0;
}

void ui_draw_why(const struct ui *ui, int y, int rows, const char *code, int state,
                 const char *flag)
{
	int right = COLS - 1;
	int x = 1 + ui_put_cut(ui, y, 1, right - 1, ui_attr(ui, UI_R_TITLE), code);
	x += 1 + ui_putf(y, x + 1, right - x - 1, ui_attr(ui, ui_state_role(state)), "%s %s",
	                 ui_state_glyph(ui, state), state_name((enum al_state)state));
	x += ui_put(y, x, right - x, ui_attr(ui, UI_R_PLAIN), ui->ascii ? " - " : " \u2014 ");
	if (flag[0])
		ui_put_flow(y, x, 3, right, rows, ui_attr(ui, UI_R_PLAIN), flag);
	else
		ui_put(y, x, right - x, ui_attr(ui, UI_R_FAINT), "no current flags.");
}
