//! Turning an HTTP answer into typed data or a typed error.

use crate::error::{Error, GraphQLError, HttpStatusError, PartialData, EXCERPT_LIMIT};
use crate::operation::ErrorCodeSet;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::StatusCode;
use serde::de::{DeserializeOwned, Error as _};
use serde_json::Value;
use std::time::Duration;

/// The top level of a GraphQL answer.
#[derive(serde::Deserialize)]
#[serde(bound(deserialize = "C: ErrorCodeSet"))]
struct Envelope<C> {
    #[serde(default)]
    data: Option<Value>,
    #[serde(default)]
    errors: Option<Vec<GraphQLError<C>>>,
}

/// Decodes an answer: non-2xx becomes [`Error::Http`] (with the GraphQL errors of the
/// body, if it has any); errors (with any partial data) become [`Error::GraphQL`];
/// otherwise `data` is decoded as `D`.
pub(crate) fn decode<C: ErrorCodeSet, D: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<D, Error<C, D>> {
    if !status.is_success() {
        return Err(Error::Http(HttpStatusError {
            status,
            retry_after: retry_after(headers),
            body_excerpt: excerpt(body),
            errors: serde_json::from_slice::<Envelope<C>>(body)
                .ok()
                .and_then(|envelope| envelope.errors)
                .unwrap_or_default(),
        }));
    }
    let envelope: Envelope<C> = serde_json::from_slice(body).map_err(Error::Decode)?;
    let data = envelope.data.filter(|data| !data.is_null());
    match envelope.errors {
        Some(errors) if !errors.is_empty() => Err(Error::GraphQL {
            errors,
            partial_data: data.map(|data| match D::deserialize(&data) {
                Ok(typed) => PartialData::Typed(typed),
                Err(_) => PartialData::Raw(data),
            }),
        }),
        _ => match data {
            Some(data) => D::deserialize(data).map_err(Error::Decode),
            None => Err(Error::Decode(serde_json::Error::custom(
                "the response holds neither data nor errors",
            ))),
        },
    }
}

/// `Retry-After` as delay seconds or an HTTP date (counted from now, zero if past).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let delay = date.signed_duration_since(chrono::Utc::now());
    Some(delay.to_std().unwrap_or(Duration::ZERO))
}

/// The start of a body as text: at most [`EXCERPT_LIMIT`] bytes, never
/// splitting a UTF-8 character, `…` appended when cut.
fn excerpt(body: &[u8]) -> String {
    let cut = &body[..body.len().min(EXCERPT_LIMIT)];
    let end = match std::str::from_utf8(cut) {
        // An incomplete character at the end is dropped; invalid bytes elsewhere are
        // replaced below.
        Err(error) if error.error_len().is_none() => error.valid_up_to(),
        _ => cut.len(),
    };
    let mut text = String::from_utf8_lossy(&cut[..end]).into_owned();
    if body.len() > EXCERPT_LIMIT {
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_keeps_short_bodies_whole() {
        assert_eq!(excerpt(b"Service Unavailable"), "Service Unavailable");
    }

    #[test]
    fn excerpt_cuts_on_a_character_boundary() {
        // 511 ASCII bytes then a 3-byte character straddling the limit.
        let mut body = vec![b'a'; EXCERPT_LIMIT - 1];
        body.extend_from_slice("エラー".as_bytes());
        let expected = format!("{}…", "a".repeat(EXCERPT_LIMIT - 1));
        assert_eq!(excerpt(&body), expected);
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "120".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(120)));
        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
        headers.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
    }
}
