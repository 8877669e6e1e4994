//! The catalogue's entries (see the module above for how to add one). The plan's checks
//! have theirs in `list_plan.rs`, the office's roll-up warnings and the phrases said inside
//! messages in `list_office.rs`, the self-assessment's and the import's readers' in
//! `list_season.rs`; each file's macro hands its entries on to the next, and the last to
//! `messages!`.

use crate::i18n::Lang;

with_office_checks! {
    // Labels of the lines below a message.
    LabelHelp => { vi: "gợi ý", en: "help" },
    LabelNote => { vi: "lưu ý", en: "note" },
    LabelWarning => { vi: "cảnh báo", en: "warning" },

    // Starting up: the command line and the current folder.
    TodayNotADate => {
        vi: "`{typed}` không phải là ngày; viết dạng 30/5/2025, 30/05/2025 hoặc 2025-05-30 (hoặc hôm nay, hôm qua)",
        en: "`{typed}` is not a date; write it as 30/5/2025, 30/05/2025 or 2025-05-30 (or today/hôm nay, yesterday/hôm qua)"
    },
    TodayOutsideYears => {
        vi: "`{typed}` nằm ngoài các năm {from}–{to}",
        en: "`{typed}` is outside the years {from}–{to}"
    },
    NotAPeriod => {
        vi: "`{typed}` không phải là một kỳ; viết 2025-Q3 (quý), 2025-H1 (nửa năm), 2025-07 (tháng) hoặc 2025 (năm)",
        en: "`{typed}` is not a period; write 2025-Q3 (quarter), 2025-H1 (half year), 2025-07 (month) or 2025 (year)"
    },
    BadParNow => {
        vi: "PAR_NOW: `{typed}` không phải là mốc thời gian RFC 3339; viết dạng 2025-10-06T09:15:00+07:00",
        en: "PAR_NOW: `{typed}` is not an RFC 3339 timestamp; write it as 2025-10-06T09:15:00+07:00"
    },
    BinaryToTerminal [unreachable: "needs standard output to be a terminal (tests/terminal.rs runs one)"] => {
        vi: "{what} là định dạng nhị phân mà kết quả đang ra màn hình",
        en: "{what} is a binary format and standard output is a terminal"
    },
    BinaryToTerminalHelp [unreachable: "as BinaryToTerminal"] => {
        vi: "ghi ra tệp với -o TỆP (ví dụ -o ke-hoach.{what}), hoặc chuyển hướng: > ke-hoach.{what}",
        en: "write it to a file with -o FILE (e.g. -o ke-hoach.{what}), or redirect: > ke-hoach.{what}"
    },
    BadToday => { vi: "--today / PAR_TODAY: {reason}", en: "--today / PAR_TODAY: {reason}" },
    NoCurrentFolder [unreachable: "needs a current folder deleted under par, which a test cannot do portably"] => {
        vi: "không đọc được thư mục hiện tại: {reason}",
        en: "cannot read the current folder: {reason}"
    },
    CannotWriteOutput [unreachable: "standard output failing other than a closed pipe (a full disk behind a redirection)"] => {
        vi: "không ghi được kết quả ra: {reason}",
        en: "cannot write the output: {reason}"
    },

    // The command line as clap reads it: usage errors, worded here in the output language
    // (clap's own English would reach a Vietnamese run). `'…'` quotes what was typed, as clap does.
    LabelTip => { vi: "mẹo", en: "tip" },
    ClapUnknownArgument => { vi: "tham số lạ '{arg}'", en: "unexpected argument '{arg}' found" },
    ClapSimilarArgument => { vi: "có tham số gần giống: '{near}'", en: "a similar argument exists: '{near}'" },
    ClapTrailingTip => {
        vi: "để truyền '{arg}' như một giá trị, viết '-- {arg}'",
        en: "to pass '{arg}' as a value, use '-- {arg}'"
    },
    ClapUnknownCommand => { vi: "không có lệnh '{command}'", en: "unrecognized subcommand '{command}'" },
    ClapSimilarCommand => { vi: "có lệnh gần giống: '{near}'", en: "a similar subcommand exists: '{near}'" },
    ClapValueRequired => {
        vi: "'{arg}' cần một giá trị nhưng không có",
        en: "a value is required for '{arg}' but none was supplied"
    },
    ClapInvalidValue => { vi: "giá trị '{value}' không hợp lệ cho '{arg}'", en: "invalid value '{value}' for '{arg}'" },
    ClapSimilarValue => { vi: "có giá trị gần giống: '{near}'", en: "a similar value exists: '{near}'" },
    ClapPossibleValues => { vi: "các giá trị dùng được: {values}", en: "possible values: {values}" },
    ClapBadValue => {
        vi: "giá trị '{value}' không hợp lệ cho '{arg}' ({reason})",
        en: "invalid value '{value}' for '{arg}' ({reason})"
    },
    ClapMissingArguments => {
        vi: "thiếu tham số bắt buộc: {args}",
        en: "the following required arguments were not provided: {args}"
    },
    ClapConflict => { vi: "không dùng '{arg}' cùng với '{other}'", en: "the argument '{arg}' cannot be used with '{other}'" },
    ClapRepeated => { vi: "'{arg}' chỉ được dùng một lần", en: "the argument '{arg}' cannot be used multiple times" },
    ClapNotUtf8 [unreachable: "needs an argument that is not UTF-8, which the test harness cannot pass portably"] => {
        vi: "có tham số không phải văn bản UTF-8",
        en: "invalid UTF-8 was detected in one or more arguments"
    },
    ClapOther [unreachable: "the fallback for clap error kinds par's command line does not produce"] => {
        vi: "cách gọi lệnh không đúng ({detail})",
        en: "usage error ({detail})"
    },
    ClapUsage => { vi: "Cách dùng: {usage}", en: "Usage: {usage}" },
    ClapMoreInfo => { vi: "Xem thêm: chạy với '--help'.", en: "For more information, try '--help'." },

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
    IoDiskFull [unreachable: "needs a full disk; crash_safety fills one with ulimit -f"] => { vi: "ổ đĩa đã đầy", en: "the disk is full" },
    IoReadOnly [unreachable: "needs a read-only file system"] => { vi: "hệ thống tệp chỉ cho đọc", en: "the file system is read-only" },
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
    WhatWorkDone => { vi: "việc đã làm", en: "work done" },
    WhatAMeasurement => { vi: "số đo", en: "a measurement" },
    WhatACancellation => { vi: "quyết định không thực hiện", en: "a cancellation" },
    WhatTask => { vi: "nhiệm vụ {id}", en: "task {id}" },
    WhatTaskInPeriod => { vi: "nhiệm vụ {id} ({period})", en: "task {id} ({period})" },
    WhatDoneEntry [unreachable: "said only inside CouldNotPlaceEntry"] => { vi: "mục hoàn thành", en: "the done mark" },
    WhatLogEntry [unreachable: "said only inside CouldNotPlaceEntry"] => { vi: "mục nhật ký", en: "the entry" },
    WhatMeasureEntry [unreachable: "said only inside CouldNotPlaceEntry"] => { vi: "số đo", en: "the measurement" },
    AddOwnerFirstHelp => {
        vi: "thêm người chủ trì mới trước: par owner add {id} --name \"Tên bộ phận\"; các mã có trong kế hoạch: {ids}",
        en: "add the owner first: par owner add {id} --name \"Name of the unit\"; the plan's ids: {ids}"
    },
    CriteriaWithoutIndex => {
        vi: "--criteria: kế hoạch chưa có bảng tiêu chí [index] nên không liên kết được tiêu chí `{typed}`",
        en: "--criteria: the plan has no [index] of criteria, so `{typed}` cannot be linked"
    },
    CriteriaWithoutIndexHelp => {
        vi: "thêm cây tiêu chí Chỉ số CCHC dưới [index] trong tệp kế hoạch (xem README)",
        en: "add the PAR Index tree under [index] in the plan file (see the README)"
    },
    NoCriterion => {
        vi: "--criteria: không có tiêu chí mã `{typed}` trong [index]",
        en: "--criteria: no criterion has the code `{typed}` in [index]"
    },
    NoCriterionNear => {
        vi: "--criteria: không có tiêu chí mã `{typed}` trong [index]; ý bạn là `{near}`?",
        en: "--criteria: no criterion has the code `{typed}` in [index]; did you mean `{near}`?"
    },
    NoCriterionHelp => {
        vi: "`par index` liệt kê các tiêu chí và mã của chúng",
        en: "`par index` lists the criteria and their codes"
    },
    ListSignsMixed => {
        vi: "{option}: trộn mục có dấu +/- với mục không dấu; không rõ là thay cả danh sách hay thêm, bớt",
        en: "{option}: items with + or - are mixed with bare ones; it is unclear whether to replace the list or add and remove"
    },
    ListSignsMixedHelp => {
        vi: "thay cả danh sách: {option} vt,ht; thêm, bớt: {option} +vt,-cchc",
        en: "replace the list: {option} vt,ht; add and remove: {option} +vt,-cchc"
    },
    ListItemAbsent => {
        vi: "{option}: `{id}` không có trong danh sách hiện tại ({now}) nên không bỏ được",
        en: "{option}: `{id}` is not in the current list ({now}), so it cannot be removed"
    },
    ListItemAbsentHelp => {
        vi: "bỏ -{id} khỏi lệnh; `par show` cho biết danh sách của nhiệm vụ",
        en: "leave -{id} out; `par show` gives the task's lists"
    },
    WhatOverdueKey => { vi: "{key} (hạn {due})", en: "{key} (due {due})" },
    SeveralOverdue => {
        vi: "nhiệm vụ {id} có {count} kỳ đã quá hạn mà chưa xong: {list}; không biết ghi vào kỳ nào nên không ghi gì",
        en: "task {id} has {count} periods past due and still open: {list}; which one is meant is unclear, so nothing was written"
    },
    SeveralOverdueHelp => { vi: "ghi rõ kỳ, ví dụ: {keys}", en: "name the period, e.g.: {keys}" },
    SeveralOverdueAsk [unreachable: "asked on a terminal only (tests/period.rs runs one under `script`)"] => {
        vi: "Nhiệm vụ {id} có nhiều kỳ đã quá hạn mà chưa xong:",
        en: "Task {id} has several periods past due and still open:"
    },
    SeveralOverduePrompt [unreachable: "asked on a terminal only, as SeveralOverdueAsk"] => {
        vi: "Ghi vào kỳ số [1-{count}]",
        en: "Record it for number [1-{count}]"
    },
    NotAChoice [unreachable: "an answer to SeveralOverdueAsk, on a terminal only"] => {
        vi: "`{typed}` không phải là một số từ 1 đến {count}; không ghi gì",
        en: "`{typed}` is not a number from 1 to {count}; nothing was written"
    },
    NotAChoiceHelp [unreachable: "as NotAChoice"] => {
        vi: "chạy lại và gõ số của kỳ, hoặc ghi kỳ trong mã: {key}",
        en: "run it again and type the period's number, or put it in the key: {key}"
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

    // Writing: the plan, its lock, an output file.
    CannotWrite => { vi: "không ghi được {file}: {reason}", en: "cannot write {file}: {reason}" },
    CannotWriteUnchanged => {
        vi: "không ghi được {file}: {reason}; tệp vẫn như cũ, không ghi gì",
        en: "cannot write {file}: {reason}; the file is unchanged, nothing was written"
    },
    CannotCreateLock => {
        vi: "không tạo được tệp khóa {file}: {reason}; không ghi gì",
        en: "cannot create the lock file {file}: {reason}; nothing was written"
    },
    CannotLock [unreachable: "flock failing other than by a lock held (a file system without locks)"] => {
        vi: "không khóa được {file}: {reason}; không ghi gì",
        en: "cannot lock {file}: {reason}; nothing was written"
    },
    LockHeld => {
        vi: "một lệnh par khác đang ghi {file} (khóa {lock}); đã chờ {seconds} giây; không ghi gì",
        en: "another par is writing {file} (lock {lock}); waited {seconds} s; nothing was written"
    },
    CouldNotPlaceEntry [unreachable: "a bug guard: the appended lines always parse as one more entry"] => {
        vi: "par không ghép được {what} vào nhiệm vụ; không ghi gì (xin báo lỗi này)",
        en: "par could not place {what} inside the task; nothing was written (please report this)"
    },
    Wrote => { vi: "Đã ghi {file}", en: "Wrote {file}" },
    WroteReport => { vi: "Đã ghi báo cáo {period} vào {file}", en: "Wrote the {period} report to {file}" },
    ReportPartsUnwritten => {
        vi: "báo cáo {period} còn {count} phần chưa ghi:",
        en: "the {period} report has {count} parts not written yet:"
    },
    ReportPartUnwritten => { vi: "{part}: ghi bằng {command}", en: "{part}: write it with {command}" },
    PlanCitationIncomplete => {
        vi: "Số, ngày của kế hoạch đơn vị (trích dẫn để \"…\"): ghi number = \"…\" và date = … trong [plan]",
        en: "The unit's plan number and date (cited as \"…\"): set number = \"…\" and date = … in [plan]"
    },
    DoneTargetNotMet => {
        vi: "nhiệm vụ {id} đã hoàn thành nhưng chưa đạt chỉ tiêu: {indicator} là {value} (mục tiêu {target}); báo cáo sẽ ghi \"hoàn thành, chưa đạt chỉ tiêu\"",
        en: "task {id} is done but its target was not met: {indicator} is {value} (target {target}); the report will say \"done, target not met\""
    },

    // Writing, continued
    OnlyTaskTables => {
        vi: "par chỉ sửa được các nhiệm vụ viết dưới dạng bảng [[task]] trong {path}",
        en: "par can only change tasks written as [[task]] tables in {path}"
    },
    OnlyTaskTablesHelp => {
        vi: "viết mỗi nhiệm vụ thành một bảng [[task]] như trong tệp mẫu (par init)",
        en: "write each task as a [[task]] table, as the template does (par init)"
    },
    PlanChangedMeanwhile [unreachable: "a race: another program writes the plan between par reading and renaming it; write_safety covers it"] => {
        vi: "{path} vừa bị sửa bởi chương trình khác trong lúc par làm việc; giữ nguyên bản đó, không ghi gì, hãy chạy lại lệnh",
        en: "{path} was changed by another program while par was working; that version is kept, nothing was written, run the command again"
    },
    PlanReadOnly => {
        vi: "{shown} chỉ cho phép đọc (read-only); không ghi gì",
        en: "{shown} is read-only; nothing was written"
    },
    PlanReadOnlyHelp => {
        vi: "cho phép ghi tệp rồi chạy lại lệnh (chmod u+w {shown})",
        en: "make the file writable and run the command again (chmod u+w {shown})"
    },
    FolderReadOnly => {
        vi: "thư mục {dir} chỉ cho phép đọc (read-only); không ghi gì",
        en: "the folder {dir} is read-only; nothing was written"
    },
    FolderReadOnlyHelp => {
        vi: "par ghi một tệp tạm bên cạnh kế hoạch rồi đổi tên; hãy cho phép ghi thư mục",
        en: "par writes a temporary file next to the plan and renames it over the plan; make the folder writable"
    },
    PlanExists => {
        vi: "{path} đã có; par không ghi đè",
        en: "{path} already exists; par does not overwrite it"
    },
    PlanExistsHelp => {
        vi: "chọn tên tệp khác với -f TỆP, hoặc tự xóa/đổi tên tệp cũ",
        en: "choose another name with -f FILE, or move the old file away yourself"
    },
    LockNotRegular => {
        vi: "tệp khóa {path} không phải tệp thường (có thể là liên kết); không ghi gì",
        en: "the lock file {path} is not a regular file (perhaps a link); nothing was written"
    },
    LockNotRegularHelp => {
        vi: "xóa nó (rm {path}) rồi chạy lại lệnh; par sẽ tạo lại tệp khóa",
        en: "remove it (rm {path}) and run the command again; par creates a new one"
    },
    LockHeldHelp => {
        vi: "chạy lại lệnh sau giây lát; PAR_LOCK_TIMEOUT=giây đặt thời gian chờ",
        en: "run the command again in a moment; PAR_LOCK_TIMEOUT=SECONDS sets how long to wait"
    },
    ChangeNotPlaced [unreachable: "a bug guard: par's own change failing to parse as the task"] => {
        vi: "par không ghép được thay đổi vào đúng nhiệm vụ; không ghi gì (xin báo lỗi này)",
        en: "par could not place the change inside the task; nothing was written (please report this)"
    },
    ChangeWouldBreakPlan [unreachable: "a bug guard: par's own edit failing the plan's checks"] => {
        vi: "thay đổi này làm kế hoạch không hợp lệ nên không ghi gì (dòng, cột là của tệp sau khi sửa)",
        en: "the change would make the plan invalid, so nothing was written (line and column are those of the changed file)"
    },
    OutputDanglingLink => {
        vi: "đó là liên kết (symbolic link) trỏ tới tệp không có; par không ghi qua nó",
        en: "it is a symbolic link to nothing; par does not write through it"
    },
    OutputIsFolder => { vi: "đó là thư mục, không phải tệp", en: "it is a folder, not a file" },
    OutputNotRegular [unreachable: "needs a block device or socket as -o, which a test cannot make portably as a user"] => {
        vi: "đó không phải tệp thường (thiết bị khối, socket…); par không ghi vào đó",
        en: "it is not a regular file (a block device, a socket…); par does not write there"
    },
    OutputIsInput => {
        vi: "{shown} là tệp par đang đọc; par không ghi đè lên nó, không ghi gì",
        en: "{shown} is a file par is reading; par does not write over it, nothing was written"
    },
    OutputIsInputHelp => {
        vi: "chọn tên khác cho -o",
        en: "choose another name for -o"
    },
    OutputExists => {
        vi: "{shown} đã có; par không ghi đè, không ghi gì",
        en: "{shown} already exists; par does not overwrite it, nothing was written"
    },
    OutputExistsHelp => {
        vi: "thêm --force để thay tệp đó, hoặc chọn tên khác cho -o",
        en: "add --force to replace it, or choose another name for -o"
    },
    OutputAppeared [unreachable: "a race: another program creates the output between the check and the write"] => {
        vi: "{shown} vừa được tạo bởi chương trình khác; par không ghi đè, không ghi gì",
        en: "{shown} was just created by another program; par does not overwrite it, nothing was written"
    },

    // Commands: reports recorded as sent (`par report --final`, `par check`).
    AlreadySent => {
        vi: "báo cáo {period} đã ghi nhận gửi ngày {date}, số {number}, bản gửi ở {file}; không ghi gì",
        en: "the {period} report is already recorded as sent on {date}, number {number}, copy {file}; nothing was written"
    },
    SentWouldBreakPlan [unreachable: "a bug guard: the [[report.sent]] par writes is checked valid before"] => {
        vi: "ghi [[report.sent]] làm kế hoạch không hợp lệ nên không ghi gì",
        en: "recording [[report.sent]] would make the plan invalid, so nothing was written"
    },
    SentNotPlaced [unreachable: "a bug guard: the [[report.sent]] par appends always reads back"] => {
        vi: "par không ghi được [[report.sent]] vào kế hoạch; không ghi gì (xin báo lỗi này)",
        en: "par could not place [[report.sent]] in the plan; nothing was written (please report this)"
    },
    SentNumberEmpty => { vi: "--number: số ký hiệu đang trống", en: "--number: the number is empty" },
    SentNumberTaken => {
        vi: "--number: số {number} đã dùng cho báo cáo {period} gửi ngày {date}; không ghi gì",
        en: "--number: {number} is already the number of the {period} report sent on {date}; nothing was written"
    },
    SentNumberTakenHelp => {
        vi: "bỏ --number để lấy số tiếp theo trong sổ, hoặc ghi số khác",
        en: "leave out --number for the next number of the register, or give another"
    },
    ReportHasBlanks => {
        vi: "báo cáo còn chỗ chưa điền: {list}; không ghi gì",
        en: "the report still has parts to fill in: {list}; nothing was written"
    },
    ReportHasBlanksHelp => {
        vi: "điền các chỗ «…» trong tệp kế hoạch, ghi các phần còn thiếu bằng par note, rồi chạy lại par report --final",
        en: "fill in the «…» parts in the plan file and write the missing parts with par note, then run par report --final again"
    },
    SentAlready => {
        vi: "Báo cáo {period} đã gửi ngày {date}, số {number}; bản đã gửi: {file}.",
        en: "The {period} report was sent on {date}, number {number}; the sent copy: {file}."
    },
    SentCopyMissing => {
        vi: "Không tìm thấy bản đã gửi (par check báo lỗi này).",
        en: "The sent copy is missing (par check reports it)."
    },
    SentCopyChanged => {
        vi: "Bản đã gửi bị sửa sau khi gửi: mã SHA-256 không còn khớp (par check báo lỗi này).",
        en: "The sent copy was changed after sending: its SHA-256 no longer matches (par check reports it)."
    },
    SentCopySame => {
        vi: "Tạo lại từ tệp kế hoạch hôm nay thì giống hệt bản đã gửi.",
        en: "Regenerated from today's plan file, it is identical to the sent copy."
    },
    SentCopyDiffers => {
        vi: "Tạo lại từ tệp kế hoạch hôm nay thì KHÁC bản đã gửi (tệp kế hoạch đã sửa sau khi gửi); bản đã gửi vẫn giữ nguyên.",
        en: "Regenerated from today's plan file, it DIFFERS from the sent copy (the plan was edited after sending); the sent copy is unchanged."
    },
    RecipientsLackSuperior => {
        vi: "Nơi nhận của báo cáo thiếu cơ quan cấp trên ({superior})",
        en: "the report's recipients (Nơi nhận) lack the superior body ({superior})"
    },
    RecipientsLackSuperiorHelp => {
        vi: "thêm \"{superior}\" vào recipients trong [report] (hoặc [plan])",
        en: "add \"{superior}\" to recipients in [report] (or [plan])"
    },

    // Commands: rollup (the office's roll-up of its units' plans).
    NoPlanFilesIn => {
        vi: "không có tệp kế hoạch (*.toml) nào trong {paths}",
        en: "no plan files (*.toml) in {paths}"
    },
    NoPlanFilesInHelp => {
        vi: "hãy chỉ thư mục chứa các tệp kế hoạch của đơn vị, hoặc chính các tệp đó",
        en: "give the folder holding the units' plan files, or the files themselves"
    },
    RollupReportFormats => {
        vi: "báo cáo tổng hợp (--report) có dạng md, docx hoặc json",
        en: "the consolidated report (--report) comes as md, docx or json"
    },
    RollupReportFormatsHelp => { vi: "thêm --format docx -o bao-cao.docx", en: "add --format docx -o report.docx" },
    RollupDocxNeedsReport => {
        vi: "dạng docx chỉ dành cho báo cáo tổng hợp, ghi ra tệp",
        en: "docx is for the consolidated report, written to a file"
    },
    RollupDocxNeedsReportHelp => {
        vi: "par rollup DIR --report --format docx -o bao-cao.docx",
        en: "par rollup DIR --report --format docx -o report.docx"
    },
    RollupNoFileOption => {
        vi: "par rollup không dùng -f: -f chỉ một tệp kế hoạch, còn rollup đọc cả thư mục (-f {file})",
        en: "par rollup does not take -f: -f names one plan file, a rollup reads folders (-f {file})"
    },
    RollupNoFileOptionHelp => { vi: "hãy chỉ thư mục sau lệnh: par rollup {file}", en: "pass the folder after the command: par rollup {file}" },
    RollupQuarterHelp => { vi: "ví dụ: --quarter Q3 hoặc --quarter 2025-Q3", en: "e.g. --quarter Q3 or --quarter 2025-Q3" },
    RosterNotUtf8 => { vi: "{file}: không phải văn bản UTF-8", en: "{file}: not UTF-8 text" },
    RosterNotUtf8Help => { vi: "lưu lại tệp dạng UTF-8", en: "save the file as UTF-8" },
    RosterUnreadable => { vi: "danh sách đơn vị {file}:{line}: {reason}", en: "roster {file}:{line}: {reason}" },
    RosterUnreadableHelp => {
        vi: "sửa tệp: mỗi đơn vị là một bảng [[unit]] có code, name, kind, parent; thiết lập của cơ quan trong [office]",
        en: "fix the file: each unit is a [[unit]] table with code, name, kind, parent; the office's settings go in [office]"
    },
    RosterUnitNoName => { vi: "danh sách đơn vị {at}: đơn vị thứ {n} không có tên (name)", en: "roster {at}: unit {n} has no name" },
    RosterUnitNoNameHelp => { vi: "thêm name = \"…\" cho đơn vị đó", en: "add name = \"…\" to that unit" },
    RosterUnitNoCode => {
        vi: "danh sách đơn vị {file}: đơn vị “{name}” không có mã (code)",
        en: "roster {file}: unit “{name}” has no code"
    },
    RosterUnitNoCodeHelp => {
        vi: "thêm code = \"…\" (mã đơn vị, cũng ghi ở [plan] code của kế hoạch)",
        en: "add code = \"…\" (the unit's code, also written as [plan] code in its plan)"
    },
    RosterCodeTwice => {
        vi: "danh sách đơn vị {file}:{line}: mã `{code}` trùng, đã dùng cho “{other}”",
        en: "roster {file}:{line}: duplicate code `{code}`, already used for “{other}”"
    },
    RosterCodeTwiceHelp => { vi: "mỗi đơn vị một mã riêng", en: "give each unit its own code" },
    RollupSkipped => { vi: "bỏ qua {file}: {why}", en: "skipped {file}: {why}" },

    // The write journal (`par restore`): warnings.
    JournalNotRegular => {
        vi: "{file} không phải là tệp thường (có thể là liên kết tượng trưng); par không dùng nó",
        en: "{file} is not a regular file (a symbolic link?); par does not use it"
    },
    JournalUnusable => {
        vi: "không dùng được nhật ký ghi {file}: {reason}",
        en: "cannot use the write journal {file}: {reason}"
    },
    EntriesVanished => {
        vi: "{count} mục par đã ghi không còn trong {file} (có thể một trình soạn thảo đã lưu đè bản cũ):",
        en: "{count} entries par wrote are no longer in {file} (an editor may have saved an older copy over it):"
    },
    JournalEntry => { vi: "nhiệm vụ {task}, {kind}, ngày {date}", en: "task {task}, {kind}, dated {date}" },
    JournalEntryOfPeriod => {
        vi: "nhiệm vụ {task}, {kind}, kỳ {period}, ngày {date}",
        en: "task {task}, {kind}, period {period}, dated {date}"
    },
    AndMore => { vi: "… và {more} mục khác", en: "… and {more} more" },
    EntriesVanishedHelp => {
        vi: "chạy `par restore` để ghi lại các mục này, hoặc `par restore --forget` để chấp nhận mất chúng",
        en: "run `par restore` to put them back, or `par restore --forget` to accept the loss"
    },

    // Commands: what each refuses
    AddTitleEmpty => {
        vi: "tên nhiệm vụ đang trống",
        en: "the task's title is empty"
    },
    SectionNeeded => {
        vi: "cho biết nhiệm vụ thuộc phần nào với --section; các phần: {ids}",
        en: "say which section the task is in with --section; the sections: {ids}"
    },
    IdTaken => {
        vi: "mã {id} đã dùng cho nhiệm vụ ở dòng {line}; chọn mã khác với --id",
        en: "the id {id} is already used by the task on line {line}; choose another with --id"
    },
    AlreadyDone => {
        vi: "{what} đã được đánh dấu hoàn thành ngày {date}; không ghi gì thêm",
        en: "{what} is already marked done on {date}; nothing was written"
    },
    AlreadyDoneHelp => {
        vi: "`{reopen}` bỏ đánh dấu đó",
        en: "`{reopen}` removes that mark"
    },
    TitleEmpty => {
        vi: "--title: tên nhiệm vụ đang trống",
        en: "--title: the title is empty"
    },
    SetAndUnset => {
        vi: "`{key}` vừa được đặt vừa bị xóa (--unset); chọn một",
        en: "`{key}` is both set and removed (--unset); choose one"
    },
    NothingToEdit => {
        vi: "không có gì để sửa; cho biết trường cần sửa, ví dụ --due 30/9/2025 hoặc --owner ht (xem par edit --help)",
        en: "nothing to change; give the fields to change, e.g. --due 30/9/2025 or --owner ht (see par edit --help)"
    },
    EditChangesNothing => {
        vi: "nhiệm vụ {id} đã đúng như vậy; không ghi gì",
        en: "task {id} already says so; nothing was written"
    },
    ImportDraftDoesNotLoad [unreachable: "a bug guard: every draft the importer emits loads"] => {
        vi: "lỗi của par: bản nháp không nạp được; xin báo lỗi kèm văn bản",
        en: "par bug: the draft does not load; please report it with the document"
    },
    UnitNameEmpty => {
        vi: "--unit: tên đơn vị đang trống",
        en: "--unit: the unit's name is empty"
    },
    LogTextEmpty => {
        vi: "nội dung nhật ký đang trống; ghi việc đã làm, ví dụ: par log 4 \"Họp rà soát quý III\"",
        en: "the entry's text is empty; say what was done, e.g. par log 4 \"Quarterly review meeting\""
    },
    NoIndicator => {
        vi: "nhiệm vụ {id} chưa có chỉ số đo; thêm [task.indicator] với name và target vào nhiệm vụ trong tệp kế hoạch",
        en: "task {id} has no indicator to measure; add [task.indicator] with name and target to it in the plan file"
    },
    NotANumber => {
        vi: "`{value}` không phải là số; ví dụ: 95 hoặc 95,5",
        en: "`{value}` is not a number; e.g. 95 or 95.5"
    },
    MeasureOutsideYear => {
        vi: "kỳ {p} nằm ngoài năm kế hoạch {year}; số đo chỉ ghi cho các kỳ của năm kế hoạch; không ghi gì",
        en: "the period {p} is outside the plan's year {year}; measurements are recorded for periods of the plan's year; nothing was written"
    },
    MeasureOutsideYearHelp => {
        vi: "ghi rõ một kỳ của năm {year} với --period, hoặc ngày đo trong năm {year} với --date",
        en: "name a period of {year} with --period, or a measurement day in {year} with --date"
    },
    MeasureEntryNotFound [unreachable: "a bug guard: the measurement the plan holds is always in the file"] => {
        vi: "par không tìm thấy mục [[task.measure]] tương ứng trong tệp; không ghi gì",
        en: "par could not find the matching [[task.measure]] table in the file; nothing was written"
    },
    MeasureNotCorrected [unreachable: "a bug guard: par's own correction failing to read back"] => {
        vi: "par không sửa được số đo; không ghi gì (xin báo lỗi này)",
        en: "par could not correct the measurement; nothing was written (please report this)"
    },
    NothingToReplace => {
        vi: "--replace: nhiệm vụ {id} chưa có số đo nên không có gì để sửa; không ghi gì",
        en: "--replace: task {id} has no measurement, so there is nothing to correct; nothing was written"
    },
    NothingToReplaceIn => {
        vi: "--replace: nhiệm vụ {id} chưa có số đo kỳ {period} nên không có gì để sửa; không ghi gì",
        en: "--replace: task {id} has no measurement for {period}, so there is nothing to correct; nothing was written"
    },
    NothingToReplaceHelp => { vi: "bỏ --replace để ghi số đo mới", en: "leave out --replace to record a new measurement" },
    StartOutsideYear => {
        vi: "--start: ngày {day} không thuộc năm kế hoạch {year}",
        en: "--start: {day} is not in the plan's year {year}"
    },
    StartOutsideYearHelp => {
        vi: "ghi một ngày của năm {year}, ví dụ --start 1/7/{year}, hoặc đổi năm với --year",
        en: "give a day of {year}, e.g. --start 1/7/{year}, or change the year with --year"
    },
    TemplateBroken [unreachable: "a bug guard: the built-in template always loads (a unit test checks)"] => {
        vi: "mẫu kế hoạch của par bị lỗi; xin báo lỗi này",
        en: "par's plan template is broken; please report this"
    },
    RemoveChangesSentReports => {
        vi: "nhiệm vụ {id} có trong báo cáo đã gửi {list}; từ nay báo cáo đó tạo lại sẽ khác bản đã gửi (bản đã gửi vẫn giữ nguyên). Nhiệm vụ không làm nữa thì nên dùng par cancel {id} --reason \"…\" thay vì xóa.",
        en: "task {id} is in the reports sent for {list}; those reports, made again, will now differ from the copies sent (which stay as they are). For a task that will not be done, par cancel {id} --reason \"…\" keeps it instead."
    },
    NotDone => {
        vi: "{what} chưa được đánh dấu hoàn thành; không có gì để bỏ, không ghi gì",
        en: "{what} is not marked done; nothing to reopen, nothing was written"
    },
    DoneMarkNotFound [unreachable: "a bug guard: the done mark the plan holds is always in the file"] => {
        vi: "par không tìm thấy mục [[task.done]] tương ứng trong tệp; không ghi gì",
        en: "par could not find the matching [[task.done]] table in the file; nothing was written"
    },
    DoneMarkNotRemoved [unreachable: "a bug guard: removing a done mark par found"] => {
        vi: "par không bỏ được mục hoàn thành; không ghi gì (xin báo lỗi này)",
        en: "par could not remove the done mark; nothing was written (please report this)"
    },
    JournalRefusedHelp => {
        vi: "xóa hoặc đổi tên tệp đó; par bắt đầu nhật ký mới ở lần ghi sau",
        en: "remove or rename that file; par starts a new journal at its next write"
    },
    RestoreNotPlaced [unreachable: "a bug guard: restored entries failing to parse as the task's"] => {
        vi: "par không ghép được các mục vào nhiệm vụ; không ghi gì (xin báo lỗi này)",
        en: "par could not place the entries inside the task; nothing was written (please report this)"
    },
    RemoveNeedsYes => {
        vi: "không xóa nhiệm vụ {id} khi chưa được xác nhận; trong script hãy thêm --yes",
        en: "not removing task {id} without confirmation; in scripts pass --yes"
    },
    RemoveAsk [unreachable: "asked on a terminal only (scripts get RemoveNeedsYes)"] => {
        vi: "Xóa nhiệm vụ {id} «{title}» ({done} mục hoàn thành, {log} mục nhật ký)? [c/K]",
        en: "Remove task {id} \"{title}\" ({done} done marks, {log} progress entries)? [y/N]"
    },
    NothingRemoved [unreachable: "the answer to RemoveAsk, on a terminal only"] => {
        vi: "không xóa gì",
        en: "nothing was removed"
    },
    RemoveWouldBreakPlan [unreachable: "a bug guard: no part of a plan refers to a task, so removing one leaves it valid"] => {
        vi: "xóa nhiệm vụ này làm kế hoạch không hợp lệ nên không ghi gì",
        en: "removing the task would make the plan invalid, so nothing was written"
    },

    // Commands: owners, and the fields `add`/`edit` change.
    OnlyOwnerTables => {
        vi: "par chỉ sửa được người chủ trì viết dưới dạng bảng [[owner]] trong {path}",
        en: "par can only change owners written as [[owner]] tables in {path}"
    },
    OwnerNotFound => { vi: "không có người chủ trì mã `{typed}`", en: "no owner has the id `{typed}`" },
    OwnerNotFoundNear => {
        vi: "không có người chủ trì mã `{typed}`; ý bạn là `{near}`?",
        en: "no owner has the id `{typed}`; did you mean `{near}`?"
    },
    OwnerIdsHelp => {
        vi: "`par owner list` liệt kê; các mã có: {ids}",
        en: "`par owner list` lists them; the ids: {ids}"
    },
    ChangeBreaksPlan [unreachable: "a bug guard: owner add/edit/rm are checked before the change"] => {
        vi: "thay đổi này làm kế hoạch không hợp lệ nên không ghi gì",
        en: "the change would make the plan invalid, so nothing was written"
    },
    OwnerIdNotOneWord => {
        vi: "mã người chủ trì `{id}` phải là một từ không dấu cách, ví dụ motcua",
        en: "the owner id `{id}` must be one word without spaces, e.g. motcua"
    },
    OwnerNameEmpty => { vi: "--name: tên đang trống", en: "--name: the name is empty" },
    OwnerIdTaken => {
        vi: "mã {id} đã dùng cho người chủ trì “{name}”; không ghi gì",
        en: "the id {id} is already used by the owner “{name}”; nothing was written"
    },
    OwnerIdTakenHelp => {
        vi: "chọn mã khác, hoặc sửa người đó: par owner edit {id} --name \"…\"",
        en: "choose another id, or change that owner: par owner edit {id} --name \"…\""
    },
    OwnerNothingToEdit => {
        vi: "không có gì để sửa; cho biết --name, --name-en hoặc --note",
        en: "nothing to change; give --name, --name-en or --note"
    },
    OwnerEditChangesNothing => {
        vi: "người chủ trì {id} đã đúng như vậy; không ghi gì",
        en: "owner {id} already says so; nothing was written"
    },
    OwnerInUse => {
        vi: "không xóa người chủ trì {id}: còn nhiệm vụ dùng ({uses}); không ghi gì",
        en: "not removing owner {id}: tasks still use it ({uses}); nothing was written"
    },
    OwnerInUseHelp => {
        vi: "giao các nhiệm vụ đó cho người khác trước, ví dụ par edit {first} --owner ht hoặc --support -{id}",
        en: "give those tasks to someone else first, e.g. par edit {first} --owner ht or --support -{id}"
    },
    WhatOwnerLeads => { vi: "chủ trì {tasks}", en: "leads {tasks}" },
    WhatOwnerSupports => { vi: "phối hợp {tasks}", en: "supports {tasks}" },
    TableEditFailed [unreachable: "a bug guard: a table the plan's parser read that toml_edit cannot"] => {
        vi: "par không sửa được bảng {table}: {reason}",
        en: "par cannot edit the table {table}: {reason}"
    },
    NoIndicatorToRemove => {
        vi: "nhiệm vụ {id} không có chỉ số đo [task.indicator]; không ghi gì",
        en: "task {id} has no [task.indicator]; nothing was written"
    },
    IndicatorNameEmpty => { vi: "--indicator: tên chỉ số đang trống", en: "--indicator: the indicator's name is empty" },
    TargetNotANumberOption => {
        vi: "--target: `{typed}` không phải là số; ví dụ: 100 hoặc 95,5",
        en: "--target: `{typed}` is not a number; e.g. 100 or 95.5"
    },
    NewIndicatorIncomplete => {
        vi: "nhiệm vụ chưa có chỉ số đo: cần cả tên chỉ số (--indicator) và mục tiêu (--target)",
        en: "the task has no indicator yet: give both its name (--indicator) and its target (--target)"
    },
    NewIndicatorIncompleteHelp => {
        vi: "ví dụ: --indicator \"Tỷ lệ hồ sơ đúng hạn\" --target 100 --unit %",
        en: "e.g. --indicator \"On-time rate of files\" --target 100 --unit %"
    },
    BeforeAfter => { vi: "{key}: {old} → {new}", en: "{key}: {old} → {new}" },
    ValueNone => { vi: "(chưa có)", en: "(none)" },
    ValueRemoved => { vi: "(bỏ)", en: "(removed)" },

    // Commands: cancel and note.
    NotCancelled => {
        vi: "nhiệm vụ {id} không được ghi là không thực hiện; không có gì để bỏ, không ghi gì",
        en: "task {id} is not recorded as not carried out; nothing to undo, nothing was written"
    },
    CancelNeedsReason => {
        vi: "cần nêu lý do không thực hiện nhiệm vụ {id}; không ghi gì",
        en: "say why task {id} will not be carried out; nothing was written"
    },
    CancelNeedsReasonHelp => { vi: "par cancel {id} --reason \"…\"", en: "par cancel {id} --reason \"…\"" },
    AlreadyCancelled => {
        vi: "nhiệm vụ {id} đã được ghi là không thực hiện từ ngày {date} ({reason}); không ghi gì. Muốn sửa: par cancel {id} --undo rồi ghi lại",
        en: "task {id} is already recorded as not carried out from {date} ({reason}); nothing was written. To change it: par cancel {id} --undo, then again"
    },
    CancelDoneTask => {
        vi: "nhiệm vụ {id} đã hoàn thành; không có gì để ghi không thực hiện, không ghi gì",
        en: "task {id} is done; there is nothing left not to carry out, nothing was written"
    },
    CancelTableByHand => {
        vi: "par chỉ bỏ được dòng cancelled = {{ … }} của nhiệm vụ {id}; hãy xóa bảng [task.cancelled] bằng tay",
        en: "par can only remove the cancelled = {{ … }} line of task {id}; remove the [task.cancelled] table by hand"
    },
    CancelNotPlaced [unreachable: "a bug guard: par's own cancelled line failing to read back"] => {
        vi: "par không ghi được việc không thực hiện vào nhiệm vụ; không ghi gì (xin báo lỗi này)",
        en: "par could not record the cancellation in the task; nothing was written (please report this)"
    },
    NoteNeedsKind => {
        vi: "cho biết loại ghi chú với --kind: assessment, cause, direction hoặc proposal",
        en: "say which kind of note with --kind: assessment, cause, direction or proposal"
    },
    NoteTextEmpty => {
        vi: "nội dung ghi chú đang trống; ví dụ: par note --period Q3 --kind assessment \"Quý III hoàn thành …\"",
        en: "the note's text is empty; e.g. par note --period Q3 --kind assessment \"Q3 completed …\""
    },
    NotePeriodHelp => { vi: "ví dụ: --period Q3, --period 2025-H1", en: "e.g. --period Q3, --period 2025-H1" },
    NotePeriodOutsideYear => {
        vi: "{period} nằm ngoài năm kế hoạch {year}; kế hoạch chỉ báo cáo năm {year}",
        en: "{period} is outside the plan's year {year}; the plan reports on {year} only"
    },
    NoReportInCalendar => {
        vi: "lịch báo cáo của kế hoạch không có báo cáo {period} ({reason})",
        en: "the plan's reporting calendar has no {period} report ({reason})"
    },
    UnknownNoteKindOption => {
        vi: "loại ghi chú `{typed}` không có; dùng assessment (đánh giá chung), cause (nguyên nhân), direction (phương hướng) hoặc proposal (đề xuất, kiến nghị)",
        en: "unknown note kind `{typed}`; use assessment, cause, direction or proposal"
    },
    NoteNotPlaced [unreachable: "a bug guard: the note par appends always reads back as one more"] => {
        vi: "par không ghép được ghi chú vào tệp kế hoạch; không ghi gì (xin báo lỗi này)",
        en: "par could not place the note in the plan file; nothing was written (please report this)"
    },

    // Commands: formats, periods and files asked for.
    ExportFormatUnknown => { vi: "không đoán được định dạng từ `{file}`", en: "cannot tell the format from `{file}`" },
    ExportFormatUnknownHelp => { vi: "thêm --format csv, xlsx, ics hoặc json", en: "add --format csv, xlsx, ics or json" },
    ExportChooseFormat => {
        vi: "chọn định dạng: --format csv, xlsx, ics hoặc json (hoặc đặt tên tệp với -o, ví dụ -o ke-hoach.xlsx)",
        en: "choose a format: --format csv, xlsx, ics or json (or name the file with -o, e.g. -o ke-hoach.xlsx)"
    },
    SheetOnlyCsv => {
        vi: "--sheet chọn bảng của tệp CSV; các định dạng khác chứa mọi bảng",
        en: "--sheet chooses the table of a CSV export; the other formats hold every table"
    },
    NoIndexTree => {
        vi: "{file} chưa có cây Chỉ số CCHC; thêm [index] với các bảng [[index.criterion]] (xem README, \"PAR Index\")",
        en: "{file} has no PAR Index tree; add [index] with [[index.criterion]] tables (see README, \"PAR Index\")"
    },
    DocxNeedsAFile => {
        vi: "báo cáo Word là tệp nhị phân: ghi ra tệp với -o, ví dụ `par report --quarter Q2 -o bao-cao-quy-2.docx`",
        en: "a Word report is a binary file: write it to a file with -o, e.g. `par report --quarter Q2 -o bao-cao-quy-2.docx`"
    },
    BadPeriodFlag => { vi: "{flag}: {reason}", en: "{flag}: {reason}" },
    WrongPeriodKind => {
        vi: "{flag}: `{typed}` không phải {example}; dùng --quarter 2025-Q2, --half 2025-H1 hoặc --year 2025",
        en: "{flag}: `{typed}` is not {example}; use --quarter 2025-Q2, --half 2025-H1 or --year 2025"
    },
    CannotEditTask [unreachable: "a bug guard: the task's lines parsed as the plan loaded, so toml_edit reads them too"] => { vi: "par không sửa được nhiệm vụ {id}: {reason}", en: "par cannot edit task {id}: {reason}" },
    NothingWrittenAfter => { vi: "{reason}; không ghi gì", en: "{reason}; nothing was written" },
    ManualNotRendered [unreachable: "clap_mangen failing on par's own command tree"] => {
        vi: "không tạo được trang hướng dẫn: {reason}",
        en: "cannot render the manual: {reason}"
    },
    NoManualPage [unreachable: "the command tree always has its main page"] => {
        vi: "không có trang hướng dẫn",
        en: "no manual page"
    },
    CannotCreateFolder => { vi: "không tạo được {dir}: {reason}", en: "cannot create {dir}: {reason}" },
    WrotePages => { vi: "Đã ghi {count} trang vào {dir}", en: "Wrote {count} pages into {dir}" },
}
