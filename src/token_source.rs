//! Tokens obtained outside the client: the API's OAuth server, a secrets manager, a
//! process shared by several clients. The client asks its [`TokenSource`] for a fresh
//! token when it has none, when the current one is about to expire, and when the server
//! answered that it has expired.

use chrono::{DateTime, Utc};
use kraken_codegen_runtime::Secret;
use std::error::Error as StdError;
use std::future::Future;
use std::pin::Pin;

/// Why the client asks for a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenRequest {
    /// The client has no token yet.
    Initial,
    /// The current token expires within the client's refresh margin.
    Expiring,
    /// The server answered that the current token has expired.
    Expired,
}

/// A token from a [`TokenSource`]. `Debug` shows only the expiry.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    /// The token, sent in the `Authorization` header.
    pub token: Secret,
    /// When it expires, when known (the client renews it within its refresh margin of
    /// this time; without it, only an expired answer renews it).
    pub expires_at: Option<DateTime<Utc>>,
}

/// The failure of a token source. Its `Display` becomes part of the client's errors:
/// it must not hold a token or a secret.
pub type TokenSourceError = Box<dyn StdError + Send + Sync>;

/// The future a [`TokenSource`] returns.
pub type TokenFuture<'a> =
    Pin<Box<dyn Future<Output = Result<IssuedToken, TokenSourceError>> + Send + 'a>>;

/// Supplies Kraken tokens to a client ([`ClientBuilder::token_source`]). The client asks
/// for one token at a time, however many requests are waiting for it.
///
/// ```
/// use kraken_jp::{IssuedToken, TokenFuture, TokenRequest, TokenSource, TokenSourceError};
///
/// /// A token kept up to date by another process, read from the environment.
/// struct FromEnvironment;
///
/// impl TokenSource for FromEnvironment {
///     fn token(&self, _why: TokenRequest) -> TokenFuture<'_> {
///         Box::pin(async {
///             let token = std::env::var("KRAKEN_TOKEN")?;
///             Ok::<_, TokenSourceError>(IssuedToken { token: token.into(), expires_at: None })
///         })
///     }
/// }
/// let client = kraken_jp::Client::builder().token_source(FromEnvironment).build();
/// ```
///
/// [`ClientBuilder::token_source`]: crate::ClientBuilder::token_source
pub trait TokenSource: Send + Sync + 'static {
    /// A fresh token.
    fn token(&self, why: TokenRequest) -> TokenFuture<'_>;
}
