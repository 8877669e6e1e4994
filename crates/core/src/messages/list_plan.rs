//! The catalogue's entries for what a plan file says wrongly: its diagnostics as a
//! compiler shows them, TOML it cannot read, and the plan's checks (`plan/validate.rs`,
//! `plan/history.rs`). A list of their own, so `list.rs` stays readable;
//! `with_plan_checks!` hands `messages!` both lists as one.

/// `messages!` with the entries below after the ones given.
macro_rules! with_plan_checks {
    ($($rest:tt)*) => {
        messages! {
            $($rest)*

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
            TomlWrongKind => { vi: "giá trị không đúng loại ({detail})", en: "a value of the wrong kind ({detail})" },
            TomlUnquotedDate => {
                vi: "ngày viết dạng ngày/tháng/năm phải nằm trong ngoặc kép ({detail})",
                en: "a date written day/month/year must be in quotes ({detail})"
            },
            TomlUnquotedDateHelp => {
                vi: "viết {iso} hoặc \"{typed}\"",
                en: "write {iso} or \"{typed}\""
            },
            TomlCurlyQuotes => {
                vi: "dấu ngoặc kép cong (“ ” ‘ ’), thường do dán từ Word ({detail})",
                en: "curly quotes (“ ” ‘ ’), usually pasted from Word ({detail})"
            },
            TomlCurlyQuotesHelp => {
                vi: "thay chúng bằng dấu ngoặc kép thẳng \"; tắt \"smart quotes\" trong trình soạn thảo",
                en: "replace them with straight quotes \"; turn off \"smart quotes\" in the editor"
            },
            TomlUnclosedString => { vi: "thiếu dấu ngoặc kép đóng chuỗi ({detail})", en: "a string is missing its closing quote ({detail})" },
            TomlUnclosedStringHelp => {
                vi: "thêm \" ở cuối giá trị trên dòng này",
                en: "add \" at the end of the value on this line"
            },
            TomlMissingEquals => { vi: "thiếu dấu = giữa khóa và giá trị ({detail})", en: "the `=` between key and value is missing ({detail})" },
            TomlMissingEqualsHelp => {
                vi: "viết khóa = giá trị, ví dụ title = \"…\"",
                en: "write key = value, e.g. title = \"…\""
            },
            TomlUnquotedText => { vi: "giá trị chữ phải nằm trong ngoặc kép ({detail})", en: "text values must be in quotes ({detail})" },
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

            // The plan's checks (plan/validate.rs, plan/history.rs). An id named `What…` is
            // a phrase said inside another message (its `{what}`), never alone.
            WhatPlanDate => { vi: "ngày ban hành kế hoạch", en: "the plan's date" },
            WhatPlanStart => { vi: "ngày bắt đầu của kế hoạch", en: "the plan's start" },
            WhatDocumentDate => { vi: "ngày của {what}", en: "the date of {what}" },
            WhatBasis => { vi: "một căn cứ pháp lý", en: "a legal basis" },
            WhatTaskReference => { vi: "một văn bản tham chiếu của nhiệm vụ `{id}`", en: "a reference of task `{id}`" },
            WhatTaskStart => { vi: "ngày bắt đầu của nhiệm vụ `{id}`", en: "task `{id}`'s start" },
            WhatTaskDue => { vi: "hạn của nhiệm vụ `{id}`", en: "task `{id}`'s due date" },
            WhatTaskEnd => { vi: "ngày kết thúc của nhiệm vụ `{id}`", en: "task `{id}`'s end" },
            WhatTaskAdded => { vi: "ngày thêm (`added`) của nhiệm vụ `{id}`", en: "task `{id}`'s `added` date" },
            WhatDoneDate => { vi: "ngày hoàn thành của nhiệm vụ `{id}`", en: "task `{id}`'s done date" },
            WhatLogDate => { vi: "một mục nhật ký của nhiệm vụ `{id}`", en: "a progress entry of task `{id}`" },
            WhatMeasureDate => { vi: "một số đo của nhiệm vụ `{id}`", en: "a measurement of task `{id}`" },
            WhatCancelDate => { vi: "ngày hủy của nhiệm vụ `{id}`", en: "task `{id}`'s cancellation date" },
            WhatChangeFrom => { vi: "ngày `from` của thay đổi", en: "the change's `from` date" },
            WhatSentDate => { vi: "ngày gửi báo cáo", en: "the sent report's date" },
            WhatMax => { vi: "điểm tối đa", en: "the maximum" },
            WhatLastYear => { vi: "điểm năm trước", en: "last year's score" },
            WhatSelfScore => { vi: "điểm tự đánh giá", en: "the self-assessed score" },
            PlanDateOutsideYears => { vi: "{what} nằm ngoài các năm {from}–{to}", en: "{what} is outside the years {from}–{to}" },
            PlanNotADate => { vi: "{what} không phải là ngày", en: "{what} is not a date" },
            PlanNotADateHelp => {
                vi: "viết ngày dạng 2025-05-30 (hoặc \"30/5/2025\" trong ngoặc kép)",
                en: "write a date as 2025-05-30 (or \"30/5/2025\" in quotes)"
            },
            UnknownSectionRef => { vi: "không có phần mã `{id}`", en: "unknown section `{id}`" },
            UnknownOwnerRef => { vi: "không có người chủ trì mã `{id}`", en: "unknown owner `{id}`" },
            UnknownCriterionRef => { vi: "không có tiêu chí mã `{id}`", en: "unknown criterion `{id}`" },
            RefNearHelp => {
                vi: "ý bạn là `{near}`? mỗi mã được khai báo một lần trong bảng của nó ([[section]], [[owner]], [index])",
                en: "did you mean `{near}`? each id is defined once in its own table ([[section]], [[owner]], [index])"
            },
            RefKnownHelp => { vi: "khai báo mã này trước (các mã đã có: {known})", en: "define it first (the ids defined: {known})" },
            PlanYearOutOfRange => {
                vi: "năm của kế hoạch phải từ {from} đến {to}",
                en: "the plan's year must be between {from} and {to}"
            },
            UnknownPlanLang => { vi: "ngôn ngữ lạ `{typed}`", en: "unknown language `{typed}`" },
            UnknownPlanLangHelp => { vi: "dùng \"vi\" hoặc \"en\"", en: "use \"vi\" or \"en\"" },
            PlanUnitEmpty => { vi: "tên đơn vị (`unit`) đang trống", en: "the unit's name is empty" },
            DaysOutOfRange => { vi: "{key} phải là số ngày từ 0 đến 3660", en: "{key} must be a number of days from 0 to 3660" },
            OwnerIdEmpty => { vi: "mã của một người chủ trì đang trống", en: "an owner's id is empty" },
            OwnerDefinedTwice => { vi: "người chủ trì `{id}` được khai báo hai lần", en: "owner `{id}` is defined twice" },
            SectionDefinedTwice => { vi: "phần `{id}` được khai báo hai lần", en: "section `{id}` is defined twice" },
            TasksWithoutSections => {
                vi: "các nhiệm vụ ghi phần (section) nhưng tệp chưa khai báo phần nào",
                en: "tasks name sections, but the file defines none"
            },
            TasksWithoutSectionsHelp => { vi: "thêm các bảng [[section]] có id và title", en: "add [[section]] tables with id and title" },
            BadTaskId => {
                vi: "mã nhiệm vụ `{id}` không được trống, không có dấu cách hay `@`",
                en: "task id `{id}` must be non-empty, without spaces or `@`"
            },
            BadTaskIdHelp => {
                vi: "dùng số thứ tự văn bản kế hoạch đặt cho nhiệm vụ, ví dụ \"4\" hoặc \"III.1\"",
                en: "use the number the document gives the task, e.g. \"4\" or \"III.1\""
            },
            DuplicateTaskId => {
                vi: "trùng mã: mã nhiệm vụ `{id}` được dùng hai lần (lần đầu ở dòng {line})",
                en: "duplicate id: task id `{id}` is used twice (first on line {line})"
            },
            DuplicateTaskIdHelp => { vi: "mỗi nhiệm vụ một mã riêng", en: "give each task its own id" },
            DuplicateTaskIdForm => {
                vi: "trùng mã: mã nhiệm vụ `{id}` được dùng hai lần, viết ở dạng Unicode khác (lần đầu ở dòng {line})",
                en: "duplicate id: task id `{id}` is used twice, written in another Unicode form (first on line {line})"
            },
            DuplicateTaskIdFormHelp => {
                vi: "mỗi nhiệm vụ một mã riêng; mã được so sánh ở dạng Unicode NFC, nên một chữ gõ dựng sẵn (ệ) hay tổ hợp (e + dấu) là cùng một chữ",
                en: "give each task its own id; ids are compared in Unicode NFC form, so a letter typed composed (ệ) or decomposed (e + marks) is the same letter"
            },
            TaskTitleEmptyInPlan => { vi: "nhiệm vụ `{id}` có tên trống", en: "task `{id}` has an empty title" },
            CriterionWithoutIndex => {
                vi: "nhiệm vụ `{id}` gắn với tiêu chí `{code}` nhưng kế hoạch chưa có [index]",
                en: "task `{id}` links to criterion `{code}`, but the plan has no [index]"
            },
            CriterionWithoutIndexHelp => {
                vi: "thêm cây Chỉ số CCHC trong [index] (xem README), hoặc bỏ `criteria`",
                en: "add the PAR Index tree under [index] (see README), or remove `criteria`"
            },
            UnknownRepeatInPlan => { vi: "quy tắc lặp lạ `{typed}`", en: "unknown repeat `{typed}`" },
            DueBeforeStart => {
                vi: "hạn của nhiệm vụ `{id}` ({due}) trước ngày bắt đầu ({start})",
                en: "task `{id}` is due ({due}) before it starts ({start})"
            },
            EndBeforeStart => {
                vi: "nhiệm vụ `{id}` kết thúc ({end}) trước ngày bắt đầu ({start})",
                en: "task `{id}` ends ({end}) before it starts ({start})"
            },
            RepeatsWithDue => {
                vi: "nhiệm vụ `{id}` lặp lại nên không có một hạn duy nhất",
                en: "task `{id}` repeats, so it has no single due date"
            },
            RepeatsWithDueHelp => {
                vi: "bỏ `due`; dùng `due_day` (ngày hạn trong tháng cuối của kỳ) và `end` cho kỳ cuối cùng",
                en: "remove `due`; use `due_day` (day of the period's last month) and `end` for the last period"
            },
            DayOfMonthRange => { vi: "{key} phải là một ngày trong tháng, từ 1 đến 31", en: "{key} must be a day of the month, 1 to 31" },
            DueDayWithoutRepeat => {
                vi: "nhiệm vụ `{id}` không lặp lại nên `due_day` không có nghĩa",
                en: "task `{id}` does not repeat, so `due_day` has no meaning"
            },
            DueDayWithoutRepeatHelp => { vi: "dùng `due` cho hạn của nhiệm vụ làm một lần", en: "use `due` for a one-off task's deadline" },
            UnknownDirection => { vi: "chiều đánh giá lạ", en: "unknown direction" },
            UnknownDirectionHelp => {
                vi: "dùng \"at-least\" (càng cao càng tốt) hoặc \"at-most\" (càng thấp càng tốt)",
                en: "use \"at-least\" (higher is better) or \"at-most\""
            },
            TargetNotANumber => { vi: "mục tiêu (`target`) phải là một số", en: "the target must be a number" },
            MeasureWithoutIndicator => {
                vi: "nhiệm vụ `{id}` có số đo nhưng không có [task.indicator] để so sánh",
                en: "task `{id}` has a measurement but no [task.indicator] to measure against"
            },
            MeasureWithoutIndicatorHelp => {
                vi: "thêm [task.indicator] có name và target phía trên các số đo",
                en: "add [task.indicator] with name and target above the measurements"
            },
            MeasureNotFinite => { vi: "số đo phải là một số hữu hạn", en: "a measurement must be a finite number" },
            TaskHasNoSuchPeriod => { vi: "nhiệm vụ `{id}` không có kỳ {period}", en: "task `{id}` has no period {period}" },
            TaskHasNoSuchPeriodHelp => {
                vi: "nhiệm vụ `{id}` lặp lại {repeat}; dùng một kỳ của nhiệm vụ trong năm {year}",
                en: "task `{id}` repeats {repeat}; use one of its periods in {year}"
            },
            DonePeriodWrongKind => {
                vi: "nhiệm vụ `{id}` lặp lại {repeat}, nhưng mục hoàn thành này ghi kỳ {period}",
                en: "task `{id}` repeats {repeat}, but this done mark names the period {period}"
            },
            DoneNeedsPeriod => {
                vi: "nhiệm vụ `{id}` lặp lại {repeat}, nên mục hoàn thành phải ghi kỳ được hoàn thành",
                en: "task `{id}` repeats {repeat}, so its done mark needs the period it closes"
            },
            DoneNeedsPeriodHelp => { vi: "thêm period = \"{example}\"", en: "add period = \"{example}\"" },
            DonePeriodWithoutRepeat => {
                vi: "nhiệm vụ `{id}` không lặp lại nên mục hoàn thành không ghi kỳ",
                en: "task `{id}` does not repeat, so its done mark takes no period"
            },
            DoneTwice => { vi: "nhiệm vụ `{id}` được đánh dấu hoàn thành hai lần", en: "task `{id}` is marked done twice" },
            DoneTwiceFor => {
                vi: "nhiệm vụ `{id}` được đánh dấu hoàn thành hai lần cho kỳ {period}",
                en: "task `{id}` is marked done twice for {period}"
            },
            DoneTwiceHelp => {
                vi: "giữ một mục [[task.done]]; `par reopen` bỏ một mục",
                en: "keep one [[task.done]] entry; `par reopen` removes one"
            },
            CriterionCodeShape => {
                vi: "mã tiêu chí `{code}` phải gồm các phần cách nhau bởi dấu chấm, như 3, 3.2 hoặc 3.2.1",
                en: "criterion code `{code}` must be dotted parts like 3 or 3.2 or 3.2.1"
            },
            CriterionDefinedTwice => { vi: "tiêu chí `{code}` được khai báo hai lần", en: "criterion `{code}` is defined twice" },
            CriterionBeforeParent => {
                vi: "tiêu chí `{code}` đứng trước (hoặc thiếu) tiêu chí cha `{parent}`",
                en: "criterion `{code}` comes before (or without) its parent `{parent}`"
            },
            CriterionBeforeParentHelp => {
                vi: "khai báo `{parent}` phía trên; mã cho biết cây: lĩnh vực 3, tiêu chí 3.2, tiêu chí thành phần 3.2.1",
                en: "define `{parent}` above it; codes give the tree: area 3, criterion 3.2, sub-criterion 3.2.1"
            },
            PointsNegative => {
                vi: "{what} của tiêu chí `{code}` phải bằng hoặc lớn hơn 0 điểm",
                en: "{what} of criterion `{code}` must be zero or more points"
            },
            CriterionNeedsMax => {
                vi: "tiêu chí `{code}` cần `max` (điểm tối đa)",
                en: "criterion `{code}` needs `max` (its maximum points)"
            },
            MaxNotSum => {
                vi: "`{code}` có điểm tối đa {max}, nhưng tổng các phần là {sum}",
                en: "`{code}` has max {max}, but its parts add up to {sum}"
            },
            MaxNotSumHelp => {
                vi: "sửa cho tổng các phần khớp, hoặc bỏ `max` của tiêu chí cha",
                en: "make the parts add up, or leave out the parent's max"
            },
            ScoreAboveMax => {
                vi: "{what} của `{code}` ({score}) vượt điểm tối đa ({max})",
                en: "{what} of `{code}` ({score}) is above its maximum ({max})"
            },
            UnknownCalendar => { vi: "lịch báo cáo lạ `{typed}`", en: "unknown reporting calendar `{typed}`" },
            UnknownCalendarHelp => {
                vi: "dùng một trong {keywords} (quý theo lịch, kỳ chốt số liệu theo Nghị định 09/2019, lịch báo cáo CCHC)",
                en: "use one of {keywords} (calendar quarters, Decree 09/2019 cut-off dates, the reform-report calendar)"
            },
            UseOneOf => { vi: "dùng một trong {keywords}", en: "use one of {keywords}" },
            ProposalOutsideYear => {
                vi: "kiến nghị cho kỳ {period} nằm ngoài năm kế hoạch {year}",
                en: "proposal for {period} is outside the plan's year {year}"
            },
            NoReportForProposal => {
                vi: "không có báo cáo nào cho kỳ của kiến nghị này: {reason}",
                en: "no report covers this proposal's period: {reason}"
            },
            ProposalEmpty => { vi: "nội dung kiến nghị đang trống", en: "the proposal's text is empty" },
            DueDayBeforeClose => {
                vi: "[report] due_day = {day} đặt hạn gửi báo cáo {label} vào ngày {due}, trước ngày kỳ báo cáo kết thúc ({to}): báo cáo không thể đến hạn trước khi chốt số liệu",
                en: "[report] due_day = {day} makes the {label} report due on {due}, before its reporting period ends on {to}: a report cannot be due before its figures close"
            },
            DueDayBeforeCloseCalendarHelp => {
                vi: "bỏ dòng due_day (hạn là ngày cuối kỳ), hoặc dùng calendar = \"decree-09\" (kỳ chốt số liệu ngày 14, hạn ngày 20 tháng cuối kỳ)",
                en: "remove the due_day line (the report is then due on the period's last day), or use calendar = \"decree-09\" (figures close on the 14th, due on the 20th of the last month)"
            },
            DueDayBeforeCloseCutoffHelp => {
                vi: "đặt due_day từ 14 đến 31 (kỳ báo cáo kết thúc ngày 14 tháng cuối kỳ), hoặc bỏ dòng này (mặc định ngày 20)",
                en: "set due_day between 14 and 31 (the reporting period ends on the 14th of its last month), or remove the line (default: the 20th)"
            },
            UnknownUnitKind => { vi: "loại đơn vị lạ `{typed}`", en: "unknown unit_kind `{typed}`" },
            NoteOutsideYear => {
                vi: "ghi chú cho kỳ {period} nằm ngoài năm kế hoạch {year}",
                en: "note for {period} is outside the plan's year {year}"
            },
            NoReportForNote => {
                vi: "không có báo cáo nào cho kỳ của ghi chú này: {reason}",
                en: "no report covers this note's period: {reason}"
            },
            UnknownNoteKind => { vi: "loại ghi chú lạ `{typed}`", en: "unknown note kind `{typed}`" },
            NoteEmpty => { vi: "nội dung ghi chú đang trống", en: "the note's text is empty" },
            WindowMonth => {
                vi: "{period} là một tháng; báo cáo tính theo quý, 6 tháng hoặc năm",
                en: "{period} is a month; reports cover a quarter, a half year or a year"
            },
            WindowCchcNoQ2 => {
                vi: "lịch báo cáo CCHC (cchc) không có báo cáo quý II: báo cáo 6 tháng bao gồm kỳ đó; dùng {year}-H1",
                en: "the reform-report calendar (cchc) has no Q2 report: the 6-month report covers it; use {year}-H1"
            },
            WindowCchcNoQ4 => {
                vi: "lịch báo cáo CCHC (cchc) không có báo cáo quý IV: báo cáo năm bao gồm kỳ đó; dùng {year}",
                en: "the reform-report calendar (cchc) has no Q4 report: the yearly report covers it; use {year}"
            },
            WindowCchcNoH2 => {
                vi: "lịch báo cáo CCHC (cchc) không có báo cáo 6 tháng cuối năm: báo cáo năm bao gồm kỳ đó; dùng {year}",
                en: "the reform-report calendar (cchc) has no second-half report: the yearly report covers it; use {year}"
            },
            ChangeChangesNothing => { vi: "bảng [[plan.change]] này không thay đổi gì", en: "this [[plan.change]] changes nothing" },
            ChangeChangesNothingHelp => {
                vi: "ghi các giá trị mới: superior, recipients, place, to hoặc signer",
                en: "give the new values: superior, recipients, place, to or signer"
            },
            ChangeTwice => {
                vi: "hai bảng [[plan.change]] cùng có hiệu lực từ ngày {from}",
                en: "two [[plan.change]] tables take effect on {from}"
            },
            ChangeTwiceHelp => { vi: "gộp chúng thành một bảng", en: "merge them into one table" },
            BadSha256 => { vi: "sha256 phải gồm 64 chữ số thập lục phân", en: "sha256 must be 64 hexadecimal digits" },
            BadSha256Help => {
                vi: "par report --final ghi giá trị này; tính lại bằng `sha256sum TỆP`",
                en: "par report --final writes it; compute it again with `sha256sum FILE`"
            },
            SentFileEmpty => { vi: "tên tệp của báo cáo đã gửi đang trống", en: "the sent report's file is empty" },
            SentTwice => {
                vi: "báo cáo kỳ {period} được ghi là đã gửi hai lần",
                en: "the report for {period} is recorded as sent twice"
            },
            SentTwiceHelp => { vi: "mỗi kỳ chỉ giữ một bảng [[report.sent]]", en: "keep one [[report.sent]] table per period" },
            SentNumberTwice => { vi: "số {number} được ghi cho hai báo cáo", en: "the number {number} is recorded for two reports" },
            SentNumberTwiceHelp => { vi: "mỗi báo cáo đã gửi có số riêng", en: "each report sent has its own number" },
            CancelledWithoutReason => {
                vi: "nhiệm vụ `{id}` bị hủy mà không ghi lý do",
                en: "task `{id}` is cancelled without a reason"
            },
            CancelledWithoutReasonHelp => {
                vi: "ghi lý do nhiệm vụ không thực hiện: reason = \"…\"",
                en: "say why the task will not be carried out: reason = \"…\""
            },
        }
    };
}
