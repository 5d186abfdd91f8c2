/* inject.h - where an injected system call can execute.
 * Injection needs a `syscall` instruction: normally the one the tracee just
 * used (rip - 2); where there is none (after execve, at a signal return) one
 * found in the vDSO, or, right after exec only, one written at the entry point. */
#ifndef TTLUA_INJECT_H
#define TTLUA_INJECT_H

#include <stdint.h>
#include <sys/types.h>

/* 1 when the bytes before ip are the syscall instruction, 0 when not, -errno. */
int inject_insn_before(pid_t pid, uint64_t ip);
/* Address of a syscall instruction in the process's vDSO, or -errno
 * (-ENOENT: no vDSO, or none in it). */
int inject_find_insn(pid_t pid, uint64_t *addr);
/* Write the syscall instruction at addr, keeping the bytes it replaces in
 * orig (SYSCALL_INSN_LEN bytes); inject_unpatch puts them back. */
int inject_patch(pid_t pid, uint64_t addr, uint8_t *orig);
int inject_unpatch(pid_t pid, uint64_t addr, const uint8_t *orig);

#endif
