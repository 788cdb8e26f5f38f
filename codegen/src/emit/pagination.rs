//! The runtime's `Paginated` for each operation the IR gives a [`Pagination`]: how to
//! set the page size and cursor in its `Variables`, and how to read the next cursor from
//! its `ResponseData`.
//!
//! Field names are made as the `Variables` and response structs make them: each
//! struct's fields named in order in one snake-case namespace.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Context;
use crate::ir::{Field, Operation, Pagination, SelectionSet, TypeRef};
use crate::naming::{Case, Namespace};

/// `impl Paginated for <operation>`, or nothing for an operation without pagination.
pub(super) fn emit(ctx: &Context, operation: &Operation, operation_ident: &Ident) -> TokenStream {
    let Some(pagination) = &operation.pagination else {
        return TokenStream::new();
    };
    let Some(next_cursor) = next_cursor(&operation.selection, pagination) else {
        return TokenStream::new();
    };
    let variable = |name: &str| {
        let mut names = Namespace::new(Case::Snake);
        let idents: Vec<Ident> = operation
            .variables
            .iter()
            .map(|variable| names.name(&variable.name))
            .collect();
        let index = operation
            .variables
            .iter()
            .position(|variable| variable.name == name);
        index.map(|index| idents[index].clone())
    };
    let Some(after) = variable(&pagination.after) else {
        return TokenStream::new();
    };
    let set_first = pagination
        .first
        .as_deref()
        .and_then(variable)
        .map(|first| quote!(variables.#first = i64::from(page_size).into();));
    let page_size = if set_first.is_some() {
        quote!(page_size)
    } else {
        quote!(_page_size)
    };
    let runtime = ctx.runtime();
    quote! {
        impl #runtime::Paginated for #operation_ident {
            fn set_page(variables: &mut Variables, #page_size: u32, after: Option<String>) {
                #set_first
                if let Some(after) = after {
                    variables.#after = after.into();
                }
            }

            fn next_cursor(data: &ResponseData) -> Option<String> {
                #next_cursor
            }
        }
    }
}

/// The body of `next_cursor`: down the path to the connection, then its `pageInfo`.
fn next_cursor(root: &SelectionSet, pagination: &Pagination) -> Option<TokenStream> {
    let mut access = quote!(data);
    let mut selection = root;
    for key in &pagination.path {
        let (field, ident) = field(selection, key)?;
        access = step(access, &ident, &field.ty);
        selection = field.selection.as_ref()?;
    }
    let (page_info, ident) = field(selection, "pageInfo")?;
    let info = step(access, &ident, &page_info.ty);
    let info_selection = page_info.selection.as_ref()?;
    let (has_next, has_next_ident) = field(info_selection, "hasNextPage")?;
    let (end_cursor, end_cursor_ident) = field(info_selection, "endCursor")?;
    let has_next = if is_nullable(&has_next.ty) {
        quote!(info.#has_next_ident == Some(true))
    } else {
        quote!(info.#has_next_ident)
    };
    let cursor = if is_nullable(&end_cursor.ty) {
        quote!(info.#end_cursor_ident.clone())
    } else {
        quote!(Some(info.#end_cursor_ident.clone()))
    };
    Some(quote! {
        let info = &#info;
        if #has_next { #cursor } else { None }
    })
}

/// The field of `selection` with response key `key`, and its Rust name.
fn field<'s>(selection: &'s SelectionSet, key: &str) -> Option<(&'s Field, Ident)> {
    let mut names = Namespace::new(Case::Snake);
    selection
        .fields
        .iter()
        .map(|field| (field, names.name(&field.response_key)))
        .find(|(field, _)| field.response_key == key)
}

/// `access.field`, through the `Option` of a nullable field.
fn step(access: TokenStream, ident: &Ident, ty: &TypeRef) -> TokenStream {
    if is_nullable(ty) {
        quote!(#access.#ident.as_ref()?)
    } else {
        quote!(#access.#ident)
    }
}

fn is_nullable(ty: &TypeRef) -> bool {
    !matches!(ty, TypeRef::NonNull(_))
}
