/* The loop: draws when something changed, waits for a key (with a
 * timeout, never busy), hands it to the screen on top, and on a timeout
 * ticks: the idle lock, drafts, and what another program wrote. */
#include <stdio.h>
#include <time.h>

#include "ui.h"

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

static void draw_center(const struct ui *ui, int y, const char *s)
{
	int w = ui_text_cells(s);
	ui_put(y, w < COLS ? (COLS - w) / 2 : 0, COLS, ui_attr(ui, UI_R_TITLE), s);
}

static void draw_message(const struct ui *ui)
{
	if (ui->msg[0])
		ui_put_cut(ui, LINES - 2, 1, COLS - 2,
		           ui_attr(ui, ui->msg_error ? UI_R_ERROR : UI_R_NOTICE), ui->msg);
}

static void draw(struct ui *ui)
{
	struct ui_frame f = {.rows = LINES - 2, .cols = COLS};
	erase();
	if (ui->curtain) {
		ui_curtain_draw(ui);
	} else if (too_small()) {
		draw_center(ui, LINES / 2 - 1, "terminal too small");
		char need[80];
		snprintf(need, sizeof need, "%dx%d needed, now %dx%d (q quits)", UI_MIN_COLS,
		         UI_MIN_ROWS, COLS, LINES);
		draw_center(ui, LINES / 2 + 1, need);
	} else {
		const struct ui_screen *s = ui_top(ui);
		void *st = ui_top_state(ui);
		if (!ui->help && s->fetch && s->fetch(ui, st))
			ui_say_err(ui);
		if (ui->help)
			ui->help_len = ui_draw_help(ui, s, st);
		else
			s->draw(ui, st, &f);
		draw_message(ui);
		if (ui->help)
			ui_draw_help_status(ui);
		else
			ui_draw_status(ui, s, s->typing && s->typing(st));
	}
	bool cursor = f.cursor && !ui->curtain && !too_small();
	curs_set(cursor ? 1 : 0);
	if (cursor)
		move(f.cur_y, f.cur_x);
	refresh();
	ui->dirty = false;
}

static bool closes_help(int key)
{
	return key == UI_ESC || key == 'q' || key == '?' || key == UI_FN(KEY_F(1)) ||
	       ui_key_enter(key);
}

static void on_key(struct ui *ui, int key)
{
	ui->dirty = true;
	if (key == UI_FN(KEY_RESIZE))
		return;
	if (ui->curtain) {
		ui_curtain_key(ui, key);
		return;
	}
	if (too_small()) {
		if (!ui_top(ui)->locked && (key == 'q' || key == UI_CTRL('C')))
			ui_close_all(ui);
		return;
	}
	ui->msg[0] = '\0';
	if (ui->help && !ui_help_scroll(ui, key))
		ui->help = !closes_help(key);
	else
		ui_act(ui, ui_dispatch(ui, key));
}

enum al_status ui_load_meta(struct ui *ui)
{
	enum al_status st = db_dims_load(ui->db, &ui->dims, ui->err);
	return st ? st : db_settings_load(ui->db, &ui->settings, ui->err);
}

/* Another program wrote: reread settings and what the screen shows. */
static void refresh_data(struct ui *ui)
{
	int64_t v = db_data_version(ui->db);
	if (v == ui->data_version)
		return;
	ui->data_version = v;
	const struct ui_screen *s = ui_top(ui);
	if (ui_load_meta(ui) || (s->reload && s->reload(ui, ui_top_state(ui))))
		ui_say_err(ui);
	ui->dirty = true;
}

static void on_tick(struct ui *ui, int64_t idle_ms)
{
	int lock = ui->settings.idle_lock_min;
	if (lock > 0 && idle_ms >= (int64_t)lock * 60000 && !ui->curtain) {
		ui->curtain = true;
		ui->dirty = true;
	}
	if (ui->curtain && ui_pin_wait_s(ui) > 0)
		ui->dirty = true; /* the wait counts down */
	const struct ui_screen *s = ui_top(ui);
	if (s->tick)
		s->tick(ui, ui_top_state(ui));
	refresh_data(ui);
}

/* The clock the PIN's wait reads too (tests move it: pin.h). */
static int64_t now_ms(void)
{
	return ui_clock_ms();
}

/* Home and End as terminals send them: screen and tmux send the vt220
 * Find and Select keys, which xterm's terminfo names so. */
static int fn_key(int k)
{
	return k == KEY_FIND ? KEY_HOME : k == KEY_SELECT ? KEY_END : k;
}

/* 0 when no key came within the timeout. */
static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return 0;
	return r == KEY_CODE_YES ? UI_FN(fn_key((int)wc)) : (int)wc;
}

void ui_run(struct ui *ui)
{
	int64_t last_key = now_ms(), last_tick = last_key;
	bool typed = false;
	int early = 0; /* timeouts that came back at once: the terminal is gone */
	ui->data_version = db_data_version(ui->db);
	while (ui->depth > 0 && !ui_signal && early < 50) {
		if (ui->dirty)
			draw(ui);
		int wait = typed ? UI_DEBOUNCE_MS : UI_TICK_MS;
		int64_t before = now_ms();
		timeout(wait);
		int key = read_key();
		int64_t now = now_ms();
		if (ui_signal)
			break;
		if (key == 0) {
			early = now - before < wait / 2 ? early + 1 : 0;
			on_tick(ui, now - last_key);
			last_tick = now;
			typed = false;
			continue;
		}
		early = 0;
		typed = true;
		on_key(ui, key);
		last_key = now_ms(); /* a key may take long ($EDITOR): idle from its end */
		if (ui->depth > 0 && now - last_tick >= UI_TICK_MS) {
			on_tick(ui, 0);
			last_tick = now;
		}
	}
	if (ui->depth > 0 && ui_top(ui)->tick) /* a signal: keep the draft */
		ui_top(ui)->tick(ui, ui_top_state(ui));
	ui_close_all(ui);
}
