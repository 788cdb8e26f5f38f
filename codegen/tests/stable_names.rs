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
    let code = Builder::new()
        .schema(fixture("schema.graphql"))
        .operations(operations)
        .scalar("Money", "rust_decimal::Decimal")
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
            "shop_overlap"
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
