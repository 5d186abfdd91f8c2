/* escape: ways a tracee might leave its tracer; each prints what happened.
 *   escape untraced     clone(CLONE_UNTRACED|SIGCHLD): is the child traced?
 *   escape clone3       the same through clone3
 *   escape clone3-race  clone3 200 times while another thread keeps setting
 *                       CLONE_UNTRACED in the argument block
 *   escape int80-clone  clone with CLONE_UNTRACED through int 0x80
 *   escape traceme      a child calls ptrace(PTRACE_TRACEME)
 *   escape attach-child the parent PTRACE_SEIZEs its own child
 *   escape attach-parent  PTRACE_SEIZE of the parent (ttlua, when traced)
 *   escape int80        getpid and write through int 0x80
 *   escape x32          getpid with the x32 bit set
 * A child reports "traced=1" when /proc/self/status names a tracer. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_UNTRACED
#define CLONE_UNTRACED 0x00800000
#endif

struct clone_args_v0 {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

static int traced(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int tracer = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "TracerPid: %d", &tracer) == 1)
            break;
    if (f)
        fclose(f);
    return tracer != 0;
}

/* In a child made by a raw clone: report and leave without libc's atexit. */
static void child_report(const char *how)
{
    char msg[64];
    int n = snprintf(msg, sizeof msg, "%s child traced=%d\n", how, traced());
    if (write(1, msg, (size_t)n) < 0)
        _exit(2);
    syscall(SYS_exit_group, 0);
}

static int reap(pid_t pid)
{
    int st = 0;
    if (pid < 0) {
        printf("clone failed: %s\n", strerror(errno));
        return 1;
    }
    waitpid(pid, &st, __WALL);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static long raw_clone3(struct clone_args_v0 *args)
{
    return syscall(SYS_clone3, args, sizeof *args);
}

static volatile struct clone_args_v0 shared_args;
static volatile int racing = 1;

static void *flipper(void *arg)
{
    (void)arg;
    while (racing)
        shared_args.flags = CLONE_UNTRACED; /* put it back as fast as it goes */
    return NULL;
}

static long int80(long nr, long a, long b, long c)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
    return ret;
}

/* A page at a fixed address below 4 GiB, where int 0x80 pointers reach. */
static int mmap_low(void *at)
{
    void *m = mmap(at, 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    return m == at;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "untraced";
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(mode, "untraced")) {
        long pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
        if (pid == 0)
            child_report("clone");
        return reap((pid_t)pid);
    }
    if (!strcmp(mode, "clone3")) {
        struct clone_args_v0 a = {.flags = CLONE_UNTRACED, .exit_signal = SIGCHLD};
        long pid = raw_clone3(&a);
        if (pid == 0)
            child_report("clone3");
        return reap((pid_t)pid);
    }
    if (!strcmp(mode, "clone3-race")) {
        pthread_t th;
        pthread_create(&th, NULL, flipper, NULL);
        int untraced = 0;
        for (int i = 0; i < 200; i++) {
            shared_args.flags = 0;
            shared_args.exit_signal = SIGCHLD;
            long pid = raw_clone3((struct clone_args_v0 *)&shared_args);
            if (pid == 0)
                syscall(SYS_exit_group, traced() ? 0 : 3);
            if (reap((pid_t)pid) == 3)
                untraced++;
        }
        racing = 0;
        pthread_join(th, NULL);
        printf("clone3-race untraced children: %d\n", untraced);
        return 0;
    }
    if (!strcmp(mode, "int80-clone")) {
        /* i386 clone: nr 120, flags in ebx; no stack: the child goes on
         * like a fork child on a copy of the stack */
        long pid = int80(120, CLONE_UNTRACED | SIGCHLD, 0, 0);
        if (pid == 0)
            child_report("int80-clone");
        return reap((pid_t)pid);
    }
    if (!strcmp(mode, "traceme")) {
        pid_t pid = fork();
        if (pid == 0) {
            errno = 0;
            long r = ptrace(PTRACE_TRACEME, 0, 0, 0);
            printf("traceme = %ld %s\n", r, r < 0 ? strerror(errno) : "");
            _exit(0);
        }
        return reap(pid);
    }
    if (!strcmp(mode, "attach-child")) {
        int go[2];
        if (pipe(go) < 0)
            return 2;
        pid_t pid = fork();
        if (pid == 0) {
            char c;
            close(go[1]);
            if (read(go[0], &c, 1) < 0)
                _exit(2);
            _exit(0);
        }
        errno = 0;
        long r = ptrace(PTRACE_SEIZE, pid, 0, 0);
        printf("seize child = %ld %s\n", r, r < 0 ? strerror(errno) : "");
        if (r == 0)
            ptrace(PTRACE_DETACH, pid, 0, 0);
        close(go[1]);
        return reap(pid);
    }
    if (!strcmp(mode, "attach-parent")) {
        errno = 0;
        long r = ptrace(PTRACE_SEIZE, getppid(), 0, 0);
        printf("seize parent = %ld %s\n", r, r < 0 ? strerror(errno) : "");
        if (r == 0)
            ptrace(PTRACE_DETACH, getppid(), 0, 0);
        errno = 0;
        r = ptrace(PTRACE_ATTACH, getppid(), 0, 0);
        printf("attach parent = %ld %s\n", r, r < 0 ? strerror(errno) : "");
        if (r == 0)
            ptrace(PTRACE_DETACH, getppid(), 0, 0);
        return 0;
    }
    if (!strcmp(mode, "int80")) {
        static const char msg[] = "int80 write\n";
        long pid = int80(20, 0, 0, 0); /* i386 getpid */
        printf("int80 getpid %s\n", pid == getpid() ? "ok" : "differs");
        /* i386 write(1, msg, n): the buffer must be below 4 GiB */
        char *low = (char *)0x10000000;
        long w = -1;
        if (mmap_low(low))
            w = int80(4, 1, (long)(uintptr_t)memcpy(low, msg, sizeof msg - 1), sizeof msg - 1);
        printf("int80 write = %ld\n", w);
        return 0;
    }
    if (!strcmp(mode, "x32")) {
        long r = syscall(0x40000000 | SYS_getpid);
        printf("x32 getpid = %ld %s\n", r, r < 0 ? strerror(errno) : "");
        return 0;
    }
    fprintf(stderr, "escape: unknown mode %s\n", mode);
    return 2;
}
