//! Turning an HTTP answer into typed data or a typed error.

use crate::error::{Error, Extensions, GraphQLError, HttpStatusError, PartialData, EXCERPT_LIMIT};
use crate::ErrorClass;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::StatusCode;
use serde::de::{DeserializeOwned, Error as _};
use serde_json::Value;
use std::time::Duration;

/// The top level of a GraphQL answer, with `data` as `D` or as a `Value`.
#[derive(serde::Deserialize)]
#[serde(bound(deserialize = "E: Extensions, D: serde::Deserialize<'de>"))]
struct Envelope<E, D> {
    #[serde(default)]
    data: Option<D>,
    #[serde(default)]
    errors: Option<Vec<GraphQLError<E>>>,
}

/// Decodes an answer: non-2xx becomes [`Error::Http`] (with the GraphQL errors of the
/// body, if it has any); errors (with any partial data) become [`Error::GraphQL`];
/// otherwise `data` is decoded as `D`.
///
/// The body is decoded with `data` as `D` in one pass. When that fails (partial data
/// that is not `D`, or a malformed answer), it is decoded again with `data` as a
/// `Value`, which is kept when it does not decode as `D`.
pub(crate) fn decode<E: Extensions, D: DeserializeOwned, A>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<D, Error<E, D, A>> {
    if !status.is_success() {
        let errors = serde_json::from_slice::<Envelope<E, Value>>(body)
            .ok()
            .and_then(|envelope| envelope.errors)
            .unwrap_or_default();
        let rate_limited = status == StatusCode::TOO_MANY_REQUESTS;
        return Err(
            classified(headers, errors, rate_limited).unwrap_or_else(|errors| {
                Error::Http(HttpStatusError {
                    status,
                    retry_after: retry_after(headers),
                    body_excerpt: excerpt(body),
                    errors,
                })
            }),
        );
    }
    // `data`: typed, or raw and not yet decoded as `D`.
    let (data, errors) = match serde_json::from_slice::<Envelope<E, D>>(body) {
        Ok(envelope) => (envelope.data.map(Ok), envelope.errors),
        Err(_) => {
            let envelope: Envelope<E, Value> =
                serde_json::from_slice(body).map_err(Error::Decode)?;
            let data = envelope.data.filter(|data| !data.is_null());
            (data.map(Err), envelope.errors)
        }
    };
    match errors {
        Some(errors) if !errors.is_empty() => Err(classified(headers, errors, false)
            .unwrap_or_else(|errors| Error::GraphQL {
                errors,
                partial_data: data.map(|data| match data {
                    Ok(typed) => PartialData::Typed(typed),
                    Err(raw) => match D::deserialize(&raw) {
                        Ok(typed) => PartialData::Typed(typed),
                        Err(_) => PartialData::Raw(raw),
                    },
                }),
            })),
        _ => match data {
            Some(Ok(typed)) => Ok(typed),
            Some(Err(raw)) => D::deserialize(raw).map_err(Error::Decode),
            None => Err(Error::Decode(serde_json::Error::custom(
                "the response holds neither data nor errors",
            ))),
        },
    }
}

/// The error of an answer refused for a rate limit (`rate_limited`, or an error of
/// that class) or as too large; the errors back otherwise.
fn classified<E: Extensions, D, A>(
    headers: &HeaderMap,
    errors: Vec<GraphQLError<E>>,
    rate_limited: bool,
) -> Result<Error<E, D, A>, Vec<GraphQLError<E>>> {
    let has = |class| errors.iter().any(|error| error.extensions.class() == class);
    if rate_limited || has(ErrorClass::RateLimited) {
        Ok(Error::RateLimited {
            retry_after: retry_after(headers),
            errors,
        })
    } else if has(ErrorClass::QueryTooLarge) {
        Ok(Error::QueryTooLarge { errors })
    } else {
        Err(errors)
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
    use std::collections::BTreeMap;

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

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Data {
        x: i32,
    }

    fn decode_ok(body: &str) -> Result<Data, Error<BTreeMap<String, Value>, Data>> {
        decode(StatusCode::OK, &HeaderMap::new(), body.as_bytes())
    }

    #[test]
    fn data_that_decodes_only_through_a_value_decodes_as_before() {
        // A repeated key: the typed pass refuses it, a `Value` keeps the last.
        let body = r#"{"data": {"x": 1, "x": 2}}"#;
        assert_eq!(decode_ok(body).unwrap(), Data { x: 2 });
        let body = r#"{"data": {"x": 1, "x": 2}, "errors": [{"message": "m"}]}"#;
        match decode_ok(body) {
            Err(Error::GraphQL { partial_data, .. }) => {
                assert_eq!(partial_data, Some(PartialData::Typed(Data { x: 2 })));
            }
            other => panic!("expected GraphQL, got {other:?}"),
        }
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
