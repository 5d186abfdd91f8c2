/* golden_signals: rt_sigaction, rt_sigprocmask, rt_sigpending, tgkill,
 * signal delivery and rt_sigreturn, sigaltstack, rt_sigtimedwait, signalfd4. */
#include "golden.h"
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <time.h>

struct ksigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};

static volatile int got;
static void on_usr1(int sig)
{
    got = sig;
}

#define BIT(s) (1ULL << ((s)-1))

int main(void)
{
    long pid = syscall(SYS_getpid);
    struct ksigaction sa = {SIG_IGN, SA_RESTART, NULL, BIT(SIGINT) | BIT(SIGTERM)};
    struct ksigaction old;
    syscall(SYS_rt_sigaction, SIGPIPE, &sa, &old, 8);
    expect("rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[INT TERM], sa_flags=SA_RESTART}, "
           "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
    syscall(SYS_rt_sigaction, SIGPIPE, NULL, &old, 8);
    expect("rt_sigaction(SIGPIPE, NULL, {sa_handler=SIG_IGN, sa_mask=[INT TERM], "
           "sa_flags=SA_RESTART}, 8) = 0");
    syscall(SYS_rt_sigaction, SIGKILL, &sa, NULL, 8);
    expect("rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=[INT TERM], sa_flags=SA_RESTART}, "
           "NULL, 8) = -1 "
           "EINVAL (Invalid argument)");

    /* a real handler, installed by libc (with its restorer) */
    struct sigaction lsa;
    memset(&lsa, 0, sizeof lsa);
    lsa.sa_handler = on_usr1;
    sigemptyset(&lsa.sa_mask);
    sigaddset(&lsa.sa_mask, SIGUSR2);
    lsa.sa_flags = SA_NODEFER;
    sigaction(SIGUSR1, &lsa, NULL);
    syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
    expect("rt_sigaction(SIGUSR1, NULL, {sa_handler=%s, sa_mask=[USR2], "
           "sa_flags=SA_RESTORER|SA_NODEFER, "
           "sa_restorer=%s}, 8) = 0",
           ptr((void *)on_usr1), ptr(old.restorer));

    /* masks */
    uint64_t set = BIT(SIGUSR2) | BIT(SIGCHLD), oset = 0;
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oset, 8);
    expect("rt_sigprocmask(SIG_BLOCK, [USR2 CHLD], [], 8) = 0");
    uint64_t all = ~0ULL & ~(BIT(SIGKILL) | BIT(SIGSTOP));
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, &oset, 8);
    expect("rt_sigprocmask(SIG_SETMASK, ~[KILL STOP], [USR2 CHLD], 8) = 0");
    uint64_t rt = BIT(34) | BIT(64);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &rt, NULL, 8);
    expect("rt_sigprocmask(SIG_SETMASK, [RT_2 RT_32], NULL, 8) = 0");
    set = BIT(SIGUSR2);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8);
    expect("rt_sigprocmask(SIG_SETMASK, [USR2], NULL, 8) = 0");
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);
    expect("rt_sigprocmask(SIG_BLOCK, %s, NULL, 4) = -1 EINVAL (Invalid argument)", ptr(&set));

    /* a pending signal, then one delivered to the handler */
    long tid = syscall(SYS_gettid);
    syscall(SYS_tgkill, pid, tid, SIGUSR2);
    expect("tgkill(%ld, %ld, SIGUSR2) = 0", pid, tid);
    uint64_t pend = 0;
    syscall(SYS_rt_sigpending, &pend, 8);
    expect("rt_sigpending([USR2], 8) = 0");
    siginfo_t si;
    struct timespec ts = {0, 1000};
    syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
    expect("rt_sigtimedwait([USR2], {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=%ld, si_uid=%d}, "
           "{tv_sec=0, tv_nsec=1000}, 8) = %d (SIGUSR2)",
           pid, (int)getuid(), SIGUSR2);
    syscall(SYS_rt_sigtimedwait, &set, NULL, &ts, 8);
    expect("rt_sigtimedwait([USR2], NULL, {tv_sec=0, tv_nsec=1000}, 8) = -1 EAGAIN (Resource "
           "temporarily "
           "unavailable)");
    syscall(SYS_tgkill, pid, tid, SIGUSR1);
    expect("tgkill(%ld, %ld, SIGUSR1) = 0", pid, tid);
    expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=%ld, si_uid=%d} ---", pid,
           (int)getuid());
    expect("rt_sigreturn({mask=[USR2]}) = 0");

    /* alternate stack */
    static char stack[65536];
    stack_t ss = {.ss_sp = stack, .ss_flags = 0, .ss_size = sizeof stack}, oss;
    syscall(SYS_sigaltstack, &ss, &oss);
    expect("sigaltstack({ss_sp=%s, ss_flags=0, ss_size=65536}, {ss_sp=NULL, ss_flags=SS_DISABLE, "
           "ss_size=0}) = 0",
           ptr(stack));

    /* signalfd */
    uint64_t fdset = BIT(SIGUSR2) | BIT(SIGHUP);
    int sfd = (int)syscall(SYS_signalfd4, -1, &fdset, 8, SFD_CLOEXEC | SFD_NONBLOCK);
    expect("signalfd4(-1, [HUP USR2], 8, SFD_CLOEXEC|SFD_NONBLOCK) = %d", sfd);
    syscall(SYS_kill, pid, 0);
    expect("kill(%ld, 0) = 0", pid);
    return golden_done();
}
