//! The reset time of the rate-limit allowance that `rateLimitInfo` reads.

use std::time::{Duration, SystemTime};

use crate::operations::rate_limit_info::PointsAllowanceRateLimit;

impl PointsAllowanceRateLimit {
    /// When the hourly allowance resets. The API gives it as `ttl`, which despite its
    /// name is a Unix time in seconds, not a number of seconds left. `None` when the
    /// server gives no `ttl`, or one before 1970.
    pub fn resets_at(&self) -> Option<SystemTime> {
        let seconds = u64::try_from(self.ttl?).ok()?;
        SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_ttl(ttl: Option<i64>) -> PointsAllowanceRateLimit {
        PointsAllowanceRateLimit {
            limit: Some(50_000),
            remaining_points: Some(49_983),
            used_points: Some(17),
            ttl,
            is_blocked: Some(false),
        }
    }

    #[test]
    fn ttl_is_read_as_a_unix_time() {
        assert_eq!(
            with_ttl(Some(1_796_284_800)).resets_at(),
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_796_284_800))
        );
        assert_eq!(with_ttl(None).resets_at(), None);
        assert_eq!(with_ttl(Some(-1)).resets_at(), None);
    }
}
