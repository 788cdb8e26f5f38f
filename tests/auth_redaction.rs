//! Tokens, passwords and keys never appear in `Debug` or `Display` output.

mod client_support;

use client_support::*;
use kraken_jp::{AuthError, Client, Credentials, Error, Secret};
use serde_json::json;
use wiremock::matchers::body_partial_json;
use wiremock::{Mock, MockServer, ResponseTemplate};

const PASSWORD: &str = "PASSWORD-SECRET-1";
const TOKEN: &str = "TOKEN-SECRET-2";
const REFRESH: &str = "REFRESH-SECRET-3";
const API_KEY: &str = "APIKEY-SECRET-4";
const OTHER_REFRESH: &str = "REFRESH-SECRET-5";
const SECRETS: [&str; 5] = [PASSWORD, TOKEN, REFRESH, API_KEY, OTHER_REFRESH];

/// Asserts that none of the secrets occurs in `text`.
fn assert_redacted(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows {secret}: {text}");
    }
}

fn login_answer(body: serde_json::Value) -> Mock {
    Mock::given(body_partial_json(
        json!({"operationName": "ObtainKrakenToken"}),
    ))
    .respond_with(ResponseTemplate::new(200).set_body_json(body))
}

fn client_with_password(server: &MockServer) -> Client {
    builder_for(server)
        .credentials(Credentials::email_password("user@example.com", PASSWORD))
        .build()
        .unwrap()
}

#[test]
fn credentials_and_secrets_are_redacted() {
    let all = [
        Credentials::email_password("user@example.com", PASSWORD),
        Credentials::api_key(API_KEY),
        Credentials::refresh_token(OTHER_REFRESH),
    ];
    for credentials in &all {
        assert_redacted("Debug", &format!("{credentials:?}"));
        assert_redacted("pretty Debug", &format!("{credentials:#?}"));
        assert_redacted("Display", &credentials.to_string());
    }
    assert_eq!(
        all.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "email and password of user@example.com",
            "API key",
            "refresh token"
        ]
    );
    let secret = Secret::new(TOKEN);
    assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
    assert_eq!(secret.expose(), TOKEN);
}

#[tokio::test]
async fn client_and_token_state_are_redacted_once_logged_in() {
    let server = MockServer::start().await;
    login_answer(json!({"data": {"obtainKrakenToken": {
        "token": TOKEN, "payload": {"exp": 4_000_000_000_i64},
        "refreshToken": REFRESH, "refreshExpiresIn": 4_100_000_000_i64
    }}}))
    .mount(&server)
    .await;
    let client = client_with_password(&server);

    client.authenticate().await.expect("logged in");

    // The secrets were really sent and received ...
    let requests = server.received_requests().await.unwrap();
    assert!(String::from_utf8_lossy(&requests[0].body).contains(PASSWORD));
    let state = client.token_state().await.unwrap();
    assert_eq!(state.token().expose(), TOKEN);
    // ... and are shown nowhere.
    assert_redacted("client Debug", &format!("{client:?}"));
    assert_redacted("client pretty Debug", &format!("{client:#?}"));
    assert_redacted("token state Debug", &format!("{state:?}"));
    assert_redacted("token state pretty Debug", &format!("{state:#?}"));
}

#[tokio::test]
async fn a_refused_login_with_partial_data_is_redacted() {
    let server = MockServer::start().await;
    login_answer(json!({
        "data": {"obtainKrakenToken": {"token": TOKEN, "payload": {}, "refreshToken": REFRESH, "refreshExpiresIn": 1}},
        "errors": [{"message": "Invalid data.", "extensions": {"errorCode": "KT-CT-1134"}}]
    }))
    .mount(&server)
    .await;

    let error = reset(&client_with_password(&server))
        .await
        .expect_err("refused");

    assert!(
        matches!(error, Error::Auth(AuthError::Rejected(_))),
        "{error:?}"
    );
    assert_redacted("Debug", &format!("{error:?}"));
    assert_redacted("Display", &error.to_string());
}

#[tokio::test]
async fn a_malformed_token_answer_is_redacted() {
    let server = MockServer::start().await;
    // serde would quote the unexpected string in its message.
    login_answer(json!({"data": {"obtainKrakenToken": {
        "token": TOKEN, "payload": {}, "refreshToken": REFRESH, "refreshExpiresIn": REFRESH
    }}}))
    .mount(&server)
    .await;

    let error = client_with_password(&server)
        .authenticate()
        .await
        .expect_err("malformed");

    let AuthError::Decode(message) = &error else {
        panic!("expected Decode, got {error:?}");
    };
    assert_eq!(message, "unexpected shape");
    assert_redacted("Debug", &format!("{error:?}"));
    assert_redacted("Display", &error.to_string());
}

#[tokio::test]
async fn operation_errors_after_login_are_redacted() {
    let server = MockServer::start().await;
    login_answer(json!({"data": {"obtainKrakenToken": {
        "token": TOKEN, "payload": {"exp": 4_000_000_000_i64},
        "refreshToken": REFRESH, "refreshExpiresIn": 4_100_000_000_i64
    }}}))
    .mount(&server)
    .await;
    Mock::given(body_partial_json(
        json!({"operationName": "ResetUserPassword"}),
    ))
    .respond_with(ResponseTemplate::new(401).set_body_string("Unauthorized"))
    .mount(&server)
    .await;
    let client = client_with_password(&server);

    let error = reset(&client).await.expect_err("401");

    assert!(
        matches!(&error, Error::Http(http) if http.status == 401),
        "{error:?}"
    );
    assert_redacted("Debug", &format!("{error:?}"));
    assert_redacted("Display", &error.to_string());
}
