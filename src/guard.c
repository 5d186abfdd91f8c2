/* guard.c - clone(CLONE_UNTRACED) made traced, and the filter rules that
 * make sure ttlua sees the calls its Lua guards (lua/ttlua/guard.lua) check:
 * every clone3 (its flags are in memory) and ptrace attach requests. */
#include "guard.h"

#include "filter.h"
#include "regs.h"

#include <sched.h>
#include <sys/ptrace.h>
#include <sys/types.h>

#ifndef CLONE_UNTRACED
#define CLONE_UNTRACED 0x00800000
#endif

#define NR64_CLONE   56
#define NR64_PTRACE  101
#define NR64_CLONE3  435
#define NR32_CLONE   120
#define NR_X32_CLONE (X32_SYSCALL_BIT | 56)

void guard_filter_rules(void)
{
    /* A rule that repeats what the policy asked for, or conflicts with a
     * static rule of its own, is refused by libseccomp: the policy's rule
     * stands (an errno rule never lets the call run, so nothing escapes). */
    int arg0[1] = {0};
    int masked[1] = {FOP_MASKED_EQ}, eq[1] = {FOP_EQ};
    uint64_t untraced[1] = {CLONE_UNTRACED};
    filter_guard_rule(NR64_CLONE, 1, arg0, masked, untraced, untraced);
    filter_guard_rule(NR64_CLONE3, 0, NULL, NULL, NULL, NULL);
    uint64_t attach[1] = {PTRACE_ATTACH}, seize[1] = {PTRACE_SEIZE}, zero[1] = {0};
    filter_guard_rule(NR64_PTRACE, 1, arg0, eq, attach, zero);
    filter_guard_rule(NR64_PTRACE, 1, arg0, eq, seize, zero);
}

int guard_entry(pid_t tid, int arch, struct __ptrace_syscall_info *info)
{
    int64_t nr = (int64_t)info->entry.nr;
    int is_clone = (arch == ARCH_X86_64 && nr == NR64_CLONE) ||
                   (arch == ARCH_I386 && nr == NR32_CLONE) ||
                   (arch == ARCH_X32 && nr == NR_X32_CLONE);
    if (!is_clone || !(info->entry.args[0] & CLONE_UNTRACED))
        return 0;
    /* The flags are in a register: no other thread can change them after
     * this write, so the child is traced like any other. */
    uint64_t flags = info->entry.args[0] & ~(uint64_t)CLONE_UNTRACED;
    if (regs_poke_arch(tid, (enum arch_id)arch, REG_ARG0, flags) < 0)
        return -1;
    info->entry.args[0] = flags;
    return 1;
}
