//! The plan of an operation's module: its name, the operation struct's, `Variables` and
//! `ResponseData` with the types nested in it.

use proc_macro2::Ident;

use super::super::{Context, EmitError};
use super::{input, ChildNames, InputShape, Member, Members, Planner, Shape};
use crate::ir::Operation;
use crate::naming::{self, Namespace};

/// An operation's module, before its tokens.
pub(in crate::emit) struct OperationShape {
    /// The module under `operations` (naming rule 7).
    pub module: Ident,
    /// The unit struct implementing the runtime's `Operation`.
    pub ident: Ident,
    pub variables: InputShape,
    /// `ResponseData`, then the types nested in it.
    pub responses: Vec<Shape>,
}

/// Plans one operation's module. The names the generator puts in every such module are
/// taken first, then the operation's own name, then the response types'.
pub(in crate::emit) fn operation(
    ctx: &Context,
    operation: &Operation,
) -> Result<OperationShape, EmitError> {
    let mut names = Namespace::items();
    let variables = names.reserve("Variables");
    let response_data = names.reserve("ResponseData");
    names.reserve("ErrorCode");
    let ident = names.name(&operation.name);

    let members: Vec<_> = operation
        .variables
        .iter()
        .map(Member::of_variable)
        .collect();
    let variables_doc = format!("The variables of `{}`.", operation.name);
    let variables = input(ctx, variables, variables_doc, &members)?;

    let members = Members::of(&operation.selection);
    let child_names = if members.fields.len() == 1 && members.spreads.is_empty() {
        ChildNames::Payload
    } else {
        ChildNames::Prefixed("")
    };
    let response_doc = format!("The `data` of a successful `{}` response.", operation.name);
    let responses = Planner::new(ctx, &mut names).structure(
        response_data,
        members,
        response_doc,
        child_names,
    )?;
    Ok(OperationShape {
        module: naming::operation_module(&operation.name),
        ident,
        variables,
        responses,
    })
}
