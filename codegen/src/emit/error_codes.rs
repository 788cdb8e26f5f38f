//! Error codes: one crate-wide `ErrorCode` of every documented code, and per operation
//! the documented subset, convertible to the crate-wide enum.
//!
//! Variants are named after the code itself (`KT-CT-1111` → `KtCt1111`), so adding a
//! code never renames an existing one. `Other(String)` holds any code not documented.
//! `Display` gives `KT-CT-8223: Unauthorized.` (just the code for `Other`); parsing never
//! fails.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, Context};
use crate::naming::{self, ident, Case, Namespace};

/// The catch-all variant, reserved before the codes.
const CATCH_ALL: &str = "Other";

/// The crate-wide enum at the root of the generated file.
pub(super) fn emit_root(ctx: &Context, table: &BTreeMap<String, String>) -> TokenStream {
    let codes: Vec<_> = table
        .iter()
        .map(|(code, message)| (code.as_str(), Some(message.as_str())))
        .collect();
    let doc = "Every error code the catalogue documents, plus `Other` for any code it does not.";
    let (_, variants) = root_variants(table);
    let variants: Vec<_> = variants.into_values().collect();
    emit_enum(ctx, &ident("ErrorCode"), doc, &codes, &variants)
}

/// An operation's documented subset, with `From` into the crate-wide enum.
/// `codes` may repeat a code (the docs do); the enum has it once, where first listed.
pub(super) fn emit_operation(
    ctx: &Context,
    codes: &[String],
    table: &BTreeMap<String, String>,
) -> TokenStream {
    let codes = first_occurrences(codes);
    let (mut names, root) = root_variants(table);
    let variants: Vec<_> = codes
        .iter()
        .map(|code| match root.get(*code) {
            Some(variant) => variant.clone(),
            None => names.name(&naming::error_code_variant(code)),
        })
        .collect();
    let documented: Vec<_> = codes
        .iter()
        .map(|code| (*code, table.get(*code).map(String::as_str)))
        .collect();
    let doc = "The error codes this operation documents, plus `Other` for any other code.";
    let tokens = emit_enum(ctx, &ident("ErrorCode"), doc, &documented, &variants);
    let arms = codes.iter().zip(variants).map(|(code, variant)| {
        if root.contains_key(*code) {
            quote!(ErrorCode::#variant => super::super::ErrorCode::#variant,)
        } else {
            quote!(ErrorCode::#variant => super::super::ErrorCode::from_code(#code),)
        }
    });
    quote! {
        #tokens

        impl ::std::convert::From<ErrorCode> for super::super::ErrorCode {
            fn from(code: ErrorCode) -> Self {
                match code {
                    #(#arms)*
                    ErrorCode::Other(code) => Self::from_code(&code),
                }
            }
        }
    }
}

/// Each code once, in the order first listed.
pub(super) fn first_occurrences(codes: &[String]) -> Vec<&str> {
    let mut seen = std::collections::BTreeSet::new();
    codes
        .iter()
        .map(String::as_str)
        .filter(|code| seen.insert(*code))
        .collect()
}

/// The variant of each code of the global table (in code order, after `Other`), and
/// the namespace holding them, so an operation's undocumented-globally code gets a
/// name that cannot clash.
fn root_variants(table: &BTreeMap<String, String>) -> (Namespace, BTreeMap<String, Ident>) {
    let mut names = Namespace::new(Case::Pascal);
    names.reserve(CATCH_ALL);
    let variants = table
        .keys()
        .map(|code| (code.clone(), names.name(&naming::error_code_variant(code))))
        .collect();
    (names, variants)
}

/// One error-code enum with its impls; `variants` names `codes` one to one.
fn emit_enum(
    ctx: &Context,
    name: &Ident,
    doc: &str,
    codes: &[(&str, Option<&str>)],
    variants: &[Ident],
) -> TokenStream {
    let runtime = ctx.runtime();
    let catch_all = ident(CATCH_ALL);
    let declarations = codes
        .iter()
        .zip(variants)
        .map(|((code, message), variant)| {
            let text = match message {
                Some(message) => format!("`{code}`: {}", docs::sanitize(message)),
                None => format!("`{code}`."),
            };
            let doc = docs::attrs(&text);
            quote!(#doc #variant,)
        });
    let code_arms = codes
        .iter()
        .zip(variants)
        .map(|((code, _), variant)| quote!(Self::#variant => #code,));
    let message_arms = codes.iter().zip(variants).map(|((_, message), variant)| {
        let message = match message {
            Some(message) => quote!(::std::option::Option::Some(#message)),
            None => quote!(::std::option::Option::None),
        };
        quote!(Self::#variant => #message,)
    });
    let parse_arms = codes
        .iter()
        .zip(variants)
        .map(|((code, _), variant)| quote!(#code => Self::#variant,));
    let from_code = if codes.is_empty() {
        quote!(Self::#catch_all(code.to_string()))
    } else {
        quote! {
            match code {
                #(#parse_arms)*
                other => Self::#catch_all(other.to_string()),
            }
        }
    };
    let doc = docs::attrs(doc);
    // Codes travel as strings (`code()`, `FromStr`), never through serde.
    let derives = ctx.derives(
        &["Debug", "Clone", "PartialEq", "Eq", "Hash"],
        &["Serialize", "Deserialize"],
    );
    quote! {
        #doc
        #derives
        pub enum #name {
            #(#declarations)*
            /// A code not documented here, as sent by the server.
            #catch_all(::std::string::String),
        }

        impl #name {
            /// The code as sent by the server, e.g. `KT-CT-1111`.
            pub fn code(&self) -> &str {
                match self {
                    #(#code_arms)*
                    Self::#catch_all(code) => code,
                }
            }

            /// The documented message, if the code is documented.
            pub fn message(&self) -> ::std::option::Option<&'static str> {
                match self {
                    #(#message_arms)*
                    Self::#catch_all(_) => ::std::option::Option::None,
                }
            }

            /// The variant of a code; an undocumented code lands in `Other`.
            pub fn from_code(code: &str) -> Self {
                #from_code
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self.message() {
                    ::std::option::Option::Some(message) => write!(f, "{}: {}", self.code(), message),
                    ::std::option::Option::None => f.write_str(self.code()),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(code: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from_code(code))
            }
        }

        impl #runtime::ErrorCodeSet for #name {
            fn code(&self) -> &str {
                #name::code(self)
            }
        }
    }
}
