/* faults: small programs whose output shows what fault injection did.
 * Every result is printed as a number or "-1 ENAME".
 *   faults calls NAME N        call NAME (getpid, getppid, getuid, gettid) N
 *                              times; one line per call
 *   faults opens PATH N        open(PATH, O_RDONLY) N times (closing each)
 *   faults writes PATH TOTAL CHUNK [v]   write TOTAL bytes to PATH (created)
 *                              CHUNK at a time (writev of two halves with v),
 *                              going on after short writes; stops at an error
 *   faults reads PATH CHUNK    read PATH CHUNK bytes at a time to the end
 *   faults sigcall SIG         with a SA_SIGINFO handler for SIG, call getppid;
 *                              print its result, whether the handler had run
 *                              by the time it returned, and the si_code
 *   faults blockread SIG       with a handler for SIG (no SA_RESTART), read
 *                              from an empty pipe: "-1 EINTR" when SIG was
 *                              pending during the call
 *   faults pokeread            read 8 bytes of /dev/zero; print them in hex
 *   faults threads             thread A makes one getppid call; thread B waits
 *                              until A is stopped by the tracer, then makes 50
 *                              getuid calls; when A's call returns, A prints
 *                              whether B had finished ("B done first: yes")
 *   faults procs               the same with a child process as B
 *   faults connect ADDR PORT   connect a TCP socket to ADDR (IPv4 or IPv6)
 *   faults tree N              N children, each making 3 getppid calls and
 *                              printing their results in order
 *   faults openat DIR NAME     open DIR, then openat(dirfd, NAME)
 *   faults fsyncthread PATH    thread A writes a byte to PATH and fsyncs it;
 *                              thread B waits until A is stopped by the
 *                              tracer, then makes 50 getuid calls; A prints
 *                              the fsync's result, how long it took
 *                              ("fsync_ms N") and when B finished, from the
 *                              start of the fsync ("b_done_ms M", -1: not
 *                              before the fsync returned); CLOCK_MONOTONIC
 *   faults sendmmsg ADDR:PORT...  one UDP datagram to each IPv4 ADDR:PORT in
 *                              one sendmmsg call; prints its result */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (write(1, buf, (size_t)n) != n)
        _exit(99);
}

static void result(const char *what, long r, int err)
{
    if (r < 0)
        say("%s -1 %s\n", what, strerrorname_np(err));
    else
        say("%s %ld\n", what, r);
}

static long named_call(const char *name)
{
    if (!strcmp(name, "getpid"))
        return syscall(SYS_getpid);
    if (!strcmp(name, "getppid"))
        return syscall(SYS_getppid);
    if (!strcmp(name, "getuid"))
        return syscall(SYS_getuid);
    if (!strcmp(name, "gettid"))
        return syscall(SYS_gettid);
    fprintf(stderr, "faults: unknown call %s\n", name);
    exit(2);
}

static int do_writes(const char *path, long total, long chunk, int vec)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        result("open", -1, errno);
        return 1;
    }
    char *buf = malloc((size_t)chunk);
    memset(buf, 'x', (size_t)chunk);
    long done = 0;
    while (done < total) {
        long want = total - done < chunk ? total - done : chunk;
        ssize_t n;
        if (vec) {
            struct iovec iov[2] = {{buf, (size_t)want / 2},
                                   {buf + want / 2, (size_t)(want - want / 2)}};
            n = writev(fd, iov, 2);
        } else {
            n = write(fd, buf, (size_t)want);
        }
        result("w", n, errno);
        if (n < 0)
            break;
        done += n;
    }
    say("total %ld\n", done);
    close(fd);
    free(buf);
    return done == total ? 0 : 1;
}

static int do_reads(const char *path, long chunk)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        result("open", -1, errno);
        return 1;
    }
    char *buf = malloc((size_t)chunk);
    long done = 0;
    for (;;) {
        ssize_t n = read(fd, buf, (size_t)chunk);
        result("r", n, errno);
        if (n <= 0)
            break;
        done += n;
    }
    say("total %ld\n", done);
    return 0;
}

static volatile sig_atomic_t handled, handled_code;

static void on_sig(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    handled = 1;
    handled_code = si->si_code;
}

static void catch_signal(int sig, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sig;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* ---- one call held by the tracer while another runs ------------------- */

static atomic_int a_tid, b_done;

/* Is thread tid (of process pid) in a ptrace stop ("t" in /proc stat)? */
static int traced_stop(int pid, int tid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/task/%d/stat", pid, tid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    return p && p[1] == ' ' && p[2] == 't';
}

static void b_work(int pid, int tid, atomic_int *done)
{
    while (!traced_stop(pid, tid))
        usleep(1000);
    long r = 0;
    for (int i = 0; i < 50; i++)
        r = syscall(SYS_getuid);
    say("B result %ld\n", r);
    atomic_store(done, 1);
}

static void *thread_b(void *arg)
{
    (void)arg;
    while (!atomic_load(&a_tid))
        usleep(1000);
    b_work(getpid(), atomic_load(&a_tid), &b_done);
    return NULL;
}

static int do_threads(void)
{
    pthread_t b;
    pthread_create(&b, NULL, thread_b, NULL);
    atomic_store(&a_tid, (int)syscall(SYS_gettid));
    long r = syscall(SYS_getppid);
    int done = atomic_load(&b_done);
    say("A result %ld\n", r);
    say("B done first: %s\n", done ? "yes" : "no");
    pthread_join(b, NULL);
    return 0;
}

static int do_procs(void)
{
    atomic_int *shared =
        mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        b_work(parent, parent, shared);
        _exit(0);
    }
    long r = syscall(SYS_getppid);
    int done = atomic_load(shared);
    say("A result %ld\n", r);
    say("B done first: %s\n", done ? "yes" : "no");
    waitpid(child, NULL, 0);
    return 0;
}

/* ---- a delayed fsync in one thread, calls in another ------------------- */

static atomic_int fs_a_tid, fs_b_done;
static double fs_t0, fs_b_at;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void *fsync_b(void *arg)
{
    (void)arg;
    while (!atomic_load(&fs_a_tid))
        usleep(1000);
    while (!traced_stop(getpid(), atomic_load(&fs_a_tid)))
        usleep(1000);
    for (int i = 0; i < 50; i++)
        syscall(SYS_getuid);
    fs_b_at = now_ms();
    atomic_store(&fs_b_done, 1);
    return NULL;
}

static int do_fsyncthread(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, "x", 1) != 1) {
        result("open", -1, errno);
        return 1;
    }
    pthread_t b;
    pthread_create(&b, NULL, fsync_b, NULL);
    fs_t0 = now_ms();
    atomic_store(&fs_a_tid, (int)syscall(SYS_gettid));
    int r = fsync(fd);
    double t1 = now_ms();
    int done = atomic_load(&fs_b_done);
    result("fsync", r, errno);
    pthread_join(b, NULL);
    say("fsync_ms %d\n", (int)(t1 - fs_t0));
    say("b_done_ms %d\n", done ? (int)(fs_b_at - fs_t0) : -1);
    close(fd);
    return 0;
}

static int do_sendmmsg(int n, char **dests)
{
    struct sockaddr_in sin[8];
    struct mmsghdr msgs[8];
    struct iovec iov = {.iov_base = "ping", .iov_len = 4};
    if (n > 8)
        n = 8;
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < n; i++) {
        char host[64];
        snprintf(host, sizeof host, "%s", dests[i]);
        char *colon = strrchr(host, ':');
        if (colon)
            *colon = 0;
        memset(&sin[i], 0, sizeof sin[i]);
        sin[i].sin_family = AF_INET;
        sin[i].sin_port = htons((uint16_t)(colon ? atoi(colon + 1) : 9));
        inet_pton(AF_INET, host, &sin[i].sin_addr);
        msgs[i].msg_hdr.msg_name = &sin[i];
        msgs[i].msg_hdr.msg_namelen = sizeof sin[i];
        msgs[i].msg_hdr.msg_iov = &iov;
        msgs[i].msg_hdr.msg_iovlen = 1;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int r = sendmmsg(fd, msgs, (unsigned)n, 0);
    result("sendmmsg", r, errno);
    close(fd);
    return 0;
}

static int do_connect(const char *addr, int port)
{
    struct sockaddr_storage ss;
    socklen_t len;
    memset(&ss, 0, sizeof ss);
    int family = strchr(addr, ':') ? AF_INET6 : AF_INET;
    if (family == AF_INET) {
        struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
        sin->sin_family = AF_INET;
        sin->sin_port = htons((uint16_t)port);
        inet_pton(AF_INET, addr, &sin->sin_addr);
        len = sizeof *sin;
    } else {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons((uint16_t)port);
        inet_pton(AF_INET6, addr, &sin6->sin6_addr);
        len = sizeof *sin6;
    }
    int fd = socket(family, SOCK_STREAM, 0);
    if (fd < 0) {
        result("socket", -1, errno);
        return 1;
    }
    int r = connect(fd, (struct sockaddr *)&ss, len);
    result("connect", r, errno);
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (!strcmp(mode, "calls") && argc > 3) {
        long n = strtol(argv[3], NULL, 10);
        for (long i = 0; i < n; i++) {
            long r = named_call(argv[2]);
            result(argv[2], r, errno);
        }
    } else if (!strcmp(mode, "opens") && argc > 3) {
        long n = strtol(argv[3], NULL, 10);
        for (long i = 0; i < n; i++) {
            int fd = open(argv[2], O_RDONLY);
            result("open", fd, errno);
            if (fd >= 0)
                close(fd);
        }
    } else if (!strcmp(mode, "writes") && argc > 4) {
        return do_writes(argv[2], strtol(argv[3], NULL, 10), strtol(argv[4], NULL, 10),
                         argc > 5 && argv[5][0] == 'v');
    } else if (!strcmp(mode, "reads") && argc > 3) {
        return do_reads(argv[2], strtol(argv[3], NULL, 10));
    } else if (!strcmp(mode, "sigcall") && argc > 2) {
        int sig = atoi(argv[2]);
        catch_signal(sig, 0);
        long r = syscall(SYS_getppid);
        int err = errno, seen = handled;
        result("getppid", r, err);
        say("handled on return: %s\n", seen ? "yes" : "no");
        say("si_code %d\n", (int)handled_code);
    } else if (!strcmp(mode, "blockread") && argc > 2) {
        int p[2];
        if (pipe(p) < 0)
            return 1;
        catch_signal(atoi(argv[2]), 0);
        char c;
        ssize_t n = read(p[0], &c, 1);
        result("read", n, errno);
        say("handled: %s\n", handled ? "yes" : "no");
    } else if (!strcmp(mode, "pokeread")) {
        unsigned char buf[8];
        int fd = open("/dev/zero", O_RDONLY);
        ssize_t n = read(fd, buf, sizeof buf);
        result("read", n, errno);
        say("bytes %02x%02x%02x%02x%02x%02x%02x%02x\n", buf[0], buf[1], buf[2], buf[3], buf[4],
            buf[5], buf[6], buf[7]);
    } else if (!strcmp(mode, "threads")) {
        return do_threads();
    } else if (!strcmp(mode, "procs")) {
        return do_procs();
    } else if (!strcmp(mode, "fsyncthread") && argc > 2) {
        return do_fsyncthread(argv[2]);
    } else if (!strcmp(mode, "sendmmsg") && argc > 2) {
        return do_sendmmsg(argc - 2, argv + 2);
    } else if (!strcmp(mode, "connect") && argc > 3) {
        return do_connect(argv[2], atoi(argv[3]));
    } else if (!strcmp(mode, "openat") && argc > 3) {
        int dfd = open(argv[2], O_RDONLY | O_DIRECTORY);
        result("dir", dfd, errno);
        int fd = openat(dfd, argv[3], O_RDONLY);
        result("openat", fd, errno);
    } else if (!strcmp(mode, "tree") && argc > 2) {
        int n = atoi(argv[2]);
        for (int i = 0; i < n; i++) {
            pid_t pid = fork();
            if (pid == 0) {
                char line[128];
                int len = snprintf(line, sizeof line, "child %d:", i);
                for (int k = 0; k < 3; k++) {
                    long r = syscall(SYS_getppid);
                    len += snprintf(line + len, sizeof line - (size_t)len, " %s",
                                    r < 0 ? strerrorname_np(errno) : "ok");
                }
                say("%s\n", line);
                _exit(0);
            }
            waitpid(pid, NULL, 0);
        }
    } else {
        fprintf(stderr, "faults: bad arguments\n");
        return 2;
    }
    return 0;
}
