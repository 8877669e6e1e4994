fn main() {
    std::process::exit(par::run());
}
