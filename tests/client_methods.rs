//! The generated per-operation methods of `KrakenApi` over real HTTP: each sends its
//! operation's wire document with the variables built from its argument, and returns
//! the typed data or the typed error.

mod client_support;

use client_support::*;
use kraken_jp::operations::{create_konbini_payment, regenerate_secret_key, request_double_opt_in};
use kraken_jp::types::{CreateKonbiniPaymentInput, DoubleOptInInput};
use kraken_jp::{Error, ErrorClass, KrakenApi};
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A server that answers every request with `body`.
async fn answering(body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_method_taking_the_input_sends_it_as_the_input_variable() {
    let server = answering(json!({"data": {"createKonbiniPayment": {
        "__typename": "KonbiniPaymentCreated",
        "receiptEmail": "me@example.com",
        "expireAt": "2026-12-01T23:59:00+09:00",
        "voucherUrl": "https://example.com/voucher/1"
    }}}))
    .await;
    let input = CreateKonbiniPaymentInput::new(5_000, "Electricity, November".into())
        .account_number("A-1234ABCD".to_string());
    let data = client_for(&server)
        .create_konbini_payment(input)
        .await
        .expect("success");

    let create_konbini_payment::Payload::KonbiniPaymentCreated(created) =
        data.create_konbini_payment
    else {
        panic!("expected the created member");
    };
    assert_eq!(created.voucher_url, "https://example.com/voucher/1");
    assert_eq!(
        received(&server).await,
        [(
            json!({
                "query": include_str!("../generated/documents/createKonbiniPayment.graphql"),
                "operationName": "CreateKonbiniPayment",
                "variables": {"input": {
                    "amount": 5000,
                    "description": "Electricity, November",
                    "accountNumber": "A-1234ABCD"
                }}
            }),
            None
        )]
    );
}

#[tokio::test]
async fn a_method_without_variables_takes_no_argument() {
    let server = answering(json!({"data": {"regenerateSecretKey": {
        "key": "sk_live_new", "viewer": null
    }}}))
    .await;
    let data = client_for(&server)
        .regenerate_secret_key()
        .await
        .expect("success");
    assert_eq!(
        data,
        regenerate_secret_key::ResponseData {
            regenerate_secret_key: Some(regenerate_secret_key::Payload {
                key: "sk_live_new".into(),
                viewer: None,
            }),
        }
    );
    assert_eq!(received(&server).await[0].0["variables"], json!({}));
}

#[tokio::test]
async fn a_method_whose_input_is_optional_takes_the_variables() {
    let server = answering(json!({"data": {"requestDoubleOptIn": null}})).await;
    let input = DoubleOptInInput::new("MARKETING".into(), "192.0.2.1".into());
    let variables = request_double_opt_in::Variables::new().input(input);
    client_for(&server)
        .request_double_opt_in(variables)
        .await
        .expect("success");
    assert_eq!(
        received(&server).await[0].0["variables"],
        json!({"input": {"consentTypeCode": "MARKETING", "ipAddress": "192.0.2.1"}})
    );
}

#[tokio::test]
async fn a_method_returns_the_typed_error_and_its_class() {
    let server = answering(json!({
        "data": null,
        "errors": [{
            "message": "Too many requests.",
            "extensions": {"errorType": "APPLICATION", "errorCode": "KT-CT-1199"}
        }]
    }))
    .await;
    let input = CreateKonbiniPaymentInput::new(5_000, "Electricity, November".into());
    let error = client_for(&server)
        .create_konbini_payment(input)
        .await
        .expect_err("the server refused");
    // A spent allowance is `RateLimited`; a mutation is not tried again.
    let Error::RateLimited { errors, .. } = &error else {
        panic!("expected a rate limit, got {error:?}");
    };
    assert_eq!(received(&server).await.len(), 1);
    let code = errors[0].extensions.error_code.clone().expect("a code");
    assert_eq!(
        code,
        create_konbini_payment::ErrorCode::Other("KT-CT-1199".into())
    );
    assert_eq!(code.class(), ErrorClass::RateLimited);
}
