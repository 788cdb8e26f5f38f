//! Every error shape decodes into a typed error, and faults never panic.

mod client_support;

use client_support::*;
use kraken_jp::{
    Error, ErrorExtensions, GraphQLError, Location, PartialData, PathSegment, ValidationError,
};
use serde_json::json;
use std::collections::BTreeMap;
use std::time::Duration;
use wiremock::{Mock, MockServer, ResponseTemplate};

type ResetError = kraken_jp::OperationError<ResetUserPassword>;

/// Executes `ResetUserPassword` against a server answering with `response`.
async fn reset_with(response: ResponseTemplate) -> ResetError {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(response)
        .mount(&server)
        .await;
    reset(&client_for(&server))
        .await
        .expect_err("the answer is an error")
}

fn field(name: &str) -> PathSegment {
    PathSegment::Field(name.to_owned())
}

#[tokio::test]
async fn validation_errors_decode_as_documented() {
    // The example under `resetUserPassword` on the documentation page.
    let error = reset_with(ResponseTemplate::new(200).set_body_json(json!({
        "data": {"resetUserPassword": null},
        "errors": [{
            "message": "Password is invalid.",
            "path": ["resetUserPassword"],
            "extensions": {
                "errorType": "VALIDATION",
                "errorCode": "KT-CT-5450",
                "errorDescription": "Given password fails password policy requirements.",
                "validationErrors": [
                    {
                        "code": "password_too_short",
                        "message": "This password is too short. It must contain at least 7 characters.",
                        "inputPath": ["input", "password"]
                    },
                    {
                        "code": "password_too_common",
                        "message": "This password is too common.",
                        "inputPath": ["input", "password"]
                    }
                ]
            }
        }]
    })))
    .await;

    let (errors, partial_data) = graphql_errors(error);
    let validation = |code: &str, message: &str| ValidationError {
        code: code.to_owned(),
        message: message.to_owned(),
        input_path: vec![field("input"), field("password")],
    };
    assert_eq!(
        errors,
        vec![GraphQLError {
            message: "Password is invalid.".to_owned(),
            locations: vec![],
            path: vec![field("resetUserPassword")],
            extensions: ErrorExtensions {
                error_code: Some(TestCode::PasswordInvalid),
                error_type: Some("VALIDATION".to_owned()),
                error_description: Some(
                    "Given password fails password policy requirements.".to_owned()
                ),
                validation_errors: vec![
                    validation(
                        "password_too_short",
                        "This password is too short. It must contain at least 7 characters."
                    ),
                    validation("password_too_common", "This password is too common."),
                ],
                other: BTreeMap::new(),
            },
        }]
    );
    assert_eq!(
        partial_data,
        Some(PartialData::Typed(ResetData {
            reset_user_password: None
        }))
    );
}

#[tokio::test]
async fn unknown_codes_locations_and_other_extensions_are_kept() {
    let error = reset_with(ResponseTemplate::new(200).set_body_json(json!({
        "data": null,
        "errors": [
            {
                "message": "Something new.",
                "locations": [{"line": 1, "column": 60}],
                "path": ["resetUserPassword", 0, "userId"],
                "extensions": {"errorCode": "KT-CT-9999", "traceId": "abc"}
            },
            {"message": "No extensions at all."},
            {"message": "Null members.", "path": null, "extensions": null}
        ]
    })))
    .await;

    let (errors, partial_data) = graphql_errors(error);
    let bare = |message: &str| GraphQLError {
        message: message.to_owned(),
        locations: vec![],
        path: vec![],
        extensions: ErrorExtensions::default(),
    };
    assert_eq!(
        errors,
        vec![
            GraphQLError {
                message: "Something new.".to_owned(),
                locations: vec![Location {
                    line: 1,
                    column: 60
                }],
                path: vec![
                    field("resetUserPassword"),
                    PathSegment::Index(0),
                    field("userId")
                ],
                extensions: ErrorExtensions {
                    error_code: Some(TestCode::Other("KT-CT-9999".to_owned())),
                    other: BTreeMap::from([("traceId".to_owned(), json!("abc"))]),
                    ..ErrorExtensions::default()
                },
            },
            bare("No extensions at all."),
            bare("Null members."),
        ]
    );
    assert_eq!(partial_data, None);
}

#[tokio::test]
async fn partial_data_is_typed_when_it_decodes() {
    let error = reset_with(ResponseTemplate::new(200).set_body_json(json!({
        "data": {"resetUserPassword": {"userId": "1234", "passwordUpdated": null}},
        "errors": [{"message": "Unauthorized.", "path": ["resetUserPassword", "passwordUpdated"],
                    "extensions": {"errorCode": "KT-CT-4125"}}]
    })))
    .await;

    let (errors, partial_data) = graphql_errors(error);
    assert_eq!(
        errors[0].extensions.error_code,
        Some(TestCode::Unauthorized)
    );
    assert_eq!(
        partial_data,
        Some(PartialData::Typed(ResetData {
            reset_user_password: Some(ResetResult {
                user_id: Some("1234".to_owned()),
                password_updated: None,
            }),
        }))
    );
}

#[tokio::test]
async fn partial_data_stays_raw_when_it_does_not_decode() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"account": null},
            "errors": [{"message": "Not found.", "path": ["account"]}]
        })))
        .mount(&server)
        .await;

    let error = read(&client_for(&server)).await.expect_err("errors");

    let (_, partial_data) = graphql_errors(error);
    assert_eq!(
        partial_data,
        Some(PartialData::Raw(json!({"account": null})))
    );
}

#[tokio::test]
async fn graphql_errors_display_code_message_and_path() {
    let error = reset_with(ResponseTemplate::new(200).set_body_json(json!({
        "errors": [
            {"message": "Password is invalid.", "path": ["resetUserPassword"],
             "extensions": {"errorCode": "KT-CT-5450"}},
            {"message": "Second."}
        ]
    })))
    .await;
    assert_eq!(
        error.to_string(),
        "GraphQL error: [KT-CT-5450] Password is invalid. (at resetUserPassword); Second."
    );
}

#[tokio::test]
async fn connection_refused_is_a_transport_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = kraken_jp::Client::builder()
        .api_url(format!("http://127.0.0.1:{port}/"))
        .allow_loopback_http()
        .build()
        .unwrap();

    let error = reset(&client).await.expect_err("nothing listens");

    match error {
        Error::Transport(source) => assert!(source.is_connect(), "{source:?}"),
        other => panic!("expected Transport, got {other:?}"),
    }
}

#[tokio::test]
async fn a_slow_answer_times_out() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": {"resetUserPassword": null}}))
                .set_delay(Duration::from_millis(500)),
        )
        .mount(&server)
        .await;
    let client = builder_for(&server)
        .timeout(Duration::from_millis(50))
        .build()
        .unwrap();

    let error = reset(&client).await.expect_err("too slow");

    assert!(matches!(error, Error::Timeout), "{error:?}");
    assert_eq!(error.to_string(), "request timed out");
}

#[tokio::test]
async fn http_500_keeps_status_and_body_excerpt() {
    let error =
        reset_with(ResponseTemplate::new(500).set_body_string("Internal Server Error")).await;

    let Error::Http(http) = &error else {
        panic!("expected Http, got {error:?}");
    };
    assert_eq!(http.status, 500);
    assert_eq!(http.retry_after, None);
    assert_eq!(http.body_excerpt, "Internal Server Error");
    assert_eq!(http.errors, vec![]);
    assert_eq!(
        error.to_string(),
        "HTTP status 500 Internal Server Error: Internal Server Error"
    );
}

#[tokio::test]
async fn http_400_with_a_graphql_body_keeps_the_typed_errors() {
    let body = json!({"errors": [{
        "message": "Disabled GraphQL field requested.",
        "locations": [{"line": 1, "column": 3}],
        "extensions": {"errorType": "VALIDATION", "errorCode": "KT-CT-1113"}
    }]});
    let error = reset_with(ResponseTemplate::new(400).set_body_json(&body)).await;

    let Error::Http(http) = &error else {
        panic!("expected Http, got {error:?}");
    };
    assert_eq!(http.status, 400);
    assert_eq!(http.body_excerpt, body.to_string());
    let expected = vec![GraphQLError {
        message: "Disabled GraphQL field requested.".to_owned(),
        locations: vec![Location { line: 1, column: 3 }],
        path: vec![],
        extensions: ErrorExtensions {
            error_code: Some(TestCode::Other("KT-CT-1113".to_owned())),
            error_type: Some("VALIDATION".to_owned()),
            ..ErrorExtensions::default()
        },
    }];
    assert_eq!(http.errors, expected);
    assert_eq!(error.graphql_errors(), expected.as_slice());
}

#[tokio::test]
async fn http_429_is_rate_limited_with_retry_after() {
    let error = reset_with(
        ResponseTemplate::new(429)
            .insert_header("Retry-After", "7")
            .set_body_string("Too many requests."),
    )
    .await;

    let (retry_after, errors) = rate_limit(&error);
    assert_eq!(retry_after, Some(Duration::from_secs(7)));
    assert_eq!(errors, &[]);
    assert_eq!(error.to_string(), "rate limited (retry after 7s)");
}

#[tokio::test]
async fn a_long_error_body_is_cut() {
    let body = "x".repeat(10_000);
    let error = reset_with(ResponseTemplate::new(502).set_body_string(body)).await;

    let Error::Http(http) = &error else {
        panic!("expected Http, got {error:?}");
    };
    assert_eq!(
        http.body_excerpt,
        format!(
            "{}…",
            "x".repeat(kraken_codegen_runtime::error::EXCERPT_LIMIT)
        )
    );
}

/// The decode error of an answer with status 200 and this body.
async fn decode_error(body: &str) -> serde_json::Error {
    let error = reset_with(
        ResponseTemplate::new(200).set_body_raw(body.as_bytes().to_vec(), "application/json"),
    )
    .await;
    match error {
        Error::Decode(source) => source,
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn malformed_json_is_a_decode_error() {
    let source = decode_error("<html>Bad gateway</html>").await;
    assert_eq!(source.to_string(), "expected value at line 1 column 1");
}

#[tokio::test]
async fn a_truncated_body_is_a_decode_error() {
    let source = decode_error(r#"{"data": {"resetUserPassword": {"userId": "12"#).await;
    assert!(source.is_eof(), "{source}");
}

#[tokio::test]
async fn data_of_the_wrong_shape_is_a_decode_error() {
    let source = decode_error(r#"{"data": {"resetUserPassword": {"userId": 12}}}"#).await;
    assert_eq!(
        source.to_string(),
        "invalid type: integer `12`, expected a string"
    );
}

#[tokio::test]
async fn an_answer_without_data_or_errors_is_a_decode_error() {
    for body in [
        r#"{}"#,
        r#"{"data": null}"#,
        r#"{"data": null, "errors": []}"#,
    ] {
        let source = decode_error(body).await;
        assert_eq!(
            source.to_string(),
            "the response holds neither data nor errors",
            "{body}"
        );
    }
}

#[tokio::test]
async fn errors_convert_to_boxed_std_errors() {
    let error = reset_with(ResponseTemplate::new(503).set_body_string("")).await;
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(error);
    assert_eq!(boxed.to_string(), "HTTP status 503 Service Unavailable: ");
}
