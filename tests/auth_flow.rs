//! Logging in, sending the token, renewing it before expiry and after an
//! expired-token answer.

mod client_support;

use chrono::{DateTime, Utc};
use client_support::*;
use kraken_jp::operations::obtain_kraken_token::ObtainKrakenToken;
use kraken_jp::{
    AuthError, AuthScheme, Client, Credentials, Error, IssuedToken, Operation, TokenFuture,
    TokenRequest, TokenSource,
};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wiremock::matchers::{body_partial_json, header};
use wiremock::{Mock, MockServer, ResponseTemplate};

const EMAIL: &str = "user@example.com";
const PASSWORD: &str = "correct horse";

fn in_half_a_minute() -> i64 {
    Utc::now().timestamp() + 30
}

fn in_an_hour() -> i64 {
    Utc::now().timestamp() + 3600
}

fn in_a_week() -> i64 {
    Utc::now().timestamp() + 7 * 24 * 3600
}

/// The body of a token request with this input.
fn token_request(input: Value) -> Value {
    json!({
        "query": ObtainKrakenToken::DOCUMENT,
        "operationName": "ObtainKrakenToken",
        "variables": {"input": input},
    })
}

fn email_input() -> Value {
    json!({"email": EMAIL, "password": PASSWORD})
}

fn refresh_input(refresh: &str) -> Value {
    json!({"refreshToken": refresh})
}

fn reset_request() -> Value {
    json!({
        "query": RESET_USER_PASSWORD,
        "operationName": "ResetUserPassword",
        "variables": {"input": {"userId": "1234", "newPassword": "short", "token": null}},
    })
}

/// An `obtainKrakenToken` answer.
fn issued(token: &str, exp: i64, refresh: Option<&str>, refresh_exp: i64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"data": {"obtainKrakenToken": {
        "token": token,
        "payload": {"sub": "kraken|account-user:1", "exp": exp, "origIat": exp - 3600},
        "refreshToken": refresh,
        "refreshExpiresIn": refresh_exp,
    }}}))
}

fn expired(code: &str) -> ResponseTemplate {
    expired_with_status(200, code)
}

fn expired_with_status(status: u16, code: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "data": {"resetUserPassword": null},
        "errors": [{"message": "Token expired.", "path": ["resetUserPassword"],
                    "extensions": {"errorType": "AUTHORIZATION", "errorCode": code}}]
    }))
}

/// Mounts an answer to token requests with this input.
async fn on_token_request(server: &MockServer, input: Value, answer: ResponseTemplate) {
    Mock::given(body_partial_json(token_request(input)))
        .respond_with(answer)
        .up_to_n_times(1)
        .mount(server)
        .await;
}

/// Mounts an email login issuing token-A, expiring in half a minute, and refresh-A.
async fn on_login_expiring_soon(server: &MockServer) {
    on_token_request(
        server,
        email_input(),
        issued(
            "token-A",
            in_half_a_minute(),
            Some("refresh-A"),
            in_a_week(),
        ),
    )
    .await;
}

/// Mounts an answer to `ResetUserPassword` sent with this token.
async fn on_reset_with(server: &MockServer, token: &str, answer: ResponseTemplate) {
    Mock::given(body_partial_json(
        json!({"operationName": "ResetUserPassword"}),
    ))
    .and(header("authorization", token))
    .respond_with(answer)
    .mount(server)
    .await;
}

fn email_client(server: &MockServer) -> Client {
    builder_for(server)
        .credentials(Credentials::email_password(EMAIL, PASSWORD))
        .build()
        .unwrap()
}

#[tokio::test]
async fn login_without_authorization_then_the_token_on_every_request() {
    let server = MockServer::start().await;
    let (exp, refresh_exp) = (in_an_hour(), in_a_week());
    on_token_request(
        &server,
        email_input(),
        issued("token-A", exp, Some("refresh-A"), refresh_exp),
    )
    .await;
    on_reset_with(&server, "token-A", reset_ok()).await;
    let client = email_client(&server);

    reset(&client).await.expect("first call");
    reset(&client).await.expect("second call");

    assert_eq!(
        received(&server).await,
        vec![
            (token_request(email_input()), None),
            (reset_request(), Some("token-A".to_owned())),
            (reset_request(), Some("token-A".to_owned())),
        ]
    );
    let state = client.token_state().await.expect("logged in");
    assert_eq!(state.token().expose(), "token-A");
    assert_eq!(state.refresh_token().map(|s| s.expose()), Some("refresh-A"));
    assert_eq!(state.expires_at(), DateTime::from_timestamp(exp, 0));
    assert_eq!(
        state.refresh_expires_at(),
        DateTime::from_timestamp(refresh_exp, 0)
    );
}

#[tokio::test]
async fn api_key_and_refresh_token_credentials_send_their_input() {
    for (credentials, input) in [
        (Credentials::api_key("key-1"), json!({"APIKey": "key-1"})),
        (
            Credentials::refresh_token("refresh-1"),
            json!({"refreshToken": "refresh-1"}),
        ),
    ] {
        let server = MockServer::start().await;
        on_token_request(
            &server,
            input.clone(),
            issued("token-A", in_an_hour(), None, 0),
        )
        .await;
        let client = builder_for(&server)
            .credentials(credentials)
            .build()
            .unwrap();

        client.authenticate().await.expect("logged in");

        assert_eq!(received(&server).await, vec![(token_request(input), None)]);
    }
}

#[tokio::test]
async fn a_token_about_to_expire_is_refreshed_before_the_request() {
    let server = MockServer::start().await;
    on_login_expiring_soon(&server).await;
    // The refresh answer rotates no refresh token: the old one is kept.
    on_token_request(
        &server,
        refresh_input("refresh-A"),
        issued("token-B", in_an_hour(), None, 0),
    )
    .await;
    on_reset_with(&server, "token-A", reset_ok()).await;
    on_reset_with(&server, "token-B", reset_ok()).await;
    let client = email_client(&server);

    for _ in 0..3 {
        reset(&client).await.expect("call");
    }

    assert_eq!(
        received(&server).await,
        vec![
            (token_request(email_input()), None),
            (reset_request(), Some("token-A".to_owned())),
            (token_request(refresh_input("refresh-A")), None),
            (reset_request(), Some("token-B".to_owned())),
            (reset_request(), Some("token-B".to_owned())),
        ]
    );
    let state = client.token_state().await.unwrap();
    assert_eq!(state.refresh_token().map(|s| s.expose()), Some("refresh-A"));
}

#[tokio::test]
async fn an_expired_token_answer_renews_once_and_the_retry_succeeds() {
    for (status, code) in [
        (200, "KT-CT-1124"),
        (200, "KT-CT-1120"),
        (400, "KT-CT-1124"),
    ] {
        let server = MockServer::start().await;
        on_token_request(
            &server,
            email_input(),
            issued("token-A", in_an_hour(), Some("refresh-A"), in_a_week()),
        )
        .await;
        on_token_request(
            &server,
            refresh_input("refresh-A"),
            issued("token-B", in_an_hour(), Some("refresh-B"), in_a_week()),
        )
        .await;
        on_reset_with(&server, "token-A", expired_with_status(status, code)).await;
        on_reset_with(&server, "token-B", reset_ok()).await;
        let client = email_client(&server);

        let data = reset(&client).await.expect("the retry succeeds");

        assert_eq!(
            data.reset_user_password.unwrap().password_updated,
            Some(true)
        );
        assert_eq!(
            received(&server).await,
            vec![
                (token_request(email_input()), None),
                (reset_request(), Some("token-A".to_owned())),
                (token_request(refresh_input("refresh-A")), None),
                (reset_request(), Some("token-B".to_owned())),
            ],
            "{status} {code}"
        );
    }
}

#[tokio::test]
async fn auth_server_operations_carry_the_token_too() {
    let server = MockServer::start().await;
    on_token_request(
        &server,
        email_input(),
        issued("token-A", in_an_hour(), None, 0),
    )
    .await;
    Mock::given(wiremock::matchers::path("/auth/"))
        .and(header("authorization", "token-A"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": {"deleteMfaDevice": {"deviceDeleted": true}}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = email_client(&server);

    let data = client
        .execute::<DeleteMfaDevice>(&json!({"input": {}}))
        .await
        .expect("deleted");

    assert_eq!(data.delete_mfa_device.unwrap().device_deleted, Some(true));
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| request.url.path().to_owned())
        .collect();
    assert_eq!(paths, ["/", "/auth/"]);
}

#[tokio::test]
async fn a_second_expired_answer_is_returned_without_another_retry() {
    let server = MockServer::start().await;
    on_token_request(
        &server,
        email_input(),
        issued("token-A", in_an_hour(), Some("refresh-A"), in_a_week()),
    )
    .await;
    on_token_request(
        &server,
        refresh_input("refresh-A"),
        issued("token-B", in_an_hour(), Some("refresh-B"), in_a_week()),
    )
    .await;
    on_reset_with(&server, "token-A", expired("KT-CT-1124")).await;
    on_reset_with(&server, "token-B", expired("KT-CT-1124")).await;
    let client = email_client(&server);

    let error = reset(&client).await.expect_err("still expired");

    assert_eq!(
        error.graphql_errors()[0].extensions.error_code.as_ref(),
        Some(&TestCode::Other("KT-CT-1124".to_owned()))
    );
    assert_eq!(received(&server).await.len(), 4);
}

#[tokio::test]
async fn other_errors_are_not_retried() {
    let server = MockServer::start().await;
    on_token_request(
        &server,
        email_input(),
        issued("token-A", in_an_hour(), Some("refresh-A"), in_a_week()),
    )
    .await;
    on_reset_with(&server, "token-A", expired("KT-CT-4125")).await;
    let client = email_client(&server);

    let error = reset(&client).await.expect_err("unauthorized");

    assert_eq!(
        error.graphql_errors()[0].extensions.error_code.as_ref(),
        Some(&TestCode::Unauthorized)
    );
    assert_eq!(received(&server).await.len(), 2);
}

/// A token request answered with one error of this code, carried with this HTTP status.
fn refused(status: u16, code: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "data": {"obtainKrakenToken": null},
        "errors": [{"message": "Invalid data.", "extensions": {"errorCode": code}}]
    }))
}

#[tokio::test]
async fn a_refused_refresh_token_falls_back_to_the_credentials_whatever_the_status() {
    for (status, code) in [
        (200, "KT-CT-1135"),
        (400, "KT-CT-1135"),
        (200, "KT-CT-1134"),
        (400, "KT-CT-1139"),
    ] {
        let server = MockServer::start().await;
        on_login_expiring_soon(&server).await;
        on_token_request(&server, refresh_input("refresh-A"), refused(status, code)).await;
        on_token_request(
            &server,
            email_input(),
            issued("token-C", in_an_hour(), Some("refresh-C"), in_a_week()),
        )
        .await;
        on_reset_with(&server, "token-A", reset_ok()).await;
        on_reset_with(&server, "token-C", reset_ok()).await;
        let client = email_client(&server);

        reset(&client).await.expect("first call");
        reset(&client).await.expect("second call");

        assert_eq!(
            received(&server).await,
            vec![
                (token_request(email_input()), None),
                (reset_request(), Some("token-A".to_owned())),
                (token_request(refresh_input("refresh-A")), None),
                (token_request(email_input()), None),
                (reset_request(), Some("token-C".to_owned())),
            ],
            "{status} {code}"
        );
    }
}

#[tokio::test]
async fn a_refresh_refused_for_a_rate_limit_is_rate_limited_without_a_second_login() {
    let server = MockServer::start().await;
    on_login_expiring_soon(&server).await;
    on_token_request(
        &server,
        refresh_input("refresh-A"),
        refused(200, "KT-CT-1199").insert_header("retry-after", "120"),
    )
    .await;
    on_reset_with(&server, "token-A", reset_ok()).await;
    let client = email_client(&server);

    reset(&client).await.expect("first call");
    let error = reset(&client).await.expect_err("rate limited");

    let (retry_after, errors) = rate_limit(&error);
    assert_eq!(
        (retry_after, errors.len()),
        (Some(Duration::from_secs(120)), 0)
    );
    assert_eq!(error.to_string(), "rate limited (retry after 120s)");
    assert_eq!(
        received(&server).await,
        vec![
            (token_request(email_input()), None),
            (reset_request(), Some("token-A".to_owned())),
            (token_request(refresh_input("refresh-A")), None),
        ]
    );
}

#[tokio::test]
async fn refused_credentials_fail_at_once_even_for_a_query() {
    let server = MockServer::start().await;
    on_token_request(&server, email_input(), refused(200, "KT-CT-1138")).await;
    let client = email_client(&server);

    let error = read(&client).await.expect_err("refused");

    let Error::Auth(AuthError::Rejected(errors)) = &error else {
        panic!("expected a refused login, got {error:?}");
    };
    assert_eq!(errors[0].code(), Some("KT-CT-1138"));
    assert_eq!(
        received(&server).await,
        vec![(token_request(email_input()), None)]
    );
}

#[tokio::test]
async fn the_authorization_scheme_writes_the_header() {
    for (scheme, sent) in [
        (AuthScheme::Bare, "token-A"),
        (AuthScheme::Jwt, "JWT token-A"),
        (AuthScheme::Bearer, "Bearer token-A"),
    ] {
        let server = MockServer::start().await;
        on_token_request(
            &server,
            email_input(),
            issued("token-A", in_an_hour(), None, 0),
        )
        .await;
        on_reset_with(&server, sent, reset_ok()).await;
        let client = builder_for(&server)
            .credentials(Credentials::email_password(EMAIL, PASSWORD))
            .authorization_scheme(scheme)
            .build()
            .unwrap();

        reset(&client).await.expect("accepted");

        let (_, authorization) = received(&server).await.remove(1);
        assert_eq!(authorization.as_deref(), Some(sent), "{scheme:?}");
    }
}

/// A token source handing out `src-1`, `src-2`, … and recording why it was asked;
/// `src-1` expires within the refresh margin, the others at an unknown time.
#[derive(Clone, Default)]
struct Counting {
    asked: Arc<Mutex<Vec<TokenRequest>>>,
}

impl TokenSource for Counting {
    fn token(&self, why: TokenRequest) -> TokenFuture<'_> {
        Box::pin(async move {
            let mut asked = self.asked.lock().unwrap();
            asked.push(why);
            let expires_at = (asked.len() == 1).then(|| Utc::now() + chrono::Duration::seconds(30));
            Ok(IssuedToken {
                token: format!("src-{}", asked.len()).into(),
                expires_at,
            })
        })
    }
}

#[tokio::test]
async fn a_token_source_is_asked_when_there_is_no_token_it_expires_or_it_expired() {
    let server = MockServer::start().await;
    on_reset_with(&server, "src-1", reset_ok()).await;
    on_reset_with(&server, "src-2", expired("KT-CT-1124")).await;
    on_reset_with(&server, "src-3", reset_ok()).await;
    let source = Counting::default();
    let client = builder_for(&server)
        .token_source(source.clone())
        .build()
        .unwrap();

    reset(&client).await.expect("first call");
    reset(&client)
        .await
        .expect("second call, renewed after the expired answer");

    assert_eq!(
        *source.asked.lock().unwrap(),
        [
            TokenRequest::Initial,
            TokenRequest::Expiring,
            TokenRequest::Expired
        ]
    );
    let sent: Vec<Option<String>> = received(&server)
        .await
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    assert_eq!(
        sent,
        ["src-1", "src-2", "src-3"].map(|token| Some(token.to_owned()))
    );
}

#[tokio::test]
async fn a_failing_token_source_is_an_auth_error() {
    struct Down;
    impl TokenSource for Down {
        fn token(&self, _why: TokenRequest) -> TokenFuture<'_> {
            Box::pin(async { Err("vault sealed".into()) })
        }
    }
    let server = MockServer::start().await;
    let client = builder_for(&server).token_source(Down).build().unwrap();

    let error = reset(&client).await.expect_err("no token");

    assert_eq!(
        error.to_string(),
        "authentication failed: token source: vault sealed"
    );
    assert_eq!(received(&server).await, vec![]);
}

#[tokio::test]
async fn an_expired_refresh_token_is_not_used() {
    let server = MockServer::start().await;
    let past = Utc::now().timestamp() - 1;
    on_token_request(
        &server,
        email_input(),
        issued("token-A", in_half_a_minute(), Some("refresh-A"), past),
    )
    .await;
    on_token_request(
        &server,
        email_input(),
        issued("token-B", in_an_hour(), None, 0),
    )
    .await;
    on_reset_with(&server, "token-A", reset_ok()).await;
    on_reset_with(&server, "token-B", reset_ok()).await;
    let client = email_client(&server);

    reset(&client).await.expect("first call");
    reset(&client).await.expect("second call");

    assert_eq!(
        received(&server).await,
        vec![
            (token_request(email_input()), None),
            (reset_request(), Some("token-A".to_owned())),
            (token_request(email_input()), None),
            (reset_request(), Some("token-B".to_owned())),
        ]
    );
}

#[tokio::test]
async fn a_refused_login_is_an_auth_error_and_nothing_else_is_sent() {
    let server = MockServer::start().await;
    on_token_request(
        &server,
        email_input(),
        ResponseTemplate::new(200).set_body_json(json!({
            "data": {"obtainKrakenToken": null},
            "errors": [{"message": "Invalid data.", "path": ["obtainKrakenToken"],
                        "extensions": {"errorType": "VALIDATION", "errorCode": "KT-CT-1135"}}]
        })),
    )
    .await;
    let client = email_client(&server);

    let error = reset(&client).await.expect_err("refused");

    let Error::Auth(AuthError::Rejected(errors)) = &error else {
        panic!("expected a refused login, got {error:?}");
    };
    assert_eq!(errors[0].code(), Some("KT-CT-1135"));
    assert_eq!(
        error.to_string(),
        "authentication failed: token refused: GraphQL error: [KT-CT-1135] Invalid data. (at obtainKrakenToken)"
    );
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn token_request_faults_are_auth_errors() {
    let server = MockServer::start().await;
    on_token_request(
        &server,
        email_input(),
        ResponseTemplate::new(500).set_body_string("down"),
    )
    .await;
    on_token_request(
        &server,
        email_input(),
        ResponseTemplate::new(200).set_body_json(json!({"data": {"obtainKrakenToken": null}})),
    )
    .await;
    let client = email_client(&server);

    match client.authenticate().await {
        Err(AuthError::Http(http)) => assert_eq!(
            (http.status.as_u16(), http.body_excerpt.as_str()),
            (500, "down")
        ),
        other => panic!("expected Http, got {other:?}"),
    }
    assert!(matches!(
        client.authenticate().await,
        Err(AuthError::MissingToken)
    ));
    assert!(client.token_state().await.is_none());
}

#[tokio::test]
async fn authenticate_needs_credentials() {
    let server = MockServer::start().await;
    let error = client_for(&server).authenticate().await.unwrap_err();
    assert!(matches!(error, AuthError::NoCredentials), "{error:?}");
    assert!(client_for(&server).token_state().await.is_none());
}

#[tokio::test]
async fn concurrent_requests_share_one_login() {
    let server = MockServer::start().await;
    Mock::given(body_partial_json(token_request(email_input())))
        .respond_with(
            issued("token-A", in_an_hour(), Some("refresh-A"), in_a_week())
                .set_delay(Duration::from_millis(50)),
        )
        .expect(1)
        .mount(&server)
        .await;
    on_reset_with(&server, "token-A", reset_ok()).await;
    let client = email_client(&server);

    let clone = client.clone();
    let (first, second) = tokio::join!(reset(&client), reset(&clone));

    first.expect("first call");
    second.expect("second call");
    assert_eq!(received(&server).await.len(), 3);
}

#[test]
fn execute_futures_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::builder().build().unwrap();
    let variables = reset_variables();
    let future = client.execute::<ResetUserPassword>(&variables);
    assert_send(&future);
}
