/* Colours (Okabe–Ito, colour-blind safe) and the attributes of each role.
 * Colour is never the only signal: every status also has a glyph and a word,
 * and without colour (NO_COLOR, a monochrome terminal) roles use bold,
 * dim, underline and reverse instead. */
#include <stdlib.h>

#include "alliance/core/rules.h"
#include "ui.h"

/* Okabe–Ito as 24-bit colour, the nearest xterm-256 colour and the nearest
 * of the eight basic ones, in enum ui_color order (DEFAULT excluded). */
static const struct {
	unsigned char r, g, b;
	short xterm256;
	short basic;
} palette[UI_C_COUNT - 1] = {
    {0xE6, 0x9F, 0x00, 178, COLOR_YELLOW},  /* orange */
    {0x56, 0xB4, 0xE9, 74, COLOR_CYAN},     /* sky blue */
    {0x00, 0x9E, 0x73, 36, COLOR_GREEN},    /* bluish green */
    {0xF0, 0xE4, 0x42, 221, COLOR_YELLOW},  /* yellow */
    {0x00, 0x72, 0xB2, 25, COLOR_BLUE},     /* blue */
    {0xD5, 0x5E, 0x00, 166, COLOR_RED},     /* vermillion */
    {0xCC, 0x79, 0xA7, 175, COLOR_MAGENTA}, /* reddish purple */
};

static short pick_color(int i)
{
	if (COLORS >= 256)
		return palette[i].xterm256;
	if (can_change_color() && COLORS >= 16) {
		/* our own copies in the bright half, leaving the basic eight alone */
		short slot = (short)(8 + i);
		init_color(slot, (short)(palette[i].r * 1000 / 255),
		           (short)(palette[i].g * 1000 / 255), (short)(palette[i].b * 1000 / 255));
		return slot;
	}
	return palette[i].basic;
}

void theme_init(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");
	ui->color = !(no_color && *no_color) && has_colors();
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	for (int i = 0; i < UI_C_COUNT - 1; i++)
		init_pair((short)(i + 1), pick_color(i), -1);
}

static const struct {
	enum ui_color color;
	attr_t mono, extra;
} roles[UI_R_COUNT] = {
#define UI_ROLE_ROW(name, color, mono, extra) {UI_C_##color, mono, extra},
    UI_ROLES(UI_ROLE_ROW)};

attr_t ui_attr(const struct ui *ui, enum ui_role r)
{
	if (!ui->color)
		return roles[r].mono;
	attr_t pair = roles[r].color == UI_C_DEFAULT ? 0 : COLOR_PAIR(roles[r].color);
	return pair | roles[r].extra;
}

/* Dimensions get the colours a chart reader tells apart best; vermillion
 * is kept for ruptures. */
attr_t ui_dim_attr(const struct ui *ui, int dim)
{
	static const enum ui_color order[] = {UI_C_BLUE, UI_C_ORANGE, UI_C_PURPLE,
	                                      UI_C_SKY,  UI_C_GREEN,  UI_C_YELLOW};
	if (!ui->color || dim < 0)
		return A_NORMAL;
	return COLOR_PAIR(order[(size_t)dim % (sizeof order / sizeof order[0])]);
}

const char *ui_state_glyph(const struct ui *ui, int state)
{
	switch (state) {
	case AL_STATE_RUPTURE:
		return "!";
	case AL_STATE_WATCH:
		return "^";
	case AL_STATE_REPAIRED:
		return ui->ascii ? "+" : "\u2713";
	default:
		return ui->ascii ? "-" : "\u00b7";
	}
}

enum ui_role ui_state_role(int state)
{
	switch (state) {
	case AL_STATE_RUPTURE:
		return UI_R_RUPTURE;
	case AL_STATE_WATCH:
		return UI_R_WATCH;
	case AL_STATE_REPAIRED:
		return UI_R_REPAIRED;
	default:
		return UI_R_OK;
	}
}
