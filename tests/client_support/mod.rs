//! Hand-written operations and helpers shared by the client and auth tests.

#![allow(dead_code)]

use kraken_jp::{
    Client, ClientBuilder, Endpoint, ErrorClass, ErrorCodeSet, Nullable, Operation, OperationKind,
};
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;
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

    fn class(&self) -> ErrorClass {
        ErrorClass::Other
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
