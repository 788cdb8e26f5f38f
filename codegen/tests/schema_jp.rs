//! The shipped JP schema: it loads, passes the structural checks, and is exactly what
//! `assemble-schema` builds from the facts in the repository.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kraken_codegen::assemble::{assemble, Inputs};
use kraken_codegen::schema::check::check;
use kraken_codegen::SourceFile;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn inputs() -> Inputs {
    Inputs {
        introspection: repo("schema/reference/oejp-introspection-partial.json"),
        docs: repo("schema/docs/kraken-jp-mutations-docs.txt"),
        platform: repo("schema/reference"),
        overlays: vec![repo("schema/overlays/jp-inferred.graphql")],
    }
}

#[test]
fn shipped_schema_is_what_the_facts_assemble_to() {
    let assembled = assemble(&inputs(), Path::new("schema/kraken-jp.graphql")).unwrap();
    let shipped = std::fs::read_to_string(repo("schema/kraken-jp.graphql")).unwrap();
    let provenance = std::fs::read_to_string(repo("schema/PROVENANCE.md")).unwrap();
    // Compared without printing 300 KB on failure: regenerate with the command in
    // schema/reference/README.md.
    assert!(
        assembled.sdl == shipped,
        "schema/kraken-jp.graphql is stale"
    );
    assert!(
        assembled.provenance == provenance,
        "schema/PROVENANCE.md is stale"
    );
    let again = assemble(&inputs(), Path::new("schema/kraken-jp.graphql")).unwrap();
    assert!(again.sdl == assembled.sdl && again.provenance == assembled.provenance);
}

#[test]
fn shipped_schema_loads_with_only_the_bodiless_types_as_warnings() {
    let text = std::fs::read_to_string(repo("schema/kraken-jp.graphql")).unwrap();
    let file = SourceFile::new("schema/kraken-jp.graphql", text.as_str());
    let document = graphql_parser::parse_schema::<String>(&text).unwrap();
    let checked = check(&document, &file);
    assert_eq!(
        checked.errors.len(),
        0,
        "{:?}",
        checked.errors.first().map(ToString::to_string)
    );
    let mut warned: Vec<String> = checked
        .warnings
        .iter()
        .map(|w| w.message.split('`').nth(1).unwrap_or_default().to_string())
        .collect();
    warned.sort();
    assert_eq!(
        warned,
        [
            "ContractCapacityUnits",
            "CosLossProcessStatus",
            "DisconnectionProcessStatus",
            "GasSupplyPointStatus",
            "GenerationPointStatus",
            "HalfHourlyReadingsVersions",
            "IntervalReadingsSortOrder",
            "JoinSupplierDetailedReason",
            "JoinSupplierReason",
            "LifelineAgencySignUpsFileRecordStatus",
            "MoveOutProcessStatus",
            "Product",
            "SelfServiceAction",
            "SupplyPointStatus",
            "UnitType",
        ]
    );
}

#[test]
fn every_documented_mutation_is_in_the_schema_with_the_documented_arguments() {
    use graphql_parser::query::{Definition, OperationDefinition, Selection, Value};
    use graphql_parser::schema::{Definition as SchemaDefinition, TypeDefinition};
    let text = std::fs::read_to_string(repo("schema/kraken-jp.graphql")).unwrap();
    let document = graphql_parser::parse_schema::<String>(&text).unwrap();
    let mutation = document
        .definitions
        .iter()
        .find_map(|d| match d {
            SchemaDefinition::TypeDefinition(TypeDefinition::Object(o)) if o.name == "Mutation" => {
                Some(o)
            }
            _ => None,
        })
        .unwrap();
    let schema_fields: BTreeMap<&str, BTreeMap<&str, String>> = mutation
        .fields
        .iter()
        .map(|f| {
            let args = f
                .arguments
                .iter()
                .map(|a| (a.name.as_str(), a.value_type.to_string()));
            (f.name.as_str(), args.collect())
        })
        .collect();

    // Each document on the page runs from a `mutation ` line until its braces balance.
    let page = std::fs::read_to_string(repo("schema/docs/kraken-jp-mutations-docs.txt")).unwrap();
    let mut documented: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut rest = page.as_str();
    while let Some(start) = rest.find("\nmutation ") {
        let text = &rest[start + 1..];
        let mut depth = 0;
        let mut end = 0;
        for (index, c) in text.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 1 => {
                    end = index + 1;
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let document = graphql_parser::parse_query::<String>(&text[..end]).unwrap();
        let Definition::Operation(OperationDefinition::Mutation(operation)) =
            &document.definitions[0]
        else {
            panic!("not a mutation: {}", &text[..end]);
        };
        let Selection::Field(root) = &operation.selection_set.items[0] else {
            panic!("no root field");
        };
        let args = root.arguments.iter().map(|(arg, value)| {
            let Value::Variable(variable) = value else {
                panic!("{}({arg}:) is not a variable", root.name)
            };
            let definition = operation
                .variable_definitions
                .iter()
                .find(|v| &v.name == variable);
            (arg.clone(), definition.unwrap().var_type.to_string())
        });
        documented.insert(root.name.clone(), args.collect());
        rest = &text[end..];
    }
    assert_eq!(documented.len(), 98);
    let names: Vec<&str> = documented.keys().map(String::as_str).collect();
    assert_eq!(names, schema_fields.keys().copied().collect::<Vec<_>>());
    for (field, args) in &documented {
        for (arg, ty) in args {
            assert_eq!(
                schema_fields[field.as_str()].get(arg.as_str()),
                Some(ty),
                "{field}({arg}:)"
            );
        }
    }
}
