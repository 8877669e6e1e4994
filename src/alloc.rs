//! Options of the memory allocator (mimalloc, the binary's global allocator), set where
//! the work they suit is known.

// mimalloc's own entry points for its options and for returning memory (the `mimalloc`
// crate does not expose them). The crate is linked from here too, not only where main.rs
// makes it the allocator: programs built on this library (the tests) need its symbols.
extern crate mimalloc as _;

unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    fn mi_collect(force: bool);
}

/// Indexes in mimalloc v2's `mi_option_t` (include/mimalloc.h of libmimalloc-sys 0.1.49,
/// the locked version; look again when it changes).
const PURGE_DELAY: std::ffi::c_int = 15;
const DESTROY_ON_EXIT: std::ffi::c_int = 22;

/// At exit mimalloc would first gather every page freed by other threads and hand its
/// memory back to the system, one range at a time: after a large import, a hundredth of
/// the run for memory the system takes back anyway. A value above 1 skips that
/// (`_mi_auto_process_done`); nothing runs after `exit` that needs it. Call before any
/// other thread exists.
pub fn skip_collection_at_exit() {
    // SAFETY: an option set while this is the only thread, as mimalloc asks.
    unsafe { mi_option_set(DESTROY_ON_EXIT, 2) };
}

/// From now on, memory freed goes back to the system at once rather than 10 ms later, and
/// what is held freed now goes back too. `par import` has this done once every task's
/// wording is read ([`par_import::when_tasks_are_read`]): it then writes the draft, frees it
/// and loads it back, each step on freshly freed memory of another thread; kept for later,
/// that memory took the import of a document at the 32 MB cap to 354–385 MB, returned at
/// once under the 300 MB issue #12 allows. Before that point mimalloc's delay stays: the
/// threads reading the tasks' wording reuse the memory they free, with half the page faults
/// of returning it at once (BENCHMARKS.md, "Thirteenth round"). Call when no other thread
/// runs (mimalloc's options are not meant to change under running threads).
pub fn return_freed_memory_at_once() {
    // SAFETY: an option set while this is the only thread, as mimalloc asks.
    unsafe { mi_option_set(PURGE_DELAY, 0) };
    return_freed_memory_now();
}

/// Returns to the system now the memory freed so far, including what threads that have
/// ended still held (mimalloc takes that back only when a living thread collects it, forced,
/// on the main thread). `par import` calls it between freeing a large draft and loading it
/// back (BENCHMARKS.md, "Thirteenth round").
pub fn return_freed_memory_now() {
    // SAFETY: a public entry point of mimalloc, callable from any thread at any time.
    unsafe { mi_collect(true) };
}
