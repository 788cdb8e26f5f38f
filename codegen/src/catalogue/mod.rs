//! The operation catalogue under `schema/catalogue/`.

pub(crate) mod availability;
mod classes;
pub mod document;
pub(crate) mod files;
#[cfg(feature = "tools")]
pub mod listing;
mod load;
pub mod model;
mod read;
#[cfg(feature = "tools")]
mod save;
mod source;

pub use load::load;
pub use model::{
    Availability, Catalogue, Deprecation, Endpoint, Endpoints, ErrorClass, FieldDoc, Operation,
};
#[cfg(feature = "tools")]
pub use save::{write, WriteSummary};
