/* inject.c - finding (or, right after exec, making) a `syscall` instruction
 * in a tracee for injected calls.  The register work itself stays with the
 * event loop (tracer.c); this file only reads maps and code bytes. */
#include "inject.h"

#include "mem.h"
#include "regs.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint8_t syscall_insn[SYSCALL_INSN_LEN] = {0x0f, 0x05};

int inject_insn_before(pid_t pid, uint64_t ip)
{
    uint8_t b[SYSCALL_INSN_LEN];
    ssize_t n = mem_read(pid, ip - SYSCALL_INSN_LEN, b, sizeof b);
    if (n < 0)
        return (int)n;
    return n == (ssize_t)sizeof b && !memcmp(b, syscall_insn, sizeof b);
}

int inject_find_insn(pid_t pid, uint64_t *addr)
{
    char path[64], line[256];
    uint64_t lo = 0, hi = 0;
    if (getenv("TTLUA_TEST_NO_VDSO_INSN"))
        return -ENOENT; /* lets a test take the patching path */
    snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return -errno;
    while (fgets(line, sizeof line, f)) {
        if (strstr(line, "[vdso]") && sscanf(line, "%" SCNx64 "-%" SCNx64, &lo, &hi) == 2)
            break;
        lo = hi = 0;
    }
    fclose(f);
    if (!lo || hi <= lo || hi - lo > (1u << 20))
        return -ENOENT;
    uint8_t code[8192];
    for (uint64_t at = lo; at < hi; at += sizeof code - 1) {
        size_t want = hi - at < sizeof code ? (size_t)(hi - at) : sizeof code;
        ssize_t n = mem_read(pid, at, code, want);
        if (n < (ssize_t)SYSCALL_INSN_LEN)
            return n < 0 ? (int)n : -ENOENT;
        /* Any 0f 05 works: the CPU decodes from wherever rip points. */
        uint8_t *p = memmem(code, (size_t)n, syscall_insn, sizeof syscall_insn);
        if (p) {
            *addr = at + (uint64_t)(p - code);
            return 0;
        }
    }
    return -ENOENT;
}

int inject_patch(pid_t pid, uint64_t addr, uint8_t *orig)
{
    if (mem_read(pid, addr, orig, SYSCALL_INSN_LEN) != SYSCALL_INSN_LEN)
        return -EFAULT;
    ssize_t n = mem_write_force(pid, addr, syscall_insn, sizeof syscall_insn);
    return n == SYSCALL_INSN_LEN ? 0 : (n < 0 ? (int)n : -EFAULT);
}

int inject_unpatch(pid_t pid, uint64_t addr, const uint8_t *orig)
{
    ssize_t n = mem_write_force(pid, addr, orig, SYSCALL_INSN_LEN);
    return n == SYSCALL_INSN_LEN ? 0 : (n < 0 ? (int)n : -EFAULT);
}
