/* A QEMU-shaped consumer of the qemu profile: VhostUserMsg as header plus payload union. */
#include <stdint.h>
#include <stdlib.h>
#include <fcntl.h>
#include "vhost-user-protocol.h"
#include "framing.h"

typedef union {
    uint64_t u64;
    VhostUserVringState state;
    VhostUserVringAddr addr;
    VhostUserMemory memory;
    VhostUserMemRegMsg mem_reg;
    VhostUserLog log;
    VhostUserIotlbMsg iotlb;
    VhostUserConfig config;
    VhostUserVringArea area;
    VhostUserInflight inflight;
    VhostUserShared object;
    VhostUserTransferDeviceState transfer_state;
} VhostUserPayload;

#pragma pack(push, 1)
typedef struct VhostUserMsg {
    VhostUserHeader hdr;
    VhostUserPayload payload;
} VhostUserMsg;
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
    VhostUserMsg out, in;
    uint32_t i, len;
    int failures = 0;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
        return 2;
    }
    fds[0] = open("/dev/null", O_RDONLY);
    fds[1] = open("/dev/null", O_RDONLY);
    memset(&out, 0, sizeof(out));
    out.hdr.request = VHOST_USER_SET_MEM_TABLE;
    out.hdr.flags = VHOST_USER_VERSION;
    out.payload.memory.nregions = 2;
    for (i = 0; i < 2; i++) {
        out.payload.memory.regions[i].guest_phys_addr = 0x100000u * (i + 1);
        out.payload.memory.regions[i].memory_size = 0x1000;
        out.payload.memory.regions[i].userspace_addr = 0x7f0000000000u + i;
        out.payload.memory.regions[i].mmap_offset = 0;
    }
    out.hdr.size = (uint32_t)(offsetof(VhostUserMemory, regions)
                              + 2 * sizeof(VhostUserMemoryRegion));
    len = (uint32_t)sizeof(VhostUserHeader) + out.hdr.size;
    failures += check(send_frame(sv[0], &out, len, fds, 2) == 0, "send");

    memset(&in, 0, sizeof(in));
    failures += check(receive_start(sv[1], &in, sizeof(VhostUserHeader), got_fds, &nfds)
                      == (ssize_t)sizeof(VhostUserHeader), "header");
    failures += check((in.hdr.flags & VHOST_USER_VERSION_MASK) == VHOST_USER_VERSION, "version");
    failures += check(!(in.hdr.flags & VHOST_USER_REPLY_MASK), "not a reply");
    failures += check(in.hdr.size <= sizeof(VhostUserPayload), "size");
    failures += check(read_all(sv[1], &in.payload, in.hdr.size) == 0, "payload");
    failures += check(in.hdr.request == VHOST_USER_SET_MEM_TABLE, "request");
    failures += check(in.payload.memory.nregions == nfds, "one fd per region");
    failures += check(nfds <= VHOST_USER_MAX_FDS && nfds <= VHOST_MEMORY_BASELINE_NREGIONS, "fds");
    failures += check(in.payload.memory.regions[1].userspace_addr == 0x7f0000000001u, "region");
    failures += check(VHOST_USER_MAX > VHOST_USER_SET_MEM_TABLE
                      && VHOST_USER_BACKEND_MAX > VHOST_USER_BACKEND_IOTLB_MSG, "sentinels");
    failures += check((VHOST_USER_PROTOCOL_FEATURE_MASK >> VHOST_USER_PROTOCOL_F_REPLY_ACK) & 1,
                      "feature mask");
    printf("framed %u bytes with %zu fds, %d failures\n", (unsigned)len, nfds, failures);
    return failures;
}
