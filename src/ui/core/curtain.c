/* The privacy curtain (SPEC §5): z, F2 or the idle lock hide every client
 * detail; Enter lifts it, and when the user has a PIN, only the PIN does
 * (the same count of wrong tries as client mode). */
#include <stdio.h>

#include "ui.h"

static void center(const struct ui *ui, int y, enum ui_role r, const char *s)
{
	int w = ui_text_cells(s);
	ui_put(y, w < COLS ? (COLS - w) / 2 : 0, COLS, ui_attr(ui, r), s);
}

void ui_curtain_draw(const struct ui *ui)
{
	const struct ui_pin *p = &ui->curtain_pin;
	char wait[80];
	center(ui, LINES / 2, UI_R_TITLE,
	       ui->ascii ? "alliance - press Enter to return"
	                 : "alliance \u2014 press Enter to return");
	if (p->asking)
		ui_pin_draw(ui, p, LINES / 2 + 2);
	if (ui->curtain_say[0])
		center(ui, LINES / 2 + 4, UI_R_ERROR, ui->curtain_say);
	if (!p->asking && ui_pin_wait_s(ui) > 0) { /* counts down with the ticks */
		ui_pin_say_wrong(ui, wait, sizeof wait);
		center(ui, LINES / 2 + 4, UI_R_ERROR, wait);
	}
}

static void lift_or_ask(struct ui *ui)
{
	int wait;
	if (!ui_pin_set(ui)) {
		ui->curtain = false;
		return;
	}
	if (ui_pin_start(ui, &ui->curtain_pin, &wait))
		snprintf(ui->curtain_say, sizeof ui->curtain_say, "%s",
		         "Your PIN, then Enter (Esc: stay hidden)");
}

/* Only Enter (and then the PIN) lifts it: a stray key shows nothing. */
void ui_curtain_key(struct ui *ui, int key)
{
	struct ui_pin *p = &ui->curtain_pin;
	if (!p->asking) {
		ui->curtain_say[0] = '\0';
		if (ui_key_enter(key))
			lift_or_ask(ui);
		return;
	}
	switch (ui_pin_key(ui, p, key)) {
	case UI_PIN_RIGHT:
		ui->curtain = false;
		ui->curtain_say[0] = '\0';
		break;
	case UI_PIN_WRONG:
		ui_pin_say_wrong(ui, ui->curtain_say, sizeof ui->curtain_say);
		if (ui_pin_wait_s(ui) > 0)
			ui->curtain_say[0] = '\0'; /* the countdown says it */
		break;
	case UI_PIN_CANCEL:
		ui->curtain_say[0] = '\0';
		break;
	case UI_PIN_TYPING:
		break;
	}
}
