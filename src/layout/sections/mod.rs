//! The section builders, one file each. Each takes the shared context
//! ([`Ctx`](super::style::Ctx)) and returns a frame (or fills part of one), with
//! its structure nodes; none knows where on the page it will go.

pub(crate) mod card;
pub(crate) mod dose;
pub(crate) mod footer;
pub(crate) mod header;
pub(crate) mod log;
pub(crate) mod notes;
pub(crate) mod pictures;
pub(crate) mod plan;
pub(crate) mod qr;
pub(crate) mod safety;
