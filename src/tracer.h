/* tracer.h - spawning the command under ptrace and the event loop that turns
 * every stop into an event for the Lua engine and applies its answer. */
#ifndef TTLUA_TRACER_H
#define TTLUA_TRACER_H

#include <stdint.h>
#include <sys/types.h>

struct tracer_hooks {
    /* Called with ttl_ev filled; the engine writes its answer into ttl_ev.
     * Returns 0, or -1 when the engine failed (the default answer is used). */
    int (*event)(void);
    /* Called from the SIGINT/SIGTERM/SIGHUP handler (async-signal context). */
    void (*interrupt)(int sig);
};

void tracer_init(const struct tracer_hooks *hooks);
/* Fork the command (path, argv) stopped before execve, seize it, announce it
 * (EV_SPAWN), load the seccomp filter and let it exec.  Returns its pid. */
pid_t tracer_spawn(const char *path, char *const argv[]);
/* Seize every thread of a running process (-p).  Returns 0 or -errno. */
int tracer_attach(pid_t pid);
/* Run until every tracee is gone.  Returns the exit status ttlua should
 * exit with (the first process's, 128+N if killed by signal N). */
int tracer_loop(void);
/* Apply an engine action to a stopped tracee (also used for held tracees). */
int tracer_apply(pid_t tid, int action, int64_t value, int64_t inj_nr, const int64_t inj_args[6]);
/* Set a register slot of a stopped tracee (the saved set during an injection). */
int tracer_set_reg(pid_t tid, int slot, uint64_t value);
/* Arm the engine's timer (seconds from now; <= 0 disarms). */
void tracer_set_timer(double seconds);
void tracer_set_vdso_hiding(int on);
/* Detach from every tracee, leaving it running (end of a -p session). */
void tracer_detach_all(void);
/* Detach at the next turn of the loop and end it (-p only; -EPERM for a
 * spawned command, which cannot run without its tracer). */
int tracer_request_detach(void);
/* Once every tracee is seized: make ttlua non-dumpable, so that a tracee
 * of the same user cannot ptrace it or write its memory. */
void tracer_protect(void);

/* Counters for --stats (lua/ttlua/core.lua declares the same layout).
 * entry_answers: handled calls answered at their entry stop (refused,
 * faked or let through) without asking for the exit stop. */
struct tracer_stats {
    uint64_t stops, seccomp_stops, exit_stops, injections, events, signals;
    uint64_t entry_stops, syscall_events, entry_answers, exit_requests;
};
extern struct tracer_stats tracer_stats;

#endif
