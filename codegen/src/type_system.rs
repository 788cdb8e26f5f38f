//! The GraphQL type-system vocabulary that the schema index and the IR share: type
//! references, kinds of named types, operation kinds and deprecations.
//!
//! It sits below both so that the schema stage does not import the IR, which is built
//! after it.

use std::fmt;

/// A GraphQL type reference as written in the schema, with its wrappers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    Named(String),
    List(Box<TypeRef>),
    NonNull(Box<TypeRef>),
}

impl TypeRef {
    /// The innermost named type.
    pub fn name(&self) -> &str {
        match self {
            TypeRef::Named(name) => name,
            TypeRef::List(inner) | TypeRef::NonNull(inner) => inner.name(),
        }
    }

    /// A list, nullable or not.
    pub fn is_list(&self) -> bool {
        match self {
            TypeRef::Named(_) => false,
            TypeRef::List(_) => true,
            TypeRef::NonNull(inner) => inner.is_list(),
        }
    }
}

impl fmt::Display for TypeRef {
    /// GraphQL notation: `[Int!]!`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Named(name) => f.write_str(name),
            TypeRef::List(inner) => write!(f, "[{inner}]"),
            TypeRef::NonNull(inner) => write!(f, "{inner}!"),
        }
    }
}

/// What kind of named type a field or variable has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeKind {
    /// A built-in scalar (`Int`, `Float`, `String`, `Boolean`, `ID`).
    BuiltinScalar,
    /// A custom scalar (see [`Ir::scalars`](crate::ir::Ir::scalars)).
    CustomScalar,
    Enum,
    InputObject,
    Object,
    Interface,
    Union,
}

/// Which root type an operation starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    Query,
    Mutation,
    Subscription,
}

impl OperationKind {
    /// The keyword that starts such an operation: `query`, `mutation`, `subscription`.
    pub fn keyword(self) -> &'static str {
        match self {
            OperationKind::Query => "query",
            OperationKind::Mutation => "mutation",
            OperationKind::Subscription => "subscription",
        }
    }
}

/// Deprecation of something generated (operation, field, enum value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecated {
    /// The text for `#[deprecated(note = ...)]`.
    pub note: String,
}
