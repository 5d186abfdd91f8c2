/* calls: make one system call and print what it returned, so a test can
 * compare the program's view with what a policy did.
 *   calls getpid          print getpid()
 *   calls open PATH       open PATH read-only, print "fd" or "errno NAME"
 *   calls write TEXT      write TEXT to stdout, print " n=RESULT"
 *   calls getppid N       call getppid N times, print the last result */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    if (!strcmp(argv[1], "getpid")) {
        printf("%ld\n", syscall(SYS_getpid));
    } else if (!strcmp(argv[1], "open") && argc > 2) {
        int fd = open(argv[2], O_RDONLY);
        if (fd < 0)
            printf("errno %d\n", errno);
        else
            printf("fd %d\n", fd);
    } else if (!strcmp(argv[1], "write") && argc > 2) {
        ssize_t n = write(1, argv[2], strlen(argv[2]));
        printf(" n=%zd\n", n);
    } else if (!strcmp(argv[1], "getppid") && argc > 2) {
        long n = strtol(argv[2], NULL, 10), r = 0;
        for (long i = 0; i < n; i++)
            r = syscall(SYS_getppid);
        printf("%ld\n", r);
    } else {
        return 2;
    }
    return 0;
}
