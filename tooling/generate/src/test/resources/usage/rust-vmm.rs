//! Code shaped like rust-vmm's vhost-user back-end (message header handling, feature
//! negotiation, request dispatch, payload construction), written against the generated module
//! where rust-vmm has its own message.rs definitions.

use crate::protocol::{
    BackendReq, FrontendReq, VhostUserHeaderFlag, VhostUserMemory, VhostUserMemoryRegion,
    VhostUserProtocolFeatures, VhostUserSingleMemoryRegion, VhostUserU64, VhostUserVirtioFeatures,
    VhostUserVringAddr, VhostUserVringAddrFlags, VHOST_USER_MAX_FDS,
};

/// A message header as the back-end keeps it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Header {
    request: u32,
    flags: u32,
    size: u32,
}

impl Header {
    /// A request header of protocol version 1.
    pub fn new(request: FrontendReq, flags: u32, size: u32) -> Self {
        let allowed = VhostUserHeaderFlag::REPLY | VhostUserHeaderFlag::NEED_REPLY;
        Header {
            request: request.into(),
            flags: (flags & allowed.bits()) | 0x1,
            size,
        }
    }

    /// The request, or the number nobody knows.
    pub fn get_code(&self) -> Result<FrontendReq, u32> {
        FrontendReq::try_from(self.request)
    }

    /// True for a reply.
    pub fn is_reply(&self) -> bool {
        self.flags & VhostUserHeaderFlag::REPLY.bits() != 0
    }

    /// Known request, version 1, no reserved bit.
    pub fn is_valid(&self) -> bool {
        self.get_code().is_ok()
            && self.flags & VhostUserHeaderFlag::VERSION.bits() == 0x1
            && VhostUserHeaderFlag::from_bits(self.flags).is_some()
    }
}

/// The protocol features both sides support, once VHOST_USER_F_PROTOCOL_FEATURES is acked.
pub fn negotiate(offered: u64, acked_virtio: u64) -> VhostUserProtocolFeatures {
    let mut supported = VhostUserProtocolFeatures::MQ
        | VhostUserProtocolFeatures::REPLY_ACK
        | VhostUserProtocolFeatures::CONFIG;
    supported.insert(VhostUserProtocolFeatures::MTU);
    supported |= VhostUserProtocolFeatures::BACKEND_REQ;
    let virtio = VhostUserVirtioFeatures::from_bits_truncate(acked_virtio);
    if !virtio.contains(VhostUserVirtioFeatures::PROTOCOL_FEATURES) {
        return VhostUserProtocolFeatures::empty();
    }
    supported & VhostUserProtocolFeatures::from_bits_truncate(offered)
}

/// The u64 reply to a request, if it has one.
pub fn reply_to(hdr: &Header, acked: VhostUserProtocolFeatures) -> Option<VhostUserU64> {
    let value = match hdr.get_code().ok()? {
        FrontendReq::GET_FEATURES => {
            (VhostUserVirtioFeatures::PROTOCOL_FEATURES | VhostUserVirtioFeatures::LOG_ALL).bits()
        }
        FrontendReq::GET_PROTOCOL_FEATURES => VhostUserProtocolFeatures::all().bits(),
        FrontendReq::GET_QUEUE_NUM if acked.contains(VhostUserProtocolFeatures::MQ) => 2,
        FrontendReq::SET_OWNER | FrontendReq::RESET_OWNER => return None,
        _ => return None,
    };
    Some(VhostUserU64 { value })
}

/// A SET_MEM_TABLE payload: the fixed part and its regions.
pub fn memory_table(fds: usize) -> Option<(VhostUserMemory, [VhostUserMemoryRegion; 2])> {
    if fds > VHOST_USER_MAX_FDS as usize || fds != 2 {
        return None;
    }
    let region = |i: u64| VhostUserMemoryRegion {
        guest_phys_addr: 0x10_0000 * (i + 1),
        memory_size: 0x1000,
        user_addr: 0x7f00_0000_0000 + i,
        mmap_offset: 0,
    };
    let table = VhostUserMemory {
        num_regions: 2,
        padding1: 0,
    };
    Some((table, [region(0), region(1)]))
}

/// An ADD_MEM_REG payload.
pub fn add_region(region: VhostUserMemoryRegion) -> VhostUserSingleMemoryRegion {
    VhostUserSingleMemoryRegion { padding: 0, region }
}

/// A SET_VRING_ADDR payload with logging on.
pub fn vring_addr(index: u32) -> VhostUserVringAddr {
    VhostUserVringAddr {
        index,
        flags: VhostUserVringAddrFlags::VHOST_VRING_F_LOG.bits(),
        descriptor: 0x1000,
        used: 0x2000,
        available: 0x3000,
        log: 0x4000,
    }
}

/// A back-end request number as sent on the wire.
pub fn backend_code(request: BackendReq) -> u32 {
    request.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::VhostUserVringState;

    #[test]
    fn a_back_end_negotiates_and_answers() {
        let hdr = Header::new(FrontendReq::GET_PROTOCOL_FEATURES, 0, 0);
        assert!(hdr.is_valid());
        assert!(!hdr.is_reply());
        let all = VhostUserProtocolFeatures::all().bits();
        let acked = negotiate(all, VhostUserVirtioFeatures::PROTOCOL_FEATURES.bits());
        assert!(acked.contains(VhostUserProtocolFeatures::REPLY_ACK));
        assert!(negotiate(all, 0).is_empty());
        let queues = reply_to(&Header::new(FrontendReq::GET_QUEUE_NUM, 0, 0), acked);
        assert_eq!(queues.map(|r| r.value), Some(2));
        assert!(reply_to(&Header::new(FrontendReq::SET_OWNER, 0, 0), acked).is_none());
        let (table, regions) = memory_table(2).unwrap();
        assert_eq!({ table.num_regions }, 2);
        assert_eq!(
            { add_region(regions[1]).region.user_addr },
            0x7f00_0000_0001
        );
        assert_eq!({ vring_addr(1).flags }, 1);
        assert_eq!(backend_code(BackendReq::IOTLB_MSG), 1);
        assert_eq!(
            VhostUserVringState::default(),
            VhostUserVringState { index: 0, num: 0 }
        );
    }
}
