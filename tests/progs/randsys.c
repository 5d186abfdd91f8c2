/* randsys: N pseudo-random system calls from a seed, one line per result.
 *   randsys SEED N DIR
 * Calls come from a safe list (files, pipes, sockets, descriptors, memory,
 * signals, fork/wait) with valid, boundary and invalid arguments: bad
 * pointers (NULL, 1, a kernel address, a PROT_NONE page, a read-only page
 * for outputs), bad descriptors, huge lengths, unknown flags.  Only what is
 * the same from run to run is printed (results and errnos, fd numbers,
 * sizes; never addresses, pids or times), so the output natively and under
 * ttlua must be identical.  DIR must be an empty directory; the program
 * works inside it.  Descriptors 0-2 are never touched except to print. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXFDS 24
#define BUFSZ  (4 * 1024 * 1024) /* more than a socket queue holds */
#define BOGUS  (1UL << 30)       /* a 1 GiB length */
#define NNAMES 6

static uint64_t rng;
/* Inputs come from inbuf, which nothing writes: garbage passed as a struct
 * is the same garbage in every run.  Outputs go to outbuf. */
static char inbuf[BUFSZ], outbuf[BUFSZ];
static char *unmapped, *readonly;
static volatile sig_atomic_t usr1_count;

enum kind { K_FILE, K_PIPE_R, K_PIPE_W, K_SOCK, K_EVENT, K_EPOLL, K_MEMFD, K_DIR, K_OTHER };
static struct {
    int fd;
    enum kind kind;
} fds[MAXFDS];
static int nfds;
static int last_closed = 900;

static uint64_t next(void)
{
    /* xorshift64* */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717ULL;
}

static unsigned pick(unsigned n)
{
    return (unsigned)(next() % n);
}

static void put(int i, const char *name, long ret, int err, const char *extra)
{
    if (ret < 0)
        printf("%d %s = -1 %d%s%s\n", i, name, err, extra ? " " : "", extra ? extra : "");
    else
        printf("%d %s = %ld%s%s\n", i, name, ret, extra ? " " : "", extra ? extra : "");
}

static void own(int fd, enum kind k)
{
    if (fd < 0)
        return;
    for (int i = 0; i < nfds; i++) {
        if (fds[i].fd == fd) {
            fds[i].kind = k;
            return;
        }
    }
    if (nfds < MAXFDS) {
        fds[nfds].fd = fd;
        fds[nfds].kind = k;
        nfds++;
    } else {
        close(fd); /* pool full: not printed, same in every run */
    }
}

static void disown(int fd)
{
    for (int i = 0; i < nfds; i++) {
        if (fds[i].fd == fd) {
            fds[i] = fds[--nfds];
            last_closed = fd;
            return;
        }
    }
}

static enum kind kind_of(int fd)
{
    for (int i = 0; i < nfds; i++)
        if (fds[i].fd == fd)
            return fds[i].kind;
    return K_OTHER;
}

/* A descriptor: mostly one of ours, sometimes a bad one. */
static int any_fd(void)
{
    if (nfds && pick(10) < 8)
        return fds[pick((unsigned)nfds)].fd;
    static const int bad[] = {-1, 1000000, INT_MAX, 999, -100};
    unsigned i = pick(6);
    return i < 5 ? bad[i] : last_closed;
}

/* A pointer the kernel cannot use. */
static void *bad_ptr(void)
{
    static void *const bad[] = {NULL, (void *)1, (void *)0xffff800000001000UL};
    unsigned i = pick(4);
    return i < 3 ? bad[i] : unmapped;
}

/* A pointer for the kernel to read (in) or write (out). */
static void *any_ptr(int out)
{
    switch (pick(12)) {
    case 0:
        return NULL;
    case 1:
        return (void *)1;
    case 2:
        return (void *)0xffff800000001000UL; /* kernel half */
    case 3:
        return unmapped;
    case 4:
        return out ? readonly : inbuf;
    default:
        return (out ? outbuf : inbuf) + pick(64);
    }
}

static size_t any_len(int bounded)
{
    static const size_t lens[] = {0, 1, 7, 100, 4096, 65536};
    unsigned i = pick(bounded ? 6 : 7);
    return i < 6 ? lens[i] : BOGUS;
}

/* A huge length is only safe where the kernel cannot copy that much:
 * a bad pointer, or a pipe/socket/eventfd (bounded, non-blocking). */
static size_t len_for(int fd, const void *p)
{
    enum kind k = kind_of(fd);
    int bounded_fd = k == K_PIPE_R || k == K_PIPE_W || k == K_SOCK || k == K_EVENT;
    int bad_ptr = !((p >= (void *)inbuf && p < (void *)(inbuf + BUFSZ)) ||
                    (p >= (void *)outbuf && p < (void *)(outbuf + BUFSZ)));
    return any_len(!(bounded_fd || bad_ptr));
}

static const char *any_path(void)
{
    static const char *names[NNAMES] = {"f0", "f1", "d0", "d0/f2", "s0", "nonexistent/x"};
    static char long_name[PATH_MAX + 10];
    switch (pick(10)) {
    case 0:
        return NULL;
    case 1:
        return (const char *)1;
    case 2:
        return unmapped;
    case 3:
        if (!long_name[0])
            memset(long_name, 'a', sizeof long_name - 1);
        return long_name; /* ENAMETOOLONG */
    case 4:
        return "";
    default:
        return names[pick(NNAMES)];
    }
}

static void on_usr1(int sig)
{
    (void)sig;
    usr1_count++;
}

#define R(name, expr)                                                                              \
    do {                                                                                           \
        errno = 0;                                                                                 \
        long r_ = (long)(expr);                                                                    \
        put(i, name, r_, errno, NULL);                                                             \
    } while (0)

static void one(int i)
{
    int fd = any_fd();
    void *p;
    size_t len;
    long r;
    char extra[96];
    switch (pick(44)) {
    case 0: /* read */
        p = any_ptr(1);
        len = len_for(fd, p);
        R("read", read(fd, p, len));
        break;
    case 1: /* write */
        p = any_ptr(0);
        len = len_for(fd, p);
        R("write", write(fd, p, len));
        break;
    case 2:
        p = any_ptr(1);
        len = len_for(fd, p);
        R("pread64", pread(fd, p, len, (off_t)pick(8192)));
        break;
    case 3:
        p = any_ptr(0);
        len = len_for(fd, p);
        R("pwrite64", pwrite(fd, p, len, (off_t)pick(8192)));
        break;
    case 4: {
        struct iovec iov[2] = {{outbuf, 10}, {any_ptr(1), 0}};
        iov[1].iov_len = len_for(fd, iov[1].iov_base) % 65537;
        R("readv", readv(fd, pick(4) ? iov : any_ptr(0), (int)pick(3)));
        break;
    }
    case 5: {
        struct iovec iov[2] = {{inbuf, 10}, {any_ptr(0), 0}};
        iov[1].iov_len = len_for(fd, iov[1].iov_base) % 65537;
        R("writev", writev(fd, pick(4) ? iov : any_ptr(0), (int)pick(3)));
        break;
    }
    case 6: {
        static const int flags[] = {O_RDONLY,
                                    O_WRONLY | O_CREAT,
                                    O_RDWR | O_CREAT | O_TRUNC,
                                    O_RDONLY | O_DIRECTORY,
                                    O_WRONLY | O_CREAT | O_EXCL,
                                    O_RDWR | O_APPEND,
                                    0x7fffffff};
        int fl = flags[pick(7)];
        errno = 0;
        r = openat(pick(5) ? AT_FDCWD : fd, any_path(), fl, 0644);
        put(i, "openat", r, errno, NULL);
        own((int)r, (fl & O_DIRECTORY) ? K_DIR : K_FILE);
        break;
    }
    case 7: /* close: ours or bad, never 0-2 */
        errno = 0;
        r = close(fd);
        put(i, "close", r, errno, NULL);
        if (r == 0)
            disown(fd);
        break;
    case 8: {
        int pf[2];
        errno = 0;
        r = pipe2(pick(8) ? pf : bad_ptr(), O_NONBLOCK | (pick(2) ? O_CLOEXEC : 0));
        if (r == 0) {
            snprintf(extra, sizeof extra, "[%d %d]", pf[0], pf[1]);
            put(i, "pipe2", r, 0, extra);
            own(pf[0], K_PIPE_R);
            own(pf[1], K_PIPE_W);
        } else {
            put(i, "pipe2", r, errno, NULL);
        }
        break;
    }
    case 9: {
        int sv[2];
        errno = 0;
        r = socketpair(AF_UNIX, (pick(2) ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK, 0,
                       pick(8) ? sv : bad_ptr());
        if (r == 0) {
            snprintf(extra, sizeof extra, "[%d %d]", sv[0], sv[1]);
            put(i, "socketpair", r, 0, extra);
            own(sv[0], K_SOCK);
            own(sv[1], K_SOCK);
        } else {
            put(i, "socketpair", r, errno, NULL);
        }
        break;
    }
    case 10:
        errno = 0;
        r = dup(fd);
        put(i, "dup", r, errno, NULL);
        own((int)r, kind_of(fd));
        break;
    case 11: {
        int target = 40 + (int)pick(8);
        enum kind k = kind_of(fd);
        errno = 0;
        r = pick(2) ? dup2(fd, target) : dup3(fd, target, O_CLOEXEC);
        put(i, "dup2", r, errno, NULL);
        if (r >= 0)
            own((int)r, k);
        break;
    }
    case 12: {
        static const int cmds[] = {F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD, 12345};
        int cmd = cmds[pick(6)];
        long arg = (long)pick(2);
        if (cmd == F_DUPFD)
            arg = 48 + (long)pick(8);
        if (cmd == F_SETFL) /* never clear O_NONBLOCK: a read must not block */
            arg = O_NONBLOCK | (pick(2) ? O_APPEND : 0);
        errno = 0;
        r = fcntl(fd, cmd, arg);
        put(i, "fcntl", r, errno, NULL);
        if (cmd == F_DUPFD)
            own((int)r, kind_of(fd));
        break;
    }
    case 13:
        R("lseek", lseek(fd, (off_t)pick(5000) - 100, (int)pick(5)));
        break;
    case 14: {
        struct stat st;
        void *to = pick(8) ? &st : any_ptr(1);
        errno = 0;
        r = fstat(fd, to);
        if (r == 0 && to == &st)
            snprintf(extra, sizeof extra, "fmt=%o size=%lld", st.st_mode & S_IFMT,
                     S_ISREG(st.st_mode) ? (long long)st.st_size : -1LL);
        put(i, "fstat", r, errno, r == 0 && to == &st ? extra : NULL);
        break;
    }
    case 15: {
        struct stat st;
        void *to = pick(8) ? &st : any_ptr(1);
        errno = 0;
        r = fstatat(AT_FDCWD, any_path(), to, pick(2) ? AT_SYMLINK_NOFOLLOW : 0);
        if (r == 0 && to == &st)
            snprintf(extra, sizeof extra, "fmt=%o size=%lld", st.st_mode & S_IFMT,
                     S_ISREG(st.st_mode) ? (long long)st.st_size : -1LL);
        put(i, "newfstatat", r, errno, r == 0 && to == &st ? extra : NULL);
        break;
    }
    case 16:
        R("faccessat", faccessat(AT_FDCWD, any_path(), (int)pick(8), 0));
        break;
    case 17:
        R("mkdirat", mkdirat(AT_FDCWD, any_path(), 0755));
        break;
    case 18:
        R("unlinkat", unlinkat(AT_FDCWD, any_path(), pick(3) ? 0 : AT_REMOVEDIR));
        break;
    case 19:
        R("renameat", renameat(AT_FDCWD, any_path(), AT_FDCWD, any_path()));
        break;
    case 20:
        R("symlinkat", symlinkat(any_path(), AT_FDCWD, any_path()));
        break;
    case 21: {
        char target[64];
        void *to = pick(8) ? target : any_ptr(1);
        errno = 0;
        r = readlinkat(AT_FDCWD, any_path(), to, pick(4) ? sizeof target : 0);
        if (r > 0 && to == target)
            snprintf(extra, sizeof extra, "\"%.*s\"", (int)r, target);
        put(i, "readlinkat", r, errno, r > 0 && to == target ? extra : NULL);
        break;
    }
    case 22:
        R("ftruncate", ftruncate(fd, (off_t)pick(3) * 1000 - (pick(5) ? 0 : 2000)));
        break;
    case 23: {
        struct pollfd pf[2] = {{fd, POLLIN | POLLOUT, 0}, {any_fd(), POLLIN, 0}};
        errno = 0;
        r = poll(pick(8) ? pf : bad_ptr(), 1 + pick(2), 0);
        snprintf(extra, sizeof extra, "[%#x %#x]", pf[0].revents, pf[1].revents);
        put(i, "poll", r, errno, r >= 0 ? extra : NULL);
        break;
    }
    case 24:
        errno = 0;
        r = eventfd((unsigned)pick(3), EFD_NONBLOCK | (pick(2) ? EFD_SEMAPHORE : 0));
        put(i, "eventfd2", r, errno, NULL);
        own((int)r, K_EVENT);
        break;
    case 25:
        errno = 0;
        r = epoll_create1(pick(6) ? EPOLL_CLOEXEC : 0x7f);
        put(i, "epoll_create1", r, errno, NULL);
        own((int)r, K_EPOLL);
        break;
    case 26: {
        struct epoll_event ev = {EPOLLIN | EPOLLOUT, {.u64 = 7}};
        R("epoll_ctl", epoll_ctl(fd, 1 + (int)pick(3), any_fd(), pick(8) ? &ev : any_ptr(0)));
        break;
    }
    case 27: {
        struct epoll_event evs[4];
        void *to = pick(8) ? evs : any_ptr(1);
        errno = 0;
        r = epoll_wait(fd, to, (int)pick(5), 0);
        if (r > 0 && to == evs)
            snprintf(extra, sizeof extra, "[%#x]", evs[0].events);
        put(i, "epoll_wait", r, errno, r > 0 && to == evs ? extra : NULL);
        break;
    }
    case 28:
        errno = 0;
        r = memfd_create(pick(6) ? "randsys" : any_ptr(0), pick(5) ? MFD_CLOEXEC : 0x1000);
        put(i, "memfd_create", r, errno, NULL);
        own((int)r, K_MEMFD);
        break;
    case 29: {
        /* anonymous memory: only success or the errno is printed */
        static const int prots[] = {PROT_READ, PROT_READ | PROT_WRITE, PROT_NONE, 0x100};
        size_t sz = pick(4) ? 4096 * (1 + pick(4)) : (pick(2) ? 0 : (size_t)1 << 62);
        errno = 0;
        void *m = mmap(NULL, sz, prots[pick(4)], MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        put(i, "mmap", m == MAP_FAILED ? -1 : 0, errno, NULL);
        if (m != MAP_FAILED) {
            errno = 0;
            r = mprotect(m, sz, pick(2) ? PROT_READ : 0x1000);
            put(i, "mprotect", r, errno, NULL);
            errno = 0;
            r = madvise(m, sz, pick(2) ? MADV_DONTNEED : 999);
            put(i, "madvise", r, errno, NULL);
            R("munmap", munmap(m, sz));
        }
        break;
    }
    case 30:
        R("munmap", munmap(inbuf + 1 + pick(2), pick(2) ? 0 : 4096)); /* EINVAL */
        break;
    case 31: {
        /* signals to ourselves: delivered before kill returns, natively
         * and under a tracer alike */
        static const int sigs[] = {SIGUSR1, 0, 0x7f, SIGUSR2};
        errno = 0;
        r = kill(getpid(), sigs[pick(4)]);
        snprintf(extra, sizeof extra, "usr1=%d", (int)usr1_count);
        put(i, "kill", r, errno, extra);
        break;
    }
    case 32: {
        sigset_t set, old;
        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        errno = 0;
        r = syscall(SYS_rt_sigprocmask, (int)pick(4), pick(8) ? &set : any_ptr(0),
                    pick(2) ? &old : NULL, pick(6) ? 8 : 4);
        put(i, "rt_sigprocmask", r, errno, NULL);
        break;
    }
    case 33: {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_usr1;
        sa.sa_flags = pick(2) ? SA_RESTART : 0;
        errno = 0;
        /* only SIGUSR1 gets the handler: others would arrive at times
         * that differ from run to run (SIGCHLD, SIGWINCH) */
        static const int sigs[] = {SIGUSR1, SIGUSR1, SIGUSR1, SIGKILL, SIGSTOP, 0, 65};
        int sig = sigs[pick(7)];
        if (pick(6)) /* libc adds the restorer the kernel needs */
            r = sigaction(sig, &sa, NULL);
        else /* a bad pointer: the kernel refuses it, nothing is installed */
            r = syscall(SYS_rt_sigaction, sig, bad_ptr(), NULL, pick(4) ? 8 : 3);
        put(i, "rt_sigaction", r, errno, NULL);
        break;
    }
    case 34: {
        /* a child that exits at once; only its status is printed */
        errno = 0;
        pid_t pid = fork();
        if (pid == 0)
            _exit(i % 200);
        int st = 0;
        r = pid < 0 ? -1 : waitpid(pid, &st, 0) == pid;
        snprintf(extra, sizeof extra, "status=%#x", st);
        put(i, "fork+wait4", r, errno, extra);
        break;
    }
    case 35:
        R("wait4", syscall(SYS_wait4, -1, any_ptr(1), WNOHANG, NULL));
        break;
    case 36: {
        struct timespec ts = {0, (long)pick(3) * 1000};
        if (!pick(6))
            ts.tv_nsec = 2000000000L; /* EINVAL */
        R("nanosleep", nanosleep(pick(8) ? &ts : bad_ptr(), NULL));
        break;
    }
    case 37:
        R("sched_yield", sched_yield());
        break;
    case 38: {
        struct rlimit rl;
        errno = 0;
        r = getrlimit(pick(6) ? RLIMIT_NOFILE : 99, pick(6) ? &rl : any_ptr(1));
        put(i, "getrlimit", r, errno, NULL);
        break;
    }
    case 39: {
        struct utsname u;
        void *to = pick(6) ? &u : any_ptr(1);
        errno = 0;
        r = uname(to);
        put(i, "uname", r, errno, r == 0 && to == &u ? u.sysname : NULL);
        break;
    }
    case 40:
        errno = 0;
        r = syscall(SYS_getcwd, pick(6) ? outbuf : any_ptr(1), pick(6) ? 4096 : (long)pick(3));
        put(i, "getcwd", r, errno, NULL);
        break;
    case 41: {
        char d[512];
        errno = 0;
        r = syscall(SYS_getdents64, fd, pick(8) ? d : any_ptr(1), pick(4) ? sizeof d : 10);
        put(i, "getdents64", r < 0 ? r : r > 0, errno, NULL);
        break;
    }
    case 42:
        R("flock", flock(fd, pick(2) ? LOCK_SH | LOCK_NB : 0x55));
        break;
    case 43: {
        char b[8];
        errno = 0;
        r = syscall(SYS_getrandom, pick(6) ? b : any_ptr(1), pick(4) ? sizeof b : 0,
                    pick(6) ? 0 : 0x40);
        put(i, "getrandom", r, errno, NULL);
        break;
    }
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: randsys SEED N DIR\n");
        return 2;
    }
    rng = strtoull(argv[1], NULL, 0) * 0x9E3779B97F4A7C15ULL + 1;
    long n = strtol(argv[2], NULL, 0);
    if (chdir(argv[3]) < 0) {
        perror(argv[3]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGUSR2, SIG_IGN);
    signal(SIGUSR1, on_usr1);
    umask(022);
    /* kept reserved (PROT_NONE) so no later mapping lands there */
    unmapped = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    readonly = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(inbuf, 'x', sizeof inbuf);
    for (long i = 0; i < n; i++)
        one((int)i);
    printf("done usr1=%d\n", (int)usr1_count);
    return 0;
}
