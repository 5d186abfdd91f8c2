/* golden_misc: readv/writev, sendfile, copy_file_range, CPU sets,
 * capabilities, seccomp, bpf, io_uring_setup, getrandom, ptrace, pipe, ids.
 * Usage: golden_misc DIR */
#include "golden.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/capability.h>
#include <linux/io_uring.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/uio.h>

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
    int fd = open("v.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
    struct iovec wv[2] = {{"abc", 3}, {"defgh", 5}};
    long n = syscall(SYS_writev, fd, wv, 2);
    expect("writev(%d, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"defgh\", iov_len=5}], 2) = %ld",
           fd, n);
    char b1[4], b2[16];
    struct iovec rv[2] = {{b1, 4}, {b2, 16}};
    n = syscall(SYS_preadv, fd, rv, 2, 1, 0);
    expect(
        "preadv(%d, [{iov_base=\"bcde\", iov_len=4}, {iov_base=\"fgh\", iov_len=16}], 2, 1) = %ld",
        fd, n);
    n = syscall(SYS_readv, fd, rv, 2);
    expect("readv(%d, [{iov_base=\"\", iov_len=4}, {iov_base=\"\", iov_len=16}], 2) = 0", fd);
    n = syscall(SYS_readv, -1, rv, 2);
    expect("readv(-1, [{iov_base=%s, iov_len=4}, {iov_base=%s, iov_len=16}], 2) = -1 EBADF (Bad "
           "file descriptor)",
           ptr(b1), ptr(b2));
    int out = open("w.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
    off_t off = 2;
    n = syscall(SYS_sendfile, out, fd, &off, 4);
    expect("sendfile(%d, %d, [2] => [6], 4) = %ld", out, fd, n);
    loff_t in_off = 0;
    n = syscall(SYS_copy_file_range, fd, &in_off, out, NULL, 3, 0);
    expect("copy_file_range(%d, [0], %d, NULL, 3, 0) = %ld", fd, out, n);

    /* CPU sets */
    cpu_set_t set;
    CPU_ZERO(&set);
    n = syscall(SYS_sched_getaffinity, 0, sizeof set, &set);
    char cpus[512] = "";
    for (int i = 0; i < CPU_SETSIZE; i++)
        if (CPU_ISSET(i, &set))
            snprintf(cpus + strlen(cpus), sizeof cpus - strlen(cpus), "%s%d", cpus[0] ? " " : "",
                     i);
    expect("sched_getaffinity(0, %zu, [%s]) = %ld", sizeof set, cpus, n);
    n = syscall(SYS_sched_setaffinity, 0, sizeof set, &set);
    expect("sched_setaffinity(0, %zu, [%s]) = 0", sizeof set, cpus);

    /* capabilities */
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct d[2];
    n = syscall(SYS_capget, &h, d);
    if (n == 0 && d[0].effective == 0 && d[1].effective == 0)
        expect("capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=0, permitted=0, "
               "inheritable=0}) = 0");
    h.version = 0x12345678;
    n = syscall(SYS_capget, &h, NULL);
    expect("capget({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, NULL) = %s",
           err(n));

    /* seccomp, bpf, io_uring: whatever the machine allows */
    uint32_t act = SECCOMP_RET_KILL_PROCESS;
    n = syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act);
    expect("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_KILL_PROCESS]) = %s", err(n));
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.map_type = BPF_MAP_TYPE_ARRAY;
    attr.key_size = 4;
    attr.value_size = 8;
    attr.max_entries = 16;
    n = syscall(SYS_bpf, BPF_MAP_CREATE, &attr, 20);
    expect("bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, "
           "max_entries=16, map_flags=0}, "
           "20) = %s",
           err(n));
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    n = syscall(SYS_io_uring_setup, 0, &p);
    expect("io_uring_setup(0, {flags=0, sq_thread_cpu=0, sq_thread_idle=0}) = %s", err(n));

    /* random bytes in hex, ptrace refused under a tracer */
    unsigned char rnd[4];
    n = syscall(SYS_getrandom, rnd, sizeof rnd, GRND_NONBLOCK);
    expect("getrandom(\"\\x%02x\\x%02x\\x%02x\\x%02x\", 4, GRND_NONBLOCK) = 4", rnd[0], rnd[1],
           rnd[2], rnd[3]);
    n = syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
    expect("ptrace(PTRACE_TRACEME) = %s", err(n));
    long word = 0;
    n = syscall(SYS_ptrace, PTRACE_PEEKDATA, 1, (void *)0x1000, &word);
    expect("ptrace(PTRACE_PEEKDATA, 1, 0x1000, %s) = %s", ptr(&word), err(n));

    /* ids */
    uid_t r, e, s;
    syscall(SYS_getresuid, &r, &e, &s);
    expect("getresuid([%u], [%u], [%u]) = 0", r, e, s);
    gid_t groups[64];
    n = syscall(SYS_getgroups, 0, NULL);
    expect("getgroups(0, NULL) = %ld", n);
    int p2[2];
    syscall(SYS_pipe, p2);
    expect("pipe([%d, %d]) = 0", p2[0], p2[1]);
    (void)groups;
    return golden_done();
}
