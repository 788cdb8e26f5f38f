//! A soak of 10,000 requests keeps memory flat: the bytes allocated and not yet freed
//! in this process (client and an axum server on 127.0.0.1) are the same after the last request as
//! after the first thousand.

mod client_support;

use client_support::*;
use kraken_jp::Client;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes live at any time.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const REQUESTS: usize = 10_000;
const BATCH: usize = 1_000;
/// Requests in flight at once.
const CONCURRENCY: usize = 16;
/// Growth of live bytes allowed between the first and the last batch.
const ALLOWED_GROWTH: usize = 256 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_requests_keep_memory_flat() {
    let (url, received) = json_server(ACCOUNT_OK).await;
    let client = Client::builder()
        .api_url(url)
        .allow_loopback_http()
        .build()
        .unwrap();

    let mut live_after_batch = Vec::new();
    for _ in 0..REQUESTS / BATCH {
        let workers: Vec<_> = (0..CONCURRENCY)
            .map(|worker| {
                let client = client.clone();
                tokio::spawn(async move {
                    for _ in (worker..BATCH).step_by(CONCURRENCY) {
                        let data = read(&client).await.expect("success");
                        assert_eq!(data.account.number, "A-1");
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.await.unwrap();
        }
        live_after_batch.push(LIVE.load(Ordering::Relaxed));
    }

    assert_eq!(received.load(Ordering::SeqCst), REQUESTS);
    let first = live_after_batch[0];
    let last = *live_after_batch.last().unwrap();
    let peak = *live_after_batch.iter().max().unwrap();
    eprintln!(
        "live bytes after each {BATCH} requests: {live_after_batch:?}; last - first = {}",
        last as i64 - first as i64
    );
    assert!(
        last.saturating_sub(first) < ALLOWED_GROWTH && peak - first < ALLOWED_GROWTH,
        "memory grew: {live_after_batch:?}"
    );
}
