/* vdso.c - walk the new image's initial stack (argc, argv, envp, auxv) and
 * disable AT_SYSINFO_EHDR before the dynamic loader reads it. */
#include "vdso.h"

#include "mem.h"

#include <elf.h>
#include <errno.h>

#define WORDS 512

int vdso_hide(pid_t pid, uint64_t sp)
{
    uint64_t w[WORDS];
    uint64_t base = sp; /* address of w[0] */
    ssize_t n = mem_read(pid, base, w, sizeof w);
    if (n < 0)
        return (int)n;
    size_t have = (size_t)n / 8, i = 1 + (size_t)w[0] + 1; /* skip argc, argv, NULL */
    int nulls_left = 1;                                    /* end of envp */
    for (;;) {
        if (i + 1 >= have) {
            /* Slide the window: re-read from the current position. */
            base += i * 8;
            n = mem_read(pid, base, w, sizeof w);
            if (n < 16)
                return n < 0 ? (int)n : -EFAULT;
            have = (size_t)n / 8;
            i = 0;
        }
        if (nulls_left) {
            if (w[i++] == 0)
                nulls_left = 0;
            continue;
        }
        uint64_t type = w[i];
        if (type == AT_NULL)
            return 0;
        if (type == AT_SYSINFO_EHDR) {
            uint64_t ignore = AT_IGNORE;
            ssize_t m = mem_write(pid, base + i * 8, &ignore, sizeof ignore);
            return m == 8 ? 1 : (m < 0 ? (int)m : -EFAULT);
        }
        i += 2;
    }
}
