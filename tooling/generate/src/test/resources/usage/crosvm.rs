//! Code shaped like crosvm's vmm_vhost back-end (request decoding, feature checks with
//! VHOST_USER_F_PROTOCOL_FEATURES as a bit number, payload construction), written against the
//! generated module where crosvm has its own message.rs definitions.

use crate::protocol::{
    FrontendReq, VhostUserInflight, VhostUserProtocolFeatures, VhostUserVringState,
    VHOST_USER_F_PROTOCOL_FEATURES,
};

/// Why a request could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReqError {
    /// The number matches no request.
    InvalidValue(u32),
}

/// Decodes a front-end request number.
pub fn decode(request: u32) -> Result<FrontendReq, ReqError> {
    FrontendReq::try_from(request).map_err(ReqError::InvalidValue)
}

/// The features a back-end offers: the protocol-features bit among the virtio ones.
pub fn offered_features(device: u64) -> u64 {
    device | 1 << VHOST_USER_F_PROTOCOL_FEATURES
}

/// True once the front-end acked protocol features.
pub fn protocol_features_acked(acked: u64) -> bool {
    acked & (1 << VHOST_USER_F_PROTOCOL_FEATURES) != 0
}

/// The protocol features this back-end supports.
pub fn supported() -> VhostUserProtocolFeatures {
    VhostUserProtocolFeatures::MQ
        | VhostUserProtocolFeatures::CONFIG
        | VhostUserProtocolFeatures::BACKEND_REQ
        | VhostUserProtocolFeatures::REPLY_ACK
}

/// Whether a request needs a protocol feature first.
pub fn needs(request: FrontendReq) -> Option<VhostUserProtocolFeatures> {
    match request {
        FrontendReq::GET_CONFIG | FrontendReq::SET_CONFIG => {
            Some(VhostUserProtocolFeatures::CONFIG)
        }
        FrontendReq::GET_QUEUE_NUM => Some(VhostUserProtocolFeatures::MQ),
        FrontendReq::SET_BACKEND_REQ_FD => Some(VhostUserProtocolFeatures::BACKEND_REQ),
        _ => None,
    }
}

/// A GET_VRING_BASE reply.
pub fn vring_base(index: u32, num: u32) -> VhostUserVringState {
    VhostUserVringState { index, num }
}

/// A GET_INFLIGHT_FD request.
pub fn inflight(num_queues: u16, queue_size: u16) -> VhostUserInflight {
    VhostUserInflight {
        num_queues,
        queue_size,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{BackendReq, VhostUserMemoryRegion};

    #[test]
    fn a_back_end_decodes_and_checks_features() {
        assert_eq!(decode(24), Ok(FrontendReq::GET_CONFIG));
        assert_eq!(
            decode(0xffff_0000),
            Err(ReqError::InvalidValue(0xffff_0000))
        );
        assert!(protocol_features_acked(offered_features(0)));
        let needed = needs(FrontendReq::GET_CONFIG).unwrap();
        assert!(supported().contains(needed));
        assert!(needs(FrontendReq::SET_OWNER).is_none());
        assert_eq!({ vring_base(1, 7).num }, 7);
        assert_eq!({ inflight(2, 256).queue_size }, 256);
        let region = VhostUserMemoryRegion::default();
        assert_eq!({ region.user_addr }, 0);
        assert_eq!(u32::from(BackendReq::CONFIG_CHANGE_MSG), 2);
    }
}
