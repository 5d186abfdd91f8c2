/* mem.c - tracee memory access: process_vm_readv/writev with a /proc/PID/mem
 * fallback.  Never raises: every function returns a count or -errno. */
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#define PAGE 4096UL

/* One cached /proc/PID/mem descriptor: most accesses in a row hit one pid. */
static pid_t cached_pid = -1;
static int cached_fd = -1;

static int proc_mem_fd(pid_t pid)
{
    if (cached_pid == pid && cached_fd >= 0)
        return cached_fd;
    if (cached_fd >= 0)
        close(cached_fd);
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/mem", (int)pid);
    cached_fd = open(path, O_RDWR | O_CLOEXEC);
    cached_pid = cached_fd >= 0 ? pid : -1;
    return cached_fd;
}

void mem_forget(pid_t pid)
{
    if (cached_pid == pid && cached_fd >= 0) {
        close(cached_fd);
        cached_fd = -1;
        cached_pid = -1;
    }
}

static ssize_t proc_mem_io(pid_t pid, uint64_t addr, void *buf, size_t len, int write)
{
    if (addr > (uint64_t)INT64_MAX - len)
        return -EFAULT; /* no off_t reaches it: not a user address */
    int fd = proc_mem_fd(pid);
    if (fd < 0)
        return -errno;
    ssize_t n = write ? pwrite(fd, buf, len, (off_t)addr) : pread(fd, buf, len, (off_t)addr);
    if (n >= 0)
        return n;
    int err = errno;
    if (err == ESRCH)
        mem_forget(pid);
    /* /proc/PID/mem says EIO for an address with no mapping; callers see
     * what process_vm_readv/writev (and the kernel for a syscall) say. */
    return err == EIO ? -EFAULT : -err;
}

/* Transfer len bytes, page by page when the whole range fails, so that a
 * buffer ending in an unmapped page still yields its readable head. */
static ssize_t vm_io(pid_t pid, uint64_t addr, void *buf, size_t len, int write)
{
    if (len == 0)
        return 0;
    if (addr + len < addr)
        return -EFAULT;
    size_t done = 0;
    while (done < len) {
        size_t chunk = len - done;
        struct iovec local = {(char *)buf + done, chunk};
        struct iovec remote = {(void *)(uintptr_t)(addr + done), chunk};
        ssize_t n = write ? process_vm_writev(pid, &local, 1, &remote, 1, 0)
                          : process_vm_readv(pid, &local, 1, &remote, 1, 0);
        if (n > 0) {
            done += (size_t)n;
            continue;
        }
        int err = n < 0 ? errno : EFAULT;
        if (err == ENOSYS || err == EPERM || (write && err == EFAULT)) {
            /* No vm calls, or a read-only page we may still write through
             * /proc/PID/mem (it ignores page protections). */
            n = proc_mem_io(pid, addr + done, (char *)buf + done, len - done, write);
            if (n > 0)
                done += (size_t)n;
            if (n <= 0 && done == 0)
                return n < 0 ? n : -EFAULT;
            break;
        }
        /* EFAULT on a multi-page range: retry up to the next page boundary. */
        uint64_t here = addr + done;
        size_t to_boundary = PAGE - (here & (PAGE - 1));
        if (err == EFAULT && chunk > to_boundary) {
            local.iov_len = remote.iov_len = to_boundary;
            n = write ? process_vm_writev(pid, &local, 1, &remote, 1, 0)
                      : process_vm_readv(pid, &local, 1, &remote, 1, 0);
            if (n > 0) {
                done += (size_t)n;
                continue;
            }
        }
        if (done == 0)
            return -err;
        break;
    }
    return (ssize_t)done;
}

ssize_t mem_read(pid_t pid, uint64_t addr, void *buf, size_t len)
{
    return vm_io(pid, addr, buf, len, 0);
}

ssize_t mem_write(pid_t pid, uint64_t addr, const void *buf, size_t len)
{
    return vm_io(pid, addr, (void *)buf, len, 1);
}

ssize_t mem_write_force(pid_t pid, uint64_t addr, const void *buf, size_t len)
{
    return proc_mem_io(pid, addr, (void *)buf, len, 1);
}

ssize_t mem_readstr(pid_t pid, uint64_t addr, char *buf, size_t max, int *complete)
{
    size_t got = 0;
    *complete = 0;
    while (got < max + 1) {
        /* Read up to the end of the current page so we never touch a page
         * past the string's terminator. */
        uint64_t here = addr + got;
        size_t want = PAGE - (here & (PAGE - 1));
        if (want > max + 1 - got)
            want = max + 1 - got;
        ssize_t n = mem_read(pid, here, buf + got, want);
        if (n <= 0) {
            if (got == 0) {
                buf[0] = 0;
                return n < 0 ? n : -EFAULT;
            }
            break;
        }
        char *nul = memchr(buf + got, 0, (size_t)n);
        if (nul) {
            *complete = 1;
            return nul - buf;
        }
        got += (size_t)n;
        if ((size_t)n < want)
            break;
    }
    if (got > max)
        got = max;
    buf[got] = 0;
    return (ssize_t)got;
}
