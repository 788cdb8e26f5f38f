//! A small page imported whole, and the catalogue files it gives: written, loaded back
//! (with and without `availability.toml`), and each kind of mistake in them reported at
//! its file:line:col.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kraken_codegen::catalogue::{
    self, Availability, Catalogue, Deprecation, Endpoint, Endpoints, ErrorClass, FieldDoc,
    Operation,
};
use kraken_codegen::docs_import;

const PAGE: &str = "tests/fixtures/docs/valid_page.txt";

fn import_valid_page() -> Catalogue {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE)).unwrap();
    docs_import::import(&text, Path::new(PAGE)).unwrap()
}

fn field(name: &str, description: Option<&str>) -> FieldDoc {
    FieldDoc {
        name: name.into(),
        description: description.map(Into::into),
        deprecation: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

#[test]
fn imports_the_whole_page() {
    let do_thing = Operation {
        field_name: "doThing".into(),
        operation_name: "DoThing".into(),
        endpoint: Endpoint::Api,
        availability: Availability::Live,
        return_type: Some("DoThing".into()),
        description: Some(
            "Do a thing for an account.\nThis field requires the `Authorization` header to be set.".into(),
        ),
        errors: strings(&["KT-CT-1111", "KT-JP-4101", "KT-CT-1111"]),
        deprecation: None,
        arguments: vec![
            field("input", Some("Input fields for doing the thing.")),
            field("accountNumber", Some("The number of the account.")),
        ],
        return_fields: vec![
            FieldDoc {
                deprecation: Some(Deprecation {
                    note: "The 'possibleErrors' field is deprecated.".into(),
                    ..Deprecation::default()
                }),
                ..field("possibleErrors", Some("Field with the possible errors of the query/mutation."))
            },
            field("ok", Some("Whether it worked.")),
        ],
        notes: vec![],
        validation_error_codes: vec![],
        damage: vec![],
        variables_example: Some("{\n\"input\": DoThingInput,\n\"accountNumber\": \"abc123\"\n}".into()),
        response_example: Some(
            "{\n\"data\": {\n\"doThing\": {\n\"possibleErrors\": [PossibleErrorType],\n\"ok\": true\n}\n}\n}".into(),
        ),
        document: "mutation DoThing(\n$input: DoThingInput!,\n$accountNumber: String!\n) {\ndoThing(\ninput: $input,\naccountNumber: $accountNumber\n) {\npossibleErrors {\n...PossibleErrorTypeFragment\n}\nok\n}\n}".into(),
        document_path: PathBuf::from("operations/doThing.graphql"),
    };
    let old_thing = Operation {
        field_name: "oldThing".into(),
        operation_name: "OldThing".into(),
        endpoint: Endpoint::Api,
        availability: Availability::Live,
        return_type: None,
        description: Some("Do the thing the old way.".into()),
        errors: vec![],
        deprecation: Some(Deprecation {
            note: "The 'oldThing' field is deprecated. Please use `doThing` instead.".into(),
            marked_on: Some("2024-01-02".into()),
            removal_on: Some("2025-03-04".into()),
            replacement: Some("doThing".into()),
            announcement: None,
        }),
        arguments: vec![],
        return_fields: vec![],
        notes: vec![],
        validation_error_codes: vec![],
        damage: vec![],
        variables_example: None,
        response_example: Some("{\n\"data\": {\n\"oldThing\": ThingDone\n}\n}".into()),
        document:
            "mutation OldThing {\noldThing {\n... on ThingDone {\n...ThingDoneFragment\n}\n}\n}"
                .into(),
        document_path: PathBuf::from("operations/oldThing.graphql"),
    };
    let sign_in = Operation {
        field_name: "signIn".into(),
        operation_name: "SignIn".into(),
        endpoint: Endpoint::Auth,
        availability: Availability::Live,
        return_type: Some("SignIn".into()),
        description: Some("Sign in.".into()),
        errors: strings(&["KT-CT-1111"]),
        deprecation: None,
        arguments: vec![field("input", None)],
        return_fields: vec![field("token", None)],
        notes: vec![],
        validation_error_codes: vec![],
        damage: vec![],
        variables_example: Some("{\n\"input\": SignInInput\n}".into()),
        response_example: Some(
            "{\n\"data\": {\n\"signIn\": {\n\"token\": \"abc123\"\n}\n}\n}".into(),
        ),
        document: "mutation SignIn($input: SignInInput!) {\nsignIn(input: $input) {\ntoken\n}\n}"
            .into(),
        document_path: PathBuf::from("operations/signIn.graphql"),
    };
    let start_chat = Operation {
        field_name: "startChat".into(),
        operation_name: "StartChat".into(),
        endpoint: Endpoint::Api,
        availability: Availability::Live,
        return_type: None,
        description: None,
        errors: vec![],
        deprecation: None,
        arguments: vec![field("input", None)],
        return_fields: vec![field("chat", Some("The chat."))],
        notes: vec![],
        validation_error_codes: vec![],
        damage: strings(&["the page lost the header: name taken from the document, endpoint from the section \"API Site\"; also lost: description, `Type:` line, `URL:` line"]),
        variables_example: Some("{\n\"input\": StartChatInput\n}".into()),
        response_example: Some("{\n\"data\": {\n\"startChat\": {\n\"chat\": Chat\n}\n}\n}".into()),
        document: "mutation StartChat($input: StartChatInput!) {\nstartChat(input: $input) {\nchat {\n...ChatFragment\n}\n}\n}".into(),
        document_path: PathBuf::from("operations/startChat.graphql"),
    };
    assert_eq!(
        import_valid_page(),
        Catalogue {
            endpoints: Endpoints {
                api: "https://api.example.test/graphql/".into(),
                auth: "https://auth.example.test/graphql/".into(),
            },
            errors: BTreeMap::from([
                ("KT-CT-1111".into(), "Unauthorized.".into()),
                ("KT-JP-4101".into(), "Unauthorized.".into()),
            ]),
            undocumented_errors: BTreeMap::new(),
            error_classes: BTreeMap::new(),
            operations: vec![do_thing, old_thing, sign_in, start_chat],
        }
    );
}

/// The valid page written to a fresh directory.
fn written() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    catalogue::write(&import_valid_page(), dir.path()).unwrap();
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The one-line diagnostics of loading `dir`, with `dir` shown as `<dir>`.
fn load_errors(dir: &Path) -> String {
    let diagnostics = catalogue::load(dir).unwrap_err();
    diagnostics
        .to_string()
        .replace(&dir.display().to_string(), "<dir>")
}

/// The one-line diagnostics of loading the catalogue after one edit of `file`.
fn load_errors_after(file: &str, from: &str, to: &str) -> String {
    let dir = written();
    edit(&dir.path().join(file), from, to);
    load_errors(dir.path())
}

#[test]
fn reports_an_unknown_error_code_at_its_place() {
    assert_eq!(
        load_errors_after("operations/signIn.toml", "\"KT-CT-1111\"", "\"KT-CT-9999\""),
        "<dir>/operations/signIn.toml:4:11: unknown error code `KT-CT-9999`"
    );
}

#[test]
fn reports_an_unknown_key_at_its_place() {
    assert_eq!(
        load_errors_after("operations/signIn.toml", "description = ", "descripton = "),
        "<dir>/operations/signIn.toml:3:1: unknown key `descripton` in an operation file; \
         expected one of: endpoint, return_type, description, errors, notes, \
         validation_error_codes, damage, variables_example, response_example, deprecation, \
         arguments, return_fields"
    );
}

#[test]
fn reports_a_code_with_two_messages() {
    let dir = written();
    let path = dir.path().join("catalogue.toml");
    let text = fs::read_to_string(&path).unwrap() + "KT-CT-1111 = \"Not allowed.\"\n";
    fs::write(&path, text).unwrap();
    assert_eq!(
        load_errors(dir.path()),
        "<dir>/catalogue.toml:8:1: duplicate key `KT-CT-1111`"
    );
}

#[test]
fn reports_documents_that_disagree_with_their_metadata() {
    let dir = written();
    edit(
        &dir.path().join("operations/signIn.graphql"),
        "signIn(input",
        "logIn(input",
    );
    edit(
        &dir.path().join("operations/doThing.toml"),
        "name = \"accountNumber\"",
        "name = \"account\"",
    );
    assert_eq!(
        load_errors(dir.path()),
        [
            "<dir>/operations/doThing.toml:31:8: `account` is not one of the document's arguments",
            "<dir>/operations/signIn.graphql:1:1: the document's root field `logIn` does not match its file name `signIn`",
        ]
        .join("\n")
    );
}

#[test]
fn reports_missing_files_and_duplicate_operation_names() {
    let dir = written();
    let operations = dir.path().join("operations");
    fs::remove_file(operations.join("oldThing.graphql")).unwrap();
    fs::copy(
        operations.join("signIn.toml"),
        operations.join("signOn.toml"),
    )
    .unwrap();
    let document = fs::read_to_string(operations.join("signIn.graphql")).unwrap();
    fs::write(
        operations.join("signOn.graphql"),
        document.replace("signIn(", "signOn("),
    )
    .unwrap();
    assert_eq!(
        load_errors(dir.path()),
        [
            "<dir>/operations/oldThing.toml:1:1: operation `oldThing` has no `oldThing.graphql` beside it",
            "<dir>/operations/signOn.graphql:1:1: operation name `SignIn` is already used by <dir>/operations/signIn.graphql",
        ]
        .join("\n")
    );
}

#[test]
fn writing_removes_operations_that_no_longer_belong() {
    let dir = written();
    let operations = dir.path().join("operations");
    for stale in ["gone.toml", "gone.graphql", "README.md"] {
        fs::write(operations.join(stale), "stale\n").unwrap();
    }
    // `assemble-schema` writes `availability.toml`; writing the catalogue keeps it.
    let availability = "snapshot = \"2026-06-16\"\ndocs_only = [\"startChat\"]\n";
    fs::write(dir.path().join("availability.toml"), availability).unwrap();
    let summary = catalogue::write(&import_valid_page(), dir.path()).unwrap();
    assert_eq!(summary.written, Vec::<PathBuf>::new());
    assert_eq!(summary.unchanged, 9);
    assert_eq!(
        summary.removed,
        [
            operations.join("gone.graphql"),
            operations.join("gone.toml")
        ]
    );
    assert!(
        operations.join("README.md").exists(),
        "only catalogue files are removed"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("availability.toml")).unwrap(),
        availability
    );
    assert_eq!(catalogue::load(dir.path()).unwrap().operations.len(), 4);
}

/// The valid page written to a fresh directory, with `availability.toml` holding `text`.
fn written_with_availability(text: &str) -> tempfile::TempDir {
    let dir = written();
    fs::write(dir.path().join("availability.toml"), text).unwrap();
    dir
}

#[test]
fn availability_marks_the_listed_operations_docs_only() {
    let dir = written();
    let all_live = catalogue::load(dir.path()).unwrap();
    assert!(all_live
        .operations
        .iter()
        .all(|operation| operation.availability == Availability::Live));

    let dir = written_with_availability(
        "# @generated by `kraken-codegen assemble-schema`; do not edit.\n\
         snapshot = \"2026-06-16\"\n\
         docs_only = [\"startChat\", \"oldThing\"]\n",
    );
    let loaded = catalogue::load(dir.path()).unwrap();
    let availability: Vec<(&str, &Availability)> = loaded
        .operations
        .iter()
        .map(|operation| (operation.field_name.as_str(), &operation.availability))
        .collect();
    let docs_only = Availability::DocsOnly {
        snapshot: "2026-06-16".into(),
    };
    assert_eq!(
        availability,
        [
            ("doThing", &Availability::Live),
            ("oldThing", &docs_only),
            ("signIn", &Availability::Live),
            ("startChat", &docs_only),
        ]
    );
    assert_eq!(
        catalogue::listing::operation_lines(&loaded),
        "doThing\tapi\t3\t-\tlive\n\
         oldThing\tapi\t0\tdeprecated\tdocs-only\n\
         signIn\tauth\t1\t-\tlive\n\
         startChat\tapi\t0\t-\tdocs-only\n"
    );

    let empty = written_with_availability("snapshot = \"2026-06-16\"\n");
    let loaded = catalogue::load(empty.path()).unwrap();
    assert!(loaded
        .operations
        .iter()
        .all(|operation| operation.availability == Availability::Live));
}

#[test]
fn reports_each_mistake_in_availability_at_its_place() {
    // The file's text and the one-line diagnostics of loading the catalogue with it.
    let cases = [
        (
            "snapshot = \"2026-06-16\"\ndocs_only = []\nlive = [\"doThing\"]\n",
            "<dir>/availability.toml:3:1: unknown key `live` in availability.toml; \
             expected one of: snapshot, docs_only",
        ),
        (
            "docs_only = [\"startChat\"]\n",
            "<dir>/availability.toml:1:1: missing key `snapshot` in availability.toml",
        ),
        (
            "snapshot = 2026-06-16\ndocs_only = [\"startChat\"]\n",
            "<dir>/availability.toml:1:12: `snapshot` must be a string, not a datetime",
        ),
        (
            "snapshot = \"16 June 2026\"\n",
            "<dir>/availability.toml:1:12: `snapshot` must be a date written YYYY-MM-DD, \
             not `16 June 2026`",
        ),
        (
            "snapshot = \"2026-06-16\"\ndocs_only = \"startChat\"\n",
            "<dir>/availability.toml:2:13: `docs_only` must be an array, not a string",
        ),
        (
            "snapshot = \"2026-06-16\"\ndocs_only = [\"startChat\", 3]\n",
            "<dir>/availability.toml:2:27: `docs_only` must be a string, not an integer",
        ),
        (
            "snapshot = \"2026-06-16\"\ndocs_only = [\n  \"startChat\",\n  \"stopChat\",\n]\n",
            "<dir>/availability.toml:4:3: `stopChat` is not an operation of the catalogue",
        ),
        (
            "snapshot = \"2026-06-16\"\ndocs_only = [\"startChat\", \"signIn\", \"startChat\"]\n",
            "<dir>/availability.toml:2:37: `startChat` is listed twice",
        ),
        (
            "snapshot = \"2026-06-16\"\nsnapshot = \"2026-06-17\"\n",
            "<dir>/availability.toml:2:1: duplicate key `snapshot`",
        ),
    ];
    for (text, expected) in cases {
        let dir = written_with_availability(text);
        assert_eq!(load_errors(dir.path()), expected, "{text:?}");
    }
}

#[test]
fn availability_names_operations_that_failed_to_load_without_a_second_error() {
    let dir = written_with_availability("snapshot = \"2026-06-16\"\ndocs_only = [\"signIn\"]\n");
    edit(
        &dir.path().join("operations/signIn.toml"),
        "\"KT-CT-1111\"",
        "\"KT-CT-9999\"",
    );
    assert_eq!(
        load_errors(dir.path()),
        "<dir>/operations/signIn.toml:4:11: unknown error code `KT-CT-9999`"
    );
}

/// The valid page written to a fresh directory, with `error_classes.toml` holding `text`.
fn written_with_error_classes(text: &str) -> tempfile::TempDir {
    let dir = written();
    fs::write(dir.path().join("error_classes.toml"), text).unwrap();
    dir
}

#[test]
fn error_classes_classify_documented_and_undocumented_codes() {
    assert!(catalogue::load(written().path())
        .unwrap()
        .error_classes
        .is_empty());
    let dir = written_with_error_classes(
        "[classes]\n\
         expired_token = [\"KT-CT-1124\"]\n\
         credentials_refused = [\"KT-CT-1111\"]\n\
         [undocumented]\n\
         KT-CT-1124 = \"Signature of the JWT has expired.\"\n",
    );
    let loaded = catalogue::load(dir.path()).unwrap();
    assert_eq!(
        loaded.error_classes,
        BTreeMap::from([
            ("KT-CT-1111".to_string(), ErrorClass::CredentialsRefused),
            ("KT-CT-1124".to_string(), ErrorClass::ExpiredToken),
        ])
    );
    assert_eq!(
        loaded.undocumented_errors,
        BTreeMap::from([(
            "KT-CT-1124".to_string(),
            "Signature of the JWT has expired.".to_string()
        )])
    );
    assert_eq!(loaded.errors.len(), 2, "the documented table is unchanged");
}

#[test]
fn error_classes_mistakes_are_reported_at_their_place() {
    let dir = written_with_error_classes(
        "[classes]\n\
         expired_token = [\"KT-CT-1124\", \"KT-CT-9999\"]\n\
         refresh_refused = [\"KT-CT-1124\"]\n\
         [undocumented]\n\
         KT-CT-1124 = \"Signature of the JWT has expired.\"\n\
         KT-CT-1111 = \"Unauthorized.\"\n\
         KT-CT-2000 = \"Unclassified.\"\n",
    );
    assert_eq!(
        load_errors(dir.path()),
        [
            "<dir>/error_classes.toml:2:32: unknown error code `KT-CT-9999`",
            "<dir>/error_classes.toml:3:20: `KT-CT-1124` is already in class `expired_token`",
            "<dir>/error_classes.toml:6:1: `KT-CT-1111` is documented in catalogue.toml",
            "<dir>/error_classes.toml:7:1: `KT-CT-2000` is in no class",
        ]
        .join("\n")
    );
    let dir = written_with_error_classes("[classes]\nexpired = [\"KT-CT-1111\"]\n");
    assert_eq!(
        load_errors(dir.path()),
        "<dir>/error_classes.toml:2:1: unknown key `expired` in `[classes]`; expected one of: \
         expired_token, refresh_refused, credentials_refused, rate_limited, query_too_large"
    );
}
