//! The Relay connections an operation selects, found through fragments: what request
//! limits are checked on and what page walking is generated from.
//!
//! A connection field is a field that takes a `first` argument and returns an object
//! type with `edges` and `pageInfo` fields (the Relay cursor-connection shape).

use std::collections::BTreeMap;

use graphql_parser::query::{Field, Selection, TypeCondition, Value};

use super::documents::{AstSelectionSet, FragmentDef, OperationDef};
use crate::diagnostic::SourceFile;
use crate::ir::{Pagination, TypeKind};
use crate::schema::{FieldDef, Schema, TypeDef};

pub(crate) type AstField = Field<'static, String>;

/// One connection field selected by an operation.
#[derive(Debug)]
pub(crate) struct Connection<'d> {
    /// The file of the selection it is in (the operation's or a fragment's).
    pub file: &'d SourceFile,
    pub field: &'d AstField,
    /// `Type.field`, for messages.
    pub owner: String,
    /// Response keys from the root down to this field.
    pub path: Vec<&'d str>,
    /// The index of the closest connection above it, if any.
    pub parent: Option<usize>,
    /// Reached from the root through fields of objects only, none of them a list, and
    /// through no fragment: a plain path of struct fields in the generated types.
    pub plain_path: bool,
}

impl<'d> Connection<'d> {
    /// The value given to argument `name`, if any.
    pub fn argument(&self, name: &str) -> Option<&'d Value<'static, String>> {
        argument(self.field, name)
    }

    /// The path as written in messages: `viewer.accounts.bills`.
    pub fn dotted_path(&self) -> String {
        self.path.join(".")
    }
}

/// The value given to argument `name` of `field`, if any.
pub(crate) fn argument<'d>(field: &'d AstField, name: &str) -> Option<&'d Value<'static, String>> {
    field
        .arguments
        .iter()
        .find(|(given, _)| given == name)
        .map(|(_, value)| value)
}

/// Whether `def` is a connection field (see the module docs).
pub(crate) fn is_connection(schema: &Schema, def: &FieldDef) -> bool {
    def.arg("first").is_some()
        && schema.get(def.ty.name()).is_some_and(|target| {
            target.kind == TypeKind::Object
                && target.field("edges").is_some()
                && target.field("pageInfo").is_some()
        })
}

/// Every connection `operation` selects, in document order, parents before children.
/// Runs on documents that passed validation (known fields, no fragment cycles).
pub(crate) fn of_operation<'d>(
    schema: &'d Schema,
    fragments: &'d BTreeMap<String, FragmentDef>,
    operation: &'d OperationDef,
) -> Vec<Connection<'d>> {
    let mut finder = Finder {
        schema,
        fragments,
        found: Vec::new(),
    };
    if let Some(root) = schema.root_type(operation.kind) {
        let at = Place {
            file: &operation.file,
            path: Vec::new(),
            parent: None,
            plain_path: true,
        };
        finder.selection_set(root, &operation.selection, &at);
    }
    finder.found
}

/// How to walk `operation`'s pages: when it selects exactly one connection whose
/// `after` is a variable, and that one is reached by a plain path, takes a `String`
/// cursor and selects `pageInfo { hasNextPage endCursor }`.
pub(crate) fn pagination(
    schema: &Schema,
    fragments: &BTreeMap<String, FragmentDef>,
    operation: &OperationDef,
) -> Option<Pagination> {
    let found = of_operation(schema, fragments, operation);
    let mut paged = found
        .iter()
        .filter_map(|connection| match connection.argument("after") {
            Some(Value::Variable(after)) => Some((connection, after)),
            _ => None,
        });
    let (connection, after) = paged.next()?;
    if paged.next().is_some() || !connection.plain_path {
        return None;
    }
    let declared = operation
        .variables
        .iter()
        .find(|variable| variable.name == *after)?;
    let cursor_type = crate::schema::syntax::type_ref(&declared.var_type);
    if cursor_type.name() != "String" || cursor_type.is_list() {
        return None;
    }
    let page_info = direct_field(&connection.field.selection_set, "pageInfo")?;
    for name in ["hasNextPage", "endCursor"] {
        direct_field(&page_info.selection_set, name)?;
    }
    let first = match connection.argument("first") {
        Some(Value::Variable(first)) => Some(first.clone()),
        _ => None,
    };
    Some(Pagination {
        path: connection.path.iter().map(|key| key.to_string()).collect(),
        after: after.clone(),
        first,
    })
}

/// The field `name` selected in `set` itself, without an alias.
fn direct_field<'d>(set: &'d AstSelectionSet, name: &str) -> Option<&'d AstField> {
    set.items.iter().find_map(|item| match item {
        Selection::Field(field) if field.name == name && field.alias.is_none() => Some(field),
        _ => None,
    })
}

struct Finder<'d> {
    schema: &'d Schema,
    fragments: &'d BTreeMap<String, FragmentDef>,
    found: Vec<Connection<'d>>,
}

/// Where a selection set is.
#[derive(Clone)]
struct Place<'d> {
    file: &'d SourceFile,
    path: Vec<&'d str>,
    parent: Option<usize>,
    plain_path: bool,
}

impl<'d> Finder<'d> {
    fn selection_set(&mut self, parent: &'d TypeDef, set: &'d AstSelectionSet, at: &Place<'d>) {
        for item in &set.items {
            match item {
                Selection::Field(field) => self.field(parent, field, at),
                Selection::InlineFragment(inline) => {
                    let on = match &inline.type_condition {
                        Some(TypeCondition::On(name)) => self.schema.get(name),
                        None => Some(parent),
                    };
                    if let Some(on) = on {
                        let inner = Place {
                            plain_path: false,
                            ..at.clone()
                        };
                        self.selection_set(on, &inline.selection_set, &inner);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let Some(fragment) = self.fragments.get(&spread.fragment_name) else {
                        continue;
                    };
                    if let Some(on) = self.schema.get(&fragment.on_type) {
                        let inner = Place {
                            file: &fragment.file,
                            plain_path: false,
                            ..at.clone()
                        };
                        self.selection_set(on, &fragment.selection, &inner);
                    }
                }
            }
        }
    }

    fn field(&mut self, parent: &'d TypeDef, field: &'d AstField, at: &Place<'d>) {
        let Some(def) = self.schema.field(parent, &field.name) else {
            return;
        };
        let Some(target) = self.schema.get(def.ty.name()) else {
            return;
        };
        let mut inner = at.clone();
        inner
            .path
            .push(field.alias.as_deref().unwrap_or(&field.name));
        inner.plain_path = at.plain_path && parent.kind == TypeKind::Object && !def.ty.is_list();
        if is_connection(self.schema, def) {
            self.found.push(Connection {
                file: at.file,
                field,
                owner: format!("{}.{}", parent.name, def.name),
                path: inner.path.clone(),
                parent: at.parent,
                plain_path: inner.plain_path,
            });
            inner.parent = Some(self.found.len() - 1);
        }
        if target.kind.is_composite() {
            self.selection_set(target, &field.selection_set, &inner);
        }
    }
}
