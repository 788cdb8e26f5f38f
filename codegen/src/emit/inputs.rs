//! Input objects and operation variables: serialize-only structs with a constructor
//! taking the required fields and one setter per optional field.
//!
//! A field is required when it is non-null without a default. Optional fields:
//! - nullable → `Nullable<T>`: absent (the default, not serialized), null, or a value;
//! - non-null with a default → `Option<T>`: absent or a value (null would be invalid).
//!
//! A field whose type leads back to its own input object through non-list fields is
//! boxed, so the struct has a finite size.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, required_type, Context, EmitError, Scope};
use crate::ir::{Deprecated, InputObject, TypeKind, TypeRef, Variable};
use crate::naming::{Case, Namespace, WireNames};

/// One field of an input struct: an input object field or an operation variable.
pub(super) struct Member<'a> {
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

/// Emits every input object into `types`.
pub(super) fn emit_objects(
    ctx: &Context,
    objects: &[InputObject],
) -> Result<TokenStream, EmitError> {
    let mut items = TokenStream::new();
    for object in objects {
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
        let ident = ctx.shared_type(&object.name)?;
        items.extend(emit_struct(ctx, &ident, &doc, &members, Scope::Types)?);
    }
    Ok(items)
}

/// How a member is held.
enum Presence {
    Required,
    Nullable,
    Defaulted,
}

impl Presence {
    fn of(member: &Member) -> Self {
        match (member.ty, member.has_default) {
            (TypeRef::NonNull(_), false) => Presence::Required,
            (TypeRef::NonNull(_), true) => Presence::Defaulted,
            _ => Presence::Nullable,
        }
    }
}

/// One input struct with its constructor and setters.
pub(super) fn emit_struct(
    ctx: &Context,
    ident: &Ident,
    doc: &str,
    members: &[Member],
    scope: Scope,
) -> Result<TokenStream, EmitError> {
    let runtime = ctx.runtime();
    let mut fields = Namespace::new(Case::Snake);
    let mut methods = Namespace::new(Case::Snake);
    methods.reserve("new");
    let mut declarations = Vec::new();
    let mut params = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    let field_names: Vec<_> = members
        .iter()
        .map(|member| fields.name(member.name))
        .collect();
    let wire_names = WireNames::of(
        field_names
            .iter()
            .zip(members.iter().map(|member| member.name)),
    );
    let rename_all = wire_names
        .camel_case
        .then(|| quote!(#[serde(rename_all = "camelCase")]));
    for (member, field) in members.iter().zip(field_names) {
        let leaf = ctx.leaf_type(&ctx.leaf(member.ty.name(), member.kind)?, scope);
        let leaf = if member.boxed {
            quote!(Box<#leaf>)
        } else {
            leaf
        };
        let value_type = required_type(member.ty, &leaf);
        let presence = Presence::of(member);
        let (field_type, serde_skip) = match presence {
            Presence::Required => (value_type.clone(), None),
            Presence::Nullable => {
                let skip = format!("{}::Nullable::is_absent", path_text(runtime));
                (
                    quote!(#runtime::Nullable<#value_type>),
                    Some(quote!(#[serde(default, skip_serializing_if = #skip)])),
                )
            }
            Presence::Defaulted => (
                quote!(Option<#value_type>),
                Some(quote!(#[serde(default, skip_serializing_if = "Option::is_none")])),
            ),
        };
        let doc = docs::attrs(&match member.description {
            Some(text) => docs::sanitize(text),
            None => format!("`{}`.", member.name),
        });
        let deprecated = docs::deprecated(member.deprecated);
        let rename = wire_names.needs_rename(&field, member.name).then(|| {
            let wire = member.name;
            quote!(#[serde(rename = #wire)])
        });
        declarations.push(quote! {
            #doc #deprecated #rename #serde_skip
            pub #field: #field_type,
        });
        match presence {
            Presence::Required => {
                params.push(quote!(#field: #value_type));
                inits.push(quote!(#field,));
            }
            Presence::Nullable => {
                inits.push(quote!(#field: #runtime::Nullable::Absent,));
                let setter = methods.name(member.name);
                setters.push(quote! {
                    #doc #deprecated
                    pub fn #setter(mut self, value: impl Into<#runtime::Nullable<#value_type>>) -> Self {
                        self.#field = value.into();
                        self
                    }
                });
            }
            Presence::Defaulted => {
                inits.push(quote!(#field: None,));
                let setter = methods.name(member.name);
                setters.push(quote! {
                    #doc #deprecated
                    #[inline]
                    pub fn #setter(mut self, value: #value_type) -> Self {
                        self.#field = Some(value);
                        self
                    }
                });
            }
        }
    }
    let all_optional = params.is_empty();
    // `Nullable` is never decoded, so inputs cannot derive `Deserialize`.
    let derives = if all_optional {
        ctx.derives(
            &["Debug", "Clone", "PartialEq", "Default", "Serialize"],
            &["Deserialize"],
        )
    } else {
        ctx.derives(
            &["Debug", "Clone", "PartialEq", "Serialize"],
            &["Deserialize"],
        )
    };
    let doc = docs::attrs(doc);
    Ok(quote! {
        #doc
        #derives
        #rename_all
        pub struct #ident {
            #(#declarations)*
        }

        impl #ident {
            /// A value with the required fields set and every optional field absent.
            #[inline]
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits)* }
            }
            #(#setters)*
        }
    })
}

/// A path as source text, for serde attributes that take a path in a string.
fn path_text(path: &syn::Path) -> String {
    quote!(#path).to_string().replace(' ', "")
}

/// Fields that close a cycle of input objects through non-list fields: (type, field).
pub(super) fn cyclic_fields(objects: &[InputObject]) -> BTreeSet<(String, String)> {
    let edges: BTreeMap<&str, Vec<(&str, &str)>> = objects
        .iter()
        .map(|object| {
            let targets = object
                .fields
                .iter()
                .filter(|field| field.kind == TypeKind::InputObject && !is_list(&field.ty))
                .map(|field| (field.name.as_str(), field.ty.name()))
                .collect();
            (object.name.as_str(), targets)
        })
        .collect();
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(current) = stack.pop() {
            if current == to {
                return true;
            }
            if seen.insert(current) {
                if let Some(next) = edges.get(current) {
                    stack.extend(next.iter().map(|(_, target)| *target));
                }
            }
        }
        false
    };
    edges
        .iter()
        .flat_map(|(object, targets)| {
            targets
                .iter()
                .filter(|(_, target)| reaches(target, object))
                .map(|(field, _)| (object.to_string(), field.to_string()))
        })
        .collect()
}

fn is_list(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::NonNull(inner) => is_list(inner),
        TypeRef::List(_) => true,
        TypeRef::Named(_) => false,
    }
}
