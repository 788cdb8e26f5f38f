//! GraphQL enums: one Rust enum each, with a catch-all for values the schema does not
//! know yet, so a response never fails to decode because the server added a value.
//!
//! The wire form is the GraphQL value name. The enum carries the table of its known
//! values (`VALUES`); the runtime's `wire_enum!` derives `as_str`, `from_wire`, `Display`,
//! `FromStr` (which never fails) and serde from that table.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, Context, EmitError};
use crate::ir::Enum;
use crate::naming::{Case, Namespace};

/// The catch-all variant, reserved before the schema's values.
const CATCH_ALL: &str = "UnknownValue";

/// Emits every enum into `types`.
pub(super) fn emit(ctx: &Context, enums: &[Enum]) -> Result<TokenStream, EmitError> {
    enums
        .iter()
        .map(|graphql| emit_enum(ctx, graphql))
        .collect()
}

fn emit_enum(ctx: &Context, graphql: &Enum) -> Result<TokenStream, EmitError> {
    let ident = ctx.shared_type(&graphql.name)?;
    let mut variants = Namespace::new(Case::Pascal);
    let catch_all = variants.reserve(CATCH_ALL);
    let values: Vec<_> = graphql
        .values
        .iter()
        .map(|value| (variants.name(&value.name), value))
        .collect();
    let declarations = values.iter().map(|(variant, value)| {
        let doc = value
            .description
            .as_deref()
            .map(|text| docs::attrs(&docs::sanitize(text)));
        let deprecated = docs::deprecated(value.deprecated.as_ref());
        quote!(#doc #deprecated #variant,)
    });
    let rows = values.iter().map(|(variant, value)| {
        let wire = &value.name;
        quote!((Self::#variant, #wire),)
    });
    let doc = docs::attrs(&match &graphql.description {
        Some(text) => docs::sanitize(text),
        None => format!("The GraphQL enum `{}`.", graphql.name),
    });
    let derives = ctx.derives(
        &["Debug", "Clone", "PartialEq", "Eq", "Hash"],
        &["Serialize", "Deserialize"],
    );
    let catch_all_doc = docs::attrs("A value this schema does not know, as sent by the server.");
    let runtime = ctx.runtime();
    Ok(quote! {
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
    })
}
