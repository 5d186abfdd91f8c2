# ttlua - a programmable system-call interceptor (ptrace + seccomp + LuaJIT).
# make run     install deps, build, trace /bin/echo with the passthru policy
# make test    install deps, build, run the busted suite
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

lint:
	luacheck lua tests scripts/check-syscalls
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
