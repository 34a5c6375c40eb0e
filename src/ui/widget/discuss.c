/* The board's "To discuss" section: a heading with the count, then one
 * row per episode with its mark (a glyph and the heading's words, so that
 * it reads without colour). */
#include "discuss.h"

int ui_discuss_rows(size_t n)
{
	return n ? 1 + (int)(n < UI_DISCUSS_SHOWN ? n : UI_DISCUSS_SHOWN) : 0;
}

static void draw_one(const struct ui *ui, int y, const struct db_discuss *d)
{
	attr_t a = ui_attr(ui, UI_R_PLAIN);
	ui_put(y, 1, 1, ui_attr(ui, UI_R_NOTICE) | A_BOLD, ui->ascii ? "?" : "\u2691");
	ui_put_cut(ui, y, 3, 10, a, d->code);
	ui_put_cut(ui, y, 14, 12, a, d->clinician);
	ui_putf(y, 27, COLS - 28, a, "episode of session %d, asked %s", d->opened, d->asked);
}

void ui_draw_discuss(const struct ui *ui, int y, const struct db_discuss *d, size_t n, size_t total)
{
	if (!n)
		return;
	int x = ui_put(y, 1, COLS - 2, ui_attr(ui, UI_R_TITLE), "To discuss");
	if (total >= DB_DISCUSS_COUNT_MAX)
		ui_putf(y, 1 + x, COLS - 2 - x, ui_attr(ui, UI_R_FAINT), "  %d or more episodes",
		        DB_DISCUSS_COUNT_MAX);
	else if (total > UI_DISCUSS_SHOWN)
		ui_putf(y, 1 + x, COLS - 2 - x, ui_attr(ui, UI_R_FAINT),
		        "  %zu episodes (+%zu more)", total, total - UI_DISCUSS_SHOWN);
	else
		ui_putf(y, 1 + x, COLS - 2 - x, ui_attr(ui, UI_R_FAINT),
		        "  the clinician asked for supervision");
	for (size_t i = 0; i < n && i < UI_DISCUSS_SHOWN; i++)
		draw_one(ui, y + 1 + (int)i, &d[i]);
}
