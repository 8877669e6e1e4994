//! The catalogue's entries (see the module above for how to add one).

use crate::i18n::Lang;

messages! {
    // Labels of the lines below a message.
    LabelHelp => { vi: "gợi ý", en: "help" },
    LabelNote => { vi: "lưu ý", en: "note" },
    LabelWarning => { vi: "cảnh báo", en: "warning" },

    // Starting up: the command line and the current folder.
    BadToday => { vi: "--today / PAR_TODAY: {reason}", en: "--today / PAR_TODAY: {reason}" },
    NoCurrentFolder [unreachable: "needs a current folder deleted under par, which a test cannot do portably"] => {
        vi: "không đọc được thư mục hiện tại: {reason}",
        en: "cannot read the current folder: {reason}"
    },
    CannotWriteOutput [unreachable: "standard output failing other than a closed pipe (a full disk behind a redirection)"] => {
        vi: "không ghi được kết quả ra: {reason}",
        en: "cannot write the output: {reason}"
    },

    // Finding and reading the plan.
    NoPlan => {
        vi: "không có plan.toml trong {dir} hay thư mục cha nào",
        en: "no plan.toml in {dir} or any parent folder"
    },
    NoPlanHelp => {
        vi: "chỉ tệp bằng -f TỆP, đặt PAR_FILE, hoặc tạo kế hoạch mới bằng `par init`",
        en: "pass the file with -f FILE, set PAR_FILE, or create one with `par init`"
    },
    CannotRead => { vi: "không đọc được {file}: {reason}", en: "cannot read {file}: {reason}" },
    NoMemoryFor [unreachable: "needs the allocator to fail on a file under the size cap"] => {
        vi: "không đủ bộ nhớ cho {file}: {reason}",
        en: "not enough memory for {file}: {reason}"
    },
    IndexFileNamed => {
        vi: "tệp chỉ số {file} (khai trong {plan})",
        en: "the index file {file} named in {plan}"
    },
    ReadNotFound => { vi: "không có tệp hay thư mục này", en: "no such file or folder" },
    ReadDenied => { vi: "không có quyền đọc", en: "permission denied" },
    IoDenied => { vi: "không có quyền", en: "permission denied" },
    IoDiskFull => { vi: "ổ đĩa đã đầy", en: "the disk is full" },
    IoReadOnly => { vi: "hệ thống tệp chỉ cho đọc", en: "the file system is read-only" },
    ReadIsFolder => { vi: "đây là thư mục, không phải tệp", en: "it is a folder, not a file" },
    ReadNotRegular => { vi: "đây là {what}, không phải tệp thường", en: "it is {what}, not a regular file" },
    ReadTooLarge => { vi: "tệp lớn {size} MB, quá giới hạn {cap} MB", en: "it is {size} MB, over the {cap} MB limit" },
    ReadTooLargeUnsized [unreachable: "a file that grows past the cap while it is read"] => {
        vi: "tệp lớn hơn giới hạn {cap} MB",
        en: "it is larger than the {cap} MB limit"
    },
    ReadNoMemory [unreachable: "needs the allocator to fail on a file under the size cap"] => {
        vi: "không đủ bộ nhớ để đọc {size} MB",
        en: "not enough memory to read {size} MB"
    },
    ReadIoHelp => { vi: "kiểm tra tên tệp và quyền đọc", en: "check the file's name and permissions" },
    ReadNotRegularHelp => {
        vi: "par chỉ đọc tệp thường; lưu nội dung thành tệp rồi chỉ tên tệp đó",
        en: "par reads regular files only; save the content to a file and name that file"
    },
    ReadTooLargeHelp => {
        vi: "kiểm tra đúng là tệp cần đọc; kế hoạch và văn bản kế hoạch chỉ vài MB",
        en: "check that this is the file meant; plans and plan documents are a few megabytes"
    },
    ReadNoMemoryHelp [unreachable: "needs the allocator to fail on a file under the size cap"] => {
        vi: "đóng bớt chương trình khác rồi chạy lại, hoặc kiểm tra đúng là tệp cần đọc",
        en: "close other programs and run par again, or check that this is the file meant"
    },
    Utf16 => { vi: "là văn bản UTF-16; par đọc UTF-8", en: "is UTF-16 text; par reads UTF-8" },
    Utf16Help => {
        vi: "trong Notepad chọn File › Save as › Encoding: UTF-8, hoặc chạy: iconv -f UTF-16 -t UTF-8 {file} > plan-utf8.toml",
        en: "in Notepad choose File › Save as › Encoding: UTF-8, or run: iconv -f UTF-16 -t UTF-8 {file} > plan-utf8.toml"
    },
    NotUtf8 => { vi: "tệp không phải văn bản UTF-8 (byte 0x{byte})", en: "the file is not UTF-8 text (byte 0x{byte})" },
    NotUtf8Help => {
        vi: "lưu lại dưới dạng UTF-8; tệp từ các bộ gõ cũ TCVN3 hay VNI cần chuyển mã (ví dụ bằng công cụ chuyển mã của Unikey)",
        en: "save it as UTF-8; files from old Vietnamese tools in TCVN3 or VNI need converting (e.g. with Unikey's converter)"
    },

    // A plan's diagnostics, as a compiler shows them.
    ManyProblems => { vi: "{file} có {count} lỗi:", en: "{file} has {count} problems:" },
    MoreProblems => {
        vi: "… và {count} lỗi nữa; sửa các lỗi trên trước rồi chạy lại par",
        en: "… and {count} more; fix these first, then run par again"
    },
    FirstUsedHere => { vi: "{place}: dùng lần đầu ở đây", en: "{place}: first used here" },
    LimitDepth => {
        vi: "mảng hoặc bảng lồng nhau quá {max} tầng",
        en: "arrays or tables nested more than {max} deep"
    },
    LimitDepthHelp => {
        vi: "kế hoạch chỉ lồng 1–2 tầng; kiểm tra dấu [ và {{ thừa ở đây",
        en: "a plan nests one or two deep; look for stray [ and {{ here"
    },
    LimitTasks => { vi: "hơn {max} nhiệm vụ", en: "more than {max} tasks" },
    LimitTasksHelp => {
        vi: "tách kế hoạch thành nhiều tệp (mỗi đơn vị một tệp)",
        en: "split the plan into several files (one per unit)"
    },
    LimitValues => { vi: "quá nhiều giá trị so với cỡ tệp", en: "too many values for the file's size" },
    LimitValuesHelp => {
        vi: "đây không giống một kế hoạch (hàng triệu giá trị ngắn); kiểm tra đúng tệp",
        en: "this does not look like a plan (millions of tiny values); check it is the right file"
    },

    // TOML the toml crate could not read: a leading message and a hint in the user's
    // language for the usual slips, the crate's own English words quoted after.
    TomlSyntax => { vi: "cú pháp TOML sai ({detail})", en: "TOML syntax error ({detail})" },
    TomlUnquotedDate => {
        vi: "ngày viết dạng ngày/tháng/năm phải nằm trong ngoặc kép",
        en: "a date written day/month/year must be in quotes"
    },
    TomlUnquotedDateHelp => {
        vi: "viết {iso} hoặc \"{typed}\"",
        en: "write {iso} or \"{typed}\""
    },
    TomlCurlyQuotes => {
        vi: "dấu ngoặc kép cong (“ ” ‘ ’), thường do dán từ Word",
        en: "curly quotes (“ ” ‘ ’), usually pasted from Word"
    },
    TomlCurlyQuotesHelp => {
        vi: "thay chúng bằng dấu ngoặc kép thẳng \"; tắt \"smart quotes\" trong trình soạn thảo",
        en: "replace them with straight quotes \"; turn off \"smart quotes\" in the editor"
    },
    TomlUnclosedString => { vi: "thiếu dấu ngoặc kép đóng chuỗi", en: "a string is missing its closing quote" },
    TomlUnclosedStringHelp => {
        vi: "thêm \" ở cuối giá trị trên dòng này",
        en: "add \" at the end of the value on this line"
    },
    TomlMissingEquals => { vi: "thiếu dấu = giữa khóa và giá trị", en: "the `=` between key and value is missing" },
    TomlMissingEqualsHelp => {
        vi: "viết khóa = giá trị, ví dụ title = \"…\"",
        en: "write key = value, e.g. title = \"…\""
    },
    TomlUnquotedText => { vi: "giá trị chữ phải nằm trong ngoặc kép", en: "text values must be in quotes" },
    TomlUnquotedTextHelp => { vi: "viết \"…\" quanh giá trị", en: "put \"…\" around the value" },
    UnknownKey => { vi: "khóa lạ `{key}`", en: "unknown key `{key}`" },
    DidYouMeanKey => { vi: "ý bạn là `{key}`?", en: "did you mean `{key}`?" },
    KnownKeys => { vi: "các khóa dùng được ở đây: {keys}", en: "known keys here: {keys}" },
    NumberTooLarge => { vi: "số này quá lớn", en: "this number is too large" },
    NumberTooLargeHelp => {
        vi: "số nguyên ở đây là số ngày, năm hoặc số lượng; kiểm tra lỗi gõ",
        en: "whole numbers here are days, years or counts; check for a typing slip"
    },
    NoPlanTable => { vi: "tệp không có bảng [plan]", en: "the file has no [plan] table" },
    NoPlanTableHelp => {
        vi: "kế hoạch bắt đầu bằng [plan] gồm unit, title và year; xem plan.toml trong README",
        en: "a plan starts with [plan] holding unit, title and year; see plan.toml in the README"
    },
    MissingKey => { vi: "thiếu khóa `{key}`", en: "missing key `{key}`" },
    MissingKeyHelp => { vi: "thêm `{key} = …` vào bảng này", en: "add `{key} = …` to this table" },

    // Task keys, owners, sections and dates typed on the command line.
    NoTaskKnown => {
        vi: "không có nhiệm vụ mã `{id}`; `par list` liệt kê mọi mã",
        en: "no task has the id `{id}`; `par list` shows every id"
    },
    NoTaskNear => {
        vi: "không có nhiệm vụ mã `{id}`; ý bạn là {near}?",
        en: "no task has the id `{id}`; did you mean {near}?"
    },
    NoTaskHelp => {
        vi: "gõ mã như `par list` in ra, ví dụ 4 hoặc 4@2025-Q3",
        en: "type a key as `par list` prints it, e.g. 4 or 4@2025-Q3"
    },
    NotATaskKey => { vi: "`{key}` không phải là mã nhiệm vụ", en: "`{key}` is not a task key" },
    NotATaskKeyHelp => {
        vi: "viết mã như par in ra: 4, III.1, hoặc kèm kỳ: 4@2025-Q3, 4@Q3",
        en: "write the key as par prints it: 4, III.1, or with a period: 4@2025-Q3, 4@Q3"
    },
    KeyNotAPeriod => { vi: "{key}: `{period}` không phải là một kỳ", en: "{key}: `{period}` is not a period" },
    KeyNotAPeriodHelp => {
        vi: "viết kỳ sau @ như par in ra: 4@2025-Q3 (quý), 4@2025-07 (tháng), hoặc 4@Q3 (năm kế hoạch)",
        en: "write the period after @ as par prints it: 4@2025-Q3 (quarter), 4@2025-07 (month), or 4@Q3 (the plan's year)"
    },
    KeyNoRepeat => {
        vi: "{key}: nhiệm vụ {id} không lặp lại nên không có kỳ",
        en: "{key}: task {id} does not repeat, so it has no periods"
    },
    KeyNoRepeatHelp => { vi: "bỏ phần @: {id}", en: "leave out the @ part: {id}" },
    KeyNotAnOccurrence => {
        vi: "{key}: {period} không thuộc các kỳ của nhiệm vụ {id}",
        en: "{key}: {period} is not one of task {id}'s periods"
    },
    TaskPeriodsHelp => { vi: "các kỳ của nhiệm vụ: {periods}", en: "the task's periods: {periods}" },
    KeyAndPeriodDisagree => {
        vi: "mã nhiệm vụ chỉ kỳ {key} nhưng --period là {period}; không ghi gì",
        en: "the task key names {key} but --period says {period}; nothing was written"
    },
    KeyAndPeriodDisagreeHelp => {
        vi: "chỉ ghi kỳ một lần: trong mã (4@2025-Q3) hoặc với --period",
        en: "give the period once: in the key (4@2025-Q3) or with --period"
    },
    OwnerAmbiguous => {
        vi: "{option}: `{typed}` khớp với nhiều người chủ trì: {list}",
        en: "{option}: `{typed}` matches several owners: {list}"
    },
    OwnerAmbiguousHelp => {
        vi: "gõ mã của người chủ trì (ví dụ ht) hoặc cả tên của họ",
        en: "type the owner's id (e.g. ht) or their whole name"
    },
    NoOwner => { vi: "{option}: không có người chủ trì mã `{typed}`", en: "{option}: no owner has the id `{typed}`" },
    NoOwnerNear => {
        vi: "{option}: không có người chủ trì mã `{typed}`; ý bạn là `{near}`?",
        en: "{option}: no owner has the id `{typed}`; did you mean `{near}`?"
    },
    NoSection => { vi: "{option}: không có phần mã `{typed}`", en: "{option}: no section has the id `{typed}`" },
    NoSectionNear => {
        vi: "{option}: không có phần mã `{typed}`; ý bạn là `{near}`?",
        en: "{option}: no section has the id `{typed}`; did you mean `{near}`?"
    },
    PlanIdsHelp => { vi: "các mã có trong kế hoạch: {ids}", en: "the plan's ids: {ids}" },
    UnknownRepeat => { vi: "--repeat: không hiểu quy tắc lặp `{typed}`", en: "--repeat: unknown repeat rule `{typed}`" },
    UnknownRepeatHelp => {
        vi: "dùng một trong {keywords} (hoặc \"mỗi quý\", \"hằng tháng\", \"thường xuyên\"…)",
        en: "use one of {keywords} (or \"mỗi quý\", \"hằng tháng\", \"thường xuyên\"…)"
    },
    NotADate => {
        vi: "{option}: `{typed}` không phải là ngày hợp lệ",
        en: "{option}: `{typed}` is not a date; write it as 30/5/2025, 30/05/2025 or 2025-05-30"
    },
    DateOutsideYears => {
        vi: "{option}: `{typed}` nằm ngoài các năm {from}–{to}",
        en: "{option}: `{typed}` is outside the years {from}–{to}"
    },
    DateHelp => {
        vi: "viết ngày dạng 30/9/{year}, 30/9/{yy}, 30/9 (năm {year} của kế hoạch) hoặc {year}-09-30; hoặc hôm nay, hôm qua, hôm kia, 3 ngày trước",
        en: "write the day as 30/9/{year}, 30/9/{yy}, 30/9 (the plan's year {year}) or {year}-09-30; or today, yesterday, 2 days ago, 3 days ago"
    },
    FutureDate => {
        vi: "ngày {day} ở sau hôm nay ({today}): không thể ghi {what} vào tương lai",
        en: "the date {day} is after today ({today}): {what} cannot be recorded in the future"
    },
    FutureDateHelp => {
        vi: "ghi ngày hôm nay hoặc một ngày đã qua với --date (bỏ --date là hôm nay); nếu đồng hồ máy sai, dùng --today",
        en: "give today or a past day with --date (without --date: today); if the computer's clock is wrong, use --today"
    },
    BadPeriodOption => { vi: "--period: {reason}", en: "--period: {reason}" },
    PeriodNotAnOccurrence => {
        vi: "--period: {period} không thuộc các kỳ của nhiệm vụ {id} ({range})",
        en: "--period: {period} is not one of task {id}'s periods ({range})"
    },
    PeriodNoRepeat => {
        vi: "--period: nhiệm vụ {id} không lặp lại nên không có kỳ; bỏ --period",
        en: "--period: task {id} does not repeat, so it has no periods; leave --period out"
    },
    PeriodWrongShape => {
        vi: "--period: nhiệm vụ {id} lặp lại {repeat}, nên kỳ phải có dạng {example}",
        en: "--period: task {id} repeats {repeat}, so the period looks like {example}"
    },
    DateOutsideTaskPeriods => {
        vi: "ngày {day} thuộc kỳ {period}, không phải một kỳ của nhiệm vụ {id} ({range})",
        en: "the date {day} falls in {period}, which is not one of task {id}'s periods ({range})"
    },
    NamePeriodHelp => {
        vi: "ghi rõ kỳ được hoàn thành, ví dụ --period {last}",
        en: "name the period it closes, e.g. --period {last}"
    },
    PeriodOutsideYear => {
        vi: "--period: {period} nằm ngoài năm kế hoạch {year}",
        en: "--period: {period} is outside the plan's year {year}"
    },
}
