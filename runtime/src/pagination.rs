//! Walking every page of a Relay connection, so that no caller writes the cursor loop.
//!
//! Generated code implements [`Paginated`] for each operation that selects exactly one
//! connection whose `after` is a variable; with the `client` feature, `pages` (and the
//! clients' `pages` methods) turn it into a `Stream` of the pages' data.

use crate::operation::Operation;

#[cfg(feature = "client")]
pub use futures_util::Stream;

/// An operation that selects one Relay connection (`edges`, `pageInfo { hasNextPage
/// endCursor }`) whose `after` argument is a variable.
pub trait Paginated: Operation<Variables: Clone> {
    /// Sets the page size (when the connection's `first` is a variable; otherwise it is
    /// the document's) and, when given, the cursor to continue after.
    fn set_page(variables: &mut Self::Variables, page_size: u32, after: Option<String>);

    /// The cursor to continue after the page in `data`: `None` when the connection says
    /// it has no next page, or when the connection (or a field above it) is null.
    fn next_cursor(data: &Self::ResponseData) -> Option<String>;
}

/// How much of a connection to walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// The `first` of each request (ignored when the document gives `first` itself).
    pub page_size: u32,
    /// The most pages (requests) to fetch; the walk stops there even if there are more.
    pub max_pages: usize,
}

#[cfg(feature = "client")]
pub use walk::pages;

#[cfg(feature = "client")]
mod walk {
    use super::{Paginated, Paging, Stream};
    use std::future::Future;

    /// The pages of `O` from the cursor in `variables` (the first page when it has
    /// none) on: each page's data in order, until the connection has no next page or
    /// `paging.max_pages` pages have been fetched. `fetch` sends one request; an error
    /// is the stream's last item.
    pub fn pages<O, E, F, Fut>(
        variables: O::Variables,
        paging: Paging,
        fetch: F,
    ) -> impl Stream<Item = Result<O::ResponseData, E>>
    where
        O: Paginated,
        F: FnMut(O::Variables) -> Fut,
        Fut: Future<Output = Result<O::ResponseData, E>>,
    {
        let start = Walk {
            variables,
            fetch,
            next: Paged::First,
            fetched: 0,
        };
        futures_util::stream::unfold(start, move |mut walk| async move {
            let after = match std::mem::replace(&mut walk.next, Paged::Done) {
                Paged::Done => return None,
                _ if walk.fetched >= paging.max_pages => return None,
                Paged::First => None,
                Paged::After(cursor) => Some(cursor),
            };
            O::set_page(&mut walk.variables, paging.page_size, after);
            walk.fetched += 1;
            let answer = (walk.fetch)(walk.variables.clone()).await;
            if let Ok(data) = &answer {
                walk.next = O::next_cursor(data).map_or(Paged::Done, Paged::After);
            }
            Some((answer, walk))
        })
    }

    struct Walk<V, F> {
        variables: V,
        fetch: F,
        next: Paged,
        fetched: usize,
    }

    /// What the walk fetches next.
    enum Paged {
        First,
        After(String),
        Done,
    }
}
