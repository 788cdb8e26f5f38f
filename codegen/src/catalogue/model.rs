//! The in-memory catalogue: every documented operation with what the docs page says of it.
//!
//! This is the contract between the docs importer (which writes the catalogue), the
//! catalogue loader (which reads it back from `schema/catalogue/`) and the generator
//! (which turns it into rustdoc, error-code enums and endpoints).

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Which server an operation is sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Endpoint {
    /// The API server (`URL:` on the "API Site" section).
    Api,
    /// The authentication server (the "Authentication Server" section).
    Auth,
}

impl Endpoint {
    /// The name used in catalogue files and CLI output (`api` or `auth`).
    pub fn as_str(self) -> &'static str {
        match self {
            Endpoint::Api => "api",
            Endpoint::Auth => "auth",
        }
    }
}

/// The base URL of each endpoint, held once for the whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub api: String,
    pub auth: String,
}

/// Whether the live API still has an operation's root field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    /// In the live schema, or no snapshot of it says otherwise.
    Live,
    /// Documented, but absent from the live schema snapshot taken on `snapshot`
    /// (`YYYY-MM-DD`): the API is likely to reject it.
    DocsOnly { snapshot: String },
}

impl Availability {
    /// The name used in `list` output (`live` or `docs-only`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Availability::Live => "live",
            Availability::DocsOnly { .. } => "docs-only",
        }
    }
}

/// The whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    pub endpoints: Endpoints,
    /// Global error table: code → message exactly as documented.
    pub errors: BTreeMap<String, String>,
    /// Codes the docs page does not list but the API sends, which `error_classes.toml`
    /// classifies: code → message.
    pub undocumented_errors: BTreeMap<String, String>,
    /// The behaviour class of each classified code (from `error_classes.toml`); a code
    /// not here is of the class `Other`.
    pub error_classes: BTreeMap<String, ErrorClass>,
    /// Operations sorted by GraphQL field name.
    pub operations: Vec<Operation>,
}

/// What a client does on an error code: the runtime's `ErrorClass` variants other than
/// `Other`, named in `error_classes.toml` by [`ErrorClass::key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorClass {
    ExpiredToken,
    RefreshRefused,
    CredentialsRefused,
    RateLimited,
    QueryTooLarge,
}

impl ErrorClass {
    /// Every class, in the order `error_classes.toml` lists them.
    pub const ALL: [ErrorClass; 5] = [
        ErrorClass::ExpiredToken,
        ErrorClass::RefreshRefused,
        ErrorClass::CredentialsRefused,
        ErrorClass::RateLimited,
        ErrorClass::QueryTooLarge,
    ];

    /// The class's key in `error_classes.toml` (e.g. `expired_token`).
    pub fn key(self) -> &'static str {
        match self {
            ErrorClass::ExpiredToken => "expired_token",
            ErrorClass::RefreshRefused => "refresh_refused",
            ErrorClass::CredentialsRefused => "credentials_refused",
            ErrorClass::RateLimited => "rate_limited",
            ErrorClass::QueryTooLarge => "query_too_large",
        }
    }

    /// The name of the runtime's `ErrorClass` variant (e.g. `ExpiredToken`).
    pub fn variant(self) -> &'static str {
        match self {
            ErrorClass::ExpiredToken => "ExpiredToken",
            ErrorClass::RefreshRefused => "RefreshRefused",
            ErrorClass::CredentialsRefused => "CredentialsRefused",
            ErrorClass::RateLimited => "RateLimited",
            ErrorClass::QueryTooLarge => "QueryTooLarge",
        }
    }
}

/// Deprecation of an operation or a field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deprecation {
    /// The note as documented, its sentences joined by spaces (e.g. "The 'resetPassword'
    /// field is deprecated. Please use `resetUserPassword` instead.").
    pub note: String,
    /// Date the item was marked deprecated (`YYYY-MM-DD`), when documented.
    pub marked_on: Option<String>,
    /// Date the item is scheduled for removal on or after, when documented.
    pub removal_on: Option<String>,
    /// The replacement the docs name, when they name one.
    pub replacement: Option<String>,
    /// Where the docs say to read more about the deprecation, when they say it.
    pub announcement: Option<String>,
}

/// The documentation of one argument or one return field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDoc {
    pub name: String,
    /// Description without the deprecation sentence; `None` when the page gives none.
    pub description: Option<String>,
    pub deprecation: Option<Deprecation>,
}

/// One documented mutation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// GraphQL field name on `Mutation` (e.g. `acceptGoodsQuote`).
    pub field_name: String,
    /// Operation name in the document (e.g. `AcceptGoodsQuote`).
    pub operation_name: String,
    pub endpoint: Endpoint,
    /// Whether the live API has it (from `availability.toml`; the docs page cannot say).
    pub availability: Availability,
    /// The `Type:` line, when the page has one.
    pub return_type: Option<String>,
    /// `None` when the page lost the description (recorded, not invented).
    pub description: Option<String>,
    /// Documented error codes in documented order (messages live in the global table).
    pub errors: Vec<String>,
    pub deprecation: Option<Deprecation>,
    pub arguments: Vec<FieldDoc>,
    pub return_fields: Vec<FieldDoc>,
    /// Extra facts the page gives (e.g. the validation-error codes of `resetUserPassword`).
    pub notes: Vec<String>,
    /// The codes a `validationErrors` extension entry can carry, when the page lists them.
    pub validation_error_codes: Vec<String>,
    /// What the scraped page lost for this operation, as found by the importer
    /// (e.g. a lost header block, a table whose rows do not match the document).
    pub damage: Vec<String>,
    /// The variables example as printed on the page (not always valid JSON).
    pub variables_example: Option<String>,
    /// The response example as printed on the page (not always valid JSON).
    pub response_example: Option<String>,
    /// The operation document as documented (fragments are placeholders).
    pub document: String,
    /// File the document was loaded from, for file:line:col in diagnostics. After
    /// `docs_import::import` (nothing written yet) it is relative to the catalogue directory.
    pub document_path: PathBuf,
}

/// Whether `text` has the form of the catalogue's dates, `YYYY-MM-DD`.
pub(crate) fn is_date(text: &str) -> bool {
    let digits =
        |part: &str, len: usize| part.len() == len && part.chars().all(|c| c.is_ascii_digit());
    let mut parts = text.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(y), Some(m), Some(d), None) if digits(y, 4) && digits(m, 2) && digits(d, 2)
    )
}
