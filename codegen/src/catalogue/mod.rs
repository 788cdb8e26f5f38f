//! The operation catalogue under `schema/catalogue/`.

pub mod model;

pub use model::{Catalogue, Deprecation, Endpoint, Endpoints, FieldDoc, Operation};
