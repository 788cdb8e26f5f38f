//! Executable documents: where they come from, parsing them, and gathering their
//! operations and fragments into one namespace (duplicates are errors).

use std::collections::BTreeMap;
use std::path::Path;

use graphql_parser::query::{
    Definition, Directive, Document, FragmentDefinition, OperationDefinition, Selection,
    SelectionSet, TypeCondition, VariableDefinition,
};

use crate::catalogue;
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::ir::OperationKind;
use crate::naming;
use crate::schema::syntax::{parse_error, parser_text, position, read_source};

pub(crate) type Ast = Document<'static, String>;
pub(crate) type AstSelectionSet = SelectionSet<'static, String>;

/// One executable document to validate: a catalogue operation's document, or a user's
/// own `.graphql` file of operations and fragments.
#[derive(Debug, Clone)]
pub struct ExecutableSource {
    pub file: SourceFile,
    /// The catalogue record whose document this is.
    pub docs: Option<catalogue::Operation>,
}

impl ExecutableSource {
    /// A user's `.graphql` file.
    pub fn read(path: &Path) -> Result<Self, Diagnostics> {
        Ok(ExecutableSource {
            file: read_source(path)?,
            docs: None,
        })
    }

    /// Every operation document of a catalogue, in catalogue order.
    pub fn from_catalogue(catalogue: &catalogue::Catalogue) -> Vec<Self> {
        catalogue
            .operations
            .iter()
            .map(|operation| ExecutableSource {
                file: SourceFile::new(operation.document_path.clone(), operation.document.as_str()),
                docs: Some(operation.clone()),
            })
            .collect()
    }
}

/// A named operation with the file it came from.
#[derive(Debug, Clone)]
pub(crate) struct OperationDef {
    pub file: SourceFile,
    pub name: String,
    pub kind: OperationKind,
    pub position: Position,
    pub variables: Vec<VariableDefinition<'static, String>>,
    pub directives: Vec<Directive<'static, String>>,
    pub selection: AstSelectionSet,
    pub docs: Option<catalogue::Operation>,
}

/// A named fragment, written by the user or synthesized from the schema.
#[derive(Debug, Clone)]
pub(crate) struct FragmentDef {
    pub file: SourceFile,
    pub name: String,
    pub on_type: String,
    pub position: Position,
    pub directives: Vec<Directive<'static, String>>,
    pub selection: AstSelectionSet,
    pub synthesized: bool,
}

impl FragmentDef {
    pub fn from_ast(
        file: &SourceFile,
        fragment: &FragmentDefinition<'static, String>,
        synthesized: bool,
    ) -> Self {
        let TypeCondition::On(on_type) = &fragment.type_condition;
        FragmentDef {
            file: file.clone(),
            name: fragment.name.clone(),
            on_type: on_type.clone(),
            position: position(fragment.position),
            directives: fragment.directives.clone(),
            selection: fragment.selection_set.clone(),
            synthesized,
        }
    }
}

/// All operations (in input order) and fragments (by name) of a run.
#[derive(Debug, Default)]
pub(crate) struct Documents {
    pub operations: Vec<OperationDef>,
    pub fragments: BTreeMap<String, FragmentDef>,
}

/// Parses every source and gathers its definitions.
pub(crate) fn collect(sources: &[ExecutableSource], diagnostics: &mut Diagnostics) -> Documents {
    let mut documents = Documents::default();
    let mut operation_names: BTreeMap<String, (SourceFile, Position)> = BTreeMap::new();
    let mut modules = RustNames::new(
        "operations",
        "an operation's module is its name in snake_case",
    );
    let mut fragment_types = RustNames::new(
        "fragments",
        "a fragment's Rust type is its name in PascalCase",
    );
    for source in sources {
        let ast: Ast = match graphql_parser::parse_query::<String>(&parser_text(&source.file.text))
        {
            Ok(ast) => ast.into_static(),
            Err(error) => {
                diagnostics.push(parse_error(&source.file, &error.to_string()));
                continue;
            }
        };
        let file = &source.file;
        let mut documented = false;
        for definition in &ast.definitions {
            match definition {
                Definition::Fragment(fragment) => {
                    let fragment = FragmentDef::from_ast(file, fragment, false);
                    if let Some(first) = documents.fragments.get(&fragment.name) {
                        diagnostics.push(duplicate(
                            file,
                            fragment.position,
                            &format!("fragment `{}` is defined twice", fragment.name),
                            &first.file,
                            first.position,
                        ));
                    } else {
                        let rust = naming::pascal(&fragment.name);
                        fragment_types.take(
                            format!("the Rust type `types::{rust}`"),
                            &fragment.name,
                            (file, fragment.position),
                            diagnostics,
                        );
                        documents.fragments.insert(fragment.name.clone(), fragment);
                    }
                }
                Definition::Operation(operation) => {
                    let Some(operation) = operation_def(file, operation, diagnostics) else {
                        continue;
                    };
                    if let Some((first_file, first)) = operation_names.get(&operation.name) {
                        diagnostics.push(duplicate(
                            file,
                            operation.position,
                            &format!("operation `{}` is defined twice", operation.name),
                            first_file,
                            *first,
                        ));
                    } else {
                        let module = naming::operation_module(&operation.name);
                        modules.take(
                            format!("the module `operations::{module}`"),
                            &operation.name,
                            (file, operation.position),
                            diagnostics,
                        );
                        operation_names
                            .insert(operation.name.clone(), (file.clone(), operation.position));
                    }
                    let docs = source
                        .docs
                        .as_ref()
                        .filter(|docs| docs.operation_name == operation.name);
                    if let Some(docs) = docs {
                        documented = true;
                        check_root_field(&operation, docs, diagnostics);
                    }
                    documents.operations.push(OperationDef {
                        docs: docs.cloned(),
                        ..operation
                    });
                }
            }
        }
        if let Some(docs) = source.docs.as_ref().filter(|_| !documented) {
            diagnostics.push(
                Diagnostic::new(
                    file,
                    Position { line: 1, column: 1 },
                    format!(
                        "the document of `{}` defines no operation named `{}`",
                        docs.field_name, docs.operation_name
                    ),
                )
                .with_hint("name the operation in the document as the catalogue does"),
            );
        }
    }
    documents
}

fn operation_def(
    file: &SourceFile,
    operation: &OperationDefinition<'static, String>,
    diagnostics: &mut Diagnostics,
) -> Option<OperationDef> {
    let (kind, pos, name, variables, directives, selection) = match operation {
        OperationDefinition::Query(query) => (
            OperationKind::Query,
            query.position,
            &query.name,
            &query.variable_definitions,
            &query.directives,
            &query.selection_set,
        ),
        OperationDefinition::Mutation(mutation) => (
            OperationKind::Mutation,
            mutation.position,
            &mutation.name,
            &mutation.variable_definitions,
            &mutation.directives,
            &mutation.selection_set,
        ),
        OperationDefinition::Subscription(subscription) => {
            diagnostics.push(
                Diagnostic::new(
                    file,
                    position(subscription.position),
                    "subscriptions are not supported",
                )
                .with_hint(
                    "generated code sends queries and mutations over HTTP; a subscription \
                     needs a streaming transport",
                ),
            );
            return None;
        }
        OperationDefinition::SelectionSet(set) => {
            let at = position(set.span.0);
            diagnostics.push(anonymous(file, at, OperationKind::Query, set));
            return None;
        }
    };
    let Some(name) = name else {
        diagnostics.push(anonymous(file, position(pos), kind, selection));
        return None;
    };
    Some(OperationDef {
        file: file.clone(),
        name: name.clone(),
        kind,
        position: position(pos),
        variables: variables.clone(),
        directives: directives.clone(),
        selection: selection.clone(),
        docs: None,
    })
}

/// A catalogue operation's document must select the field the catalogue files it under.
fn check_root_field(
    operation: &OperationDef,
    docs: &catalogue::Operation,
    diagnostics: &mut Diagnostics,
) {
    let selects = operation
        .selection
        .items
        .iter()
        .any(|item| matches!(item, Selection::Field(field) if field.name == docs.field_name));
    if !selects {
        diagnostics.push(
            Diagnostic::new(
                &operation.file,
                operation.position,
                format!(
                    "operation `{}` does not select `{}`, the field the catalogue documents it as",
                    operation.name, docs.field_name
                ),
            )
            .with_hint(format!(
                "select `{}` at the root of the operation",
                docs.field_name
            )),
        );
    }
}

/// The definitions of one kind seen so far, by the Rust item they become: two GraphQL
/// names that differ only in case or underscores (`FooBar`, `Foo_Bar`) would become
/// the same one.
struct RustNames {
    /// The definitions' kind, plural: "operations".
    kind: &'static str,
    /// How a definition's Rust name is made, for the hint.
    rule: &'static str,
    seen: BTreeMap<String, (String, SourceFile, Position)>,
}

impl RustNames {
    fn new(kind: &'static str, rule: &'static str) -> Self {
        RustNames {
            kind,
            rule,
            seen: BTreeMap::new(),
        }
    }

    /// Records that `name`, defined at `file`:`at`, becomes `item` (e.g. "the module
    /// `operations::foo`"); reports it if an earlier definition became the same.
    fn take(
        &mut self,
        item: String,
        name: &str,
        (file, at): (&SourceFile, Position),
        diagnostics: &mut Diagnostics,
    ) {
        let Some((first, first_file, first_at)) = self.seen.get(&item) else {
            self.seen.insert(item, (name.to_string(), file.clone(), at));
            return;
        };
        let message = format!("{} `{first}` and `{name}` would both be {item}", self.kind);
        let diagnostic = Diagnostic::new(file, at, message);
        let hint = format!("rename one of them: {}", self.rule);
        diagnostics.push(if first_file.path == file.path {
            diagnostic
                .with_related(format!("`{first}` is here"), *first_at)
                .with_hint(hint)
        } else {
            diagnostic.with_hint(format!(
                "{hint} (`{first}` is at {}:{}:{})",
                first_file.path.display(),
                first_at.line,
                first_at.column
            ))
        });
    }
}

/// An operation without a name, with a name to give it: its first root field's, else
/// its file's, in PascalCase.
fn anonymous(
    file: &SourceFile,
    position: Position,
    kind: OperationKind,
    selection: &AstSelectionSet,
) -> Diagnostic {
    let file_name = file.path.file_name().map_or_else(
        || file.path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let root_field = selection.items.iter().find_map(|item| match item {
        Selection::Field(field) if field.name != "__typename" => Some(field.name.as_str()),
        _ => None,
    });
    let stem = file.path.file_stem().map(|stem| stem.to_string_lossy());
    let source = root_field.or(stem.as_deref()).unwrap_or("operation");
    let keyword = kind.keyword();
    Diagnostic::new(file, position, format!("{keyword} without a name in {file_name}"))
        .with_hint(format!(
            "name it, e.g. `{keyword} {} {{ ... }}`: the name is the operation's Rust type and, in snake_case, its module",
            naming::pascal(source)
        ))
}

/// A duplicate definition: points at the second one and names the first.
fn duplicate(
    file: &SourceFile,
    position: Position,
    message: &str,
    first_file: &SourceFile,
    first: Position,
) -> Diagnostic {
    let diagnostic = Diagnostic::new(file, position, message);
    if first_file.path == file.path {
        diagnostic
            .with_related("first defined here", first)
            .with_hint("rename or remove one of the two definitions")
    } else {
        diagnostic.with_hint(format!(
            "rename or remove one of the two definitions (the first is at {}:{}:{})",
            first_file.path.display(),
            first.line,
            first.column
        ))
    }
}
