//! User Timing marks around start-up and the store's work, so the benchmark
//! (and the browser's performance panel) can see how long mounting the app,
//! reading the plan, and loading and saving the record take in a real page.
//! Costs two calls per save.

/// Runs `work` and records it as the performance measure `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    // Only the measurement is lost if these fail; never the work.
    let marked = performance.as_ref().is_some_and(|p| p.mark(&start).is_ok());
    let out = work();
    if let (Some(p), true) = (performance, marked) {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}
