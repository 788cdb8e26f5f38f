//! Hand-written operations and helpers shared by the client and auth tests.

#![allow(dead_code)]

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::routing::post;
use axum::Router;
use kraken_jp::{
    Client, ClientBuilder, Endpoint, Error, ErrorClass, ErrorCodeSet, GraphQLError, Nullable,
    Operation, OperationError, OperationKind, PartialData,
};
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use std::fmt;
use std::io::Read;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use wiremock::{MockServer, ResponseTemplate};

/// Error codes used by the test operations.
#[derive(Debug, Clone, PartialEq)]
pub enum TestCode {
    /// `KT-CT-5450`: Password is invalid.
    PasswordInvalid,
    /// `KT-CT-4125`: Unauthorized.
    Unauthorized,
    /// Any other code.
    Other(String),
}

impl ErrorCodeSet for TestCode {
    fn code(&self) -> &str {
        match self {
            TestCode::PasswordInvalid => "KT-CT-5450",
            TestCode::Unauthorized => "KT-CT-4125",
            TestCode::Other(code) => code,
        }
    }

    /// The class the crate-wide table gives the code, as generated enums do.
    fn class(&self) -> ErrorClass {
        kraken_jp::ErrorCode::from_code(self.code()).class()
    }
}

impl FromStr for TestCode {
    type Err = Infallible;
    fn from_str(code: &str) -> Result<Self, Infallible> {
        Ok(match code {
            "KT-CT-5450" => TestCode::PasswordInvalid,
            "KT-CT-4125" => TestCode::Unauthorized,
            other => TestCode::Other(other.to_owned()),
        })
    }
}

impl fmt::Display for TestCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `resetUserPassword` on the API server.
pub struct ResetUserPassword;

pub const RESET_USER_PASSWORD: &str = "mutation ResetUserPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { userId passwordUpdated } }";

impl Operation for ResetUserPassword {
    const OPERATION_NAME: &'static str = "ResetUserPassword";
    const DOCUMENT: &'static str = RESET_USER_PASSWORD;
    const KIND: OperationKind = OperationKind::Mutation;
    const ENDPOINT: Option<&'static str> = Some(Endpoint::Api.key());
    type Variables = ResetVariables;
    type ResponseData = ResetData;
    type ErrorCode = TestCode;
}

#[derive(Debug, Serialize)]
pub struct ResetVariables {
    pub input: ResetInput,
}

#[derive(Debug, Serialize)]
pub struct ResetInput {
    #[serde(rename = "userId")]
    pub user_id: String,
    #[serde(rename = "newPassword")]
    pub new_password: String,
    #[serde(skip_serializing_if = "Nullable::is_absent")]
    pub token: Nullable<String>,
}

/// The answer of a password reset that succeeded.
pub const RESET_OK: &str =
    r#"{"data": {"resetUserPassword": {"userId": "1234", "passwordUpdated": true}}}"#;

/// [`RESET_OK`], as a mock's answer.
pub fn reset_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(RESET_OK, "application/json")
}

/// Sends `ResetUserPassword` with [`reset_variables`].
pub async fn reset(client: &Client) -> Result<ResetData, OperationError<ResetUserPassword>> {
    client
        .execute::<ResetUserPassword>(&reset_variables())
        .await
}

/// The answer of `AccountNumber`.
pub const ACCOUNT_OK: &str = r#"{"data": {"account": {"number": "A-1"}}}"#;

/// [`ACCOUNT_OK`], as a mock's answer.
pub fn account_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(ACCOUNT_OK, "application/json")
}

/// Sends `AccountNumber`.
pub async fn read(client: &Client) -> Result<AccountData, OperationError<AccountNumber>> {
    client.execute::<AccountNumber>(&NoVariables {}).await
}

/// The wait and the GraphQL errors of an `Error::RateLimited`; panics on any other error.
pub fn rate_limit<C: ErrorCodeSet, D: fmt::Debug>(
    error: &Error<C, D>,
) -> (Option<Duration>, &[GraphQLError<C>]) {
    match error {
        Error::RateLimited {
            retry_after,
            errors,
        } => (*retry_after, errors),
        other => panic!("expected RateLimited, got {other:?}"),
    }
}

/// The errors and partial data of an `Error::GraphQL`; panics on any other error.
pub fn graphql_errors<C: ErrorCodeSet, D: fmt::Debug>(
    error: Error<C, D>,
) -> (Vec<GraphQLError<C>>, Option<PartialData<D>>) {
    match error {
        Error::GraphQL {
            errors,
            partial_data,
        } => (errors, partial_data),
        other => panic!("expected GraphQL errors, got {other:?}"),
    }
}

pub fn reset_variables() -> ResetVariables {
    ResetVariables {
        input: ResetInput {
            user_id: "1234".to_owned(),
            new_password: "short".to_owned(),
            token: Nullable::Null,
        },
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ResetData {
    #[serde(rename = "resetUserPassword")]
    pub reset_user_password: Option<ResetResult>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ResetResult {
    #[serde(rename = "userId")]
    pub user_id: Option<String>,
    #[serde(rename = "passwordUpdated")]
    pub password_updated: Option<bool>,
}

/// `deleteMfaDevice` on the authentication server.
pub struct DeleteMfaDevice;

pub const DELETE_MFA_DEVICE: &str = "mutation DeleteMfaDevice($input: DeleteMfaDeviceInputType!) { deleteMfaDevice(input: $input) { deviceDeleted } }";

impl Operation for DeleteMfaDevice {
    const OPERATION_NAME: &'static str = "DeleteMfaDevice";
    const DOCUMENT: &'static str = DELETE_MFA_DEVICE;
    const KIND: OperationKind = OperationKind::Mutation;
    const ENDPOINT: Option<&'static str> = Some(Endpoint::Auth.key());
    type Variables = serde_json::Value;
    type ResponseData = DeleteData;
    type ErrorCode = TestCode;
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DeleteData {
    #[serde(rename = "deleteMfaDevice")]
    pub delete_mfa_device: Option<DeleteResult>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DeleteResult {
    #[serde(rename = "deviceDeleted")]
    pub device_deleted: Option<bool>,
}

/// An operation without variables whose root field is non-null.
pub struct AccountNumber;

pub const ACCOUNT_NUMBER: &str = "query AccountNumber { account { number } }";

impl Operation for AccountNumber {
    const OPERATION_NAME: &'static str = "AccountNumber";
    const DOCUMENT: &'static str = ACCOUNT_NUMBER;
    const KIND: OperationKind = OperationKind::Query;
    const ENDPOINT: Option<&'static str> = Some(Endpoint::Api.key());
    type Variables = NoVariables;
    type ResponseData = AccountData;
    type ErrorCode = TestCode;
}

#[derive(Debug, Serialize)]
pub struct NoVariables {}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AccountData {
    pub account: Account,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Account {
    pub number: String,
}

/// A builder pointing both URLs at the mock server, with plain loopback HTTP allowed.
pub fn builder_for(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .api_url(server.uri())
        .auth_url(format!("{}/auth/", server.uri()))
        .allow_loopback_http()
}

/// A client for the mock server, without credentials.
pub fn client_for(server: &MockServer) -> Client {
    builder_for(server).build().expect("client builds")
}

/// The JSON bodies and `Authorization` headers of the requests the server received.
pub async fn received(server: &MockServer) -> Vec<(serde_json::Value, Option<String>)> {
    server
        .received_requests()
        .await
        .expect("request recording is on")
        .iter()
        .map(|request| {
            let body = request.body_json().expect("request body is JSON");
            let authorization = request
                .headers
                .get("authorization")
                .map(|value| value.to_str().expect("ASCII header").to_owned());
            (body, authorization)
        })
        .collect()
}

/// Serves `listener` with axum: every POST to `/` is read whole, counted and answered
/// 200 with the JSON `body`. For volumes wiremock cannot serve (it keeps every request).
/// Returns the count.
pub fn answer_every_request(listener: TcpListener, body: &'static str) -> Arc<AtomicUsize> {
    let received = Arc::new(AtomicUsize::new(0));
    let app = Router::new()
        .route(
            "/",
            post(
                move |State(received): State<Arc<AtomicUsize>>, _request: Bytes| async move {
                    received.fetch_add(1, Ordering::SeqCst);
                    ([(CONTENT_TYPE, "application/json")], body)
                },
            ),
        )
        .with_state(Arc::clone(&received));
    tokio::spawn(async move { axum::serve(listener, app).await });
    received
}

/// [`answer_every_request`] on a free port of 127.0.0.1; returns its URL and the count.
pub async fn json_server(body: &'static str) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let url = format!("http://{}/", listener.local_addr().expect("bound"));
    (url, answer_every_request(listener, body))
}

/// A server on 127.0.0.1 that reads each request and closes the connection without
/// answering. This is the one fault an HTTP server library (axum, wiremock) will not
/// produce, hence a bare TCP listener. Returns its URL and the number of requests read.
pub fn closing_server() -> (String, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let url = format!("http://{}/", listener.local_addr().expect("bound"));
    let received = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&received);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            // A request of a few hundred bytes arrives in one read on loopback; the
            // stream is dropped, unanswered, once it is counted.
            if stream.read(&mut [0; 64 * 1024]).is_ok_and(|read| read > 0) {
                counter.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    (url, received)
}
