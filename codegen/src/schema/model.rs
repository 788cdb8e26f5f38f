//! The owned schema index: every named type with what validation and resolution need.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostics, Position, SourceFile};
use crate::type_system::{Deprecated, OperationKind, TypeKind, TypeRef};

/// The built-in scalars every schema has, whether or not the SDL declares them.
pub const BUILTIN_SCALARS: [&str; 5] = ["Boolean", "Float", "ID", "Int", "String"];

/// Where a definition is: an index into [`Schema::files`] and a position in that file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub file: usize,
    pub position: Position,
}

/// A loaded schema: named types plus the root operation types.
#[derive(Debug, Clone)]
pub struct Schema {
    /// The SDL files the schema was loaded from, in load order.
    pub files: Vec<SourceFile>,
    /// Every named type, built-in scalars included.
    pub types: BTreeMap<String, TypeDef>,
    /// Directives by name (without `@`): those the SDL defines, and the built-in
    /// `@skip` and `@include`.
    pub directives: BTreeMap<String, DirectiveDef>,
    pub query_type: Option<String>,
    pub mutation_type: Option<String>,
    pub subscription_type: Option<String>,
    /// The query root's meta-fields, `__schema` and `__type`, which no type declares.
    pub meta_fields: Vec<FieldDef>,
    /// Problems found in the SDL that loading worked around (e.g. a field defined
    /// twice: the first is kept), for the caller to show as warnings.
    pub warnings: Diagnostics,
}

/// One named type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    pub name: String,
    pub kind: TypeKind,
    pub description: Option<String>,
    /// `None` for built-in scalars the SDL does not declare.
    pub location: Option<Location>,
    /// Fields of objects and interfaces, in schema order.
    pub fields: Vec<FieldDef>,
    /// Fields of input objects, in schema order.
    pub input_fields: Vec<InputValueDef>,
    /// Values of enums, in schema order.
    pub enum_values: Vec<EnumValueDef>,
    /// Members of a union, in schema order.
    pub members: Vec<String>,
    /// Interfaces an object or interface declares with `implements`.
    pub interfaces: Vec<String>,
    /// For interfaces: the object types that implement it, sorted by name.
    pub implementors: Vec<String>,
}

/// A field of an object or interface.
#[derive(Debug, Clone)]
pub struct FieldDef {
    pub name: String,
    pub description: Option<String>,
    pub args: Vec<InputValueDef>,
    pub ty: TypeRef,
    pub deprecated: Option<Deprecated>,
    pub location: Location,
}

/// An argument or an input-object field.
#[derive(Debug, Clone)]
pub struct InputValueDef {
    pub name: String,
    pub description: Option<String>,
    pub ty: TypeRef,
    /// The default as GraphQL source text.
    pub default: Option<String>,
    pub deprecated: Option<Deprecated>,
    /// `None` for the arguments of the built-in `@skip` and `@include`.
    pub location: Option<Location>,
}

/// A directive definition.
#[derive(Debug, Clone)]
pub struct DirectiveDef {
    pub name: String,
    pub args: Vec<InputValueDef>,
}

/// One enum value.
#[derive(Debug, Clone)]
pub struct EnumValueDef {
    pub name: String,
    pub description: Option<String>,
    pub deprecated: Option<Deprecated>,
}

impl InputValueDef {
    /// Whether a value must be given: non-null and without a default.
    pub fn is_required(&self) -> bool {
        matches!(self.ty, TypeRef::NonNull(_)) && self.default.is_none()
    }
}

impl TypeKind {
    /// Objects, interfaces and unions: types that take a selection set.
    pub fn is_composite(self) -> bool {
        matches!(
            self,
            TypeKind::Object | TypeKind::Interface | TypeKind::Union
        )
    }

    /// Interfaces and unions.
    pub fn is_abstract(self) -> bool {
        matches!(self, TypeKind::Interface | TypeKind::Union)
    }

    /// Scalars, enums and input objects: types a variable may have.
    pub fn is_input(self) -> bool {
        matches!(
            self,
            TypeKind::BuiltinScalar
                | TypeKind::CustomScalar
                | TypeKind::Enum
                | TypeKind::InputObject
        )
    }

    /// Scalars and enums: types selected without a selection set.
    pub fn is_leaf(self) -> bool {
        matches!(
            self,
            TypeKind::BuiltinScalar | TypeKind::CustomScalar | TypeKind::Enum
        )
    }
}

impl Schema {
    pub fn get(&self, name: &str) -> Option<&TypeDef> {
        self.types.get(name)
    }

    pub fn kind(&self, name: &str) -> Option<TypeKind> {
        self.types.get(name).map(|ty| ty.kind)
    }

    /// The root type of an operation kind, if the schema has one.
    pub fn root_type(&self, kind: OperationKind) -> Option<&TypeDef> {
        let name = match kind {
            OperationKind::Query => self.query_type.as_deref(),
            OperationKind::Mutation => self.mutation_type.as_deref(),
            OperationKind::Subscription => self.subscription_type.as_deref(),
        }?;
        self.get(name)
    }

    /// The field `name` of `parent`: one it declares, or a meta-field of the query root.
    pub fn field<'s>(&'s self, parent: &'s TypeDef, name: &str) -> Option<&'s FieldDef> {
        parent.field(name).or_else(|| {
            let root = self.query_type.as_deref() == Some(parent.name.as_str());
            self.meta_fields
                .iter()
                .find(|field| root && field.name == name)
        })
    }

    /// The object types a value of `name` can be, sorted: itself for an object, the
    /// members of a union, the implementors of an interface.
    pub fn possible_types(&self, name: &str) -> Vec<&str> {
        let Some(ty) = self.get(name) else {
            return Vec::new();
        };
        let mut names: Vec<&str> = match ty.kind {
            TypeKind::Object => vec![ty.name.as_str()],
            TypeKind::Union => ty.members.iter().map(String::as_str).collect(),
            TypeKind::Interface => ty.implementors.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Whether a fragment on one type may be spread in a selection on the other: the
    /// same type, or some object possible for both.
    pub fn overlaps(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let left = self.possible_types(a);
        self.possible_types(b)
            .iter()
            .any(|name| left.contains(name))
    }
}

impl TypeDef {
    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|field| field.name == name)
    }

    pub fn input_field(&self, name: &str) -> Option<&InputValueDef> {
        self.input_fields.iter().find(|field| field.name == name)
    }
}

impl FieldDef {
    pub fn arg(&self, name: &str) -> Option<&InputValueDef> {
        self.args.iter().find(|arg| arg.name == name)
    }
}
