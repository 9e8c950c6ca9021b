/* A consumer of the neutral header: the memory table's entries follow its fixed part. */
#include <stdint.h>
#include <stdlib.h>
#include <fcntl.h>
#include "vhost_user_protocol.h"
#include "framing.h"

struct memory_table {
    struct vhost_user_memory fixed;
    struct vhost_user_memory_region regions[VHOST_MEMORY_BASELINE_NREGIONS];
};

union payload {
    struct vhost_user_u64_value u64;
    struct vhost_user_vring_state state;
    struct vhost_user_vring_addr addr;
    struct memory_table memory;
    struct vhost_user_single_memory_region mem_reg;
    struct vhost_user_log log;
    struct vhost_user_iotlb_msg iotlb;
    struct vhost_user_config config;
    struct vhost_user_inflight inflight;
};

#pragma pack(push, 1)
struct message {
    struct vhost_user_header header;
    union payload payload;
};
#pragma pack(pop)

static int check(int ok, const char *what)
{
    if (!ok) {
        printf("failed: %s\n", what);
    }
    return ok ? 0 : 1;
}

int main(void)
{
    int sv[2];
    int fds[2], got_fds[8];
    size_t nfds;
    struct message out, in;
    uint32_t i, len;
    int failures = 0;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
        return 2;
    }
    fds[0] = open("/dev/null", O_RDONLY);
    fds[1] = open("/dev/null", O_RDONLY);
    memset(&out, 0, sizeof(out));
    out.header.request = VHOST_USER_SET_MEM_TABLE;
    out.header.flags = VHOST_USER_VERSION;
    out.payload.memory.fixed.num_regions = 2;
    for (i = 0; i < 2; i++) {
        out.payload.memory.regions[i].guest_phys_addr = 0x100000u * (i + 1);
        out.payload.memory.regions[i].memory_size = 0x1000;
        out.payload.memory.regions[i].userspace_addr = 0x7f0000000000u + i;
    }
    out.header.size = (uint32_t)(sizeof(struct vhost_user_memory)
                                 + 2 * sizeof(struct vhost_user_memory_region));
    len = VHOST_USER_HEADER_SIZE + out.header.size;
    failures += check(sizeof(struct vhost_user_header) == VHOST_USER_HEADER_SIZE, "header size");
    failures += check(send_frame(sv[0], &out, len, fds, 2) == 0, "send");

    memset(&in, 0, sizeof(in));
    failures += check(receive_start(sv[1], &in, VHOST_USER_HEADER_SIZE, got_fds, &nfds)
                      == (ssize_t)VHOST_USER_HEADER_SIZE, "header");
    failures += check((in.header.flags & VHOST_USER_VERSION_MASK) == VHOST_USER_VERSION, "version");
    failures += check(in.header.size <= sizeof(union payload), "size");
    failures += check(read_all(sv[1], &in.payload, in.header.size) == 0, "payload");
    failures += check(in.header.request == VHOST_USER_SET_MEM_TABLE, "request");
    failures += check(in.payload.memory.fixed.num_regions == nfds, "one fd per region");
    failures += check(in.payload.memory.regions[1].userspace_addr == 0x7f0000000001u, "region");
    failures += check(VHOST_USER_MAX > VHOST_USER_SET_MEM_TABLE, "sentinel");
    failures += check((VHOST_USER_PROTOCOL_F_ALL_MASK & VHOST_USER_PROTOCOL_F_REPLY_ACK_MASK) != 0,
                      "feature masks");
    printf("framed %u bytes with %zu fds, %d failures\n", (unsigned)len, nfds, failures);
    return failures;
}
