/* golden_threads: a small threaded program for scripts/compare-strace.
 * Four threads each write a line to a pipe and read their number back
 * through a second pipe; the main thread joins them and prints a sum. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NTHREADS 4

static int up[2];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int total;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    char buf[32];
    int n = snprintf(buf, sizeof buf, "thread %d\n", id);
    if (write(up[1], buf, (size_t)n) != n)
        return NULL;
    pthread_mutex_lock(&lock);
    total += id;
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    char buf[256];
    if (pipe(up) < 0)
        return 1;
    for (long i = 0; i < NTHREADS; i++)
        if (pthread_create(&th[i], NULL, worker, (void *)(i + 1)) != 0)
            return 1;
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
