/* golden_proc: clone, clone3, fork, wait4 statuses, execve's argv/envp,
 * prlimit64, getrlimit/setrlimit, uname, prctl, arch_prctl, kill. */
#include "golden.h"
#include <asm/prctl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>

static char *const child_argv[] = {"true", "x y", "tab\there", NULL};
static char *const child_envp[] = {"A=1", "B=2", NULL};

static const char *rlim(uint64_t v)
{
    static char bufs[4][32];
    static int i;
    char *b = bufs[i++ % 4];
    if (v == UINT64_MAX)
        return "RLIM64_INFINITY";
    if (v > 1024 && v % 1024 == 0)
        snprintf(b, 32, "%llu*1024", (unsigned long long)(v / 1024));
    else
        snprintf(b, 32, "%llu", (unsigned long long)v);
    return b;
}

int main(void)
{
    int st;
    /* fork and exit codes */
    long pid = syscall(SYS_fork);
    if (pid == 0)
        syscall(SYS_exit_group, 3);
    expect("fork() = %ld", pid);
    long r = syscall(SYS_wait4, pid, &st, 0, NULL);
    expect("wait4(%ld, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = %ld", pid, r);

    /* raw clone with CLONE_PARENT_SETTID, killed by a signal */
    int ptid = 0;
    pid = syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, NULL, &ptid, NULL, 0);
    if (pid == 0) {
        syscall(SYS_pause);
        syscall(SYS_exit_group, 0);
    }
    expect("clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[%ld]) = %ld",
           pid, pid);
    r = syscall(SYS_kill, pid, SIGKILL);
    expect("kill(%ld, SIGKILL) = 0", pid);
    r = syscall(SYS_wait4, -1, &st, __WALL, NULL);
    expect("wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], __WALL, NULL) = %ld", pid);
    r = syscall(SYS_wait4, -1, &st, WNOHANG, NULL);
    expect("wait4(-1, %s, WNOHANG, NULL) = -1 ECHILD (No child processes)", ptr(&st));

    /* clone3, the child's tid stored through parent_tid */
    struct clone_args ca;
    memset(&ca, 0, sizeof ca);
    int ctid = 0;
    ca.flags = CLONE_PARENT_SETTID;
    ca.parent_tid = (uintptr_t)&ctid;
    ca.exit_signal = SIGCHLD;
    pid = syscall(SYS_clone3, &ca, sizeof ca);
    if (pid == 0)
        syscall(SYS_exit_group, 0);
    if (pid > 0) {
        expect("clone3({flags=CLONE_PARENT_SETTID, parent_tid=%s, exit_signal=SIGCHLD, stack=NULL, "
               "stack_size=0} => "
               "{parent_tid=[%ld]}, %zu) = %ld",
               ptr(&ctid), pid, sizeof ca, pid);
        struct rusage ru;
        r = syscall(SYS_wait4, pid, &st, 0, &ru);
        expect("wait4(%ld, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, {ru_utime={tv_sec=%ld, "
               "tv_usec=%ld}, "
               "ru_stime={tv_sec=%ld, tv_usec=%ld}, ...}) = %ld",
               pid, (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec, (long)ru.ru_stime.tv_sec,
               (long)ru.ru_stime.tv_usec, pid);
    }

    /* execve in a child: argv and envp */
    pid = syscall(SYS_fork);
    if (pid == 0) {
        syscall(SYS_execve, "/bin/true", child_argv, child_envp);
        syscall(SYS_exit_group, 127);
    }
    expect("execve(\"/bin/true\", [\"true\", \"x y\", \"tab\\there\"], %s /* 2 vars */) = 0",
           ptr(child_envp));
    r = syscall(SYS_wait4, pid, &st, 0, NULL);
    expect("wait4(%ld, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = %ld", pid, r);
    r = syscall(SYS_execve, "/nonexistent", child_argv, NULL);
    expect("execve(\"/nonexistent\", [\"true\", \"x y\", \"tab\\there\"], NULL) = -1 ENOENT (No "
           "such file or "
           "directory)");

    /* limits */
    struct rlimit64 {
        uint64_t cur, max;
    } rl;
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl);
    expect("prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=%s, rlim_max=%s}) = 0", rlim(rl.cur),
           rlim(rl.max));
    struct rlimit64 nl = {1000, rl.max};
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &nl, NULL);
    expect("prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1000, rlim_max=%s}, NULL) = 0", rlim(rl.max));
    struct rlimit gl;
    syscall(SYS_getrlimit, RLIMIT_STACK, &gl);
    expect("getrlimit(RLIMIT_STACK, {rlim_cur=%s, rlim_max=%s}) = 0", rlim(gl.rlim_cur),
           rlim(gl.rlim_max));
    r = syscall(SYS_getrlimit, 12345, &gl);
    expect("getrlimit(0x3039 /* RLIMIT_??? */, %s) = -1 EINVAL (Invalid argument)", ptr(&gl));

    struct utsname u;
    syscall(SYS_uname, &u);
    expect("uname({sysname=\"%s\", nodename=\"%s\", ...}) = 0", u.sysname, u.nodename);

    /* prctl */
    syscall(SYS_prctl, PR_SET_NAME, "golden-proc", 0, 0, 0);
    expect("prctl(PR_SET_NAME, \"golden-proc\") = 0");
    char name[16];
    syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
    expect("prctl(PR_GET_NAME, \"golden-proc\") = 0");
    r = syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
    expect("prctl(PR_GET_DUMPABLE) = %ld (%s)", r, r == 1 ? "SUID_DUMP_USER" : "SUID_DUMP_DISABLE");
    syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
    expect("prctl(PR_SET_PDEATHSIG, SIGTERM) = 0");
    int sig = 0;
    syscall(SYS_prctl, PR_GET_PDEATHSIG, &sig, 0, 0, 0);
    expect("prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0");
    r = syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
    expect("prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) = %ld", r);
    r = syscall(SYS_prctl, PR_CAPBSET_READ, 0, 0, 0, 0);
    expect("prctl(PR_CAPBSET_READ, CAP_CHOWN) = %ld", r);
    unsigned long fs = 0;
    syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
    expect("arch_prctl(ARCH_GET_FS, [%s]) = 0", ptr((void *)fs));
    r = syscall(SYS_setpgid, 0, 0);
    r = syscall(SYS_getpgid, 0);
    expect("getpgid(0) = %ld", r);
    return golden_done();
}
