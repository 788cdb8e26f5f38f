//! The Kraken client: the generic client of the runtime with the two Kraken endpoints,
//! and authentication around each operation.

use crate::auth::{is_expired_token, AuthError, Credentials, Session, TokenState};
use crate::endpoint::{Endpoint, DEFAULT_API_URL, DEFAULT_AUTH_URL};
use crate::extensions::ErrorExtensions;
use kraken_codegen_runtime::pagination::{self, Paginated, Paging, Stream};
use kraken_codegen_runtime::{BuildError, Operation};
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
    credentials: Option<Credentials>,
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
            credentials: None,
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
        let session = self
            .credentials
            .map(|credentials| Session::new(credentials, self.refresh_margin));
        Ok(Client {
            inner: Arc::new(Inner {
                transport: self.transport.build()?,
                session,
            }),
        })
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
            return transport.send::<O, _, _>(variables, HeaderMap::new()).await;
        };
        let authorized = |token| HeaderMap::from_iter([(AUTHORIZATION, token)]);
        let token = session.token(transport).await.map_err(Error::Auth)?;
        let answer = transport
            .send::<O, _, _>(variables, authorized(token.clone()))
            .await;
        match &answer {
            Err(error) if is_expired_token(error.graphql_errors()) => {
                let token = session
                    .token_after_expiry(transport, &token)
                    .await
                    .map_err(Error::Auth)?;
                transport
                    .send::<O, _, _>(variables, authorized(token))
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
