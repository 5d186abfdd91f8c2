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
PROGS_SRC := $(wildcard tests/progs/*.c)
PROGS := $(PROGS_SRC:tests/progs/%.c=build/progs/%)
BUSTED := busted --lua=luajit

.PHONY: all deps run test progs install clean lint format check asan bench stress
all: ttlua

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
	luacheck lua tests scripts/check-syscalls scripts/gen-annotations
	clang-format --dry-run --Werror src/*.c src/*.h tests/progs/*.c

format:
	clang-format -i src/*.c src/*.h tests/progs/*.c

install: ttlua
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/ttlua
	install -m 755 ttlua $(DESTDIR)$(PREFIX)/bin/ttlua
	cp -R lua $(DESTDIR)$(PREFIX)/share/ttlua/

clean:
	rm -rf build ttlua
