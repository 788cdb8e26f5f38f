//! The operation catalogue under `schema/catalogue/`.

pub mod document;
pub mod files;
pub mod listing;
mod load;
pub mod model;
mod save;

pub use load::load;
pub use model::{Catalogue, Deprecation, Endpoint, Endpoints, FieldDoc, Operation};
pub use save::{write, WriteSummary};
