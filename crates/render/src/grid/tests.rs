//! The fast drawing against comfy-table, the reference it must match byte for byte.

use super::*;
use crate::i18n::Lang;

fn grid(rows: &[[&str; 3]]) -> Grid {
    let mut g = Grid::new(&["Mã", "Nội dung", "Số ngày trễ"]).align_right(2);
    for r in rows {
        g.row([(r[0], Some(Status::Overdue)), (r[1], None), (r[2], Some(Status::Open))]);
    }
    g
}

/// The fast drawing gives comfy-table's bytes exactly.
#[test]
fn plain_matches_comfy_table() {
    let s = Style { lang: Lang::Vi, color: false, width: None };
    let cases: &[&[[&str; 3]]] = &[
        &[["4@2025-Q3", "Chấn chỉnh việc xử lý trễ hạn ý kiến người dân", "12"]],
        &[
            ["1", "", "0"],
            ["III.2", "Xây dựng Kế hoạch khắc phục hạn chế Chỉ số CCHC; gửi UBND Quận 1 trước…", "1234"],
            ["x", "日本語 wide ｗｉｄｅ and e\u{301} combining", ""],
        ],
        &[["", "", ""]],
    ];
    for rows in cases {
        let g = grid(rows);
        assert_eq!(g.plain(), g.comfy(&s), "rows: {rows:?}");
        assert_eq!(g.text(&s), g.comfy(&s));
    }
}

#[test]
fn one_column_characters_are_one_column() {
    let all: String = (' '..='\u{1fff}').filter(|&c| one_column(c)).collect();
    for c in all.chars() {
        assert_eq!(c.to_string().width(), 1, "{c:?}");
    }
    // Runs of them too: unicode-width counts some sequences specially.
    let chars: Vec<char> = all.chars().collect();
    let mut seed = 7usize;
    for _ in 0..2000 {
        let s: String = (0..12)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                chars[(seed >> 33) % chars.len()]
            })
            .collect();
        assert_eq!(display_width(&s), s.width(), "{s:?}");
    }
    assert_eq!(display_width("日本"), 4);
}

/// With colour, the cells are comfy-table's as `Style::num` and `status_cell` make them.
#[test]
fn paints_like_the_style() {
    let s = Style { lang: Lang::Vi, color: true, width: None };
    let mut g = Grid::new(&["a", "b", "c"]).align_right(1).align_right(2);
    g.row([("x", Paint::Status(Status::Overdue)), ("3", Paint::Alarm), ("0", Paint::Plain)]);
    let mut t = s.table(&["a", "b", "c"]);
    t.add_row(vec![s.status_cell(Status::Overdue, "x"), s.num(3, true), s.num(0, true)]);
    assert_eq!(g.text(&s), crate::render::table_text(&t));
}

#[test]
fn styled_or_fitted_goes_through_comfy_table() {
    let g = grid(&[["1", "a", "2"]]);
    let colour = Style { lang: Lang::Vi, color: true, width: None };
    assert!(g.text(&colour).contains("\x1b["));
    let narrow = Style { lang: Lang::Vi, color: false, width: Some(30) };
    assert_eq!(g.text(&narrow), g.comfy(&narrow));
}
