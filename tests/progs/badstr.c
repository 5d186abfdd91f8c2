/* badstr: system calls with unreadable pointers in their string arguments.
 * Reads lines "NR MASK" on stdin (bit i of MASK: argument i is a string)
 * and makes each call four times, the strings NULL, 1, a kernel address
 * and a PROT_NONE page, every other argument -1.  Prints the results. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    void *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    const long bad[4] = {0, 1, (long)0xffff800000001000UL, (long)none};
    long nr, mask;
    setvbuf(stdout, NULL, _IOLBF, 0);
    while (scanf("%ld %ld", &nr, &mask) == 2) {
        for (int b = 0; b < 4; b++) {
            long a[6];
            for (int i = 0; i < 6; i++)
                a[i] = (mask >> i) & 1 ? bad[b] : -1;
            errno = 0;
            long r = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
            printf("%ld/%d = %ld %d\n", nr, b, r, r < 0 ? errno : 0);
        }
    }
    return 0;
}
