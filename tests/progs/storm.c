/* storm: a syscall storm for the benchmark and the stop-economy specs.
 *   storm [N]        N rounds (default 40000) of five cheap calls:
 *                    getppid, write+read of one byte on /dev/null, write+read
 *                    of one byte through a pipe; 200,000 calls by default.
 *                    A failed write (a policy refusing it) is counted, and the
 *                    read that would have matched it is skipped, so refusing
 *                    any of the calls never blocks the program.
 *   storm threads N  start N threads that each make a few calls and wait
 *                    until all N exist, then join them (tracer memory).
 * Prints "rounds R failed F" (F = failed calls, by errno in the last field). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_barrier_t barrier;

static void *thread_main(void *arg)
{
    (void)arg;
    syscall(SYS_getppid);
    pthread_barrier_wait(&barrier);
    syscall(SYS_getppid);
    return NULL;
}

static int run_threads(long n)
{
    pthread_t *t = calloc((size_t)n, sizeof *t);
    if (!t || pthread_barrier_init(&barrier, NULL, (unsigned)n + 1))
        return 1;
    for (long i = 0; i < n; i++) {
        if (pthread_create(&t[i], NULL, thread_main, NULL)) {
            perror("pthread_create");
            return 1;
        }
    }
    pthread_barrier_wait(&barrier);
    for (long i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    printf("threads %ld\n", n);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "threads"))
        return run_threads(strtol(argv[2], NULL, 10));
    long rounds = argc > 1 ? strtol(argv[1], NULL, 10) : 40000;
    int null = open("/dev/null", O_RDWR);
    int p[2];
    if (null < 0 || pipe(p) < 0) {
        perror("storm");
        return 1;
    }
    char c = 'x';
    long failed = 0;
    int last_errno = 0;
    for (long i = 0; i < rounds; i++) {
        if (syscall(SYS_getppid) < 0)
            failed++, last_errno = errno;
        if (write(null, &c, 1) < 0)
            failed++, last_errno = errno;
        if (read(null, &c, 1) < 0)
            failed++, last_errno = errno;
        if (write(p[1], &c, 1) != 1) {
            failed++, last_errno = errno;
            continue;
        }
        if (read(p[0], &c, 1) != 1)
            failed++, last_errno = errno;
    }
    printf("rounds %ld failed %ld errno %d\n", rounds, failed, last_errno);
    return 0;
}
