//! The plan of GraphQL enums: one Rust enum each, its values' variants after the
//! reserved catch-all `UnknownValue`.

use proc_macro2::Ident;

use super::super::{docs, Context, EmitError};
use crate::ir::{Deprecated, Enum};
use crate::naming::{Case, Namespace};

/// The catch-all variant, reserved before the schema's values.
const CATCH_ALL: &str = "UnknownValue";

/// A GraphQL enum.
pub(in crate::emit) struct EnumShape {
    pub ident: Ident,
    /// Sanitised Markdown.
    pub doc: String,
    pub values: Vec<EnumValueShape>,
    pub catch_all: Ident,
}

/// A value of a GraphQL enum.
pub(in crate::emit) struct EnumValueShape {
    pub ident: Ident,
    /// The GraphQL value name, its wire form.
    pub wire: String,
    /// Sanitised Markdown.
    pub doc: Option<String>,
    pub deprecated: Option<Deprecated>,
}

/// The shape of an enum, under the name the context gave it.
pub(in crate::emit) fn enumeration(ctx: &Context, graphql: &Enum) -> Result<EnumShape, EmitError> {
    let mut variants = Namespace::new(Case::Pascal);
    let catch_all = variants.reserve(CATCH_ALL);
    let values = graphql
        .values
        .iter()
        .map(|value| EnumValueShape {
            ident: variants.name(&value.name),
            wire: value.name.clone(),
            doc: value.description.as_deref().map(docs::sanitize),
            deprecated: value.deprecated.clone(),
        })
        .collect();
    Ok(EnumShape {
        ident: ctx.shared_type(&graphql.name)?,
        doc: match &graphql.description {
            Some(text) => docs::sanitize(text),
            None => format!("The GraphQL enum `{}`.", graphql.name),
        },
        values,
        catch_all,
    })
}
