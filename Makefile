# alliance — build, test and demo. `make` builds only ./alliance.
.SUFFIXES:

ifeq ($(origin CC),default)
CC := cc
endif
PKGS    := ncursesw sqlite3
BUILD   := build
# The version and its date live in one place, debian/changelog: the
# program, the man page and the package all take them from there.
VERSION_SED := 1s/^[^(]*[(]\([^)]*\)[)].*/\1/p
VERSION := $(shell sed -n '$(VERSION_SED)' debian/changelog)
DATE    := $(shell date -u -d "$$(sed -n 's/^ -- .*>  //p' debian/changelog | head -n 1)" +%Y-%m-%d)

# -Wconversion too: every narrowing is written out, as (size_t) or (int).
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 \
           -Wvla -Wconversion -Wno-missing-field-initializers
CFLAGS  ?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lncursesw -lsqlite3)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DAL_VERSION='"$(VERSION)"' -Iinclude \
             $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP
LDLIBS  = $(PKG_LIBS) -lcrypt -lm

SRC     := $(sort $(wildcard src/*.c src/*/*.c src/*/*/*.c))
LIB_SRC := $(filter-out src/main.c,$(SRC))
SCHEMA  := $(sort $(wildcard schema/*.sql))

# Two trees of objects: the plain build and the ASan+UBSan build for tests.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined

OBJ      := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/schema.o
SAN_OBJ  := $(LIB_SRC:%.c=$(BUILD)/san/%.o) $(BUILD)/san/schema.o

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/san/tests/%)

# The binaries link every object; unit tests link the archive (only what they use).
alliance: $(BUILD)/src/main.o $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# --version prints VERSION: a new changelog entry rebuilds main.
$(BUILD)/src/main.o $(BUILD)/san/src/main.o: debian/changelog

$(BUILD)/liballiance.a: $(OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The schema SQL is embedded in the binary: the program needs no files at run time.
$(BUILD)/schema.c: $(SCHEMA) tools/embed-schema.sh
	@mkdir -p $(BUILD)
	sh tools/embed-schema.sh $(SCHEMA) > $@

$(BUILD)/schema.o: $(BUILD)/schema.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(BUILD)/san/schema.o: $(BUILD)/schema.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(BUILD)/san/liballiance.a: $(SAN_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/san/alliance: $(BUILD)/san/src/main.o $(SAN_OBJ)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/san/tests/%: tests/unit/%.c $(BUILD)/san/liballiance.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -Itests/unit -o $@ $< $(BUILD)/san/liballiance.a \
		$(LDLIBS) -lcmocka

# The UI's unit tests (test_ui_*) link the ui core, the widgets and core
# only: no screen, no storage, no SQLite. A test that reached further
# would not link, which keeps the widgets free of the layers above them.
UI_LIB_SRC := $(sort $(wildcard src/ui/core/*.c src/ui/widget/*.c src/core/*.c))
UI_LIB_OBJ := $(UI_LIB_SRC:%.c=$(BUILD)/san/%.o)
$(BUILD)/san/libui.a: $(UI_LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/san/tests/test_ui_%: tests/unit/test_ui_%.c $(BUILD)/san/libui.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -Itests/unit -o $@ $< $(BUILD)/san/libui.a \
		$(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) -lm -lcmocka

# The command table (src/cli/table.c) printed for the build: the bash
# completion script and the man-page test read it.
$(BUILD)/cmdtable: tools/cmdtable.c $(BUILD)/liballiance.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liballiance.a $(LDLIBS)

$(BUILD)/alliance.bash: $(BUILD)/cmdtable tools/completion.bash
	{ $(BUILD)/cmdtable bash && cat tools/completion.bash; } > $@.tmp && mv $@.tmp $@

# Install like a Debian tool: PREFIX (default /usr/local) and DESTDIR. The
# man page is compressed as Debian does (gzip -9n: no name, no time stamp).
PREFIX  ?= /usr/local
INSTALL ?= install
BINDIR   = $(DESTDIR)$(PREFIX)/bin
MAN1DIR  = $(DESTDIR)$(PREFIX)/share/man/man1
COMPDIR  = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
DOCDIR   = $(DESTDIR)$(PREFIX)/share/doc/alliance
DOCS     = README.md doc/privacy.md doc/roles.md

# The man page with the version and date of debian/changelog on its .TH line.
$(BUILD)/alliance.1: doc/alliance.1 debian/changelog
	@mkdir -p $(BUILD)
	sed '1s/^\.TH ALLIANCE 1 .*/.TH ALLIANCE 1 $(DATE) "alliance $(VERSION)" "User Commands"/' \
		doc/alliance.1 > $@

$(BUILD)/alliance.1.gz: $(BUILD)/alliance.1
	gzip -9n < $< > $@

install: alliance $(BUILD)/alliance.1.gz $(BUILD)/alliance.bash
	$(INSTALL) -d $(BINDIR) $(MAN1DIR) $(COMPDIR) $(DOCDIR)
	$(INSTALL) -m 0755 alliance $(BINDIR)/alliance
	$(INSTALL) -m 0644 $(BUILD)/alliance.1.gz $(MAN1DIR)/alliance.1.gz
	$(INSTALL) -m 0644 $(BUILD)/alliance.bash $(COMPDIR)/alliance
	$(INSTALL) -m 0644 $(DOCS) $(DOCDIR)/

# Removes exactly what install put there (and the doc directory, which is
# ours alone); the shared directories stay.
uninstall:
	rm -f $(BINDIR)/alliance $(MAN1DIR)/alliance.1.gz $(COMPDIR)/alliance \
		$(addprefix $(DOCDIR)/,$(notdir $(DOCS)))
	rmdir $(DOCDIR) 2>/dev/null || true

# Install what is missing (Debian): build deps always, test deps for check.
BUILD_DEPS := libncurses-dev libsqlite3-dev libcrypt-dev pkg-config
TEST_DEPS  := libcmocka-dev tmux sqlite3 clang-format
deps:
	@sh tools/deps.sh $(BUILD_DEPS) $(TEST_DEPS)
deps-build:
	@sh tools/deps.sh $(BUILD_DEPS)

# The Debian package (debian/, debhelper), left in build/; check-package
# also runs lintian, installs it, smoke-tests it and removes it again.
DEB_DEPS := build-essential dpkg-dev debhelper lintian $(BUILD_DEPS) libcmocka-dev
deb:
	@sh tools/deps.sh $(DEB_DEPS)
	@sh tools/deb.sh

check-package: deb
	lintian --fail-on error,warning $(BUILD)/deb/alliance_*.changes
	@sh tests/package.sh | tee $(BUILD)/package.log
	@p=$$(grep -c '^ok ' $(BUILD)/package.log); f=$$(grep -c '^not ok ' $(BUILD)/package.log); \
		echo "$$p passed, $$f failed"; [ "$$f" = 0 ]

# The fast unit tests alone (the package build runs them).
check-unit:
	@$(MAKE) -s --no-print-directory $(UNIT_BIN)
	@sh tests/run.sh --unit

DEMO_DB := $(BUILD)/demo.db
demo: deps-build
	@$(MAKE) --no-print-directory alliance
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	./alliance --db $(DEMO_DB) demo
	./alliance --db $(DEMO_DB)

TEST_BUILD = alliance $(BUILD)/san/alliance $(UNIT_BIN) $(BUILD)/cmdtable $(BUILD)/alliance.bash \
             $(BUILD)/alliance.1.gz $(BUILD)/eval/gen $(BUILD)/eval/score

check: deps
	@$(MAKE) -s --no-print-directory $(TEST_BUILD)
	@sh tests/run.sh

# The crash and mutation tests at 10 times their length; libFuzzer on the
# parsers (clang; FUZZ_TIME seconds a target).
check-long: deps
	@$(MAKE) -s --no-print-directory $(TEST_BUILD)
	@CRASH_RUNS=1000 MUTATIONS=10000 sh tests/run.sh

fuzz:
	@sh tests/fuzz/run.sh

# The quality bar of SPEC §4b through the real binary (tests/eval/run.sh);
# eval-tradeoff: the opening criterion at a few settings, in process.
EVAL_CFLAGS = -std=c11 -D_GNU_SOURCE -O2 -Iinclude $(WARN)
$(BUILD)/eval/gen: tests/eval/gen_main.c tests/eval/gen.c tests/eval/gen.h
	@mkdir -p $(dir $@)
	$(CC) $(EVAL_CFLAGS) -o $@ tests/eval/gen_main.c tests/eval/gen.c -lm
$(BUILD)/eval/score: tests/eval/score_main.c tests/eval/score.c tests/eval/score.h tests/eval/gen.h
	@mkdir -p $(dir $@)
	$(CC) $(EVAL_CFLAGS) -o $@ tests/eval/score_main.c tests/eval/score.c
$(BUILD)/eval/tune: tests/eval/tune.c tests/eval/gen.c tests/eval/score.c $(BUILD)/liballiance.a
	@mkdir -p $(dir $@)
	$(CC) $(EVAL_CFLAGS) -o $@ tests/eval/tune.c tests/eval/gen.c tests/eval/score.c \
		$(BUILD)/liballiance.a $(LDLIBS)
eval: alliance $(BUILD)/eval/gen $(BUILD)/eval/score
	@sh tests/eval/run.sh
eval-tradeoff: $(BUILD)/eval/tune
	@sh tests/eval/tradeoff.sh

check-layers:
	@sh tools/check-layers.sh

# The sources as .clang-format lays them out (make check runs both checks
# as tests/cli/style.sh); make format rewrites them so.
FORMAT_FILES = $(sort $(wildcard src/*.c src/*/*.[ch] src/*/*/*.[ch] include/alliance/*/*.h \
                                 tests/unit/*.[ch]))
check-format:
	@clang-format --dry-run -Werror $(FORMAT_FILES) && echo "check-format: ok"
format:
	clang-format -i $(FORMAT_FILES)

bench: alliance
	@sh bench/run.sh

clean:
	rm -rf $(BUILD) alliance

.PHONY: eval eval-tradeoff deps deps-build demo check check-long check-unit fuzz check-layers \
	check-format format bench clean install uninstall deb check-package

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(BUILD)/src/main.d $(BUILD)/san/src/main.d \
	$(BUILD)/cmdtable.d
