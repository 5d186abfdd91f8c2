/* vfdops: exercise one descriptor operation on PATH and print what the
 * program saw, one "key value" line per fact, for tests/vfd_spec.lua.
 *   vfdops io PATH        read, pread, readv, lseek, write, pwrite, writev
 *   vfdops stat PATH      fstat, newfstatat(AT_EMPTY_PATH), statx
 *   vfdops dup PATH       dup, dup2, dup3, F_DUPFD, shared offset, close
 *   vfdops fcntl PATH     F_GETFL/F_SETFL, F_GETFD/F_SETFD, ioctl
 *   vfdops dir PATH       getdents64 of a directory
 *   vfdops poll PATH      poll, ppoll, select, pselect6 with a pipe beside it
 *   vfdops mmap PATH      mmap of the descriptor
 *   vfdops fork PATH      a child reads, the parent sees the shared offset
 *   vfdops exec PATH      exec keeps a plain descriptor, drops a close-on-exec one
 *   vfdops inherit FD N   (after exec) read N bytes from FD, test FD+1 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void show(const char *key, long r, const char *buf, long n)
{
    if (r < 0) {
        printf("%s err %s\n", key, strerrorname_np(errno));
        return;
    }
    printf("%s %ld", key, r);
    if (buf && n > 0)
        printf(" [%.*s]", (int)n, buf);
    printf("\n");
}

static int open_or_die(const char *path, int flags)
{
    int fd = open(path, flags, 0644);
    if (fd < 0) {
        printf("open err %s\n", strerrorname_np(errno));
        exit(1);
    }
    printf("open %d\n", fd);
    return fd;
}

static void do_io(const char *path)
{
    char buf[64], a[4], b[4];
    int probe = open("/dev/null", O_RDONLY);
    close(probe);
    printf("lowest %d\n", probe);
    int fd = open_or_die(path, O_RDWR);
    long r = read(fd, buf, 5);
    show("read", r, buf, r);
    r = pread(fd, buf, 3, 1);
    show("pread", r, buf, r);
    struct iovec iov[2] = {{a, 2}, {b, 3}};
    r = readv(fd, iov, 2);
    printf("readv %ld [%.2s|%.3s]\n", r, a, b);
    show("lseek_cur", lseek(fd, 0, SEEK_CUR), NULL, 0);
    show("lseek_end", lseek(fd, 0, SEEK_END), NULL, 0);
    show("lseek_bad", lseek(fd, -100, SEEK_SET), NULL, 0);
    show("lseek_set", lseek(fd, 0, SEEK_SET), NULL, 0);
    show("write", write(fd, "AB", 2), NULL, 0);
    show("pwrite", pwrite(fd, "Z", 1, 0), NULL, 0);
    struct iovec w[2] = {{"cd", 2}, {"ef", 2}};
    show("writev", writev(fd, w, 2), NULL, 0);
    lseek(fd, 0, SEEK_SET);
    r = read(fd, buf, sizeof buf);
    show("reread", r, buf, r);
    show("read_eof", read(fd, buf, sizeof buf), NULL, 0);
    lseek(fd, 0, SEEK_SET);
    show("read_badbuf", syscall(SYS_read, fd, (void *)8, 4), NULL, 0);
    show("close", close(fd), NULL, 0);
    show("read_closed", read(fd, buf, 1), NULL, 0);
    int ro = open_or_die(path, O_RDONLY);
    show("write_rdonly", write(ro, "x", 1), NULL, 0);
    close(ro);
}

static void do_stat(const char *path)
{
    int fd = open_or_die(path, O_RDONLY);
    struct stat st;
    long r = fstat(fd, &st);
    printf("fstat %ld size %lld mode %o nlink %ld\n", r, (long long)st.st_size, st.st_mode,
           (long)st.st_nlink);
    memset(&st, 0, sizeof st);
    r = fstatat(fd, "", &st, AT_EMPTY_PATH);
    printf("fstatat %ld size %lld mode %o\n", r, (long long)st.st_size, st.st_mode);
    struct statx sx;
    r = statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &sx);
    printf("statx %ld size %llu mode %o\n", r, (unsigned long long)sx.stx_size, sx.stx_mode);
    show("fstat_badbuf", syscall(SYS_fstat, fd, (void *)8), NULL, 0);
}

static void do_dup(const char *path)
{
    char buf[8];
    int fd = open_or_die(path, O_RDONLY);
    int d1 = dup(fd);
    show("dup", d1 > fd, NULL, 0);
    read(fd, buf, 2);
    long r = read(d1, buf, 2);
    show("dup_shared_offset", r, buf, r);
    show("dup2", dup2(fd, 20), NULL, 0);
    r = read(20, buf, 2);
    show("dup2_read", r, buf, r);
    show("dup3", dup3(fd, 21, O_CLOEXEC), NULL, 0);
    show("dup3_cloexec", fcntl(21, F_GETFD), NULL, 0);
    int d4 = fcntl(fd, F_DUPFD, 30);
    show("f_dupfd", d4, NULL, 0);
    close(fd);
    close(d1);
    close(20);
    close(21);
    r = read(d4, buf, 2);
    show("last_read", r, buf, r);
    /* dup2 of a real descriptor over a virtual one */
    int p[2];
    pipe(p);
    show("dup2_over", dup2(p[0], d4), NULL, 0);
    write(p[1], "PI", 2);
    r = read(d4, buf, 2);
    show("read_over", r, buf, r);
    close(d4);
    fflush(stdout);
}

static void do_fcntl(const char *path)
{
    int fd = open_or_die(path, O_RDONLY | O_CLOEXEC);
    show("getfl", fcntl(fd, F_GETFL) & (O_ACCMODE | O_NONBLOCK | O_APPEND), NULL, 0);
    show("setfl", fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND), NULL, 0);
    show("getfl2", fcntl(fd, F_GETFL) & (O_ACCMODE | O_NONBLOCK | O_APPEND), NULL, 0);
    show("getfd", fcntl(fd, F_GETFD), NULL, 0);
    show("setfd", fcntl(fd, F_SETFD, 0), NULL, 0);
    show("getfd2", fcntl(fd, F_GETFD), NULL, 0);
    struct termios t;
    show("tcgets", ioctl(fd, TCGETS, &t), NULL, 0);
    show("isatty", isatty(fd), NULL, 0);
    int n = 0;
    show("fionread", ioctl(fd, FIONREAD, &n), NULL, 0);
    printf("fionread_n %d\n", n);
}

static void do_dir(const char *path)
{
    int fd = open_or_die(path, O_RDONLY | O_DIRECTORY);
    char buf[4096];
    long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
    printf("getdents64 %ld\n", n);
    for (long off = 0; off < n;) {
        struct dirent64 *d = (struct dirent64 *)(buf + off);
        printf("entry %s %d\n", d->d_name, d->d_type);
        off += d->d_reclen;
    }
    show("getdents64_end", syscall(SYS_getdents64, fd, buf, sizeof buf), NULL, 0);
    lseek(fd, 0, SEEK_SET);
    show("getdents64_small", syscall(SYS_getdents64, fd, buf, 4), NULL, 0);
    char c;
    show("read_dir", read(fd, &c, 1), NULL, 0);
}

static void do_poll(const char *path)
{
    int fd = open_or_die(path, O_RDONLY);
    int p[2];
    pipe(p);
    struct pollfd pf[3] = {{fd, POLLIN, 0}, {p[0], POLLIN, 0}, {-1, POLLIN, 0}};
    long r = poll(pf, 3, 1000);
    printf("poll %ld %d %d fd=%d\n", r, pf[0].revents, pf[1].revents, pf[0].fd);
    write(p[1], "x", 1);
    struct timespec ts = {0, 0};
    r = ppoll(pf, 2, &ts, NULL);
    printf("ppoll %ld %d %d\n", r, pf[0].revents, pf[1].revents);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(fd, &rd);
    FD_SET(p[0], &rd);
    FD_SET(fd, &wr);
    struct timeval tv = {1, 0};
    r = select(p[0] + 1, &rd, &wr, NULL, &tv);
    printf("select %ld r%d r%d w%d\n", r, FD_ISSET(fd, &rd), FD_ISSET(p[0], &rd),
           FD_ISSET(fd, &wr));
    FD_ZERO(&rd);
    FD_SET(fd, &rd);
    ts.tv_sec = 1;
    r = pselect(fd + 1, &rd, NULL, NULL, &ts, NULL);
    printf("pselect %ld r%d\n", r, FD_ISSET(fd, &rd));
    /* only the pipe: the virtual one is not asked, the wait times out */
    char c;
    read(p[0], &c, 1);
    struct pollfd one = {p[0], POLLIN, 0};
    r = poll(&one, 1, 30);
    printf("poll_timeout %ld %d\n", r, one.revents);
}

static void do_mmap(const char *path)
{
    int fd = open_or_die(path, O_RDONLY);
    void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED)
        printf("mmap err %s\n", strerrorname_np(errno));
    else
        printf("mmap [%.5s]\n", (char *)m);
}

static void do_fork(const char *path)
{
    char buf[8];
    int fd = open_or_die(path, O_RDONLY);
    pid_t pid = fork();
    if (pid == 0) {
        long r = read(fd, buf, 3);
        show("child_read", r, buf, r);
        close(fd);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    long r = read(fd, buf, 3);
    show("parent_read", r, buf, r);
    /* a CLONE_FILES child shares the table: its close is the parent's */
    pid = (pid_t)syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
        close(fd);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    show("after_shared_close", read(fd, buf, 1), NULL, 0);
}

static void do_exec(const char *path, const char *self)
{
    int fd = open_or_die(path, O_RDONLY);
    int cx = open_or_die(path, O_RDONLY | O_CLOEXEC);
    if (cx != fd + 1) {
        printf("unexpected numbering\n");
        return;
    }
    char buf[4];
    read(fd, buf, 2);
    char fds[16];
    snprintf(fds, sizeof fds, "%d", fd);
    fflush(stdout);
    execl(self, self, "inherit", fds, "3", (char *)NULL);
    printf("exec err %s\n", strerrorname_np(errno));
}

static void do_inherit(int fd, int n)
{
    char buf[64];
    long r = read(fd, buf, (size_t)n);
    show("inherited_read", r, buf, r);
    show("cloexec_gone", read(fd + 1, buf, 1), NULL, 0);
    /* the number of the closed one is free again for the kernel */
    int again = open("/dev/null", O_RDONLY);
    show("reuse", again == fd + 1, NULL, 0);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 3)
        return 2;
    const char *op = argv[1], *path = argv[2];
    if (!strcmp(op, "io"))
        do_io(path);
    else if (!strcmp(op, "stat"))
        do_stat(path);
    else if (!strcmp(op, "dup"))
        do_dup(path);
    else if (!strcmp(op, "fcntl"))
        do_fcntl(path);
    else if (!strcmp(op, "dir"))
        do_dir(path);
    else if (!strcmp(op, "poll"))
        do_poll(path);
    else if (!strcmp(op, "mmap"))
        do_mmap(path);
    else if (!strcmp(op, "fork"))
        do_fork(path);
    else if (!strcmp(op, "exec"))
        do_exec(path, argv[0]);
    else if (!strcmp(op, "inherit") && argc > 3)
        do_inherit(atoi(argv[2]), atoi(argv[3]));
    else
        return 2;
    return 0;
}
