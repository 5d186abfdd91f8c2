/* golden_mem: mmap (prot, flags, offset in hex), mprotect, madvise,
 * mremap, msync, mlock, munmap, brk.  Usage: golden_mem DIR */
#include "golden.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <errno.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) != 0)
        return 2;
    long pg = sysconf(_SC_PAGESIZE);
    void *p = (void *)syscall(SYS_mmap, NULL, 3 * pg, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    expect("mmap(NULL, %ld, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = %s", 3 * pg,
           ptr(p));
    long r = syscall(SYS_mprotect, p, pg, PROT_NONE);
    expect("mprotect(%s, %ld, PROT_NONE) = %ld", ptr(p), pg, r);
    r = syscall(SYS_mprotect, (char *)p + pg, pg, PROT_READ | PROT_EXEC);
    expect("mprotect(%s, %ld, PROT_READ|PROT_EXEC) = %ld", ptr((char *)p + pg), pg, r);
    r = syscall(SYS_madvise, p, 3 * pg, MADV_DONTNEED);
    expect("madvise(%s, %ld, MADV_DONTNEED) = 0", ptr(p), 3 * pg);
    r = syscall(SYS_madvise, p, 3 * pg, 12345);
    expect("madvise(%s, %ld, 0x3039 /* MADV_??? */) = -1 EINVAL (Invalid argument)", ptr(p),
           3 * pg);
    r = syscall(SYS_msync, p, pg, MS_ASYNC | MS_INVALIDATE);
    expect("msync(%s, %ld, MS_ASYNC|MS_INVALIDATE) = 0", ptr(p), pg);
    r = syscall(SYS_mlock, (char *)p + 2 * pg, pg);
    expect("mlock(%s, %ld) = %s", ptr((char *)p + 2 * pg), pg,
           r == 0 ? "0" : "-1 EPERM (Operation not permitted)");
    r = syscall(SYS_munmap, p, 3 * pg);
    expect("munmap(%s, %ld) = 0", ptr(p), 3 * pg);
    p = (void *)syscall(SYS_mmap, NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    expect("mmap(NULL, %ld, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = %s", pg, ptr(p));
    void *q = (void *)syscall(SYS_mremap, p, pg, 5 * pg, MREMAP_MAYMOVE);
    expect("mremap(%s, %ld, %ld, MREMAP_MAYMOVE) = %s", ptr(p), pg, 5 * pg, ptr(q));
    r = syscall(SYS_munmap, q, 5 * pg);
    expect("munmap(%s, %ld) = 0", ptr(q), 5 * pg);

    int fd = open("m.bin", O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || ftruncate(fd, 4 * pg) != 0)
        return 2;
    p = (void *)syscall(SYS_mmap, NULL, pg, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 2 * pg);
    expect("mmap(NULL, %ld, PROT_READ, MAP_SHARED|MAP_POPULATE, %d, %#lx) = %s", pg, fd, 2 * pg,
           ptr(p));
    void *f =
        (void *)syscall(SYS_mmap, p, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0);
    expect("mmap(%s, %ld, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, %d, 0) = %s", ptr(p), pg, fd,
           ptr(f));
    r = syscall(SYS_mmap, NULL, pg, PROT_READ, MAP_SHARED, 99, 0);
    expect("mmap(NULL, %ld, PROT_READ, MAP_SHARED, 99, 0) = -1 EBADF (Bad file descriptor)", pg);
    r = syscall(SYS_mmap, NULL, 2 * 1024 * 1024, PROT_READ,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << 26), -1, 0);
    if (r == -1 && errno == ENOMEM)
        expect("mmap(NULL, 2097152, PROT_READ, "
               "MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 "
               "ENOMEM (Cannot allocate memory)");
    void *b = (void *)syscall(SYS_brk, NULL);
    expect("brk(NULL) = %s", ptr(b));
    void *b2 = (void *)syscall(SYS_brk, (char *)b + 4 * pg);
    expect("brk(%s) = %s", ptr((char *)b + 4 * pg), ptr(b2));
    return golden_done();
}
