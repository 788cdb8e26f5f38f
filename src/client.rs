//! The HTTP client: configuration, sending operations, authentication around them.

use crate::auth::{is_expired_token, Credentials, Session, TokenState};
use crate::error::{AuthError, Error};
use crate::operation::{Endpoint, ErrorCodeSet, Operation};
use crate::response;
use reqwest::header::{HeaderValue, AUTHORIZATION};
use reqwest::Url;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

/// The error of executing operation `O`.
pub type OperationError<O> = Error<<O as Operation>::ErrorCode, <O as Operation>::ResponseData>;

/// The API server of Octopus Energy Japan.
pub const DEFAULT_API_URL: &str = "https://api.oejp-kraken.energy/v1/graphql/";
/// The authentication server of Octopus Energy Japan.
pub const DEFAULT_AUTH_URL: &str = "https://auth.oejp-kraken.energy/graphql/";
/// Default limit on a whole request, from connecting to the last byte of the answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default limit on establishing a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default margin before a token's expiry at which it is renewed.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(300);

/// A misconfiguration found by [`ClientBuilder::build`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A URL does not parse.
    #[error("{setting} `{url}` is not a valid URL: {reason}")]
    InvalidUrl {
        /// `api_url` or `auth_url`.
        setting: &'static str,
        /// The URL as given.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// A URL is not HTTPS (plain HTTP is accepted only to a loopback address after
    /// [`ClientBuilder::allow_loopback_http`]).
    #[error("{setting} `{url}` must use https (plain http is allowed only to a loopback address with allow_loopback_http)")]
    InsecureUrl {
        /// `api_url` or `auth_url`.
        setting: &'static str,
        /// The URL as given.
        url: String,
    },
    /// The HTTP client could not be set up.
    #[error("cannot set up the HTTP client: {0}")]
    Http(#[source] reqwest::Error),
}

/// Configures a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    api_url: String,
    auth_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    allow_loopback_http: bool,
    credentials: Option<Credentials>,
    refresh_margin: Duration,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            api_url: DEFAULT_API_URL.to_owned(),
            auth_url: DEFAULT_AUTH_URL.to_owned(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            allow_loopback_http: false,
            credentials: None,
            refresh_margin: DEFAULT_REFRESH_MARGIN,
        }
    }
}

impl ClientBuilder {
    /// The URL operations of [`Endpoint::Api`] are sent to.
    pub fn api_url(mut self, url: impl Into<String>) -> Self {
        self.api_url = url.into();
        self
    }

    /// The URL operations of [`Endpoint::Auth`] are sent to.
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.auth_url = url.into();
        self
    }

    /// Limit on a whole request (default [`DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Limit on establishing a connection (default [`DEFAULT_CONNECT_TIMEOUT`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Accepts `http://` URLs whose host is a loopback address (for local test servers).
    pub fn allow_loopback_http(mut self) -> Self {
        self.allow_loopback_http = true;
        self
    }

    /// Logs in with these credentials before the first operation, and sends the Kraken
    /// token with every operation.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// How long before its expiry a token is renewed (default [`DEFAULT_REFRESH_MARGIN`]).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// Checks the URLs and builds the client.
    pub fn build(self) -> Result<Client, BuildError> {
        let api_url = checked_url("api_url", &self.api_url, self.allow_loopback_http)?;
        let auth_url = checked_url("auth_url", &self.auth_url, self.allow_loopback_http)?;
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ))
            .build()
            .map_err(BuildError::Http)?;
        let session = self
            .credentials
            .map(|credentials| Session::new(credentials, self.refresh_margin));
        Ok(Client {
            inner: Arc::new(Inner {
                transport: Transport {
                    http,
                    api_url,
                    auth_url,
                },
                session,
            }),
        })
    }
}

/// Parses a URL and requires https, or http to a loopback host when allowed.
fn checked_url(
    setting: &'static str,
    url: &str,
    allow_loopback_http: bool,
) -> Result<Url, BuildError> {
    let parsed = Url::parse(url).map_err(|error| BuildError::InvalidUrl {
        setting,
        url: url.to_owned(),
        reason: error.to_string(),
    })?;
    let host = parsed.host_str().unwrap_or_default();
    let loopback = host == "localhost"
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if allow_loopback_http && loopback => Ok(parsed),
        _ => Err(BuildError::InsecureUrl {
            setting,
            url: url.to_owned(),
        }),
    }
}

/// A client of the Kraken GraphQL API. Cheap to clone; clones share the connection
/// pool and the login.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use kraken_jp::{Client, Credentials};
///
/// let client = Client::builder()
///     .credentials(Credentials::email_password("user@example.com", "password"))
///     .build()?;
/// client.authenticate().await?; // optional: the first `execute` logs in too
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    transport: Transport,
    session: Option<Session>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("api_url", &self.inner.transport.api_url.as_str())
            .field("auth_url", &self.inner.transport.auth_url.as_str())
            .field("session", &self.inner.session)
            .finish()
    }
}

impl Client {
    /// A builder with the Octopus Energy Japan URLs and default timeouts.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Executes an operation. With credentials, the Kraken token is sent as the
    /// `Authorization` header; a token about to expire is renewed first, and when the
    /// server answers that the token has expired, it is renewed and the operation
    /// retried once.
    pub async fn execute<O: Operation>(
        &self,
        variables: &O::Variables,
    ) -> Result<O::ResponseData, OperationError<O>> {
        let transport = &self.inner.transport;
        let Some(session) = &self.inner.session else {
            return transport.send::<O>(variables, None).await;
        };
        let token = session.token(transport).await.map_err(Error::Auth)?;
        let answer = transport.send::<O>(variables, Some(&token)).await;
        match &answer {
            Err(error) if is_expired_token(error.graphql_errors()) => {
                let token = session
                    .token_after_expiry(transport, &token)
                    .await
                    .map_err(Error::Auth)?;
                transport.send::<O>(variables, Some(&token)).await
            }
            _ => answer,
        }
    }

    /// Logs in now (or renews a token about to expire) instead of before the next
    /// operation; reports wrong credentials early.
    pub async fn authenticate(&self) -> Result<(), AuthError> {
        let session = self
            .inner
            .session
            .as_ref()
            .ok_or(AuthError::NoCredentials)?;
        session.token(&self.inner.transport).await.map(drop)
    }

    /// The current token and its expiries, once logged in (e.g. to keep the refresh
    /// token for a later [`Credentials::RefreshToken`] login).
    pub async fn token_state(&self) -> Option<TokenState> {
        match &self.inner.session {
            Some(session) => session.state().await,
            None => None,
        }
    }
}

/// The HTTP side: connection pool and server URLs.
#[derive(Debug)]
pub(crate) struct Transport {
    http: reqwest::Client,
    api_url: Url,
    auth_url: Url,
}

impl Transport {
    /// Sends one operation to its endpoint, with `token` as `Authorization` if given.
    pub(crate) async fn send<O: Operation>(
        &self,
        variables: &O::Variables,
        token: Option<&HeaderValue>,
    ) -> Result<O::ResponseData, OperationError<O>> {
        let url = match O::ENDPOINT {
            Endpoint::Api => &self.api_url,
            Endpoint::Auth => &self.auth_url,
        };
        let body = RequestBody {
            query: O::DOCUMENT,
            operation_name: O::OPERATION_NAME,
            variables,
        };
        let mut request = self.http.post(url.clone()).json(&body);
        if let Some(token) = token {
            request = request.header(AUTHORIZATION, token.clone());
        }
        let answer = request.send().await.map_err(transport_error)?;
        let status = answer.status();
        let headers = answer.headers().clone();
        let body = answer.bytes().await.map_err(transport_error)?;
        response::decode(status, &headers, &body)
    }
}

/// The JSON body of a GraphQL request.
#[derive(serde::Serialize)]
struct RequestBody<'a, V> {
    query: &'static str,
    #[serde(rename = "operationName")]
    operation_name: &'static str,
    variables: &'a V,
}

fn transport_error<C: ErrorCodeSet, D>(error: reqwest::Error) -> Error<C, D> {
    if error.is_timeout() {
        Error::Timeout
    } else {
        Error::Transport(error)
    }
}
