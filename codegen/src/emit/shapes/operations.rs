//! The plan of an operation's module: its name, the operation struct's, `Variables` and
//! `ResponseData` with the types nested in it.

use proc_macro2::Ident;

use super::super::{Context, EmitError};
use super::{
    input, ChildNames, FieldShape, InputShape, Leaf, Member, Members, Planner, Shape, StructShape,
};
use crate::ir::{Operation, Pagination, TypeRef};
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
    /// How the runtime's `Paginated` reaches the cursor, for a paginated operation.
    pub page: Option<PageShape>,
}

/// The names a `Paginated` impl uses, taken from the planned `Variables` and responses.
pub(in crate::emit) struct PageShape {
    /// The `Variables` field of the connection's `after`.
    pub after: Ident,
    /// The `Variables` field of its `first`, when `first` is a variable.
    pub first: Option<Ident>,
    /// The fields from `ResponseData` down to the connection's `pageInfo`, last included.
    pub path: Vec<Step>,
    pub has_next_page: Step,
    pub end_cursor: Step,
}

/// One field on the way to the cursor.
pub(in crate::emit) struct Step {
    pub ident: Ident,
    /// The field is nullable, so an `Option` in Rust.
    pub nullable: bool,
}

/// The names of an operation's module decided before its response types: the
/// generator's own, then the operation struct's.
struct ModuleNames {
    names: Namespace,
    variables: Ident,
    response_data: Ident,
    ident: Ident,
}

impl ModuleNames {
    fn of(operation: &Operation) -> Self {
        let mut names = Namespace::items();
        let variables = names.reserve("Variables");
        let response_data = names.reserve("ResponseData");
        names.reserve("ErrorCode");
        let ident = names.name(&operation.name);
        ModuleNames {
            names,
            variables,
            response_data,
            ident,
        }
    }
}

/// The operation's unit struct, as [`operation`] names it (for code outside the module
/// that refers to it).
pub(in crate::emit) fn operation_ident(operation: &Operation) -> Ident {
    ModuleNames::of(operation).ident
}

/// Plans one operation's module. The names the generator puts in every such module are
/// taken first, then the operation's own name, then the response types'.
pub(in crate::emit) fn operation(
    ctx: &Context,
    operation: &Operation,
) -> Result<OperationShape, EmitError> {
    let ModuleNames {
        mut names,
        variables,
        response_data,
        ident,
    } = ModuleNames::of(operation);

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
    let page = match &operation.pagination {
        Some(pagination) => Some(page(operation, pagination, &variables, &responses)?),
        None => None,
    };
    Ok(OperationShape {
        module: naming::operation_module(&operation.name),
        ident,
        variables,
        responses,
        page,
    })
}

/// Finds, among the planned shapes, the fields the IR's pagination names. Validation
/// guarantees they were selected; one missing is a generator bug.
fn page(
    operation: &Operation,
    pagination: &Pagination,
    variables: &InputShape,
    responses: &[Shape],
) -> Result<PageShape, EmitError> {
    let missing = |name: &str| EmitError::Unnamed {
        what: "pagination field",
        name: format!("{}.{name}", operation.name),
    };
    let variable = |name: &str| {
        variables
            .fields
            .iter()
            .find(|field| field.name == name)
            .map(|field| field.ident.clone())
            .ok_or_else(|| missing(name))
    };
    let structure = |ident: &Ident| {
        responses.iter().find_map(|shape| match shape {
            Shape::Struct(shape) if shape.ident == *ident => Some(shape),
            _ => None,
        })
    };
    let field = |shape: &'_ StructShape, key: &str| -> Result<(Step, Option<Ident>), EmitError> {
        let found: &FieldShape = shape
            .fields
            .iter()
            .find(|field| field.key == key)
            .ok_or_else(|| missing(key))?;
        let step = Step {
            ident: found.ident.clone(),
            nullable: !matches!(found.ty.graphql, TypeRef::NonNull(_)),
        };
        let local = match &found.ty.leaf {
            Leaf::Local(ident) => Some(ident.clone()),
            _ => None,
        };
        Ok((step, local))
    };
    let mut current = responses
        .first()
        .and_then(|shape| match shape {
            Shape::Struct(shape) => Some(shape),
            Shape::Union(_) => None,
        })
        .ok_or_else(|| missing("ResponseData"))?;
    let mut path = Vec::new();
    for key in pagination
        .path
        .iter()
        .map(String::as_str)
        .chain(["pageInfo"])
    {
        let (step, local) = field(current, key)?;
        current = local
            .as_ref()
            .and_then(structure)
            .ok_or_else(|| missing(key))?;
        path.push(step);
    }
    Ok(PageShape {
        after: variable(&pagination.after)?,
        first: pagination.first.as_deref().map(variable).transpose()?,
        path,
        has_next_page: field(current, "hasNextPage")?.0,
        end_cursor: field(current, "endCursor")?.0,
    })
}
