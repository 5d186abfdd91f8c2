/* golden_net: socket, bind, listen, getsockname, connect, accept4,
 * getpeername, setsockopt/getsockopt, sendto/recvfrom, sendmsg/recvmsg with
 * SCM_RIGHTS, socketpair, shutdown, AF_INET6 and AF_UNIX addresses,
 * sendmmsg/recvmmsg.  Usage: golden_net DIR */
#include "golden.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <stddef.h>
#include <sys/un.h>

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) != 0)
        return 2;
    int s = (int)syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
    expect("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = %d", s);
    int one = 1;
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    expect("setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0", s);
    struct sockaddr_in a = {
        .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    syscall(SYS_bind, s, &a, sizeof a);
    expect("bind(%d, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}, "
           "16) = 0",
           s);
    syscall(SYS_listen, s, 5);
    expect("listen(%d, 5) = 0", s);
    socklen_t len = sizeof a;
    syscall(SYS_getsockname, s, &a, &len);
    int port = ntohs(a.sin_port);
    expect("getsockname(%d, {sa_family=AF_INET, sin_port=htons(%d), "
           "sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0",
           s, port);

    int c = (int)syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
    expect("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = %d", c);
    syscall(SYS_connect, c, &a, sizeof a);
    expect("connect(%d, {sa_family=AF_INET, sin_port=htons(%d), "
           "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
           c, port);
    struct sockaddr_storage peer;
    len = sizeof peer;
    int acc = (int)syscall(SYS_accept4, s, &peer, &len, SOCK_CLOEXEC);
    struct sockaddr_in *pin = (struct sockaddr_in *)&peer;
    int cport = ntohs(pin->sin_port);
    expect("accept4(%d, {sa_family=AF_INET, sin_port=htons(%d), "
           "sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16], "
           "SOCK_CLOEXEC) = %d",
           s, cport, acc);
    len = sizeof a;
    syscall(SYS_getpeername, c, &a, &len);
    expect("getpeername(%d, {sa_family=AF_INET, sin_port=htons(%d), "
           "sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0",
           c, port);
    int v = 0;
    len = sizeof v;
    syscall(SYS_getsockopt, c, SOL_SOCKET, SO_TYPE, &v, &len);
    expect("getsockopt(%d, SOL_SOCKET, SO_TYPE, [1], [4]) = 0", c);
    syscall(SYS_setsockopt, c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    expect("setsockopt(%d, SOL_TCP, TCP_NODELAY, [1], 4) = 0", c);
    len = 8;
    long lv = 0;
    syscall(SYS_getsockopt, c, IPPROTO_TCP, TCP_NODELAY, &lv, &len);
    expect("getsockopt(%d, SOL_TCP, TCP_NODELAY, [1], [8 => 4]) = 0", c);
    struct linger lg = {1, 5};
    syscall(SYS_setsockopt, c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    expect("setsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0", c);

    long n = syscall(SYS_sendto, c, "ping\n", 5, MSG_NOSIGNAL, NULL, 0);
    expect("sendto(%d, \"ping\\n\", 5, MSG_NOSIGNAL, NULL, 0) = %ld", c, n);
    char buf[64];
    n = syscall(SYS_recvfrom, acc, buf, sizeof buf, 0, NULL, NULL);
    expect("recvfrom(%d, \"ping\\n\", 64, 0, NULL, NULL) = %ld", acc, n);
    n = syscall(SYS_recvfrom, acc, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);
    expect("recvfrom(%d, %s, 64, MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily "
           "unavailable)",
           acc, ptr(buf));
    syscall(SYS_shutdown, c, SHUT_WR);
    expect("shutdown(%d, SHUT_WR) = 0", c);

    /* unix sockets: a pair, a descriptor passed along */
    int sv[2];
    syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
    expect("socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d]) = 0", sv[0], sv[1]);
    struct iovec iov[2] = {{"one", 3}, {"two!", 4}};
    union {
        char b[CMSG_SPACE(sizeof(int))];
        struct cmsghdr h;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr m = {
        .msg_iov = iov, .msg_iovlen = 2, .msg_control = ctl.b, .msg_controllen = sizeof ctl.b};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &c, sizeof c);
    n = syscall(SYS_sendmsg, sv[0], &m, 0);
    expect("sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", iov_len=3}, "
           "{iov_base=\"two!\", "
           "iov_len=4}], msg_iovlen=2, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, "
           "cmsg_type=SCM_RIGHTS, "
           "cmsg_data=[%d]}], msg_controllen=24, msg_flags=0}, 0) = %ld",
           sv[0], c, n);
    char r1[2], r2[16];
    struct iovec riov[2] = {{r1, 2}, {r2, 16}};
    union {
        char b[CMSG_SPACE(sizeof(int))];
        struct cmsghdr h;
    } rctl;
    struct msghdr rm = {
        .msg_iov = riov, .msg_iovlen = 2, .msg_control = rctl.b, .msg_controllen = sizeof rctl.b};
    n = syscall(SYS_recvmsg, sv[1], &rm, MSG_CMSG_CLOEXEC);
    int got;
    memcpy(&got, CMSG_DATA(CMSG_FIRSTHDR(&rm)), sizeof got);
    expect(
        "recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"on\", iov_len=2}, "
        "{iov_base=\"etwo!\", "
        "iov_len=16}], msg_iovlen=2, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, "
        "cmsg_type=SCM_RIGHTS, "
        "cmsg_data=[%d]}], msg_controllen=24, msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC) = %ld",
        sv[1], got, n);

    int u = (int)syscall(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    expect("socket(AF_UNIX, SOCK_DGRAM|SOCK_NONBLOCK, 0) = %d", u);
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    strcpy(un.sun_path, "golden.sock");
    socklen_t ulen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(un.sun_path) + 1);
    syscall(SYS_bind, u, &un, ulen);
    expect("bind(%d, {sa_family=AF_UNIX, sun_path=\"golden.sock\"}, %u) = 0", u, ulen);
    n = syscall(SYS_sendto, c, "x", 1, MSG_NOSIGNAL, &un, ulen);
    expect("sendto(%d, \"x\", 1, MSG_NOSIGNAL, {sa_family=AF_UNIX, sun_path=\"golden.sock\"}, %u) "
           "= -1 EPIPE (Broken pipe)",
           c, ulen);

    /* IPv6 */
    int s6 = (int)syscall(SYS_socket, AF_INET6, SOCK_DGRAM, 0);
    if (s6 >= 0) {
        expect("socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = %d", s6);
        struct sockaddr_in6 a6 = {
            .sin6_family = AF_INET6, .sin6_port = htons(9), .sin6_addr = IN6ADDR_LOOPBACK_INIT};
        n = syscall(SYS_connect, s6, &a6, sizeof a6);
        expect("connect(%d, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(0), "
               "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = %s",
               s6, n == 0 ? "0" : "-1 ENETUNREACH (Network is unreachable)");
    }

    /* UDP with sendmmsg/recvmmsg */
    int d1 = (int)syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0),
        d2 = (int)syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in da = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    syscall(SYS_bind, d2, &da, sizeof da);
    len = sizeof da;
    syscall(SYS_getsockname, d2, &da, &len);
    syscall(SYS_connect, d1, &da, sizeof da);
    struct iovec m1 = {"abc", 3}, m2 = {"defg", 4};
    struct mmsghdr mm[2];
    memset(mm, 0, sizeof mm);
    mm[0].msg_hdr.msg_iov = &m1;
    mm[0].msg_hdr.msg_iovlen = 1;
    mm[1].msg_hdr.msg_iov = &m2;
    mm[1].msg_hdr.msg_iovlen = 1;
    n = syscall(SYS_sendmmsg, d1, mm, 2, 0);
    expect("sendmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abc\", "
           "iov_len=3}], "
           "msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, {msg_hdr={msg_name=NULL, "
           "msg_namelen=0, "
           "msg_iov=[{iov_base=\"defg\", iov_len=4}], msg_iovlen=1, msg_controllen=0, "
           "msg_flags=0}, msg_len=4}], 2, "
           "0) = %ld",
           d1, n);
    char rb1[8], rb2[8];
    struct iovec q1 = {rb1, 8}, q2 = {rb2, 8};
    struct mmsghdr rmm[2];
    memset(rmm, 0, sizeof rmm);
    rmm[0].msg_hdr.msg_iov = &q1;
    rmm[0].msg_hdr.msg_iovlen = 1;
    rmm[1].msg_hdr.msg_iov = &q2;
    rmm[1].msg_hdr.msg_iovlen = 1;
    n = syscall(SYS_recvmmsg, d2, rmm, 2, MSG_DONTWAIT, NULL);
    expect("recvmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abc\", "
           "iov_len=8}], "
           "msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, {msg_hdr={msg_name=NULL, "
           "msg_namelen=0, "
           "msg_iov=[{iov_base=\"defg\", iov_len=8}], msg_iovlen=1, msg_controllen=0, "
           "msg_flags=0}, msg_len=4}], 2, "
           "MSG_DONTWAIT, NULL) = %ld",
           d2, n);
    return golden_done();
}
