/* ticker: a running program to attach to (-p) and to stop and continue.
 *   ticker FILE   two threads; the main one writes an increasing count to
 *                 FILE every 10 ms, the other calls getppid every 10 ms.
 * Runs until killed.  Whether it still works is whether the count grows. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void nap(void)
{
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

static void *other(void *arg)
{
    (void)arg;
    for (;;) {
        syscall(SYS_getppid);
        nap();
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return 2;
    pthread_t th;
    pthread_create(&th, NULL, other, NULL);
    char line[32];
    for (unsigned long i = 1;; i++) {
        int n = snprintf(line, sizeof line, "%lu\n", i);
        if (pwrite(fd, line, (size_t)n, 0) != n)
            return 3;
        nap();
    }
}
