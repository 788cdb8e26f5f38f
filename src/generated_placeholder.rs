//! Hand-written stand-in for the generated `obtainKrakenToken` operation and its input
//! type, in the shape docs/contract.md fixes, so authentication builds before the
//! generated code is included. Replaced wholesale by the generated `operations` and
//! `types` modules.

/// Operations (generated code provides one module per operation).
pub mod operations {
    /// `obtainKrakenToken`.
    pub mod obtain_kraken_token {
        use crate::types::ObtainJsonWebTokenInput;
        use std::convert::Infallible;
        use std::fmt;
        use std::str::FromStr;

        /// The `ObtainKrakenToken` mutation.
        pub struct ObtainKrakenToken;

        impl crate::Operation for ObtainKrakenToken {
            const OPERATION_NAME: &'static str = "ObtainKrakenToken";
            const DOCUMENT: &'static str = "mutation ObtainKrakenToken($input: ObtainJSONWebTokenInput!) { obtainKrakenToken(input: $input) { token payload refreshToken refreshExpiresIn } }";
            const ENDPOINT: crate::Endpoint = crate::Endpoint::Api;
            type Variables = Variables;
            type ResponseData = ResponseData;
            type ErrorCode = ErrorCode;
        }

        /// Variables of `ObtainKrakenToken`.
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        pub struct Variables {
            /// `input`.
            pub input: ObtainJsonWebTokenInput,
        }

        /// `data` of `ObtainKrakenToken`.
        #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
        pub struct ResponseData {
            /// `obtainKrakenToken`.
            #[serde(rename = "obtainKrakenToken")]
            pub obtain_kraken_token: Option<ObtainKrakenTokenResult>,
        }

        /// The selection on `ObtainKrakenToken`.
        #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
        pub struct ObtainKrakenTokenResult {
            /// `token`.
            pub token: String,
            /// `payload`.
            pub payload: serde_json::Value,
            /// `refreshToken`.
            #[serde(rename = "refreshToken")]
            pub refresh_token: Option<String>,
            /// `refreshExpiresIn`.
            #[serde(rename = "refreshExpiresIn")]
            pub refresh_expires_in: Option<i64>,
        }

        /// Documented error codes of `obtainKrakenToken`.
        #[derive(Debug, Clone, PartialEq)]
        pub enum ErrorCode {
            /// `KT-CT-1135`: Invalid data.
            KtCt1135,
            /// `KT-CT-1134`: Invalid data.
            KtCt1134,
            /// `KT-CT-1113`: Disabled GraphQL field requested.
            KtCt1113,
            /// A code not documented for this operation.
            Other(String),
        }

        impl crate::ErrorCodeSet for ErrorCode {
            fn code(&self) -> &str {
                match self {
                    ErrorCode::KtCt1135 => "KT-CT-1135",
                    ErrorCode::KtCt1134 => "KT-CT-1134",
                    ErrorCode::KtCt1113 => "KT-CT-1113",
                    ErrorCode::Other(code) => code,
                }
            }
        }

        impl FromStr for ErrorCode {
            type Err = Infallible;
            fn from_str(code: &str) -> Result<Self, Infallible> {
                Ok(match code {
                    "KT-CT-1135" => ErrorCode::KtCt1135,
                    "KT-CT-1134" => ErrorCode::KtCt1134,
                    "KT-CT-1113" => ErrorCode::KtCt1113,
                    other => ErrorCode::Other(other.to_owned()),
                })
            }
        }

        impl fmt::Display for ErrorCode {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(crate::ErrorCodeSet::code(self))
            }
        }
    }
}

/// Input objects and enums (generated code provides every input type).
pub mod types {
    use crate::Nullable;

    /// `ObtainJSONWebTokenInput`.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
    pub struct ObtainJsonWebTokenInput {
        /// `APIKey`.
        #[serde(rename = "APIKey", skip_serializing_if = "Nullable::is_absent")]
        pub api_key: Nullable<String>,
        /// `email`.
        #[serde(skip_serializing_if = "Nullable::is_absent")]
        pub email: Nullable<String>,
        /// `password`.
        #[serde(skip_serializing_if = "Nullable::is_absent")]
        pub password: Nullable<String>,
        /// `refreshToken`.
        #[serde(rename = "refreshToken", skip_serializing_if = "Nullable::is_absent")]
        pub refresh_token: Nullable<String>,
    }

    impl ObtainJsonWebTokenInput {
        /// An input with every field absent.
        pub fn new() -> Self {
            Self::default()
        }

        /// Sets `APIKey`.
        pub fn api_key(mut self, value: impl Into<Nullable<String>>) -> Self {
            self.api_key = value.into();
            self
        }

        /// Sets `email`.
        pub fn email(mut self, value: impl Into<Nullable<String>>) -> Self {
            self.email = value.into();
            self
        }

        /// Sets `password`.
        pub fn password(mut self, value: impl Into<Nullable<String>>) -> Self {
            self.password = value.into();
            self
        }

        /// Sets `refreshToken`.
        pub fn refresh_token(mut self, value: impl Into<Nullable<String>>) -> Self {
            self.refresh_token = value.into();
            self
        }
    }
}
