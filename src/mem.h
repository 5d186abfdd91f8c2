/* mem.h - reading and writing a stopped tracee's memory.
 * process_vm_readv/writev split at page boundaries so a partly mapped range
 * yields what is readable; /proc/PID/mem is the fallback (e.g. read-only
 * pages for writes, or kernels without the vm calls). */
#ifndef TTLUA_MEM_H
#define TTLUA_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Copy up to len bytes from the tracee; returns bytes copied (stops at the
 * first unreadable page), or -errno when nothing could be read. */
ssize_t mem_read(pid_t pid, uint64_t addr, void *buf, size_t len);
/* Copy len bytes into the tracee; returns bytes written, or -errno. */
ssize_t mem_write(pid_t pid, uint64_t addr, const void *buf, size_t len);
/* Write through /proc/PID/mem only: works on pages the tracee cannot write. */
ssize_t mem_write_force(pid_t pid, uint64_t addr, const void *buf, size_t len);
/* Read a NUL-terminated string of at most max bytes (NUL not counted) into
 * buf (size max + 1, always terminated). Returns its length, or -errno.
 * *complete is set to 1 when the NUL was found within max bytes. */
ssize_t mem_readstr(pid_t pid, uint64_t addr, char *buf, size_t max, int *complete);
/* Forget cached /proc/PID/mem descriptors of a process that exec'd or died. */
void mem_forget(pid_t pid);

#endif
