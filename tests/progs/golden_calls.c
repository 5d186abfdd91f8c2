/* golden_calls: calls that succeed, with meaningful values, for
 * scripts/compare-strace to compare ttlua's lines with strace's (the
 * sweep's arguments mostly fail).  Run it in an empty directory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/io_uring.h>
#include <mqueue.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    char buf[256];
    int p[2], q[2];
    if (pipe(p) || pipe(q))
        return 1;

    /* files */
    int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
    syscall(SYS_fallocate, fd, 0, 0, 8192);
    syscall(SYS_sync_file_range, fd, 0, 4096, SYNC_FILE_RANGE_WRITE);
    syscall(SYS_flock, fd, LOCK_EX | LOCK_NB);
    syscall(SYS_flock, fd, LOCK_UN);
    syscall(SYS_fdatasync, fd);
    struct statfs sf;
    syscall(SYS_fstatfs, fd, &sf);
    syscall(SYS_statfs, ".", &sf);
    syscall(SYS_readahead, fd, 0, 4096);
    syscall(SYS_pwrite64, fd, "0123456789", 10, 0);
    syscall(SYS_close_range, 200, 300, 0);
    int mfd = (int)syscall(SYS_memfd_create, "golden", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    syscall(SYS_fcntl, mfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
    syscall(SYS_fcntl, mfd, F_GET_SEALS);
    syscall(SYS_fcntl, fd, F_SETOWN, getpid());
    syscall(SYS_fcntl, fd, F_GETOWN);
    syscall(SYS_fcntl, fd, F_SETSIG, SIGUSR1);
    syscall(SYS_fcntl, fd, F_GETSIG);
    syscall(SYS_fcntl, p[0], F_GETPIPE_SZ);
    syscall(SYS_fcntl, p[0], F_SETPIPE_SZ, 65536);

    /* pipes: splice, tee, vmsplice, sendfile */
    struct iovec v = {"spliced", 7};
    syscall(SYS_vmsplice, p[1], &v, 1, SPLICE_F_NONBLOCK);
    syscall(SYS_tee, p[0], q[1], 7, SPLICE_F_NONBLOCK);
    loff_t off = 0;
    syscall(SYS_splice, p[0], NULL, fd, &off, 7, SPLICE_F_MOVE);
    syscall(SYS_read, q[0], buf, sizeof buf);
    off_t soff = 0;
    syscall(SYS_sendfile, p[1], fd, &soff, 5);
    syscall(SYS_read, p[0], buf, sizeof buf);

    /* event fds */
    int efd = (int)syscall(SYS_eventfd2, 3, EFD_CLOEXEC | EFD_NONBLOCK);
    uint64_t val = 0;
    syscall(SYS_read, efd, &val, 8);
    int ifd = (int)syscall(SYS_inotify_init1, IN_CLOEXEC);
    int wd = (int)syscall(SYS_inotify_add_watch, ifd, ".", IN_CREATE | IN_DELETE | IN_MODIFY);
    syscall(SYS_inotify_rm_watch, ifd, wd);
    int tfd = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_NONBLOCK);
    struct itimerspec its = {{0, 0}, {0, 1}};
    syscall(SYS_timerfd_settime, tfd, 0, &its, NULL);
    syscall(SYS_timerfd_gettime, tfd, &its);
    int ep = (int)syscall(SYS_epoll_create1, 0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = efd};
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, efd, &ev);
    struct epoll_event out[2];
    struct timespec zero = {0, 0};
    syscall(SYS_epoll_pwait2, ep, out, 2, &zero, NULL, 8);
    struct pollfd pf = {efd, POLLIN, 0};
    syscall(SYS_ppoll, &pf, 1, &zero, NULL, 8);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(efd, &rs);
    struct timeval tv0 = {0, 0};
    syscall(SYS_select, efd + 1, &rs, NULL, NULL, &tv0);

    /* signals */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sfd = (int)syscall(SYS_signalfd4, -1, &set, 8, SFD_NONBLOCK);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = SIGUSR2;
    si.si_code = SI_QUEUE;
    si.si_pid = getpid();
    si.si_uid = getuid();
    si.si_value.sival_int = 42;
    syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR2, &si);
    syscall(SYS_read, sfd, buf, 128);
    int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
    syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0);

    /* processes and scheduling */
    pid_t child = fork();
    if (child == 0)
        _exit(7);
    siginfo_t wi;
    syscall(SYS_waitid, P_PID, child, &wi, WEXITED, NULL);
    unsigned cpu, node;
    syscall(SYS_getcpu, &cpu, &node, NULL);
    syscall(SYS_getpriority, PRIO_PROCESS, 0);
    struct sched_param sp = {0};
    syscall(SYS_sched_getparam, 0, &sp);
    syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
    syscall(SYS_sched_getscheduler, 0);
    syscall(SYS_sched_get_priority_max, SCHED_FIFO);
    struct timespec rr;
    syscall(SYS_sched_rr_get_interval, 0, &rr);
    struct rusage ru;
    syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru);
    struct itimerval itv;
    syscall(SYS_getitimer, ITIMER_VIRTUAL, &itv);
    syscall(SYS_ioprio_get, 1, 0);
    unsigned char vec[4];
    void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mincore, m, 4096, vec);
    syscall(SYS_madvise, m, 4096, MADV_WILLNEED);

    /* System V IPC, created private and removed */
    int qid = (int)syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
    struct {
        long mtype;
        char mtext[8];
    } msg = {1, "hello"};
    syscall(SYS_msgsnd, qid, &msg, 6, IPC_NOWAIT);
    syscall(SYS_msgrcv, qid, &msg, 8, 0, IPC_NOWAIT);
    syscall(SYS_msgctl, qid, IPC_RMID, NULL);
    int sid = (int)syscall(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
    struct sembuf sb = {0, 1, IPC_NOWAIT};
    syscall(SYS_semop, sid, &sb, 1);
    syscall(SYS_semctl, sid, 0, IPC_RMID, 0);
    int shid = (int)syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    void *sh = (void *)syscall(SYS_shmat, shid, NULL, SHM_RDONLY);
    syscall(SYS_shmdt, sh);
    syscall(SYS_shmctl, shid, IPC_RMID, NULL);

    /* POSIX message queue */
    struct mq_attr ma = {0, 4, 16, 0, {0}};
    int mq = (int)syscall(SYS_mq_open, "golden-mq", O_RDWR | O_CREAT | O_EXCL, 0600, &ma);
    if (mq >= 0) {
        syscall(SYS_mq_timedsend, mq, "ping", 4, 1, NULL);
        unsigned prio;
        syscall(SYS_mq_timedreceive, mq, buf, 16, &prio, NULL);
        syscall(SYS_mq_getsetattr, mq, NULL, &ma);
        syscall(SYS_mq_unlink, "golden-mq");
    }

    /* AIO */
    aio_context_t ctx = 0;
    if (syscall(SYS_io_setup, 4, &ctx) == 0) {
        struct iocb cb;
        memset(&cb, 0, sizeof cb);
        cb.aio_lio_opcode = IOCB_CMD_PREAD;
        cb.aio_fildes = fd;
        cb.aio_buf = (uintptr_t)buf;
        cb.aio_nbytes = 10;
        struct iocb *cbs[1] = {&cb};
        syscall(SYS_io_submit, ctx, 1, cbs);
        struct io_event evs[1];
        syscall(SYS_io_getevents, ctx, 1, 1, evs, NULL);
        syscall(SYS_io_destroy, ctx);
    }
    /* io_uring, where the machine allows it */
    struct io_uring_params up;
    memset(&up, 0, sizeof up);
    int ring = (int)syscall(SYS_io_uring_setup, 8, &up);
    if (ring >= 0) {
        syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, NULL, 8);
        int fds[2] = {p[0], q[0]};
        syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES, fds, 2);
    }
    syscall(SYS_unlink, "f");
    return 0;
}
