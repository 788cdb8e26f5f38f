//! One module per operation: the unit struct implementing the runtime `Operation`, its
//! `Variables`, `ResponseData` with nested types, and its `ErrorCode`.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::error_codes::{self, RootVariants};
use super::inputs::{self, Member};
use super::responses::{self, ChildNames, Shape};
use super::{docs, Context, EmitError, Module, Scope};
use crate::catalogue::Availability;
use crate::ir::{Operation, OperationKind};
use crate::naming::{self, ident};

/// Names the generator puts in every operation module, reserved before any other.
const RESERVED: &[&str] = &["Variables", "ResponseData", "ErrorCode"];

/// One operation's module.
pub(super) fn emit_operation(
    ctx: &Context,
    operation: &Operation,
    error_table: &BTreeMap<String, String>,
    root_codes: &RootVariants,
) -> Result<TokenStream, EmitError> {
    let module_name = naming::operation_module(&operation.name);
    let mut module = Module::new(Scope::Operation);
    for name in RESERVED {
        module.names.reserve(name);
    }
    let operation_ident = module.names.name(&operation.name);
    let runtime = ctx.runtime();
    let runtime_path = ctx.runtime_path();
    let alias = ident(super::RUNTIME_ALIAS);

    let members: Vec<_> = operation
        .variables
        .iter()
        .map(Member::of_variable)
        .collect();
    let variables_doc = format!("The variables of `{}`.", operation.name);
    let variables = inputs::emit_struct(
        ctx,
        &ident("Variables"),
        &variables_doc,
        &members,
        Scope::Operation,
    );

    let fields: Vec<_> = operation.selection.fields.iter().collect();
    let shape = Shape {
        fields: &fields,
        spreads: &operation.selection.fragment_spreads,
        typename: false,
    };
    let child_names = if fields.len() == 1 && shape.spreads.is_empty() {
        ChildNames::Payload
    } else {
        ChildNames::Prefixed("")
    };
    let response_doc = format!("The `data` of a successful `{}` response.", operation.name);
    responses::emit_struct(
        ctx,
        &mut module,
        &ident("ResponseData"),
        shape,
        &response_doc,
        child_names,
    );

    let codes = operation
        .docs
        .as_ref()
        .map_or(&[][..], |docs| docs.errors.as_slice());
    let error_code = error_codes::emit_operation(ctx, codes, root_codes)?;

    // The catalogue's endpoint key, for the client to map; none for plain operations.
    let endpoint = operation.docs.as_ref().map(|docs| {
        let key = docs.endpoint.as_str();
        quote!(const ENDPOINT: Option<&'static str> = Some(#key);)
    });
    let name = &operation.name;
    let document = &operation.wire_document;
    let kind = ident(match operation.kind {
        OperationKind::Query => "Query",
        OperationKind::Mutation => "Mutation",
        OperationKind::Subscription => return Err(EmitError::Subscription(name.clone())),
    });
    let deprecated = operation.deprecated.as_ref().map(|d| {
        let note = &d.note;
        quote!(#[deprecated(note = #note)])
    });
    let struct_doc = docs::attrs(&operation_doc(operation, error_table));
    let module_doc = docs::attrs(&module_doc(operation));
    let nested = module.items;
    Ok(quote! {
        #module_doc
        pub mod #module_name {
            use #runtime_path as #alias;

            #struct_doc
            #deprecated
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
            pub struct #operation_ident;

            impl #runtime::Operation for #operation_ident {
                const OPERATION_NAME: &'static str = #name;
                const DOCUMENT: &'static str = #document;
                const KIND: #runtime::OperationKind = #runtime::OperationKind::#kind;
                #endpoint
                type Variables = Variables;
                type ResponseData = ResponseData;
                type ErrorCode = ErrorCode;
            }

            #variables
            #(#nested)*
            #error_code
        }
    })
}

/// The module doc: which operation and the first sentence of its description, then
/// whether the live API lacks it.
fn module_doc(operation: &Operation) -> String {
    let kind = operation.kind.keyword();
    let summary = operation
        .docs
        .as_ref()
        .and_then(|docs| docs.description.as_deref())
        .and_then(|text| text.lines().map(str::trim).find(|line| !line.is_empty()))
        .map(|line| format!(": {}", docs::sanitize(line)))
        .unwrap_or_else(|| ".".to_string());
    let field = if operation.root_field.is_empty() {
        &operation.name
    } else {
        &operation.root_field
    };
    let summary = format!("The `{field}` {kind}{summary}");
    match docs_only_note(operation) {
        Some(note) => format!("{summary}\n\n{note}"),
        None => summary,
    }
}

/// For an operation the live schema snapshot lacks, the paragraph saying so.
fn docs_only_note(operation: &Operation) -> Option<String> {
    match &operation.docs.as_ref()?.availability {
        Availability::DocsOnly { snapshot } => Some(format!(
            "**Docs-only.** Documented, but absent from the live schema snapshot of \
             {snapshot}: the API is likely to refuse it."
        )),
        Availability::Live => None,
    }
}

/// The full operation doc: description, availability, deprecation, documented errors,
/// notes.
fn operation_doc(operation: &Operation, error_table: &BTreeMap<String, String>) -> String {
    let mut sections = Vec::new();
    let catalogue = operation.docs.as_ref();
    match catalogue.and_then(|docs| docs.description.as_deref()) {
        Some(text) => sections.push(docs::sanitize(text)),
        None => sections.push(format!(
            "The `{}` {}.",
            operation.name,
            operation.kind.keyword()
        )),
    }
    sections.extend(docs_only_note(operation));
    if let Some(deprecation) = catalogue.and_then(|docs| docs.deprecation.as_ref()) {
        let mut text = format!("**Deprecated.** {}", docs::sanitize(&deprecation.note));
        if let Some(date) = &deprecation.marked_on {
            text.push_str(&format!(" Marked deprecated on {date}."));
        }
        if let Some(date) = &deprecation.removal_on {
            text.push_str(&format!(" Scheduled for removal on or after {date}."));
        }
        if let Some(announcement) = &deprecation.announcement {
            text.push_str(&format!(" See {}.", docs::sanitize(announcement)));
        }
        sections.push(text);
    }
    if let Some(docs) = catalogue.filter(|docs| !docs.errors.is_empty()) {
        let list: Vec<_> = error_codes::first_occurrences(&docs.errors)
            .into_iter()
            .map(|code| match error_table.get(code) {
                Some(message) => format!("- `{code}`: {}", docs::sanitize(message)),
                None => format!("- `{code}`"),
            })
            .collect();
        sections.push(format!("# Errors\n\n{}", list.join("\n")));
    }
    if let Some(docs) = catalogue.filter(|docs| !docs.validation_error_codes.is_empty()) {
        let list: Vec<_> = docs
            .validation_error_codes
            .iter()
            .map(|code| format!("- `{code}`"))
            .collect();
        sections.push(format!(
            "Codes a `validationErrors` entry can carry:\n\n{}",
            list.join("\n")
        ));
    }
    if let Some(docs) = catalogue.filter(|docs| !docs.notes.is_empty()) {
        let notes: Vec<_> = docs.notes.iter().map(|note| docs::sanitize(note)).collect();
        sections.push(format!("# Notes\n\n{}", notes.join("\n\n")));
    }
    sections.join("\n\n")
}
