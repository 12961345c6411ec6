//! The types that flow between storyline's stages.
//!
//! `sources` yields [`RawDoc`]s, `extract` turns each into one or more [`Article`]s,
//! `analyze` turns an article into an [`Analysis`] (a pure function), `link` assigns
//! [`LinkIds`] and `store` persists both. Field names are part of the public JSON
//! record documented in the README: rename nothing without a version bump.
//!
//! All spans are UTF-8 byte offsets into [`Analysis::text`].

mod analysis;
mod article;

pub use analysis::*;
pub use article::*;
