//! Input objects and operation variables, rendered from their planned [`InputShape`]s:
//! serialize-only structs with a constructor taking the required fields and one setter
//! per optional field.
//!
//! A field whose type leads back to its own input object through non-list fields is
//! boxed, so the struct has a finite size.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::shapes::{InputShape, Presence};
use super::{docs, required_type, Context, Scope};
use crate::ir::{InputObject, TypeKind};

/// One input struct with its constructor and setters.
pub(super) fn render(ctx: &Context, scope: Scope, shape: &InputShape) -> TokenStream {
    let runtime = ctx.runtime();
    let mut declarations = Vec::new();
    let mut params = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for field in &shape.fields {
        let name = &field.ident;
        let leaf = ctx.leaf_type(&field.ty.leaf, scope);
        let leaf = if field.boxed {
            quote!(Box<#leaf>)
        } else {
            leaf
        };
        let value_type = required_type(&field.ty.graphql, &leaf);
        let (field_type, serde_skip) = match &field.presence {
            Presence::Required => (value_type.clone(), None),
            Presence::Nullable { .. } => {
                let skip = format!("{}::Nullable::is_absent", path_text(runtime));
                (
                    quote!(#runtime::Nullable<#value_type>),
                    Some(quote!(#[serde(default, skip_serializing_if = #skip)])),
                )
            }
            Presence::Defaulted { .. } => (
                quote!(Option<#value_type>),
                Some(quote!(#[serde(default, skip_serializing_if = "Option::is_none")])),
            ),
        };
        let doc = docs::attrs(&field.doc);
        let deprecated = docs::deprecated(field.deprecated.as_ref());
        let rename = field
            .rename
            .as_ref()
            .map(|wire| quote!(#[serde(rename = #wire)]));
        declarations.push(quote! {
            #doc #deprecated #rename #serde_skip
            pub #name: #field_type,
        });
        match &field.presence {
            Presence::Required => {
                params.push(quote!(#name: #value_type));
                inits.push(quote!(#name,));
            }
            Presence::Nullable { setter } => {
                inits.push(quote!(#name: #runtime::Nullable::Absent,));
                setters.push(quote! {
                    #doc #deprecated
                    pub fn #setter(mut self, value: impl Into<#runtime::Nullable<#value_type>>) -> Self {
                        self.#name = value.into();
                        self
                    }
                });
            }
            Presence::Defaulted { setter } => {
                inits.push(quote!(#name: None,));
                setters.push(quote! {
                    #doc #deprecated
                    #[inline]
                    pub fn #setter(mut self, value: #value_type) -> Self {
                        self.#name = Some(value);
                        self
                    }
                });
            }
        }
    }
    // `Nullable` is never decoded, so inputs cannot derive `Deserialize`.
    let derives = if params.is_empty() {
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
    let doc = docs::attrs(&shape.doc);
    let ident = &shape.ident;
    let rename_all = shape
        .camel_case
        .then(|| quote!(#[serde(rename_all = "camelCase")]));
    quote! {
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
    }
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
                .filter(|field| field.kind == TypeKind::InputObject && !field.ty.is_list())
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
