//! Generated operations through the client over real HTTP: the wire document sent is the
//! checked-in `generated/documents/` copy, the endpoint is the operation's, and answers
//! decode into the generated types and error codes.

mod client_support;

use client_support::*;
use kraken_jp::operations::{create_konbini_payment, create_mfa_device};
use kraken_jp::types::{CreateKonbiniPaymentInput, CreateMfaDeviceInputType, MfaMethodChoices};
use kraken_jp::{Error, ErrorCode};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn konbini_payment_sends_its_wire_document_and_decodes_the_union() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"createKonbiniPayment": {
                "__typename": "KonbiniPaymentCreated",
                "receiptEmail": "me@example.com",
                "expireAt": "2026-12-01T23:59:00+09:00",
                "voucherUrl": "https://example.com/voucher/1"
            }}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let input = CreateKonbiniPaymentInput::new(5_000, "Electricity, November".into())
        .account_number("A-1234ABCD".to_string());
    let data = client_for(&server)
        .execute::<create_konbini_payment::CreateKonbiniPayment>(
            &create_konbini_payment::Variables::new(input),
        )
        .await
        .expect("success");

    let create_konbini_payment::Payload::KonbiniPaymentCreated(created) =
        data.create_konbini_payment
    else {
        panic!("decoded as another member: {data:?}");
    };
    assert_eq!(created.voucher_url, "https://example.com/voucher/1");
    assert_eq!(created.expire_at.to_rfc3339(), "2026-12-01T23:59:00+09:00");
    assert_eq!(
        received(&server).await,
        vec![(
            json!({
                "query": include_str!("../generated/documents/createKonbiniPayment.graphql"),
                "operationName": "CreateKonbiniPayment",
                "variables": {"input": {
                    "accountNumber": "A-1234ABCD",
                    "amount": 5000,
                    "description": "Electricity, November"
                }},
            }),
            None,
        )]
    );
}

#[tokio::test]
async fn mfa_device_goes_to_the_auth_server_and_its_error_codes_are_typed() {
    let api = MockServer::start().await;
    let auth = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/graphql/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"createMfaDevice": null},
            "errors": [{
                "message": "Unauthorized.",
                "path": ["createMfaDevice"],
                "extensions": {"errorType": "AUTHORIZATION", "errorCode": "KT-CT-1128"}
            }]
        })))
        .expect(1)
        .mount(&auth)
        .await;

    let client = client_support::builder_for(&api)
        .auth_url(format!("{}/graphql/", auth.uri()))
        .build()
        .expect("client builds");
    let input = CreateMfaDeviceInputType::new(MfaMethodChoices::Totp);
    let error = client
        .execute::<create_mfa_device::CreateMfaDevice>(&create_mfa_device::Variables::new(input))
        .await
        .expect_err("the server answered with an error");

    let Error::GraphQL { errors, .. } = &error else {
        panic!("expected GraphQL errors, got {error:?}");
    };
    let code = errors[0].extensions.error_code.clone();
    assert_eq!(code, Some(create_mfa_device::ErrorCode::KtCt1128));
    assert_eq!(
        ErrorCode::from(code.unwrap()).to_string(),
        "KT-CT-1128: Unauthorized."
    );
    assert!(api.received_requests().await.unwrap().is_empty());
    let sent = received(&auth).await;
    assert_eq!(
        sent[0].0["query"],
        include_str!("../generated/documents/createMfaDevice.graphql")
    );
    assert_eq!(
        sent[0].0["variables"],
        json!({"input": {"mfaMethod": "TOTP"}})
    );
}

#[tokio::test]
async fn none_leaves_a_nullable_field_out_and_only_null_sends_null() {
    use kraken_jp::operations::update_user;
    use kraken_jp::types::UpdateUserInput;
    use kraken_jp::Nullable;

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"updateUser": null}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let input = UpdateUserInput::new()
        .given_name(None::<String>)
        .family_name(Nullable::Null)
        .pronouns(Some("they/them".to_owned()))
        .mobile("090-0000-0000".to_owned());
    client_for(&server)
        .execute::<update_user::UpdateUser>(&update_user::Variables::new(input))
        .await
        .expect("success");

    let (body, _) = received(&server).await.remove(0);
    assert_eq!(
        body["variables"],
        json!({"input": {
            "familyName": null,
            "pronouns": "they/them",
            "mobile": "090-0000-0000"
        }})
    );
}
