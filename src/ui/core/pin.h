/* The user's PIN typed on the screen (client mode, the curtain): never
 * echoed, checked against the stored hash, and after UI_PIN_TRIES wrong
 * ones UI_PIN_WAIT_S seconds pass before the next try. */
#ifndef ALLIANCE_UI_PIN_H
#define ALLIANCE_UI_PIN_H

#include <stdbool.h>
#include <stdint.h>

#define UI_PIN_TRIES 5
#define UI_PIN_WAIT_S 30
#define UI_PIN_LEN 12 /* a PIN is 4 to 12 digits (valid_pin) */

/* Shared by every place that asks, so that the count cannot be reset by
 * asking somewhere else. */
struct ui_pin_guard {
	int wrong;        /* wrong PINs since the last right one */
	int64_t until_ms; /* ui_clock_ms before which no try is taken */
};

/* A PIN being typed. */
struct ui_pin {
	bool asking;
	int len;
	char typed[UI_PIN_LEN + 1];
};

enum ui_pin_result { UI_PIN_TYPING, UI_PIN_RIGHT, UI_PIN_WRONG, UI_PIN_CANCEL };

struct ui;
/* A monotonic clock in milliseconds. ALLIANCE_CLOCK_FILE names a file
 * whose number (seconds) is added, read at each call: tests move the
 * clock past the wait instead of sleeping through it. */
int64_t ui_clock_ms(void);
/* Whether the user has a PIN (false, said on the message line, when the
 * database cannot tell). */
bool ui_pin_set(struct ui *ui);
/* Starts asking, unless tries are waiting: then false and *wait_s says
 * for how long. */
bool ui_pin_start(struct ui *ui, struct ui_pin *p, int *wait_s);
/* Seconds left before the next try is taken (0: now). */
int ui_pin_wait_s(const struct ui *ui);
/* A key while asking: digits, Backspace, Enter checks, Esc cancels. A
 * wrong PIN is counted (and may start the wait); the typed digits are
 * wiped whatever the result. */
enum ui_pin_result ui_pin_key(struct ui *ui, struct ui_pin *p, int key);
void ui_pin_clear(struct ui_pin *p);
/* The prompt at row y, centred: "PIN: ••••" (a dot per digit, never the
 * digits). */
void ui_pin_draw(const struct ui *ui, const struct ui_pin *p, int y);
/* The message for a wrong PIN or a wait (into buf). */
void ui_pin_say_wrong(const struct ui *ui, char *buf, int cap);

#endif
