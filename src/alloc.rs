//! Options of the memory allocator (mimalloc, the binary's global allocator), set where
//! the work they suit is known.

// mimalloc's own entry point for its options (linked in with it; the `mimalloc` crate
// does not expose it).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
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

/// Memory freed goes back to the system at once rather than 10 ms later: an import reads
/// a document, its tasks' wording, then writes and loads the draft, each step on freshly
/// freed memory of another thread; kept for later, that memory took the import of a
/// document at the 32 MB cap to 354–385 MB, returned at once to 271–293 MB, under the 300 MB
/// issue #12 allows (the 64,000-item import is 9–16 % slower; BENCHMARKS.md, "Twelfth
/// round"). Call before any other thread exists.
pub fn return_freed_memory_at_once() {
    // SAFETY: as above.
    unsafe { mi_option_set(PURGE_DELAY, 0) };
}
