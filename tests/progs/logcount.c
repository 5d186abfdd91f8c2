/* logcount: a known number of each of a few system calls, from the main
 * thread and from four threads at once, for counting log lines.
 *   main: getuid x200, umask x50; each thread: getppid x250, sched_yield x100
 * It prints the totals it made. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define THREADS 4

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 250; i++) {
        syscall(SYS_getppid);
        if (i < 100)
            sched_yield();
    }
    return NULL;
}

int main(void)
{
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&th[i], NULL, worker, NULL);
    for (int i = 0; i < 200; i++) {
        syscall(SYS_getuid);
        if (i < 50)
            umask(022);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    printf("getuid 200 umask 50 getppid %d sched_yield %d\n", THREADS * 250, THREADS * 100);
    return 0;
}
