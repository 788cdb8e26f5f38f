//! The layout of a project that ships its typed client both ways: built into `OUT_DIR`
//! by build.rs, and checked in under `generated/` by `regenerate`.
//!
//! Both front ends take their configuration from [`Project::builder`], so the checked-in
//! copy and the build-script output are byte-identical by construction.

use std::path::PathBuf;

use crate::builder::{Builder, Error, Generated};
use crate::scalars;
use crate::validate::RequestLimits;
#[cfg(feature = "tools")]
use crate::{operations_md, output_tree::OutputTree};

/// File name of the generated Rust, in `OUT_DIR` and in `generated/`.
pub const RUST_FILE: &str = "kraken_jp.rs";

/// Kraken's limits on one request to the JP API: a connection's `first` below 100
/// (`KT-CT-1201` without one) and at most 10,000 nodes (`KT-CT-1189`).
pub const JP_REQUEST_LIMITS: RequestLimits = RequestLimits {
    max_page_size: 99,
    max_nodes: 10_000,
};

/// The trait of one method per operation, which `kraken_jp::Client` gets.
pub const CLIENT_METHODS: &str = "KrakenApi";

/// The response fields that carry credentials, which decode into the runtime's
/// `Secret` so that `Debug` of a response never prints them: the fields the schema
/// describes as a token, key or secret (tokens that authenticate or authorise, API and
/// client secret keys, the TOTP secret, payment secrets).
pub const SECRET_FIELDS: &[&str] = &[
    "AccountUser.liveSecretKey",
    "CreateMfaDevice.totpSecret",
    "GetEmbeddedSecretForNewPaymentInstruction.secretKey",
    "GetEmbeddedSecretForNewPaymentInstructionWithoutAccount.secretKey",
    "InitiateHostedStandalonePaymentOutput.retrievalToken",
    "InitiateStandalonePaymentOutput.retrievalToken",
    "InitiateStandalonePaymentOutput.secretToken",
    "MasqueradeAuthentication.token",
    "MoveInSuccess.token",
    "ObtainKrakenJSONWebToken.refreshToken",
    "ObtainKrakenJSONWebToken.token",
    "RegenerateSecretKey.key",
    "UpdateBankAccountDetails.token",
    "VerifyIdentity.token",
];

/// A project root holding `schema/` and `generated/`.
#[derive(Debug, Clone)]
pub struct Project {
    root: PathBuf,
}

impl Project {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Project { root: root.into() }
    }

    /// The SDL schema file.
    pub fn schema(&self) -> PathBuf {
        self.root.join("schema/kraken-jp.graphql")
    }

    /// The operation catalogue directory.
    pub fn catalogue(&self) -> PathBuf {
        self.root.join("schema/catalogue")
    }

    /// The checked-in output directory.
    pub fn generated_dir(&self) -> PathBuf {
        self.root.join("generated")
    }

    /// The generator configuration shared by build.rs and `regenerate`.
    pub fn builder(&self) -> Builder {
        let builder = SECRET_FIELDS.iter().fold(Builder::new(), |builder, field| {
            builder.field_type(*field, "{runtime}::Secret")
        });
        builder
            .schema(self.schema())
            .catalogue(self.catalogue())
            .placeholder_fragments(true)
            .request_limits(JP_REQUEST_LIMITS)
            // Any JSON value (the runtime's `serde_json::Value`), said rather than fallen
            // back to: a `BigInt` may exceed `i64`, and `NonEmptyID` has been a JSON value
            // in the public types.
            .scalar("BigInt", scalars::FALLBACK)
            .scalar("NonEmptyID", scalars::FALLBACK)
            .client_methods(CLIENT_METHODS)
    }

    /// Runs the generator.
    pub fn generate(&self) -> Result<Generated, Error> {
        self.builder().generate()
    }
}

/// What `regenerate` writes under `generated/`: the Rust, each operation's wire document
/// under `documents/<name>.graphql`, and the `OPERATIONS.md` table.
#[cfg(feature = "tools")]
pub fn output_tree(generated: &Generated) -> OutputTree {
    let mut tree = OutputTree::default();
    tree.insert(RUST_FILE, generated.to_string());
    for operation in &generated.ir().operations {
        // The catalogue's name of the operation, its files' stem.
        let name = operation
            .docs
            .as_ref()
            .map_or(&operation.name, |docs| &docs.name);
        tree.insert(
            std::path::Path::new("documents").join(format!("{name}.graphql")),
            operation.wire_document.clone(),
        );
    }
    tree.insert("OPERATIONS.md", operations_md::render(generated.ir()));
    tree
}
