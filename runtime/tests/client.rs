//! The generic client against a local server: headers, endpoint keys, URL checks, retries, and
//! secrets kept out of `Debug` and errors.

mod support;

use kraken_codegen_runtime::{BuildError, Client, Error, Operation, OperationKind};
use serde_json::json;
use support::NoCodes;
use wiremock::matchers::{body_json, body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// `query Hello { hello }`, naming no endpoint.
struct Hello;

impl Operation for Hello {
    const OPERATION_NAME: &'static str = "Hello";
    const DOCUMENT: &'static str = "query Hello { hello }";
    const KIND: OperationKind = OperationKind::Query;
    type Variables = serde_json::Map<String, serde_json::Value>;
    type ResponseData = serde_json::Value;
    type ErrorCode = NoCodes;
}

/// The same, sent to the endpoint with key `auth`.
struct HelloAuth;

impl Operation for HelloAuth {
    const OPERATION_NAME: &'static str = "Hello";
    const DOCUMENT: &'static str = "query Hello { hello }";
    const KIND: OperationKind = OperationKind::Query;
    const ENDPOINT: Option<&'static str> = Some("auth");
    type Variables = serde_json::Map<String, serde_json::Value>;
    type ResponseData = serde_json::Value;
    type ErrorCode = NoCodes;
}

const SECRET: &str = "s3cret-token";

#[tokio::test]
async fn sends_the_bearer_token_and_headers_to_the_url_of_the_endpoint() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth"))
        .and(header("authorization", format!("Bearer {SECRET}").as_str()))
        .and(header("x-tenant", "jp"))
        .and(body_json(json!({
            "query": "query Hello { hello }",
            "operationName": "Hello",
            "variables": {},
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": {"hello": "auth"}})))
        .expect(1)
        .mount(&server)
        .await;
    let builder = Client::builder()
        .endpoint("auth", format!("{}/auth", server.uri()))
        .bearer_token(SECRET)
        .header("X-Tenant", "jp")
        .allow_loopback_http();
    let shown = format!("{builder:?}");
    let client = builder.build().unwrap();
    let variables = serde_json::Map::new();

    let data = client.execute::<HelloAuth>(&variables).await.unwrap();
    assert_eq!(data, json!({"hello": "auth"}));

    // No default URL: an operation naming no endpoint is not sent.
    let error = client.execute::<Hello>(&variables).await.unwrap_err();
    assert!(matches!(error, Error::NoUrl(None)), "{error:?}");
    assert_eq!(
        error.to_string(),
        "no URL for operations without an endpoint key"
    );
    for text in [shown, format!("{client:?}")] {
        assert!(!text.contains(SECRET), "{text}");
        assert!(text.contains("X-Tenant"), "{text}");
    }
}

#[test]
fn urls_must_be_https_unless_loopback_http_is_allowed() {
    let insecure = |builder: kraken_codegen_runtime::ClientBuilder| match builder.build() {
        Err(BuildError::InsecureUrl { setting, url }) => (setting, url),
        other => panic!("expected InsecureUrl, got {other:?}"),
    };
    assert_eq!(
        insecure(Client::builder().url("http://127.0.0.1:1/")),
        ("url".to_owned(), "http://127.0.0.1:1/".to_owned())
    );
    assert_eq!(
        insecure(
            Client::builder()
                .endpoint("auth", "http://auth.example.com/")
                .allow_loopback_http()
        ),
        ("auth_url".to_owned(), "http://auth.example.com/".to_owned())
    );
    Client::builder()
        .url("http://localhost:1/")
        .allow_loopback_http()
        .build()
        .unwrap();
}

#[test]
fn an_invalid_header_is_named_without_its_value() {
    let error = Client::builder()
        .url("https://example.com/")
        .header("X-Key", format!("{SECRET}\n"))
        .build()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "header `X-Key` is not a valid HTTP header (name or value)"
    );
    assert!(!format!("{error:?}").contains(SECRET));
}

/// `mutation Bye`, to the client's URL.
struct Bye;

impl Operation for Bye {
    const OPERATION_NAME: &'static str = "Bye";
    const DOCUMENT: &'static str = "mutation Bye { bye }";
    const KIND: OperationKind = OperationKind::Mutation;
    type Variables = serde_json::Map<String, serde_json::Value>;
    type ResponseData = serde_json::Value;
    type ErrorCode = NoCodes;
}

#[tokio::test]
async fn a_query_is_retried_after_a_5xx_and_a_mutation_is_not() {
    let server = MockServer::start().await;
    for name in ["Hello", "Bye"] {
        Mock::given(body_partial_json(json!({"operationName": name})))
            .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(body_partial_json(json!({"operationName": name})))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": {}})))
            .mount(&server)
            .await;
    }
    let client = Client::builder()
        .url(server.uri())
        .allow_loopback_http()
        .build()
        .unwrap();
    let variables = serde_json::Map::new();

    client.execute::<Hello>(&variables).await.expect("retried");
    let error = client.execute::<Bye>(&variables).await.unwrap_err();

    let Error::Http(http) = &error else {
        panic!("expected Http, got {error:?}");
    };
    assert_eq!(http.status, 503);
    let sent: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| {
            request.body_json::<serde_json::Value>().unwrap()["operationName"].to_string()
        })
        .collect();
    assert_eq!(sent, ["\"Hello\"", "\"Hello\"", "\"Bye\""]);
}
