/* tracer.c - the ptrace event loop.
 * One waitpid(-1, __WALL) loop; every stop becomes one event for the Lua
 * engine (event.h), whose answer is applied here.  This file owns the
 * ptrace requests that move tracees: resume, skip, inject, replay. */
#include "tracer.h"

#include "event.h"
#include "filter.h"
#include "guard.h"
#include "inherit.h"
#include "inject.h"
#include "mem.h"
#include "output.h"
#include "regs.h"
#include "tracee.h"
#include "vdso.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PTRACE_EVENT_STOP
#define PTRACE_EVENT_STOP 128
#endif

#define NR_CLONE  56
#define NR_FORK   57
#define NR_VFORK  58
#define NR_CLONE3 435

struct ttl_event ttl_ev;
struct tracer_stats tracer_stats;

static struct tracer_hooks hooks;
static pid_t main_pid = -1;
static int main_status = -1;
static pid_t spawned_pid = -1;            /* the command ttlua started (not -p) */
static volatile sig_atomic_t main_gone;   /* spawned_pid has exited */
static volatile sig_atomic_t forward_sig; /* to pass to every tracee */
static int detach_requested;
static int exec_err_fd = -1;
static int hide_vdso;

static volatile sig_atomic_t timer_fired;
static volatile sig_atomic_t interrupt_sig;

static const long seize_options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
                                  PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |
                                  PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;

/* ---- small helpers ---------------------------------------------------- */

static void warn_errno(const char *what, pid_t tid)
{
    if (errno != ESRCH)
        fprintf(stderr, "ttlua: %s %d: %s\n", what, (int)tid, strerror(errno));
}

/* Resume a stopped tracee.  stop_at_syscall asks for the next syscall-stop
 * (PTRACE_SYSCALL); attached tracees always need it, having no filter. */
static void resume(struct tracee *t, int stop_at_syscall, int sig)
{
    int req = (stop_at_syscall || t->attached) ? PTRACE_SYSCALL : PTRACE_CONT;
    output_flush_if_interactive();
    t->stop = STOP_NONE;
    t->stop_event = 0;
    t->held = 0;
    if (ptrace(req, t->tid, 0, (void *)(long)sig) < 0) {
        /* A bad signal number (EIO) must not leave the tracee stopped:
         * resume it without the signal. */
        if (sig != 0 && (errno == EIO || errno == EINVAL)) {
            fprintf(stderr, "ttlua: cannot deliver signal %d to %d: %s; resumed without it\n", sig,
                    (int)t->tid, strerror(errno));
            if (ptrace(req, t->tid, 0, 0) == 0)
                return;
        }
        warn_errno("resume", t->tid);
    }
}

/* After an injection sequence ends, re-send signals that arrived during it. */
static void redeliver_deferred(struct tracee *t)
{
    for (int s = 1; t->deferred_sig && s < 64; s++) {
        if (t->deferred_sig & (1ULL << s)) {
            t->deferred_sig &= ~(1ULL << s);
            syscall(SYS_tgkill, t->pid, t->tid, s);
        }
    }
}

static int syscall_info(struct tracee *t, struct __ptrace_syscall_info *info)
{
    long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof *info, info);
    return n <= 0 ? -1 : 0;
}

static void ev_reset(int kind, struct tracee *t)
{
    ttl_ev.kind = kind;
    ttl_ev.tid = t ? t->tid : 0;
    ttl_ev.pid = t ? t->pid : 0;
    ttl_ev.stop = t ? (int32_t)t->stop : 0;
    ttl_ev.attached = t ? t->attached : 0;
    ttl_ev.action = ACT_CONT;
    ttl_ev.value = 0;
}

static int call_engine(void)
{
    tracer_stats.events++;
    if (!hooks.event || hooks.event() < 0) {
        ttl_ev.action = ACT_CONT;
        return -1;
    }
    return 0;
}

/* ---- injection -------------------------------------------------------- */

/* Start running nr(args) inside a stopped tracee.
 * At a syscall entry the injected call replaces the current one (which is
 * replayed afterwards if it must still run).  At an exit, or at a new
 * child's first stop, the syscall instruction before rip runs once more with
 * the injected registers (or one in the vDSO when rip - 2 is not one).  At
 * an exec stop the tracee first runs to execve's exit (which sets rax), and
 * the injection starts there, from the vDSO or from a syscall instruction
 * written at the entry point: nothing else shares a freshly exec'd mm. */
static int inject_where(struct tracee *t, uint64_t ip, int may_patch)
{
    int rc = inject_insn_before(t->pid, ip);
    if (rc == 1) {
        t->inj_ip = ip;
        return 0;
    }
    uint64_t at;
    rc = inject_find_insn(t->pid, &at);
    if (rc == 0) {
        t->inj_ip = at + SYSCALL_INSN_LEN;
        return 0;
    }
    if (!may_patch)
        return rc;
    rc = inject_patch(t->pid, ip, t->patch_orig);
    if (rc < 0)
        return rc;
    t->patch_addr = ip;
    t->inj_ip = ip + SYSCALL_INSN_LEN;
    return 0;
}

static int inject_start(struct tracee *t, int64_t nr, const int64_t args[6])
{
    if (!t->inj_ip)
        return -ENOENT;
    regs_t r = t->saved;
    regs_load_syscall(&r, nr, args, t->inj_ip);
    if (regs_store(t->tid, &r) < 0)
        return -errno;
    tracer_stats.injections++;
    t->expect = EXPECT_INJ_ENTRY;
    t->stop = STOP_NONE;
    if (ptrace(PTRACE_SYSCALL, t->tid, 0, 0) < 0)
        return -errno;
    return 0;
}

static int inject_begin(struct tracee *t, int64_t nr, const int64_t args[6])
{
    int rc;
    if (t->inj_from)
        return inject_start(t, nr, args);
    if (t->stop == STOP_EVENT && t->stop_event == PTRACE_EVENT_EXEC) {
        t->inj_from = STOP_EVENT;
        t->pend_nr = nr;
        memcpy(t->pend_args, args, sizeof t->pend_args);
        t->expect = EXPECT_INJ_PRE;
        t->stop = STOP_NONE;
        return ptrace(PTRACE_SYSCALL, t->tid, 0, 0) < 0 ? -errno : 0;
    }
    int at_exit =
        t->stop == STOP_EXIT || (t->stop == STOP_EVENT && t->stop_event == PTRACE_EVENT_STOP);
    if (t->stop != STOP_SECCOMP && t->stop != STOP_ENTRY && !at_exit)
        return -EINVAL;
    /* An int 0x80 or x32 call would run the injected number in its own
     * table (i386's 9 is link, not mmap): never inject there. */
    if (t->stop != STOP_EVENT && t->cur_arch != ARCH_X86_64)
        return -ENOTSUP;
    if (regs_fetch(t->tid, &t->saved) < 0)
        return -errno;
    if (at_exit) {
        rc = inject_where(t, regs_get(&t->saved, REG_IP), 0);
        if (rc < 0)
            return rc;
        t->inj_from = STOP_EXIT;
        return inject_start(t, nr, args);
    }
    /* At the entry: no rewind, the kernel runs the injected call now. */
    regs_t r = t->saved;
    t->inj_ip = regs_get(&t->saved, REG_IP);
    t->inj_from = t->stop;
    regs_load_syscall(&r, nr, args, t->inj_ip);
    regs_set(&r, REG_IP, t->inj_ip);
    if (regs_store(t->tid, &r) < 0) {
        t->inj_from = 0;
        return -errno;
    }
    tracer_stats.injections++;
    t->expect = EXPECT_INJ_EXIT;
    t->stop = STOP_NONE;
    if (ptrace(PTRACE_SYSCALL, t->tid, 0, 0) < 0)
        return -errno;
    return 0;
}

/* The exit of execve after an injection was asked at the exec stop. */
static int inject_after_exec(struct tracee *t)
{
    if (regs_fetch(t->tid, &t->saved) < 0)
        return -errno;
    int rc = inject_where(t, regs_get(&t->saved, REG_IP), 1);
    if (rc < 0)
        return rc;
    return inject_start(t, t->pend_nr, t->pend_args);
}

/* End an injection sequence: restore the registers and either run the
 * original call (replay), give it a result, or just resume after it. */
static void inject_end(struct tracee *t, int action, int64_t value)
{
    regs_t r = t->saved;
    int from = t->inj_from;
    t->inj_from = 0;
    if (t->patch_addr) {
        if (inject_unpatch(t->pid, t->patch_addr, t->patch_orig) < 0)
            warn_errno("restore the code of", t->tid);
        t->patch_addr = 0;
    }
    if (from == STOP_EXIT || from == STOP_EVENT) {
        if (action == ACT_RETURN && from == STOP_EXIT)
            regs_set(&r, REG_RESULT, (uint64_t)value);
        if (regs_store(t->tid, &r) < 0)
            warn_errno("restore registers of", t->tid);
        t->expect = EXPECT_NOTHING;
        redeliver_deferred(t);
        resume(t, 0, 0);
        return;
    }
    if (action == ACT_RETURN) {
        /* The original call never runs: it returns value. */
        regs_set(&r, REG_RESULT, (uint64_t)value);
        if (regs_store(t->tid, &r) < 0)
            warn_errno("restore registers of", t->tid);
        t->expect = EXPECT_NOTHING;
        redeliver_deferred(t);
        resume(t, 0, 0);
        return;
    }
    /* Run the original call: point back at its syscall instruction. */
    t->replay_ip = regs_get(&t->saved, REG_IP);
    t->replay_nr = (int64_t)regs_get(&t->saved, REG_NR);
    t->replay_then = action == ACT_RUN;
    regs_set(&r, REG_IP, t->replay_ip - SYSCALL_INSN_LEN);
    regs_set(&r, REG_RESULT, (uint64_t)t->replay_nr);
    if (regs_store(t->tid, &r) < 0)
        warn_errno("restore registers of", t->tid);
    t->expect = EXPECT_REPLAY;
    redeliver_deferred(t);
    resume(t, 0, 0);
}

/* ---- applying the engine's answer ------------------------------------ */

static int apply(struct tracee *t, int action, int64_t value, int64_t inj_nr,
                 const int64_t inj_args[6])
{
    if (t->stop == STOP_NONE)
        return -EBUSY;
    if (action == ACT_HOLD) {
        t->held = 1;
        return 0;
    }
    if (action == ACT_KILL) {
        kill(t->pid, SIGKILL);
        t->inj_from = 0;
        resume(t, 0, 0);
        return 0;
    }
    if (action == ACT_DETACH) {
        ptrace(PTRACE_DETACH, t->tid, 0, 0);
        tracee_remove(t);
        return 0;
    }
    if (action == ACT_INJECT)
        return inject_begin(t, inj_nr, inj_args);
    if (t->inj_from) {
        inject_end(t, action, value);
        return 0;
    }
    switch (t->stop) {
    case STOP_SECCOMP:
    case STOP_ENTRY:
        if (action == ACT_RUN)
            tracer_stats.exit_requests++;
        else if (!t->attached)
            tracer_stats.entry_answers++;
        if (action == ACT_RETURN) {
            if (regs_poke(t->tid, REG_NR, (uint64_t)-1) < 0 ||
                regs_poke(t->tid, REG_RESULT, (uint64_t)value) < 0)
                warn_errno("skip call of", t->tid);
            /* An attached tracee still passes its exit stop. */
            t->expect = t->attached ? EXPECT_SKIP_EXIT : EXPECT_NOTHING;
            resume(t, 0, 0);
        } else if (action == ACT_RUN) {
            t->expect = EXPECT_EXIT;
            resume(t, 1, 0);
        } else {
            t->expect = t->attached ? EXPECT_SKIP_EXIT : EXPECT_NOTHING;
            resume(t, 0, 0);
        }
        return 0;
    case STOP_EXIT:
        if (action == ACT_RETURN && regs_poke(t->tid, REG_RESULT, (uint64_t)value) < 0)
            warn_errno("set result of", t->tid);
        t->expect = EXPECT_NOTHING;
        resume(t, 0, 0);
        return 0;
    case STOP_SIGNAL:
        resume(t, t->expect != EXPECT_NOTHING, t->sig);
        return 0;
    case STOP_GROUP:
        t->stop = STOP_NONE;
        t->held = 0;
        output_flush_if_interactive();
        if (ptrace(PTRACE_LISTEN, t->tid, 0, 0) < 0)
            warn_errno("listen", t->tid);
        return 0;
    default:
        resume(t, t->expect != EXPECT_NOTHING, 0);
        return 0;
    }
}

int tracer_set_reg(pid_t tid, int slot, uint64_t value)
{
    struct tracee *t = tracee_find(tid);
    if (!t)
        return -ESRCH;
    if (t->stop == STOP_NONE)
        return -EBUSY;
    enum arch_id arch = t->cur_arch == ARCH_I386 ? ARCH_I386 : ARCH_X86_64;
    if (t->inj_from) {
        /* mid-injection: change the registers that will be restored */
        regs_set_arch(&t->saved, arch, (enum reg_slot)slot, value);
        return 0;
    }
    return regs_poke_arch(tid, arch, (enum reg_slot)slot, value);
}

int tracer_apply(pid_t tid, int action, int64_t value, int64_t inj_nr, const int64_t inj_args[6])
{
    struct tracee *t = tracee_find(tid);
    if (!t)
        return -ESRCH;
    static const int64_t zero[6];
    return apply(t, action, value, inj_nr, inj_args ? inj_args : zero);
}

static void apply_engine_answer(struct tracee *t)
{
    int rc = apply(t, ttl_ev.action, ttl_ev.value, ttl_ev.inj_nr, ttl_ev.inj_args);
    if (rc < 0 && ttl_ev.action == ACT_INJECT) {
        /* The injection could not start: tell the engine, then go on. */
        ev_reset(EV_INJECT_DONE, t);
        ttl_ev.ret = rc;
        call_engine();
        if (ttl_ev.action == ACT_INJECT)
            ttl_ev.action = ACT_CONT;
        apply(t, ttl_ev.action, ttl_ev.value, 0, ttl_ev.inj_args);
    }
}

/* ---- stops ------------------------------------------------------------ */

static void fill_call(struct tracee *t, const struct __ptrace_syscall_info *info)
{
    ttl_ev.nr = (int64_t)info->entry.nr;
    for (int i = 0; i < 6; i++)
        ttl_ev.args[i] = (int64_t)info->entry.args[i];
    ttl_ev.arch = regs_arch(info->arch, ttl_ev.nr);
    ttl_ev.ip = info->instruction_pointer;
    ttl_ev.sp = info->stack_pointer;
    t->cur_nr = ttl_ev.nr;
    t->cur_arch = ttl_ev.arch;
}

/* A replayed call (after an injection at its entry) passes straight on. */
static int replay_stop(struct tracee *t, const struct __ptrace_syscall_info *info)
{
    if (t->expect != EXPECT_REPLAY)
        return 0;
    t->expect = EXPECT_NOTHING;
    if (info->instruction_pointer != t->replay_ip || (int64_t)info->entry.nr != t->replay_nr)
        return 0; /* a signal handler ran first: treat this one as new */
    t->expect = t->replay_then ? EXPECT_EXIT : (t->attached ? EXPECT_SKIP_EXIT : EXPECT_NOTHING);
    resume(t, t->replay_then, 0);
    return 1;
}

/* Before the engine sees a call: what must hold whatever the policy says. */
static void guard_call(struct tracee *t, struct __ptrace_syscall_info *info)
{
    int arch = regs_arch(info->arch, (int64_t)info->entry.nr);
    if (guard_entry(t->tid, arch, info) < 0 && errno != ESRCH) {
        /* the flag could not be cleared: the child would escape */
        fprintf(stderr, "ttlua: cannot make clone of %d traced: %s; killing it\n", (int)t->tid,
                strerror(errno));
        kill(t->pid, SIGKILL);
    }
}

static void on_seccomp_stop(struct tracee *t)
{
    struct __ptrace_syscall_info info;
    tracer_stats.seccomp_stops++;
    if (t->expect == EXPECT_INJ_EXIT || t->expect == EXPECT_INJ_ENTRY) {
        /* the injected call passing the filter */
        t->expect = EXPECT_INJ_EXIT;
        resume(t, 1, 0);
        return;
    }
    if (syscall_info(t, &info) < 0) {
        warn_errno("syscall info of", t->tid);
        resume(t, 0, 0);
        return;
    }
    if (replay_stop(t, &info))
        return;
    t->stop = STOP_SECCOMP;
    guard_call(t, &info);
    tracer_stats.syscall_events++;
    ev_reset(EV_SYSCALL, t);
    fill_call(t, &info);
    call_engine();
    apply_engine_answer(t);
}

static void on_syscall_stop(struct tracee *t)
{
    struct __ptrace_syscall_info info;
    switch (t->expect) {
    case EXPECT_INJ_PRE: {
        t->stop = STOP_EXIT;
        t->expect = EXPECT_NOTHING;
        int rc = inject_after_exec(t);
        if (rc < 0) {
            t->inj_ip = 0;
            t->stop = STOP_EXIT;
            ev_reset(EV_INJECT_DONE, t);
            ttl_ev.ret = rc;
            call_engine();
            apply_engine_answer(t);
        }
        return;
    }
    case EXPECT_INJ_ENTRY:
        t->expect = EXPECT_INJ_EXIT;
        resume(t, 1, 0);
        return;
    case EXPECT_INJ_EXIT: {
        errno = 0;
        long rax = ptrace(PTRACE_PEEKUSER, t->tid, (void *)offsetof(struct user, regs.rax), 0);
        int64_t result = (errno && rax == -1) ? -errno : rax;
        t->stop = STOP_EXIT;
        t->expect = EXPECT_NOTHING;
        ev_reset(EV_INJECT_DONE, t);
        ttl_ev.ret = result;
        call_engine();
        apply_engine_answer(t);
        return;
    }
    case EXPECT_SKIP_EXIT:
        t->expect = EXPECT_NOTHING;
        resume(t, 0, 0);
        return;
    default:
        break;
    }
    if (syscall_info(t, &info) < 0) {
        warn_errno("syscall info of", t->tid);
        resume(t, 0, 0);
        return;
    }
    if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
        tracer_stats.exit_stops++;
        if (t->expect != EXPECT_EXIT) {
            resume(t, 0, 0); /* an exit nobody waits for */
            return;
        }
        t->stop = STOP_EXIT;
        t->expect = EXPECT_NOTHING;
        ev_reset(EV_SYSCALL_EXIT, t);
        ttl_ev.nr = t->cur_nr;
        ttl_ev.arch = t->cur_arch;
        ttl_ev.ret = info.exit.rval;
        call_engine();
        apply_engine_answer(t);
        return;
    }
    if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
        /* Attached tracees: every call stops here, there is no filter. */
        tracer_stats.entry_stops++;
        if (replay_stop(t, &info))
            return;
        t->stop = STOP_ENTRY;
        guard_call(t, &info);
        tracer_stats.syscall_events++;
        ev_reset(EV_SYSCALL, t);
        fill_call(t, &info);
        call_engine();
        apply_engine_answer(t);
        return;
    }
    resume(t, t->expect != EXPECT_NOTHING, 0);
}

/* A thread of a seized process appeared: the parent's fork event and the
 * child's first stop arrive in either order; the engine hears of the child
 * once both are in, and both stay stopped until it has. */
static void announce_child(struct tracee *child, struct tracee *parent)
{
    ev_reset(EV_FORK, parent);
    ttl_ev.child = child->tid;
    ttl_ev.child_pid = child->pid;
    ttl_ev.flags = child->fork_flags;
    child->announced = 1;
    if (child->first_stop_seen) {
        /* stopped at its first stop: on_fork may inject into it */
        child->stop = STOP_EVENT;
        child->stop_event = PTRACE_EVENT_STOP;
    }
    call_engine();
    child->new_child = 0;
    if (parent)
        resume(parent, parent->expect != EXPECT_NOTHING, 0);
    if (child->first_stop_seen && child->stop != STOP_NONE && !child->held && !child->inj_from)
        resume(child, 0, 0);
}

/* The clone flags of the call that made a child, read at the parent's
 * fork/clone event stop, in the ABI the call was made with (an int 0x80
 * clone is nr 120 with its flags in ebx). */
static int64_t clone_flags_of(struct tracee *parent, int event)
{
    /* The event says fork/vfork/clone by the exit signal and CLONE_VFORK,
     * not by the call: glibc's fork() is clone(SIGCHLD|...), and a
     * clone(CLONE_FILES|SIGCHLD) is reported as a fork.  The registers of
     * the parent, still inside the call, tell the real flags. */
    int64_t fallback = event == PTRACE_EVENT_VFORK  ? 0x4000 | 0x100 | SIGCHLD /* VFORK|VM */
                       : event == PTRACE_EVENT_FORK ? SIGCHLD
                                                    : 0;
    regs_t r;
    if (regs_fetch(parent->tid, &r) < 0)
        return fallback;
    struct __ptrace_syscall_info info;
    enum arch_id arch = ARCH_X86_64;
    if (syscall_info(parent, &info) == 0)
        arch = regs_arch(info.arch, (int64_t)regs_get(&r, REG_NR));
    int64_t nr = (int64_t)regs_get(&r, REG_NR);
    uint64_t flags = regs_get_arch(&r, arch, REG_ARG0);
    if (arch == ARCH_X32)
        nr &= ~X32_SYSCALL_BIT;
    int i386 = arch == ARCH_I386;
    int is_clone = nr == (i386 ? 120 : NR_CLONE), is_clone3 = nr == NR_CLONE3;
    if (is_clone3 && mem_read(parent->pid, flags, &flags, sizeof flags) != sizeof flags)
        return fallback;
    if (nr == (i386 ? 2 : NR_FORK))
        return SIGCHLD;
    if (nr == (i386 ? 190 : NR_VFORK))
        return 0x4000 | 0x100 | SIGCHLD;
    if (!is_clone && !is_clone3)
        return fallback;
    return (int64_t)flags;
}

static void on_fork_event(struct tracee *parent, int event)
{
    unsigned long msg = 0;
    ptrace(PTRACE_GETEVENTMSG, parent->tid, 0, &msg);
    pid_t ctid = (pid_t)msg;
    int64_t flags = clone_flags_of(parent, event);
    pid_t cpid = (flags & 0x10000 /* CLONE_THREAD */) ? parent->pid : ctid;
    struct tracee *child = tracee_find(ctid);
    if (!child) {
        child = tracee_add(ctid, cpid);
        child->new_child = 1;
    }
    child->pid = cpid;
    child->fork_flags = flags;
    child->parent_tid = parent->tid;
    child->attached = parent->attached;
    parent->stop = STOP_EVENT;
    parent->stop_event = event;
    if (child->first_stop_seen) {
        announce_child(child, parent);
    } else if (syscall(SYS_tgkill, cpid, ctid, 0) < 0) {
        /* died (and was reaped) before its first stop */
        announce_child(child, parent);
        ev_reset(EV_EXIT, child);
        ttl_ev.status = -1;
        call_engine();
        tracee_remove(child);
    } else {
        parent->held = 1; /* until the child's first stop */
    }
}

static void on_child_first_stop(struct tracee *child)
{
    child->first_stop_seen = 1;
    child->stop = STOP_EVENT;
    if (!child->parent_tid)
        return; /* the parent's event comes later */
    announce_child(child, tracee_find(child->parent_tid));
}

/* A thread of a process seized with -p: its first stop tells the engine. */
static void announce_attached(struct tracee *t)
{
    t->first_stop_seen = 1;
    t->new_child = 0;
    t->announced = 1;
    t->stop = STOP_EVENT;
    ev_reset(EV_SPAWN, t);
    call_engine();
    if (ttl_ev.action == ACT_KILL) /* on_start failed under --strict */
        kill(t->pid, SIGKILL);
    t->stop = STOP_NONE;
}

static void on_exec_event(struct tracee *t, pid_t former)
{
    mem_forget(t->pid);
    ev_reset(EV_EXEC, t);
    ttl_ev.child = (int32_t)former;
    t->stop = STOP_EVENT;
    t->stop_event = PTRACE_EVENT_EXEC;
    if (hide_vdso) {
        errno = 0;
        long sp = ptrace(PTRACE_PEEKUSER, t->tid, (void *)offsetof(struct user, regs.rsp), 0);
        if (!errno && vdso_hide(t->pid, (uint64_t)sp) < 0)
            fprintf(stderr, "ttlua: could not hide the vDSO of %d\n", (int)t->pid);
    }
    call_engine();
    apply_engine_answer(t);
}

/* A non-leader thread exec'd: it now has the leader's tid.  The old leader
 * record (if any) is dropped, the exec'ing one re-keyed. */
static struct tracee *exec_rekey(pid_t tid, pid_t *formerp)
{
    unsigned long former = 0;
    if (ptrace(PTRACE_GETEVENTMSG, tid, 0, &former) < 0)
        former = (unsigned long)tid;
    *formerp = (pid_t)former;
    if ((pid_t)former == tid)
        return tracee_find(tid);
    struct tracee *old = tracee_find((pid_t)former);
    struct tracee *leader = tracee_find(tid);
    if (leader && leader != old) {
        if (leader->announced) {
            ev_reset(EV_EXIT, leader);
            ttl_ev.status = -1; /* vanished in another thread's exec */
            ttl_ev.child = (int32_t)former;
            call_engine();
        }
        tracee_remove(leader);
    }
    if (!old)
        return tracee_add(tid, tid);
    struct tracee copy = *old;
    tracee_remove(old);
    struct tracee *t = tracee_add(tid, tid);
    copy.tid = tid;
    copy.pid = tid;
    *t = copy;
    return t;
}

static void on_signal_stop(struct tracee *t, int sig)
{
    tracer_stats.signals++;
    if (t->expect == EXPECT_INJ_ENTRY || t->expect == EXPECT_INJ_EXIT ||
        t->expect == EXPECT_INJ_PRE) {
        /* Not now: an injection is under way.  Re-sent when it ends. */
        if (sig > 0 && sig < 64)
            t->deferred_sig |= 1ULL << sig;
        if (ptrace(PTRACE_SYSCALL, t->tid, 0, 0) < 0)
            warn_errno("resume", t->tid);
        return;
    }
    t->stop = STOP_SIGNAL;
    t->sig = sig;
    ev_reset(EV_SIGNAL, t);
    ttl_ev.sig = sig;
    if (ptrace(PTRACE_GETSIGINFO, t->tid, 0, ttl_ev.siginfo) < 0)
        memset(ttl_ev.siginfo, 0, sizeof ttl_ev.siginfo);
    call_engine();
    t->sig = ttl_ev.sig;
    apply_engine_answer(t);
}

static int is_stop_signal(int sig)
{
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_exited(pid_t tid, int status)
{
    struct tracee *t = tracee_find(tid);
    if (tid == main_pid)
        main_status = status;
    if (tid == spawned_pid)
        main_gone = 1;
    if (!t)
        return;
    mem_forget(t->pid);
    if (t->new_child && !t->first_stop_seen && t->parent_tid) {
        /* died before its first stop: the parent still waits for it */
        announce_child(t, tracee_find(t->parent_tid));
    }
    if (t->announced) {
        ev_reset(EV_EXIT, t);
        ttl_ev.status = status;
        call_engine();
    }
    /* a parent waiting for this child's first stop must not wait forever */
    tracee_remove(t);
}

static void on_stop(pid_t tid, int status)
{
    struct tracee *t = tracee_find(tid);
    int sig = WSTOPSIG(status), event = (unsigned)status >> 16;
    pid_t former = tid;
    tracer_stats.stops++;
    if (event == PTRACE_EVENT_EXEC) {
        t = exec_rekey(tid, &former);
    } else if (!t) {
        /* A child whose parent's fork event is still to come. */
        t = tracee_add(tid, tid);
        t->new_child = 1;
        t->first_stop_seen = 1;
        t->stop = STOP_EVENT;
        return;
    }
    if (t->new_child && !t->first_stop_seen) {
        if (!t->attached || t->parent_tid) {
            on_child_first_stop(t);
            return;
        }
        announce_attached(t);
        /* and the stop itself is handled below: our PTRACE_INTERRUPT, or
         * a signal, a group-stop, an event that came first */
    }
    if (sig == (SIGTRAP | 0x80)) {
        on_syscall_stop(t);
        return;
    }
    switch (event) {
    case 0:
        on_signal_stop(t, sig);
        return;
    case PTRACE_EVENT_SECCOMP:
        on_seccomp_stop(t);
        return;
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE:
        on_fork_event(t, event);
        return;
    case PTRACE_EVENT_EXEC:
        on_exec_event(t, former);
        return;
    case PTRACE_EVENT_STOP:
        if (is_stop_signal(sig)) {
            t->stop = STOP_GROUP;
            ev_reset(EV_GROUP_STOP, t);
            ttl_ev.sig = sig;
            call_engine();
            if (ptrace(PTRACE_LISTEN, t->tid, 0, 0) < 0)
                warn_errno("listen", t->tid);
            t->stop = STOP_NONE;
            return;
        }
        resume(t, t->expect != EXPECT_NOTHING, 0);
        return;
    default: /* PTRACE_EVENT_EXIT and anything else */
        resume(t, t->expect != EXPECT_NOTHING, 0);
        return;
    }
}

/* ---- spawning and attaching ------------------------------------------ */

static void on_interrupt(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    /* Sent by a process (kill, timeout): pass it on to the command, or,
     * once it is gone, to every tracee (the loop does that).  From the
     * terminal (SI_KERNEL) the tracees in our process group got it too.
     * Attached processes (-p) never get it: ttlua detaches from them. */
    if (si->si_code <= 0 && spawned_pid > 0) {
        if (!main_gone)
            kill(spawned_pid, sig);
        else
            forward_sig = sig;
    }
    interrupt_sig = sig;
    if (hooks.interrupt)
        hooks.interrupt(sig);
}

static void on_alarm(int sig)
{
    (void)sig;
    timer_fired = 1;
}

void tracer_init(const struct tracer_hooks *h)
{
    hooks = *h;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_interrupt;
    sa.sa_flags = SA_SIGINFO; /* no SA_RESTART: waitpid returns EINTR */
    sigemptyset(&sa.sa_mask);
    static const int interrupts[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof interrupts / sizeof *interrupts; i++) {
        /* ignored when ttlua started (nohup, `ttlua ... &` in a script):
         * stays ignored, for ttlua and for the command */
        if (!inherit_ignored(interrupts[i]))
            sigaction(interrupts[i], &sa, NULL);
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    /* A log to a closed pipe must not kill ttlua: output.c sees EPIPE. */
    signal(SIGPIPE, SIG_IGN);
}

void tracer_set_vdso_hiding(int on)
{
    hide_vdso = on;
}

/* Arm the engine's timer (seconds > 0) or disarm it (seconds <= 0).
 * SIGALRM can land between the loop's timer_fired check and waitpid(),
 * and that wakeup would be lost; so after its first expiry the timer keeps
 * firing every TIMER_REPEAT_US until the engine re-arms or disarms it. */
#define TIMER_REPEAT_US 5000
void tracer_set_timer(double seconds)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    if (seconds > 0) {
        if (seconds < 1e-6)
            seconds = 1e-6;
        it.it_value.tv_sec = (time_t)seconds;
        it.it_value.tv_usec = (suseconds_t)((seconds - (double)it.it_value.tv_sec) * 1e6);
        if (!it.it_value.tv_sec && !it.it_value.tv_usec)
            it.it_value.tv_usec = 1;
        it.it_interval.tv_usec = TIMER_REPEAT_US;
    }
    timer_fired = 0;
    setitimer(ITIMER_REAL, &it, NULL);
}

/* The child, between fork and execve.  It waits for the go byte, which
 * ttlua writes once the child is seized; if ttlua dies before (EOF), the
 * child must not run the command untraced. */
static void child_exec(int go, int err, const char *path, char *const argv[])
{
    char c;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    ssize_t n;
    while ((n = read(go, &c, 1)) < 0 && errno == EINTR)
        ;
    if (n != 1)
        _exit(126);
    prctl(PR_SET_PDEATHSIG, 0); /* seized: PTRACE_O_EXITKILL takes over */
    inherit_restore(err);
    int rc = filter_load();
    if (rc < 0) {
        int e[2] = {-rc, -1};
        if (write(err, e, sizeof e) < 0)
            _exit(126);
        _exit(126);
    }
    errno = 0;
    /* { errno, what execve returned }: a policy may answer execve with a
     * result that is no error, and errno is then stale */
    int e[2] = {0, execv(path, argv)};
    if (e[1] == -1)
        e[0] = errno;
    if (write(err, e, sizeof e) < 0)
        _exit(127);
    _exit(e[0] == ENOENT ? 127 : 126);
}

pid_t tracer_spawn(const char *path, char *const argv[])
{
    int go[2], err[2];
    if (pipe2(go, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0)
        return -errno;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -errno;
    if (pid == 0) {
        close(go[1]);
        close(err[0]);
        child_exec(go[0], err[1], path, argv);
    }
    close(go[0]);
    close(err[1]);
    exec_err_fd = err[0];
    if (ptrace(PTRACE_SEIZE, pid, 0, (void *)seize_options) < 0) {
        int e = errno;
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        close(go[1]);
        return -e;
    }
    main_pid = spawned_pid = pid;
    struct tracee *t = tracee_add(pid, pid);
    t->announced = 1;
    ev_reset(EV_SPAWN, t);
    call_engine();
    if (ttl_ev.action == ACT_KILL) /* on_start failed under --strict */
        kill(pid, SIGKILL);
    if (write(go[1], "g", 1) < 0)
        fprintf(stderr, "ttlua: could not start the command: %s\n", strerror(errno));
    close(go[1]);
    tracer_protect();
    return pid;
}

void tracer_protect(void)
{
    /* A tracee running as ttlua's user must not attach to ttlua or write
     * its memory through /proc (see docs-security.md for root). */
    prctl(PR_SET_DUMPABLE, 0);
}

/* Seize the threads of pid not seized yet; returns how many, or -errno. */
static int attach_threads(pid_t pid, int *err)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (!d)
        return -errno;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        pid_t tid = (pid_t)atoi(de->d_name);
        if (tid <= 0 || tracee_find(tid))
            continue;
        if (ptrace(PTRACE_SEIZE, tid, 0, (void *)(seize_options & ~PTRACE_O_EXITKILL)) < 0) {
            if (errno != ESRCH)
                *err = -errno;
            continue;
        }
        struct tracee *t = tracee_add(tid, pid);
        t->attached = 1;
        t->new_child = 1; /* its first stop announces it */
        t->parent_tid = 0;
        ptrace(PTRACE_INTERRUPT, tid, 0, 0);
        n++;
    }
    closedir(d);
    return n;
}

int tracer_attach(pid_t pid)
{
    if (pid == getpid())
        return -EPERM;
    int err = 0, total = 0;
    /* A thread not seized yet may start another: read the list again
     * until a pass finds none (threads of seized ones are seized by the
     * kernel, PTRACE_O_TRACECLONE). */
    for (int pass = 0; pass < 100; pass++) {
        int n = attach_threads(pid, &err);
        if (n < 0)
            return total ? 0 : n;
        if (n == 0)
            break;
        total += n;
    }
    if (!total)
        return err ? err : -ESRCH;
    if (main_pid < 0)
        main_pid = pid;
    return 0;
}

/* Put a stopped tracee's registers back as the program left them when an
 * injection was under way (its original call then runs again). */
static void undo_injection(struct tracee *t)
{
    if (!t->inj_from)
        return;
    regs_t r = t->saved;
    if (t->inj_from != STOP_EXIT) {
        regs_set(&r, REG_IP, regs_get(&t->saved, REG_IP) - SYSCALL_INSN_LEN);
        regs_set(&r, REG_RESULT, regs_get(&t->saved, REG_NR));
    }
    regs_store(t->tid, &r);
    t->inj_from = 0;
}

/* Let one tracee go, running (or stopped, if it was group-stopped: as it
 * would be without ttlua), with any signal it was about to get. */
static void detach_one(struct tracee *t, void *arg)
{
    (void)arg;
    int sig = 0;
    if (t->stop == STOP_NONE) {
        /* It runs (or sits in a group-stop we LISTENed to): stop it.  The
         * first stop that arrives may be another one already on its way;
         * any of them will do, but a signal must not be lost. */
        if (ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) < 0)
            return;
        int status;
        for (;;) {
            pid_t r = waitpid(t->tid, &status, __WALL);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0 || !WIFSTOPPED(status))
                return; /* gone */
            break;
        }
        int event = (unsigned)status >> 16;
        if (event == 0 && WSTOPSIG(status) != (SIGTRAP | 0x80))
            sig = WSTOPSIG(status); /* a signal-delivery-stop */
    } else if (t->stop == STOP_SIGNAL) {
        sig = t->sig;
    }
    undo_injection(t);
    for (int s = 1; s < 64; s++) {
        /* signals held back during an injection */
        if (t->deferred_sig & (1ULL << s))
            syscall(SYS_tgkill, t->pid, t->tid, s);
    }
    if (ptrace(PTRACE_DETACH, t->tid, 0, (void *)(long)sig) < 0)
        warn_errno("detach from", t->tid);
    tracee_remove(t);
}

void tracer_detach_all(void)
{
    tracee_each(detach_one, NULL);
}

int tracer_request_detach(void)
{
    if (spawned_pid > 0)
        return -EPERM; /* the command's filter needs its tracer */
    detach_requested = 1;
    return 0;
}

/* ---- the loop --------------------------------------------------------- */

static void report_exec_failure(void)
{
    int e[2] = {0, 0};
    if (exec_err_fd < 0)
        return;
    if (read(exec_err_fd, e, sizeof e) == sizeof e) {
        if (e[0])
            fprintf(stderr, "ttlua: cannot run the command: %s\n", strerror(e[0]));
        else
            fprintf(stderr,
                    "ttlua: cannot run the command: execve returned %d without running it\n", e[1]);
    }
    close(exec_err_fd);
    exec_err_fd = -1;
}

static void forward_one(struct tracee *t, void *arg)
{
    if (t->tid == t->pid)
        kill(t->pid, *(int *)arg);
}

int tracer_loop(void)
{
    for (;;) {
        if (interrupt_sig) {
            int sig = interrupt_sig;
            ev_reset(EV_INTERRUPT, NULL);
            ttl_ev.sig = sig;
            interrupt_sig = 0;
            call_engine();
            if (spawned_pid < 0) {
                /* -p only: let the processes go and end */
                tracer_detach_all();
                output_flush();
                return 128 + sig;
            }
        }
        if (forward_sig) {
            int sig = forward_sig;
            forward_sig = 0;
            tracee_each(forward_one, &sig);
        }
        if (detach_requested) {
            detach_requested = 0;
            tracer_detach_all();
            break;
        }
        if (timer_fired) {
            timer_fired = 0;
            ev_reset(EV_TIMER, NULL);
            call_engine();
        }
        int status;
        pid_t tid;
        if (output_pending() && output_interactive()) {
            /* Flush before blocking, so a reader sees calls in progress. */
            tid = waitpid(-1, &status, __WALL | WNOHANG);
            if (tid == 0) {
                output_flush();
                tid = waitpid(-1, &status, __WALL);
            }
        } else {
            tid = waitpid(-1, &status, __WALL);
        }
        if (tid < 0) {
            if (errno == EINTR)
                continue;
            if (errno == ECHILD)
                break;
            perror("ttlua: waitpid");
            break;
        }
        if (WIFSTOPPED(status))
            on_stop(tid, status);
        else if (WIFEXITED(status) || WIFSIGNALED(status))
            on_exited(tid, status);
        if (tid == main_pid && main_status >= 0)
            report_exec_failure();
    }
    report_exec_failure();
    output_flush();
    if (main_status < 0)
        return 0;
    if (WIFEXITED(main_status))
        return WEXITSTATUS(main_status);
    if (WIFSIGNALED(main_status))
        return 128 + WTERMSIG(main_status);
    return 1;
}
