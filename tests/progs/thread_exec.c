/* thread_exec: a thread that is not the leader calls execve; the new
 * program must run (and be traced) in place of the whole process. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

extern char **environ;

static void *run(void *arg)
{
    (void)arg;
    char *argv[] = {"/bin/echo", "exec from a thread", NULL};
    execve(argv[0], argv, environ);
    perror("execve");
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, run, NULL);
    for (;;)
        pause();
}
