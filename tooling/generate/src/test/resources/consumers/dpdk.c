/* A DPDK-shaped consumer of the dpdk profile: VhostUserMsg with a payload union, vhu_msg_context. */
#include <stdint.h>
#include <stdlib.h>
#include <fcntl.h>
#include "vhost_user_protocol.h"
#include "framing.h"

/*
 * DPDK keeps its own host-side crypto session parameters under these names (key pointers, a
 * union u, its own field names); the header must leave the names free, and the wire block it
 * describes must have the same size.
 */
typedef struct VhostUserCryptoSymSessionParam {
	uint32_t cipher_algo, cipher_key_len, hash_algo, digest_len, auth_key_len, aad_len;
	uint8_t op_type, dir, hash_mode, chaining_dir;
	uint8_t *cipher_key, *auth_key;
	uint8_t cipher_key_buf[64];
	uint8_t auth_key_buf[512];
} VhostUserCryptoSymSessionParam;

typedef struct VhostUserCryptoAsymSessionParam {
	uint32_t algo, key_type, key_len;
	uint8_t *key;
	union {
		struct {
			uint32_t padding_algo, hash_algo;
		} rsa;
	} u;
	uint8_t key_buf[1024];
} VhostUserCryptoAsymSessionParam;

typedef struct VhostUserCryptoSessionParam {
	uint32_t op_code;
	union {
		VhostUserCryptoSymSessionParam sym_sess;
		VhostUserCryptoAsymSessionParam asym_sess;
	} u;
	int64_t session_id;
} VhostUserCryptoSessionParam;

#pragma pack(push, 1)
typedef struct VhostUserMsg {
	VhostUserHeader hdr;
	union {
		uint64_t u64;
		VhostUserVringState state;
		VhostUserVringAddr addr;
		VhostUserMemory memory;
		VhostUserMemRegMsg memreg;
		VhostUserLog log;
		VhostUserIotlbMsg iotlb;
		VhostUserCryptoSessionParam crypto_session;
		VhostUserVringArea area;
		VhostUserInflight inflight;
		struct vhost_user_config cfg;
	} payload;
} VhostUserMsg;

struct vhu_msg_context {
	VhostUserMsg msg;
	int fds[VHOST_MEMORY_MAX_NREGIONS];
	int fd_num;
};
#pragma pack(pop)

static int check(int ok, const char *what)
{
	if (!ok)
		printf("failed: %s\n", what);
	return ok ? 0 : 1;
}

int main(void)
{
	int sv[2];
	int fds[2];
	size_t nfds;
	struct vhu_msg_context out, in;
	uint32_t i, len;
	int failures = 0;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return 2;
	fds[0] = open("/dev/null", O_RDONLY);
	fds[1] = open("/dev/null", O_RDONLY);
	memset(&out, 0, sizeof(out));
	out.msg.hdr.request = VHOST_USER_SET_MEM_TABLE;
	out.msg.hdr.flags = VHOST_USER_VERSION | VHOST_USER_NEED_REPLY;
	out.msg.payload.memory.nregions = 2;
	for (i = 0; i < 2; i++) {
		out.msg.payload.memory.regions[i].guest_phys_addr = 0x100000u * (i + 1);
		out.msg.payload.memory.regions[i].memory_size = 0x1000;
		out.msg.payload.memory.regions[i].userspace_addr = 0x7f0000000000u + i;
	}
	out.msg.hdr.size = (uint32_t)(offsetof(VhostUserMemory, regions)
			+ 2 * sizeof(VhostUserMemoryRegion));
	len = (uint32_t)sizeof(VhostUserHeader) + out.msg.hdr.size;
	failures += check(send_frame(sv[0], &out.msg, len, fds, 2) == 0, "send");

	memset(&in, 0, sizeof(in));
	failures += check(receive_start(sv[1], &in.msg, sizeof(VhostUserHeader), in.fds, &nfds)
			== (ssize_t)sizeof(VhostUserHeader), "header");
	in.fd_num = (int)nfds;
	failures += check((in.msg.hdr.flags & VHOST_USER_VERSION_MASK) == VHOST_USER_VERSION,
			"version");
	failures += check((in.msg.hdr.flags & VHOST_USER_NEED_REPLY) != 0, "need reply");
	failures += check(in.msg.hdr.size <= sizeof(in.msg.payload), "size");
	failures += check(read_all(sv[1], &in.msg.payload, in.msg.hdr.size) == 0, "payload");
	failures += check(in.msg.hdr.request == VHOST_USER_SET_MEM_TABLE, "request");
	failures += check((int)in.msg.payload.memory.nregions == in.fd_num, "one fd per region");
	failures += check(in.msg.payload.memory.regions[1].userspace_addr == 0x7f0000000001u,
			"region");
	failures += check(VHOST_USER_CRYPTO_CREATE_SESS == 26, "DPDK spelling");
	failures += check(sizeof(void *) != 8 || sizeof(VhostUserCryptoSessionParam)
			== sizeof(VhostUserCryptoSession), "crypto session block");
	printf("framed %u bytes with %d fds, %d failures\n", (unsigned)len, in.fd_num, failures);
	return failures;
}
