//! Hand-written operations and helpers shared by the client and auth tests.

#![allow(dead_code)]

use kraken_jp::{
    Client, ClientBuilder, Endpoint, ErrorClass, ErrorCodeSet, Nullable, Operation, OperationKind,
};
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use std::fmt;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wiremock::MockServer;

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

/// A raw HTTP/1.1 server on 127.0.0.1, for faults and volumes wiremock cannot give (it
/// keeps every request it matched). Each request is read whole and counted; `answer`
/// gives the JSON body of a 200 answer (the connection stays open for the next
/// request), or `None` to close the connection without answering. Returns its URL and
/// the count.
pub fn raw_server(answer: fn() -> Option<&'static str>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let url = format!("http://{}/", listener.local_addr().expect("bound"));
    (url, serve(listener, answer))
}

/// Serves `listener` as [`raw_server`] does, one thread per connection.
pub fn serve(listener: TcpListener, answer: fn() -> Option<&'static str>) -> Arc<AtomicUsize> {
    let received = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&received);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let counter = Arc::clone(&counter);
            std::thread::spawn(move || serve_connection(stream, answer, &counter));
        }
    });
    received
}

fn serve_connection(
    stream: TcpStream,
    answer: fn() -> Option<&'static str>,
    counter: &AtomicUsize,
) {
    let Ok(reading) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(reading);
    let mut writer = stream;
    while read_request(&mut reader) {
        counter.fetch_add(1, Ordering::SeqCst);
        let Some(body) = answer() else { return };
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

/// Reads one request (headers, then `Content-Length` bytes of body); false at the end
/// of the connection.
fn read_request(reader: &mut impl BufRead) -> bool {
    let mut length = 0;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {}
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).is_ok()
}
