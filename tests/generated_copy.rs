//! The build script's output and the checked-in `generated/` copy are byte-identical.

#[test]
fn build_output_equals_checked_in_copy() {
    let built = include_str!(concat!(env!("OUT_DIR"), "/kraken_jp.rs"));
    let checked_in = include_str!("../generated/kraken_jp.rs");
    assert!(
        built == checked_in,
        "generated/kraken_jp.rs differs from the build script's output: run `cargo run -p kraken-codegen -- regenerate`"
    );
}
