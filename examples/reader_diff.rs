//! Checks the direct task reader against `toml` on whole plans (development aid):
//! every piece the reader takes must give what `toml` gives, spans included.
//!
//!     cargo run --release --example reader_diff -- plan.toml...
fn main() {
    #[derive(serde::Deserialize, Debug)]
    struct Tasks {
        #[allow(dead_code)]
        task: Vec<toml::Spanned<par::plan::schema::RawTask>>,
    }
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.find("\n[[task]]").map(|i| i + 1).unwrap();
        let mut cuts: Vec<usize> = text.match_indices("\n[[task]]").map(|(i, _)| i + 1).collect();
        cuts.push(text.len());
        let (mut read, mut left, mut differ) = (0, 0, 0);
        let _ = first;
        for w in cuts.windows(2) {
            let piece = &text[w[0]..w[1]];
            match par::plan::task_reader::read_tasks(piece, 0) {
                None => {
                    left += 1;
                    if left <= 3 {
                        eprintln!("left to toml: {}", &piece[..piece.len().min(300)]);
                    }
                }
                Some(got) => {
                    read += 1;
                    let want: Tasks = toml::from_str(piece).unwrap();
                    if format!("{got:?}") != format!("{:?}", want.task) {
                        differ += 1;
                        if differ <= 3 {
                            eprintln!("DIFFER:\n{piece}\nreader: {got:?}\ntoml:   {:?}", want.task);
                        }
                    }
                }
            }
        }
        println!("{path}: {read} read, {left} left to toml, {differ} differ");
    }
}
