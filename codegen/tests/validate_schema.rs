//! Loading SDL into the schema index.

use kraken_codegen::ir::{TypeKind, TypeRef};
use kraken_codegen::schema::{self, Schema};
use kraken_codegen::{Diagnostics, SourceFile};

fn load(files: &[(&str, &str)]) -> Result<Schema, Diagnostics> {
    schema::from_sources(
        files
            .iter()
            .map(|(path, text)| SourceFile::new(*path, *text))
            .collect(),
    )
}

#[test]
fn indexes_types_roots_members_and_implementors_across_files() {
    let schema = match load(&[
        (
            "a.graphql",
            "schema { query: Root mutation: Change }
interface Named { name: String }
type Root { pet(id: ID!, verbose: Boolean = false): Pet }
",
        ),
        (
            "b.graphql",
            "union Pet = Cat | Dog
type Cat implements Named { name: String lives: Int @deprecated }
type Dog implements Named { name: String }
type Change { rename(name: String!): Pet }
extend type Dog { barks: Boolean }
enum Size { SMALL LARGE }
scalar Date
",
        ),
    ]) {
        Ok(schema) => schema,
        Err(errors) => panic!("{}", errors.render()),
    };
    assert_eq!(schema.query_type.as_deref(), Some("Root"));
    assert_eq!(schema.mutation_type.as_deref(), Some("Change"));
    assert_eq!(schema.subscription_type, None);
    let kinds: Vec<(&str, TypeKind)> = schema
        .types
        .values()
        .map(|ty| (ty.name.as_str(), ty.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Boolean", TypeKind::BuiltinScalar),
            ("Cat", TypeKind::Object),
            ("Change", TypeKind::Object),
            ("Date", TypeKind::CustomScalar),
            ("Dog", TypeKind::Object),
            ("Float", TypeKind::BuiltinScalar),
            ("ID", TypeKind::BuiltinScalar),
            ("Int", TypeKind::BuiltinScalar),
            ("Named", TypeKind::Interface),
            ("Pet", TypeKind::Union),
            ("Root", TypeKind::Object),
            ("Size", TypeKind::Enum),
            ("String", TypeKind::BuiltinScalar),
            // The spec's introspection types, in every schema.
            ("__Directive", TypeKind::Object),
            ("__DirectiveLocation", TypeKind::Enum),
            ("__EnumValue", TypeKind::Object),
            ("__Field", TypeKind::Object),
            ("__InputValue", TypeKind::Object),
            ("__Schema", TypeKind::Object),
            ("__Type", TypeKind::Object),
            ("__TypeKind", TypeKind::Enum),
        ]
    );
    let named = schema.get("Named").map(|ty| ty.implementors.clone());
    assert_eq!(named, Some(vec!["Cat".to_string(), "Dog".to_string()]));
    assert_eq!(schema.possible_types("Pet"), ["Cat", "Dog"]);
    let dog: Vec<&str> = schema
        .get("Dog")
        .map(|ty| ty.fields.iter().map(|f| f.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(dog, ["name", "barks"]);
    let lives = schema.get("Cat").and_then(|ty| ty.field("lives"));
    assert_eq!(
        lives
            .and_then(|f| f.deprecated.as_ref())
            .map(|d| d.note.as_str()),
        Some("No longer supported")
    );
    let pet = schema.get("Root").and_then(|ty| ty.field("pet"));
    let args: Vec<(String, String, Option<String>, bool)> = pet
        .map(|f| {
            f.args
                .iter()
                .map(|a| {
                    (
                        a.name.clone(),
                        a.ty.to_string(),
                        a.default.clone(),
                        a.is_required(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        args,
        [
            ("id".to_string(), "ID!".to_string(), None, true),
            (
                "verbose".to_string(),
                "Boolean".to_string(),
                Some("false".to_string()),
                false
            ),
        ]
    );
    assert_eq!(
        pet.map(|f| f.ty.clone()),
        Some(TypeRef::Named("Pet".to_string()))
    );
    let location = pet.map(|f| {
        (
            f.location.file,
            f.location.position.line,
            f.location.position.column,
        )
    });
    assert_eq!(location, Some((0, 3, 13)));
}

#[test]
fn default_root_names_apply_without_a_schema_block() {
    let schema = load(&[(
        "a.graphql",
        "type Query { a: Int }\ntype Mutation { b: Int }\n",
    )]);
    let roots = schema.map(|s| (s.query_type, s.mutation_type, s.subscription_type));
    assert_eq!(
        roots.ok(),
        Some((
            Some("Query".to_string()),
            Some("Mutation".to_string()),
            None
        ))
    );
}

#[test]
fn every_file_problem_is_reported_with_its_place() {
    let errors = match load(&[
        ("a.graphql", "type Query {\n  a: Int\n"),
        (
            "b.graphql",
            "type Thing { a: Int }\ntype Thing { b: Int }\nextend type Other { c: Int }\n",
        ),
    ]) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors,
    };
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "a.graphql:3:1: syntax error: Unexpected end of input; Expected }",
            "b.graphql:2:6: type `Thing` is defined twice",
            "b.graphql:3:13: this extension refers to unknown type `Other`",
        ]
    );
    insta::assert_snapshot!(errors.render());
}

#[test]
fn files_are_checked_together_and_duplicates_across_files_reported() {
    let errors = match load(&[
        (
            "a.graphql",
            "type Query { pet: Pet }\ntype Shared { a: Int }\n",
        ),
        (
            "b.graphql",
            "type Pet { owner: Query, kind: Kind }\ntype Shared { b: Int }\n",
        ),
    ]) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors,
    };
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "b.graphql:1:32: `Pet.kind` refers to unknown type `Kind`",
            "b.graphql:2:1: type `Shared` is defined twice",
        ]
    );
    assert_eq!(
        errors.as_slice()[1].hint.as_deref(),
        Some("remove one definition or use `extend type` (the first is at a.graphql:2:1)")
    );
}

#[test]
fn duplicates_within_a_type_are_warnings_and_the_first_is_kept() {
    let schema = match load(&[(
        "a.graphql",
        "type Query {\n  a: Int\n  a: String\n  b: Int\n}\n",
    )]) {
        Ok(schema) => schema,
        Err(errors) => panic!("{}", errors.render()),
    };
    let fields: Vec<(String, String)> = schema
        .get("Query")
        .map(|ty| {
            ty.fields
                .iter()
                .map(|f| (f.name.clone(), f.ty.to_string()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        fields,
        [
            ("a".to_string(), "Int".to_string()),
            ("b".to_string(), "Int".to_string())
        ]
    );
    let warnings: Vec<String> = schema.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["a.graphql:3:3: field `Query.a` is defined more than once; the loader proceeds with the first definition"]
    );
}

#[test]
fn a_missing_file_is_reported_not_a_panic() {
    let errors = match schema::load(&[std::path::PathBuf::from("tests/fixtures/missing.graphql")]) {
        Ok(_) => panic!("expected an error"),
        Err(errors) => errors,
    };
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["tests/fixtures/missing.graphql:1:1: cannot read `tests/fixtures/missing.graphql`: No such file or directory (os error 2)"]
    );
    insta::assert_snapshot!(errors.render());
}
