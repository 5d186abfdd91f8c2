/* golden_sweep: calls (almost) every x86_64 system call three times with
 * harmless arguments, for scripts/compare-strace to compare ttlua's lines
 * with strace's: all zeros; -1 and pointers to a zeroed page; pointers to
 * the page everywhere; an unused fd, then pointers to a page of small
 * numbers (3 and 1 in each word).  Calls that would end, block, reconfigure or harm the
 * process or the machine are left out (see SKIP).  It prints nothing. */
#define _GNU_SOURCE
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NR_MAX 470

/* Left out in every pass: ending or replacing the process, blocking,
 * signals frames, changing the machine (time, hostname, modules, kexec,
 * swap, reboot), filters and personalities that change what follows. */
static const int skip_always[] = {
    SYS_exit,
    SYS_exit_group,
    SYS_rt_sigreturn,
    SYS_fork,
    SYS_vfork,
    SYS_clone,
    SYS_clone3,
    SYS_execve,
    SYS_execveat,
    SYS_pause,
    SYS_rt_sigsuspend,
    SYS_seccomp,
    SYS_vhangup,
    SYS_sethostname,
    SYS_setdomainname,
    SYS_settimeofday,
    SYS_clock_settime,
    SYS_adjtimex,
    SYS_clock_adjtime,
    SYS_kexec_load,
    SYS_kexec_file_load,
    SYS_init_module,
    SYS_finit_module,
    SYS_delete_module,
    SYS_reboot,
    SYS_swapon,
    SYS_swapoff,
    SYS_personality,
    SYS_msgrcv,
    SYS_msgsnd,
    SYS_semop,
    SYS_semtimedop,
    SYS_select,
    SYS_pselect6,
    SYS_ppoll,
    SYS_epoll_wait,
    SYS_epoll_pwait,
    SYS_epoll_pwait2,
    SYS_munmap,
    SYS_mremap,
    SYS_brk,
    SYS_remap_file_pages,
    SYS_rt_sigtimedwait,
    SYS_wait4,
    SYS_waitid,
    SYS_nanosleep,
    SYS_clock_nanosleep,
    SYS_futex,
    SYS_futex_waitv,
    SYS_io_getevents,
    SYS_io_pgetevents,
    SYS_mq_timedreceive,
    SYS_setuid,
    SYS_setgid,
    SYS_setreuid,
    SYS_setregid,
    SYS_setresuid,
    SYS_setresgid,
    SYS_setfsuid,
    SYS_setfsgid,
    SYS_setgroups,
    SYS_capset,
    SYS_setrlimit,
    SYS_prlimit64,
    SYS_kill,
    SYS_tkill,
    SYS_tgkill,
    SYS_rt_sigqueueinfo,
    SYS_rt_tgsigqueueinfo,
    SYS_pidfd_send_signal,
    SYS_ptrace,
    SYS_mount,
    SYS_umount2,
    SYS_pivot_root,
    SYS_chroot,
    SYS_acct,
    SYS_quotactl,
    SYS_quotactl_fd,
    SYS_syslog,
    SYS_iopl,
    SYS_ioperm,
    SYS_modify_ldt,
    SYS_set_thread_area,
    SYS_arch_prctl,
    SYS_prctl,
    SYS_set_tid_address,
    SYS_set_robust_list,
    SYS_rseq,
    SYS_rt_sigaction,
    SYS_rt_sigprocmask,
    SYS_sigaltstack,
    SYS_alarm,
    SYS_setitimer,
    SYS_mlockall,
    SYS_munlockall,
    SYS_mlock,
    SYS_mlock2,
    SYS_set_mempolicy,
    SYS_mbind,
    SYS_migrate_pages,
    SYS_move_pages,
    SYS_unshare,
    SYS_setns,
    SYS_sched_setscheduler,
    SYS_sched_setparam,
    SYS_sched_setattr,
    SYS_sched_setaffinity,
    SYS_setpriority,
    SYS_ioprio_set,
    SYS_sync,
    SYS_syncfs,
    SYS_userfaultfd,
    SYS_io_uring_enter,
    SYS_io_uring_register,
    SYS_sched_yield,
    SYS_restart_syscall,
    SYS_vserver,
    SYS_uselib,
    SYS_umask,
    SYS_close,
    SYS_close_range,
    SYS_dup2,
    SYS_dup3,
    SYS_setsid,
    SYS_setpgid,
    SYS_mprotect,
    SYS_pkey_mprotect,
    SYS_madvise,
    SYS_process_madvise,
    462 /* mseal */,
    453 /* map_shadow_stack */,
    SYS_landlock_restrict_self,
    SYS_memfd_secret,
    460 /* lsm_set_self_attr */,
    SYS_mmap,
    SYS_shmat,
    SYS_shmdt,
    SYS_process_mrelease,
    SYS_read,
    SYS_readv,
    SYS_pread64,
    SYS_preadv,
    SYS_preadv2,
    SYS_recvfrom,
    SYS_recvmsg,
    SYS_recvmmsg,
    SYS_accept,
    SYS_accept4,
    SYS_poll,
    SYS_epoll_ctl,
    SYS_io_destroy,
    SYS_timer_delete,
    /* changing System V IPC objects, stdin's file (/dev/null) or any file's owner, mode and times
     */
    SYS_shmget,
    SYS_shmctl,
    SYS_semget,
    SYS_semctl,
    SYS_msgget,
    SYS_msgctl,
    SYS_fchmod,
    SYS_fchown,
    SYS_fchmodat,
    SYS_fchownat,
    SYS_chmod,
    SYS_chown,
    SYS_lchown,
    SYS_utimensat,
    SYS_futimesat,
    SYS_utimes,
    SYS_utime,
    SYS_setxattr,
    SYS_lsetxattr,
    SYS_fsetxattr,
    SYS_pkey_alloc,
    335 /* uretprobe */,
    336 /* uprobe */,
    452,
};

static int fill_pattern;

static void sweep(const long a[6], const void *page)
{
    for (long nr = 0; nr < NR_MAX; nr++) {
        int skip = 0;
        for (size_t i = 0; i < sizeof skip_always / sizeof skip_always[0]; i++)
            if (skip_always[i] == nr)
                skip = 1;
        if (skip)
            continue;
        memset((void *)page, 0, 4096);
        if (fill_pattern) {
            /* small numbers everywhere: 3 in the low half of each word, 1 in the high */
            uint32_t *w = (uint32_t *)page;
            for (int i = 0; i < 1024; i += 2) {
                w[i] = 3;
                w[i + 1] = 1;
            }
        }
        syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    }
}

int main(void)
{
    void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return 1;
    long p = (long)page;
    const long zeros[6] = {0, 0, 0, 0, 0, 0};
    const long bad[6] = {-1, p, 8, p, 8, 0};
    const long ptrs[6] = {p, p, p, p, p, p};
    sweep(zeros, page);
    sweep(bad, page);
    sweep(ptrs, page);
    const long small[6] = {1000, p, 3, p, 5, p};
    fill_pattern = 1;
    sweep(small, page);
    syscall(SYS_personality, 0xffffffffUL);
    return 0;
}
