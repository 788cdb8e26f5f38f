//! The resolved intermediate representation: what emission reads.
//!
//! Validation turns schema + operations into this; emission turns it into Rust without
//! looking at the schema again. Everything here is already sorted and deduplicated, so
//! emitting it in order gives deterministic output.

use std::collections::BTreeMap;
use std::fmt;

use crate::catalogue;

/// The whole resolved input of one generator run.
#[derive(Debug, Clone, PartialEq)]
pub struct Ir {
    /// Operations, sorted by operation name (unique in a run).
    pub operations: Vec<Operation>,
    /// Input objects used (transitively) by some operation's variables, sorted by name.
    pub input_objects: Vec<InputObject>,
    /// Enums used by some variable or selected field, sorted by name.
    pub enums: Vec<Enum>,
    /// Named fragments, each emitted once as a shared struct, sorted by name.
    pub fragments: Vec<Fragment>,
    /// Every enum and input object of the schema, used or not, enums first, each sorted:
    /// the order the shared types take their Rust names in, so that a type's name does
    /// not depend on which others the operations use.
    pub shared_type_order: Vec<String>,
    /// Custom scalars used somewhere, sorted by name, with the Rust type path they map to
    /// (`{runtime}` in it standing for the runtime path, filled in at emission).
    pub scalars: BTreeMap<String, ScalarMapping>,
    /// The global error table (code → message) when a catalogue is used; empty otherwise.
    pub error_codes: BTreeMap<String, String>,
    /// The behaviour class of each classified code of [`Ir::error_codes`]; the others
    /// are of the class `Other`.
    pub error_classes: BTreeMap<String, catalogue::ErrorClass>,
}

/// How a custom scalar is represented in Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalarMapping {
    /// A Rust type path, e.g. `rust_decimal::Decimal` or `crate::JsonString`.
    pub rust_type: String,
}

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
    /// A custom scalar (see [`Ir::scalars`]).
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

/// One operation, validated and resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The operation name in the document (e.g. `AcceptGoodsQuote`).
    pub name: String,
    /// The root field the catalogue files it under, else the first one it selects (the
    /// operation name when it selects none).
    pub root_field: String,
    pub kind: OperationKind,
    /// The executable document exactly as sent on the wire: the operation, then every
    /// fragment it uses (transitively, sorted by name), with `__typename` added wherever an
    /// interface or union is selected.
    pub wire_document: String,
    pub variables: Vec<Variable>,
    /// The selection on the root type.
    pub selection: SelectionSet,
    /// The catalogue record, when the operation came from a catalogue.
    pub docs: Option<catalogue::Operation>,
    /// Deprecation of the root field (from the catalogue or the schema's `@deprecated`).
    pub deprecated: Option<Deprecated>,
}

/// A variable of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    /// GraphQL name without `$`.
    pub name: String,
    pub ty: TypeRef,
    pub kind: TypeKind,
    /// The default value as GraphQL source text, if the document gives one.
    pub default: Option<String>,
    /// Description of the argument it feeds (catalogue or schema).
    pub description: Option<String>,
}

/// A selection set on one parent type.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectionSet {
    /// The GraphQL type selected on.
    pub parent_type: String,
    pub parent_kind: TypeKind,
    /// Fields selected directly (including those from inline fragments on the parent type
    /// itself), in document order, merged by response key.
    pub fields: Vec<Field>,
    /// Named fragments spread here whose type condition is the parent type: each becomes a
    /// flattened field of the shared fragment struct. (A fragment on a wider type spread
    /// in an object selection is inlined into `fields` instead; one on a member of an
    /// abstract parent goes to that member's variant.)
    pub fragment_spreads: Vec<String>,
    /// For interfaces and unions: one entry per concrete type selected with `... on X` (or
    /// a fragment on X), sorted by type name. Empty for objects. `__typename` is always in
    /// the wire document for these.
    pub variants: Vec<Variant>,
}

/// A concrete member of an interface or union, with what is selected on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The object type name (the `__typename` value).
    pub type_name: String,
    /// Its selection: the fields selected on the abstract type plus those on this member.
    pub selection: SelectionSet,
}

/// One selected field.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key in the response JSON (alias if given, else the field name).
    pub response_key: String,
    /// The field name in the schema.
    pub field_name: String,
    /// The field's type in the schema (nullability and lists as declared).
    pub ty: TypeRef,
    pub kind: TypeKind,
    pub description: Option<String>,
    pub deprecated: Option<Deprecated>,
    /// The sub-selection, for object, interface and union fields.
    pub selection: Option<SelectionSet>,
}

/// A named fragment, emitted once as a shared struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    pub name: String,
    /// The type condition.
    pub on_type: String,
    /// True when synthesized from the schema for a `...XFragment` placeholder.
    pub synthesized: bool,
    pub selection: SelectionSet,
}

/// An input object used by some operation.
#[derive(Debug, Clone, PartialEq)]
pub struct InputObject {
    pub name: String,
    pub description: Option<String>,
    /// Fields in schema order.
    pub fields: Vec<InputField>,
}

/// A field of an input object.
#[derive(Debug, Clone, PartialEq)]
pub struct InputField {
    pub name: String,
    pub ty: TypeRef,
    pub kind: TypeKind,
    pub description: Option<String>,
    /// Default as GraphQL source text; a field with a default is optional even if non-null.
    pub default: Option<String>,
    pub deprecated: Option<Deprecated>,
}

/// A GraphQL enum used by some operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    pub name: String,
    pub description: Option<String>,
    /// Values in schema order.
    pub values: Vec<EnumValue>,
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    pub name: String,
    pub description: Option<String>,
    pub deprecated: Option<Deprecated>,
}
