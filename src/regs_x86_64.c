/* regs_x86_64.c - x86_64 register slots and the one place that touches
 * struct user_regs_struct.  Everything else goes through regs.h. */
#include "regs.h"

#include <errno.h>
#include <linux/audit.h>
#include <stddef.h>
#include <sys/ptrace.h>

static const size_t slot_offset[REG_NSLOTS] = {
    [REG_ARG0] = offsetof(struct user_regs_struct, rdi),
    [REG_ARG1] = offsetof(struct user_regs_struct, rsi),
    [REG_ARG2] = offsetof(struct user_regs_struct, rdx),
    [REG_ARG3] = offsetof(struct user_regs_struct, r10),
    [REG_ARG4] = offsetof(struct user_regs_struct, r8),
    [REG_ARG5] = offsetof(struct user_regs_struct, r9),
    [REG_NR] = offsetof(struct user_regs_struct, orig_rax),
    [REG_RESULT] = offsetof(struct user_regs_struct, rax),
    [REG_IP] = offsetof(struct user_regs_struct, rip),
    [REG_SP] = offsetof(struct user_regs_struct, rsp),
};

/* int 0x80 from a 64-bit process: the i386 convention (ebx, ecx, edx, esi,
 * edi, ebp); the number, result, ip and sp are where they always are. */
static const size_t i386_arg_offset[6] = {
    offsetof(struct user_regs_struct, rbx), offsetof(struct user_regs_struct, rcx),
    offsetof(struct user_regs_struct, rdx), offsetof(struct user_regs_struct, rsi),
    offsetof(struct user_regs_struct, rdi), offsetof(struct user_regs_struct, rbp),
};

static size_t offset_of(enum arch_id arch, enum reg_slot slot)
{
    if (arch == ARCH_I386 && slot <= REG_ARG5)
        return i386_arg_offset[slot];
    return slot_offset[slot];
}

int regs_fetch(pid_t tid, regs_t *regs)
{
    return ptrace(PTRACE_GETREGS, tid, 0, regs) < 0 ? -errno : 0;
}

int regs_store(pid_t tid, const regs_t *regs)
{
    return ptrace(PTRACE_SETREGS, tid, 0, regs) < 0 ? -errno : 0;
}

uint64_t regs_get(const regs_t *regs, enum reg_slot slot)
{
    return *(const uint64_t *)((const char *)regs + slot_offset[slot]);
}

void regs_set(regs_t *regs, enum reg_slot slot, uint64_t value)
{
    *(uint64_t *)((char *)regs + slot_offset[slot]) = value;
}

int regs_poke(pid_t tid, enum reg_slot slot, uint64_t value)
{
    return regs_poke_arch(tid, ARCH_X86_64, slot, value);
}

uint64_t regs_get_arch(const regs_t *regs, enum arch_id arch, enum reg_slot slot)
{
    uint64_t v = *(const uint64_t *)((const char *)regs + offset_of(arch, slot));
    return arch == ARCH_I386 && slot <= REG_ARG5 ? (uint32_t)v : v;
}

void regs_set_arch(regs_t *regs, enum arch_id arch, enum reg_slot slot, uint64_t value)
{
    *(uint64_t *)((char *)regs + offset_of(arch, slot)) = value;
}

int regs_poke_arch(pid_t tid, enum arch_id arch, enum reg_slot slot, uint64_t value)
{
    size_t off = offsetof(struct user, regs) + offset_of(arch, slot);
    return ptrace(PTRACE_POKEUSER, tid, (void *)off, (void *)value) < 0 ? -errno : 0;
}

enum arch_id regs_arch(uint32_t audit_arch, int64_t nr)
{
    if (audit_arch == AUDIT_ARCH_X86_64)
        return (nr >= 0 && (nr & X32_SYSCALL_BIT)) ? ARCH_X32 : ARCH_X86_64;
    if (audit_arch == AUDIT_ARCH_I386)
        return ARCH_I386;
    return ARCH_UNKNOWN;
}

void regs_load_syscall(regs_t *regs, int64_t nr, const int64_t args[6], uint64_t insn_ip)
{
    regs->rax = (uint64_t)nr;
    regs->orig_rax = (uint64_t)nr;
    regs->rdi = (uint64_t)args[0];
    regs->rsi = (uint64_t)args[1];
    regs->rdx = (uint64_t)args[2];
    regs->r10 = (uint64_t)args[3];
    regs->r8 = (uint64_t)args[4];
    regs->r9 = (uint64_t)args[5];
    regs->rip = insn_ip - SYSCALL_INSN_LEN;
}
