//! Structural checks of an SDL document before it is indexed: every referenced type
//! exists and is used in a position its kind allows. Duplicates are tolerated (real
//! schemas have them) and reported as warnings; everything else stops the load.

mod locate;

use std::collections::BTreeMap;

use graphql_parser::schema::{
    Definition, Document, EnumValue, Field, InputValue, Type, TypeDefinition, TypeExtension,
};
use graphql_parser::Pos;

use crate::diagnostic::{Diagnostic, Position, SourceFile};
use locate::{Cursor, Lines};

/// What [`check`] found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Problems that make the schema unusable: the load stops.
    pub errors: Vec<Diagnostic>,
    /// Problems the loader works around (it says how in each message).
    pub warnings: Vec<Diagnostic>,
}

/// The kind of a named type, as far as positions are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

impl Kind {
    fn of(definition: &TypeDefinition<'_, String>) -> Self {
        match definition {
            TypeDefinition::Scalar(_) => Kind::Scalar,
            TypeDefinition::Object(_) => Kind::Object,
            TypeDefinition::Interface(_) => Kind::Interface,
            TypeDefinition::Union(_) => Kind::Union,
            TypeDefinition::Enum(_) => Kind::Enum,
            TypeDefinition::InputObject(_) => Kind::InputObject,
        }
    }

    fn article(self) -> &'static str {
        match self {
            Kind::Scalar => "a scalar",
            Kind::Object => "an object type",
            Kind::Interface => "an interface",
            Kind::Union => "a union",
            Kind::Enum => "an enum",
            Kind::InputObject => "an input type",
        }
    }

    fn is_input(self) -> bool {
        matches!(self, Kind::Scalar | Kind::Enum | Kind::InputObject)
    }

    fn is_output(self) -> bool {
        self != Kind::InputObject
    }
}

const BUILT_IN_SCALARS: [&str; 5] = ["Boolean", "Float", "ID", "Int", "String"];

/// Checks `document`, whose text is `file`.
pub fn check(document: &Document<'_, String>, file: &SourceFile) -> Checked {
    let lines = Lines::new(file);
    let mut checker = Checker {
        file,
        lines: &lines,
        kinds: BTreeMap::new(),
        checked: Checked::default(),
    };
    checker.collect_kinds(document);
    for definition in &document.definitions {
        checker.definition(definition);
    }
    checker.checked
}

struct Checker<'f> {
    file: &'f SourceFile,
    lines: &'f Lines<'f>,
    kinds: BTreeMap<String, Kind>,
    checked: Checked,
}

/// Where a type reference sits, which decides the kinds it may name.
#[derive(Clone, Copy)]
enum Usage {
    Output,
    Input,
}

impl<'f> Checker<'f> {
    fn collect_kinds(&mut self, document: &Document<'_, String>) {
        for name in BUILT_IN_SCALARS {
            self.kinds.insert(name.to_string(), Kind::Scalar);
        }
        let mut first: BTreeMap<&str, Pos> = BTreeMap::new();
        for definition in &document.definitions {
            let Definition::TypeDefinition(ty) = definition else {
                continue;
            };
            let (name, pos) = type_name_and_pos(ty);
            if let Some(earlier) = first.get(name) {
                self.error(
                    Diagnostic::new(
                        self.file,
                        self.name_position(pos, name),
                        format!("type `{name}` is defined twice"),
                    )
                    .with_related("first defined here", self.name_position(*earlier, name))
                    .with_hint("remove or rename one of the definitions"),
                );
                continue;
            }
            if BUILT_IN_SCALARS.contains(&name) && Kind::of(ty) != Kind::Scalar {
                self.error(Diagnostic::new(
                    self.file,
                    self.name_position(pos, name),
                    format!("`{name}` is a built-in scalar and cannot be redefined"),
                ));
            }
            first.insert(name, pos);
            self.kinds.insert(name.to_string(), Kind::of(ty));
        }
    }

    fn definition(&mut self, definition: &Definition<'_, String>) {
        match definition {
            Definition::SchemaDefinition(schema) => {
                let roots = [&schema.query, &schema.mutation, &schema.subscription];
                for root in roots.into_iter().flatten() {
                    let position = self.cursor(schema.position).find_name(root);
                    let position = position.unwrap_or(self.parsed_position(schema.position));
                    match self.kinds.get(root) {
                        Some(Kind::Object) => {}
                        Some(kind) => self.error(Diagnostic::new(
                            self.file,
                            position,
                            format!(
                                "root operation type `{root}` is {}, not an object type",
                                kind.article()
                            ),
                        )),
                        None => self.unknown(position, root, "the schema definition"),
                    }
                }
            }
            Definition::TypeDefinition(ty) => self.type_definition(ty),
            Definition::TypeExtension(extension) => self.type_extension(extension),
            Definition::DirectiveDefinition(directive) => {
                let owner = format!("@{}", directive.name);
                self.input_values(&owner, &directive.arguments, "argument");
            }
        }
    }

    fn type_definition(&mut self, ty: &TypeDefinition<'_, String>) {
        match ty {
            TypeDefinition::Scalar(_) => {}
            TypeDefinition::Object(object) => {
                self.interfaces(&object.name, object.position, &object.implements_interfaces);
                self.fields(&object.name, &object.fields);
            }
            TypeDefinition::Interface(interface) => {
                self.interfaces(
                    &interface.name,
                    interface.position,
                    &interface.implements_interfaces,
                );
                self.fields(&interface.name, &interface.fields);
            }
            TypeDefinition::Union(union) => {
                if union.types.is_empty() {
                    self.empty(union.position, &union.name, "union", "members", "object");
                }
                self.union_members(&union.name, union.position, &union.types);
            }
            TypeDefinition::Enum(enumeration) => {
                if enumeration.values.is_empty() {
                    self.empty(
                        enumeration.position,
                        &enumeration.name,
                        "enum",
                        "values",
                        "value",
                    );
                }
                self.enum_values(&enumeration.name, &enumeration.values);
            }
            TypeDefinition::InputObject(input) => {
                self.input_values(&input.name, &input.fields, "input field");
            }
        }
    }

    fn type_extension(&mut self, extension: &TypeExtension<'_, String>) {
        let (name, pos, expected) = match extension {
            TypeExtension::Scalar(e) => (&e.name, e.position, Kind::Scalar),
            TypeExtension::Object(e) => (&e.name, e.position, Kind::Object),
            TypeExtension::Interface(e) => (&e.name, e.position, Kind::Interface),
            TypeExtension::Union(e) => (&e.name, e.position, Kind::Union),
            TypeExtension::Enum(e) => (&e.name, e.position, Kind::Enum),
            TypeExtension::InputObject(e) => (&e.name, e.position, Kind::InputObject),
        };
        let position = self
            .cursor(pos)
            .find_name(name)
            .unwrap_or(self.parsed_position(pos));
        match self.kinds.get(name.as_str()) {
            None => self.unknown(position, name, "this extension"),
            Some(kind) if *kind != expected => self.error(Diagnostic::new(
                self.file,
                position,
                format!(
                    "`{name}` is {}, but this extends it as {}",
                    kind.article(),
                    expected.article()
                ),
            )),
            Some(_) => {}
        }
        match extension {
            TypeExtension::Scalar(_) => {}
            TypeExtension::Object(e) => {
                self.interfaces(&e.name, e.position, &e.implements_interfaces);
                self.fields(&e.name, &e.fields);
            }
            TypeExtension::Interface(e) => self.fields(&e.name, &e.fields),
            TypeExtension::Union(e) => self.union_members(&e.name, e.position, &e.types),
            TypeExtension::Enum(e) => self.enum_values(&e.name, &e.values),
            TypeExtension::InputObject(e) => self.input_values(&e.name, &e.fields, "input field"),
        }
    }

    fn interfaces(&mut self, owner: &str, pos: Pos, interfaces: &[String]) {
        let positions = self.cursor(pos).implemented_interfaces(interfaces.len());
        for (index, interface) in interfaces.iter().enumerate() {
            let position = positions
                .get(index)
                .copied()
                .unwrap_or(self.parsed_position(pos));
            match self.kinds.get(interface) {
                Some(Kind::Interface) => {}
                Some(kind) => self.error(Diagnostic::new(
                    self.file,
                    position,
                    format!(
                        "`{owner}` implements `{interface}`, which is {}, not an interface",
                        kind.article()
                    ),
                )),
                None => self.unknown(position, interface, &format!("`{owner}`")),
            }
        }
    }

    fn union_members(&mut self, owner: &str, pos: Pos, members: &[String]) {
        let positions = self.cursor(pos).union_members(members.len());
        let mut seen: BTreeMap<&str, Position> = BTreeMap::new();
        for (index, member) in members.iter().enumerate() {
            let position = positions
                .get(index)
                .copied()
                .unwrap_or(self.parsed_position(pos));
            if let Some(first) = seen.get(member.as_str()) {
                self.duplicate(
                    position,
                    *first,
                    &format!("union `{owner}` lists member `{member}`"),
                    "once",
                );
                continue;
            }
            seen.insert(member, position);
            match self.kinds.get(member) {
                Some(Kind::Object) => {}
                Some(kind) => self.error(
                    Diagnostic::new(
                        self.file,
                        position,
                        format!("union `{owner}` has member `{member}`, which is {}, not an object type", kind.article()),
                    )
                    .with_hint("union members must be object types"),
                ),
                None => self.unknown(position, member, &format!("union `{owner}`")),
            }
        }
    }

    /// Positions are looked up (the text re-scanned) only for what is reported.
    fn fields(&mut self, owner: &str, fields: &[Field<'_, String>]) {
        let mut seen: BTreeMap<&str, Pos> = BTreeMap::new();
        for field in fields {
            let path = || format!("{owner}.{}", field.name);
            if let Some(first) = seen.get(field.name.as_str()) {
                self.duplicate(
                    self.name_position(field.position, &field.name),
                    self.name_position(*first, &field.name),
                    &format!("field `{}`", path()),
                    "the first definition",
                );
                continue;
            }
            seen.insert(&field.name, field.position);
            if !self.fits(&field.field_type, Usage::Output) {
                let position = self.type_position(field.position, &field.name);
                self.type_reference(&field.field_type, position, &path(), Usage::Output);
            }
            if !field.arguments.is_empty() {
                self.input_values(&path(), &field.arguments, "argument");
            }
        }
    }

    fn input_values(&mut self, owner: &str, values: &[InputValue<'_, String>], what: &str) {
        let mut seen: BTreeMap<&str, Pos> = BTreeMap::new();
        for value in values {
            let path = || {
                if what == "argument" {
                    format!("{owner}({}:)", value.name)
                } else {
                    format!("{owner}.{}", value.name)
                }
            };
            if let Some(first) = seen.get(value.name.as_str()) {
                self.duplicate(
                    self.name_position(value.position, &value.name),
                    self.name_position(*first, &value.name),
                    &format!("{what} `{}`", path()),
                    "the first definition",
                );
                continue;
            }
            seen.insert(&value.name, value.position);
            if !self.fits(&value.value_type, Usage::Input) {
                let position = self.type_position(value.position, &value.name);
                self.type_reference(&value.value_type, position, &path(), Usage::Input);
            }
        }
    }

    /// Whether `ty` names a known type of a kind `usage` allows: the common case, decided
    /// before any position is looked up.
    fn fits(&self, ty: &Type<'_, String>, usage: Usage) -> bool {
        self.kinds
            .get(named_type(ty))
            .is_some_and(|kind| match usage {
                Usage::Input => kind.is_input(),
                Usage::Output => kind.is_output(),
            })
    }

    /// Where `name` is, re-scanned from the position graphql-parser gives its definition.
    fn name_position(&self, pos: Pos, name: &str) -> Position {
        self.cursor(pos)
            .find_name(name)
            .unwrap_or(self.parsed_position(pos))
    }

    /// Where the type reference of the field or value `name` defined at `pos` is.
    fn type_position(&self, pos: Pos, name: &str) -> Position {
        let mut cursor = self.cursor(pos);
        let position = cursor.find_name(name).unwrap_or(self.parsed_position(pos));
        cursor.find_type_reference().unwrap_or(position)
    }

    fn enum_values(&mut self, owner: &str, values: &[EnumValue<'_, String>]) {
        let mut seen: BTreeMap<&str, Position> = BTreeMap::new();
        for value in values {
            let position = self
                .cursor(value.position)
                .find_name(&value.name)
                .unwrap_or(self.parsed_position(value.position));
            if let Some(first) = seen.get(value.name.as_str()) {
                let what = format!("enum value `{owner}.{}`", value.name);
                self.duplicate(position, *first, &what, "one");
                continue;
            }
            seen.insert(&value.name, position);
        }
    }

    fn type_reference(
        &mut self,
        ty: &Type<'_, String>,
        position: Position,
        path: &str,
        usage: Usage,
    ) {
        let name = named_type(ty);
        let Some(kind) = self.kinds.get(name).copied() else {
            self.unknown(position, name, &format!("`{path}`"));
            return;
        };
        match usage {
            Usage::Input if !kind.is_input() => self.error(
                Diagnostic::new(
                    self.file,
                    position,
                    format!("`{path}` takes `{name}`, which is {}: an output type in an input position", kind.article()),
                )
                .with_hint("arguments and input fields take scalars, enums and input types"),
            ),
            Usage::Output if !kind.is_output() => self.error(
                Diagnostic::new(
                    self.file,
                    position,
                    format!("`{path}` returns `{name}`, which is an input type: an input type in an output position"),
                )
                .with_hint("fields return scalars, enums, object types, interfaces and unions"),
            ),
            _ => {}
        }
    }

    fn unknown(&mut self, position: Position, name: &str, user: &str) {
        self.error(
            Diagnostic::new(
                self.file,
                position,
                format!("{user} refers to unknown type `{name}`"),
            )
            .with_hint(format!("define `{name}` in the schema or correct the name")),
        );
    }

    fn duplicate(&mut self, position: Position, first: Position, what: &str, kept: &str) {
        self.checked.warnings.push(
            Diagnostic::new(
                self.file,
                position,
                format!("{what} is defined more than once; the loader proceeds with {kept}"),
            )
            .with_related("first defined here", first)
            .with_hint("remove the repeated definition"),
        );
    }

    /// An enum without values or a union without members: valid to parse, rejected by
    /// stricter tools; responses still decode (every value is an unknown one).
    fn empty(&mut self, pos: Pos, name: &str, kind: &str, parts: &str, each: &str) {
        let position = self
            .cursor(pos)
            .find_name(name)
            .unwrap_or(self.parsed_position(pos));
        self.checked.warnings.push(
            Diagnostic::new(
                self.file,
                position,
                format!("{kind} `{name}` has no {parts}; the loader proceeds and decodes every {each} as an unknown one"),
            )
            .with_hint(format!("list its {parts}, or replace the schema with the live one (`kraken-codegen introspect`)")),
        );
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.checked.errors.push(diagnostic);
    }

    fn cursor(&self, pos: Pos) -> Cursor<'f> {
        Cursor::at(self.lines, pos)
    }

    /// A graphql-parser position taken as it is, when the text cannot be re-scanned.
    fn parsed_position(&self, pos: Pos) -> Position {
        self.cursor(pos).position()
    }
}

fn type_name_and_pos<'d>(ty: &'d TypeDefinition<'_, String>) -> (&'d str, Pos) {
    match ty {
        TypeDefinition::Scalar(t) => (&t.name, t.position),
        TypeDefinition::Object(t) => (&t.name, t.position),
        TypeDefinition::Interface(t) => (&t.name, t.position),
        TypeDefinition::Union(t) => (&t.name, t.position),
        TypeDefinition::Enum(t) => (&t.name, t.position),
        TypeDefinition::InputObject(t) => (&t.name, t.position),
    }
}

fn named_type<'t>(ty: &'t Type<'_, String>) -> &'t str {
    match ty {
        Type::NamedType(name) => name,
        Type::ListType(inner) | Type::NonNullType(inner) => named_type(inner),
    }
}
