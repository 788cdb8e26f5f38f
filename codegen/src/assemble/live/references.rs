//! Checks once every block is read: each named type is defined and of a kind its place
//! allows, and objects and the interfaces they implement name each other.

use std::collections::HashMap;

use super::blocks::{Read, Role};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};
use crate::introspect::model::{FullType, TypeKind};

/// Every problem, at the place of the reference.
pub fn check(file: &SourceFile, read: &Read) -> Result<(), Diagnostics> {
    let types: HashMap<&str, &FullType> = read
        .types
        .iter()
        .map(|(ty, _)| (ty.name.as_str(), ty))
        .collect();
    let mut problems = Diagnostics::default();
    for reference in &read.references {
        let Some(ty) = types.get(reference.name.as_str()) else {
            problems.push(
                Diagnostic::new(
                    file,
                    reference.position,
                    format!("type `{}` is referenced but never defined", reference.name),
                )
                .with_hint("the rendering is truncated or lost a type block"),
            );
            continue;
        };
        let (allowed, what) = match &reference.role {
            Role::Output => (
                !matches!(ty.kind, TypeKind::InputObject),
                "the type of a field",
            ),
            Role::Input => (
                matches!(
                    ty.kind,
                    TypeKind::Scalar | TypeKind::Enum | TypeKind::InputObject
                ),
                "the type of an argument or input field",
            ),
            Role::Member(_) => (ty.kind == TypeKind::Object, "a possible type"),
            Role::Interface(_) => (ty.kind == TypeKind::Interface, "an implemented interface"),
        };
        if !allowed {
            problems.push(Diagnostic::new(
                file,
                reference.position,
                format!(
                    "`{}` is {:?}, which cannot be {what}",
                    reference.name, ty.kind
                ),
            ));
            continue;
        }
        let (owner, listed, other, on_other) = match &reference.role {
            Role::Member(owner) if types[owner.as_str()].kind == TypeKind::Interface => {
                (owner, &ty.interfaces, &reference.name, "implement")
            }
            Role::Interface(owner) if types[owner.as_str()].kind == TypeKind::Object => {
                (owner, &ty.possible_types, &reference.name, "list")
            }
            _ => continue,
        };
        let names_owner = listed
            .iter()
            .flatten()
            .any(|t| t.innermost_name() == Some(owner.as_str()));
        if !names_owner {
            problems.push(Diagnostic::new(
                file,
                reference.position,
                format!("`{owner}` names `{other}`, but `{other}` does not {on_other} `{owner}`"),
            ));
        }
    }
    problems.into_result(())
}
