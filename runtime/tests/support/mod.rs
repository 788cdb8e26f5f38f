//! What the runtime's integration tests share: an error-code set with no documented codes.

use kraken_codegen_runtime::{ErrorClass, ErrorCodeSet};
use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

/// No documented codes: every code is kept as sent, of the class `Other`.
#[derive(Debug, Clone, PartialEq)]
pub struct NoCodes(String);

impl ErrorCodeSet for NoCodes {
    fn code(&self) -> &str {
        &self.0
    }

    fn class(&self) -> ErrorClass {
        ErrorClass::Other
    }
}

impl FromStr for NoCodes {
    type Err = Infallible;
    fn from_str(code: &str) -> Result<Self, Infallible> {
        Ok(NoCodes(code.to_owned()))
    }
}

impl fmt::Display for NoCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
