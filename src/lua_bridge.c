/* lua_bridge.c - the LuaJIT state and the C side of the engine's FFI.
 * The engine (lua/ttlua/engine.lua) parses the command line, loads the
 * policy, builds the filter, and answers every event; it reaches the
 * tracee through the ttl_* functions below (exported for ffi.C). */
#include "lua_bridge.h"

#include "event.h"
#include "filter.h"
#include "mem.h"
#include "output.h"
#include "quote.h"
#include "regs.h"
#include "tracee.h"
#include "tracer.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <luajit.h>
#include <lualib.h>

#ifndef TTLUA_DATADIR
#define TTLUA_DATADIR "/usr/local/share/ttlua"
#endif
#ifndef TTLUA_VERSION
#define TTLUA_VERSION "0.0.0"
#endif

#define EXPORT __attribute__((visibility("default")))

static lua_State *L;
static char bc_dir[PATH_MAX]; /* precompiled modules (see bc_searcher) */
static int event_ref = LUA_NOREF, traceback_ref = LUA_NOREF, engine_ref = LUA_NOREF;
/* The engine's event loop (engine.loop), a coroutine resumed once per event:
 * a Lua loop lets LuaJIT compile the whole per-event path as one trace,
 * which a function called from C (lua_pcall) cannot be. */
static lua_State *loop_co;
static int loop_ref = LUA_NOREF, loop_fn_ref = LUA_NOREF, loop_failed_ref = LUA_NOREF;
static volatile sig_atomic_t in_lua, interrupts;
static char lua_dir[PATH_MAX];

/* ---- FFI exports ------------------------------------------------------- */

EXPORT int64_t ttl_mem_read(int pid, uint64_t addr, void *buf, size_t len)
{
    return mem_read(pid, addr, buf, len);
}

EXPORT int64_t ttl_mem_write(int pid, uint64_t addr, const void *buf, size_t len)
{
    return mem_write(pid, addr, buf, len);
}

EXPORT int64_t ttl_mem_write_ro(int pid, uint64_t addr, const void *buf, size_t len)
{
    return mem_write_force(pid, addr, buf, len);
}

EXPORT int64_t ttl_mem_readstr(int pid, uint64_t addr, char *buf, size_t max, int *complete)
{
    return mem_readstr(pid, addr, buf, max, complete);
}

/* Set one register slot of a stopped tracee (enum reg_slot). */
EXPORT int ttl_poke(int tid, int slot, int64_t value)
{
    if (slot < 0 || slot >= REG_NSLOTS)
        return -EINVAL;
    return tracer_set_reg(tid, slot, (uint64_t)value);
}

EXPORT int ttl_resume(int tid, int action, int64_t value, int64_t inj_nr, const int64_t *inj_args)
{
    return tracer_apply(tid, action, value, inj_nr, inj_args);
}

EXPORT size_t ttl_quote(uint8_t *dst, const uint8_t *src, size_t n, int hex)
{
    return quote_bytes(dst, src, n, hex);
}

EXPORT void ttl_log(const char *s, size_t n)
{
    output_write(s, n);
}

EXPORT void ttl_log_flush(void)
{
    output_flush();
}

EXPORT int ttl_log_open(const char *path)
{
    return output_open(path);
}

EXPORT int ttl_filter_init(int all)
{
    return filter_init(all);
}

EXPORT int ttl_filter_trace(int nr)
{
    return filter_trace(nr);
}

EXPORT int ttl_filter_rule(int nr, int action, int errno_value, int ncmp, const int *args,
                           const int *ops, const uint64_t *a, const uint64_t *b)
{
    return filter_rule(nr, action, errno_value, ncmp, args, ops, a, b);
}

EXPORT int ttl_filter_traced(int nr)
{
    return filter_traced(nr);
}

EXPORT int ttl_filter_build(void)
{
    return filter_build();
}

EXPORT int ttl_filter_dump(int fd)
{
    return filter_dump(fd);
}

EXPORT void ttl_set_vdso_hiding(int on)
{
    tracer_set_vdso_hiding(on);
}

EXPORT void ttl_set_timer(double seconds)
{
    tracer_set_timer(seconds);
}

EXPORT int ttl_event_size(void)
{
    return (int)sizeof(struct ttl_event);
}

EXPORT int ttl_attach(int pid)
{
    return tracer_attach(pid);
}

EXPORT void ttl_detach_all(void)
{
    tracer_detach_all();
}

/* End a -p session: detach at the next turn of the loop (0 or -EPERM). */
EXPORT int ttl_request_detach(void)
{
    return tracer_request_detach();
}

/* Tracer CPU time so far, user and system, in seconds. */
EXPORT void ttl_cpu_time(double *user, double *sys)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
    *sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

EXPORT const char *ttl_version(void)
{
    return TTLUA_VERSION;
}

/* ---- calling Lua ------------------------------------------------------- */

static int traceback(lua_State *s)
{
    const char *msg = lua_tostring(s, 1);
    if (!msg)
        msg = lua_pushfstring(s, "(error object is a %s value)", luaL_typename(s, 1));
    luaL_traceback(s, s, msg, 1);
    return 1;
}

/* Ctrl-C while Lua runs (a policy stuck in a loop): stop it at the next
 * hook; if compiled code ignores hooks, a second signal or two seconds of
 * CPU end ttlua (PTRACE_O_EXITKILL then ends the tracees). */
static void stop_hook(lua_State *s, lua_Debug *ar)
{
    (void)ar;
    lua_sethook(s, NULL, 0, 0);
    luaL_error(s, "interrupted");
}

/* The signal that interrupted ttlua: its exit status is 128 + it. */
static volatile sig_atomic_t interrupt_signo = SIGINT;

static void on_watchdog(int sig)
{
    (void)sig;
    if (in_lua) {
        static const char msg[] = "ttlua: interrupted: the policy did not return\n";
        if (write(2, msg, sizeof msg - 1) < 0)
            _exit(128 + interrupt_signo);
        _exit(128 + interrupt_signo);
    }
}

static void bridge_interrupt(int sig)
{
    if (!in_lua)
        return;
    interrupt_signo = sig;
    if (++interrupts >= 2)
        _exit(128 + sig);
    /* Not at once: a handler about to return must not fail because a
     * signal (a forwarded SIGTERM) came in; one still running ten million
     * VM instructions later is stuck. */
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, 10 * 1000 * 1000);
    signal(SIGVTALRM, on_watchdog);
    struct itimerval it = {{0, 0}, {2, 0}};
    setitimer(ITIMER_VIRTUAL, &it, NULL);
}

static int pcall_ref(int ref, int nargs, int nresults)
{
    int base = lua_gettop(L) - nargs + 1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, traceback_ref);
    lua_insert(L, base);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_insert(L, base + 1);
    in_lua = 1;
    int rc = lua_pcall(L, nargs, nresults, base);
    in_lua = 0;
    if (interrupts) {
        interrupts = 0;
        lua_sethook(L, NULL, 0, 0); /* it returned: the next call runs in peace */
        struct itimerval off = {{0, 0}, {0, 0}};
        setitimer(ITIMER_VIRTUAL, &off, NULL);
    }
    lua_remove(L, base);
    if (rc) {
        fprintf(stderr, "ttlua: internal error: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}

static void loop_new(void)
{
    if (loop_ref != LUA_NOREF)
        luaL_unref(L, LUA_REGISTRYINDEX, loop_ref);
    loop_co = lua_newthread(L);
    loop_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_rawgeti(L, LUA_REGISTRYINDEX, loop_fn_ref);
    lua_xmove(L, loop_co, 1);
}

int bridge_event(void)
{
    if (loop_fn_ref == LUA_NOREF)
        return pcall_ref(event_ref, 0, 0);
    if (!loop_co)
        loop_new();
    in_lua = 1;
    int rc = lua_resume(loop_co, 0);
    in_lua = 0;
    if (interrupts) {
        interrupts = 0;
        struct itimerval off = {{0, 0}, {0, 0}};
        setitimer(ITIMER_VIRTUAL, &off, NULL);
    }
    if (rc == LUA_YIELD)
        return 0;
    /* engine.loop has no pcall (it would keep LuaJIT from compiling the
     * handlers' side traces): an error ends the coroutine.  The engine
     * reports it, with the coroutine's traceback, and answers the event;
     * the next event gets a new coroutine. */
    const char *msg = rc ? lua_tostring(loop_co, -1) : "the event loop returned";
    luaL_traceback(L, loop_co, msg ? msg : "(an error object that is not a string)", 0);
    loop_co = NULL;
    return pcall_ref(loop_failed_ref, 1, 0);
}

/* ---- start-up ---------------------------------------------------------- */

static int has_engine(const char *dir)
{
    char p[PATH_MAX + 32];
    snprintf(p, sizeof p, "%s/ttlua/engine.lua", dir);
    return access(p, R_OK) == 0;
}

static int find_lua_dir(void)
{
    const char *env = getenv("TTLUA_LUA_DIR");
    if (env && *env) {
        snprintf(lua_dir, sizeof lua_dir, "%s", env);
        return has_engine(lua_dir) ? 0 : -1;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *dir = dirname(exe);
        if (snprintf(lua_dir, sizeof lua_dir, "%.*s/lua", PATH_MAX - 32, dir) > 0 &&
            has_engine(lua_dir))
            return 0;
        if (snprintf(lua_dir, sizeof lua_dir, "%.*s/../share/ttlua/lua", PATH_MAX - 32, dir) > 0 &&
            has_engine(lua_dir))
            return 0;
    }
    snprintf(lua_dir, sizeof lua_dir, "%s/lua", TTLUA_DATADIR);
    return has_engine(lua_dir) ? 0 : -1;
}

/* package.loaders entry: a module of lua_dir from its precompiled bytecode
 * (build/lua/ next to the lua/ directory, made by `make` with luajit -b),
 * when that is at least as new as the source; otherwise it says so and the
 * usual searcher loads the source.  Loading bytecode instead of parsing
 * about 300 KB of Lua halves ttlua's start-up time. */
static int bc_searcher(lua_State *s)
{
    const char *name = luaL_checkstring(s, 1);
    char rel[256], src[PATH_MAX + 300], bc[PATH_MAX + 300];
    size_t n = strlen(name);
    if (!bc_dir[0] || n + 1 > sizeof rel) {
        lua_pushliteral(s, "");
        return 1;
    }
    for (size_t i = 0; i <= n; i++)
        rel[i] = name[i] == '.' ? '/' : name[i];
    static const char *const suffixes[] = {".lua", "/init.lua"};
    for (int k = 0; k < 2; k++) {
        struct stat ss, bs;
        snprintf(src, sizeof src, "%s/%s%s", lua_dir, rel, suffixes[k]);
        if (stat(src, &ss) < 0)
            continue;
        snprintf(bc, sizeof bc, "%s/%s%s", bc_dir, rel, suffixes[k]);
        if (stat(bc, &bs) < 0 || bs.st_mtim.tv_sec < ss.st_mtim.tv_sec ||
            (bs.st_mtim.tv_sec == ss.st_mtim.tv_sec && bs.st_mtim.tv_nsec < ss.st_mtim.tv_nsec))
            break;
        if (luaL_loadfile(s, bc) == 0)
            return 1;
        lua_pop(s, 1); /* e.g. bytecode of another LuaJIT: use the source */
        break;
    }
    lua_pushfstring(s, "\n\tno fresh bytecode for '%s' in %s", name, bc_dir);
    return 1;
}

static void bc_install(void)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", lua_dir);
    snprintf(bc_dir, sizeof bc_dir, "%.*s/build/lua", PATH_MAX - 32, dirname(tmp));
    struct stat st;
    if (stat(bc_dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
        bc_dir[0] = 0;
        return;
    }
    /* package.loaders[2] = bc_searcher, after the preload searcher */
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "loaders");
    for (int i = (int)lua_objlen(L, -1); i >= 2; i--) {
        lua_rawgeti(L, -1, i);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushcfunction(L, bc_searcher);
    lua_rawseti(L, -2, 2);
    lua_pop(L, 2);
}

int bridge_open(const char *argv0)
{
    (void)argv0;
    if (find_lua_dir() < 0) {
        fprintf(stderr, "ttlua: cannot find the Lua files (lua/ttlua/engine.lua); "
                        "set TTLUA_LUA_DIR\n");
        return -1;
    }
    L = luaL_newstate();
    if (!L) {
        fprintf(stderr, "ttlua: cannot create the Lua state\n");
        return -1;
    }
    luaL_openlibs(L);
    lua_pushcfunction(L, traceback);
    traceback_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    lua_getglobal(L, "package");
    lua_pushfstring(L, "%s/?.lua;%s/?/init.lua;", lua_dir, lua_dir);
    lua_getfield(L, -2, "path");
    lua_concat(L, 2);
    lua_setfield(L, -2, "path");
    lua_pop(L, 1);
    if (!getenv("TTLUA_NO_BYTECODE"))
        bc_install();

    lua_getglobal(L, "require");
    lua_pushliteral(L, "ttlua.engine");
    in_lua = 1;
    int rc = lua_pcall(L, 1, 1, 0);
    in_lua = 0;
    if (rc) {
        fprintf(stderr, "ttlua: cannot load the engine: %s\n", lua_tostring(L, -1));
        return -1;
    }
    lua_getfield(L, -1, "event");
    event_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, -1, "loop_failed");
    lua_getfield(L, -2, "loop");
    if (lua_isfunction(L, -1) && lua_isfunction(L, -2)) {
        loop_fn_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        loop_failed_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else {
        lua_pop(L, 2);
    }
    engine_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

static char *dup_or_die(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        perror("ttlua");
        exit(1);
    }
    return d;
}

/* Read the engine's spawn spec: { path = "...", argv = {...}, pids = {...} } */
static void read_spec(int idx, struct spawn_spec *spec)
{
    memset(spec, 0, sizeof *spec);
    lua_getfield(L, idx, "path");
    if (lua_isstring(L, -1))
        spec->path = dup_or_die(lua_tostring(L, -1));
    lua_pop(L, 1);
    lua_getfield(L, idx, "argv");
    size_t n = lua_istable(L, -1) ? lua_objlen(L, -1) : 0;
    spec->argv = calloc(n + 1, sizeof *spec->argv);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, -1, (int)i + 1);
        spec->argv[i] = dup_or_die(lua_tostring(L, -1) ? lua_tostring(L, -1) : "");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, idx, "pids");
    n = lua_istable(L, -1) ? lua_objlen(L, -1) : 0;
    spec->pids = calloc(n + 1, sizeof *spec->pids);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, -1, (int)i + 1);
        spec->pids[i] = (pid_t)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

void bridge_free_spec(struct spawn_spec *spec)
{
    free(spec->path);
    for (char **a = spec->argv; a && *a; a++)
        free(*a);
    free(spec->argv);
    free(spec->pids);
    memset(spec, 0, sizeof *spec);
}

int bridge_setup(int argc, char **argv, struct spawn_spec *spec)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, engine_ref);
    lua_getfield(L, -1, "setup");
    lua_remove(L, -2);
    int setup_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_createtable(L, argc, 0);
    for (int i = 1; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i);
    }
    lua_pushstring(L, lua_dir);
    if (pcall_ref(setup_ref, 2, 1) < 0)
        return 1;
    luaL_unref(L, LUA_REGISTRYINDEX, setup_ref);
    int rc = -1;
    if (lua_isnumber(L, -1))
        rc = (int)lua_tointeger(L, -1);
    else if (lua_istable(L, -1))
        read_spec(lua_gettop(L), spec);
    else
        rc = 1;
    lua_pop(L, 1);
    return rc;
}

int bridge_finish(int status)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, engine_ref);
    lua_getfield(L, -1, "finish");
    lua_remove(L, -2);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushinteger(L, status);
    if (pcall_ref(ref, 1, 1) < 0)
        return status ? status : 1;
    int rc = lua_isnumber(L, -1) ? (int)lua_tointeger(L, -1) : status;
    lua_pop(L, 1);
    output_flush();
    return rc;
}

void bridge_hooks(struct tracer_hooks *h)
{
    h->event = bridge_event;
    h->interrupt = bridge_interrupt;
}
