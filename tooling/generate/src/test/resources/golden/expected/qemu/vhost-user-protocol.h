/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Generated from the vhost-user protocol registry. Do not edit: change the registry and
 * regenerate. This file is a listing of protocol facts; it may be copied, modified and
 * redistributed under the licence named by its SPDX identifier.
 *
 * Profile: qemu
 * Specification revision: 0123456789abcdef0123456789abcdef01234567
 * Registry SHA-256: sha256-of-the-test-registry
 */
#ifndef VHOST_USER_PROTOCOL_H
#define VHOST_USER_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

/* Compile-time checks; undefined again at the end of this header. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define VHOST_USER_SPEC_CHECK(name, cond) static_assert(cond, #name)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define VHOST_USER_SPEC_CHECK(name, cond) _Static_assert(cond, #name)
#else
#define VHOST_USER_SPEC_CHECK(name, cond) \
    typedef char vhost_user_spec_check_##name[(cond) ? 1 : -1]
#endif

/** The revision of the specification this header was generated from. */
#define VHOST_USER_SPEC_REVISION "0123456789abcdef0123456789abcdef01234567"

/* Message header flags, protocol limits and reserved number ranges. */

#ifndef VHOST_USER_VERSION_MASK
#define VHOST_USER_VERSION_MASK 0x3u
#endif
#ifndef VHOST_USER_REPLY_MASK
#define VHOST_USER_REPLY_MASK (1u << 2)
#endif
/** bytes in the header */
#ifndef VHOST_USER_HEADER_SIZE
#define VHOST_USER_HEADER_SIZE 12
#endif
/** descriptors per message */
#ifndef VHOST_USER_MAX_FDS
#define VHOST_USER_MAX_FDS 8
#endif
/** Private experiments between a front-end and a back-end built together. Numbers 0xff00 to 0xffff of the front-end table. */
#ifndef VHOST_USER_FRONT_END_EXPERIMENTS_FIRST
#define VHOST_USER_FRONT_END_EXPERIMENTS_FIRST 0xff00u
#endif
#ifndef VHOST_USER_FRONT_END_EXPERIMENTS_LAST
#define VHOST_USER_FRONT_END_EXPERIMENTS_LAST 0xffffu
#endif

/* Requests the front-end sends on the main socket. */

typedef enum VhostUserRequest {
    VHOST_USER_NONE = 0,
    /** Asks for the feature bits. Since v1.0. */
    VHOST_USER_GET_FEATURES = 1,
    /** Deprecated. Old reset. */
    VHOST_USER_RESET_OWNER = 4,
    /** Sends the memory table. */
    VHOST_USER_SET_MEM_TABLE = 5,
#ifdef VHOST_USER_SPEC_PROPOSED
    /** Proposed, not yet agreed. Turns the shine on. */
    VHOST_USER_SET_SHINY = 50,
#endif
    /** One past the highest request number above. */
    VHOST_USER_MAX
} VhostUserRequest;

/* Requests the back-end sends on the back-end channel. */

typedef enum VhostUserBackendRequest {
    VHOST_USER_BACKEND_NONE = 0,
    /** Reports an IOTLB miss. */
    VHOST_USER_BACKEND_IOTLB_MSG = 1,
    /** One past the highest request number above. */
    VHOST_USER_BACKEND_MAX
} VhostUserBackendRequest;
#ifdef VHOST_USER_SPEC_PREVIOUS_NAMES
#define VHOST_USER_SLAVE_IOTLB_MSG VHOST_USER_BACKEND_IOTLB_MSG
#endif

/* Protocol feature bits (VHOST_USER_GET/SET_PROTOCOL_FEATURES). */

typedef enum VhostUserProtocolFeature {
    /** Multiple queues. Since v1.2. */
    VHOST_USER_PROTOCOL_F_MQ = 0,
    /** Acknowledgements. */
    VHOST_USER_PROTOCOL_F_REPLY_ACK = 3,
#ifdef VHOST_USER_SPEC_PROPOSED
    /** Proposed, not yet agreed. Shine. */
    VHOST_USER_PROTOCOL_F_SHINY = 9,
#endif
    /** One past the highest bit above. */
    VHOST_USER_PROTOCOL_F_MAX
} VhostUserProtocolFeature;
/** Every bit above, as a mask. */
#ifdef VHOST_USER_SPEC_PROPOSED
#define VHOST_USER_PROTOCOL_FEATURE_MASK UINT64_C(0x209)
#else
#define VHOST_USER_PROTOCOL_FEATURE_MASK UINT64_C(0x9)
#endif

/* Virtio and vhost feature bits the protocol relies on (VHOST_USER_GET/SET_FEATURES). */

/** Protocol features are negotiated. */
#ifndef VHOST_USER_F_PROTOCOL_FEATURES
#define VHOST_USER_F_PROTOCOL_FEATURES 30
#endif

/* Bits of a ring fd payload. (vring_fd_flags) */

#ifndef VHOST_USER_VRING_IDX_MASK
#define VHOST_USER_VRING_IDX_MASK UINT64_C(0xff)
#endif
#ifndef VHOST_USER_VRING_NOFD_MASK
#define VHOST_USER_VRING_NOFD_MASK (UINT64_C(1) << 8)
#endif

/* Which way state goes. (transfer_direction) */

typedef enum VhostDeviceStateDirection {
    VHOST_TRANSFER_STATE_DIRECTION_SAVE = 0,
    VHOST_TRANSFER_STATE_DIRECTION_LOAD = 1,
} VhostDeviceStateDirection;

/* The message header and the payloads. Every struct is packed; padding fields are written out. A trailing variable-length array is not part of its struct: its entries follow the struct on the wire. */

#pragma pack(push, 1)

/** The header in front of every message. */
typedef struct VhostUserHeader {
    uint32_t request;
    uint32_t flags;
    uint32_t size;
} VhostUserHeader;

/** One number. */
typedef struct VhostUserU64Value {
    uint64_t value;
} VhostUserU64Value;

/** One region. */
typedef struct VhostUserMemoryRegion {
    uint64_t guest_phys_addr;
    uint64_t memory_size;
} VhostUserMemoryRegion;

/** The table. */
typedef struct VhostUserMemory {
    uint32_t nregions;
    uint32_t padding;
    VhostUserMemoryRegion regions[8];
} VhostUserMemory;

/** An IOTLB entry. */
typedef struct VhostUserIotlbMsg {
    uint64_t iova;
    uint8_t perm;
    uint8_t padding[7];
} VhostUserIotlbMsg;

#pragma pack(pop)

/* Compile-time checks of the values above and of every size and offset. */

VHOST_USER_SPEC_CHECK(value_VHOST_USER_VERSION_MASK, (uint64_t)(VHOST_USER_VERSION_MASK) == UINT64_C(3));
VHOST_USER_SPEC_CHECK(value_VHOST_USER_REPLY_MASK, (uint64_t)(VHOST_USER_REPLY_MASK) == UINT64_C(4));
VHOST_USER_SPEC_CHECK(value_VHOST_USER_HEADER_SIZE, (uint64_t)(VHOST_USER_HEADER_SIZE) == UINT64_C(12));
VHOST_USER_SPEC_CHECK(value_VHOST_USER_MAX_FDS, (uint64_t)(VHOST_USER_MAX_FDS) == UINT64_C(8));
VHOST_USER_SPEC_CHECK(value_VHOST_USER_FRONT_END_EXPERIMENTS_FIRST, (uint64_t)(VHOST_USER_FRONT_END_EXPERIMENTS_FIRST) == UINT64_C(65280));
VHOST_USER_SPEC_CHECK(value_VHOST_USER_FRONT_END_EXPERIMENTS_LAST, (uint64_t)(VHOST_USER_FRONT_END_EXPERIMENTS_LAST) == UINT64_C(65535));
VHOST_USER_SPEC_CHECK(value_VHOST_USER_F_PROTOCOL_FEATURES, (uint64_t)(VHOST_USER_F_PROTOCOL_FEATURES) == UINT64_C(30));
#ifdef VIRTIO_F_VERSION_1
VHOST_USER_SPEC_CHECK(value_VIRTIO_F_VERSION_1, (uint64_t)(VIRTIO_F_VERSION_1) == UINT64_C(32));
#endif
#ifdef VHOST_ACCESS_RO
VHOST_USER_SPEC_CHECK(value_VHOST_ACCESS_RO, (uint64_t)(VHOST_ACCESS_RO) == UINT64_C(1));
#endif
#ifdef VHOST_ACCESS_WO
VHOST_USER_SPEC_CHECK(value_VHOST_ACCESS_WO, (uint64_t)(VHOST_ACCESS_WO) == UINT64_C(2));
#endif
VHOST_USER_SPEC_CHECK(value_VHOST_USER_VRING_IDX_MASK, (uint64_t)(VHOST_USER_VRING_IDX_MASK) == UINT64_C(0xff));
VHOST_USER_SPEC_CHECK(value_VHOST_USER_VRING_NOFD_MASK, (uint64_t)(VHOST_USER_VRING_NOFD_MASK) == UINT64_C(0x100));
#ifdef VHOST_VRING_F_LOG
VHOST_USER_SPEC_CHECK(value_VHOST_VRING_F_LOG, (uint64_t)(VHOST_VRING_F_LOG) == UINT64_C(0));
#endif
VHOST_USER_SPEC_CHECK(sizeof_header, sizeof(VhostUserHeader) == 12);
VHOST_USER_SPEC_CHECK(sizeof_u64_value, sizeof(VhostUserU64Value) == 8);
VHOST_USER_SPEC_CHECK(offset_u64_value__value, offsetof(VhostUserU64Value, value) == 0);
VHOST_USER_SPEC_CHECK(sizeof_memory_region, sizeof(VhostUserMemoryRegion) == 16);
VHOST_USER_SPEC_CHECK(offset_memory_region__guest_phys_addr, offsetof(VhostUserMemoryRegion, guest_phys_addr) == 0);
VHOST_USER_SPEC_CHECK(offset_memory_region__memory_size, offsetof(VhostUserMemoryRegion, memory_size) == 8);
VHOST_USER_SPEC_CHECK(sizeof_memory, sizeof(VhostUserMemory) == 136);
VHOST_USER_SPEC_CHECK(offset_memory__num_regions, offsetof(VhostUserMemory, nregions) == 0);
VHOST_USER_SPEC_CHECK(offset_memory__padding, offsetof(VhostUserMemory, padding) == 4);
VHOST_USER_SPEC_CHECK(offset_memory__regions, offsetof(VhostUserMemory, regions) == 8);
VHOST_USER_SPEC_CHECK(sizeof_iotlb_msg, sizeof(VhostUserIotlbMsg) == 16);
VHOST_USER_SPEC_CHECK(offset_iotlb_msg__iova, offsetof(VhostUserIotlbMsg, iova) == 0);
VHOST_USER_SPEC_CHECK(offset_iotlb_msg__perm, offsetof(VhostUserIotlbMsg, perm) == 8);
VHOST_USER_SPEC_CHECK(offset_iotlb_msg__padding, offsetof(VhostUserIotlbMsg, padding) == 9);

#undef VHOST_USER_SPEC_CHECK

#endif /* VHOST_USER_PROTOCOL_H */
