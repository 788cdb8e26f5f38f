//! Spreading independent, numbered pieces of work over the machine's cores.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `work(&state, index)` for every index below `count` on up to one thread per
/// core. Each thread makes its own `state` with `init` (for what cannot cross
/// threads, such as token streams). Results come back in index order whatever the
/// number of threads; a panic in a worker resumes on the caller's thread.
pub(crate) fn map_indices<S, R: Send>(
    count: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&S, usize) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(count);
    let next = AtomicUsize::new(0);
    let run = || {
        let state = init();
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            if index >= count {
                return done;
            }
            done.push((index, work(&state, index)));
        }
    };
    let mut results: Vec<(usize, R)> = if threads <= 1 {
        run()
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads).map(|_| scope.spawn(run)).collect();
            workers
                .into_iter()
                .flat_map(|worker| {
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        })
    };
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_in_index_order_and_every_index_runs_once() {
        let results = map_indices(1000, || (), |(), index| index * 2);
        assert_eq!(
            results,
            (0..1000).map(|index| index * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn no_work_gives_no_results() {
        assert_eq!(
            map_indices(0, || (), |(), index| index),
            Vec::<usize>::new()
        );
    }
}
