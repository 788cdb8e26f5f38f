//! The GraphQL schema: loading SDL, checking it, and indexing it for validation.

pub mod check;
