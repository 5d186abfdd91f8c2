/* interrupt: system calls interrupted by signals, and restarted.
 *   interrupt restart    a blocking read, SIGALRM handler with SA_RESTART:
 *                        the read goes on until the third alarm's handler
 *                        writes a byte (ERESTARTSYS, restarted)
 *   interrupt norestart  the same without SA_RESTART: read fails with EINTR
 *   interrupt pause      pause() ends with EINTR (ERESTARTNOHAND)
 *   interrupt sleep      nanosleep while an ignored SIGALRM keeps coming:
 *                        natively nothing happens; under a tracer every
 *                        signal stops the sleep, which the kernel resumes
 *                        with restart_syscall (ERESTART_RESTARTBLOCK)
 * The output is the same natively and traced. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms;
static int pipefd[2];

static void on_alarm(int sig)
{
    (void)sig;
    if (++alarms == 3 && write(pipefd[1], "!", 1) < 0)
        _exit(3);
}

static void every(long usec)
{
    struct itimerval it = {{0, usec}, {0, usec}};
    setitimer(ITIMER_REAL, &it, NULL);
}

static void handle(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, NULL);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "restart";
    char c;
    if (pipe(pipefd) < 0)
        return 2;
    if (!strcmp(mode, "restart") || !strcmp(mode, "norestart")) {
        int restart = !strcmp(mode, "restart");
        handle(restart ? SA_RESTART : 0);
        every(20000);
        errno = 0;
        ssize_t n = read(pipefd[0], &c, 1);
        every(0);
        printf("read = %zd %s, %s\n", n, n < 0 ? strerror(errno) : "",
               restart ? (alarms >= 3 ? "after 3 alarms" : "too early")
                       : (alarms >= 1 ? "after an alarm" : "no alarm"));
    } else if (!strcmp(mode, "pause")) {
        handle(SA_RESTART); /* pause is never restarted, SA_RESTART or not */
        every(20000);
        errno = 0;
        int r = pause();
        every(0);
        printf("pause = %d %s\n", r, strerror(errno));
    } else if (!strcmp(mode, "sleep")) {
        signal(SIGALRM, SIG_IGN);
        every(30000);
        struct timespec ts = {0, 300 * 1000 * 1000};
        int r = nanosleep(&ts, NULL);
        every(0);
        printf("nanosleep = %d\n", r);
    } else {
        fprintf(stderr, "interrupt: unknown mode %s\n", mode);
        return 2;
    }
    return 0;
}
