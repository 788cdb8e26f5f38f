//! The README's first example is `examples/yesterday.rs`, and it runs against a loopback
//! server: it logs in with the API key, lists the accounts and prints yesterday's
//! half-hourly consumption.

mod client_support;

// The example's `main` logs in to the real API; the test calls what it calls.
#[allow(dead_code)]
#[path = "../examples/yesterday.rs"]
mod yesterday;

use chrono::{NaiveDate, Utc};
use client_support::*;
use kraken_jp::Credentials;
use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn the_readme_shows_the_example() {
    let readme = include_str!("../README.md");
    let example = include_str!("../examples/yesterday.rs");
    let first_block = readme
        .split_once("```rust,no_run\n")
        .and_then(|(_, rest)| rest.split_once("```\n"))
        .map(|(block, _)| block);
    assert_eq!(
        first_block,
        Some(example),
        "copy examples/yesterday.rs into README.md"
    );
}

/// Answers requests whose body contains `request` with `data`.
async fn answer(server: &MockServer, request: Value, data: Value) {
    Mock::given(method("POST"))
        .and(body_partial_json(request))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "data": data })))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn the_example_prints_yesterday_s_consumption() {
    let server = MockServer::start().await;
    let expires = Utc::now().timestamp() + 3600;
    answer(
        &server,
        json!({"operationName": "ObtainKrakenToken", "variables": {"input": {"APIKey": "sk_test"}}}),
        json!({"obtainKrakenToken": {
            "token": "issued-token",
            "payload": {"sub": "kraken|account-user:1", "exp": expires, "origIat": expires - 3600},
            "refreshToken": null,
            "refreshExpiresIn": null,
        }}),
    )
    .await;
    answer(
        &server,
        json!({"operationName": "ViewerAccounts"}),
        json!({"viewer": {"id": "1", "accounts": [{
            "__typename": "Account", "number": "A-1234ABCD", "status": "ACTIVE",
            "balance": 5120, "overdueBalance": 0, "billingName": "山田 太郎"
        }]}}),
    )
    .await;
    answer(
        &server,
        json!({"operationName": "HalfHourlyReadings", "variables": {
            "accountNumber": "A-1234ABCD",
            "fromDatetime": "2026-12-02T00:00:00+09:00",
            "toDatetime": "2026-12-03T00:00:00+09:00",
        }}),
        json!({"account": {"properties": [{"electricitySupplyPoints": [{
            "spin": "0300111234567890123456",
            "halfHourlyReadings": [
                {"startAt": "2026-12-02T00:00:00+09:00", "endAt": "2026-12-02T00:30:00+09:00",
                 "value": "0.42", "costEstimate": "11.13", "version": "DAILY",
                 "consumptionRateBand": "A"},
                {"startAt": "2026-12-02T00:30:00+09:00", "endAt": "2026-12-02T01:00:00+09:00",
                 "value": "0.38", "costEstimate": "10.07", "version": "DAILY",
                 "consumptionRateBand": "A"}
            ]
        }]}]}}),
    )
    .await;

    let client = builder_for(&server)
        .credentials(Credentials::api_key("sk_test"))
        .build()
        .expect("client builds");
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
    let mut out = Vec::new();
    yesterday::print_yesterday(&client, today, &mut out)
        .await
        .expect("the example runs");
    assert_eq!(
        String::from_utf8(out).expect("UTF-8"),
        "A-1234ABCD: balance 5120 yen\n\
         \x20 0300111234567890123456 on 2026-12-02\n\
         \x20   00:00  0.42 kWh  11.13 yen\n\
         \x20   00:30  0.38 kWh  10.07 yen\n"
    );
    // Logged in once, and sent the token with each read.
    let sent = received(&server).await;
    let authorizations: Vec<Option<&str>> = sent.iter().map(|(_, auth)| auth.as_deref()).collect();
    assert_eq!(
        authorizations,
        [None, Some("issued-token"), Some("issued-token")]
    );
}
