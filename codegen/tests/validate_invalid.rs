//! The corpus of invalid operations: each file under `tests/fixtures/invalid/` is
//! validated against `tests/fixtures/schema.graphql` and its report is snapshotted.

use std::path::{Path, PathBuf};

use kraken_codegen::catalogue::{Availability, Endpoint, Operation as Documented};
use kraken_codegen::ir::OperationKind;
use kraken_codegen::schema::{self, Schema};
use kraken_codegen::validate::{self, ExecutableSource, Options, RequestLimits};
use kraken_codegen::{Diagnostics, SourceFile};

fn schema() -> Schema {
    match schema::load(&[PathBuf::from("tests/fixtures/schema.graphql")]) {
        Ok(schema) => schema,
        Err(errors) => panic!("test schema does not load:\n{}", errors.render()),
    }
}

fn errors_of(sources: &[ExecutableSource]) -> Diagnostics {
    errors_with(sources, &Options::default())
}

fn errors_with(sources: &[ExecutableSource], options: &Options) -> Diagnostics {
    match validate::resolve(&schema(), sources, options) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors,
    }
}

/// Kraken's limits on the JP API, as the `limits_` cases are checked with.
const LIMITS: RequestLimits = RequestLimits {
    max_page_size: 99,
    max_nodes: 10_000,
};

fn source(path: &str, text: &str) -> ExecutableSource {
    ExecutableSource {
        file: SourceFile::new(path, text),
        docs: None,
    }
}

#[test]
fn every_invalid_fixture_is_reported() {
    let directory = Path::new("tests/fixtures/invalid");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(directory)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    assert!(paths.len() >= 20, "the corpus has {} files", paths.len());
    for path in paths {
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = match ExecutableSource::read(&path) {
            Ok(source) => source,
            Err(errors) => panic!("{}", errors.render()),
        };
        // The `placeholder_` cases are of the docs' `...XFragment` convention, turned on;
        // the `limits_` cases are of the request limits, checked.
        let options = Options {
            placeholder_fragments: name.starts_with("placeholder_"),
            request_limits: name.starts_with("limits_").then_some(LIMITS),
            ..Options::default()
        };
        let errors = errors_with(&[source], &options);
        insta::assert_snapshot!(name, errors.render());
    }
}

#[test]
fn all_errors_of_a_run_are_reported_together_sorted_by_place() {
    let first = "query Viewer($unused: Int) {
  viewer {
    emial
    accounts
  }
}
";
    let second = "query Account {
  account {
    status { name }
    ...Missing
  }
}

query Viewer {
  viewer {
    id
  }
}
";
    let errors = errors_of(&[source("b.graphql", second), source("a.graphql", first)]);
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "a.graphql:1:1: operation `Viewer` is defined twice",
            "a.graphql:1:14: variable `$unused` is never used in operation `Viewer`",
            "a.graphql:3:5: unknown field `emial` on type `User`",
            "a.graphql:4:5: `User.accounts` returns `[Account!]!` and needs a selection of its fields",
            "b.graphql:2:3: missing required argument `number: String!` of `Query.account`",
            "b.graphql:3:5: `Account.status` is an enum (`Status`) and takes no selection",
            "b.graphql:4:8: unknown fragment `Missing`",
        ]
    );
    insta::assert_snapshot!(errors.render());
}

fn documented(field_name: &str, operation_name: &str, document: &str) -> ExecutableSource {
    let docs = Documented {
        name: field_name.to_string(),
        kind: OperationKind::Mutation,
        field_name: field_name.to_string(),
        operation_name: operation_name.to_string(),
        endpoint: Endpoint::Api,
        availability: Availability::Live,
        return_type: None,
        description: None,
        errors: Vec::new(),
        deprecation: None,
        arguments: Vec::new(),
        return_fields: Vec::new(),
        notes: Vec::new(),
        validation_error_codes: Vec::new(),
        rate_limit_cost: None,
        damage: Vec::new(),
        variables_example: None,
        response_example: None,
        document: document.to_string(),
        document_path: PathBuf::from(format!("catalogue/{field_name}.graphql")),
    };
    ExecutableSource {
        file: SourceFile::new(&docs.document_path, document),
        docs: Some(docs),
    }
}

#[test]
fn catalogue_documents_must_match_their_record() {
    let errors = errors_of(&[
        documented(
            "viewer",
            "Viewer",
            "query Viewer {\n  account(number: \"A-1\") { id }\n}\n",
        ),
        documented(
            "account",
            "Account",
            "query Lookup {\n  account(number: \"A-1\") { id }\n}\n",
        ),
    ]);
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "catalogue/account.graphql:1:1: the document of `account` defines no operation named `Account`",
            "catalogue/viewer.graphql:1:1: operation `Viewer` does not select `viewer`, the field the catalogue documents it as",
        ]
    );
}

#[test]
fn request_limits_are_checked_only_when_given() {
    let directory = Path::new("tests/fixtures/invalid");
    let mut checked = 0;
    for entry in std::fs::read_dir(directory).into_iter().flatten().flatten() {
        let path = entry.path();
        let is_limits_case = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with("limits_"));
        if !is_limits_case {
            continue;
        }
        let source = match ExecutableSource::read(&path) {
            Ok(source) => source,
            Err(errors) => panic!("{}", errors.render()),
        };
        if let Err(errors) = validate::resolve(&schema(), &[source], &Options::default()) {
            panic!("{} without limits:\n{}", path.display(), errors.render());
        }
        checked += 1;
    }
    assert_eq!(checked, 5);
}

#[test]
fn request_limits_accept_bounded_connections_up_to_the_node_limit() {
    // 99 accounts and 99 payments of each: 99 + 9,801 = 9,900 nodes.
    let document = "query Payments($first: Int = 99, $after: String) {
  viewer {
    accountPages(first: 99) {
      edges {
        node {
          paymentPages(first: $first, after: $after) {
            edges { node { amount } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
    }
  }
}
";
    let options = Options {
        request_limits: Some(LIMITS),
        ..Options::default()
    };
    let resolved = validate::resolve(&schema(), &[source("ok.graphql", document)], &options);
    if let Err(errors) = resolved {
        panic!("{}", errors.render());
    }
    let over = RequestLimits {
        max_nodes: 9_899,
        ..LIMITS
    };
    let options = Options {
        request_limits: Some(over),
        ..Options::default()
    };
    let lines: Vec<String> = errors_with(&[source("ok.graphql", document)], &options)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        ["ok.graphql:1:1: operation `Payments` can fetch 9900 nodes, more than the 9899 a request may"]
    );
}
