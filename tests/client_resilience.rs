//! Under load and faults, nothing lost or doubled: token renewal under concurrency,
//! rate limits, 5xx, and connections that fail before or after the request was sent.

mod client_support;

use chrono::Utc;
use client_support::*;
use futures_util::future::join_all;
use kraken_jp::operations::obtain_kraken_token::ObtainKrakenToken;
use kraken_jp::{Client, Credentials, Error, Operation, RetryPolicy};
use serde_json::json;
use std::net::TcpListener;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use wiremock::matchers::{body_partial_json, header};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Five attempts, a few milliseconds apart.
fn quick() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(5)
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
}

/// An answer with one error of this code, in an HTTP 200 body as the API sends it.
fn with_error(code: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "data": null,
        "errors": [{"message": "Refused.", "extensions": {"errorCode": code}}]
    }))
}

fn operation_named(name: &str) -> wiremock::matchers::BodyPartialJsonMatcher {
    body_partial_json(json!({"operationName": name}))
}

/// Mounts `answer` for the next `times` requests of operation `name`.
async fn answer_times(server: &MockServer, name: &str, answer: ResponseTemplate, times: u64) {
    Mock::given(operation_named(name))
        .respond_with(answer)
        .up_to_n_times(times)
        .mount(server)
        .await;
}

fn quick_client(server: &MockServer) -> Client {
    builder_for(server).retry_policy(quick()).build().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_reads_with_the_token_expiring_mid_flight_renew_it_once() {
    let server = MockServer::start().await;
    let issued = |token: &str| {
        ResponseTemplate::new(200).set_body_json(json!({"data": {"obtainKrakenToken": {
            "token": token,
            "payload": {"exp": Utc::now().timestamp() + 3600},
            "refreshToken": "refresh-A",
            "refreshExpiresIn": Utc::now().timestamp() + 86_400,
        }}}))
    };
    let token_request = |input| body_partial_json(json!({"variables": {"input": input}}));
    Mock::given(token_request(json!({"APIKey": "key-1"})))
        .respond_with(issued("token-A"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(token_request(json!({"refreshToken": "refresh-A"})))
        .respond_with(issued("token-B").set_delay(Duration::from_millis(20)))
        .expect(1)
        .mount(&server)
        .await;
    // token-A is accepted 50 times, then answered "expired".
    Mock::given(operation_named("AccountNumber"))
        .and(header("authorization", "token-A"))
        .respond_with(account_ok())
        .up_to_n_times(50)
        .mount(&server)
        .await;
    Mock::given(operation_named("AccountNumber"))
        .and(header("authorization", "token-A"))
        .respond_with(with_error("KT-CT-1124"))
        .mount(&server)
        .await;
    Mock::given(operation_named("AccountNumber"))
        .and(header("authorization", "token-B"))
        .respond_with(account_ok())
        .mount(&server)
        .await;
    let client = builder_for(&server)
        .credentials(Credentials::api_key("key-1"))
        .build()
        .unwrap();
    client.authenticate().await.expect("logged in");

    let reads: Vec<_> = (0..200)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { read(&client).await })
        })
        .collect();
    // Unconstrained: awaiting 200 finished tasks would spend this task's cooperative
    // budget, and the mock server's check when it is dropped (a blocking wait on a tokio
    // lock) then spins for ever instead of returning.
    let results = tokio::task::unconstrained(join_all(reads)).await;
    for result in results {
        let data = result.unwrap().expect("every read succeeds");
        assert_eq!(data.account.number, "A-1");
    }

    let sent = received(&server).await;
    let count = |name: &str| {
        sent.iter()
            .filter(|(body, _)| body["operationName"] == name)
            .count()
    };
    assert_eq!(
        count(ObtainKrakenToken::OPERATION_NAME),
        2,
        "one login, one renewal"
    );
    // Each read sent with token-A after the first 50 was answered "expired" and sent once
    // more; how many went out before the renewal finished depends on timing.
    let with_token_a = sent
        .iter()
        .filter(|(_, authorization)| authorization.as_deref() == Some("token-A"))
        .count();
    assert!(with_token_a > 50, "{with_token_a} reads sent with token-A");
    assert_eq!(count("AccountNumber"), 200 + (with_token_a - 50));
}

#[tokio::test]
async fn a_rate_limit_burst_is_waited_out_for_reads() {
    let server = MockServer::start().await;
    answer_times(&server, "AccountNumber", with_error("KT-CT-1199"), 3).await;
    answer_times(&server, "AccountNumber", account_ok(), 1).await;

    let data = read(&quick_client(&server))
        .await
        .expect("retried until success");

    assert_eq!(data.account.number, "A-1");
    assert_eq!(received(&server).await.len(), 4);
}

#[tokio::test]
async fn a_read_waits_for_the_reset_time_the_server_gives() {
    let server = MockServer::start().await;
    let limited = with_error("KT-CT-1199").insert_header("retry-after", "1");
    answer_times(&server, "AccountNumber", limited, 1).await;
    answer_times(&server, "AccountNumber", account_ok(), 1).await;
    let started = Instant::now();

    read(&quick_client(&server))
        .await
        .expect("retried after the reset");

    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn a_reset_beyond_the_deadline_is_returned_at_once() {
    let server = MockServer::start().await;
    let limited = with_error("KT-CT-1199").insert_header("retry-after", "3600");
    answer_times(&server, "AccountNumber", limited, 1).await;
    let started = Instant::now();

    let error = read(&quick_client(&server))
        .await
        .expect_err("rate limited");

    let (retry_after, errors) = rate_limit(&error);
    assert_eq!(retry_after, Some(Duration::from_secs(3600)));
    assert_eq!(errors[0].code(), Some("KT-CT-1199"));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn http_429_and_5xx_are_retried_for_reads() {
    let server = MockServer::start().await;
    answer_times(&server, "AccountNumber", ResponseTemplate::new(429), 1).await;
    answer_times(&server, "AccountNumber", ResponseTemplate::new(503), 1).await;
    answer_times(&server, "AccountNumber", account_ok(), 1).await;

    read(&quick_client(&server))
        .await
        .expect("retried until success");

    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn mutations_are_not_retried_after_a_rate_limit_or_5xx_unless_the_caller_opts_in() {
    for refusal in [with_error("KT-CT-1199"), ResponseTemplate::new(503)] {
        let server = MockServer::start().await;
        answer_times(&server, "ResetUserPassword", refusal.clone(), 1).await;
        answer_times(&server, "ResetUserPassword", refusal, 1).await;
        answer_times(&server, "ResetUserPassword", reset_ok(), 1).await;
        let client = quick_client(&server);

        let error = reset(&client).await.expect_err("not retried");
        assert_eq!(received(&server).await.len(), 1, "{error:?}");

        reset(&client.retrying_mutations())
            .await
            .expect("retried when the caller opts in");
        assert_eq!(received(&server).await.len(), 3);
    }
}

#[tokio::test]
async fn a_query_too_large_is_a_distinct_error_never_retried() {
    let server = MockServer::start().await;
    answer_times(&server, "AccountNumber", with_error("KT-CT-1188"), 5).await;

    let error = read(&quick_client(&server)).await.expect_err("refused");

    let Error::QueryTooLarge { errors } = &error else {
        panic!("expected QueryTooLarge, got {error:?}");
    };
    assert_eq!(errors[0].code(), Some("KT-CT-1188"));
    assert_eq!(received(&server).await.len(), 1);
}

fn client_at(url: &str, policy: RetryPolicy) -> Client {
    Client::builder()
        .api_url(url)
        .allow_loopback_http()
        .retry_policy(policy)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_mutation_the_server_received_is_not_sent_again_when_the_connection_drops() {
    let (url, received) = closing_server();

    let error = reset(&client_at(&url, quick()))
        .await
        .expect_err("no answer");

    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert_eq!(received.load(Ordering::SeqCst), 1);
    // A read over the same fault is retried.
    read(&client_at(&url, quick()))
        .await
        .expect_err("no answer");
    assert_eq!(received.load(Ordering::SeqCst), 1 + 5);
}

#[tokio::test]
async fn a_mutation_that_never_reached_the_server_is_retried() {
    // A port nothing listens on until 150 ms from now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        answer_every_request(listener, RESET_OK);
    });
    // Delays of up to 50, 100, 200, … 1,000 ms: together far beyond 150 ms.
    let policy = RetryPolicy::default()
        .max_attempts(10)
        .backoff(Duration::from_millis(50), Duration::from_secs(1));
    let client = client_at(&format!("http://127.0.0.1:{port}/"), policy);

    let data = reset(&client).await.expect("sent once the server listens");

    assert_eq!(
        data.reset_user_password.unwrap().password_updated,
        Some(true)
    );
}
