/* signals: signal delivery and job control through the tracer.
 *   signals handler   SIGUSR1 to itself, caught by a handler
 *   signals stop      a child stops itself with SIGSTOP; the parent sees the
 *                     stop (WUNTRACED), continues it and reaps it
 *   signals ignored   SIGUSR2 ignored, then SIGTERM kills it (exit 143) */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
    got = sig;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "handler";
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(mode, "handler")) {
        signal(SIGUSR1, on_usr1);
        kill(getpid(), SIGUSR1);
        printf("caught %d\n", (int)got);
    } else if (!strcmp(mode, "stop")) {
        pid_t pid = fork();
        if (pid == 0) {
            raise(SIGSTOP);
            printf("child continued\n");
            _exit(9);
        }
        int st;
        waitpid(pid, &st, WUNTRACED);
        printf("child stopped %d by %d\n", WIFSTOPPED(st), WSTOPSIG(st));
        kill(pid, SIGCONT);
        waitpid(pid, &st, 0);
        printf("child exited %d\n", WEXITSTATUS(st));
    } else if (!strcmp(mode, "ignored")) {
        signal(SIGUSR2, SIG_IGN);
        kill(getpid(), SIGUSR2);
        printf("survived SIGUSR2\n");
        kill(getpid(), SIGTERM);
        printf("not reached\n");
    }
    return 0;
}
