//! One difference between two schemas: what kind, where (a schema coordinate), and the
//! old and new values that make it.

use std::fmt;

/// What changed. The order is the order of the report: removals and type changes first,
/// then additions to closed sets, deprecations, defaults, and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    TypeRemoved,
    TypeKindChanged,
    FieldRemoved,
    FieldTypeChanged,
    ArgumentRemoved,
    ArgumentTypeChanged,
    ArgumentMadeRequired,
    RequiredArgumentAdded,
    InputFieldRemoved,
    InputFieldTypeChanged,
    InputFieldMadeRequired,
    RequiredInputFieldAdded,
    EnumValueRemoved,
    UnionMemberRemoved,
    ImplementationRemoved,
    EnumValueAdded,
    UnionMemberAdded,
    ImplementationAdded,
    Deprecated,
    RemovalDateReached,
    ArgumentDefaultChanged,
    InputFieldDefaultChanged,
    FieldMadeNonNull,
    ArgumentMadeNullable,
    InputFieldMadeNullable,
    TypeAdded,
    FieldAdded,
    OptionalArgumentAdded,
    OptionalInputFieldAdded,
    DeprecationRemoved,
    DeprecationReasonChanged,
    DescriptionChanged,
}

impl Kind {
    /// The words the report uses for it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::TypeRemoved => "type removed",
            Kind::TypeKindChanged => "type kind changed",
            Kind::FieldRemoved => "field removed",
            Kind::FieldTypeChanged => "field type changed",
            Kind::ArgumentRemoved => "argument removed",
            Kind::ArgumentTypeChanged => "argument type changed",
            Kind::ArgumentMadeRequired => "argument made required",
            Kind::RequiredArgumentAdded => "required argument added",
            Kind::InputFieldRemoved => "input field removed",
            Kind::InputFieldTypeChanged => "input field type changed",
            Kind::InputFieldMadeRequired => "input field made required",
            Kind::RequiredInputFieldAdded => "required input field added",
            Kind::EnumValueRemoved => "enum value removed",
            Kind::UnionMemberRemoved => "union member removed",
            Kind::ImplementationRemoved => "implementation removed",
            Kind::EnumValueAdded => "enum value added",
            Kind::UnionMemberAdded => "union member added",
            Kind::ImplementationAdded => "implementation added",
            Kind::Deprecated => "deprecated",
            Kind::RemovalDateReached => "removal date reached",
            Kind::ArgumentDefaultChanged => "argument default changed",
            Kind::InputFieldDefaultChanged => "input field default changed",
            Kind::FieldMadeNonNull => "field made non-null",
            Kind::ArgumentMadeNullable => "argument made nullable",
            Kind::InputFieldMadeNullable => "input field made nullable",
            Kind::TypeAdded => "type added",
            Kind::FieldAdded => "field added",
            Kind::OptionalArgumentAdded => "optional argument added",
            Kind::OptionalInputFieldAdded => "optional input field added",
            Kind::DeprecationRemoved => "deprecation removed",
            Kind::DeprecationReasonChanged => "deprecation reason changed",
            Kind::DescriptionChanged => "description changed",
        }
    }
}

/// Where a change is, written as a GraphQL schema coordinate (`Type.field(arg:)`), or
/// in SDL's own words for union members and interface implementations.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Coordinate {
    Type(String),
    /// A field of an object or interface.
    Field(String, String),
    /// Type, field, argument.
    Argument(String, String, String),
    InputField(String, String),
    EnumValue(String, String),
    /// Union, member.
    Member(String, String),
    /// Object or interface, the interface it implements.
    Implementation(String, String),
}

impl fmt::Display for Coordinate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Coordinate::Type(name) => f.write_str(name),
            Coordinate::Field(ty, field) | Coordinate::InputField(ty, field) => {
                write!(f, "{ty}.{field}")
            }
            Coordinate::Argument(ty, field, arg) => write!(f, "{ty}.{field}({arg}:)"),
            Coordinate::EnumValue(ty, value) => write!(f, "{ty}.{value}"),
            Coordinate::Member(union, member) => write!(f, "{union} = {member}"),
            Coordinate::Implementation(ty, interface) => write!(f, "{ty} implements {interface}"),
        }
    }
}

/// One change. `old` and `new` are what the report prints for the two sides (a type
/// reference, a kind, a default, a removal date), when the kind has them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub kind: Kind,
    pub coordinate: Coordinate,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Change {
    pub fn at(kind: Kind, coordinate: Coordinate) -> Self {
        Change {
            kind,
            coordinate,
            old: None,
            new: None,
        }
    }

    /// With the old side.
    pub fn was(mut self, old: impl fmt::Display) -> Self {
        self.old = Some(old.to_string());
        self
    }

    /// With the new side.
    pub fn now(mut self, new: impl fmt::Display) -> Self {
        self.new = Some(new.to_string());
        self
    }
}

impl fmt::Display for Change {
    /// `Type.field: String! → String`, `Type.field (was String)`, `Type.field: String`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.coordinate)?;
        match (&self.old, &self.new) {
            (Some(old), Some(new)) => write!(f, ": {old} → {new}"),
            (Some(old), None) => write!(f, " (was {old})"),
            (None, Some(new)) => write!(f, ": {new}"),
            (None, None) => Ok(()),
        }
    }
}
