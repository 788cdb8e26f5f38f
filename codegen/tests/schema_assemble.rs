//! `assemble-schema` on a small set of facts that exercises every rule: the live schema on
//! top and closed to the other sources, trust order, additions, disagreements, documented
//! mutations the live schema lacks, and reachability.

use std::path::{Path, PathBuf};

use kraken_codegen::assemble::{assemble, Assembled, Inputs};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assemble")
        .join(name)
}

fn inputs() -> Inputs {
    Inputs {
        live: fixture("live.md"),
        introspection: fixture("introspection.json"),
        docs: fixture("docs.txt"),
        platform: fixture("platform"),
        overlays: vec![fixture("overlay.graphql")],
    }
}

fn run(inputs: &Inputs) -> Result<Assembled, String> {
    assemble(inputs, Path::new("out.graphql")).map_err(|d| d.to_string())
}

#[test]
fn merges_sources_in_order_of_trust() {
    let assembled = run(&inputs()).unwrap();
    insta::assert_snapshot!("sdl", assembled.sdl);
    insta::assert_snapshot!("provenance", assembled.provenance);
}

#[test]
fn assembly_is_deterministic() {
    let first = run(&inputs()).unwrap();
    let second = run(&inputs()).unwrap();
    assert_eq!(first.sdl, second.sdl);
    assert_eq!(first.provenance, second.provenance);
}

/// A copy of the fixtures with `docs.txt` and `overlay.graphql` replaced.
fn variant(docs: &str, overlay: &str) -> (tempfile::TempDir, Inputs) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("docs.txt"), docs).unwrap();
    std::fs::write(dir.path().join("overlay.graphql"), overlay).unwrap();
    let inputs = Inputs {
        docs: dir.path().join("docs.txt"),
        overlays: vec![dir.path().join("overlay.graphql")],
        ..inputs()
    };
    (dir, inputs)
}

#[test]
fn a_documented_mutation_without_signature_is_reported_at_its_document() {
    let docs = std::fs::read_to_string(fixture("docs.txt")).unwrap()
        + "void\nMutation\nmutation Void($id: ID!) {\nvoid(id: $id)\n}\n";
    let overlay = std::fs::read_to_string(fixture("overlay.graphql")).unwrap();
    let (dir, inputs) = variant(&docs, &overlay);
    let error = run(&inputs).unwrap_err();
    assert_eq!(
        error,
        format!(
            "{}:76:1: no source gives the complete signature of mutation field `void`",
            dir.path().join("docs.txt").display()
        )
    );
}

#[test]
fn a_type_no_source_defines_is_reported_with_its_users() {
    let docs = std::fs::read_to_string(fixture("docs.txt")).unwrap();
    let overlay = "input AcceptQuoteInput {\n  amount: Money!\n}\n";
    let (dir, inputs) = variant(&docs, overlay);
    let error = run(&inputs).unwrap_err();
    assert_eq!(
        error,
        format!(
            "{}:1:1: no source defines type `Money` (used by AcceptQuoteInput)",
            dir.path().join("docs.txt").display()
        )
    );
}

#[test]
fn an_overlay_with_a_syntax_error_is_reported_at_its_position() {
    let docs = std::fs::read_to_string(fixture("docs.txt")).unwrap();
    let (dir, inputs) = variant(&docs, "input PayInput {\n  amount Int\n}\n");
    let error = run(&inputs).unwrap_err();
    let path = dir.path().join("overlay.graphql");
    assert!(
        error.starts_with(&format!("{}:2:10: invalid SDL: ", path.display())),
        "{error}"
    );
}

#[test]
fn a_document_that_does_not_parse_is_reported_at_its_page_line() {
    let docs = std::fs::read_to_string(fixture("docs.txt")).unwrap()
        + "refund\nMutation\nmutation Refund($id: ID!) {\nrefund(id: $id) {\n... on {\n}\n}\n}\n";
    let overlay = std::fs::read_to_string(fixture("overlay.graphql")).unwrap();
    let (dir, inputs) = variant(&docs, &overlay);
    let error = run(&inputs).unwrap_err();
    let prefix = format!(
        "{}:78:8: the mutation document does not parse: ",
        dir.path().join("docs.txt").display()
    );
    assert!(error.starts_with(&prefix), "{error}");
}

#[test]
fn cli_writes_the_schema_provenance_and_availability() {
    let dir = tempfile::tempdir().unwrap();
    let sdl = dir.path().join("out.graphql");
    let provenance = dir.path().join("PROVENANCE.md");
    let availability = dir.path().join("availability.toml");
    let arg = |path: &Path| path.to_str().unwrap().to_string();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kraken-codegen"))
        .arg("assemble-schema")
        .args(["--live", &arg(&fixture("live.md"))])
        .args(["--introspection", &arg(&fixture("introspection.json"))])
        .args(["--docs", &arg(&fixture("docs.txt"))])
        .args(["--platform", &arg(&fixture("platform"))])
        .args(["--overlay", &arg(&fixture("overlay.graphql"))])
        .args(["-o", &arg(&sdl), "--provenance", &arg(&provenance)])
        .args(["--availability", &arg(&availability)])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert!(output.status.success());
    let expected = run(&inputs()).unwrap();
    assert_eq!(std::fs::read_to_string(sdl).unwrap(), expected.sdl);
    assert_eq!(
        std::fs::read_to_string(provenance).unwrap(),
        expected.provenance
    );
    assert_eq!(
        std::fs::read_to_string(availability).unwrap(),
        "# @generated by `kraken-codegen assemble-schema`; do not edit.\n\
         # Catalogue operations whose root field the live schema snapshot lacks.\n\
         snapshot = \"2026-06-16\"\n\
         docs_only = [\"acceptQuote\", \"bulk\"]\n"
    );
}
