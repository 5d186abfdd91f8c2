/* stress: loads for scripts/stress, each printing a summary that must be
 * the same natively and under ttlua.
 *   stress threads N M   N threads making M system calls each
 *   stress forkexec N    N times: fork, exec "stress exit K", wait
 *   stress exit K        exit with status K
 *   stress orphans N     N children that outlive the parent: each waits
 *                        for the parent to exit, then prints a line
 *   stress forkfast N    N children forked without waiting, reaped at end */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long per_thread;

static void *worker(void *arg)
{
    long id = (long)arg, sum = 0;
    struct timespec ts;
    for (long i = 0; i < per_thread; i++) {
        switch (i % 4) {
        case 0:
            sum += syscall(SYS_getppid) > 0;
            break;
        case 1:
            sum += sched_yield() == 0;
            break;
        case 2:
            sum += syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts) == 0;
            break;
        default:
            sum += syscall(SYS_gettid) > 0;
        }
    }
    return (void *)(sum == per_thread ? id : -1);
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    long n = atol(argv[2]);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(argv[1], "exit"))
        return (int)n;
    if (!strcmp(argv[1], "threads")) {
        per_thread = argc > 3 ? atol(argv[3]) : 1000;
        pthread_t *th = calloc((size_t)n, sizeof *th);
        for (long i = 0; i < n; i++)
            pthread_create(&th[i], NULL, worker, (void *)i);
        long ok = 0;
        for (long i = 0; i < n; i++) {
            void *r;
            pthread_join(th[i], &r);
            ok += (long)r == i;
        }
        printf("threads %ld ok %ld calls %ld\n", n, ok, n * per_thread);
        return ok == n ? 0 : 1;
    }
    if (!strcmp(argv[1], "forkexec")) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            pid_t pid = fork();
            if (pid == 0) {
                char k[16];
                snprintf(k, sizeof k, "%ld", i % 100);
                execl("/proc/self/exe", argv[0], "exit", k, (char *)NULL);
                _exit(127);
            }
            int st;
            waitpid(pid, &st, 0);
            sum += WEXITSTATUS(st);
        }
        printf("forkexec %ld status sum %ld\n", n, sum);
        return 0;
    }
    if (!strcmp(argv[1], "orphans")) {
        int gate[2];
        if (pipe(gate) < 0)
            return 2;
        for (long i = 0; i < n; i++) {
            if (fork() == 0) {
                char c;
                close(gate[1]);
                /* EOF once the parent (the last writer) has exited */
                while (read(gate[0], &c, 1) > 0)
                    ;
                printf("orphan %ld done\n", i);
                _exit(0);
            }
        }
        printf("parent leaves %ld children\n", n);
        return 3;
    }
    if (!strcmp(argv[1], "forkfast")) {
        for (long i = 0; i < n; i++)
            if (fork() == 0)
                _exit((int)(i % 7));
        long sum = 0;
        int st;
        while (wait(&st) > 0)
            sum += WEXITSTATUS(st);
        printf("forkfast %ld status sum %ld\n", n, sum);
        return 0;
    }
    return 2;
}
