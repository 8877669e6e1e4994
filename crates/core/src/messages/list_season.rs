//! The catalogue's entries for the self-assessment season (`par assess`, its outputs and
//! dossier, issue #16) and for the forms plan documents arrive in (PDF, Excel, issue #15).
//! A list of their own, so `list.rs` stays readable; `with_season_checks!` hands them on
//! to `with_plan_checks!`, which hands every list to `messages!` as one.

/// `with_plan_checks!` with the entries below after the ones given.
macro_rules! with_season_checks {
    ($($rest:tt)*) => {
        with_plan_checks! {
            $($rest)*

            // --- assess outputs (#16, s15-assessout): `par assess pack`, the dossier ---
            AssessPackOutside => {
                vi: "tài liệu kiểm chứng `{file}` (tiêu chí {code}) nằm ngoài thư mục của kế hoạch; không ghi gì",
                en: "the evidence file `{file}` (criterion {code}) is outside the plan's folder; nothing was written"
            },
            AssessPackOutsideHelp => {
                vi: "chép tệp vào thư mục của kế hoạch và sửa đường dẫn, hoặc thêm --allow-outside để vẫn đóng gói nó",
                en: "copy the file into the plan's folder and fix the reference, or add --allow-outside to pack it anyway"
            },
            AssessPackUnreadable => {
                vi: "không đọc được tài liệu kiểm chứng `{file}` (tiêu chí {code}): {reason}; không ghi gì",
                en: "cannot read the evidence file `{file}` (criterion {code}): {reason}; nothing was written"
            },
            AssessPackUnreadableHelp => {
                vi: "sửa quyền đọc hoặc đường dẫn của tệp (`par assess score {code} … --evidence`), rồi đóng gói lại",
                en: "fix the file's permissions or its reference (`par assess score {code} … --evidence`), then pack again"
            },
            AssessPackMissing => {
                vi: "thiếu tài liệu kiểm chứng `{file}` (tiêu chí {code}): không có tệp này; đã ghi tên vào MISSING trong hồ sơ",
                en: "missing evidence file `{file}` (criterion {code}): no such file; listed in MISSING in the dossier"
            },
            AssessPackBuild [unreachable: "the zip of bytes already in memory failing to build"] => {
                vi: "không tạo được hồ sơ {file}: {reason}",
                en: "cannot build the dossier {file}: {reason}"
            },
            WroteDossier => {
                vi: "Đã ghi hồ sơ tự đánh giá vào {file}: bảng (docx, xlsx), danh mục tài liệu, {count} tệp kiểm chứng, {missing} tệp thiếu, SHA256SUMS",
                en: "Wrote the self-assessment dossier to {file}: the table (docx, xlsx), the evidence list, {count} evidence files, {missing} missing, SHA256SUMS"
            },

            // --- assess (#16): criteria sets, the crosswalk, scores and `par assess` ---
            KnownKeywords => { vi: "dùng một trong: {keywords}", en: "use one of: {keywords}" },
            DidYouMeanCode => { vi: "có phải ý bạn là `{code}`?", en: "did you mean `{code}`?" },
            SetKindUnknown => {
                vi: "loại bộ tiêu chí `{kind}` không có (kind)",
                en: "unknown kind of criteria set `{kind}` (kind)"
            },
            RescaleUnknown => {
                vi: "cách quy đổi điểm `{method}` không có (rescale)",
                en: "unknown rescaling method `{method}` (rescale)"
            },
            ScoringUnknown => {
                vi: "cách chấm `{scoring}` không có (scoring)",
                en: "unknown way of scoring `{scoring}` (scoring)"
            },
            ScoringConflictsSurvey => {
                vi: "tiêu chí `{code}` ghi survey = true nhưng scoring lại khác \"survey\"",
                en: "criterion `{code}` says survey = true but its scoring is not \"survey\""
            },
            SetAndTree => {
                vi: "[index] chọn bộ tiêu chí bằng `set` nhưng cũng có `file` hoặc [[index.criterion]]",
                en: "[index] chooses a criteria set with `set` but also has `file` or [[index.criterion]]"
            },
            SetAndTreeHelp => {
                vi: "giữ một cách: `set = \"…\"` (bộ có sẵn hoặc tệp), hoặc cây [[index.criterion]] trong kế hoạch",
                en: "keep one way: `set = \"…\"` (a shipped set or a file), or the [[index.criterion]] tree in the plan"
            },
            SetIsStructure => {
                vi: "bộ `{set}` chỉ là cấu trúc 8 lĩnh vực, chưa có tiêu chí và điểm số, nên không dùng trực tiếp được",
                en: "the set `{set}` is the eight-area structure without criteria or points, so it cannot be used as it is"
            },
            SetIsStructureHelp => {
                vi: "chép nó ra (par assess sets {set} > tieu-chi-tinh.toml), thêm tiêu chí và điểm theo quyết định của tỉnh, rồi ghi set = \"tieu-chi-tinh.toml\"",
                en: "copy it (par assess sets {set} > province-set.toml), add the criteria and points of your province's decision, then write set = \"province-set.toml\""
            },
            CrosswalkToUnknown => {
                vi: "[[index.crosswalk]] chuyển sang mã `{to}`, nhưng bộ tiêu chí không có mã này",
                en: "[[index.crosswalk]] maps to `{to}`, but the criteria set has no such code"
            },
            CrosswalkToUnknownHelp => {
                vi: "`to` là mã của bộ tiêu chí năm nay; `from` là mã năm trước, ví dụ from = \"2024:3.2\"",
                en: "`to` is a code of this year's set; `from` is last year's code, e.g. from = \"2024:3.2\""
            },
            CrosswalkFromEmpty => {
                vi: "[[index.crosswalk]] có `from` = `{from}` không ghi mã",
                en: "[[index.crosswalk]] has `from` = `{from}` without a code"
            },
            AssessWithoutIndex => {
                vi: "kế hoạch có [[assess.score]] hoặc [[assess.na]] nhưng không có [index]",
                en: "the plan has [[assess.score]] or [[assess.na]] but no [index]"
            },
            AssessWithoutIndexHelp => {
                vi: "thêm [index] (set = \"…\" hoặc các [[index.criterion]]), xem README \"Mùa tự đánh giá\"",
                en: "add [index] (set = \"…\" or [[index.criterion]] tables), see README \"Self-assessment season\""
            },
            AssessCodeUnknown => {
                vi: "bộ tiêu chí không có mã `{code}`",
                en: "the criteria set has no code `{code}`"
            },
            AssessScoredTwice => {
                vi: "tiêu chí `{code}` được chấm hai lần ([[assess.score]])",
                en: "criterion `{code}` is scored twice ([[assess.score]])"
            },
            AssessScoreParent => {
                vi: "`{code}` có tiêu chí thành phần; điểm của nó là tổng các thành phần",
                en: "`{code}` has parts; its score is the sum of its parts"
            },
            AssessScoreParentHelp => {
                vi: "chấm từng tiêu chí thành phần",
                en: "score each of its parts"
            },
            AssessScoreSurvey => {
                vi: "tiêu chí `{code}` chấm qua khảo sát người dân, đơn vị không tự chấm",
                en: "criterion `{code}` is scored by a citizen survey, not by the unit"
            },
            AssessPointsOutOfRange => {
                vi: "điểm của `{code}` ({points}) phải từ 0 đến điểm tối đa {max}",
                en: "the points of `{code}` ({points}) must be from 0 to its maximum {max}"
            },
            AssessNaTwice => {
                vi: "tiêu chí `{code}` được ghi không áp dụng hai lần ([[assess.na]])",
                en: "criterion `{code}` is marked not applicable twice ([[assess.na]])"
            },
            AssessScoredAndNa => {
                vi: "tiêu chí `{code}` vừa có điểm vừa được ghi không áp dụng",
                en: "criterion `{code}` is both scored and marked not applicable"
            },
            AssessScoreParts => { vi: "chấm từng tiêu chí thành phần: {parts}", en: "score each of its parts: {parts}" },
            AssessScoreSurveyHelp => {
                vi: "điểm khảo sát do cơ quan đánh giá công bố; bảng tự đánh giá để trống và không tính vào điểm tự chấm",
                en: "survey scores are published by the assessing body; the self-assessment leaves them out of the self-score"
            },
            AssessScoreNa => {
                vi: "tiêu chí `{code}` đang được ghi không áp dụng",
                en: "criterion `{code}` is marked not applicable"
            },
            AssessScoreNaHelp => {
                vi: "bỏ ghi trước: par assess na {code} --undo",
                en: "take the mark off first: par assess na {code} --undo"
            },
            AssessPointsNotNumber => {
                vi: "`{typed}` không phải số điểm; ví dụ: 2, 1,5 hoặc 1.5",
                en: "`{typed}` is not a number of points; e.g. 2, 1.5 or 1,5"
            },
            AssessPointsNegative => {
                vi: "điểm của tiêu chí `{code}` không được âm ({points})",
                en: "the points of criterion `{code}` cannot be negative ({points})"
            },
            AssessPointsAboveMax => {
                vi: "điểm {points} vượt điểm tối đa {max} của tiêu chí `{code}`",
                en: "{points} points is above the maximum {max} of criterion `{code}`"
            },
            AssessEvidenceOutside => {
                vi: "tài liệu kiểm chứng `{path}` nằm ngoài thư mục của kế hoạch",
                en: "the evidence file `{path}` lies outside the plan's folder"
            },
            AssessEvidenceOutsideHelp => {
                vi: "chép tệp vào thư mục kế hoạch (ví dụ tai-lieu/) và ghi đường dẫn tương đối, hoặc thêm --allow-outside",
                en: "copy the file into the plan's folder (e.g. evidence/) and give its relative path, or add --allow-outside"
            },
            AssessEvidenceOutsideWindow => {
                vi: "tài liệu «{evidence}» ghi ngày {date}, ngoài kỳ đánh giá {from} – {to}",
                en: "the evidence \"{evidence}\" is dated {date}, outside the assessment window {from} – {to}"
            },
            AssessNaNeedsReason => {
                vi: "ghi lý do không áp dụng với --reason, ví dụ --reason \"Đơn vị không có thủ tục hành chính\"",
                en: "say why it does not apply with --reason, e.g. --reason \"The unit handles no administrative procedures\""
            },
            AssessNaNothingToUndo => {
                vi: "tiêu chí `{code}` chưa được ghi không áp dụng",
                en: "criterion `{code}` is not marked not applicable"
            },
            AssessNaScored => {
                vi: "tiêu chí `{code}` (hoặc tiêu chí thành phần của nó) đã có điểm tự chấm",
                en: "criterion `{code}` (or one of its parts) already has a self-score"
            },
            AssessNaScoredHelp => {
                vi: "xóa bảng [[assess.score]] của {code} trong plan.toml trước",
                en: "remove the [[assess.score]] table of {code} from plan.toml first"
            },
            AssessTablesNotFound => {
                vi: "par không tìm thấy các bảng [[assess…]] trong {path} (viết dạng bảng nội dòng?)",
                en: "par cannot find the [[assess…]] tables in {path} (written as an inline array?)"
            },
            AssessNotPlaced [unreachable: "a bug guard: the written table failing to read back as meant"] => {
                vi: "par không ghép được điểm vào tệp kế hoạch; không ghi gì (xin báo lỗi này)",
                en: "par could not place the score in the plan file; nothing was written (please report this)"
            },
            AssessSetUnknown => {
                vi: "không có bộ tiêu chí có sẵn tên `{name}`",
                en: "no shipped criteria set is named `{name}`"
            },
            AssessFinalNeedsExplanation => {
                vi: "các tiêu chí cần giải trình (dưới điểm tối đa hoặc chưa có tài liệu kiểm chứng): {codes}",
                en: "criteria that need an explanation (below their maximum or without evidence): {codes}"
            },
            AssessFinalUnscored => {
                vi: "các tiêu chí chưa chấm: {codes}",
                en: "criteria not scored yet: {codes}"
            },
            AssessFinalHelp => {
                vi: "par assess score MÃ ĐIỂM --explain \"…\" cho từng tiêu chí, hoặc par assess na MÃ --reason \"…\"",
                en: "par assess score CODE POINTS --explain \"…\" for each, or par assess na CODE --reason \"…\""
            },

            // --- import: the forms plans arrive in (#15) ---
            ImportScannedPdf => {
                vi: "{file} là tệp PDF không có lớp chữ (bản quét, chỉ có hình ảnh): par không đọc được chữ trong ảnh",
                en: "{file} is a PDF without a text layer (a scan, images only): par cannot read text in images"
            },
            ImportScannedPdfHelp => {
                vi: "nhận dạng chữ (OCR) rồi lưu thành PDF có lớp chữ hoặc .docx, hoặc tải bản .docx của văn bản từ hệ thống quản lý văn bản (e-office), sau đó chạy lại `par import`",
                en: "run OCR on it and save it as a PDF with text or as .docx, or download the document's .docx from the e-office system, then run `par import` again"
            },
            ImportCorruptPdf => {
                vi: "{file} không phải tệp PDF đọc được (tệp hỏng hoặc bị cắt: {reason})",
                en: "{file} is not a readable PDF (damaged or truncated: {reason})"
            },
            ImportCorruptPdfHelp => {
                vi: "tải lại tệp từ hệ thống quản lý văn bản, hoặc mở bằng Word (hoặc LibreOffice) rồi lưu dạng .docx hoặc .txt, sau đó chạy lại `par import`",
                en: "download the file again from the e-office system, or open it in Word (or LibreOffice) and Save As .docx, or as .txt, then run `par import` again"
            },
            ImportCorruptXlsx => {
                vi: "{file} không phải tệp Excel .xlsx hợp lệ (tệp hỏng hoặc bị cắt: {reason})",
                en: "{file} is not a valid Excel .xlsx file (damaged or truncated: {reason})"
            },
            ImportCorruptXlsxHelp => {
                vi: "mở bằng Excel (hoặc LibreOffice Calc) và lưu lại thành tệp .xlsx mới",
                en: "open it in Excel (or LibreOffice Calc) and save it again as a new .xlsx file"
            },
        }
    };
}
