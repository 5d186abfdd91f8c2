/* output.c - a 64 KiB log buffer over one descriptor.  Write errors (a
 * closed pipe) disable the log instead of killing ttlua. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define CAP (64 * 1024)

static char buf[CAP];
static size_t used;
static int fd = 2;
static int broken;
static int interactive = -1; /* not known yet */

int output_open(const char *path)
{
    int nfd = 2;
    if (path) {
        nfd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (nfd < 0)
            return -errno;
    }
    if (fd > 2)
        close(fd);
    fd = nfd;
    interactive = -1;
    return 0;
}

/* A reader may be watching: a tty, a pipe, a socket, not a regular file
 * nor /dev/null. */
static int is_interactive(void)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return 1;
    if (S_ISREG(st.st_mode))
        return 0;
    if (S_ISCHR(st.st_mode) && st.st_rdev == makedev(1, 3))
        return 0;
    return 1;
}

void output_flush(void)
{
    size_t off = 0;
    while (off < used && !broken) {
        ssize_t n = write(fd, buf + off, used - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            broken = 1; /* EPIPE and friends: stop logging, keep tracing */
            break;
        }
        off += (size_t)n;
    }
    used = 0;
}

void output_write(const char *s, size_t n)
{
    if (broken)
        return;
    if (used + n > CAP) {
        output_flush();
        if (n > CAP) {
            used = 0;
            while (n && !broken) {
                ssize_t w = write(fd, s, n);
                if (w < 0 && errno == EINTR)
                    continue;
                if (w <= 0) {
                    broken = 1;
                    break;
                }
                s += w;
                n -= (size_t)w;
            }
            return;
        }
    }
    memcpy(buf + used, s, n);
    used += n;
}

int output_pending(void)
{
    return used > 0;
}

int output_interactive(void)
{
    if (interactive < 0)
        interactive = is_interactive();
    return interactive;
}

void output_flush_if_interactive(void)
{
    if (used > 0 && output_interactive())
        output_flush();
}
