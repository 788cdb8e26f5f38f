//! What generated per-operation methods call: a client that executes any operation.

use std::future::Future;

use crate::operation::Operation;

/// A client that sends operations. Generated code built with the generator's
/// `client_methods` option declares a trait of one typed method per operation,
/// implemented for every `Execute` type; [`Client`](crate::Client) is one, and a client
/// of one's own becomes one with this impl.
pub trait Execute: Sync {
    /// The failure of executing operation `O`.
    type Error<O: Operation>;

    /// Sends operation `O` with its variables and decodes its `data`.
    fn execute<O: Operation>(
        &self,
        variables: &O::Variables,
    ) -> impl Future<Output = Result<O::ResponseData, Self::Error<O>>> + Send;
}
