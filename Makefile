# ttlua - a programmable system-call interceptor (ptrace + seccomp + LuaJIT).
# make run     install deps, build, trace /bin/echo with the passthru policy
# make test    install deps, build, run the busted suite
# make stress  heavy loads natively and under ttlua (a few minutes; not in CI)
# make asan    the whole suite with ttlua built with ASan and UBSan
VERSION  := 0.1.0
PREFIX   ?= /usr/local
CC       ?= cc
PKGS     := luajit libseccomp
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE \
            -DTTLUA_VERSION='"$(VERSION)"' -DTTLUA_DATADIR='"$(PREFIX)/share/ttlua"' \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDFLAGS  += -rdynamic
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null)

SRCS := $(wildcard src/*.c)
OBJS := $(SRCS:src/%.c=build/%.o)
# Precompiled Lua (luajit -b, with line info): ttlua loads build/lua/X when
# it is newer than lua/X, which halves its start-up time (src/lua_bridge.c).
LUA_SRC := $(shell find lua -name '*.lua')
LUA_BC := $(LUA_SRC:%=build/%)
PROGS_SRC := $(wildcard tests/progs/*.c)
PROGS := $(PROGS_SRC:tests/progs/%.c=build/progs/%)
BUSTED := busted --lua=luajit

.PHONY: all bytecode deps run test progs install clean lint format check asan bench stress
all: ttlua bytecode
bytecode: $(LUA_BC)

build/lua/%.lua: lua/%.lua
	@mkdir -p $(dir $@)
	@luajit -b -g $< $@

deps:
	@sh scripts/install-deps.sh

build/%.o: src/%.c $(wildcard src/*.h) | build
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

ttlua: $(OBJS)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

build build/progs:
	@mkdir -p $@

build/progs/%: tests/progs/%.c | build/progs
	@echo "  CC      $<"
	@$(CC) -O1 -g -std=gnu11 -Wall -Wextra -Werror -pthread -o $@ $< $(PROGS_LDLIBS_$*)

progs: $(PROGS)

run: deps
	@$(MAKE) --no-print-directory all
	./ttlua -- /bin/echo "hello world"

test: deps
	@$(MAKE) --no-print-directory all progs
	$(BUSTED) --output=plainTerminal tests

stress: deps
	@$(MAKE) --no-print-directory all progs
	scripts/stress ./ttlua

# The suite against a ttlua built with AddressSanitizer and UBSan (the
# tests run build/asan/ttlua through TTLUA_BIN); any report fails it.
ASAN_DIR   := build/asan
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_OBJS  := $(SRCS:src/%.c=$(ASAN_DIR)/%.o)

$(ASAN_DIR):
	@mkdir -p $@

$(ASAN_DIR)/%.o: src/%.c $(wildcard src/*.h) | $(ASAN_DIR)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) -c -o $@ $<

$(ASAN_DIR)/ttlua: $(ASAN_OBJS)
	$(CC) $(LDFLAGS) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)

asan: deps
	@$(MAKE) --no-print-directory all progs $(ASAN_DIR)/ttlua
	@rm -rf $(ASAN_DIR)/reports && mkdir -p $(ASAN_DIR)/reports
	TTLUA_BIN=$(CURDIR)/$(ASAN_DIR)/ttlua TTLUA_LUA_DIR=$(CURDIR)/lua \
	ASAN_OPTIONS=log_path=$(CURDIR)/$(ASAN_DIR)/reports/asan:detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=log_path=$(CURDIR)/$(ASAN_DIR)/reports/ubsan:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0 \
	$(BUSTED) tests; rc=$$?; \
	if ls $(ASAN_DIR)/reports/* >/dev/null 2>&1; then \
	  echo "asan: sanitizer reports in $(ASAN_DIR)/reports:"; head -40 $(ASAN_DIR)/reports/*; exit 1; \
	fi; exit $$rc

lint:
	luacheck lua tests scripts/check-syscalls scripts/gen-annotations
	clang-format --dry-run --Werror src/*.c src/*.h tests/progs/*.c

format:
	clang-format -i src/*.c src/*.h tests/progs/*.c

install: ttlua bytecode
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/ttlua/build
	install -m 755 ttlua $(DESTDIR)$(PREFIX)/bin/ttlua
	cp -R lua $(DESTDIR)$(PREFIX)/share/ttlua/
	cp -R build/lua $(DESTDIR)$(PREFIX)/share/ttlua/build/

# ttlua against native runs and strace: a table of medians and ratios
# (scripts/bench; BENCH_RUNS, BENCH_ROUNDS, BENCH_QUICK=1 to try it quickly).
bench: deps
	@$(MAKE) --no-print-directory all progs
	python3 scripts/bench

clean:
	rm -rf build ttlua
