/* guard.h - what keeps every tracee traced, whatever the policy handles.
 * The filter always stops the calls that could create an untraced process
 * or attach to ttlua; at their entry the flag that would do it is cleared
 * before the kernel (or the engine) sees the call. */
#ifndef TTLUA_GUARD_H
#define TTLUA_GUARD_H

#include <sys/ptrace.h>
#include <sys/types.h>
#include <stdint.h>

/* Add the guard's rules to the filter being built; filter.c calls it once,
 * after the policy's own rules, so that those win where both name a call. */
void guard_filter_rules(void);
/* At a syscall entry (seccomp or entry stop): make the call safe in the
 * tracee's registers and in info.  Returns 1 when it changed something. */
int guard_entry(pid_t tid, int arch, struct __ptrace_syscall_info *info);

#endif
