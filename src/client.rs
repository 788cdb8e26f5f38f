//! The Kraken client: the generic client of the runtime with the two Kraken endpoints,
//! authentication around each operation, and the runtime's retry policy around both.

use crate::auth::{AuthError, AuthScheme, Credentials, Login, Session, TokenState};
use crate::endpoint::{Endpoint, DEFAULT_API_URL, DEFAULT_AUTH_URL};
use crate::extensions::ErrorExtensions;
use crate::token_source::TokenSource;
use kraken_codegen_runtime::pagination::{self, Paginated, Paging, Stream};
use kraken_codegen_runtime::{
    BuildError, ErrorClass, Operation, OperationKind, RetryPolicy, Secret,
};
use reqwest::header::{HeaderMap, AUTHORIZATION};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The failure of one operation. `C` is the operation's error-code enum, `D` its
/// response data (see [`OperationError`]).
pub type Error<C, D> = kraken_codegen_runtime::Error<ErrorExtensions<C>, D, AuthError>;

/// The error of executing operation `O`.
pub type OperationError<O> = Error<<O as Operation>::ErrorCode, <O as Operation>::ResponseData>;

/// Default margin before a token's expiry at which it is renewed.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(300);

/// Configures a [`Client`]: the runtime client's settings with the two Kraken endpoints,
/// plus the login.
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    transport: kraken_codegen_runtime::ClientBuilder,
    login: Option<Login>,
    scheme: AuthScheme,
    refresh_margin: Duration,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        let transport = kraken_codegen_runtime::Client::builder()
            .endpoint(Endpoint::Api.key(), DEFAULT_API_URL)
            .endpoint(Endpoint::Auth.key(), DEFAULT_AUTH_URL)
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ));
        ClientBuilder {
            transport,
            login: None,
            scheme: AuthScheme::default(),
            refresh_margin: DEFAULT_REFRESH_MARGIN,
        }
    }
}

impl ClientBuilder {
    /// The URL operations of [`Endpoint::Api`] are sent to.
    pub fn api_url(mut self, url: impl Into<String>) -> Self {
        self.transport = self.transport.endpoint(Endpoint::Api.key(), url);
        self
    }

    /// The URL operations of [`Endpoint::Auth`] are sent to.
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.transport = self.transport.endpoint(Endpoint::Auth.key(), url);
        self
    }

    /// Limit on a whole request (default
    /// [`DEFAULT_TIMEOUT`](kraken_codegen_runtime::client::DEFAULT_TIMEOUT)).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.transport = self.transport.timeout(timeout);
        self
    }

    /// Limit on establishing a connection (default
    /// [`DEFAULT_CONNECT_TIMEOUT`](kraken_codegen_runtime::client::DEFAULT_CONNECT_TIMEOUT)).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.transport = self.transport.connect_timeout(timeout);
        self
    }

    /// Accepts `http://` URLs whose host is a loopback address (for local test servers).
    pub fn allow_loopback_http(mut self) -> Self {
        self.transport = self.transport.allow_loopback_http();
        self
    }

    /// Sends requests through this reqwest client (its pool, proxy and TLS settings);
    /// see the runtime's [`http_client`](kraken_codegen_runtime::ClientBuilder::http_client).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.transport = self.transport.http_client(client);
        self
    }

    /// The `User-Agent` header (default `kraken-jp/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.transport = self.transport.user_agent(user_agent);
        self
    }

    /// Sends this header with every request (replacing an earlier one of the same name;
    /// the token's `Authorization` replaces one set here). The value never appears in
    /// `Debug` or errors.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<Secret>) -> Self {
        self.transport = self.transport.header(name, value);
        self
    }

    /// When failed operations are sent again (default [`RetryPolicy::default`]):
    /// queries on timeouts, connection failures, 5xx and rate limits, mutations only
    /// when they never reached the server (see [`Client::retrying_mutations`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.transport = self.transport.retry_policy(policy);
        self
    }

    /// Logs in with these credentials before the first operation, and sends the Kraken
    /// token with every operation (replaces a [`token_source`](Self::token_source)).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.login = Some(Login::Credentials(credentials));
        self
    }

    /// Asks `source` for the Kraken token sent with every operation: before the first
    /// operation, when the token expires within the refresh margin and when the server
    /// answers that it has expired (replaces [`credentials`](Self::credentials)).
    pub fn token_source(mut self, source: impl TokenSource) -> Self {
        self.login = Some(Login::Source(Arc::new(source)));
        self
    }

    /// How the token is written in the `Authorization` header (default
    /// [`AuthScheme::Bare`], the token alone).
    pub fn authorization_scheme(mut self, scheme: AuthScheme) -> Self {
        self.scheme = scheme;
        self
    }

    /// How long before its expiry a token is renewed (default [`DEFAULT_REFRESH_MARGIN`]).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// Checks the URLs and builds the client.
    pub fn build(self) -> Result<Client, BuildError> {
        let session = self
            .login
            .map(|login| Session::new(login, self.scheme, self.refresh_margin));
        Ok(Client {
            inner: Arc::new(Inner {
                transport: self.transport.build()?,
                session,
            }),
            repeat_mutations: false,
        })
    }
}

/// A client of the Kraken GraphQL API. Cheap to clone; clones share the connection
/// pool and the login.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use kraken_jp::{Client, Credentials, KrakenApi};
///
/// let client = Client::builder()
///     .credentials(Credentials::api_key(std::env::var("KRAKEN_API_KEY")?))
///     .build()?;
/// client.authenticate().await?; // optional: the first call logs in too
/// let accounts = client.viewer_accounts().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    /// Whether mutations are retried like queries (see [`Client::retrying_mutations`]).
    repeat_mutations: bool,
}

struct Inner {
    transport: kraken_codegen_runtime::Client,
    session: Option<Session>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = |endpoint: Endpoint| {
            let url = self.inner.transport.url_for(Some(endpoint.key()));
            url.map(|url| url.as_str())
        };
        f.debug_struct("Client")
            .field("api_url", &url(Endpoint::Api).unwrap_or_default())
            .field("auth_url", &url(Endpoint::Auth).unwrap_or_default())
            .field("session", &self.inner.session)
            .field("retry", self.inner.transport.retry_policy())
            .field("repeat_mutations", &self.repeat_mutations)
            .finish()
    }
}

impl Client {
    /// A builder with the Octopus Energy Japan URLs and default timeouts.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A handle on the same client (pool, login, policy) whose calls retry mutations
    /// like queries, after they may have reached the server: only for mutations that
    /// are safe to repeat.
    ///
    /// ```no_run
    /// # async fn run(client: kraken_jp::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// # let input = todo!();
    /// use kraken_jp::KrakenApi;
    /// client.retrying_mutations().create_konbini_payment(input).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn retrying_mutations(&self) -> Client {
        Client {
            inner: Arc::clone(&self.inner),
            repeat_mutations: true,
        }
    }

    /// Executes an operation. With a login, the Kraken token is sent as the
    /// `Authorization` header; a token about to expire is renewed first, and when the
    /// server answers that the token has expired, it is renewed and the request sent
    /// once more. Failures are retried as the [`RetryPolicy`] says; a rate limit (on the
    /// operation or on the token request) is [`Error::RateLimited`].
    pub async fn execute<O: Operation>(
        &self,
        variables: &O::Variables,
    ) -> Result<O::ResponseData, OperationError<O>> {
        let repeatable = O::KIND == OperationKind::Query || self.repeat_mutations;
        self.inner
            .transport
            .retry_policy()
            .run(repeatable, |attempt| self.attempt::<O>(variables, attempt))
            .await
    }

    /// One attempt of an operation: with a token, renewed and sent once more when the
    /// server answers that it has expired.
    async fn attempt<O: Operation>(
        &self,
        variables: &O::Variables,
        attempt: u32,
    ) -> Result<O::ResponseData, OperationError<O>> {
        let transport = &self.inner.transport;
        let Some(session) = &self.inner.session else {
            return transport
                .send::<O, _, _>(variables, HeaderMap::new(), attempt)
                .await;
        };
        let authorized = |token| HeaderMap::from_iter([(AUTHORIZATION, token)]);
        let token = session.token(transport).await.map_err(auth_error)?;
        let answer = transport
            .send::<O, _, _>(variables, authorized(token.clone()), attempt)
            .await;
        match &answer {
            Err(error) if error.has_class(ErrorClass::ExpiredToken) => {
                let token = session
                    .token_after_expiry(transport, &token)
                    .await
                    .map_err(auth_error)?;
                transport
                    .send::<O, _, _>(variables, authorized(token), attempt)
                    .await
            }
            _ => answer,
        }
    }

    /// Every page of a paginated operation (one that selects a connection whose `after`
    /// is a variable), each executed as [`execute`](Self::execute) does: from the cursor
    /// in `variables` (the first page when it has none) until the connection has no next
    /// page or `paging.max_pages` pages have been fetched, `paging.page_size` at a time.
    /// An error ends the stream.
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

impl kraken_codegen_runtime::Execute for Client {
    type Error<O: Operation> = OperationError<O>;

    fn execute<O: Operation>(
        &self,
        variables: &O::Variables,
    ) -> impl std::future::Future<Output = Result<O::ResponseData, OperationError<O>>> + Send {
        Client::execute::<O>(self, variables)
    }
}

/// The error of an operation whose token could not be obtained: a rate limit on the
/// token request is the operation's [`Error::RateLimited`] (without errors: they were
/// the token request's), anything else [`Error::Auth`].
fn auth_error<C: kraken_codegen_runtime::ErrorCodeSet, D>(error: AuthError) -> Error<C, D> {
    match error {
        AuthError::RateLimited { retry_after } => Error::RateLimited {
            retry_after,
            errors: Vec::new(),
        },
        other => Error::Auth(other),
    }
}
