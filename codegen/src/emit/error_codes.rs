//! Error codes: one crate-wide `ErrorCode` of every documented code, and per operation
//! the documented subset, convertible to the crate-wide enum.
//!
//! Variants are named after the code itself (`KT-CT-1111` → `KtCt1111`), so adding a
//! code never renames an existing one. `Other(String)` holds any code not documented.
//! Each enum carries the table of its documented codes (`DOCUMENTED`); the runtime's
//! `error_codes!` derives `code()`, `message()`, `from_code()`, `Display`
//! (`KT-CT-8223: Unauthorized.`, just the code for `Other`) and `FromStr` (never fails)
//! from it.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, Context, EmitError};
use crate::naming::{self, ident, Case, Namespace};

/// The catch-all variant, reserved before the codes.
const CATCH_ALL: &str = "Other";

/// The variant of each code of the global table, computed once per run and shared by
/// the crate-wide enum and every operation's subset.
pub(super) struct RootVariants {
    /// Holds every root variant name, so an operation's code missing from the table gets
    /// a name that cannot clash.
    names: Namespace,
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
        RootVariants { names, variants }
    }
}

/// The crate-wide enum at the root of the generated file.
pub(super) fn emit_root(
    ctx: &Context,
    table: &BTreeMap<String, String>,
    root: &RootVariants,
) -> Result<TokenStream, EmitError> {
    let codes: Vec<_> = table.keys().map(String::as_str).collect();
    let variants: Vec<_> = root.variants.values().cloned().collect();
    let doc = "Every error code the catalogue documents, plus `Other` for any code it does not.";
    let tokens = emit_enum(ctx, doc, &codes, &variants, table)?;
    let runtime = ctx.runtime();
    Ok(quote! {
        #tokens
        #runtime::error_codes!(ErrorCode, Other);
    })
}

/// An operation's documented subset, with `From` into the crate-wide enum.
/// `codes` may repeat a code (the docs do); the enum has it once, where first listed.
pub(super) fn emit_operation(
    ctx: &Context,
    codes: &[String],
    table: &BTreeMap<String, String>,
    root: &RootVariants,
) -> Result<TokenStream, EmitError> {
    let codes = first_occurrences(codes);
    let mut names = root.names.clone();
    let variants: Vec<_> = codes
        .iter()
        .map(|code| match root.variants.get(*code) {
            Some(variant) => variant.clone(),
            None => names.name(&naming::error_code_variant(code)),
        })
        .collect();
    let doc = "The error codes this operation documents, plus `Other` for any other code.";
    let tokens = emit_enum(ctx, doc, &codes, &variants, table)?;
    let runtime = ctx.runtime();
    Ok(quote! {
        #tokens
        #runtime::error_codes!(ErrorCode, Other => super::super::ErrorCode);
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

/// One error-code enum and its `DOCUMENTED` table; `variants` names `codes` one to one.
/// The runtime's `error_codes!` derives the methods and impls from the table.
fn emit_enum(
    ctx: &Context,
    doc: &str,
    codes: &[&str],
    variants: &[Ident],
    table: &BTreeMap<String, String>,
) -> Result<TokenStream, EmitError> {
    let catch_all = ident(CATCH_ALL);
    let mut declarations = Vec::with_capacity(codes.len());
    let mut rows = Vec::with_capacity(codes.len());
    for (code, variant) in codes.iter().zip(variants) {
        let message = table
            .get(*code)
            .ok_or_else(|| EmitError::UndocumentedCode(code.to_string()))?;
        let doc = docs::attrs(&format!("`{code}`: {}", docs::sanitize(message)));
        declarations.push(quote!(#doc #variant,));
        rows.push(quote!((Self::#variant, #code, #message),));
    }
    let doc = docs::attrs(doc);
    // Codes travel as strings (`code()`, `FromStr`), never through serde.
    let derives = ctx.derives(
        &["Debug", "Clone", "PartialEq", "Eq", "Hash"],
        &["Serialize", "Deserialize"],
    );
    Ok(quote! {
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
        }
    })
}
