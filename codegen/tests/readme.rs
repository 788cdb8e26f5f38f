//! The README's table of scalar mappings is the generator's own.

use std::path::Path;

const START: &str = "<!-- scalar table: from kraken_codegen::scalars::markdown_table -->\n";
const END: &str = "<!-- end of scalar table -->";

#[test]
fn the_readme_lists_the_scalar_mappings_the_generator_uses() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let table = readme
        .split_once(START)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(table, _)| table);
    assert_eq!(
        table,
        Some(kraken_codegen::scalars::markdown_table().as_str()),
        "update the table in {}",
        path.display()
    );
}
