//! Interfaces and unions selected with `... on Member`, rendered from their planned
//! [`UnionShape`]s: a Rust enum discriminated by `__typename`, one variant per selected
//! member plus `UnknownMember`, so a response never fails to decode because the server
//! added a member.
//!
//! Decoding is the runtime's `tagged_union!`, given each member's `__typename` and
//! variant (serde's `#[serde(tag = "__typename")]` with `#[serde(other)]` only allows a
//! unit catch-all). When `__typename` comes first, the member is decoded straight from
//! the object; otherwise the object is buffered first. A known member that fails to
//! decode is an error, never silently the catch-all. Encoding is derived (tag
//! `__typename`, the catch-all untagged), so a decoded value encodes back to the same
//! JSON.

use proc_macro2::TokenStream;
use quote::quote;

use super::shapes::UnionShape;
use super::{docs, Context, Scope};

/// The enum of one abstract selection and its `tagged_union!` decoding.
pub(super) fn render(ctx: &Context, scope: Scope, shape: &UnionShape) -> TokenStream {
    let ident = &shape.ident;
    let mut variants = Vec::new();
    let mut members = Vec::new();
    for variant in &shape.variants {
        let name = &variant.ident;
        let payload = ctx.leaf_type(&variant.payload, scope);
        let wire = &variant.type_name;
        let rename = variant.rename.then(|| quote!(#[serde(rename = #wire)]));
        let doc = docs::attrs(&format!("A `{wire}`."));
        variants.push(quote!(#doc #rename #name(#payload),));
        members.push(quote!(#wire => #name,));
    }
    let derives = ctx.derives(
        &["Debug", "Clone", "PartialEq", "Serialize"],
        &["Deserialize"],
    );
    let doc = docs::attrs(&shape.doc);
    let catch_all_doc = docs::attrs(&shape.unknown_doc);
    let (catch_all, unknown) = (&shape.catch_all, &shape.unknown);
    let runtime = ctx.runtime();
    quote! {
        #doc
        #derives
        #[serde(tag = "__typename")]
        pub enum #ident {
            #(#variants)*
            #catch_all_doc
            #[serde(untagged)]
            #catch_all(#unknown),
        }

        #runtime::tagged_union!(#ident { #(#members)* _ => #catch_all });
    }
}
