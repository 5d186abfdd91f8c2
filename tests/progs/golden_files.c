/* golden_files: open/openat flags and modes, read/write buffers, lseek,
 * stat/statx, getdents64, readlink, getcwd, fcntl, pipe2, dup3, access,
 * utimensat, fadvise64.  Usage: golden_files DIR (an empty directory). */
#include "golden.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/stat.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

/* struct statx's mask as strace names it (its statx_masks order) */
static const char *statx_mask_text(unsigned int m)
{
    static const struct {
        unsigned int v;
        const char *n;
    } names[] = {
        {0xfff, "STATX_ALL"},       {0x7ff, "STATX_BASIC_STATS"}, {0x1, "STATX_TYPE"},
        {0x2, "STATX_MODE"},        {0x4, "STATX_NLINK"},         {0x8, "STATX_UID"},
        {0x10, "STATX_GID"},        {0x20, "STATX_ATIME"},        {0x40, "STATX_MTIME"},
        {0x80, "STATX_CTIME"},      {0x100, "STATX_INO"},         {0x200, "STATX_SIZE"},
        {0x400, "STATX_BLOCKS"},    {0x800, "STATX_BTIME"},       {0x1000, "STATX_MNT_ID"},
        {0x2000, "STATX_DIOALIGN"},
    };
    static char out[512];
    out[0] = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if ((m & names[i].v) == names[i].v) {
            if (out[0])
                strcat(out, "|");
            strcat(out, names[i].n);
            m &= ~names[i].v;
        }
    }
    if (m)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%#x", out[0] ? "|" : "", m);
    return out;
}

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) != 0)
        return 2;
    char cwd[256];
    if (!getcwd(cwd, sizeof cwd))
        return 2;
    expect("getcwd(\"%s\", 256) = %zu", cwd, strlen(cwd) + 1);

    int fd = (int)syscall(SYS_open, "a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0640);
    expect("open(\"a.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0640) = %d", fd);
    long n = syscall(SYS_write, fd,
                     "hello\tworld\n\1\2\3"
                     "0123456789012345678901234567890",
                     46);
    expect("write(%d, \"hello\\tworld\\n\\1\\2\\00301234567890123456\"..., 46) = %ld", fd, n);
    n = syscall(SYS_pwrite64, fd, "XY", 2, 3);
    expect("pwrite64(%d, \"XY\", 2, 3) = %ld", fd, n);
    syscall(SYS_close, fd);
    expect("close(%d) = 0", fd);

    fd = (int)syscall(SYS_openat, AT_FDCWD, "a.txt", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    expect("openat(AT_FDCWD, \"a.txt\", O_RDONLY|O_NOFOLLOW|O_CLOEXEC) = %d", fd);
    char buf[64];
    n = syscall(SYS_read, fd, buf, 5);
    expect("read(%d, \"helXY\", 5) = %ld", fd, n);
    n = syscall(SYS_pread64, fd, buf, 64, 40);
    expect("pread64(%d, \"567890\", 64, 40) = %ld", fd, n);
    n = syscall(SYS_lseek, fd, (off_t)-4, SEEK_END);
    expect("lseek(%d, -4, SEEK_END) = %ld", fd, n);
    n = syscall(SYS_lseek, fd, 0, SEEK_CUR);
    expect("lseek(%d, 0, SEEK_CUR) = %ld", fd, n);
    n = syscall(SYS_read, fd, buf, 0);
    expect("read(%d, \"\", 0) = 0", fd);
    n = syscall(SYS_read, -1, buf, 8);
    expect("read(-1, %s, 8) = -1 EBADF (Bad file descriptor)", ptr(buf));

    /* stat family */
    struct stat st;
    syscall(SYS_fstat, fd, &st);
    expect("fstat(%d, {st_mode=S_IFREG|0640, st_size=46, ...}) = 0", fd);
    syscall(SYS_stat, "a.txt", &st);
    expect("stat(\"a.txt\", {st_mode=S_IFREG|0640, st_size=46, ...}) = 0");
    syscall(SYS_newfstatat, AT_FDCWD, "missing", &st, AT_SYMLINK_NOFOLLOW);
    expect("newfstatat(AT_FDCWD, \"missing\", %s, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file "
           "or directory)",
           ptr(&st));
    syscall(SYS_newfstatat, AT_FDCWD, ".", &st, 0);
    expect("newfstatat(AT_FDCWD, \".\", {st_mode=S_IFDIR|0%o, st_size=%ld, ...}, 0) = 0",
           st.st_mode & 07777, (long)st.st_size);
    struct statx stx;
    syscall(SYS_statx, AT_FDCWD, "a.txt", AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_MODE | STATX_SIZE,
            &stx);
    expect("statx(AT_FDCWD, \"a.txt\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, "
           "STATX_TYPE|STATX_MODE|STATX_SIZE, "
           "{stx_mask=%s, stx_attributes=0, stx_mode=S_IFREG|0640, stx_size=46, ...}) = 0",
           statx_mask_text(stx.stx_mask));

    /* fcntl */
    n = syscall(SYS_fcntl, fd, F_GETFD);
    expect("fcntl(%d, F_GETFD) = 0x1 (flags FD_CLOEXEC)", fd);
    n = syscall(SYS_fcntl, fd, F_SETFD, 0);
    expect("fcntl(%d, F_SETFD, 0) = 0", fd);
    n = syscall(SYS_fcntl, fd, F_GETFD);
    expect("fcntl(%d, F_GETFD) = 0", fd);
    n = syscall(SYS_fcntl, fd, F_GETFL);
    expect("fcntl(%d, F_GETFL) = %#lx (flags O_RDONLY|O_LARGEFILE|O_NOFOLLOW)", fd, n);
    n = syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK | O_APPEND);
    expect("fcntl(%d, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0", fd);
    int fd2 = (int)syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 10);
    expect("fcntl(%d, F_DUPFD_CLOEXEC, 10) = %d", fd, fd2);
    struct flock fl = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 10};
    syscall(SYS_fcntl, fd, F_SETLK, &fl);
    expect("fcntl(%d, F_SETLK, {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=2, l_len=10}) = 0", fd);
    fl.l_type = F_WRLCK;
    syscall(SYS_fcntl, fd, F_GETLK, &fl);
    expect(
        "fcntl(%d, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=2, l_len=10, l_pid=0}) = 0",
        fd);
    n = syscall(SYS_fcntl, fd, 0x4242, 7);
    expect("fcntl(%d, 0x4242 /* F_??? */, 0x7) = -1 EINVAL (Invalid argument)", fd);

    /* pipes and descriptors */
    int p[2];
    syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK);
    expect("pipe2([%d, %d], O_NONBLOCK|O_CLOEXEC) = 0", p[0], p[1]);
    n = syscall(SYS_dup3, p[0], 20, O_CLOEXEC);
    expect("dup3(%d, 20, O_CLOEXEC) = 20", p[0]);
    n = syscall(SYS_dup2, p[1], 21);
    expect("dup2(%d, 21) = 21", p[1]);
    n = syscall(SYS_read, p[0], buf, 8);
    expect("read(%d, %s, 8) = -1 EAGAIN (Resource temporarily unavailable)", p[0], ptr(buf));

    /* access, directories, links */
    syscall(SYS_access, "a.txt", R_OK | W_OK);
    expect("access(\"a.txt\", R_OK|W_OK) = 0");
    syscall(SYS_faccessat, AT_FDCWD, "nope", F_OK);
    expect("faccessat(AT_FDCWD, \"nope\", F_OK) = -1 ENOENT (No such file or directory)");
    syscall(SYS_mkdir, "d", 0755);
    expect("mkdir(\"d\", 0755) = 0");
    syscall(SYS_symlink, "a.txt", "d/l");
    expect("symlink(\"a.txt\", \"d/l\") = 0");
    n = syscall(SYS_readlink, "d/l", buf, sizeof buf);
    expect("readlink(\"d/l\", \"a.txt\", 64) = 5");
    syscall(SYS_rename, "d/l", "d/m");
    expect("rename(\"d/l\", \"d/m\") = 0");
    int dfd = (int)syscall(SYS_openat, AT_FDCWD, "d", O_RDONLY | O_DIRECTORY);
    expect("openat(AT_FDCWD, \"d\", O_RDONLY|O_DIRECTORY) = %d", dfd);
    char dents[1024];
    n = syscall(SYS_getdents64, dfd, dents, sizeof dents);
    expect("getdents64(%d, %s /* 3 entries */, 1024) = %ld", dfd, ptr(dents), n);
    n = syscall(SYS_getdents64, dfd, dents, sizeof dents);
    expect("getdents64(%d, %s /* 0 entries */, 1024) = 0", dfd, ptr(dents));
    syscall(SYS_unlinkat, dfd, "m", 0);
    expect("unlinkat(%d, \"m\", 0) = 0", dfd);
    syscall(SYS_unlinkat, AT_FDCWD, "d", AT_REMOVEDIR);
    expect("unlinkat(AT_FDCWD, \"d\", AT_REMOVEDIR) = 0");

    /* modes, times, hints */
    int wfd = (int)syscall(SYS_creat, "b.txt", 0600);
    expect("creat(\"b.txt\", 0600) = %d", wfd);
    syscall(SYS_fchmod, wfd, 04755);
    expect("fchmod(%d, 04755) = 0", wfd);
    syscall(SYS_ftruncate, wfd, 4096);
    expect("ftruncate(%d, 4096) = 0", wfd);
    syscall(SYS_fadvise64, wfd, 0, 4096, 2);
    expect("fadvise64(%d, 0, 4096, POSIX_FADV_SEQUENTIAL) = 0", wfd);
    struct timespec ts[2] = {{1700000000, 0}, {0, UTIME_OMIT}};
    syscall(SYS_utimensat, AT_FDCWD, "b.txt", ts, AT_SYMLINK_NOFOLLOW);
    struct tm tm;
    time_t t = 1700000000;
    char date[64];
    strftime(date, sizeof date, "%FT%T%z", localtime_r(&t, &tm));
    expect("utimensat(AT_FDCWD, \"b.txt\", [{tv_sec=1700000000, tv_nsec=0} /* %s */, UTIME_OMIT], "
           "AT_SYMLINK_NOFOLLOW) = 0",
           date);
    fd = (int)syscall(SYS_openat, AT_FDCWD, "c.txt", O_RDWR | O_CREAT | O_EXCL | O_APPEND, 0);
    expect("openat(AT_FDCWD, \"c.txt\", O_RDWR|O_CREAT|O_EXCL|O_APPEND, 000) = %d", fd);
    n = syscall(SYS_openat, AT_FDCWD, "c.txt", O_RDWR | O_CREAT | O_EXCL, 0644);
    expect("openat(AT_FDCWD, \"c.txt\", O_RDWR|O_CREAT|O_EXCL, 0644) = -1 EEXIST (File exists)");
    n = syscall(SYS_openat, AT_FDCWD, ".", O_WRONLY | __O_TMPFILE, 0600);
    if (n >= 0)
        expect("openat(AT_FDCWD, \".\", O_WRONLY|O_TMPFILE, 0600) = %ld", n);
    struct open_how how = {.flags = O_RDONLY | O_CLOEXEC,
                           .resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH};
    n = syscall(SYS_openat2, AT_FDCWD, "a.txt", &how, sizeof how);
    if (n >= 0 || errno != ENOSYS)
        expect("openat2(AT_FDCWD, \"a.txt\", {flags=O_RDONLY|O_CLOEXEC, "
               "resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24) = %ld",
               n);
    n = syscall(SYS_umask, 027);
    expect("umask(027) = 0%lo", n);
    return golden_done();
}
