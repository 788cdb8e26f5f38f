//! A minimal async client: sends an operation to a URL and decodes the answer.
//!
//! ```no_run
//! # async fn run<O: kraken_codegen_runtime::Operation>(variables: O::Variables)
//! # -> Result<(), Box<dyn std::error::Error>> where O::ResponseData: std::fmt::Debug + 'static {
//! use kraken_codegen_runtime::Client;
//!
//! let client = Client::builder()
//!     .url("https://api.example.com/graphql")
//!     .bearer_token(std::env::var("API_TOKEN")?)
//!     .build()?;
//! let data = client.execute::<O>(&variables).await?;
//! println!("{data:?}");
//! # Ok(())
//! # }
//! ```

use crate::error::{Error, Extensions, GraphQLError};
use crate::operation::{Operation, OperationKind};
use crate::pagination::{self, Paginated, Paging, Stream};
use crate::response;
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, USER_AGENT};
use reqwest::Url;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::time::{Duration, Instant};
use tracing::field::Empty;
use tracing::Instrument;

/// The error of executing operation `O` with extensions decoded as `E`.
pub type OperationError<O, E = BTreeMap<String, Value>> = Error<E, <O as Operation>::ResponseData>;

/// Default limit on a whole request, from connecting to the last byte of the answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default limit on establishing a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A misconfiguration found by [`ClientBuilder::build`]. It names headers but never
/// shows their values.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A URL does not parse.
    #[error("{setting} `{url}` is not a valid URL: {reason}")]
    InvalidUrl {
        /// `url`, or `<key>_url` for an endpoint.
        setting: String,
        /// The URL as given.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// A URL is not HTTPS (plain HTTP is accepted only to a loopback address after
    /// [`ClientBuilder::allow_loopback_http`]).
    #[error("{setting} `{url}` must use https (plain http is allowed only to a loopback address with allow_loopback_http)")]
    InsecureUrl {
        /// `url`, or `<key>_url` for an endpoint.
        setting: String,
        /// The URL as given.
        url: String,
    },
    /// A header name is not valid, or its value is not a valid header value.
    #[error("header `{0}` is not a valid HTTP header (name or value)")]
    InvalidHeader(String),
    /// The HTTP client could not be set up.
    #[error("cannot set up the HTTP client: {0}")]
    Http(#[source] reqwest::Error),
}

/// Configures a [`Client`]. `Debug` shows header names, never their values.
#[derive(Clone)]
pub struct ClientBuilder {
    url: Option<String>,
    endpoints: BTreeMap<String, String>,
    headers: Vec<(String, Secret)>,
    user_agent: String,
    timeout: Duration,
    connect_timeout: Duration,
    allow_loopback_http: bool,
    http: Option<reqwest::Client>,
    retry: RetryPolicy,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            url: None,
            endpoints: BTreeMap::new(),
            headers: Vec::new(),
            user_agent: concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")).to_owned(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            allow_loopback_http: false,
            http: None,
            retry: RetryPolicy::default(),
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("ClientBuilder")
            .field("url", &self.url)
            .field("endpoints", &self.endpoints)
            .field("headers", &headers)
            .field("user_agent", &self.user_agent)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("allow_loopback_http", &self.allow_loopback_http)
            .field("own_http_client", &self.http.is_some())
            .field("retry", &self.retry)
            .finish()
    }
}

impl ClientBuilder {
    /// The URL of operations that name no endpoint (all operations from plain
    /// `.graphql` files).
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The URL of operations whose [`Operation::ENDPOINT`] is `key`.
    pub fn endpoint(mut self, key: impl Into<String>, url: impl Into<String>) -> Self {
        self.endpoints.insert(key.into(), url.into());
        self
    }

    /// Sends `Authorization: Bearer <token>` with every request.
    pub fn bearer_token(self, token: impl Into<Secret>) -> Self {
        let value = format!("Bearer {}", token.into().expose());
        self.header(AUTHORIZATION.as_str(), value)
    }

    /// Sends this header with every request (replacing an earlier one of the same
    /// name). Values are treated as secrets: never shown in `Debug` or errors.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<Secret>) -> Self {
        let name = name.into();
        self.headers
            .retain(|(earlier, _)| !earlier.eq_ignore_ascii_case(&name));
        self.headers.push((name, value.into()));
        self
    }

    /// The `User-Agent` header (default `kraken-codegen-runtime/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
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

    /// Sends requests through this reqwest client (its connection pool, proxy, TLS and
    /// redirect settings) instead of one of its own. The headers, the user agent and
    /// [`timeout`](Self::timeout) are still set on each request;
    /// [`connect_timeout`](Self::connect_timeout) is the given client's own.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// When failed calls are sent again (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Checks the URLs and headers and builds the client.
    pub fn build(self) -> Result<Client, BuildError> {
        let url = self
            .url
            .as_deref()
            .map(|url| checked_url("url".to_owned(), url, self.allow_loopback_http))
            .transpose()?;
        let endpoints = self
            .endpoints
            .iter()
            .map(|(key, url)| {
                let setting = format!("{key}_url");
                let checked = checked_url(setting, url, self.allow_loopback_http)?;
                Ok((key.clone(), checked))
            })
            .collect::<Result<_, BuildError>>()?;
        let mut headers = HeaderMap::new();
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| BuildError::InvalidHeader(USER_AGENT.to_string()))?;
        headers.insert(USER_AGENT, user_agent);
        for (name, value) in &self.headers {
            let invalid = || BuildError::InvalidHeader(name.clone());
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
            let mut value = HeaderValue::from_str(value.expose()).map_err(|_| invalid())?;
            value.set_sensitive(true);
            headers.insert(name, value);
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .use_rustls_tls()
                .connect_timeout(self.connect_timeout)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(BuildError::Http)?,
        };
        Ok(Client {
            http,
            url,
            endpoints,
            headers,
            header_names: self.headers.into_iter().map(|(name, _)| name).collect(),
            timeout: self.timeout,
            retry: self.retry,
        })
    }
}

/// Parses a URL and requires https, or http to a loopback host when allowed.
fn checked_url(setting: String, url: &str, allow_loopback_http: bool) -> Result<Url, BuildError> {
    let parsed = Url::parse(url).map_err(|error| BuildError::InvalidUrl {
        setting: setting.clone(),
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

/// A GraphQL client for generated operations. Cheap to clone; clones share the
/// connection pool. `Debug` shows the URLs and header names, never header values.
///
/// Each request is traced in a `graphql_request` span (the `tracing` crate) with the
/// fields `operation`, `endpoint` (the URL without credentials, query or fragment),
/// `attempt`, `status` (HTTP), `error_codes` (the GraphQL errors' codes, comma
/// separated), `failure` (the kind of a failure without an answer) and `duration_ms`;
/// never a header value or a variable.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    url: Option<Url>,
    endpoints: BTreeMap<String, Url>,
    /// The user agent and the configured headers, sent with every request.
    headers: HeaderMap,
    header_names: Vec<String>,
    timeout: Duration,
    retry: RetryPolicy,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let endpoints: BTreeMap<&str, &str> = self
            .endpoints
            .iter()
            .map(|(key, url)| (key.as_str(), url.as_str()))
            .collect();
        f.debug_struct("Client")
            .field("url", &self.url.as_ref().map(Url::as_str))
            .field("endpoints", &endpoints)
            .field("headers", &self.header_names)
            .field("retry", &self.retry)
            .finish()
    }
}

impl Client {
    /// A builder with no URL yet and default timeouts.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The URL of operations with this [`Operation::ENDPOINT`], if the client has one.
    pub fn url_for(&self, endpoint: Option<&str>) -> Option<&Url> {
        match endpoint {
            Some(key) => self.endpoints.get(key),
            None => self.url.as_ref(),
        }
    }

    /// The client's retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// Executes an operation, retried as the [`RetryPolicy`] says (a mutation only when
    /// it never reached the server); the errors' `extensions` decode as a map by name.
    pub async fn execute<O: Operation>(
        &self,
        variables: &O::Variables,
    ) -> Result<O::ResponseData, OperationError<O>> {
        let repeatable = O::KIND == OperationKind::Query;
        self.retry
            .run(repeatable, |attempt| {
                self.send::<O, _, _>(variables, HeaderMap::new(), attempt)
            })
            .await
    }

    /// Every page of a paginated operation from the cursor in `variables` on (see
    /// [`pagination::pages`]); the errors' `extensions` decode as a map by name.
    pub fn pages<'a, O>(
        &'a self,
        variables: O::Variables,
        paging: Paging,
    ) -> impl Stream<Item = Result<O::ResponseData, OperationError<O>>> + 'a
    where
        O: Paginated<Variables: 'a, ResponseData: 'a> + 'a,
    {
        pagination::pages::<O, _, _, _>(variables, paging, move |variables| async move {
            self.execute::<O>(&variables).await
        })
    }

    /// Sends one request of an operation (attempt number `attempt`, for the trace)
    /// with extra headers (replacing the client's of the same name), the errors'
    /// `extensions` decoded as `E`. Never retried.
    pub async fn send<O: Operation, E: Extensions, A>(
        &self,
        variables: &O::Variables,
        headers: HeaderMap,
        attempt: u32,
    ) -> Result<O::ResponseData, Error<E, O::ResponseData, A>> {
        let url = self.url_for(O::ENDPOINT).ok_or(Error::NoUrl(O::ENDPOINT))?;
        let span = tracing::info_span!(
            "graphql_request",
            operation = O::OPERATION_NAME,
            endpoint = %shown_url(url),
            attempt,
            status = Empty,
            error_codes = Empty,
            failure = Empty,
            duration_ms = Empty,
        );
        let started = Instant::now();
        let result = self
            .round_trip::<O, E, A>(url, variables, headers, &span)
            .instrument(span.clone())
            .await;
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        if let Err(error) = &result {
            let codes: Vec<&str> = error
                .graphql_errors()
                .iter()
                .filter_map(GraphQLError::code)
                .collect();
            if !codes.is_empty() {
                span.record("error_codes", codes.join(","));
            }
            if let Some(failure) = error.failure_kind() {
                span.record("failure", failure);
            }
        }
        result
    }

    /// Posts the request and decodes the answer, recording the HTTP status in `span`.
    async fn round_trip<O: Operation, E: Extensions, A>(
        &self,
        url: &Url,
        variables: &O::Variables,
        headers: HeaderMap,
        span: &tracing::Span,
    ) -> Result<O::ResponseData, Error<E, O::ResponseData, A>> {
        let body = RequestBody {
            query: O::DOCUMENT,
            operation_name: O::OPERATION_NAME,
            variables,
        };
        let answer = self
            .http
            .post(url.clone())
            .headers(self.headers.clone())
            .headers(headers)
            .timeout(self.timeout)
            .json(&body)
            .send()
            .await
            .map_err(transport_error)?;
        let status = answer.status();
        span.record("status", status.as_u16());
        let answer_headers = answer.headers().clone();
        let body = answer.bytes().await.map_err(transport_error)?;
        response::decode(status, &answer_headers, &body)
    }
}

impl crate::Execute for Client {
    type Error<O: Operation> = OperationError<O>;

    fn execute<O: Operation>(
        &self,
        variables: &O::Variables,
    ) -> impl std::future::Future<Output = Result<O::ResponseData, OperationError<O>>> + Send {
        Client::execute::<O>(self, variables)
    }
}

/// A URL as traces show it: without user name, password, query or fragment.
fn shown_url(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{}://{host}:{port}{}", url.scheme(), url.path()),
        None => format!("{}://{host}{}", url.scheme(), url.path()),
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

fn transport_error<E: Extensions, D, A>(error: reqwest::Error) -> Error<E, D, A> {
    if error.is_timeout() {
        Error::Timeout
    } else {
        Error::Transport(error)
    }
}
