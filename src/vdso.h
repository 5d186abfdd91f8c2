/* vdso.h - hiding the vDSO from a freshly exec'd tracee, so time calls
 * (clock_gettime, gettimeofday, time, getcpu) become real, traceable syscalls. */
#ifndef TTLUA_VDSO_H
#define TTLUA_VDSO_H

#include <stdint.h>
#include <sys/types.h>

/* At the PTRACE_EVENT_EXEC stop (sp = the new stack pointer), turn the
 * AT_SYSINFO_EHDR auxv entry into AT_IGNORE.  Returns 1 if removed, 0 if
 * there was none, -errno on failure. */
int vdso_hide(pid_t pid, uint64_t sp);

#endif
