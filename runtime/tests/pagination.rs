//! The page walker against a local server: it follows cursors to the last page, stops
//! at the page bound, sends the page size, and ends with the error of a failed page.

mod support;

use futures_util::StreamExt;
use kraken_codegen_runtime::{Client, Operation, OperationKind, Paginated, Paging};
use serde_json::{json, Map, Value};
use support::NoCodes;
use wiremock::matchers::{body_partial_json, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// `payments(first: $first, after: $after)`, its data kept as JSON.
struct Payments;

const DOCUMENT: &str = "query Payments($first: Int = 10, $after: String) { payments(first: $first, after: $after) { edges { node } pageInfo { hasNextPage endCursor } } }";

impl Operation for Payments {
    const OPERATION_NAME: &'static str = "Payments";
    const DOCUMENT: &'static str = DOCUMENT;
    const KIND: OperationKind = OperationKind::Query;
    type Variables = Map<String, Value>;
    type ResponseData = Value;
    type ErrorCode = NoCodes;
}

impl Paginated for Payments {
    fn set_page(variables: &mut Map<String, Value>, page_size: u32, after: Option<String>) {
        variables.insert("first".into(), page_size.into());
        if let Some(after) = after {
            variables.insert("after".into(), after.into());
        }
    }

    fn next_cursor(data: &Value) -> Option<String> {
        let info = &data["payments"]["pageInfo"];
        match info["hasNextPage"].as_bool() {
            Some(true) => info["endCursor"].as_str().map(str::to_owned),
            _ => None,
        }
    }
}

/// A page of payments `nodes`, continuing after `next` when there is one.
fn page(nodes: &[i64], next: Option<&str>) -> Value {
    json!({"data": {"payments": {
        "edges": nodes.iter().map(|node| json!({"node": node})).collect::<Vec<_>>(),
        "pageInfo": {"hasNextPage": next.is_some(), "endCursor": next},
    }}})
}

/// Answers the request for the page after `after` (the first page when `None`), asked
/// with `first: 2`, with `answer`.
async fn serve(server: &MockServer, after: Option<&str>, answer: Value) {
    Mock::given(method("POST"))
        .and(body_partial_json(
            json!({"variables": {"first": 2, "after": after}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .mount(server)
        .await;
}

/// Three pages of two, two and one payment.
async fn three_pages() -> MockServer {
    let server = MockServer::start().await;
    serve(&server, None, page(&[1, 2], Some("c2"))).await;
    serve(&server, Some("c2"), page(&[3, 4], Some("c4"))).await;
    serve(&server, Some("c4"), page(&[5], None)).await;
    server
}

fn client(server: &MockServer) -> Client {
    match Client::builder()
        .url(server.uri())
        .allow_loopback_http()
        .build()
    {
        Ok(client) => client,
        Err(error) => panic!("{error}"),
    }
}

/// The first variables: the first page, unless the caller gives a cursor.
fn start() -> Map<String, Value> {
    let mut variables = Map::new();
    variables.insert("after".into(), Value::Null);
    variables
}

fn nodes(data: &Value) -> Vec<i64> {
    data["payments"]["edges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|edge| edge["node"].as_i64())
        .collect()
}

/// Walks the three pages two at a time, at most `max_pages` of them: the nodes of each
/// page, and how many requests the server received.
async fn walk_three_pages(max_pages: usize) -> (Vec<Vec<i64>>, usize) {
    let server = three_pages().await;
    let client = client(&server);
    let paging = Paging {
        page_size: 2,
        max_pages,
    };
    let pages: Vec<_> = client.pages::<Payments>(start(), paging).collect().await;
    let pages = pages
        .iter()
        .map(|page| match page {
            Ok(data) => nodes(data),
            Err(error) => panic!("{error}"),
        })
        .collect();
    let requests = server.received_requests().await.unwrap_or_default();
    (pages, requests.len())
}

#[tokio::test]
async fn follows_the_cursors_to_the_last_page_with_the_page_size() {
    assert_eq!(
        walk_three_pages(10).await,
        (vec![vec![1, 2], vec![3, 4], vec![5]], 3)
    );
}

#[tokio::test]
async fn stops_at_the_page_bound() {
    assert_eq!(walk_three_pages(2).await, (vec![vec![1, 2], vec![3, 4]], 2));
}

#[tokio::test]
async fn starts_after_the_cursor_the_variables_give() {
    let server = three_pages().await;
    let client = client(&server);
    let mut variables = Map::new();
    variables.insert("after".into(), "c2".into());
    let paging = Paging {
        page_size: 2,
        max_pages: 10,
    };
    let pages: Vec<_> = client.pages::<Payments>(variables, paging).collect().await;
    let pages: Vec<Vec<i64>> = pages.iter().flatten().map(nodes).collect();
    assert_eq!(pages, [vec![3, 4], vec![5]]);
}

#[tokio::test]
async fn a_page_answered_with_an_error_ends_the_stream_with_it() {
    let server = MockServer::start().await;
    serve(&server, None, page(&[1, 2], Some("c2"))).await;
    let refused = json!({"data": null, "errors": [{
        "message": "Too many nodes.",
        "extensions": {"code": "KT-CT-1189"},
    }]});
    serve(&server, Some("c2"), refused).await;
    let client = client(&server);
    let paging = Paging {
        page_size: 2,
        max_pages: 10,
    };
    let pages: Vec<_> = client.pages::<Payments>(start(), paging).collect().await;
    assert_eq!(pages.len(), 2);
    match &pages[0] {
        Ok(data) => assert_eq!(nodes(data), [1, 2]),
        Err(error) => panic!("{error}"),
    }
    match &pages[1] {
        Err(error) => assert_eq!(
            error.to_string(),
            "GraphQL error: [KT-CT-1189] Too many nodes."
        ),
        Ok(data) => panic!("expected the error, got {data}"),
    }
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 2);
}
