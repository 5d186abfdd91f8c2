/* regs.h - the tracee's registers, seen as architecture-neutral slots.
 * regs_x86_64.c is the only file that knows struct user_regs_struct; the
 * event loop, injection and the Lua bridge speak in slots. */
#ifndef TTLUA_REGS_H
#define TTLUA_REGS_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

enum reg_slot {
    REG_ARG0,
    REG_ARG1,
    REG_ARG2,
    REG_ARG3,
    REG_ARG4,
    REG_ARG5,
    REG_NR,     /* the syscall number the kernel will run (orig_rax) */
    REG_RESULT, /* the syscall's return value (rax) */
    REG_IP,
    REG_SP,
    REG_NSLOTS
};

/* The architecture's whole register file, for save/restore around injection. */
typedef struct user_regs_struct regs_t;

/* Length in bytes of the instruction that entered the kernel. */
#define SYSCALL_INSN_LEN 2

/* Audit architecture numbers reported by PTRACE_GET_SYSCALL_INFO. */
enum arch_id { ARCH_X86_64 = 0, ARCH_I386 = 1, ARCH_X32 = 2, ARCH_UNKNOWN = 3 };

#define X32_SYSCALL_BIT 0x40000000L

int regs_fetch(pid_t tid, regs_t *regs);
int regs_store(pid_t tid, const regs_t *regs);
uint64_t regs_get(const regs_t *regs, enum reg_slot slot);
void regs_set(regs_t *regs, enum reg_slot slot, uint64_t value);
/* Write one register of a stopped tracee (one ptrace call). */
int regs_poke(pid_t tid, enum reg_slot slot, uint64_t value);
/* The same for a call made with another ABI's convention:
 * an int 0x80 call keeps its arguments in ebx, ecx, edx, esi, edi, ebp. */
uint64_t regs_get_arch(const regs_t *regs, enum arch_id arch, enum reg_slot slot);
void regs_set_arch(regs_t *regs, enum arch_id arch, enum reg_slot slot, uint64_t value);
int regs_poke_arch(pid_t tid, enum arch_id arch, enum reg_slot slot, uint64_t value);
/* Map an AUDIT_ARCH_* value (and the syscall number, for x32) to arch_id. */
enum arch_id regs_arch(uint32_t audit_arch, int64_t nr);
/* Set up a register file to execute syscall nr(args) from the syscall
 * instruction that ends at ip (used by injection). */
void regs_load_syscall(regs_t *regs, int64_t nr, const int64_t args[6], uint64_t insn_ip);

#endif
