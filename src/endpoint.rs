//! The two Kraken servers an operation is sent to, by the catalogue's endpoint keys.

/// Which server an operation is sent to; [`Operation::ENDPOINT`] holds its
/// [`key`](Endpoint::key).
///
/// [`Operation::ENDPOINT`]: kraken_codegen_runtime::Operation::ENDPOINT
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// The API server (key `api`).
    Api,
    /// The authentication server (key `auth`).
    Auth,
}

impl Endpoint {
    /// The key generated operations name (`api` or `auth`).
    pub const fn key(self) -> &'static str {
        match self {
            Endpoint::Api => "api",
            Endpoint::Auth => "auth",
        }
    }
}

/// The API server of Octopus Energy Japan.
pub const DEFAULT_API_URL: &str = "https://api.oejp-kraken.energy/v1/graphql/";
/// The authentication server of Octopus Energy Japan.
pub const DEFAULT_AUTH_URL: &str = "https://auth.oejp-kraken.energy/graphql/";
