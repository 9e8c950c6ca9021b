// SPDX-License-Identifier: BSD-3-Clause
// Generated from the vhost-user protocol registry. Do not edit: change the registry and
// regenerate. This file is a listing of protocol facts; it may be copied, modified and
// redistributed under the licence named by its SPDX identifier.
//
// Profile: crosvm
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
pub const VHOST_USER_HEADER_SIZE: u32 = 12;
/// descriptors per message
pub const VHOST_USER_MAX_FDS: u32 = 8;
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

// Ring address options. (vring_addr_flags)
/// log the used ring
pub const VHOST_VRING_F_LOG: u32 = 0;

// Which way state goes. (transfer_direction)
pub const VHOST_TRANSFER_STATE_DIRECTION_SAVE: u32 = 0;
pub const VHOST_TRANSFER_STATE_DIRECTION_LOAD: u32 = 1;

/// Requests the front-end sends on the main socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum FrontendReq {
    /// Asks for the feature bits. Since v1.0.
    GET_FEATURES = 1,
    /// Deprecated. Old reset.
    RESET_OWNER = 4,
    /// Sends the memory table.
    SET_MEM_TABLE = 5,
    /// Proposed, not yet agreed. Turns the shine on.
    #[cfg(feature = "proposed")]
    SET_SHINY = 50,
}

impl FrontendReq {
    /// The request's name as the specification spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::GET_FEATURES => "VHOST_USER_GET_FEATURES",
            Self::RESET_OWNER => "VHOST_USER_RESET_OWNER",
            Self::SET_MEM_TABLE => "VHOST_USER_SET_MEM_TABLE",
            #[cfg(feature = "proposed")]
            Self::SET_SHINY => "VHOST_USER_SET_SHINY",
        }
    }

    /// Where the request stands in the specification.
    pub const fn status(self) -> Status {
        match self {
            Self::GET_FEATURES => Status::Stable,
            Self::RESET_OWNER => Status::Deprecated,
            Self::SET_MEM_TABLE => Status::Stable,
            #[cfg(feature = "proposed")]
            Self::SET_SHINY => Status::Proposed,
        }
    }
}

impl From<FrontendReq> for u32 {
    fn from(request: FrontendReq) -> u32 {
        request as u32
    }
}

impl TryFrom<u32> for FrontendReq {
    type Error = u32;

    /// The request with this number, or the number itself when none has it.
    fn try_from(value: u32) -> Result<Self, u32> {
        match value {
            1 => Ok(Self::GET_FEATURES),
            4 => Ok(Self::RESET_OWNER),
            5 => Ok(Self::SET_MEM_TABLE),
            #[cfg(feature = "proposed")]
            50 => Ok(Self::SET_SHINY),
            other => Err(other),
        }
    }
}

/// Requests the back-end sends on the back-end channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum BackendReq {
    /// Reports an IOTLB miss.
    IOTLB_MSG = 1,
}

impl BackendReq {
    /// The request's name as the specification spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::IOTLB_MSG => "VHOST_USER_BACKEND_IOTLB_MSG",
        }
    }

    /// Where the request stands in the specification.
    pub const fn status(self) -> Status {
        match self {
            Self::IOTLB_MSG => Status::Stable,
        }
    }
}

impl From<BackendReq> for u32 {
    fn from(request: BackendReq) -> u32 {
        request as u32
    }
}

impl TryFrom<u32> for BackendReq {
    type Error = u32;

    /// The request with this number, or the number itself when none has it.
    fn try_from(value: u32) -> Result<Self, u32> {
        match value {
            1 => Ok(Self::IOTLB_MSG),
            other => Err(other),
        }
    }
}

/// The operations of a bit-set type, as the `bitflags` crate names them.
macro_rules! bit_set {
    ($type:ident, $bits:ty, $all:expr) => {
        impl $type {
            /// No bit set.
            pub const fn empty() -> Self {
                Self(0)
            }

            /// Every bit the specification defines.
            pub const fn all() -> Self {
                Self($all)
            }

            /// The bits as sent on the wire.
            pub const fn bits(&self) -> $bits {
                self.0
            }

            /// The set, or nothing when a bit is set that the specification does not define.
            pub const fn from_bits(bits: $bits) -> Option<Self> {
                if Self::from_bits_truncate(bits).0 == bits {
                    Some(Self(bits))
                } else {
                    None
                }
            }

            /// The set without the bits the specification does not define.
            pub const fn from_bits_truncate(bits: $bits) -> Self {
                Self(bits & Self::all().0)
            }

            /// The set with every bit as received, unknown ones included.
            pub const fn from_bits_retain(bits: $bits) -> Self {
                Self(bits)
            }

            /// True when no bit is set.
            pub const fn is_empty(&self) -> bool {
                self.0 == 0
            }

            /// True when every known bit is set.
            pub const fn is_all(&self) -> bool {
                self.0 & Self::all().0 == Self::all().0
            }

            /// True when every bit of `other` is set here.
            pub const fn contains(&self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }

            /// True when some bit of `other` is set here.
            pub const fn intersects(&self, other: Self) -> bool {
                self.0 & other.0 != 0
            }

            /// The bits set here that the specification does not define.
            pub const fn unknown(&self) -> $bits {
                self.0 & !Self::all().0
            }

            /// Sets the bits of `other`.
            pub fn insert(&mut self, other: Self) {
                self.0 |= other.0;
            }

            /// Clears the bits of `other`.
            pub fn remove(&mut self, other: Self) {
                self.0 &= !other.0;
            }

            /// Flips the bits of `other`.
            pub fn toggle(&mut self, other: Self) {
                self.0 ^= other.0;
            }

            /// Sets or clears the bits of `other`.
            pub fn set(&mut self, other: Self, value: bool) {
                if value {
                    self.insert(other);
                } else {
                    self.remove(other);
                }
            }

            /// The bits set in either.
            #[must_use]
            pub const fn union(self, other: Self) -> Self {
                Self(self.0 | other.0)
            }

            /// The bits set in both.
            #[must_use]
            pub const fn intersection(self, other: Self) -> Self {
                Self(self.0 & other.0)
            }

            /// The bits set here and not in `other`.
            #[must_use]
            pub const fn difference(self, other: Self) -> Self {
                Self(self.0 & !other.0)
            }

            /// The bits set in exactly one of the two.
            #[must_use]
            pub const fn symmetric_difference(self, other: Self) -> Self {
                Self(self.0 ^ other.0)
            }

            /// The known bits not set here.
            #[must_use]
            pub const fn complement(self) -> Self {
                Self(!self.0 & Self::all().0)
            }
        }

        impl core::ops::BitOr for $type {
            type Output = Self;

            fn bitor(self, other: Self) -> Self {
                self.union(other)
            }
        }

        impl core::ops::BitOrAssign for $type {
            fn bitor_assign(&mut self, other: Self) {
                self.insert(other);
            }
        }

        impl core::ops::BitAnd for $type {
            type Output = Self;

            fn bitand(self, other: Self) -> Self {
                self.intersection(other)
            }
        }

        impl core::ops::BitAndAssign for $type {
            fn bitand_assign(&mut self, other: Self) {
                self.0 &= other.0;
            }
        }

        impl core::ops::BitXor for $type {
            type Output = Self;

            fn bitxor(self, other: Self) -> Self {
                self.symmetric_difference(other)
            }
        }

        impl core::ops::BitXorAssign for $type {
            fn bitxor_assign(&mut self, other: Self) {
                self.toggle(other);
            }
        }

        impl core::ops::Sub for $type {
            type Output = Self;

            fn sub(self, other: Self) -> Self {
                self.difference(other)
            }
        }

        impl core::ops::SubAssign for $type {
            fn sub_assign(&mut self, other: Self) {
                self.remove(other);
            }
        }

        impl core::ops::Not for $type {
            type Output = Self;

            fn not(self) -> Self {
                self.complement()
            }
        }

        impl core::iter::FromIterator<$type> for $type {
            fn from_iter<I: IntoIterator<Item = Self>>(items: I) -> Self {
                items.into_iter().fold(Self::empty(), Self::union)
            }
        }

        impl core::iter::Extend<$type> for $type {
            fn extend<I: IntoIterator<Item = Self>>(&mut self, items: I) {
                for item in items {
                    self.insert(item);
                }
            }
        }
    };
}

/// Flags of the message header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VhostUserHeaderFlag(u32);

impl VhostUserHeaderFlag {
    /// null
    pub const VERSION: Self = Self(0x3);
    /// null
    pub const REPLY: Self = Self(1 << 2);
}

bit_set!(VhostUserHeaderFlag, u32, 0x7);

/// Protocol feature bits (GET/SET_PROTOCOL_FEATURES).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VhostUserProtocolFeatures(u64);

impl VhostUserProtocolFeatures {
    /// Multiple queues. Since v1.2.
    pub const MQ: Self = Self(1);
    /// Acknowledgements.
    pub const REPLY_ACK: Self = Self(1 << 3);
    /// Proposed, not yet agreed. Shine.
    #[cfg(feature = "proposed")]
    pub const SHINY: Self = Self(1 << 9);
}

#[cfg(feature = "proposed")]
bit_set!(VhostUserProtocolFeatures, u64, 0x209);
#[cfg(not(feature = "proposed"))]
bit_set!(VhostUserProtocolFeatures, u64, 0x9);

// Virtio and vhost feature bits the protocol relies on.
/// Protocol features are negotiated.
pub const VHOST_USER_F_PROTOCOL_FEATURES: u32 = 30;
/// Modern device.
pub const VIRTIO_F_VERSION_1: u32 = 32;

/// Access rights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum IotlbPerm {
    RO = 1,
    WO = 2,
}

impl From<IotlbPerm> for u8 {
    fn from(value: IotlbPerm) -> u8 {
        value as u8
    }
}

impl TryFrom<u8> for IotlbPerm {
    type Error = u8;

    fn try_from(value: u8) -> Result<Self, u8> {
        match value {
            1 => Ok(Self::RO),
            2 => Ok(Self::WO),
            other => Err(other),
        }
    }
}

/// Bits of a ring fd payload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VringFdFlags(u64);

impl VringFdFlags {
    /// null
    pub const IDX_MASK: Self = Self(0xff);
    /// null
    pub const NOFD_MASK: Self = Self(1 << 8);
}

bit_set!(VringFdFlags, u64, 0x1ff);

/// Ring address options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VhostUserVringAddrFlags(u32);

impl VhostUserVringAddrFlags {
    /// log the used ring
    pub const VHOST_VRING_F_LOG: Self = Self(1);
}

bit_set!(VhostUserVringAddrFlags, u32, 0x1);

/// Which way state goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum VhostTransferStateDirection {
    SAVE = 0,
    LOAD = 1,
}

impl From<VhostTransferStateDirection> for u32 {
    fn from(value: VhostTransferStateDirection) -> u32 {
        value as u32
    }
}

impl TryFrom<u32> for VhostTransferStateDirection {
    type Error = u32;

    fn try_from(value: u32) -> Result<Self, u32> {
        match value {
            0 => Ok(Self::SAVE),
            1 => Ok(Self::LOAD),
            other => Err(other),
        }
    }
}

/// One number.
#[repr(C, packed)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VhostUserU64 {
    pub value: u64,
}

const _: () = assert!(core::mem::size_of::<VhostUserU64>() == 8);

/// One region.
#[repr(C, packed)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VhostUserMemoryRegion {
    pub guest_phys_addr: u64,
    pub memory_size: u64,
}

const _: () = assert!(core::mem::size_of::<VhostUserMemoryRegion>() == 16);

/// The table.
#[repr(C, packed)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VhostUserMemory {
    pub num_regions: u32,
    pub padding1: u32,
    // Followed on the wire by the entries of regions: [VhostUserMemoryRegion].
}

const _: () = assert!(core::mem::size_of::<VhostUserMemory>() == 8);

/// An IOTLB entry.
#[repr(C, packed)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VhostUserIotlbMsg {
    pub iova: u64,
    pub perm: u8,
    pub padding: [u8; 7],
}

const _: () = assert!(core::mem::size_of::<VhostUserIotlbMsg>() == 16);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_request_number_maps_back_to_its_request() {
        assert_eq!(FrontendReq::try_from(1), Ok(FrontendReq::GET_FEATURES));
        assert_eq!(u32::from(FrontendReq::GET_FEATURES), 1);
        assert_eq!(FrontendReq::GET_FEATURES.name(), "VHOST_USER_GET_FEATURES");
        assert_eq!(FrontendReq::try_from(5), Ok(FrontendReq::SET_MEM_TABLE));
        assert_eq!(u32::from(FrontendReq::SET_MEM_TABLE), 5);
        assert_eq!(
            FrontendReq::SET_MEM_TABLE.name(),
            "VHOST_USER_SET_MEM_TABLE",
        );
        assert_eq!(FrontendReq::try_from(4), Ok(FrontendReq::RESET_OWNER));
        assert_eq!(u32::from(FrontendReq::RESET_OWNER), 4);
        assert_eq!(FrontendReq::RESET_OWNER.name(), "VHOST_USER_RESET_OWNER");
        assert_eq!(FrontendReq::try_from(u32::MAX), Err(u32::MAX));
        assert_eq!(BackendReq::try_from(1), Ok(BackendReq::IOTLB_MSG));
        assert_eq!(u32::from(BackendReq::IOTLB_MSG), 1);
        assert_eq!(BackendReq::IOTLB_MSG.name(), "VHOST_USER_BACKEND_IOTLB_MSG");
        assert_eq!(BackendReq::try_from(u32::MAX), Err(u32::MAX));
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
        assert_eq!(offset!(VhostUserU64, value), 0);
        assert_eq!(offset!(VhostUserMemoryRegion, guest_phys_addr), 0);
        assert_eq!(offset!(VhostUserMemoryRegion, memory_size), 8);
        assert_eq!(offset!(VhostUserMemory, num_regions), 0);
        assert_eq!(offset!(VhostUserMemory, padding1), 4);
        assert_eq!(offset!(VhostUserIotlbMsg, iova), 0);
        assert_eq!(offset!(VhostUserIotlbMsg, perm), 8);
        assert_eq!(offset!(VhostUserIotlbMsg, padding), 9);
    }

    #[test]
    fn feature_sets_combine_and_report_unknown_bits() {
        let mut set = VhostUserProtocolFeatures::empty() | VhostUserProtocolFeatures::MQ;
        assert!(set.contains(VhostUserProtocolFeatures::MQ));
        assert_eq!(set.bits(), 1);
        set -= VhostUserProtocolFeatures::MQ;
        assert!(set.is_empty());
        assert_eq!(
            VhostUserProtocolFeatures::from_bits_retain(1 << 63).unknown(),
            1 << 63,
        );
        assert_eq!(VhostUserProtocolFeatures::from_bits(1 << 63), None);
        assert_eq!(VhostUserProtocolFeatures::all().unknown(), 0);
        assert_eq!(
            !VhostUserProtocolFeatures::all(),
            VhostUserProtocolFeatures::empty(),
        );
    }
}
