/* The PIN typed on the screen: digits kept only until checked, checked
 * with the stored yescrypt hash (db_user_pin_check), wrong tries counted
 * for the whole UI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alliance/db/user.h"
#include "ui.h"

int64_t ui_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	int64_t ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	const char *path = getenv("ALLIANCE_CLOCK_FILE");
	FILE *f = path && *path ? fopen(path, "r") : NULL;
	long s = 0;
	if (f) {
		if (fscanf(f, "%ld", &s) != 1 || s < 0)
			s = 0; /* the clock only moves forward */
		fclose(f);
	}
	return ms + (int64_t)s * 1000;
}

bool ui_pin_set(struct ui *ui)
{
	bool exists = false;
	if (db_user_pin_exists(ui->db, ui->user_id, &exists, ui->err))
		ui_say_err(ui);
	return exists;
}

int ui_pin_wait_s(const struct ui *ui)
{
	int64_t left = ui->pin_guard.until_ms - ui_clock_ms();
	return left > 0 ? (int)((left + 999) / 1000) : 0;
}

void ui_pin_clear(struct ui_pin *p)
{
	explicit_bzero(p->typed, sizeof p->typed);
	p->len = 0;
	p->asking = false;
}

bool ui_pin_start(struct ui *ui, struct ui_pin *p, int *wait_s)
{
	ui_pin_clear(p);
	*wait_s = ui_pin_wait_s(ui);
	p->asking = *wait_s == 0;
	return p->asking;
}

/* From the fifth wrong PIN on, each one starts the wait again. */
static enum ui_pin_result check(struct ui *ui, struct ui_pin *p)
{
	bool match = false;
	struct ui_pin_guard *g = &ui->pin_guard;
	if (db_user_pin_check(ui->db, ui->user_id, p->typed, &match, ui->err))
		ui_say_err(ui);
	ui_pin_clear(p);
	if (match) {
		*g = (struct ui_pin_guard){0};
		return UI_PIN_RIGHT;
	}
	if (++g->wrong >= UI_PIN_TRIES)
		g->until_ms = ui_clock_ms() + UI_PIN_WAIT_S * 1000;
	return UI_PIN_WRONG;
}

enum ui_pin_result ui_pin_key(struct ui *ui, struct ui_pin *p, int key)
{
	if (key == UI_ESC) {
		ui_pin_clear(p);
		return UI_PIN_CANCEL;
	}
	if (ui_key_enter(key))
		return check(ui, p);
	if ((key == UI_FN(KEY_BACKSPACE) || key == 127 || key == '\b') && p->len > 0)
		p->typed[--p->len] = '\0';
	else if (key >= '0' && key <= '9' && p->len < UI_PIN_LEN)
		p->typed[p->len++] = (char)key;
	return UI_PIN_TYPING;
}

void ui_pin_draw(const struct ui *ui, const struct ui_pin *p, int y)
{
	char shown[UI_PIN_LEN * 3 + 8] = "PIN: ";
	for (int i = 0; i < p->len; i++)
		strcat(shown, ui->ascii ? "*" : "\u2022");
	int w = 5 + UI_PIN_LEN, x = (COLS - w) / 2;
	ui_fill(y, x, w + 1, ui_attr(ui, UI_R_PLAIN));
	ui_put(y, x, w + 1, ui_attr(ui, UI_R_TITLE), shown);
}

void ui_pin_say_wrong(const struct ui *ui, char *buf, int cap)
{
	int wait = ui_pin_wait_s(ui);
	if (wait > 0)
		snprintf(buf, (size_t)cap, "%d wrong PINs: the next try in %d s",
		         ui->pin_guard.wrong, wait);
	else
		snprintf(buf, (size_t)cap, "Wrong PIN.");
}
