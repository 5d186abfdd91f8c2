/* golden_futex: the futex operations print only the arguments they use. */
#include "golden.h"
#include <errno.h>
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>

static uint32_t word = 5, word2 = 0;

int main(void)
{
    long r = syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    expect("futex(%s, FUTEX_WAKE_PRIVATE, 1) = %ld", ptr(&word), r);
    struct timespec ts = {0, 1000};
    r = syscall(SYS_futex, &word, FUTEX_WAIT, 5, &ts, NULL, 0);
    expect(
        "futex(%s, FUTEX_WAIT, 5, {tv_sec=0, tv_nsec=1000}) = -1 ETIMEDOUT (Connection timed out)",
        ptr(&word));
    r = syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 4, NULL, NULL, 0);
    expect("futex(%s, FUTEX_WAIT_PRIVATE, 4, NULL) = -1 EAGAIN (Resource temporarily unavailable)",
           ptr(&word));
    r = syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 4, NULL, NULL,
                FUTEX_BITSET_MATCH_ANY);
    expect("futex(%s, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 4, NULL, FUTEX_BITSET_MATCH_ANY) = "
           "-1 EAGAIN (Resource "
           "temporarily unavailable)",
           ptr(&word));
    r = syscall(SYS_futex, &word, FUTEX_WAKE_BITSET_PRIVATE, 3, NULL, NULL, 0x10);
    expect("futex(%s, FUTEX_WAKE_BITSET_PRIVATE, 3, 0x10) = 0", ptr(&word));
    r = syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &word2, 5);
    expect("futex(%s, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, %s, 5) = 0", ptr(&word), ptr(&word2));
    r = syscall(SYS_futex, &word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &word2,
                FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0));
    expect("futex(%s, FUTEX_WAKE_OP_PRIVATE, 1, 1, %s, "
           "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0",
           ptr(&word), ptr(&word2));
    r = syscall(SYS_futex, &word, 99, 1, NULL, NULL, 0);
    expect(
        "futex(%s, 0x63 /* FUTEX_??? */, 1, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)",
        ptr(&word));
    (void)r;
    return golden_done();
}
