/* golden_ioctl: terminal ioctls on a pseudo-terminal (TCGETS, TCSETS,
 * TIOCGWINSZ, TIOCSWINSZ, TIOCGPTN, TIOCSPTLCK), FIONREAD, FIONBIO, FIOCLEX,
 * FIONCLEX, FS_IOC_GETFLAGS, FICLONE and an unknown request.  Usage: golden_ioctl DIR */
#include "golden.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>

static const char *err(long r)
{
    static char b[128];
    if (r >= 0) {
        snprintf(b, sizeof b, "%ld", r);
        return b;
    }
    snprintf(b, sizeof b, "-1 %s (%s)", strerrorname_np(errno), strerror(errno));
    return b;
}

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) != 0)
        return 2;
    int m = (int)syscall(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
    if (m < 0)
        return 2;
    int unlock = 0, n = 0;
    syscall(SYS_ioctl, m, TIOCSPTLCK, &unlock);
    expect("ioctl(%d, TIOCSPTLCK, [0]) = 0", m);
    syscall(SYS_ioctl, m, TIOCGPTN, &n);
    expect("ioctl(%d, TIOCGPTN, [%d]) = 0", m, n);
    char path[64];
    snprintf(path, sizeof path, "/dev/pts/%d", n);
    int s = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDWR | O_NOCTTY);
    expect("openat(AT_FDCWD, \"%s\", O_RDWR|O_NOCTTY) = %d", path, s);

    struct termios t;
    memset(&t, 0, sizeof t);
    t.c_iflag = ICRNL | IXON;
    t.c_oflag = OPOST | ONLCR;
    t.c_cflag = B38400 | CS8 | CREAD;
    t.c_lflag = ISIG | ICANON | ECHO;
    syscall(SYS_ioctl, s, TCSETS, &t);
    expect("ioctl(%d, SNDCTL_TMR_START or TCSETS, {c_iflag=ICRNL|IXON, "
           "c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
           "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO, ...}) = 0",
           s);
    syscall(SYS_ioctl, s, TCGETS, &t);
    expect("ioctl(%d, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
           "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO, ...}) = 0",
           s);
    struct winsize ws = {24, 80, 0, 0};
    syscall(SYS_ioctl, s, TIOCSWINSZ, &ws);
    expect("ioctl(%d, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0", s);
    memset(&ws, 0, sizeof ws);
    syscall(SYS_ioctl, m, TIOCGWINSZ, &ws);
    expect("ioctl(%d, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0", m);

    int p[2];
    if (pipe(p) != 0)
        return 2;
    syscall(SYS_write, p[1], "abc", 3);
    int avail = 0, on = 1;
    syscall(SYS_ioctl, p[0], FIONREAD, &avail);
    expect("ioctl(%d, FIONREAD, [3]) = 0", p[0]);
    syscall(SYS_ioctl, p[0], FIONBIO, &on);
    expect("ioctl(%d, FIONBIO, [1]) = 0", p[0]);
    syscall(SYS_ioctl, p[0], FIOCLEX);
    expect("ioctl(%d, FIOCLEX) = 0", p[0]);
    syscall(SYS_ioctl, p[0], FIONCLEX);
    expect("ioctl(%d, FIONCLEX) = 0", p[0]);
    long r = syscall(SYS_ioctl, p[0], TCGETS, &t);
    expect("ioctl(%d, TCGETS, %s) = %s", p[0], ptr(&t), err(r));
    r = syscall(SYS_ioctl, p[0], _IOR(0x12, 0x34, uint64_t), 0x1234);
    expect("ioctl(%d, _IOC(_IOC_READ, 0x12, 0x34, 0x8), 0x1234) = %s", p[0], err(r));

    int f = (int)syscall(SYS_openat, AT_FDCWD, "x", O_RDWR | O_CREAT, 0600);
    int g = (int)syscall(SYS_openat, AT_FDCWD, "y", O_RDWR | O_CREAT, 0600);
    r = syscall(SYS_ioctl, g, FICLONE, f);
    expect("ioctl(%d, BTRFS_IOC_CLONE or FICLONE, %d) = %s", g, f, err(r));
    int flags = 0;
    r = syscall(SYS_ioctl, f, FS_IOC_GETFLAGS, &flags);
    if (r == 0)
        expect("ioctl(%d, FS_IOC_GETFLAGS, [%s]) = 0", f,
               flags == 0         ? "0"
               : flags == 0x80000 ? "FS_EXTENT_FL"
                                  : "?");
    else
        expect("ioctl(%d, FS_IOC_GETFLAGS, %s) = %s", f, ptr(&flags), err(r));
    return golden_done();
}
