/* event.h - the one structure the C core and the Lua engine share.
 * C fills the upper part for each event and calls the Lua engine; the
 * engine answers in the lower part (action, value, injected call).
 * lua/ttlua/core.lua declares the same layout for the FFI; a test compares
 * ttl_event_size() with ffi.sizeof. */
#ifndef TTLUA_EVENT_H
#define TTLUA_EVENT_H

#include <stdint.h>

enum ev_kind {
    EV_SYSCALL = 1,  /* a handled call at entry (seccomp or entry stop) */
    EV_SYSCALL_EXIT, /* its exit, after the engine asked to run it */
    EV_INJECT_DONE,  /* an injected call finished: ret = its result */
    EV_SPAWN,        /* the command's process exists (not yet exec'd) */
    EV_FORK,         /* tid forked/cloned child; flags = clone flags */
    EV_EXEC,         /* tid exec'd; child = the tid it had before */
    EV_EXIT,         /* tid is gone; status = wait status */
    EV_SIGNAL,       /* signal-delivery-stop: sig, siginfo; engine may change sig */
    EV_GROUP_STOP,   /* tid entered a group-stop by sig */
    EV_TIMER,        /* the timer the engine set has expired */
    EV_INTERRUPT,    /* SIGINT/SIGTERM/SIGHUP reached ttlua: sig */
};

enum ev_action {
    ACT_CONT = 0, /* entry: let the call run; exit/event: resume */
    ACT_RUN,      /* entry: run the call and report its exit */
    ACT_RETURN,   /* entry: skip the call, result = value; exit: result = value */
    ACT_INJECT,   /* run inj_nr(inj_args) in the tracee, report EV_INJECT_DONE */
    ACT_HOLD,     /* leave the tracee stopped until ttl_resume() */
    ACT_KILL,     /* kill the tracee's process */
    ACT_DETACH,   /* let the tracee go (attached processes) */
};

struct ttl_event {
    int32_t kind;
    int32_t tid, pid;
    int32_t arch; /* enum arch_id */
    int64_t nr;
    int64_t args[6];
    int64_t ret;
    uint64_t ip, sp;
    int32_t child; /* EV_FORK: new tid; EV_EXEC: former tid */
    int32_t child_pid;
    int64_t flags; /* EV_FORK: clone flags */
    int32_t sig;
    int32_t status;
    int32_t stop; /* enum stop_kind of the tracee */
    int32_t attached;
    uint8_t siginfo[128];
    /* written by the engine */
    int32_t action;
    int32_t pad;
    int64_t value;
    int64_t inj_nr;
    int64_t inj_args[6];
};

extern struct ttl_event ttl_ev;

#endif
