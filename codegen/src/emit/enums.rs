//! GraphQL enums, rendered from their planned [`EnumShape`]s: one Rust enum each, with
//! a catch-all for values the schema does not know yet, so a response never fails to
//! decode because the server added a value.
//!
//! The wire form is the GraphQL value name. The enum carries the table of its known
//! values (`VALUES`); the runtime's `wire_enum!` derives `as_str`, `from_wire`, `Display`,
//! `FromStr` (which never fails) and serde from that table.

use proc_macro2::TokenStream;
use quote::quote;

use super::shapes::EnumShape;
use super::{docs, Context};

/// One enum with its table of values.
pub(super) fn render(ctx: &Context, shape: &EnumShape) -> TokenStream {
    let declarations = shape.values.iter().map(|value| {
        let variant = &value.ident;
        let doc = value.doc.as_deref().map(docs::attrs);
        let deprecated = docs::deprecated(value.deprecated.as_ref());
        quote!(#doc #deprecated #variant,)
    });
    let rows = shape.values.iter().map(|value| {
        let (variant, wire) = (&value.ident, &value.wire);
        quote!((Self::#variant, #wire),)
    });
    let doc = docs::attrs(&shape.doc);
    let derives = ctx.derives(
        &["Debug", "Clone", "PartialEq", "Eq", "Hash"],
        &["Serialize", "Deserialize"],
    );
    let catch_all_doc = docs::attrs("A value this schema does not know, as sent by the server.");
    let runtime = ctx.runtime();
    let (ident, catch_all) = (&shape.ident, &shape.catch_all);
    quote! {
        #doc
        #derives
        pub enum #ident {
            #(#declarations)*
            #catch_all_doc
            #catch_all(String),
        }

        impl #ident {
            /// Every value the schema knows, with its wire name.
            pub const VALUES: &'static [(Self, &'static str)] = &[#(#rows)*];
        }

        #runtime::wire_enum!(#ident, #catch_all);
    }
}
