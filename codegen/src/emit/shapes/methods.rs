//! The plan of the client-methods trait: each method's name, the operation it sends and
//! what it takes.

use proc_macro2::Ident;

use super::super::{Context, EmitError};
use super::operation_ident;
use crate::ir::{Operation, TypeKind, TypeRef};
use crate::naming;

/// One method of the client-methods trait, before its tokens.
pub(in crate::emit) struct MethodShape<'a> {
    pub operation: &'a Operation,
    /// The method (naming rule 8).
    pub ident: Ident,
    /// The operation's module under `operations`.
    pub module: Ident,
    /// The operation's unit struct in that module.
    pub operation_ident: Ident,
    pub takes: Takes,
}

/// What a method takes.
pub(in crate::emit) enum Takes {
    /// The operation's one variable, a required input object named `input` (the Kraken
    /// convention): the input object of `types`.
    Input(Ident),
    /// Nothing: the operation has no variables.
    Nothing,
    /// The operation's `Variables`.
    Variables,
}

/// The methods of `operations`, in their order.
pub(in crate::emit) fn methods<'a>(
    ctx: &Context,
    operations: &'a [Operation],
) -> Result<Vec<MethodShape<'a>>, EmitError> {
    let mut names = naming::client_methods();
    operations
        .iter()
        .map(|operation| {
            let takes = match sole_input(operation) {
                Some(input_type) => Takes::Input(ctx.shared_type(input_type)?),
                None if operation.variables.is_empty() => Takes::Nothing,
                None => Takes::Variables,
            };
            Ok(MethodShape {
                operation,
                ident: names.name(&operation.name),
                module: naming::operation_module(&operation.name),
                operation_ident: operation_ident(operation),
                takes,
            })
        })
        .collect()
}

/// The input object type of an operation whose one variable is `input: SomeInput!`.
fn sole_input(operation: &Operation) -> Option<&str> {
    match operation.variables.as_slice() {
        [variable]
            if variable.name == "input"
                && variable.kind == TypeKind::InputObject
                && variable.default.is_none()
                && matches!(&variable.ty, TypeRef::NonNull(inner) if matches!(**inner, TypeRef::Named(_))) =>
        {
            Some(variable.ty.name())
        }
        _ => None,
    }
}
