//! The catalogue's entries for the office's roll-up warnings (what changes how the figures
//! read) and the phrases said inside other messages (a skipped file's kind, a journal
//! entry's kind, a report's blank parts). A list of their own, so `list.rs` stays
//! readable; `with_office_checks!` hands them on to `with_season_checks!`.

/// `with_season_checks!` with the entries below after the ones given.
macro_rules! with_office_checks {
    ($($rest:tt)*) => {
        with_season_checks! {
            $($rest)*

            // Rollup's warnings (the office): what changes how the figures read, on standard error
            // for the formats that are not a terminal table (and inside the md/html/table outputs).
            RollupSuperseded => {
                vi: "Bản cũ của “{unit}”: {file} — không tính; tính bản {by} ({why})",
                en: "Superseded copy of “{unit}”: {file} — not counted; counted: {by} ({why})"
            },
            ValueSupersededLaterDate => { vi: "có ngày [plan] date muộn hơn", en: "has a later [plan] date" },
            ValueSupersededLaterFileName => {
                vi: "cùng ngày hoặc không ghi ngày; tên tệp xếp sau",
                en: "same or no date; its file name sorts later"
            },
            RollupOtherYear => {
                vi: "Kế hoạch năm {year} “{unit}”: {file} (không tính vào năm {counted})",
                en: "Plan of {year} “{unit}”: {file} (not counted in {counted})"
            },
            RollupEmptyPlan => {
                vi: "“{unit}” gửi kế hoạch trống (không có nhiệm vụ): {file}",
                en: "“{unit}” sent an empty plan (no task): {file}"
            },
            RollupFewerTasks => {
                vi: "“{unit}”: bản được tính {file} ({tasks} nhiệm vụ) ít hơn nhiều so với {other} ({other_tasks}); tệp có thể bị cắt, hãy kiểm tra",
                en: "“{unit}”: the counted copy {file} ({tasks} tasks) has far fewer than {other} ({other_tasks}); the file may be cut short; check it"
            },
            RollupMatchedByName => {
                vi: "“{unit}” khớp danh sách theo tên, mã `{code}`; nên ghi [plan] code trong kế hoạch",
                en: "“{unit}” matched the roster by name, code `{code}`; the plan should carry [plan] code"
            },
            RollupSilent => {
                vi: "“{unit}” không ghi nhận gì trong kỳ (ghi nhận gần nhất: {last})",
                en: "“{unit}” recorded nothing in the period (last entry: {last})"
            },
            RollupMissing => { vi: "Chưa có kế hoạch: {code} “{name}”{parts}", en: "Missing: {code} “{name}”{parts}" },
            ValueMissingSentDocument => {
                vi: " — gửi dạng văn bản, không phải kế hoạch: {files}",
                en: " — sent as a document, not a plan: {files}"
            },
            ValueMissingOtherYear => { vi: " — chỉ có kế hoạch năm khác: {files}", en: " — only a plan of another year: {files}" },
            RollupNotInRoster => {
                vi: "“{unit}”{code} không có trong danh sách đơn vị: {file}",
                en: "“{unit}”{code} is not in the roster: {file}"
            },
            RollupDocument => { vi: "Văn bản, không phải kế hoạch: {file}", en: "A document, not a plan: {file}" },
            // Phrases said inside other messages: a skipped file's kind (`RollupSkipped`), a lost
            // journal entry's kind, the blank parts `report --final` refuses (`ReportHasBlanks`).
            ValueSkipUnreadable => { vi: "không đọc được", en: "unreadable" },
            ValueSkipNotAPlan => { vi: "không phải kế hoạch", en: "not a plan" },
            ValueSkipInvalid => { vi: "kế hoạch có lỗi", en: "invalid plan" },
            RollupNotAPlan => {
                vi: "{file} là TOML nhưng không phải kế hoạch: không có bảng [plan]",
                en: "{file} is TOML but not a plan: it has no [plan] table"
            },
            ValueNoPlanTable => { vi: "không có bảng [plan]", en: "no [plan] table" },
            ValueJournalDone => { vi: "đánh dấu hoàn thành", en: "done mark" },
            ValueJournalLog => { vi: "nhật ký tiến độ", en: "progress entry" },
            ValueJournalMeasure => { vi: "số đo", en: "measurement" },
            ValueBlankNumber => { vi: "số ký hiệu", en: "number" },
            ValueBlankSuperior => { vi: "cơ quan cấp trên", en: "superior body" },
            ValueBlankUnit => { vi: "đơn vị", en: "unit" },
            ValueBlankPlace => { vi: "địa danh", en: "place" },
            ValueBlankAddressee => { vi: "kính gửi", en: "addressee" },
            ValueBlankRecipients => { vi: "nơi nhận", en: "recipients" },
            ValueBlankSigner => { vi: "người ký", en: "signer" },
            ValueBlankSignerPosition => { vi: "chức vụ người ký", en: "signer's position" },
        }
    };
}
