/* tracee.h - the table of traced threads, keyed by tid.
 * Each record says where the thread is stopped (or that it runs) and what its
 * next syscall-stop will mean; per-process meaning (fd tables, user data)
 * lives in Lua, keyed by pid. */
#ifndef TTLUA_TRACEE_H
#define TTLUA_TRACEE_H

#include "regs.h"

#include <stdint.h>
#include <sys/types.h>

/* Where a stopped thread is stopped. */
enum stop_kind {
    STOP_NONE,    /* running */
    STOP_SECCOMP, /* PTRACE_EVENT_SECCOMP: syscall entry, filter said TRACE */
    STOP_ENTRY,   /* syscall-entry-stop (attached processes, no filter) */
    STOP_EXIT,    /* syscall-exit-stop */
    STOP_EVENT,   /* fork/clone/exec/exit event stop */
    STOP_SIGNAL,  /* signal-delivery-stop */
    STOP_GROUP,   /* group-stop (PTRACE_EVENT_STOP) */
};

/* What the next syscall-stop of a running thread means. */
enum expect {
    EXPECT_NOTHING,   /* no syscall-stop wanted: resumed with PTRACE_CONT */
    EXPECT_EXIT,      /* exit of the current call: report to Lua */
    EXPECT_SKIP_EXIT, /* exit of the current call: resume silently (attach mode) */
    EXPECT_INJ_ENTRY, /* entry of an injected call (injected from an exit stop) */
    EXPECT_INJ_EXIT,  /* exit of an injected call */
    EXPECT_REPLAY,    /* the original call re-executed after an injection */
    EXPECT_INJ_PRE,   /* exit of execve, where an injection asked at the exec stop starts */
};

struct tracee {
    pid_t tid;
    pid_t pid; /* thread group id */
    enum stop_kind stop;
    enum expect expect;
    int attached;          /* attached with -p: no seccomp filter, every call stops */
    int announced;         /* Lua knows this thread */
    int held;              /* stopped, waiting for Lua to resume it */
    int new_child;         /* auto-attached, first stop not seen yet */
    int in_syscall;        /* between a handled entry and its exit */
    int first_stop_seen;   /* new child: its first stop arrived */
    pid_t parent_tid;      /* new child: the thread whose fork event created it */
    int64_t fork_flags;    /* new child: clone flags */
    int sig;               /* signal to deliver when resuming a signal-delivery-stop */
    uint64_t deferred_sig; /* signals that arrived during an injection, re-sent after */
    /* Injection: the registers to restore, and how the injection started. */
    regs_t saved;
    int inj_from;    /* STOP_SECCOMP/STOP_ENTRY, STOP_EXIT, or STOP_EVENT */
    int stop_event;  /* STOP_EVENT: the PTRACE_EVENT_* it is (STOP: a new child's first) */
    uint64_t inj_ip; /* the address just after the syscall instruction injections use */
    int64_t pend_nr; /* injection asked at an exec stop, started at execve's exit */
    int64_t pend_args[6];
    int replay_then; /* after the replay stop: 1 = stop at its exit */
    uint64_t replay_ip;
    int64_t replay_nr;
    uint64_t patch_addr; /* STOP_EVENT injection: where the syscall insn was written */
    uint8_t patch_orig[8];
    int64_t cur_nr; /* the call being handled */
    int cur_arch;
};

struct tracee *tracee_find(pid_t tid);
struct tracee *tracee_add(pid_t tid, pid_t pid);
void tracee_remove(struct tracee *t);
int tracee_count(void);
/* Call fn on every tracee (removal of the visited one is allowed). */
void tracee_each(void (*fn)(struct tracee *, void *), void *arg);

#endif
