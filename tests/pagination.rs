//! The generated paginated reads walked over real HTTP: `Client::pages` follows the
//! cursors to the last page with the page size, stops at the page bound, sends the login
//! token with every page, and ends with the typed error of a refused page (`KT-CT-1189`: a query too large).

mod client_support;

use chrono::Utc;
use client_support::*;
use futures_util::StreamExt;
use kraken_jp::operations::account_bills::{self, AccountBills};
use kraken_jp::operations::account_transactions::{self, AccountTransactions};
use kraken_jp::{Credentials, Error, ErrorCodeSet, Paging};
use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, header, method};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: &str = "A-1234ABCD";

/// A page of bills: a statement, and an invoice (not selected with `... on`), continuing
/// after `next` when there is one.
fn bills_page(ids: [&str; 2], next: Option<&str>) -> Value {
    json!({"data": {"account": {"bills": {
        "totalCount": 5,
        "pageInfo": {"hasNextPage": next.is_some(), "endCursor": next},
        "edges": [
            {"node": {
                "__typename": "StatementType",
                "id": ids[0],
                "billType": "STATEMENT",
                "fromDate": "2026-10-01",
                "toDate": "2026-10-31",
                "issuedDate": "2026-11-05",
                "paymentDueDate": "2026-11-27",
                "openingBalance": 0,
                "closingBalance": -8123,
                "totalCharges": {"grossTotal": 8123},
                "totalCredits": {"grossTotal": 0}
            }},
            {"node": {
                "__typename": "InvoiceType",
                "id": ids[1],
                "billType": "INVOICE",
                "fromDate": null,
                "toDate": null,
                "issuedDate": "2026-11-06"
            }}
        ]
    }}}})
}

/// Answers the `AccountBills` request after `after` (the first page when `None`), asked
/// with `first: 2`.
async fn serve_bills(server: &MockServer, after: Option<&str>, answer: Value) {
    let variables = json!({"accountNumber": ACCOUNT, "first": 2});
    Mock::given(method("POST"))
        .and(sends("AccountBills", with_cursor(variables, after)))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .mount(server)
        .await;
}

/// `variables` with `after` set to `cursor`, or without `after` for the first page.
fn with_cursor(mut variables: Value, cursor: Option<&str>) -> Value {
    if let Some(cursor) = cursor {
        variables["after"] = cursor.into();
    }
    variables
}

/// Matches a request of `operation` whose variables are exactly `variables`.
fn sends(operation: &'static str, variables: Value) -> impl Match {
    move |request: &Request| {
        serde_json::from_slice::<Value>(&request.body)
            .is_ok_and(|body| body["operationName"] == operation && body["variables"] == variables)
    }
}

/// The ids of the bills on a page, `InvoiceType` decoded into the catch-all.
fn bill_ids(data: &account_bills::ResponseData) -> Vec<String> {
    let bills = data
        .account
        .as_ref()
        .and_then(|account| account.bills.as_ref());
    bills
        .into_iter()
        .flat_map(|bills| &bills.edges)
        .flatten()
        .filter_map(|edge| edge.node.as_ref())
        .map(|node| match node {
            account_bills::BillsEdgesNode::StatementType(statement) => {
                format!("statement {}", statement.id.as_deref().unwrap_or("?"))
            }
            account_bills::BillsEdgesNode::UnknownMember(other) => {
                format!("{} {}", other.typename, other.id.as_deref().unwrap_or("?"))
            }
        })
        .collect()
}

#[tokio::test]
async fn bills_are_walked_cursor_by_cursor_to_the_last_page() {
    let server = MockServer::start().await;
    serve_bills(&server, None, bills_page(["1", "2"], Some("YXJyYXk6MQ=="))).await;
    serve_bills(
        &server,
        Some("YXJyYXk6MQ=="),
        bills_page(["3", "4"], Some("YXJyYXk6Mw==")),
    )
    .await;
    serve_bills(&server, Some("YXJyYXk6Mw=="), bills_page(["5", "6"], None)).await;
    let client = client_for(&server);
    let paging = Paging {
        page_size: 2,
        max_pages: 10,
    };
    let variables = account_bills::Variables::new(ACCOUNT.to_string());
    let pages: Vec<_> = client
        .pages::<AccountBills>(variables, paging)
        .collect()
        .await;
    let ids: Vec<Vec<String>> = pages
        .iter()
        .map(|page| match page {
            Ok(data) => bill_ids(data),
            Err(error) => panic!("{error}"),
        })
        .collect();
    assert_eq!(
        ids,
        [
            ["statement 1", "InvoiceType 2"],
            ["statement 3", "InvoiceType 4"],
            ["statement 5", "InvoiceType 6"],
        ]
    );
    let sent = received(&server).await;
    assert_eq!(sent.len(), 3);
    assert_eq!(
        sent[0].0["query"],
        include_str!("../generated/documents/accountBills.graphql")
    );
}

#[tokio::test]
async fn the_walk_stops_at_the_page_bound() {
    let server = MockServer::start().await;
    serve_bills(&server, None, bills_page(["1", "2"], Some("c2"))).await;
    serve_bills(&server, Some("c2"), bills_page(["3", "4"], Some("c4"))).await;
    let client = client_for(&server);
    let paging = Paging {
        page_size: 2,
        max_pages: 1,
    };
    let variables = account_bills::Variables::new(ACCOUNT.to_string());
    let pages: Vec<_> = client
        .pages::<AccountBills>(variables, paging)
        .collect()
        .await;
    assert_eq!(pages.len(), 1);
    assert_eq!(received(&server).await.len(), 1);
}

/// A page of one payment, continuing after `next` when there is one.
fn transactions_page(id: &str, next: Option<&str>) -> Value {
    json!({"data": {"account": {"transactions": {
        "totalCount": 2,
        "pageInfo": {"hasNextPage": next.is_some(), "endCursor": next},
        "edges": [{"node": {
            "__typename": "Payment",
            "id": id,
            "postedDate": "2026-11-27",
            "createdAt": "2026-11-27T09:00:00+09:00",
            "title": "Payment",
            "amounts": {"net": 8123, "tax": 0, "gross": 8123},
            "balanceCarriedForward": 0,
            "isHeld": false,
            "billingDocumentIdentifier": null,
            "isLateFailedPayment": false,
            "paymentTransactionType": null
        }}]
    }}}})
}

#[tokio::test]
async fn every_page_is_sent_with_the_login_token_and_a_refused_page_ends_the_walk() {
    let server = MockServer::start().await;
    let exp = Utc::now().timestamp() + 3600;
    Mock::given(body_partial_json(
        json!({"operationName": "ObtainKrakenToken"}),
    ))
    .respond_with(ResponseTemplate::new(200).set_body_json(json!({
        "data": {"obtainKrakenToken": {
            "token": "jwt-1",
            "payload": {"sub": "kraken|account-user:1", "exp": exp, "origIat": exp - 3600},
            "refreshToken": null,
            "refreshExpiresIn": null,
        }}
    })))
    .expect(1)
    .mount(&server)
    .await;
    let transactions = |after: Option<&str>| {
        let variables = json!({"accountNumber": ACCOUNT, "ledgerNumber": "L-1", "first": 1});
        Mock::given(sends("AccountTransactions", with_cursor(variables, after)))
            .and(header("authorization", "jwt-1"))
    };
    transactions(None)
        .respond_with(ResponseTemplate::new(200).set_body_json(transactions_page("t1", Some("c1"))))
        .mount(&server)
        .await;
    transactions(Some("c1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": null,
            "errors": [{
                "message": "Query exceeds the maximum number of nodes.",
                "extensions": {"errorType": "VALIDATION", "errorCode": "KT-CT-1189"},
            }]
        })))
        .mount(&server)
        .await;
    let client = builder_for(&server)
        .credentials(Credentials::email_password(
            "user@example.com",
            "correct horse",
        ))
        .build()
        .expect("client builds");
    let variables =
        account_transactions::Variables::new(ACCOUNT.to_string()).ledger_number("L-1".to_string());
    let paging = Paging {
        page_size: 1,
        max_pages: 10,
    };
    let pages: Vec<_> = client
        .pages::<AccountTransactions>(variables, paging)
        .collect()
        .await;
    assert_eq!(pages.len(), 2, "{pages:?}");
    let Ok(first) = &pages[0] else {
        panic!("{:?}", pages[0]);
    };
    let node = first
        .account
        .as_ref()
        .and_then(|account| account.transactions.as_ref())
        .and_then(|transactions| transactions.edges.first().cloned().flatten())
        .and_then(|edge| edge.node);
    let Some(account_transactions::TransactionsEdgesNode::Payment(payment)) = node else {
        panic!("not a payment: {first:?}");
    };
    assert_eq!(payment.id.as_deref(), Some("t1"));
    match &pages[1] {
        Err(Error::QueryTooLarge { errors }) => {
            let codes: Vec<Option<&str>> = errors
                .iter()
                .map(|error| error.extensions.error_code.as_ref().map(ErrorCodeSet::code))
                .collect();
            assert_eq!(codes, [Some("KT-CT-1189")]);
        }
        other => panic!("expected KT-CT-1189, got {other:?}"),
    }
}
