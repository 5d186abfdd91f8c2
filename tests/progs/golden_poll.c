/* golden_poll: poll and ppoll (what came back printed after the result),
 * select and pselect6, epoll_create1/ctl/wait/pwait. */
#include "golden.h"
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
    int p[2];
    if (pipe(p) != 0)
        return 2;
    long n = syscall(SYS_write, p[1], "z", 1);
    struct pollfd fds[3] = {{p[0], POLLIN | POLLPRI, 0}, {p[1], POLLOUT, 0}, {-1, POLLIN, 0}};
    n = syscall(SYS_poll, fds, 3, 100);
    expect("poll([{fd=%d, events=POLLIN|POLLPRI}, {fd=%d, events=POLLOUT}, {fd=-1}], 3, 100) = %ld "
           "([{fd=%d, "
           "revents=POLLIN}, {fd=%d, revents=POLLOUT}])",
           p[0], p[1], n, p[0], p[1]);
    struct pollfd one = {p[1], POLLIN, 0};
    n = syscall(SYS_poll, &one, 1, 0);
    expect("poll([{fd=%d, events=POLLIN}], 1, 0) = 0 (Timeout)", p[1]);
    struct timespec ts = {1, 0};
    uint64_t mask = 1ULL << (SIGUSR1 - 1);
    n = syscall(SYS_ppoll, fds, 1, &ts, &mask, 8);
    expect("ppoll([{fd=%d, events=POLLIN|POLLPRI}], 1, {tv_sec=1, tv_nsec=0}, [USR1], 8) = 1 "
           "([{fd=%d, "
           "revents=POLLIN}], left {tv_sec=%ld, tv_nsec=%ld})",
           p[0], p[0], (long)ts.tv_sec, ts.tv_nsec);

    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &rd);
    FD_SET(p[1], &wr);
    int nfds = p[1] + 1;
    n = syscall(SYS_select, nfds, &rd, &wr, NULL, NULL);
    expect("select(%d, [%d %d], [%d], NULL, NULL) = %ld (in [%d], out [%d])", nfds, p[0], p[1],
           p[1], n, p[0], p[1]);
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    struct timeval tv = {0, 1000};
    n = syscall(SYS_select, nfds, &rd, NULL, NULL, &tv);
    expect("select(%d, [%d], NULL, NULL, {tv_sec=0, tv_usec=1000}) = 0 (Timeout)", nfds, p[1]);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    struct timespec pts = {2, 500};
    struct {
        void *ss;
        size_t len;
    } pack = {&mask, 8};
    n = syscall(SYS_pselect6, nfds, &rd, NULL, NULL, &pts, &pack);
    expect("pselect6(%d, [%d], NULL, NULL, {tv_sec=2, tv_nsec=500}, {sigmask=[USR1], "
           "sigsetsize=8}) = 1 (in [%d], "
           "left {tv_sec=%ld, tv_nsec=%ld})",
           nfds, p[0], p[0], (long)pts.tv_sec, pts.tv_nsec);

    int ep = (int)syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
    expect("epoll_create1(EPOLL_CLOEXEC) = %d", ep);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 0x100000007ULL};
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
    expect("epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLIN|EPOLLET, data={u32=7, "
           "u64=4294967303}}) = 0",
           ep, p[0]);
    struct epoll_event out[4];
    n = syscall(SYS_epoll_wait, ep, out, 4, 100);
    expect("epoll_wait(%d, [{events=EPOLLIN, data={u32=7, u64=4294967303}}], 4, 100) = 1", ep);
    n = syscall(SYS_epoll_pwait, ep, out, 4, 0, &mask, (long)8);
    expect("epoll_pwait(%d, [], 4, 0, [USR1], 8) = 0", ep);
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], NULL);
    expect("epoll_ctl(%d, EPOLL_CTL_DEL, %d, NULL) = 0", ep, p[0]);
    n = syscall(SYS_epoll_wait, ep, NULL, 4, 0);
    expect("epoll_wait(%d, NULL, 4, 0) = 0", ep);
    return golden_done();
}
