/* forks: processes and threads for the engine's fork tests.
 * Every process or thread announces itself with one write(2) of
 * "<role> <pid>\n" so a policy can check it saw calls of each of them.
 *   forks fork     a child (exit 3); the parent reports its status
 *   forks vfork    vfork + execve("/bin/true")
 *   forks clone    raw clone(SIGCHLD) child (exit 5)
 *   forks threads  4 pthreads
 *   forks orphan   a grandchild that outlives its parent (exit 7 after 200 ms)
 *   forks all      all of the above */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void say(const char *role)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s %d\n", role, (int)syscall(SYS_gettid));
    if (write(1, buf, (size_t)n) != n)
        _exit(99);
}

static int wait_code(pid_t pid)
{
    int st;
    if (waitpid(pid, &st, 0) < 0)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void do_fork(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        say("fork-child");
        _exit(3);
    }
    printf("fork-status %d\n", wait_code(pid));
    fflush(stdout);
}

static void do_vfork(void)
{
    pid_t pid = vfork();
    if (pid == 0) {
        char *argv[] = {"/bin/true", NULL};
        execve(argv[0], argv, environ);
        _exit(127);
    }
    printf("vfork-status %d\n", wait_code(pid));
    fflush(stdout);
}

static void do_clone(void)
{
    long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
        say("clone-child");
        syscall(SYS_exit, 5);
    }
    printf("clone-status %d\n", wait_code((pid_t)pid));
    fflush(stdout);
}

static void *thread_main(void *arg)
{
    (void)arg;
    say("thread");
    return NULL;
}

static void do_threads(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, thread_main, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("threads-joined 4\n");
    fflush(stdout);
}

static void do_orphan(void)
{
    pid_t child = fork();
    if (child == 0) {
        pid_t grandchild = fork();
        if (grandchild == 0) {
            struct timespec ts = {0, 200 * 1000 * 1000};
            nanosleep(&ts, NULL);
            say("grandchild");
            _exit(7);
        }
        _exit(0);
    }
    printf("orphan-parent-status %d\n", wait_code(child));
    fflush(stdout);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "all";
    int all = !strcmp(mode, "all");
    say("main");
    if (all || !strcmp(mode, "fork"))
        do_fork();
    if (all || !strcmp(mode, "vfork"))
        do_vfork();
    if (all || !strcmp(mode, "clone"))
        do_clone();
    if (all || !strcmp(mode, "threads"))
        do_threads();
    if (all || !strcmp(mode, "orphan"))
        do_orphan();
    return 0;
}
