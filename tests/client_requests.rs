//! What the client sends, and where, and the trace of each request.

mod client_support;

use client_support::*;
use kraken_jp::{BuildError, Client, Credentials, RetryPolicy};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn body_is_the_document_operation_name_and_variables_without_authorization() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"resetUserPassword": {"userId": "1234", "passwordUpdated": true}}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let data = reset(&client_for(&server)).await.expect("success");

    assert_eq!(
        data,
        ResetData {
            reset_user_password: Some(ResetResult {
                user_id: Some("1234".to_owned()),
                password_updated: Some(true),
            }),
        }
    );
    let requests = received(&server).await;
    assert_eq!(
        requests,
        vec![(
            json!({
                "query": RESET_USER_PASSWORD,
                "operationName": "ResetUserPassword",
                "variables": {"input": {"userId": "1234", "newPassword": "short", "token": null}},
            }),
            None,
        )]
    );
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.headers["content-type"], "application/json");
}

#[tokio::test]
async fn operation_without_variables_sends_an_empty_object() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(account_ok())
        .mount(&server)
        .await;

    let data = read(&client_for(&server)).await.expect("success");

    assert_eq!(data.account.number, "A-1");
    assert_eq!(
        received(&server).await,
        vec![(
            json!({"query": ACCOUNT_NUMBER, "operationName": "AccountNumber", "variables": {}}),
            None,
        )]
    );
}

#[tokio::test]
async fn auth_server_operations_go_to_the_auth_url() {
    let api = MockServer::start().await;
    let auth = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/graphql/"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": {"deleteMfaDevice": {"deviceDeleted": true}}})),
        )
        .expect(1)
        .mount(&auth)
        .await;
    let client = Client::builder()
        .api_url(api.uri())
        .auth_url(format!("{}/graphql/", auth.uri()))
        .allow_loopback_http()
        .build()
        .unwrap();

    let variables = json!({"input": {"deviceType": "EMAIL"}});
    let data = client
        .execute::<DeleteMfaDevice>(&variables)
        .await
        .expect("success");

    assert_eq!(data.delete_mfa_device.unwrap().device_deleted, Some(true));
    assert_eq!(received(&api).await, vec![]);
    assert_eq!(
        received(&auth).await,
        vec![(
            json!({
                "query": DELETE_MFA_DEVICE,
                "operationName": "DeleteMfaDevice",
                "variables": {"input": {"deviceType": "EMAIL"}},
            }),
            None,
        )]
    );
}

#[test]
fn defaults_are_the_oejp_servers() {
    assert_eq!(
        kraken_jp::endpoint::DEFAULT_API_URL,
        "https://api.oejp-kraken.energy/v1/graphql/"
    );
    assert_eq!(
        kraken_jp::endpoint::DEFAULT_AUTH_URL,
        "https://auth.oejp-kraken.energy/graphql/"
    );
    Client::builder().build().expect("default client builds");
}

#[test]
fn plain_http_needs_opt_in_and_a_loopback_host() {
    let insecure = |result: Result<Client, BuildError>| match result {
        Err(BuildError::InsecureUrl { setting, url }) => (setting, url),
        other => panic!("expected InsecureUrl, got {other:?}"),
    };
    assert_eq!(
        insecure(
            Client::builder()
                .api_url("http://127.0.0.1:8080/graphql/")
                .build()
        ),
        (
            "api_url".to_owned(),
            "http://127.0.0.1:8080/graphql/".to_owned()
        )
    );
    assert_eq!(
        insecure(
            Client::builder()
                .auth_url("http://auth.example.com/graphql/")
                .allow_loopback_http()
                .build()
        ),
        (
            "auth_url".to_owned(),
            "http://auth.example.com/graphql/".to_owned()
        )
    );
    assert_eq!(
        insecure(
            Client::builder()
                .api_url("ftp://[::1]/")
                .allow_loopback_http()
                .build()
        ),
        ("api_url".to_owned(), "ftp://[::1]/".to_owned())
    );
    for url in [
        "http://127.0.0.1:1/",
        "http://[::1]:1/",
        "http://localhost:1/",
    ] {
        Client::builder()
            .api_url(url)
            .auth_url(url)
            .allow_loopback_http()
            .build()
            .unwrap_or_else(|error| panic!("{url}: {error}"));
    }
}

#[test]
fn an_unparsable_url_is_reported() {
    let error = Client::builder().api_url("not a url").build().unwrap_err();
    assert_eq!(
        error.to_string(),
        "api_url `not a url` is not a valid URL: relative URL without a base"
    );
}

#[tokio::test]
async fn own_http_client_user_agent_and_extra_headers_are_all_sent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(account_ok())
        .mount(&server)
        .await;
    let pool_header = reqwest::header::HeaderMap::from_iter([(
        reqwest::header::HeaderName::from_static("x-pool"),
        reqwest::header::HeaderValue::from_static("own"),
    )]);
    let http = reqwest::Client::builder()
        .default_headers(pool_header)
        .build()
        .unwrap();
    let client = builder_for(&server)
        .http_client(http)
        .user_agent("meter-reader/2.0")
        .header("x-tenant", "t-1")
        .build()
        .unwrap();

    read(&client).await.expect("success");
    read(&client_for(&server)).await.expect("success");

    let requests = server.received_requests().await.unwrap();
    let headers = |index: usize, names: [&str; 3]| {
        names.map(|name| {
            requests[index]
                .headers
                .get(name)
                .map(|value| value.to_str().unwrap().to_owned())
        })
    };
    let names = ["x-pool", "user-agent", "x-tenant"];
    assert_eq!(
        headers(0, names),
        [Some("own"), Some("meter-reader/2.0"), Some("t-1")].map(|v| v.map(str::to_owned))
    );
    let default_agent = concat!("kraken-jp/", env!("CARGO_PKG_VERSION")).to_owned();
    assert_eq!(headers(1, names), [None, Some(default_agent), None]);
}

/// Spans named `graphql_request`, each as its fields recorded so far, by name.
#[derive(Clone, Default)]
struct SpanCapture {
    spans: Arc<Mutex<Vec<BTreeMap<String, String>>>>,
}

struct FieldText<'a>(&'a mut BTreeMap<String, String>);

impl Visit for FieldText<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl Subscriber for SpanCapture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        if span.metadata().name() != "graphql_request" {
            return Id::from_u64(u64::MAX);
        }
        let mut spans = self.spans.lock().unwrap();
        let mut fields = BTreeMap::new();
        span.record(&mut FieldText(&mut fields));
        spans.push(fields);
        Id::from_u64(spans.len() as u64)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        if let Some(fields) = spans.get_mut(span.into_u64() as usize - 1) {
            values.record(&mut FieldText(fields));
        }
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test]
async fn each_request_is_a_span_without_secrets_or_variables() {
    let server = MockServer::start().await;
    Mock::given(body_partial_json(json!({"operationName": "ObtainKrakenToken"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"obtainKrakenToken": {"token": "token-A", "payload": {}, "refreshToken": "refresh-A"}}
        })))
        .mount(&server)
        .await;
    Mock::given(body_partial_json(
        json!({"operationName": "ResetUserPassword"}),
    ))
    .respond_with(ResponseTemplate::new(200).set_body_json(json!({
        "data": {"resetUserPassword": null},
        "errors": [{"message": "Password is invalid.",
                    "extensions": {"errorCode": "KT-CT-5450"}}]
    })))
    .mount(&server)
    .await;
    let client = builder_for(&server)
        .credentials(Credentials::email_password(
            "me@example.com",
            "correct horse",
        ))
        .build()
        .unwrap();
    let capture = SpanCapture::default();
    let _default = tracing::subscriber::set_default(capture.clone());

    reset(&client).await.expect_err("refused");

    let mut spans = capture.spans.lock().unwrap().clone();
    for span in &mut spans {
        let duration = span.remove("duration_ms").expect("a duration");
        assert!(duration.parse::<u64>().is_ok(), "{duration}");
    }
    let endpoint = format!("{}/", server.uri());
    let span = |fields: &[(&str, &str)]| -> BTreeMap<String, String> {
        fields
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect()
    };
    assert_eq!(
        spans,
        [
            span(&[
                ("operation", "ObtainKrakenToken"),
                ("endpoint", &endpoint),
                ("attempt", "1"),
                ("status", "200"),
            ]),
            span(&[
                ("operation", "ResetUserPassword"),
                ("endpoint", &endpoint),
                ("attempt", "1"),
                ("status", "200"),
                ("error_codes", "KT-CT-5450"),
            ]),
        ]
    );
}

#[tokio::test]
async fn a_failure_without_an_answer_is_traced_by_kind() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .api_url(format!("http://127.0.0.1:{port}/"))
        .allow_loopback_http()
        .retry_policy(RetryPolicy::default().max_attempts(2).backoff(
            std::time::Duration::from_millis(1),
            std::time::Duration::from_millis(1),
        ))
        .build()
        .unwrap();
    let capture = SpanCapture::default();
    let _default = tracing::subscriber::set_default(capture.clone());

    reset(&client).await.expect_err("connection refused");

    let spans = capture.spans.lock().unwrap().clone();
    let summary: Vec<(&str, &str)> = spans
        .iter()
        .map(|span| (span["attempt"].as_str(), span["failure"].as_str()))
        .collect();
    // Never sent, so even a mutation is tried again.
    assert_eq!(summary, [("1", "connect"), ("2", "connect")]);
}
