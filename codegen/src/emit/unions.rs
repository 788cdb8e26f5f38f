//! Interfaces and unions selected with `... on Member`: a Rust enum discriminated by
//! `__typename`, one variant per selected member plus `UnknownMember`, so a response
//! never fails to decode because the server added a member.
//!
//! Each member's type holds what is selected on the abstract type itself (fields and
//! fragment spreads) plus what is selected on the member. `UnknownMember` holds
//! `__typename` and what is selected on the abstract type itself, so an interface's
//! shared fields stay readable for any member.
//!
//! Decoding is the runtime's `tagged_union!`, given each member's `__typename` and
//! variant (serde's `#[serde(tag = "__typename")]` with `#[serde(other)]` only allows a
//! unit catch-all). When `__typename` comes first, the member is decoded straight from
//! the object; otherwise the object is buffered first. A known member that fails to
//! decode is an error, never silently the catch-all. Encoding is derived (tag
//! `__typename`, the catch-all untagged), so a decoded value encodes back to the same
//! JSON.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::responses::{self, ChildNames, Shape};
use super::{docs, Context, Module};
use crate::ir::{Field, SelectionSet};
use crate::naming::{self, Case, Namespace, WireNames};

/// The catch-all variant, reserved before the schema's member names.
const CATCH_ALL: &str = "UnknownMember";

/// Emits the enum for an abstract selection with variants, then its member structs.
pub(super) fn emit(
    ctx: &Context,
    module: &mut Module,
    ident: &Ident,
    selection: &SelectionSet,
    doc: &str,
) {
    let slot = module.items.len();
    module.items.push(TokenStream::new());
    let mut variant_names = Namespace::new(Case::Pascal);
    let catch_all = variant_names.reserve(CATCH_ALL);

    let mut variants = Vec::new();
    let mut members = Vec::new();
    for variant in &selection.variants {
        let name = variant_names.name(&variant.type_name);
        let fields = without_typename(&variant.selection.fields);
        let spreads = member_spreads(selection, &variant.selection);
        let payload = match responses::sole_spread(&fields, &spreads) {
            Some(fragment) => ctx.fragment_type(fragment, module.scope),
            None => {
                let member = module
                    .names
                    .name(&format!("{ident}{}", naming::pascal(&variant.type_name)));
                let shape = Shape {
                    fields: &fields,
                    spreads: &spreads,
                    typename: false,
                };
                let doc = format!("The fields of `{}` selected here.", variant.type_name);
                let prefix = member.to_string();
                responses::emit_struct(
                    ctx,
                    module,
                    &member,
                    shape,
                    &doc,
                    ChildNames::Prefixed(&prefix),
                );
                quote!(#member)
            }
        };
        let wire = &variant.type_name;
        let rename = WireNames::default()
            .needs_rename(&name, wire)
            .then(|| quote!(#[serde(rename = #wire)]));
        let variant_doc = docs::attrs(&format!("A `{wire}`."));
        variants.push(quote!(#variant_doc #rename #name(#payload),));
        members.push(quote!(#wire => #name,));
    }

    let unknown = module.names.name(&format!("{ident}{CATCH_ALL}"));
    let shared = without_typename(&selection.fields);
    let shape = Shape {
        fields: &shared,
        spreads: &selection.fragment_spreads,
        typename: true,
    };
    let unknown_doc = format!(
        "A member of `{}` not selected here or not known to this schema.",
        selection.parent_type
    );
    let prefix = unknown.to_string();
    responses::emit_struct(
        ctx,
        module,
        &unknown,
        shape,
        &unknown_doc,
        ChildNames::Prefixed(&prefix),
    );

    let derives = ctx.derives(
        &["Debug", "Clone", "PartialEq", "Serialize"],
        &["Deserialize"],
    );
    let doc = docs::attrs(doc);
    let catch_all_doc = docs::attrs(&unknown_doc);
    let runtime = ctx.runtime();
    module.items[slot] = quote! {
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
    };
}

/// The fragments a member reads: those spread on the abstract type itself (which the
/// member's own selection does not repeat), then its own.
fn member_spreads(selection: &SelectionSet, member: &SelectionSet) -> Vec<String> {
    let mut spreads = selection.fragment_spreads.clone();
    for spread in &member.fragment_spreads {
        if !spreads.contains(spread) {
            spreads.push(spread.clone());
        }
    }
    spreads
}

/// The fields of a member's selection except `__typename`, which the variant carries.
fn without_typename(fields: &[Field]) -> Vec<&Field> {
    fields
        .iter()
        .filter(|field| field.field_name != "__typename")
        .collect()
}
