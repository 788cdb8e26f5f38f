//! Helpers shared by integration tests.

pub mod decoders;
pub mod examples;
