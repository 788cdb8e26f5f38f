//! Response structs, rendered from their planned [`StructShape`]s.
//!
//! Fragment spreads are `#[serde(flatten)]` fields. serde hands each JSON key to only
//! one of a struct's fields and flattened parts, so when a key is shared (a field also
//! selected by a spread fragment, or two fragments selecting the same field, as GraphQL
//! allows), the struct gets a hand-emitted `Deserialize` instead: the object is read
//! once into the runtime's `serde_json::Value` and every part decodes from it.

use proc_macro2::TokenStream;
use quote::quote;

use super::shapes::StructShape;
use super::{docs, Context, Scope};

/// One response struct, with its `Deserialize` when written by hand.
pub(super) fn render(ctx: &Context, scope: Scope, shape: &StructShape) -> TokenStream {
    let ident = &shape.ident;
    let mut members = Vec::new();
    // (field, type, serde attributes) of the fields decoded directly.
    let mut own = Vec::new();
    for field in &shape.fields {
        let name = &field.ident;
        let ty = ctx.field_type(&field.ty, scope);
        let doc = field.doc.as_deref().map(docs::attrs);
        let deprecated = docs::deprecated(field.deprecated.as_ref());
        let rename = field
            .rename
            .as_ref()
            .map(|wire| quote!(#[serde(rename = #wire)]));
        members.push(quote!(#doc #deprecated #rename pub #name: #ty,));
        own.push((name, ty, rename));
    }
    let mut spreads = Vec::new();
    for spread in &shape.spreads {
        let name = &spread.ident;
        let types = ctx.types_path(scope);
        let fragment = &spread.ty;
        let ty = quote!(#types #fragment);
        let doc = docs::attrs(&format!("The fields of fragment `{}`.", spread.fragment));
        members.push(quote!(#doc #[serde(flatten)] pub #name: #ty,));
        spreads.push((name, ty));
    }
    let doc = docs::attrs(&shape.doc);
    let rename_all = shape
        .camel_case
        .then(|| quote!(#[serde(rename_all = "camelCase")]));
    if !shape.shared_keys {
        let derives = ctx.derives(
            &["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
            &[],
        );
        return quote! {
            #doc
            #derives
            #rename_all
            pub struct #ident {
                #(#members)*
            }
        };
    }
    let derives = ctx.derives(
        &["Debug", "Clone", "PartialEq", "Serialize"],
        &["Deserialize"],
    );
    let own_fields = own
        .iter()
        .map(|(name, ty, attrs)| quote!(#attrs #name: #ty,));
    let own_inits = own.iter().map(|(name, _, _)| quote!(#name: own.#name,));
    let serde = ctx.serde();
    let serde_crate = ctx.serde_crate();
    let runtime = ctx.runtime();
    let spread_inits = spreads.iter().map(|(name, ty)| {
        quote!(#name: <#ty as #serde::Deserialize>::deserialize(&value).map_err(#serde::de::Error::custom)?,)
    });
    quote! {
        #doc
        #derives
        #rename_all
        pub struct #ident {
            #(#members)*
        }

        impl<'de> #serde::Deserialize<'de> for #ident {
            fn deserialize<D: #serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #[derive(#serde::Deserialize)]
                #serde_crate
                #rename_all
                struct Own {
                    #(#own_fields)*
                }
                let value = <#runtime::serde_json::Value as #serde::Deserialize>::deserialize(deserializer)?;
                let own = <Own as #serde::Deserialize>::deserialize(&value).map_err(#serde::de::Error::custom)?;
                Ok(Self {
                    #(#own_inits)*
                    #(#spread_inits)*
                })
            }
        }
    }
}
