//! The plan of input structs: input objects and each operation's `Variables`.
//!
//! A field is required when it is non-null without a default. Optional fields:
//! - nullable → `Nullable<T>`: absent (the default, not serialized), null, or a value;
//! - non-null with a default → `Option<T>`: absent or a value (null would be invalid).
//!
//! Each optional field has a setter; `new` takes the required ones.

use proc_macro2::Ident;

use super::super::{docs, Context, EmitError};
use super::FieldType;
use crate::ir::{Deprecated, InputObject, TypeKind, TypeRef, Variable};
use crate::naming::{Case, Namespace, WireNames};

/// An input struct with its constructor and setters.
pub(in crate::emit) struct InputShape {
    pub ident: Ident,
    /// Sanitised Markdown.
    pub doc: String,
    /// Carries `#[serde(rename_all = "camelCase")]` (naming rule 6).
    pub camel_case: bool,
    pub fields: Vec<InputFieldShape>,
}

/// A field of an input struct.
pub(in crate::emit) struct InputFieldShape {
    pub ident: Ident,
    /// The GraphQL name.
    pub name: String,
    pub presence: Presence,
    /// The GraphQL name, when the field needs `#[serde(rename = ...)]`.
    pub rename: Option<String>,
    /// The type of a value of the field (without `Nullable` or `Option`).
    pub ty: FieldType,
    /// The leaf is boxed, closing a cycle of input objects.
    pub boxed: bool,
    /// Sanitised Markdown.
    pub doc: String,
    pub deprecated: Option<Deprecated>,
}

/// How an input field is held, with the setter of an optional one.
pub(in crate::emit) enum Presence {
    /// Non-null without a default: a parameter of `new`.
    Required,
    /// Nullable: `Nullable<T>`, absent unless set.
    Nullable { setter: Ident },
    /// Non-null with a default: `Option<T>`, absent unless set.
    Defaulted { setter: Ident },
}

/// One field of an input struct before naming: an input object field or a variable.
pub(in crate::emit) struct Member<'a> {
    pub name: &'a str,
    pub ty: &'a TypeRef,
    pub kind: TypeKind,
    pub description: Option<&'a str>,
    pub has_default: bool,
    pub deprecated: Option<&'a Deprecated>,
    pub boxed: bool,
}

impl<'a> Member<'a> {
    pub fn of_variable(variable: &'a Variable) -> Self {
        Member {
            name: &variable.name,
            ty: &variable.ty,
            kind: variable.kind,
            description: variable.description.as_deref(),
            has_default: variable.default.is_some(),
            deprecated: None,
            boxed: false,
        }
    }
}

/// The shape of an input object, under the name the context gave it.
pub(in crate::emit) fn input_object(
    ctx: &Context,
    object: &InputObject,
) -> Result<InputShape, EmitError> {
    let members: Vec<_> = object
        .fields
        .iter()
        .map(|field| Member {
            name: &field.name,
            ty: &field.ty,
            kind: field.kind,
            description: field.description.as_deref(),
            has_default: field.default.is_some(),
            deprecated: field.deprecated.as_ref(),
            boxed: ctx
                .boxed
                .contains(&(object.name.clone(), field.name.clone())),
        })
        .collect();
    let doc = match &object.description {
        Some(text) => docs::sanitize(text),
        None => format!("The GraphQL input object `{}`.", object.name),
    };
    input(ctx, ctx.shared_type(&object.name)?, doc, &members)
}

/// The shape of an input struct named `ident`: field names first, in order, then the
/// setters' names, in their own namespace after the reserved `new`.
pub(in crate::emit) fn input(
    ctx: &Context,
    ident: Ident,
    doc: String,
    members: &[Member],
) -> Result<InputShape, EmitError> {
    let mut fields = Namespace::new(Case::Snake);
    let mut methods = Namespace::new(Case::Snake);
    methods.reserve("new");
    let idents: Vec<_> = members
        .iter()
        .map(|member| fields.name(member.name))
        .collect();
    let wire_names = WireNames::of(idents.iter().zip(members.iter().map(|member| member.name)));
    let fields = members
        .iter()
        .zip(idents)
        .map(|(member, ident)| {
            let presence = match (member.ty, member.has_default) {
                (TypeRef::NonNull(_), false) => Presence::Required,
                (TypeRef::NonNull(_), true) => Presence::Defaulted {
                    setter: methods.name(member.name),
                },
                _ => Presence::Nullable {
                    setter: methods.name(member.name),
                },
            };
            Ok(InputFieldShape {
                rename: wire_names
                    .needs_rename(&ident, member.name)
                    .then(|| member.name.to_string()),
                ident,
                name: member.name.to_string(),
                presence,
                ty: FieldType {
                    graphql: member.ty.clone(),
                    leaf: ctx.leaf(member.ty.name(), member.kind)?,
                },
                boxed: member.boxed,
                doc: match member.description {
                    Some(text) => docs::sanitize(text),
                    None => format!("`{}`.", member.name),
                },
                deprecated: member.deprecated.cloned(),
            })
        })
        .collect::<Result<_, EmitError>>()?;
    Ok(InputShape {
        ident,
        doc,
        camel_case: wire_names.camel_case,
        fields,
    })
}
