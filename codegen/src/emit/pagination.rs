//! The runtime's `Paginated` for an operation the plan gives a [`PageShape`]: how to set
//! the page size and cursor in its `Variables`, and how to read the next cursor from its
//! `ResponseData`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::shapes::{PageShape, Step};
use super::Context;

/// `impl Paginated for <operation>`.
pub(super) fn render(ctx: &Context, page: &PageShape, operation_ident: &Ident) -> TokenStream {
    let after = &page.after;
    let set_first = page
        .first
        .as_ref()
        .map(|first| quote!(variables.#first = i64::from(page_size).into();));
    let page_size = if set_first.is_some() {
        quote!(page_size)
    } else {
        quote!(_page_size)
    };
    let info = page
        .path
        .iter()
        .fold(quote!(data), |access, Step { ident, nullable }| {
            if *nullable {
                quote!(#access.#ident.as_ref()?)
            } else {
                quote!(#access.#ident)
            }
        });
    let has_next = read(
        &page.has_next_page,
        |value| quote!(#value == Some(true)),
        |value| value,
    );
    let cursor = read(
        &page.end_cursor,
        |value| quote!(#value.clone()),
        |value| quote!(Some(#value.clone())),
    );
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
                let info = &#info;
                if #has_next { #cursor } else { None }
            }
        }
    }
}

/// `info.<field>`, read as `nullable` or `non_null` says for the field's nullability.
fn read(
    step: &Step,
    nullable: impl FnOnce(TokenStream) -> TokenStream,
    non_null: impl FnOnce(TokenStream) -> TokenStream,
) -> TokenStream {
    let ident = &step.ident;
    let value = quote!(info.#ident);
    if step.nullable {
        nullable(value)
    } else {
        non_null(value)
    }
}
