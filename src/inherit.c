/* inherit.c - the descriptors and signal state the command must get as if
 * ttlua were not there.  LuaJIT's io.open and a policy's files carry no
 * O_CLOEXEC; ttlua catches SIGINT, ignores SIGPIPE; none of that may leak
 * into the tracee (the differential tests compare fd numbers too). */
#include "inherit.h"

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXFD 1024

static unsigned char open_at_start[MAXFD / 8];
static int saved;
static sigset_t start_mask;
static unsigned char ignored[NSIG];

/* Signals ttlua changes for itself (tracer.c, lua_bridge.c). */
static const int touched[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGVTALRM};

void inherit_save(void)
{
    saved = 1;
    DIR *d = opendir("/proc/self/fd");
    if (d) {
        int self = dirfd(d);
        struct dirent *de;
        while ((de = readdir(d))) {
            int fd = atoi(de->d_name);
            if (de->d_name[0] >= '0' && de->d_name[0] <= '9' && fd != self && fd < MAXFD)
                open_at_start[fd / 8] |= (unsigned char)(1u << (fd % 8));
        }
        closedir(d);
    } else {
        memset(open_at_start, 0xff, sizeof open_at_start); /* no /proc: close nothing */
    }
    sigprocmask(SIG_SETMASK, NULL, &start_mask);
    for (size_t i = 0; i < sizeof touched / sizeof *touched; i++) {
        struct sigaction sa;
        if (sigaction(touched[i], NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
            ignored[touched[i]] = 1;
    }
}

int inherit_ignored(int sig)
{
    return sig > 0 && sig < NSIG && ignored[sig];
}

static int was_open(int fd)
{
    return fd < MAXFD ? (open_at_start[fd / 8] >> (fd % 8)) & 1 : 1;
}

void inherit_restore(int keep)
{
    for (size_t i = 0; i < sizeof touched / sizeof *touched; i++)
        signal(touched[i], ignored[touched[i]] ? SIG_IGN : SIG_DFL);
    if (!saved)
        return;
    sigprocmask(SIG_SETMASK, &start_mask, NULL);
    /* Collect first, close after: closing while reading the directory
     * would close the directory's own descriptor under it. */
    for (;;) {
        int to_close[256], n = 0;
        DIR *d = opendir("/proc/self/fd");
        if (!d)
            return;
        int self = dirfd(d);
        struct dirent *de;
        while ((de = readdir(d)) && n < 256) {
            if (de->d_name[0] < '0' || de->d_name[0] > '9')
                continue;
            int fd = atoi(de->d_name);
            if (fd > 2 && fd != self && fd != keep && !was_open(fd))
                to_close[n++] = fd;
        }
        closedir(d);
        if (n == 0)
            return;
        for (int i = 0; i < n; i++)
            close(to_close[i]);
    }
}
