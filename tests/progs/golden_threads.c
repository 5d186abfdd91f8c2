/* golden_threads: a small threaded program for scripts/compare-strace.
 * Four threads run one after the other (each waits for its turn on a
 * pipe), write a line and pass the turn on; the main thread waits for the
 * last turn, lets the threads finish, joins them and prints a sum.  The
 * order of the calls is the same in every run. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 4

static int turn[NTHREADS + 1][2];
static int up[2];
static int total;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    char buf[32], t;
    if (read(turn[id - 1][0], &t, 1) != 1)
        return NULL;
    int n = snprintf(buf, sizeof buf, "thread %d\n", id);
    if (write(up[1], buf, (size_t)n) != n)
        return NULL;
    total += id;
    if (write(turn[id][1], "t", 1) != 1)
        return NULL;
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    char buf[256], t;
    if (pipe(up) < 0)
        return 1;
    for (int i = 0; i <= NTHREADS; i++)
        if (pipe(turn[i]) < 0)
            return 1;
    for (long i = 0; i < NTHREADS; i++)
        if (pthread_create(&th[i], NULL, worker, (void *)(i + 1)) != 0)
            return 1;
    if (write(turn[0][1], "t", 1) != 1 || read(turn[NTHREADS][0], &t, 1) != 1)
        return 1;
    struct timespec ts = {0, 100 * 1000 * 1000};
    nanosleep(&ts, NULL);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    close(up[1]);
    size_t got = 0;
    ssize_t n;
    while ((n = read(up[0], buf + got, sizeof buf - 1 - got)) > 0)
        got += (size_t)n;
    printf("%zu bytes, total %d\n", got, total);
    return 0;
}
