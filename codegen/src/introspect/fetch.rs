//! Running the standard introspection query against a live endpoint.

use std::net::IpAddr;
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Url;

/// The introspection query: every part of every type, type references nine levels deep.
/// Kept to fields every GraphQL server of the last years answers (no `specifiedByURL`,
/// `isRepeatable`), so older servers do not reject it.
pub const INTROSPECTION_QUERY: &str = "query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description
    args { ...InputValue }
    type { ...TypeRef }
    isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}
";

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("invalid endpoint URL `{url}`: {reason}")]
    Url { url: String, reason: String },
    #[error("refusing plain http:// to `{host}`: only loopback hosts (127.0.0.0/8, ::1, localhost) may be reached without TLS; use https://")]
    PlainHttp { host: String },
    #[error("invalid header `{header}`: expected `Name: value`")]
    Header { header: String },
    #[error("request to {url} failed: {source}")]
    Request {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("{url} answered HTTP {status}: {body}")]
    Status {
        url: String,
        status: u16,
        body: String,
    },
}

/// Checks that `endpoint` is https, or http to a loopback host.
pub fn endpoint_url(endpoint: &str) -> Result<Url, FetchError> {
    let url = Url::parse(endpoint).map_err(|error| FetchError::Url {
        url: endpoint.to_string(),
        reason: error.to_string(),
    })?;
    let host = url.host_str().unwrap_or_default().to_string();
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&host) => Ok(url),
        "http" => Err(FetchError::PlainHttp { host }),
        other => Err(FetchError::Url {
            url: endpoint.to_string(),
            reason: format!("scheme `{other}` is not https"),
        }),
    }
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Parses `Name: value` header arguments.
pub fn headers(raw: &[String]) -> Result<HeaderMap, FetchError> {
    let mut map = HeaderMap::new();
    for header in raw {
        let bad = || FetchError::Header {
            header: header.clone(),
        };
        let (name, value) = header.split_once(':').ok_or_else(bad)?;
        let name = HeaderName::from_bytes(name.trim().as_bytes()).map_err(|_| bad())?;
        let value = HeaderValue::from_str(value.trim()).map_err(|_| bad())?;
        map.append(name, value);
    }
    Ok(map)
}

/// Posts the introspection query and returns the response body (JSON text).
pub fn fetch(endpoint: &str, header_args: &[String]) -> Result<String, FetchError> {
    let url = endpoint_url(endpoint)?;
    let headers = headers(header_args)?;
    let request_error = |source| FetchError::Request {
        url: url.to_string(),
        source,
    };
    let client = Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(request_error)?;
    let body = serde_json::json!({
        "query": INTROSPECTION_QUERY,
        "operationName": "IntrospectionQuery",
    });
    let response = client
        .post(url.clone())
        .headers(headers)
        .json(&body)
        .send()
        .map_err(request_error)?;
    let status = response.status();
    let text = response.text().map_err(request_error)?;
    if !status.is_success() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: status.as_u16(),
            body: text.chars().take(500).collect(),
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in [
            "https://api.example.com/graphql",
            "http://127.0.0.1:8080/graphql",
            "http://[::1]:80/",
            "http://localhost/graphql",
        ] {
            assert!(endpoint_url(ok).is_ok(), "{ok}");
        }
        let refused = endpoint_url("http://api.example.com/graphql").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "refusing plain http:// to `api.example.com`: only loopback hosts (127.0.0.0/8, ::1, localhost) may be reached without TLS; use https://"
        );
        assert!(matches!(
            endpoint_url("ftp://127.0.0.1/"),
            Err(FetchError::Url { .. })
        ));
    }

    #[test]
    fn headers_need_a_colon() {
        let map = headers(&["Authorization: JWT abc".to_string()]).unwrap();
        assert_eq!(map["authorization"], "JWT abc");
        let error = headers(&["Authorization".to_string()]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid header `Authorization`: expected `Name: value`"
        );
    }
}
