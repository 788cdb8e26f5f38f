//! GraphQL enums: one Rust enum each, with a catch-all for values the schema does not
//! know yet, so a response never fails to decode because the server added a value.
//!
//! The wire form is the GraphQL value name; `as_str`, `Display` and `FromStr` (which
//! never fails) give it, and serde goes through them.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, Context, Module};
use crate::ir::Enum;
use crate::naming::{Case, Namespace};

/// The catch-all variant, reserved before the schema's values.
const CATCH_ALL: &str = "UnknownValue";

/// Emits every enum into `types`.
pub(super) fn emit(ctx: &Context, enums: &[Enum], module: &mut Module) {
    for graphql in enums {
        module.items.push(emit_enum(ctx, graphql));
    }
}

fn emit_enum(ctx: &Context, graphql: &Enum) -> TokenStream {
    let ident = ctx.shared_type(&graphql.name);
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
        let deprecated = value.deprecated.as_ref().map(|d| {
            let note = &d.note;
            quote!(#[deprecated(note = #note)])
        });
        quote!(#doc #deprecated #variant,)
    });
    let to_str = values.iter().map(|(variant, value)| {
        let wire = &value.name;
        quote!(Self::#variant => #wire,)
    });
    let from_str = values.iter().map(|(variant, value)| {
        let wire = &value.name;
        quote!(#wire => Self::#variant,)
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
    quote! {
        #doc
        #derives
        pub enum #ident {
            #(#declarations)*
            #catch_all_doc
            #catch_all(::std::string::String),
        }

        impl #ident {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    Self::#catch_all(value) => value,
                }
            }

            /// The variant of a wire value; an unknown value lands in the catch-all.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => Self::#catch_all(other.to_string()),
                }
            }
        }

        impl ::std::str::FromStr for #ident {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from_wire(value))
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #ident {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value: ::std::borrow::Cow<'de, str> = ::serde::Deserialize::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from_wire(&value))
            }
        }
    }
}
