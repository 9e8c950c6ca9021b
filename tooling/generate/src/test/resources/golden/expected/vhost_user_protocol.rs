// SPDX-License-Identifier: BSD-3-Clause OR Apache-2.0
// Generated from the vhost-user protocol registry. Do not edit: change the registry and
// regenerate. This file is a listing of protocol facts; it may be copied, modified and
// redistributed under either licence named by its SPDX identifier.
//
// Specification revision: 0123456789abcdef0123456789abcdef01234567
// Registry SHA-256: sha256-of-the-test-registry

//! Constants and payload layouts of the vhost-user protocol, generated from its registry.

/// The revision of the specification this module was generated from.
pub const SPEC_REVISION: &str = "0123456789abcdef0123456789abcdef01234567";

/// Whether an entry is agreed, on its way out, or not yet agreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// In use and agreed.
    Stable,
    /// Still on the wire, but replaced or discouraged.
    Deprecated,
    /// In flight: not yet agreed by the specification.
    Proposed,
    /// A number claimed by a change under review.
    Reserved,
}

pub const VHOST_USER_VERSION_MASK: u32 = 0x3;
pub const VHOST_USER_REPLY_MASK: u32 = 1 << 2;
/// bytes in the header
pub const VHOST_USER_HEADER_SIZE: u64 = 12;
/// descriptors per message
pub const VHOST_USER_MAX_FDS: u64 = 8;
/// Private experiments between a front-end and a back-end built together. Numbers 0xff00 to 0xffff of the front-end table. First number.
pub const VHOST_USER_FRONT_END_EXPERIMENTS_FIRST: u32 = 0xff00;
/// Private experiments between a front-end and a back-end built together. Numbers 0xff00 to 0xffff of the front-end table. Last number.
pub const VHOST_USER_FRONT_END_EXPERIMENTS_LAST: u32 = 0xffff;

// Access rights. (iotlb_perm)
pub const VHOST_ACCESS_RO: u8 = 1;
pub const VHOST_ACCESS_WO: u8 = 2;

// Bits of a ring fd payload. (vring_fd_flags)
pub const VHOST_USER_VRING_IDX_MASK: u64 = 0xff;
pub const VHOST_USER_VRING_NOFD_MASK: u64 = 1 << 8;

/// Requests the front-end sends on the main socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
#[non_exhaustive]
pub enum FrontEndRequest {
    /// Asks for the feature bits. Since v1.0.
    GetFeatures = 1,
    /// Deprecated. Old reset.
    ResetOwner = 4,
    /// Sends the memory table.
    SetMemTable = 5,
}

impl FrontEndRequest {
    /// The request's name as the specification spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::GetFeatures => "VHOST_USER_GET_FEATURES",
            Self::ResetOwner => "VHOST_USER_RESET_OWNER",
            Self::SetMemTable => "VHOST_USER_SET_MEM_TABLE",
        }
    }

    /// Where the request stands in the specification.
    pub const fn status(self) -> Status {
        match self {
            Self::GetFeatures => Status::Stable,
            Self::ResetOwner => Status::Deprecated,
            Self::SetMemTable => Status::Stable,
        }
    }
}

impl core::convert::TryFrom<u32> for FrontEndRequest {
    type Error = u32;

    /// The request with this number, or the number itself when none has it.
    fn try_from(value: u32) -> Result<Self, u32> {
        match value {
            1 => Ok(Self::GetFeatures),
            4 => Ok(Self::ResetOwner),
            5 => Ok(Self::SetMemTable),
            other => Err(other),
        }
    }
}

/// Requests the back-end sends on the back-end channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
#[non_exhaustive]
pub enum BackEndRequest {
    /// Reports an IOTLB miss.
    IotlbMsg = 1,
}

impl BackEndRequest {
    /// The request's name as the specification spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::IotlbMsg => "VHOST_USER_BACKEND_IOTLB_MSG",
        }
    }

    /// Where the request stands in the specification.
    pub const fn status(self) -> Status {
        match self {
            Self::IotlbMsg => Status::Stable,
        }
    }
}

impl core::convert::TryFrom<u32> for BackEndRequest {
    type Error = u32;

    /// The request with this number, or the number itself when none has it.
    fn try_from(value: u32) -> Result<Self, u32> {
        match value {
            1 => Ok(Self::IotlbMsg),
            other => Err(other),
        }
    }
}

/// Methods and operators shared by the feature bit-set types.
macro_rules! feature_bits {
    ($type:ident) => {
        impl $type {
            /// No bit set.
            pub const fn empty() -> Self {
                Self(0)
            }

            /// The bits as sent on the wire.
            pub const fn bits(self) -> u64 {
                self.0
            }

            /// Takes bits as received, keeping unknown ones.
            pub const fn from_bits_retain(bits: u64) -> Self {
                Self(bits)
            }

            /// True when every bit of `other` is set here.
            pub const fn contains(self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }

            /// The bits set here that the specification does not define.
            pub const fn unknown(self) -> u64 {
                self.0 & !Self::ALL.0
            }
        }

        impl core::ops::BitOr for $type {
            type Output = Self;

            fn bitor(self, other: Self) -> Self {
                Self(self.0 | other.0)
            }
        }

        impl core::ops::BitAnd for $type {
            type Output = Self;

            fn bitand(self, other: Self) -> Self {
                Self(self.0 & other.0)
            }
        }
    };
}

/// Protocol feature bits (GET/SET_PROTOCOL_FEATURES).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ProtocolFeatures(u64);

impl ProtocolFeatures {
    /// Multiple queues. Since v1.2.
    pub const MQ: Self = Self(1 << 0);
    /// Acknowledgements.
    pub const REPLY_ACK: Self = Self(1 << 3);

    /// Every bit the specification defines.
    pub const ALL: Self = Self((1 << 0) | (1 << 3));
}

feature_bits!(ProtocolFeatures);

/// Virtio and vhost feature bits the protocol relies on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VirtioFeatures(u64);

impl VirtioFeatures {
    /// Protocol features are negotiated.
    pub const VHOST_USER_F_PROTOCOL_FEATURES: Self = Self(1 << 30);

    /// Every bit the specification defines.
    pub const ALL: Self = Self((1 << 30));
}

feature_bits!(VirtioFeatures);

/// One number.
#[repr(C, packed)]
#[derive(Clone, Copy)]
pub struct U64Value {
    pub value: u64,
}

const _: () = assert!(core::mem::size_of::<U64Value>() == 8);

/// One region.
#[repr(C, packed)]
#[derive(Clone, Copy)]
pub struct MemoryRegion {
    pub guest_phys_addr: u64,
    pub memory_size: u64,
}

const _: () = assert!(core::mem::size_of::<MemoryRegion>() == 16);

/// The table.
#[repr(C, packed)]
#[derive(Clone, Copy)]
pub struct Memory {
    pub num_regions: u32,
    pub padding: u32,
    pub regions: [MemoryRegion; 0],
}

const _: () = assert!(core::mem::size_of::<Memory>() == 8);

/// An IOTLB entry.
#[repr(C, packed)]
#[derive(Clone, Copy)]
pub struct IotlbMsg {
    pub iova: u64,
    pub perm: u8,
    pub padding: [u8; 7],
}

const _: () = assert!(core::mem::size_of::<IotlbMsg>() == 16);

#[cfg(test)]
mod tests {
    use super::*;
    use core::convert::TryFrom;

    #[test]
    fn every_request_number_maps_back_to_its_request() {
        assert_eq!(FrontEndRequest::try_from(1), Ok(FrontEndRequest::GetFeatures));
        assert_eq!(FrontEndRequest::GetFeatures as u32, 1);
        assert_eq!(FrontEndRequest::GetFeatures.name(), "VHOST_USER_GET_FEATURES");
        assert_eq!(FrontEndRequest::try_from(5), Ok(FrontEndRequest::SetMemTable));
        assert_eq!(FrontEndRequest::SetMemTable as u32, 5);
        assert_eq!(FrontEndRequest::SetMemTable.name(), "VHOST_USER_SET_MEM_TABLE");
        assert_eq!(FrontEndRequest::try_from(4), Ok(FrontEndRequest::ResetOwner));
        assert_eq!(FrontEndRequest::ResetOwner as u32, 4);
        assert_eq!(FrontEndRequest::ResetOwner.name(), "VHOST_USER_RESET_OWNER");
        assert_eq!(FrontEndRequest::try_from(0), Err(0));
        assert_eq!(BackEndRequest::try_from(1), Ok(BackEndRequest::IotlbMsg));
        assert_eq!(BackEndRequest::IotlbMsg as u32, 1);
        assert_eq!(BackEndRequest::IotlbMsg.name(), "VHOST_USER_BACKEND_IOTLB_MSG");
        assert_eq!(BackEndRequest::try_from(0), Err(0));
    }

    /// The offset of a field inside a packed struct, without reading it.
    macro_rules! offset {
        ($type:ty, $field:ident) => {{
            let value = core::mem::MaybeUninit::<$type>::uninit();
            let base = value.as_ptr();
            let field = unsafe { core::ptr::addr_of!((*base).$field) };
            field as *const u8 as usize - base as *const u8 as usize
        }};
    }

    #[test]
    fn payload_fields_sit_at_the_offsets_of_the_specification() {
        assert_eq!(offset!(U64Value, value), 0);
        assert_eq!(offset!(MemoryRegion, guest_phys_addr), 0);
        assert_eq!(offset!(MemoryRegion, memory_size), 8);
        assert_eq!(offset!(Memory, num_regions), 0);
        assert_eq!(offset!(Memory, padding), 4);
        assert_eq!(offset!(Memory, regions), 8);
        assert_eq!(offset!(IotlbMsg, iova), 0);
        assert_eq!(offset!(IotlbMsg, perm), 8);
        assert_eq!(offset!(IotlbMsg, padding), 9);
    }

    #[test]
    fn feature_sets_combine_and_report_unknown_bits() {
        let set = ProtocolFeatures::empty() | ProtocolFeatures::MQ;
        assert!(set.contains(ProtocolFeatures::MQ));
        assert_eq!(set.bits(), 1 << 0);
        assert_eq!(ProtocolFeatures::from_bits_retain(1 << 63).unknown(), 1 << 63);
        assert_eq!(ProtocolFeatures::ALL.unknown(), 0);
    }
}
