//! The plan stage: the IR becomes named Rust shapes (structs, enums, their fields and
//! variants) before any token is written. Response types are planned here, input
//! structs in [`inputs`], GraphQL enums in [`enums`], an operation's module in
//! [`operations`].
//!
//! Every identifier is taken here, through [`crate::naming`], in the order the items
//! appear in the module; rendering ([`super::responses`], [`super::unions`],
//! [`super::inputs`], [`super::enums`]) only reads the finished shapes, one at a time. A
//! planned response shape comes before the shapes of its fields, so a module reads from
//! the outside in.
//!
//! Nested types are named by path: the type of field `b` inside type `A` is `AB`. In an
//! operation that selects one root field, that field's type is `Payload` and its
//! children start a fresh path (`payload.goodsPurchase` → `GoodsPurchase`). A selection
//! that is exactly one fragment spread is that fragment's struct, reused wherever it is
//! selected; a spread beside other fields is a `#[serde(flatten)]` field.
//!
//! An interface or union selected with `... on Member` is a [`UnionShape`]: one variant
//! per selected member plus the catch-all `UnknownMember`. Each member's struct holds
//! what is selected on the abstract type itself plus what is selected on the member;
//! the catch-all's struct holds `__typename` and what is selected on the abstract type.

mod enums;
mod inputs;
mod methods;
mod operations;

use std::collections::BTreeSet;

use proc_macro2::Ident;

pub(super) use enums::{enumeration, EnumShape};
pub(super) use inputs::{input, input_object, InputShape, Member, Presence};
pub(super) use methods::{methods, MethodShape, Takes};
pub(super) use operations::{operation, operation_ident, PageShape, Step};

use super::{docs, Context, EmitError};
use crate::ir::{Deprecated, Field, Fragment, SelectionSet, TypeRef};
use crate::naming::{self, Case, Namespace, WireNames};

/// The catch-all variant of a [`UnionShape`], reserved before the members' names.
pub(super) const CATCH_ALL: &str = "UnknownMember";

/// One planned item of a module.
pub(super) enum Shape {
    Struct(StructShape),
    Union(UnionShape),
}

/// A response struct.
pub(super) struct StructShape {
    pub ident: Ident,
    /// Sanitised Markdown.
    pub doc: String,
    /// Carries `#[serde(rename_all = "camelCase")]` (naming rule 6).
    pub camel_case: bool,
    /// Fields decoded from their own keys, in order (`__typename` first when held).
    pub fields: Vec<FieldShape>,
    /// Fragment spreads, each a `#[serde(flatten)]` field.
    pub spreads: Vec<SpreadShape>,
    /// Some response key is read by more than one part (its own fields and each spread),
    /// so the struct decodes by hand from a buffered value: serde gives each key to one
    /// part only.
    pub shared_keys: bool,
}

/// A field of a response struct.
pub(super) struct FieldShape {
    pub ident: Ident,
    /// The response key.
    pub key: String,
    /// The response key, when the field needs `#[serde(rename = ...)]`.
    pub rename: Option<String>,
    pub ty: FieldType,
    /// Sanitised Markdown.
    pub doc: Option<String>,
    pub deprecated: Option<Deprecated>,
}

/// A flattened fragment of a response struct.
pub(super) struct SpreadShape {
    pub ident: Ident,
    pub fragment: String,
    /// The fragment's struct in `types`.
    pub ty: Ident,
}

/// A Rust field type: a named leaf under the GraphQL type's list and null wrappers.
pub(crate) struct FieldType {
    pub graphql: TypeRef,
    pub leaf: Leaf,
}

/// The named Rust type at the bottom of a field type.
pub(crate) enum Leaf {
    /// A built-in or custom scalar's Rust type.
    Scalar(syn::Type),
    /// An enum, input object or fragment struct of `types`.
    Shared(Ident),
    /// A type of the module being planned.
    Local(Ident),
}

/// A tagged enum for an abstract selection with `... on` members.
pub(super) struct UnionShape {
    pub ident: Ident,
    /// Sanitised Markdown.
    pub doc: String,
    pub variants: Vec<VariantShape>,
    /// The catch-all variant and the struct it holds.
    pub catch_all: Ident,
    pub unknown: Ident,
    /// Sanitised Markdown, of the catch-all variant and its struct.
    pub unknown_doc: String,
}

/// A selected member of a union or interface.
pub(super) struct VariantShape {
    pub ident: Ident,
    /// The member's `__typename`.
    pub type_name: String,
    /// Needs `#[serde(rename = type_name)]`.
    pub rename: bool,
    pub payload: Leaf,
}

/// How the types of a struct's fields are named.
#[derive(Debug, Clone, Copy)]
pub(super) enum ChildNames<'a> {
    /// `prefix` + field name.
    Prefixed(&'a str),
    /// The one root field of an operation: `Payload`, children start a fresh path.
    Payload,
}

/// What a response struct is made of, before naming.
pub(super) struct Members<'a> {
    pub fields: Vec<&'a Field>,
    pub spreads: Vec<String>,
    /// Adds `typename: String` holding `__typename` (for catch-all members).
    pub typename: bool,
}

impl<'a> Members<'a> {
    /// The fields and spreads of a selection.
    pub fn of(selection: &'a SelectionSet) -> Self {
        Members {
            fields: selection.fields.iter().collect(),
            spreads: selection.fragment_spreads.clone(),
            typename: false,
        }
    }
}

/// Plans the shapes of one module, taking type names in its namespace.
pub(super) struct Planner<'a> {
    ctx: &'a Context,
    names: &'a mut Namespace,
}

impl<'a> Planner<'a> {
    pub fn new(ctx: &'a Context, names: &'a mut Namespace) -> Self {
        Planner { ctx, names }
    }

    /// Every fragment's shapes, under the name the context gave it.
    pub fn fragments(&mut self, fragments: &[Fragment]) -> Result<Vec<Shape>, EmitError> {
        let mut shapes = Vec::new();
        for fragment in fragments {
            let ident = self.ctx.fragment_ident(&fragment.name)?;
            let doc = format!(
                "The fragment `{}` on `{}`.",
                fragment.name, fragment.on_type
            );
            let prefix = ident.to_string();
            shapes.extend(self.selection(ident, &fragment.selection, doc, &prefix)?);
        }
        Ok(shapes)
    }

    /// The shapes of a selection named `ident`: a union when it has variants, a struct
    /// otherwise; then the shapes of its fields.
    fn selection(
        &mut self,
        ident: Ident,
        selection: &SelectionSet,
        doc: String,
        prefix: &str,
    ) -> Result<Vec<Shape>, EmitError> {
        if selection.variants.is_empty() {
            self.structure(
                ident,
                Members::of(selection),
                doc,
                ChildNames::Prefixed(prefix),
            )
        } else {
            self.union(ident, selection, doc)
        }
    }

    /// The type of a field with a sub-selection: the fragment struct when the selection
    /// is exactly one spread, otherwise a new type named `base` (suffixed if taken),
    /// whose shapes go to `nested`.
    fn selection_type(
        &mut self,
        selection: &SelectionSet,
        base: &str,
        child_prefix: Option<&str>,
        nested: &mut Vec<Shape>,
    ) -> Result<Leaf, EmitError> {
        if selection.variants.is_empty() {
            if let Some(fragment) = sole_spread(&selection.fields, &selection.fragment_spreads) {
                return Ok(Leaf::Shared(self.ctx.fragment_ident(fragment)?));
            }
        }
        let ident = self.names.name(base);
        let prefix = child_prefix.map_or_else(|| ident.to_string(), str::to_string);
        let doc = format!("Selection on `{}`.", selection.parent_type);
        nested.extend(self.selection(ident.clone(), selection, doc, &prefix)?);
        Ok(Leaf::Local(ident))
    }

    /// A response struct named `ident`, then the shapes of its fields.
    pub fn structure(
        &mut self,
        ident: Ident,
        members: Members,
        doc: String,
        child_names: ChildNames,
    ) -> Result<Vec<Shape>, EmitError> {
        let mut names = Namespace::new(Case::Snake);
        let mut fields = Vec::new();
        if members.typename {
            let field = names.name("__typename");
            fields.push(FieldShape {
                ident: field,
                key: "__typename".to_string(),
                rename: Some("__typename".to_string()),
                ty: FieldType {
                    graphql: TypeRef::NonNull(Box::new(TypeRef::Named("String".to_string()))),
                    leaf: Leaf::Scalar(syn::parse_quote!(String)),
                },
                doc: Some("The member's `__typename`.".to_string()),
                deprecated: None,
            });
        }
        let idents: Vec<_> = members
            .fields
            .iter()
            .map(|field| names.name(&field.response_key))
            .collect();
        let wire_names = WireNames::of(
            idents.iter().zip(
                members
                    .fields
                    .iter()
                    .map(|field| field.response_key.as_str()),
            ),
        );
        let mut nested = Vec::new();
        for (field, ident) in members.fields.iter().zip(idents) {
            let leaf = match &field.selection {
                Some(selection) => {
                    let (base, child_prefix) = match child_names {
                        ChildNames::Prefixed(prefix) => (
                            format!("{prefix}{}", naming::pascal(&field.response_key)),
                            None,
                        ),
                        ChildNames::Payload => ("Payload".to_string(), Some("")),
                    };
                    self.selection_type(selection, &base, child_prefix, &mut nested)?
                }
                None => match field.rust_type.as_deref() {
                    Some(own) => Leaf::Scalar(self.ctx.own_type(own)?.clone()),
                    None => self.ctx.leaf(field.ty.name(), field.kind)?,
                },
            };
            fields.push(FieldShape {
                rename: wire_names
                    .needs_rename(&ident, &field.response_key)
                    .then(|| field.response_key.clone()),
                ident,
                key: field.response_key.clone(),
                ty: FieldType {
                    graphql: field.ty.clone(),
                    leaf,
                },
                doc: field.description.as_deref().map(docs::sanitize),
                deprecated: field.deprecated.clone(),
            });
        }
        let spreads = members
            .spreads
            .iter()
            .map(|fragment| {
                Ok(SpreadShape {
                    ident: names.name(fragment),
                    fragment: fragment.clone(),
                    ty: self.ctx.fragment_ident(fragment)?,
                })
            })
            .collect::<Result<Vec<_>, EmitError>>()?;
        let shape = StructShape {
            ident,
            doc,
            camel_case: wire_names.camel_case,
            shared_keys: shares_keys(self.ctx, &members),
            fields,
            spreads,
        };
        let mut shapes = vec![Shape::Struct(shape)];
        shapes.extend(nested);
        Ok(shapes)
    }

    /// A tagged enum named `ident`, then each member's struct (with its fields' shapes)
    /// and the catch-all's.
    fn union(
        &mut self,
        ident: Ident,
        selection: &SelectionSet,
        doc: String,
    ) -> Result<Vec<Shape>, EmitError> {
        let mut variant_names = Namespace::new(Case::Pascal);
        let catch_all = variant_names.reserve(CATCH_ALL);
        let mut variants = Vec::new();
        let mut nested = Vec::new();
        for variant in &selection.variants {
            let name = variant_names.name(&variant.type_name);
            let members = Members {
                fields: without_typename(&variant.selection.fields),
                spreads: member_spreads(selection, &variant.selection),
                typename: false,
            };
            let payload = match sole_spread(&members.fields, &members.spreads) {
                Some(fragment) => Leaf::Shared(self.ctx.fragment_ident(fragment)?),
                None => {
                    let member = self
                        .names
                        .name(&format!("{ident}{}", naming::pascal(&variant.type_name)));
                    let doc = format!("The fields of `{}` selected here.", variant.type_name);
                    let prefix = member.to_string();
                    nested.extend(self.structure(
                        member.clone(),
                        members,
                        doc,
                        ChildNames::Prefixed(&prefix),
                    )?);
                    Leaf::Local(member)
                }
            };
            variants.push(VariantShape {
                rename: WireNames::default().needs_rename(&name, &variant.type_name),
                ident: name,
                type_name: variant.type_name.clone(),
                payload,
            });
        }
        let unknown = self.names.name(&format!("{ident}{CATCH_ALL}"));
        let unknown_doc = format!(
            "A member of `{}` not selected here or not known to this schema.",
            selection.parent_type
        );
        let members = Members {
            fields: without_typename(&selection.fields),
            spreads: selection.fragment_spreads.clone(),
            typename: true,
        };
        let prefix = unknown.to_string();
        nested.extend(self.structure(
            unknown.clone(),
            members,
            unknown_doc.clone(),
            ChildNames::Prefixed(&prefix),
        )?);
        let shape = UnionShape {
            ident,
            doc,
            variants,
            catch_all,
            unknown,
            unknown_doc,
        };
        let mut shapes = vec![Shape::Union(shape)];
        shapes.extend(nested);
        Ok(shapes)
    }
}

/// The one fragment spread of a selection with no fields of its own.
fn sole_spread<'a, F>(fields: &[F], spreads: &'a [String]) -> Option<&'a str> {
    match spreads {
        [only] if fields.is_empty() => Some(only),
        _ => None,
    }
}

/// True when a response key is read by more than one part of the struct (its own fields
/// and each spread fragment).
fn shares_keys(ctx: &Context, members: &Members) -> bool {
    if members.spreads.is_empty() {
        return false;
    }
    let mut seen: BTreeSet<&str> = members
        .fields
        .iter()
        .map(|field| field.response_key.as_str())
        .collect();
    if members.typename {
        seen.insert("__typename");
    }
    for spread in &members.spreads {
        for key in ctx.fragment_keys(spread) {
            if !seen.insert(key) {
                return true;
            }
        }
    }
    false
}

/// The fragments a member reads: those spread on the abstract type itself (which the
/// member's own selection does not repeat), then its own.
fn member_spreads(selection: &SelectionSet, member: &SelectionSet) -> Vec<String> {
    let mut spreads = selection.fragment_spreads.clone();
    for spread in &member.fragment_spreads {
        if !spreads.contains(spread) {
            spreads.push(spread.clone());
        }
    }
    spreads
}

/// The fields of a member's selection except `__typename`, which the variant carries.
fn without_typename(fields: &[Field]) -> Vec<&Field> {
    fields
        .iter()
        .filter(|field| field.field_name != "__typename")
        .collect()
}

#[cfg(test)]
mod tests;
