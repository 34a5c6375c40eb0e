/* Unit tests for the screen stack (src/ui/core/stack.c): ui_open by id,
 * failure said one way, a result handed down through resume. Two made-up
 * screens, no terminal, no storage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */

#include <string.h>

#include "../../src/ui/core/ui.h"

enum { HOME, FORM, RELOADS, NSCREENS };

struct home {
	int arg;
	int resumed;
	struct ui_result got;
};

struct form {
	char big[4096]; /* the state is as large as the screen says */
};

static int leaves, reloads;

static enum al_status home_enter(struct ui *ui, void *st, const void *args)
{
	struct home *h = st;
	(void)ui;
	assert_int_equal(h->arg, 0); /* zeroed */
	h->arg = args ? *(const int *)args : -1;
	return AL_OK;
}

static enum al_status home_resume(struct ui *ui, void *st, const struct ui_result *r)
{
	struct home *h = st;
	(void)ui;
	h->resumed++;
	h->got = *r;
	return AL_OK;
}

static void count_leave(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	leaves++;
}

/* Fails when asked to (args non-NULL), as a screen whose client is gone. */
static enum al_status form_enter(struct ui *ui, void *st, const void *args)
{
	struct form *f = st;
	for (size_t i = 0; i < sizeof f->big; i++)
		assert_int_equal(f->big[i], 0);
	return args ? al_fail(ui->err, AL_EINPUT, "client: 'K-9' is not one of your clients")
	            : AL_OK;
}

static enum al_status count_reload(struct ui *ui, void *st)
{
	(void)ui;
	(void)st;
	reloads++;
	return AL_OK;
}

static const struct ui_screen home = {.title = "Home",
                                      .size = sizeof(struct home),
                                      .enter = home_enter,
                                      .resume = home_resume,
                                      .leave = count_leave};
static const struct ui_screen form = {.title = "Form",
                                      .size = sizeof(struct form),
                                      .form = true,
                                      .enter = form_enter,
                                      .leave = count_leave};
static const struct ui_screen reloading = {
    .title = "Reloads", .size = 1, .reload = count_reload, .leave = count_leave};
static const struct ui_screen *const screens[NSCREENS] = {&home, &form, &reloading};

static struct al_error err;

static struct ui new_ui(void)
{
	leaves = reloads = 0;
	err = (struct al_error){0};
	return (struct ui){.err = &err, .screens = screens, .nscreens = NSCREENS};
}

static void test_open_and_back(void **state)
{
	(void)state;
	struct ui ui = new_ui();
	int arg = 42;
	assert_int_equal(ui_open(&ui, HOME, &arg), AL_OK);
	assert_int_equal(ui.depth, 1);
	struct home *h = ui_top_state(&ui);
	assert_int_equal(h->arg, 42);
	assert_int_equal(ui_open(&ui, FORM, NULL), AL_OK);
	assert_ptr_equal(ui_top(&ui), &form);
	assert_true(ui_below_is(&ui, HOME));
	assert_false(ui_below_is(&ui, FORM));
	/* the form closes with what it stored: the home screen gets it */
	ui_act(&ui, ui_back(&ui, &(struct ui_result){.client_id = 7, .session_id = 9}));
	assert_int_equal(ui.depth, 1);
	assert_int_equal(leaves, 1);
	assert_int_equal(h->resumed, 1);
	assert_int_equal(h->got.client_id, 7);
	assert_int_equal(h->got.session_id, 9);
	/* closing without a result hands down none */
	ui_open(&ui, FORM, NULL);
	ui_act(&ui, UI_BACK);
	assert_int_equal(h->resumed, 2);
	assert_int_equal(h->got.client_id, 0);
	assert_int_equal(h->got.session_id, 0);
	ui_act(&ui, UI_QUIT);
	assert_int_equal(ui.depth, 0);
	assert_int_equal(leaves, 3);
}

static void test_failure_said_once(void **state)
{
	(void)state;
	struct ui ui = new_ui();
	int fail = 1;
	ui_open(&ui, HOME, NULL);
	assert_int_equal(ui_open(&ui, FORM, &fail), AL_EINPUT);
	assert_int_equal(ui.depth, 1); /* nothing pushed */
	assert_int_equal(leaves, 1);   /* what enter made is freed */
	assert_true(ui.msg_error);     /* said on the message line */
	assert_string_equal(ui.msg, "client: 'K-9' is not one of your clients");
	assert_int_equal(err.status, AL_EINPUT); /* and left in err for main */
	assert_int_equal(ui_open(&ui, NSCREENS, NULL), AL_EUSAGE);
	assert_int_equal(ui_open(&ui, -1, NULL), AL_EUSAGE);
	assert_int_equal(ui.depth, 1);
	ui_close_all(&ui);
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct ui ui = new_ui();
	for (int i = 0; i < UI_DEPTH_MAX; i++)
		assert_int_equal(ui_open(&ui, FORM, NULL), AL_OK);
	assert_int_equal(ui_open(&ui, FORM, NULL), AL_EUSAGE);
	assert_int_equal(ui.depth, UI_DEPTH_MAX);
	assert_string_equal(ui.msg, "too many screens open: close one with q or Esc");
	ui_close_all(&ui);
	assert_int_equal(leaves, UI_DEPTH_MAX);
}

/* A screen without resume reads its data again when the one above closes. */
static void test_reload_without_resume(void **state)
{
	(void)state;
	struct ui ui = new_ui();
	ui_open(&ui, RELOADS, NULL);
	ui_open(&ui, FORM, NULL);
	ui_act(&ui, ui_back(&ui, &(struct ui_result){.client_id = 3}));
	assert_int_equal(reloads, 1);
	assert_int_equal(ui.depth, 1);
	ui_act(&ui, UI_BACK); /* the last screen closes: nothing left to resume */
	assert_int_equal(ui.depth, 0);
	assert_int_equal(reloads, 1);
}

static void test_titles(void **state)
{
	(void)state;
	struct ui ui = new_ui();
	const struct ui_screen both = {.title = "Client",
	                               .title_supervisor = "Client (supervision)"};
	assert_string_equal(ui_title(&ui, &both), "Client");
	assert_string_equal(ui_title(&ui, &home), "Home");
	ui.supervisor = true;
	assert_string_equal(ui_title(&ui, &both), "Client (supervision)");
	assert_string_equal(ui_title(&ui, &home), "Home");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_open_and_back), cmocka_unit_test(test_failure_said_once),
	    cmocka_unit_test(test_depth_limit),   cmocka_unit_test(test_reload_without_resume),
	    cmocka_unit_test(test_titles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
