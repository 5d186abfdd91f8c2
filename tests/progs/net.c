/* net: a TCP server and client on 127.0.0.1 exchanging a known byte stream.
 *   net threads   server and client are two threads of one process
 *   net fork      server and client are two processes
 * The client sends N bytes (pattern i*7 mod 251) in chunks; the server
 * receives them all, checks the pattern, and sends back the byte count as
 * text; the client prints "ok sent=N echoed=N" and exits 0. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define TOTAL 200000

static int listener;
static struct sockaddr_in addr;

static int server(void)
{
    int c = accept(listener, NULL, NULL);
    if (c < 0)
        return 1;
    static unsigned char buf[8192];
    long got = 0;
    int bad = 0;
    while (got < TOTAL) {
        ssize_t n = recv(c, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] != (unsigned char)(((got + i) * 7) % 251))
                bad = 1;
        got += n;
    }
    char reply[32];
    int len = snprintf(reply, sizeof reply, "%ld%s", got, bad ? "bad" : "");
    send(c, reply, (size_t)len, 0);
    close(c);
    return bad || got != TOTAL;
}

static void *server_thread(void *arg)
{
    (void)arg;
    return (void *)(long)server();
}

static int client(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("connect");
        return 1;
    }
    static unsigned char buf[TOTAL];
    for (long i = 0; i < TOTAL; i++)
        buf[i] = (unsigned char)((i * 7) % 251);
    long sent = 0;
    while (sent < TOTAL) {
        size_t chunk = TOTAL - sent < 5000 ? (size_t)(TOTAL - sent) : 5000;
        ssize_t n = send(s, buf + sent, chunk, 0);
        if (n <= 0)
            return 1;
        sent += n;
    }
    char reply[32] = {0};
    ssize_t n = recv(s, reply, sizeof reply - 1, 0);
    close(s);
    if (n <= 0)
        return 1;
    printf("ok sent=%ld echoed=%s\n", sent, reply);
    fflush(stdout);
    return strtol(reply, NULL, 10) != TOTAL;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "threads";
    listener = socket(AF_INET, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, 4) < 0 ||
        getsockname(listener, (struct sockaddr *)&addr, &len) < 0) {
        perror("listen");
        return 2;
    }
    if (!strcmp(mode, "fork")) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(server());
        int rc = client(), st;
        waitpid(pid, &st, 0);
        return rc || !WIFEXITED(st) || WEXITSTATUS(st);
    }
    pthread_t t;
    pthread_create(&t, NULL, server_thread, NULL);
    int rc = client();
    void *srv;
    pthread_join(t, &srv);
    return rc || srv != NULL;
}
