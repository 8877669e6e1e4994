// mimalloc (its v2 line): a large plan is tens of thousands of small strings, read,
// checked and written out again as a report; with the system allocator a quarter of
// that time went to malloc and free. See BENCHMARKS.md for the figures both ways.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    par::alloc::skip_collection_at_exit();
    std::process::exit(par::run());
}
