/* outputs: known calls for the output-mode specs (-c, --json, -y, -e trace=).
 *   outputs counts          7 getppid, 5 failing openat (ENOENT), 3 writes of
 *                           one byte to /dev/null, 1 close, then exit 0
 *   outputs binary          writes every byte value 0..255, invalid UTF-8,
 *                           valid UTF-8 and a long buffer to /dev/null, reads
 *                           binary bytes back through a pipe, and opens a
 *                           path that is not UTF-8 (fails with ENOENT)
 *   outputs fds FILE        opens FILE, reads it, dup2s it to fd 10, reads
 *                           through 10, closes both; opens FILE's directory
 *                           and FILE relative to it (openat); makes a pipe
 *                           and a TCP socket and closes them
 *   outputs sockets PATH    a UNIX stream socketpair (writes a byte each way),
 *                           a UNIX socket bound to PATH and listening, a UDP
 *                           socket bound to 127.0.0.1; closes them all
 * Each mode prints "done" on stdout at the end. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static int counts(void)
{
    for (int i = 0; i < 7; i++)
        syscall(SYS_getppid);
    for (int i = 0; i < 5; i++)
        if (open("/nonexistent-ttlua/x", O_RDONLY) >= 0)
            return 1;
    int fd = open("/dev/null", O_WRONLY);
    if (fd < 0)
        return 1;
    for (int i = 0; i < 3; i++)
        if (write(fd, "x", 1) != 1)
            return 1;
    close(fd);
    return 0;
}

static int binary(void)
{
    int fd = open("/dev/null", O_WRONLY);
    if (fd < 0)
        return 1;
    unsigned char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (unsigned char)i;
    static const char *const samples[] = {
        "\xff\xfe\xfd",                              /* never valid in UTF-8 */
        "\xc0\x80",                                  /* overlong NUL */
        "\xed\xa0\x80",                              /* a surrogate */
        "abc\xe2\x82",                               /* cut multibyte sequence */
        "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", /* valid: e-acute, euro, emoji */
        "quote\" backslash\\ tab\t nl\n del\x7f",
    };
    if (write(fd, all, sizeof all) != (ssize_t)sizeof all)
        return 1;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        if (write(fd, samples[i], strlen(samples[i])) < 0)
            return 1;
    static char big[5000];
    memset(big, 'a', sizeof big);
    if (write(fd, big, sizeof big) != (ssize_t)sizeof big)
        return 1;
    int p[2];
    if (pipe(p) < 0)
        return 1;
    if (write(p[1], all + 120, 40) != 40)
        return 1;
    unsigned char back[40];
    if (read(p[0], back, sizeof back) != 40)
        return 1;
    if (open("/nonexistent-ttlua/\xff\xfe-not-utf8", O_RDONLY) >= 0)
        return 1;
    close(p[0]);
    close(p[1]);
    close(fd);
    return 0;
}

static int fds(const char *file)
{
    char buf[64];
    int fd = open(file, O_RDONLY);
    if (fd < 0)
        return 1;
    if (read(fd, buf, sizeof buf) < 0)
        return 1;
    if (dup2(fd, 10) != 10)
        return 1;
    if (read(10, buf, sizeof buf) < 0)
        return 1;
    close(10);
    close(fd);
    char *copy = strdup(file);
    char *copy2 = strdup(file);
    int dir = open(dirname(copy), O_RDONLY | O_DIRECTORY);
    if (dir < 0)
        return 1;
    int rel = openat(dir, basename(copy2), O_RDONLY);
    if (rel < 0)
        return 1;
    close(rel);
    close(dir);
    int p[2];
    if (pipe(p) < 0)
        return 1;
    close(p[0]);
    close(p[1]);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return 1;
    close(s);
    free(copy);
    free(copy2);
    return 0;
}

static int sockets(const char *path)
{
    int sv[2];
    char c;
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        return 1;
    if (write(sv[0], "a", 1) != 1 || read(sv[1], &c, 1) != 1)
        return 1;
    if (write(sv[1], "b", 1) != 1 || read(sv[0], &c, 1) != 1)
        return 1;
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    snprintf(un.sun_path, sizeof un.sun_path, "%s", path);
    unlink(path);
    if (l < 0 || bind(l, (struct sockaddr *)&un, sizeof un) < 0 || listen(l, 1) < 0)
        return 1;
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(0x7f000001)};
    if (u < 0 || bind(u, (struct sockaddr *)&in, sizeof in) < 0)
        return 1;
    close(u);
    close(l);
    close(sv[0]);
    close(sv[1]);
    unlink(path);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 2;
    if (argc > 1 && !strcmp(argv[1], "counts"))
        rc = counts();
    else if (argc > 1 && !strcmp(argv[1], "binary"))
        rc = binary();
    else if (argc > 2 && !strcmp(argv[1], "fds"))
        rc = fds(argv[2]);
    else if (argc > 2 && !strcmp(argv[1], "sockets"))
        rc = sockets(argv[2]);
    if (rc == 0)
        printf("done\n");
    return rc;
}
