//! Error codes: one crate-wide `ErrorCode` of every documented code, and per operation
//! the documented subset, convertible to the crate-wide enum.
//!
//! Variants are named after the code itself (`KT-CT-1111` → `KtCt1111`), so adding a
//! code never renames an existing one. `Other(String)` holds any code not documented.
//! The crate-wide enum carries the table of codes and messages (`DOCUMENTED`); an
//! operation's enum is one `error_codes!` invocation listing its crate-wide variants, so
//! each code and message is written once. The runtime's `error_codes!` derives `code()`,
//! `message()`, `from_code()`, `class()`, `Display` (`KT-CT-8223: Unauthorized.`, just
//! the code for `Other`) and `FromStr` (never fails) for both; `class()` reads the
//! crate-wide `CLASSES` table, which lists the classified codes only.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, Context, EmitError};
use crate::catalogue::ErrorClass;
use crate::naming::{self, ident, Case, Namespace};

/// The catch-all variant, reserved before the codes.
const CATCH_ALL: &str = "Other";

/// The variant of each code of the global table, computed once per run and shared by
/// the crate-wide enum and every operation's subset.
pub(super) struct RootVariants {
    variants: BTreeMap<String, Ident>,
}

impl RootVariants {
    /// Names the codes of the global table in code order, after the catch-all.
    pub(super) fn new(table: &BTreeMap<String, String>) -> Self {
        let mut names = Namespace::new(Case::Pascal);
        names.reserve(CATCH_ALL);
        let variants = table
            .keys()
            .map(|code| (code.clone(), names.name(&naming::error_code_variant(code))))
            .collect();
        RootVariants { variants }
    }
}

/// The crate-wide enum at the root of the generated file: its declaration, one
/// documented variant per code, and the `DOCUMENTED` and `CLASSES` tables the runtime's
/// `error_codes!` derives the methods from.
pub(super) fn emit_root(
    ctx: &Context,
    table: &BTreeMap<String, String>,
    classes: &BTreeMap<String, ErrorClass>,
    root: &RootVariants,
) -> TokenStream {
    let catch_all = ident(CATCH_ALL);
    let mut declarations = Vec::with_capacity(table.len());
    let mut rows = Vec::with_capacity(table.len());
    for ((code, message), variant) in table.iter().zip(root.variants.values()) {
        let doc = docs::attrs(&format!("`{code}`: {}", docs::sanitize(message)));
        declarations.push(quote!(#doc #variant,));
        rows.push(quote!((Self::#variant, #code, #message),));
    }
    let doc = docs::attrs(
        "Every error code the catalogue documents, plus `Other` for any code it does not.",
    );
    let derives = derives(ctx);
    let runtime = ctx.runtime_path();
    let class_rows = classes.iter().filter_map(|(code, class)| {
        let variant = root.variants.get(code)?;
        let class = ident(class.variant());
        Some(quote!((Self::#variant, #runtime::ErrorClass::#class),))
    });
    quote! {
        #doc
        #derives
        pub enum ErrorCode {
            #(#declarations)*
            /// A code not documented here, as sent by the server.
            #catch_all(::std::string::String),
        }

        impl ErrorCode {
            /// Every documented code: variant, code and message.
            pub const DOCUMENTED: &'static [(Self, &'static str, &'static str)] = &[#(#rows)*];

            /// The class of every code whose class is not `Other`.
            pub const CLASSES: &'static [(Self, #runtime::ErrorClass)] = &[#(#class_rows)*];
        }

        #runtime::error_codes!(ErrorCode);
    }
}

/// An operation's documented subset: one `error_codes!` invocation naming the
/// crate-wide variants, which declares the enum and its `From` into the crate-wide one.
/// `codes` may repeat a code (the docs do); the enum has it once, where first listed.
pub(super) fn emit_operation(
    ctx: &Context,
    codes: &[String],
    root: &RootVariants,
) -> Result<TokenStream, EmitError> {
    let variants = first_occurrences(codes)
        .into_iter()
        .map(|code| {
            root.variants
                .get(code)
                .ok_or_else(|| EmitError::UndocumentedCode(code.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let derives = derives(ctx);
    let runtime = ctx.runtime();
    Ok(quote! {
        #runtime::error_codes!(#derives pub enum ErrorCode in super::super::ErrorCode { #(#variants),* });
    })
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

/// The derives of both kinds of error-code enum. Codes travel as strings (`code()`,
/// `FromStr`), never through serde.
fn derives(ctx: &Context) -> TokenStream {
    ctx.derives(
        &["Debug", "Clone", "PartialEq", "Eq", "Hash"],
        &["Serialize", "Deserialize"],
    )
}
