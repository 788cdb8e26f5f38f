//! `introspect`: introspection JSON (file or live endpoint) to SDL.

use std::path::{Path, PathBuf};
use std::process::Command;

use kraken_codegen::introspect::{self, Printed};
use kraken_codegen::schema::check::check;
use kraken_codegen::SourceFile;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/introspection")
        .join(name)
}

fn convert_text(name: &str, text: &str) -> Printed {
    let schema = introspect::parse(&SourceFile::new(name, text)).unwrap();
    introspect::print(&schema)
}

fn convert(name: &str) -> Printed {
    convert_text(name, &std::fs::read_to_string(fixture(name)).unwrap())
}

/// The SDL parses and passes the structural checks; returns the warnings.
fn assert_loads(sdl: &str) -> Vec<String> {
    let document = graphql_parser::parse_schema::<String>(sdl).unwrap();
    let checked = check(&document, &SourceFile::new("out.graphql", sdl));
    let rendered: Vec<String> = checked.errors.iter().map(|d| d.to_string()).collect();
    assert_eq!(rendered, Vec::<String>::new());
    checked.warnings.iter().map(|d| d.to_string()).collect()
}

#[test]
fn full_result_to_sdl() {
    let printed = convert("full.json");
    assert_eq!(printed.bodiless, Vec::<String>::new());
    assert_eq!(printed.dropped, Vec::<String>::new());
    insta::assert_snapshot!(printed.sdl);
    assert_eq!(assert_loads(&printed.sdl), Vec::<String>::new());
}

#[test]
fn partial_result_prints_bodiless_types_and_drops_cut_references() {
    let printed = convert("partial.json");
    assert_eq!(printed.bodiless, ["PayInput", "PayResult", "PayStatus"]);
    assert_eq!(printed.dropped, ["Mutation.bulk(items)", "Mutation.ids"]);
    insta::assert_snapshot!(printed.sdl);
    assert_eq!(
        assert_loads(&printed.sdl),
        [
            "out.graphql:14:7: union `PayResult` has no members; the loader proceeds and decodes every object as an unknown one",
            "out.graphql:17:6: enum `PayStatus` has no values; the loader proceeds and decodes every value as an unknown one",
        ]
    );
    assert_eq!(
        introspect::bodiless_note(&printed).unwrap(),
        "note: 3 types had no body in the introspection result (fields, values or members not requested) and are printed without one: PayInput, PayResult, PayStatus"
    );
}

#[test]
fn every_envelope_shape_gives_the_same_sdl() {
    let text = std::fs::read_to_string(fixture("full.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let schema = &value["data"]["__schema"];
    let bare = serde_json::json!({ "__schema": schema }).to_string();
    let object = schema.to_string();
    let expected = convert("full.json").sdl;
    assert_eq!(convert_text("bare.json", &bare).sdl, expected);
    assert_eq!(convert_text("object.json", &object).sdl, expected);
}

#[test]
fn conversion_is_deterministic_regardless_of_type_order() {
    let text = std::fs::read_to_string(fixture("full.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let types = value["data"]["__schema"]["types"].as_array_mut().unwrap();
    types.reverse();
    assert_eq!(
        convert_text("reversed.json", &value.to_string()).sdl,
        convert("full.json").sdl
    );
}

#[test]
fn bad_input_is_reported_with_its_position() {
    let file = SourceFile::new(
        "bad.json",
        "{\"data\": {\"__schema\": {\"types\": [\n  {\"kind\": \"THING\", \"name\": \"X\"}]}}}",
    );
    let error = introspect::parse(&file).unwrap_err();
    assert_eq!(
        error.to_string(),
        "bad.json:2:18: not an introspection result: unknown variant `THING`, expected one of `SCALAR`, `OBJECT`, `INTERFACE`, `UNION`, `ENUM`, `INPUT_OBJECT`, `LIST`, `NON_NULL`"
    );
    let file = SourceFile::new(
        "errors.json",
        r#"{"errors": [{"message": "Introspection is disabled."}]}"#,
    );
    assert_eq!(
        introspect::parse(&file).unwrap_err().to_string(),
        "errors.json:1:1: the server answered with errors: Introspection is disabled."
    );
}

fn run_cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kraken-codegen"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_converts_a_file_and_notes_bodiless_types_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema.graphql");
    let input = fixture("partial.json");
    let output = run_cli(&[
        "introspect",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        convert("partial.json").sdl
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        "note: 3 types had no body in the introspection result (fields, values or members not requested) and are printed without one: PayInput, PayResult, PayStatus\n\
         note: 2 fields or arguments were left out because their type reference was cut short (request deeper `ofType`): Mutation.bulk(items), Mutation.ids\n"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cli_fetches_from_a_loopback_endpoint_with_headers() {
    let server = MockServer::start().await;
    let body = std::fs::read_to_string(fixture("full.json")).unwrap();
    Mock::given(method("POST"))
        .and(path("/graphql/"))
        .and(header("authorization", "JWT secret"))
        .and(body_string_contains("query IntrospectionQuery"))
        .respond_with(ResponseTemplate::new(200).set_body_string(body))
        .expect(1)
        .mount(&server)
        .await;
    let endpoint = format!("{}/graphql/", server.uri());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("live.graphql");
    let out_arg = out.to_str().unwrap().to_string();
    let output = tokio::task::spawn_blocking(move || {
        run_cli(&[
            "introspect",
            "--endpoint",
            &endpoint,
            "--header",
            "Authorization: JWT secret",
            "-o",
            &out_arg,
        ])
    })
    .await
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert!(output.status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        convert("full.json").sdl
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cli_reports_http_failures_and_writes_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_string("forbidden"))
        .mount(&server)
        .await;
    let endpoint = format!("{}/graphql/", server.uri());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("live.graphql");
    let out_arg = out.to_str().unwrap().to_string();
    let endpoint_arg = endpoint.clone();
    let output = tokio::task::spawn_blocking(move || {
        run_cli(&["introspect", "--endpoint", &endpoint_arg, "-o", &out_arg])
    })
    .await
    .unwrap();
    assert!(!output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("error: {endpoint} answered HTTP 403: forbidden\n")
    );
    assert!(!out.exists());
}

#[test]
fn cli_refuses_plain_http_to_other_hosts() {
    let output = run_cli(&["introspect", "--endpoint", "http://example.com/graphql"]);
    assert!(!output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: refusing plain http:// to `example.com`: only loopback hosts (127.0.0.0/8, ::1, localhost) may be reached without TLS; use https://\n"
    );
}

#[test]
fn the_partial_jp_result_converts_to_sdl_that_loads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schema/reference/oejp-introspection-partial.json");
    let printed = convert_text("jp.json", &std::fs::read_to_string(path).unwrap());
    assert_eq!(printed.bodiless.len(), 729);
    assert_eq!(
        printed.dropped,
        [
            "Mutation.createScheduledTransactions(input)",
            "Mutation.addItemsToRiskList(input)",
            "Mutation.removeItemsFromRiskList(input)",
            "Mutation.updateAccountConsents(consents)",
        ]
    );
    let warnings = assert_loads(&printed.sdl);
    // Each enum without values and union without members is a warning.
    let empty = printed.sdl.lines().filter(|line| {
        (line.starts_with("enum ") && !line.ends_with('{'))
            || (line.starts_with("union ") && !line.contains(" = "))
    });
    assert_eq!(warnings.len(), empty.count());
    assert_eq!(warnings.len(), 272);
}

#[test]
fn cli_reports_a_bad_file_with_its_position_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.json");
    std::fs::write(&input, "{\"__schema\": {\"types\": [}\n").unwrap();
    let out = dir.path().join("out.graphql");
    let output = run_cli(&[
        "introspect",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    let expected = format!(
        "error: not an introspection result: expected value\n --> {}:1:25\n  |\n1 | {{\"__schema\": {{\"types\": [}}\n  |                         ^ here\n  |\n  = help: expected {{\"data\":{{\"__schema\":…}}}}, {{\"__schema\":…}} or the __schema object\n",
        input.display()
    );
    assert_eq!(String::from_utf8(output.stderr).unwrap(), expected);
    assert!(!out.exists());
}
