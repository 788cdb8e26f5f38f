//! Authentication with Kraken tokens obtained through `obtainKrakenToken`, or from a
//! [`TokenSource`].
//!
//! Sits above the generated code (it sends `obtainKrakenToken`) and below the client.

use crate::extensions::{ErrorExtensions, GraphQLError, HttpStatusError};
use crate::operations::obtain_kraken_token::{self, ObtainKrakenToken};
use crate::token_source::{IssuedToken, TokenRequest, TokenSource, TokenSourceError};
use crate::types::ObtainJsonWebTokenInput;
use chrono::{DateTime, Utc};
use kraken_codegen_runtime::{Client as Transport, Error, ErrorClass, Extensions, Secret};
use reqwest::header::{HeaderMap, HeaderValue};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;

/// A failure to obtain a Kraken token. It never holds a token, password or key:
/// partial data of the token answer is dropped and decode messages keep only the
/// position.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The client was built without credentials.
    #[error("no credentials configured")]
    NoCredentials,
    /// The token request could not be sent or the answer not received.
    #[error("token request failed: {0}")]
    Transport(#[source] reqwest::Error),
    /// The token request timed out.
    #[error("token request timed out")]
    Timeout,
    /// The token request was answered with a non-2xx status.
    #[error("token request: {0}")]
    Http(HttpStatusError<obtain_kraken_token::ErrorCode>),
    /// The token answer was malformed; the message gives the kind and position only.
    #[error("malformed token response: {0}")]
    Decode(String),
    /// The server refused to issue a token (for example wrong password).
    #[error("token refused: {}", kraken_codegen_runtime::error::describe_errors(.0))]
    Rejected(Vec<GraphQLError<obtain_kraken_token::ErrorCode>>),
    /// The token request was not sent (e.g. the client has no URL for it).
    #[error("token request not sent: {0}")]
    NotSent(String),
    /// The token answer held neither a token nor errors.
    #[error("the token response holds no token")]
    MissingToken,
    /// The token request was refused for a rate limit (no other login is tried, which
    /// would only add to the traffic).
    #[error("token request rate limited")]
    RateLimited {
        /// How long until the limit resets, when the server said.
        retry_after: Option<Duration>,
    },
    /// The [`TokenSource`] failed.
    #[error("token source: {0}")]
    Source(#[source] TokenSourceError),
}

impl AuthError {
    /// True when the server refused the token request with an error of this class,
    /// whatever the HTTP status that carried it.
    pub fn is_refused_as(&self, class: ErrorClass) -> bool {
        let errors = match self {
            AuthError::Rejected(errors) => errors,
            AuthError::Http(http) => &http.errors,
            _ => return false,
        };
        errors.iter().any(|error| error.extensions.class() == class)
    }
}

/// The error of sending `obtainKrakenToken`.
type TokenRequestError = Error<
    ErrorExtensions<obtain_kraken_token::ErrorCode>,
    obtain_kraken_token::ResponseData,
    AuthError,
>;

impl From<TokenRequestError> for AuthError {
    fn from(error: TokenRequestError) -> Self {
        match error {
            Error::Transport(source) => AuthError::Transport(source),
            Error::Timeout => AuthError::Timeout,
            Error::Http(http) => AuthError::Http(http),
            Error::Decode(source) => AuthError::Decode(redacted_decode_message(&source)),
            Error::GraphQL { errors, .. } | Error::QueryTooLarge { errors } => {
                AuthError::Rejected(errors)
            }
            Error::RateLimited { retry_after, .. } => AuthError::RateLimited { retry_after },
            Error::Auth(auth) => auth,
            other => AuthError::NotSent(other.to_string()),
        }
    }
}

/// The kind and position of a decode error, without serde's message (which may
/// quote a value of the answer, such as a token).
fn redacted_decode_message(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let kind = match error.classify() {
        Category::Io => "read error",
        Category::Syntax => "invalid JSON",
        Category::Eof => "unexpected end of input",
        Category::Data => "unexpected shape",
    };
    if error.line() == 0 {
        kind.to_owned()
    } else {
        format!("{kind} at line {} column {}", error.line(), error.column())
    }
}

/// How the token is written in the `Authorization` header. The API accepts all three;
/// the default is the token alone, as the Kraken documentation shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AuthScheme {
    /// `Authorization: <token>`.
    #[default]
    Bare,
    /// `Authorization: JWT <token>`.
    Jwt,
    /// `Authorization: Bearer <token>`.
    Bearer,
}

impl AuthScheme {
    /// The header value for `token`, marked sensitive.
    fn header(self, token: &Secret) -> Result<HeaderValue, AuthError> {
        let prefix = match self {
            AuthScheme::Bare => "",
            AuthScheme::Jwt => "JWT ",
            AuthScheme::Bearer => "Bearer ",
        };
        let mut header = HeaderValue::from_str(&format!("{prefix}{}", token.expose()))
            .map_err(|_| AuthError::Decode("the token is not a valid header value".to_owned()))?;
        header.set_sensitive(true);
        Ok(header)
    }
}

/// What the client logs in with. `Debug` and `Display` never show the secret part.
///
/// An API key is what the API wants from integrations; email and password log in as an
/// account user through inputs the API deprecated on 2026-03-18 and may remove on or
/// after 2026-09-21.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// An account user's email and password (deprecated by the API, see
    /// [`Credentials::email_password`]).
    EmailPassword {
        /// The email address.
        email: String,
        /// The password.
        password: Secret,
    },
    /// An API key.
    ApiKey(Secret),
    /// A refresh token from an earlier login.
    RefreshToken(Secret),
}

impl Credentials {
    /// Email and password of an account user.
    ///
    /// The API deprecated `obtainKrakenToken`'s `email` and `password` on 2026-03-18
    /// ("The Auth Server should be used for customer authentication") and schedules
    /// their removal on or after 2026-09-21; it still honours them. Prefer
    /// [`Credentials::api_key`], or tokens from the authentication server through a
    /// [`TokenSource`].
    pub fn email_password(email: impl Into<String>, password: impl Into<Secret>) -> Self {
        Credentials::EmailPassword {
            email: email.into(),
            password: password.into(),
        }
    }

    /// An API key.
    pub fn api_key(key: impl Into<Secret>) -> Self {
        Credentials::ApiKey(key.into())
    }

    /// A refresh token.
    pub fn refresh_token(token: impl Into<Secret>) -> Self {
        Credentials::RefreshToken(token.into())
    }

    // `email` and `password` are deprecated since 2026-03-18 (removal on or after
    // 2026-09-21) in favour of the authentication server; the API still takes them.
    #[allow(deprecated)]
    fn input(&self) -> ObtainJsonWebTokenInput {
        let input = ObtainJsonWebTokenInput::new();
        match self {
            Credentials::EmailPassword { email, password } => input
                .email(email.clone())
                .password(password.expose().to_owned()),
            Credentials::ApiKey(key) => input.api_key(key.expose().to_owned()),
            Credentials::RefreshToken(token) => input.refresh_token(token.expose().to_owned()),
        }
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::EmailPassword { email, .. } => write!(f, "email and password of {email}"),
            Credentials::ApiKey(_) => f.write_str("API key"),
            Credentials::RefreshToken(_) => f.write_str("refresh token"),
        }
    }
}

/// A Kraken token with its refresh token and expiries. `Debug` shows only the expiries.
#[derive(Clone, Debug)]
pub struct TokenState {
    token: Secret,
    /// The token as a header value marked sensitive.
    header: HeaderValue,
    refresh_token: Option<Secret>,
    expires_at: Option<DateTime<Utc>>,
    refresh_expires_at: Option<DateTime<Utc>>,
}

impl TokenState {
    /// The Kraken token, sent as the `Authorization` header.
    pub fn token(&self) -> &Secret {
        &self.token
    }

    /// The refresh token, when the server issued one.
    pub fn refresh_token(&self) -> Option<&Secret> {
        self.refresh_token.as_ref()
    }

    /// When the token expires (`exp` of its payload), when known.
    pub fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.expires_at
    }

    /// When the refresh token expires (`refreshExpiresIn`), when known.
    pub fn refresh_expires_at(&self) -> Option<DateTime<Utc>> {
        self.refresh_expires_at
    }

    /// Reads the answer of `obtainKrakenToken`.
    fn from_answer(
        answer: obtain_kraken_token::ResponseData,
        scheme: AuthScheme,
    ) -> Result<Self, AuthError> {
        let issued = answer.obtain_kraken_token.ok_or(AuthError::MissingToken)?;
        let expires_at = issued
            .payload
            .get("exp")
            .and_then(|exp| exp.as_i64().or_else(|| exp.as_f64().map(|exp| exp as i64)))
            .and_then(|exp| DateTime::from_timestamp(exp, 0));
        Ok(TokenState {
            header: scheme.header(&issued.token)?,
            token: issued.token,
            refresh_token: issued.refresh_token,
            expires_at,
            refresh_expires_at: issued
                .refresh_expires_in
                .and_then(|at| DateTime::from_timestamp(at, 0)),
        })
    }

    /// A token from a [`TokenSource`].
    fn from_source(issued: IssuedToken, scheme: AuthScheme) -> Result<Self, AuthError> {
        Ok(TokenState {
            header: scheme.header(&issued.token)?,
            token: issued.token,
            refresh_token: None,
            expires_at: issued.expires_at,
            refresh_expires_at: None,
        })
    }

    /// True when the token expires within `margin` of `now`.
    fn is_due(&self, now: DateTime<Utc>, margin: Duration) -> bool {
        let margin = chrono::Duration::from_std(margin).unwrap_or(chrono::Duration::MAX);
        self.expires_at
            .is_some_and(|at| at.signed_duration_since(now) <= margin)
    }

    /// The refresh token, unless it is known to have expired.
    fn live_refresh_token(&self, now: DateTime<Utc>) -> Option<&Secret> {
        match self.refresh_expires_at {
            Some(at) if at <= now => None,
            _ => self.refresh_token.as_ref(),
        }
    }
}

/// Where a client's tokens come from.
#[derive(Clone)]
pub(crate) enum Login {
    /// `obtainKrakenToken` with these credentials (and the refresh token it issues).
    Credentials(Credentials),
    /// The caller's source.
    Source(Arc<dyn TokenSource>),
}

impl fmt::Debug for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Login::Credentials(credentials) => {
                f.debug_tuple("Credentials").field(credentials).finish()
            }
            Login::Source(_) => f.write_str("Source"),
        }
    }
}

/// The login and the current token of a client; one token request at a time.
#[derive(Debug)]
pub(crate) struct Session {
    login: Login,
    scheme: AuthScheme,
    refresh_margin: Duration,
    state: Mutex<Option<TokenState>>,
}

impl Session {
    pub(crate) fn new(login: Login, scheme: AuthScheme, refresh_margin: Duration) -> Self {
        Session {
            login,
            scheme,
            refresh_margin,
            state: Mutex::new(None),
        }
    }

    /// A token for the next request: the current one, or a new one when there is
    /// none yet or it expires within the refresh margin.
    pub(crate) async fn token(&self, transport: &Transport) -> Result<HeaderValue, AuthError> {
        let mut state = self.state.lock().await;
        let now = Utc::now();
        match state.as_ref() {
            Some(current) if !current.is_due(now, self.refresh_margin) => {
                Ok(current.header.clone())
            }
            current => {
                let why = match current {
                    None => TokenRequest::Initial,
                    Some(_) => TokenRequest::Expiring,
                };
                let fresh = self.renew(transport, current, now, why).await?;
                let token = fresh.header.clone();
                *state = Some(fresh);
                Ok(token)
            }
        }
    }

    /// A new token after the server answered that `rejected` has expired; when
    /// another request has renewed it meanwhile, that token is used.
    pub(crate) async fn token_after_expiry(
        &self,
        transport: &Transport,
        rejected: &HeaderValue,
    ) -> Result<HeaderValue, AuthError> {
        let mut state = self.state.lock().await;
        if let Some(current) = state.as_ref() {
            if current.header != *rejected {
                return Ok(current.header.clone());
            }
        }
        let fresh = self
            .renew(transport, state.as_ref(), Utc::now(), TokenRequest::Expired)
            .await?;
        let token = fresh.header.clone();
        *state = Some(fresh);
        Ok(token)
    }

    /// A copy of the current token state.
    pub(crate) async fn state(&self) -> Option<TokenState> {
        self.state.lock().await.clone()
    }

    /// A new token from the source, or obtained with the live refresh token if there
    /// is one (logging in again with the credentials when the server refuses the
    /// refresh token, whatever the HTTP status), else with the credentials.
    async fn renew(
        &self,
        transport: &Transport,
        current: Option<&TokenState>,
        now: DateTime<Utc>,
        why: TokenRequest,
    ) -> Result<TokenState, AuthError> {
        let credentials = match &self.login {
            Login::Source(source) => {
                let issued = source.token(why).await.map_err(AuthError::Source)?;
                return TokenState::from_source(issued, self.scheme);
            }
            Login::Credentials(credentials) => credentials,
        };
        if let Some(refresh) = current.and_then(|state| state.live_refresh_token(now)) {
            let input = ObtainJsonWebTokenInput::new().refresh_token(refresh.expose().to_owned());
            match self.obtain(transport, input).await {
                Ok(mut fresh) => {
                    if fresh.refresh_token.is_none() {
                        fresh.refresh_token = Some(refresh.clone());
                        fresh.refresh_expires_at = current.and_then(|s| s.refresh_expires_at);
                    }
                    return Ok(fresh);
                }
                Err(error)
                    if error.is_refused_as(ErrorClass::RefreshRefused)
                        && !matches!(credentials, Credentials::RefreshToken(_)) => {}
                Err(error) => return Err(error),
            }
        }
        self.obtain(transport, credentials.input()).await
    }

    /// Sends `obtainKrakenToken` without an `Authorization` header.
    async fn obtain(
        &self,
        transport: &Transport,
        input: ObtainJsonWebTokenInput,
    ) -> Result<TokenState, AuthError> {
        let variables = obtain_kraken_token::Variables { input };
        let answer = transport
            .send::<ObtainKrakenToken, _, _>(&variables, HeaderMap::new(), 1)
            .await?;
        TokenState::from_answer(answer, self.scheme)
    }
}
