//! Response types: one struct per selection set on an object type (or on an abstract
//! type selected without `... on`), fragments emitted once in `types`.
//!
//! A selection that is exactly one fragment spread is that fragment's struct, reused
//! wherever it is selected; a spread beside other fields is a `#[serde(flatten)]` field.
//!
//! Nested types are named by path: the type of field `b` inside type `A` is `AB`. In an
//! operation that selects one root field, that field's type is `Payload` and its
//! children start a fresh path (`payload.goodsPurchase` → `GoodsPurchase`).

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, response_type, unions, Context, Module};
use crate::ir::{Field, Fragment, SelectionSet};
use crate::naming::{self, Case, Namespace, WireNames};

/// How the types of a struct's fields are named.
#[derive(Debug, Clone, Copy)]
pub(super) enum ChildNames<'a> {
    /// `prefix` + field name.
    Prefixed(&'a str),
    /// The one root field of an operation: `Payload`, children start a fresh path.
    Payload,
}

/// Emits every fragment into `types`, under the name the context gave it.
pub(super) fn emit_fragments(ctx: &Context, fragments: &[Fragment], module: &mut Module) {
    for fragment in fragments {
        let ident = match ctx.fragment_names.get(&fragment.name) {
            Some(ident) => ident.clone(),
            None => continue,
        };
        let doc = format!(
            "The fragment `{}` on `{}`.",
            fragment.name, fragment.on_type
        );
        let prefix = ident.to_string();
        emit_selection(ctx, module, &ident, &fragment.selection, &doc, &prefix);
    }
}

/// Emits the type of a selection set under `ident`: an enum when it has variants
/// (see [`unions`]), a struct otherwise.
pub(super) fn emit_selection(
    ctx: &Context,
    module: &mut Module,
    ident: &Ident,
    selection: &SelectionSet,
    doc: &str,
    prefix: &str,
) {
    if selection.variants.is_empty() {
        let fields: Vec<_> = selection.fields.iter().collect();
        let shape = Shape {
            fields: &fields,
            spreads: &selection.fragment_spreads,
            typename: false,
        };
        emit_struct(ctx, module, ident, shape, doc, ChildNames::Prefixed(prefix));
    } else {
        unions::emit(ctx, module, ident, selection, doc);
    }
}

/// The type of a field with a sub-selection: the fragment struct when the selection is
/// exactly one spread, otherwise a new type named `base` (suffixed if taken).
pub(super) fn selection_type(
    ctx: &Context,
    module: &mut Module,
    selection: &SelectionSet,
    base: &str,
    child_prefix: Option<&str>,
) -> TokenStream {
    if let Some(fragment) = sole_spread(&selection.fields, &selection.fragment_spreads)
        .filter(|_| selection.variants.is_empty())
    {
        return ctx.fragment_type(fragment, module.scope);
    }
    let ident = module.names.name(base);
    let prefix = child_prefix.map_or_else(|| ident.to_string(), str::to_string);
    let doc = format!("Selection on `{}`.", selection.parent_type);
    emit_selection(ctx, module, &ident, selection, &doc, &prefix);
    quote!(#ident)
}

/// The one fragment spread of a selection with no fields of its own.
pub(super) fn sole_spread<'a, F>(fields: &[F], spreads: &'a [String]) -> Option<&'a str> {
    match spreads {
        [only] if fields.is_empty() => Some(only),
        _ => None,
    }
}

/// The members of a response struct.
pub(super) struct Shape<'a> {
    pub fields: &'a [&'a Field],
    pub spreads: &'a [String],
    /// Adds `typename: String` holding `__typename` (for catch-all members).
    pub typename: bool,
}

/// Emits one response struct; its item comes before the types of its fields.
///
/// Fragment spreads are `#[serde(flatten)]` fields. serde hands each JSON key to only
/// one of a struct's fields and flattened parts, so when a key is shared (a field also
/// selected by a spread fragment, or two fragments selecting the same field, as GraphQL
/// allows), the struct gets a hand-emitted `Deserialize` instead: the object is read
/// once into the runtime's `serde_json::Value` and every part decodes from it.
pub(super) fn emit_struct(
    ctx: &Context,
    module: &mut Module,
    ident: &Ident,
    shape: Shape,
    doc: &str,
    child_names: ChildNames,
) {
    let slot = module.items.len();
    module.items.push(TokenStream::new());
    let mut names = Namespace::new(Case::Snake);
    let mut members = Vec::new();
    // (field, type, serde attributes) of the fields decoded directly.
    let mut own = Vec::new();
    if shape.typename {
        let field = names.name("__typename");
        members.push(quote! {
            /// The member's `__typename`.
            #[serde(rename = "__typename")]
            pub #field: String,
        });
        own.push((
            field,
            quote!(String),
            quote!(#[serde(rename = "__typename")]),
        ));
    }
    let field_names: Vec<_> = shape
        .fields
        .iter()
        .map(|field| names.name(&field.response_key))
        .collect();
    let wire_names = WireNames::of(
        field_names
            .iter()
            .zip(shape.fields.iter().map(|field| field.response_key.as_str())),
    );
    let rename_all = wire_names
        .camel_case
        .then(|| quote!(#[serde(rename_all = "camelCase")]));
    for (field, name) in shape.fields.iter().zip(field_names) {
        let leaf = match &field.selection {
            Some(selection) => {
                let (base, child_prefix) = match child_names {
                    ChildNames::Prefixed(prefix) => (
                        format!("{prefix}{}", naming::pascal(&field.response_key)),
                        None,
                    ),
                    ChildNames::Payload => ("Payload".to_string(), Some("")),
                };
                selection_type(ctx, module, selection, &base, child_prefix)
            }
            None => match field.rust_type.as_deref().and_then(|ty| ctx.field_type(ty)) {
                Some(ty) => quote!(#ty),
                None => ctx.leaf_type(field.ty.name(), field.kind, module.scope),
            },
        };
        let ty = response_type(&field.ty, &leaf);
        let doc = field
            .description
            .as_deref()
            .map(|text| docs::attrs(&docs::sanitize(text)));
        let deprecated = field.deprecated.as_ref().map(|d| {
            let note = &d.note;
            quote!(#[deprecated(note = #note)])
        });
        let rename = wire_names
            .needs_rename(&name, &field.response_key)
            .then(|| {
                let wire = &field.response_key;
                quote!(#[serde(rename = #wire)])
            });
        members.push(quote!(#doc #deprecated #rename pub #name: #ty,));
        own.push((name, ty, quote!(#rename)));
    }
    let mut spreads = Vec::new();
    for spread in shape.spreads {
        let name = names.name(spread);
        let ty = ctx.fragment_type(spread, module.scope);
        let doc = docs::attrs(&format!("The fields of fragment `{spread}`."));
        members.push(quote!(#doc #[serde(flatten)] pub #name: #ty,));
        spreads.push((name, ty));
    }
    let doc = docs::attrs(doc);
    module.items[slot] = if shares_keys(ctx, &shape) {
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
    } else {
        let derives = ctx.derives(
            &["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
            &[],
        );
        quote! {
            #doc
            #derives
            #rename_all
            pub struct #ident {
                #(#members)*
            }
        }
    };
}

/// True when a response key is read by more than one part of the struct (its own fields
/// and each spread fragment).
fn shares_keys(ctx: &Context, shape: &Shape) -> bool {
    if shape.spreads.is_empty() {
        return false;
    }
    let mut seen: BTreeSet<&str> = shape
        .fields
        .iter()
        .map(|field| field.response_key.as_str())
        .collect();
    if shape.typename {
        seen.insert("__typename");
    }
    for spread in shape.spreads {
        for key in ctx.fragment_keys(spread) {
            if !seen.insert(key) {
                return true;
            }
        }
    }
    false
}
