//! Writes a synthetic plan document of about N pages (Markdown, the form of the seed
//! plan) for measuring `par import`: `cargo run --example gen_document -- 50 > plan-50p.md`.
//!
//! A page is taken as 3,000 characters, about what an A4 page of a Vietnamese
//! administrative document holds in 13-14 pt Times New Roman. The text mixes the
//! wordings the importer reads: owners, deadlines, recurrences, cited documents.

/// A plan of about `pages` pages.
pub fn plan(pages: usize) -> String {
    let target = pages * 3000;
    let mut s = String::with_capacity(target + 4096);
    s.push_str(
        "ỦY BAN NHÂN DÂN QUẬN 1\n**TRƯỜNG TIỂU HỌC THỬ NGHIỆM**\n\nSố: 99/KH-TN\n\n*Quận 1, ngày 02 tháng 6 năm 2025*\n\n## KẾ HOẠCH\n\n### Về khắc phục, cải thiện Chỉ số cải cách hành chính năm 2025\n\n",
    );
    for i in 1..=6 {
        s.push_str(&format!(
            "Thực hiện Kế hoạch số {}/KH-UBND ngày {} tháng {} năm 2025 của Ủy ban nhân dân Quận 1 về thực hiện công tác cải cách hành chính năm 2025, đợt {i};\n\n",
            100 + i,
            10 + i,
            i
        ));
    }
    s.push_str("#### I. MỤC ĐÍCH YÊU CẦU\n\n");
    for i in 1..=5 {
        s.push_str(&format!(
            "- Mục đích thứ {i}: khắc phục các hạn chế của Chỉ số cải cách hành chính năm 2024, nâng cao sự hài lòng của người dân.\n"
        ));
    }
    const ROMAN: [&str; 10] = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"];
    let owners = ["Phòng Nội vụ", "Văn phòng HĐND-UBND", "Tổ Văn phòng", "Hiệu trưởng", "Phó Hiệu trưởng"];
    let times = [
        "hoàn thành trước ngày 30 tháng 9 năm 2025",
        "báo cáo hằng tháng, trước ngày 25",
        "trong mỗi quý",
        "thường xuyên",
        "định kỳ 6 tháng",
        "trong quý IV/2025",
        "từ ngày 01/7/2025 đến ngày 15/11/2025",
        "hằng năm",
    ];
    let mut n = 0;
    let mut section = 0;
    while s.len() < target {
        let roman = ROMAN[section % ROMAN.len()];
        let suffix = if section >= ROMAN.len() { format!(" (phần {})", section + 1) } else { String::new() };
        s.push_str(&format!("\n### {roman}. NHIỆM VỤ VÀ GIẢI PHÁP NHÓM {}{suffix}\n\n", section + 1));
        for sub in 1..=4 {
            s.push_str(&format!("{sub}. Lĩnh vực {sub} của nhóm {}\n\n", section + 1));
            for letter in ["a", "b", "c", "d", "đ", "e"] {
                n += 1;
                let owner = owners[n % owners.len()];
                let support = owners[(n + 2) % owners.len()];
                let when = times[n % times.len()];
                s.push_str(&format!(
                    "{letter}) {owner} chủ trì, phối hợp {support} rà soát, cập nhật và niêm yết công khai thủ tục hành chính số {n} theo Quyết định số {n}/QĐ-UBND ngày 12/5/2025 của Ủy ban nhân dân Thành phố về công bố danh mục thủ tục hành chính; {when}; bảo đảm tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%.\n\n"
                ));
                if n % 3 == 0 {
                    s.push_str("- Lập danh sách hồ sơ cần rà soát, phân công người thực hiện;\n- Tổng hợp kết quả, báo cáo người đứng đầu đơn vị.\n\n");
                }
            }
        }
        section += 1;
    }
    s.push_str("\nTrên đây là Kế hoạch của trường, đề nghị CB-GV-NV trường nghiêm túc thực hiện./.\n\n**Nơi nhận:**\n\n- Phòng Nội vụ Quận 1;\n- Lưu: VT.\n\n**HIỆU TRƯỞNG**\n\nNguyễn Văn Thử\n");
    s
}

#[allow(dead_code)]
fn main() {
    let pages = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    print!("{}", plan(pages));
}
