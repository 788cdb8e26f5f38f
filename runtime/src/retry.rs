//! Retrying failed calls without repeating a side effect: the policy (attempts,
//! exponential backoff with jitter, a cap and a total deadline) and the loop.

use std::future::Future;
use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, Instant};

/// Whether a failed attempt may be sent again, as far as the failure tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transience {
    /// The request never reached the server (connection refused, DNS failure): sending
    /// it again repeats nothing, whatever the operation.
    NotSent,
    /// The request may have been processed (timeout, connection lost, 5xx, rate limit):
    /// only a read may be sent again, after `wait` when the server said how long.
    MaybeProcessed {
        /// How long the server asked the client to wait (`Retry-After`).
        wait: Option<Duration>,
    },
    /// Sending it again would fail the same way.
    Permanent,
}

/// A failure that knows whether it may be retried.
pub trait Transient {
    /// What the failure says about sending the request again.
    fn transience(&self) -> Transience;
}

/// Default number of attempts of a call, the first included.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// Default delay before the first retry, doubled for each further one.
pub const DEFAULT_INITIAL_BACKOFF: Duration = Duration::from_millis(200);
/// Default longest delay between two attempts.
pub const DEFAULT_MAX_BACKOFF: Duration = Duration::from_secs(5);
/// Default limit on a whole call, retries and waits included.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);

/// When a failed call is sent again. Reads are retried on every transient failure;
/// mutations only when the request never reached the server, unless the caller opts in
/// for the call. The delay before retry `n` (1-based) is a random duration up to
/// `min(max_backoff, initial_backoff * 2^(n-1))` ("full jitter"), or the server's
/// `Retry-After` when it gave one; no attempt starts after the deadline, and no wait is
/// begun that would end after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    deadline: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            initial_backoff: DEFAULT_INITIAL_BACKOFF,
            max_backoff: DEFAULT_MAX_BACKOFF,
            deadline: DEFAULT_DEADLINE,
        }
    }
}

impl RetryPolicy {
    /// A policy that sends every call once.
    pub fn never() -> Self {
        RetryPolicy::default().max_attempts(1)
    }

    /// Attempts of a call, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The delay before the first retry (doubled for each further one) and the
    /// longest delay between two attempts.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// The limit on a whole call, retries and waits included.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Runs `attempt` (given its 1-based number) until it succeeds, fails for good, or
    /// the policy is spent; returns the last failure. `repeatable`: the call may be sent
    /// again after it may have been processed (a read, or a mutation the caller opted
    /// in for).
    pub async fn run<T, E, F, Fut>(&self, repeatable: bool, mut attempt: F) -> Result<T, E>
    where
        E: Transient,
        F: FnMut(u32) -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let start = Instant::now();
        let mut number = 1;
        loop {
            let error = match attempt(number).await {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };
            let wait = match error.transience() {
                Transience::NotSent => None,
                Transience::MaybeProcessed { wait } if repeatable => wait,
                _ => return Err(error),
            };
            let delay = wait.unwrap_or_else(|| self.jittered_backoff(number));
            let ends_in_time = start.elapsed() + delay < self.deadline;
            if number >= self.max_attempts || !ends_in_time {
                return Err(error);
            }
            tokio::time::sleep(delay).await;
            number += 1;
        }
    }

    /// A random delay up to the backoff before retry `retry` (1-based).
    fn jittered_backoff(&self, retry: u32) -> Duration {
        let doubling = 2u32.saturating_pow(retry.saturating_sub(1));
        let ceiling = self
            .initial_backoff
            .saturating_mul(doubling)
            .min(self.max_backoff);
        // A fresh `RandomState` is randomly keyed: enough randomness for jitter.
        let random = RandomState::new().hash_one(retry);
        ceiling.mul_f64(random as f64 / u64::MAX as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[derive(Debug, PartialEq)]
    struct Failure(Transience);

    impl Transient for Failure {
        fn transience(&self) -> Transience {
            self.0
        }
    }

    /// How many attempts `policy` makes when every attempt fails with `failure`.
    async fn attempts(policy: RetryPolicy, repeatable: bool, failure: Transience) -> u32 {
        let count = Cell::new(0);
        let result: Result<(), Failure> = policy
            .run(repeatable, |number| {
                count.set(number);
                async { Err(Failure(failure)) }
            })
            .await;
        assert_eq!(result, Err(Failure(failure)));
        count.get()
    }

    fn quick() -> RetryPolicy {
        RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(2))
    }

    #[tokio::test]
    async fn unsent_requests_are_retried_whatever_the_operation() {
        assert_eq!(attempts(quick(), false, Transience::NotSent).await, 3);
        assert_eq!(attempts(quick(), true, Transience::NotSent).await, 3);
    }

    #[tokio::test]
    async fn maybe_processed_requests_are_retried_only_when_repeatable() {
        let failure = Transience::MaybeProcessed { wait: None };
        assert_eq!(attempts(quick(), false, failure).await, 1);
        assert_eq!(attempts(quick().max_attempts(5), true, failure).await, 5);
        assert_eq!(attempts(quick(), true, Transience::Permanent).await, 1);
    }

    #[tokio::test]
    async fn a_wait_past_the_deadline_is_not_begun() {
        let failure = Transience::MaybeProcessed {
            wait: Some(Duration::from_secs(3600)),
        };
        let started = Instant::now();
        assert_eq!(attempts(quick(), true, failure).await, 1);
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter_below_it() {
        let policy =
            RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_millis(300));
        for (retry, ceiling) in [(1, 100), (2, 200), (3, 300), (10, 300), (40, 300)] {
            let delays: Vec<Duration> = (0..50).map(|_| policy.jittered_backoff(retry)).collect();
            assert!(delays.iter().all(|d| *d <= Duration::from_millis(ceiling)));
            // Jitter: fifty draws are not all the same.
            assert!(delays.iter().any(|d| *d != delays[0]), "{delays:?}");
        }
    }

    #[test]
    fn at_least_one_attempt() {
        assert_eq!(RetryPolicy::never().max_attempts, 1);
        assert_eq!(RetryPolicy::default().max_attempts(0).max_attempts, 1);
    }
}
