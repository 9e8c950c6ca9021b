/*
 * Sends and receives one vhost-user message over a Unix socket the way implementations do: the
 * header and payload in one buffer, the file descriptors as SCM_RIGHTS ancillary data of the
 * same sendmsg. Shared by the consumer programs of each profile; they supply the message type.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static int send_frame(int sock, const void *msg, size_t len, const int *fds, size_t nfds)
{
    struct iovec iov;
    struct msghdr mh;
    char control[CMSG_SPACE(sizeof(int) * 8)];

    memset(&mh, 0, sizeof(mh));
    memset(control, 0, sizeof(control));
    iov.iov_base = (void *)(size_t)msg;
    iov.iov_len = len;
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    if (nfds > 0) {
        struct cmsghdr *cmsg;
        mh.msg_control = control;
        mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
        cmsg = CMSG_FIRSTHDR(&mh);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
        memcpy(CMSG_DATA(cmsg), fds, sizeof(int) * nfds);
    }
    return sendmsg(sock, &mh, 0) == (ssize_t)len ? 0 : -1;
}

/* Reads the header's worth of bytes and the descriptors that came with them. */
static ssize_t receive_start(int sock, void *buf, size_t len, int *fds, size_t *nfds)
{
    struct iovec iov;
    struct msghdr mh;
    struct cmsghdr *cmsg;
    char control[CMSG_SPACE(sizeof(int) * 8)];
    ssize_t got;

    memset(&mh, 0, sizeof(mh));
    iov.iov_base = buf;
    iov.iov_len = len;
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = control;
    mh.msg_controllen = sizeof(control);
    got = recvmsg(sock, &mh, 0);
    *nfds = 0;
    for (cmsg = CMSG_FIRSTHDR(&mh); cmsg != NULL; cmsg = CMSG_NXTHDR(&mh, cmsg)) {
        if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS) {
            *nfds = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            memcpy(fds, CMSG_DATA(cmsg), sizeof(int) * *nfds);
        }
    }
    return got;
}

static int read_all(int sock, void *buf, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t got = read(sock, (char *)buf + done, len - done);
        if (got <= 0) {
            return -1;
        }
        done += (size_t)got;
    }
    return 0;
}
