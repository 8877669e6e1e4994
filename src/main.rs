// mimalloc (its v2 line): a large plan is tens of thousands of small strings, read,
// checked and written out again as a report; with the system allocator a quarter of
// that time went to malloc and free. See BENCHMARKS.md for the figures both ways.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's own entry point for its options (linked in with it; the `mimalloc` crate
// does not expose it).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_destroy_on_exit` in mimalloc v2's `mi_option_t` (include/mimalloc.h of
/// libmimalloc-sys 0.1.49, the locked version; look again when it changes).
const MI_OPTION_DESTROY_ON_EXIT: std::ffi::c_int = 22;

fn main() {
    // At exit mimalloc would first gather every page freed by other threads and hand its
    // memory back to the system, one range at a time: after a large import, a hundredth
    // of the run for memory the system takes back anyway. A value above 1 skips that
    // (`_mi_auto_process_done`); nothing runs after `exit` that needs it.
    // SAFETY: an option set before any other thread exists, as mimalloc asks.
    unsafe { mi_option_set(MI_OPTION_DESTROY_ON_EXIT, 2) };
    std::process::exit(par::run());
}
