//! Writes a large plan for benchmarks: the seed plan's header (metadata, owners,
//! sections) and its ten tasks repeated, with ids made unique, until N tasks.
//!
//!     cargo run --release --example gen_plan -- 10000 > /tmp/plan-10k.toml
//!
//! Task `4.k` (k = 1…) is quarterly with Q2 and Q3 done, so `par done 4.k` marks Q4.
//!
//! With `--lean`, the tasks are instead one-off tasks `1`…`N` holding what a
//! Taskwarrior task holds (a one-line title, a section, an owner, a due date), for
//! comparing with `task N done` on the same tasks:
//!
//!     cargo run --release --example gen_plan -- 10000 --lean > /tmp/plan-10k-lean.toml

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let lean = std::env::args().any(|a| a == "--lean");
    let seed = include_str!("../plan.toml");
    let first = seed.find("\n[[task]]\n").expect("the seed plan has tasks") + 1;
    let (head, tasks) = seed.split_at(first);
    if lean {
        let owners = ["ht", "pht", "cchc", "vt", "cntt"];
        let mut out = String::from(head);
        for i in 1..=n {
            out.push_str(&format!(
                "[[task]]\nid = \"{i}\"\nsection = \"II\"\ntitle = \"Nhiệm vụ số {i}: chấn chỉnh việc xử lý trễ hạn ý kiến người dân\"\nowner = \"{}\"\ndue = 2025-12-31\n\n",
                owners[i % owners.len()]
            ));
        }
        print!("{out}");
        return;
    }
    let blocks: Vec<&str> = tasks.split_inclusive("\n[[task]]\n").collect();
    let mut out = String::with_capacity(head.len() + n * tasks.len() / 10 + 1024);
    out.push_str(head);
    let mut written = 0;
    'outer: for round in 1.. {
        for (i, block) in blocks.iter().enumerate() {
            if written == n {
                break 'outer;
            }
            // Each piece but the first starts after "[[task]]\n" and ends with the next header.
            let body = block.strip_suffix("[[task]]\n").unwrap_or(block);
            let body = if i == 0 { body.strip_prefix("[[task]]\n").unwrap_or(body) } else { body };
            out.push_str("[[task]]\n");
            for line in body.split_inclusive('\n') {
                match line.strip_prefix("id = \"").and_then(|r| r.strip_suffix("\"\n")) {
                    Some(id) => out.push_str(&format!("id = \"{id}.{round}\"\n")),
                    None => out.push_str(line),
                }
            }
            if !out.ends_with("\n\n") {
                out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
            }
            written += 1;
        }
    }
    print!("{out}");
}
