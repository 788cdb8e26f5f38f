//! What the client sends, and where.

mod client_support;

use client_support::*;
use kraken_jp::{BuildError, Client};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn body_is_the_document_operation_name_and_variables_without_authorization() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"resetUserPassword": {"userId": "1234", "passwordUpdated": true}}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let data = client_for(&server)
        .execute::<ResetUserPassword>(&reset_variables())
        .await
        .expect("success");

    assert_eq!(
        data,
        ResetData {
            reset_user_password: Some(ResetResult {
                user_id: Some("1234".to_owned()),
                password_updated: Some(true),
            }),
        }
    );
    let requests = received(&server).await;
    assert_eq!(
        requests,
        vec![(
            json!({
                "query": RESET_USER_PASSWORD,
                "operationName": "ResetUserPassword",
                "variables": {"input": {"userId": "1234", "newPassword": "short", "token": null}},
            }),
            None,
        )]
    );
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.headers["content-type"], "application/json");
}

#[tokio::test]
async fn operation_without_variables_sends_an_empty_object() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": {"account": {"number": "A-1"}}})),
        )
        .mount(&server)
        .await;

    let data = client_for(&server)
        .execute::<AccountNumber>(&NoVariables {})
        .await
        .expect("success");

    assert_eq!(data.account.number, "A-1");
    assert_eq!(
        received(&server).await,
        vec![(
            json!({"query": ACCOUNT_NUMBER, "operationName": "AccountNumber", "variables": {}}),
            None,
        )]
    );
}

#[tokio::test]
async fn auth_server_operations_go_to_the_auth_url() {
    let api = MockServer::start().await;
    let auth = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/graphql/"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": {"deleteMfaDevice": {"deviceDeleted": true}}})),
        )
        .expect(1)
        .mount(&auth)
        .await;
    let client = Client::builder()
        .api_url(api.uri())
        .auth_url(format!("{}/graphql/", auth.uri()))
        .allow_loopback_http()
        .build()
        .unwrap();

    let variables = json!({"input": {"deviceType": "EMAIL"}});
    let data = client
        .execute::<DeleteMfaDevice>(&variables)
        .await
        .expect("success");

    assert_eq!(data.delete_mfa_device.unwrap().device_deleted, Some(true));
    assert_eq!(received(&api).await, vec![]);
    assert_eq!(
        received(&auth).await,
        vec![(
            json!({
                "query": DELETE_MFA_DEVICE,
                "operationName": "DeleteMfaDevice",
                "variables": {"input": {"deviceType": "EMAIL"}},
            }),
            None,
        )]
    );
}

#[test]
fn defaults_are_the_oejp_servers() {
    assert_eq!(
        kraken_jp::endpoint::DEFAULT_API_URL,
        "https://api.oejp-kraken.energy/v1/graphql/"
    );
    assert_eq!(
        kraken_jp::endpoint::DEFAULT_AUTH_URL,
        "https://auth.oejp-kraken.energy/graphql/"
    );
    Client::builder().build().expect("default client builds");
}

#[test]
fn plain_http_needs_opt_in_and_a_loopback_host() {
    let insecure = |result: Result<Client, BuildError>| match result {
        Err(BuildError::InsecureUrl { setting, url }) => (setting, url),
        other => panic!("expected InsecureUrl, got {other:?}"),
    };
    assert_eq!(
        insecure(
            Client::builder()
                .api_url("http://127.0.0.1:8080/graphql/")
                .build()
        ),
        (
            "api_url".to_owned(),
            "http://127.0.0.1:8080/graphql/".to_owned()
        )
    );
    assert_eq!(
        insecure(
            Client::builder()
                .auth_url("http://auth.example.com/graphql/")
                .allow_loopback_http()
                .build()
        ),
        (
            "auth_url".to_owned(),
            "http://auth.example.com/graphql/".to_owned()
        )
    );
    assert_eq!(
        insecure(
            Client::builder()
                .api_url("ftp://[::1]/")
                .allow_loopback_http()
                .build()
        ),
        ("api_url".to_owned(), "ftp://[::1]/".to_owned())
    );
    for url in [
        "http://127.0.0.1:1/",
        "http://[::1]:1/",
        "http://localhost:1/",
    ] {
        Client::builder()
            .api_url(url)
            .auth_url(url)
            .allow_loopback_http()
            .build()
            .unwrap_or_else(|error| panic!("{url}: {error}"));
    }
}

#[test]
fn an_unparsable_url_is_reported() {
    let error = Client::builder().api_url("not a url").build().unwrap_err();
    assert_eq!(
        error.to_string(),
        "api_url `not a url` is not a valid URL: relative URL without a base"
    );
}
