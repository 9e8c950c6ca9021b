/* SPDX-License-Identifier: BSD-3-Clause OR Apache-2.0 */
/*
 * Generated from the vhost-user protocol registry. Do not edit: change the registry and
 * regenerate. This file is a listing of protocol facts; it may be copied, modified and
 * redistributed under either licence named by its SPDX identifier.
 *
 * Specification revision: 0123456789abcdef0123456789abcdef01234567
 * Registry SHA-256: sha256-of-the-test-registry
 */
#ifndef VHOST_USER_PROTOCOL_H
#define VHOST_USER_PROTOCOL_H

#include <stdint.h>

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define VHOST_USER_ASSERT(name, cond) _Static_assert(cond, #name)
#else
#define VHOST_USER_ASSERT(name, cond) \
    typedef char vhost_user_assert_##name[(cond) ? 1 : -1]
#endif
#if defined(__GNUC__) || defined(__clang__)
#define VHOST_USER_OFFSETOF(type, member) __builtin_offsetof(type, member)
#else
#define VHOST_USER_OFFSETOF(type, member) ((unsigned long)&((type *)0)->member)
#endif

/** The revision of the specification this header was generated from. */
#define VHOST_USER_SPEC_REVISION "0123456789abcdef0123456789abcdef01234567"

/* Message header flags, protocol limits and reserved number ranges. */

#define VHOST_USER_VERSION_MASK 0x3u
#define VHOST_USER_REPLY_MASK (1u << 2)
/** bytes in the header */
#define VHOST_USER_HEADER_SIZE 12u
/** descriptors per message */
#define VHOST_USER_MAX_FDS 8u
/** Private experiments between a front-end and a back-end built together. Numbers 0xff00 to 0xffff of the front-end table. */
#define VHOST_USER_FRONT_END_EXPERIMENTS_FIRST 0xff00u
#define VHOST_USER_FRONT_END_EXPERIMENTS_LAST 0xffffu

/* Requests the front-end sends on the main socket. */

enum vhost_user_front_end_request {
    /** Asks for the feature bits. Since v1.0. */
    VHOST_USER_GET_FEATURES = 1,
    /** Deprecated. Old reset. */
    VHOST_USER_RESET_OWNER = 4,
    /** Sends the memory table. */
    VHOST_USER_SET_MEM_TABLE = 5,
};

/* Requests the back-end sends on the back-end channel. */

enum vhost_user_back_end_request {
    /** Reports an IOTLB miss. */
    VHOST_USER_BACKEND_IOTLB_MSG = 1,
};
#ifdef VHOST_USER_SPEC_PREVIOUS_NAMES
#define VHOST_USER_SLAVE_IOTLB_MSG VHOST_USER_BACKEND_IOTLB_MSG
#endif

/* Protocol feature bits (VHOST_USER_GET/SET_PROTOCOL_FEATURES). */

/** Multiple queues. Since v1.2. */
#define VHOST_USER_PROTOCOL_F_MQ 0u
#define VHOST_USER_PROTOCOL_F_MQ_MASK (UINT64_C(1) << 0)
/** Acknowledgements. */
#define VHOST_USER_PROTOCOL_F_REPLY_ACK 3u
#define VHOST_USER_PROTOCOL_F_REPLY_ACK_MASK (UINT64_C(1) << 3)

/* Virtio and vhost feature bits the protocol relies on (VHOST_USER_GET/SET_FEATURES). */

/** Protocol features are negotiated. */
#define VHOST_USER_F_PROTOCOL_FEATURES 30u
#define VHOST_USER_F_PROTOCOL_FEATURES_MASK (UINT64_C(1) << 30)

/* Access rights. (iotlb_perm) */

#define VHOST_ACCESS_RO 0x1u
#define VHOST_ACCESS_WO 0x2u

/* Bits of a ring fd payload. (vring_fd_flags) */

#define VHOST_USER_VRING_IDX_MASK UINT64_C(0xff)
#define VHOST_USER_VRING_NOFD_MASK (UINT64_C(1) << 8)

/* Payloads. Every struct is packed; padding fields are written out. */

#pragma pack(push, 1)

/** One number. */
struct vhost_user_u64_value {
    uint64_t value;
};

/** One region. */
struct vhost_user_memory_region {
    uint64_t guest_phys_addr;
    uint64_t memory_size;
};

/** The table. */
struct vhost_user_memory {
    uint32_t num_regions;
    uint32_t padding;
    struct vhost_user_memory_region regions[];
};

/** An IOTLB entry. */
struct vhost_user_iotlb_msg {
    uint64_t iova;
    uint8_t perm;
    uint8_t padding[7];
};

#pragma pack(pop)

/* Compile-time checks of every payload's size and field offsets. */

VHOST_USER_ASSERT(sizeof_u64_value, sizeof(struct vhost_user_u64_value) == 8);
VHOST_USER_ASSERT(offset_u64_value__value, VHOST_USER_OFFSETOF(struct vhost_user_u64_value, value) == 0);
VHOST_USER_ASSERT(sizeof_memory_region, sizeof(struct vhost_user_memory_region) == 16);
VHOST_USER_ASSERT(offset_memory_region__guest_phys_addr, VHOST_USER_OFFSETOF(struct vhost_user_memory_region, guest_phys_addr) == 0);
VHOST_USER_ASSERT(offset_memory_region__memory_size, VHOST_USER_OFFSETOF(struct vhost_user_memory_region, memory_size) == 8);
VHOST_USER_ASSERT(sizeof_memory, sizeof(struct vhost_user_memory) == 8);
VHOST_USER_ASSERT(offset_memory__num_regions, VHOST_USER_OFFSETOF(struct vhost_user_memory, num_regions) == 0);
VHOST_USER_ASSERT(offset_memory__padding, VHOST_USER_OFFSETOF(struct vhost_user_memory, padding) == 4);
VHOST_USER_ASSERT(offset_memory__regions, VHOST_USER_OFFSETOF(struct vhost_user_memory, regions) == 8);
VHOST_USER_ASSERT(sizeof_iotlb_msg, sizeof(struct vhost_user_iotlb_msg) == 16);
VHOST_USER_ASSERT(offset_iotlb_msg__iova, VHOST_USER_OFFSETOF(struct vhost_user_iotlb_msg, iova) == 0);
VHOST_USER_ASSERT(offset_iotlb_msg__perm, VHOST_USER_OFFSETOF(struct vhost_user_iotlb_msg, perm) == 8);
VHOST_USER_ASSERT(offset_iotlb_msg__padding, VHOST_USER_OFFSETOF(struct vhost_user_iotlb_msg, padding) == 9);

#endif /* VHOST_USER_PROTOCOL_H */
