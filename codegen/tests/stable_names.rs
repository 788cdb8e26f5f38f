//! Module paths and type names depend only on their own operation: adding or renaming
//! one operation leaves every other operation's module token for token as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kraken_codegen::Builder;
use quote::ToTokens;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/independent")
        .join(name)
}

/// Each module under `operations`, by name, as token text, generated from the
/// independent schema and `operations`.
fn operation_modules(operations: &[PathBuf]) -> BTreeMap<String, String> {
    let builder = Builder::new().scalar("Money", "rust_decimal::Decimal");
    modules_of(builder, &fixture("schema.graphql"), operations)
}

/// Each module under `operations`, by name, as token text.
fn modules_of(builder: Builder, schema: &Path, operations: &[PathBuf]) -> BTreeMap<String, String> {
    let code = builder
        .schema(schema)
        .operations(operations)
        .runtime_path("::kraken_jp")
        .generate()
        .unwrap()
        .to_string();
    let file: syn::File = syn::parse_str(&code).unwrap();
    let items = file.items.iter().find_map(|item| match item {
        syn::Item::Mod(module) if module.ident == "operations" => module.content.as_ref(),
        _ => None,
    });
    let Some((_, items)) = items else {
        panic!("no `operations` module in\n{code}");
    };
    items
        .iter()
        .map(|item| match item {
            syn::Item::Mod(module) => (
                module.ident.to_string(),
                module.to_token_stream().to_string(),
            ),
            other => panic!("not a module: {}", other.to_token_stream()),
        })
        .collect()
}

/// `modules` without the one named `name`, which must be there.
fn without(mut modules: BTreeMap<String, String>, name: &str) -> BTreeMap<String, String> {
    assert!(modules.remove(name).is_some(), "no module `{name}`");
    modules
}

#[test]
fn modules_are_named_after_their_operations() {
    let modules = operation_modules(&[fixture("operations.graphql")]);
    assert_eq!(
        modules.keys().collect::<Vec<_>>(),
        [
            "create_shop",
            "node_by_id",
            "pets",
            "search",
            "shop_details",
            "shop_overlap",
            "type_fields"
        ]
    );
}

#[test]
fn adding_an_operation_on_a_shared_root_field_moves_no_other_module() {
    let before = operation_modules(&[fixture("operations.graphql")]);
    let dir = tempfile::tempdir().unwrap();
    // Sorted before both operations already on `shop`.
    let added = dir.path().join("added.graphql");
    fs::write(
        &added,
        "query AShopFirst($id: ID!) {\n  shop(id: $id) {\n    opened\n  }\n}\n",
    )
    .unwrap();
    let after = operation_modules(&[fixture("operations.graphql"), added]);
    assert_eq!(without(after, "a_shop_first"), before);
}

#[test]
fn renaming_an_operation_moves_only_its_own_module() {
    let before = operation_modules(&[fixture("operations.graphql")]);
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("operations.graphql");
    let text = fs::read_to_string(fixture("operations.graphql")).unwrap();
    assert_eq!(text.matches("query ShopOverlap(").count(), 1);
    fs::write(&renamed, text.replace("query ShopOverlap(", "query AShop(")).unwrap();
    let after = operation_modules(&[renamed]);
    let overlap = &before["shop_overlap"];
    let shop = &after["a_shop"];
    // The module's name and its operation's type name change; nothing else in it does.
    assert_eq!(
        shop.replace("a_shop", "shop_overlap")
            .replace("AShop", "ShopOverlap"),
        *overlap
    );
    assert_eq!(without(after, "a_shop"), without(before, "shop_overlap"));
}

#[test]
fn a_shared_type_keeps_its_name_when_another_of_the_same_name_comes_into_use() {
    // The spec's `__TypeKind` and the schema's `TypeKind` both want the name `TypeKind`.
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("schema.graphql");
    fs::write(
        &schema,
        "type Query { kind: TypeKind }\nenum TypeKind { PLAIN FANCY }\n",
    )
    .unwrap();
    let kinds = dir.path().join("kinds.graphql");
    fs::write(
        &kinds,
        "query Kinds {\n  __type(name: \"Query\") {\n    kind\n  }\n}\n",
    )
    .unwrap();
    let kind = dir.path().join("kind.graphql");
    fs::write(&kind, "query Kind {\n  kind\n}\n").unwrap();
    let alone = modules_of(Builder::new(), &schema, std::slice::from_ref(&kinds));
    let both = modules_of(Builder::new(), &schema, &[kinds, kind]);
    assert!(
        alone["kinds"].contains("super :: super :: types :: TypeKind2"),
        "{}",
        alone["kinds"]
    );
    assert_eq!(without(both, "kind"), alone);
}
