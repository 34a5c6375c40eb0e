/* The stack of open screens: opening one by id, closing the top one with
 * its result handed to the one below, and the message line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ui.h"

void ui_say(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
	ui->dirty = true;
}

void ui_say_err(struct ui *ui)
{
	ui_say(ui, true, "%s", ui->err->msg);
}

enum al_status ui_writable(struct ui *ui, const char *what)
{
	if (ui->read_only)
		return al_fail(ui->err, AL_EINPUT, "%s: refused: the database is open read-only",
		               what);
	return AL_OK;
}

struct access_who ui_who(const struct ui *ui, const char *what)
{
	return (struct access_who){
	    .user_id = ui->user_id, .supervisor = ui->supervisor, .what = what};
}

const struct ui_screen *ui_top(const struct ui *ui)
{
	return ui->stack[ui->depth - 1].screen;
}

void *ui_top_state(const struct ui *ui)
{
	return ui->stack[ui->depth - 1].st;
}

bool ui_below_is(const struct ui *ui, int id)
{
	return ui->depth > 1 && ui->stack[ui->depth - 2].id == id;
}

const char *ui_title(const struct ui *ui, const struct ui_screen *s)
{
	return ui->supervisor && s->title_supervisor ? s->title_supervisor : s->title;
}

static void discard(struct ui *ui, const struct ui_screen *s, void *st)
{
	if (s->leave)
		s->leave(ui, st);
	free(st);
}

static enum al_status refuse(struct ui *ui, enum al_status st)
{
	ui_say_err(ui);
	return st;
}

enum al_status ui_open(struct ui *ui, int id, const void *args)
{
	if (id < 0 || id >= ui->nscreens || !ui->screens[id])
		return refuse(ui, al_fail(ui->err, AL_EUSAGE, "no screen number %d", id));
	if (ui->depth == UI_DEPTH_MAX)
		return refuse(ui, al_fail(ui->err, AL_EUSAGE,
		                          "too many screens open: close one with q or Esc"));
	const struct ui_screen *s = ui->screens[id];
	void *st = calloc(1, s->size ? s->size : 1);
	if (!st)
		return refuse(ui, al_fail(ui->err, AL_EIO, "out of memory"));
	enum al_status rc = s->enter ? s->enter(ui, st, args) : AL_OK;
	if (rc) {
		discard(ui, s, st);
		return refuse(ui, rc);
	}
	ui->stack[ui->depth].screen = s;
	ui->stack[ui->depth].id = id;
	ui->stack[ui->depth].st = st;
	ui->stack[ui->depth].result = (struct ui_result){0};
	ui->depth++;
	ui->dirty = true;
	return AL_OK;
}

enum ui_action ui_back(struct ui *ui, const struct ui_result *r)
{
	if (ui->depth > 0)
		ui->stack[ui->depth - 1].result = *r;
	return UI_BACK;
}

static struct ui_result pop(struct ui *ui)
{
	ui->depth--;
	struct ui_result r = ui->stack[ui->depth].result;
	discard(ui, ui->stack[ui->depth].screen, ui->stack[ui->depth].st);
	ui->dirty = true;
	return r;
}

static void resume_top(struct ui *ui, const struct ui_result *r)
{
	const struct ui_screen *s = ui_top(ui);
	void *st = ui_top_state(ui);
	enum al_status rc = s->resume   ? s->resume(ui, st, r)
	                    : s->reload ? s->reload(ui, st)
	                                : AL_OK;
	if (rc)
		ui_say_err(ui);
}

/* The screen below sees what the one above changed. */
static void back(struct ui *ui)
{
	struct ui_result r = pop(ui);
	if (ui->depth > 0)
		resume_top(ui, &r);
}

enum al_status ui_replace(struct ui *ui, int id, const void *args)
{
	pop(ui);
	enum al_status st = ui_open(ui, id, args);
	if (st && ui->depth > 0) /* ui_open said why */
		resume_top(ui, &(struct ui_result){0});
	return st;
}

void ui_close_all(struct ui *ui)
{
	while (ui->depth > 0)
		pop(ui);
}

void ui_act(struct ui *ui, enum ui_action a)
{
	if (a == UI_BACK && ui->depth > 0)
		back(ui);
	else if (a == UI_QUIT)
		ui_close_all(ui);
}
