//! `par assess`: the self-assessment season (issue #16). Without a subcommand, prints the
//! self-assessment table (`--format table|json`, `--final`, `-o`); `score` records a
//! criterion's points with evidence and explanation, `na` marks a criterion not
//! applicable (or takes the mark off), `sets` lists or prints the shipped criteria sets.
//!
//! Scores and exclusions live in the plan as `[[assess.score]]` (code, points, evidence,
//! explain) and `[[assess.na]]` (code, reason) tables. A new one goes after the last
//! `[assess…]` table, else after the `[index…]` tables, else before the first task; a
//! criterion scored again has its own table edited in place (the keys not given keep
//! their lines). Every change goes through the checked, atomic, locked write.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use crate::cli::{
    AssessAction, AssessArgs, AssessFormat, AssessNaArgs, AssessPackArgs, AssessScoreArgs, AssessSetsArgs,
};
use crate::compute::assess::{final_blockers, in_window, parse_evidence, table_in, window};
use crate::compute::assess_table::Scoring;
use crate::dates::short;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::output::{Payload, deliver};
use crate::plan::{Index, Plan};
use crate::render::Style;
use crate::render::assess::{json as assess_json, table as assess_table};
use crate::say;
use crate::write::Session;
use crate::write::keys::edit_table;
use crate::write::locate::Layout;
use crate::write::splice::{Change, Lines, block_after, quote};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &AssessArgs) -> anyhow::Result<Outcome> {
    match &args.action {
        Some(AssessAction::Score(a)) => score(ctx, a),
        Some(AssessAction::Na(a)) => na(ctx, a),
        Some(AssessAction::Sets(a)) => sets(ctx, a),
        Some(AssessAction::Pack(a)) => pack(ctx, a),
        None => show(ctx, args),
    }
}

/// The table, to standard output or `-o FILE`; with `--final`, refused while a criterion
/// needs an explanation or is not scored.
fn show(ctx: &Context, args: &AssessArgs) -> anyhow::Result<Outcome> {
    let plan_path = ctx.plan_path()?;
    let loaded = ctx.load_at(&plan_path)?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let output = super::report::check_output(args.output.as_deref(), &plan_path, args.force, lang)?;
    let table = table_in(plan, ctx.today, lang)
        .ok_or_else(|| Fail::input(say!(lang, NoIndexTree, file = loaded.path.display())))?;
    if args.r#final {
        let (explain, unscored) = final_blockers(&table);
        if !explain.is_empty() || !unscored.is_empty() {
            let mut lines = Vec::new();
            if !explain.is_empty() {
                lines.push(say!(lang, AssessFinalNeedsExplanation, codes = explain.join(", ")));
            }
            if !unscored.is_empty() {
                lines.push(say!(lang, AssessFinalUnscored, codes = unscored.join(", ")));
            }
            return Err(Fail::findings(lines.join("; ")).help(say!(lang, AssessFinalHelp)).into());
        }
    }
    // One arm per format: the xlsx and docx renderers join here.
    let payload = match args.format {
        AssessFormat::Table => {
            let width = if output.is_some() { None } else { ctx.width };
            Payload::Text(assess_table::render(&table, &Style::new(lang, ctx.color && output.is_none(), width)))
        }
        AssessFormat::Json => Payload::Text(assess_json::render(&table)),
        AssessFormat::Xlsx => Payload::Binary(crate::render::assess::xlsx::xlsx(&table, lang).map_err(Fail::write)?),
        AssessFormat::Docx => {
            let head = crate::render::assess::docx::Head::of(plan, ctx.today, lang);
            Payload::Binary(crate::render::assess::docx::docx(&table, &head).map_err(Fail::write)?)
        }
    };
    Ok(deliver(output.as_ref(), payload, lang, "assess")?)
}

/// `par assess pack -o FILE`: the dossier (the table as docx and xlsx, the evidence list,
/// the evidence files, SHA256SUMS), see `assess_pack`.
fn pack(ctx: &Context, args: &AssessPackArgs) -> anyhow::Result<Outcome> {
    let plan_path = ctx.plan_path()?;
    let loaded = ctx.load_at(&plan_path)?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let table = table_in(plan, ctx.today, lang)
        .ok_or_else(|| Fail::input(say!(lang, NoIndexTree, file = loaded.path.display())))?;
    let opts = super::assess_pack::PackOptions { force: args.force, allow_outside: args.allow_outside, lang };
    Ok(super::assess_pack::run(plan, &plan_path, &table, ctx.today, &args.output, opts)?)
}

/// `par assess sets [NAME]`: the shipped sets, or one set's file.
fn sets(ctx: &Context, args: &AssessSetsArgs) -> anyhow::Result<Outcome> {
    let lang = ctx.lang.unwrap_or_default();
    let shipped = crate::plan::sets::SHIPPED;
    match &args.name {
        Some(name) => match crate::plan::sets::shipped(name) {
            Some(set) => Ok(Outcome::ok(set.text.to_string())),
            None => {
                let known: Vec<&str> = shipped.iter().map(|s| s.name).collect();
                Err(Fail::input(say!(lang, AssessSetUnknown, name = crate::text::clean(name.trim())))
                    .help(say!(lang, KnownKeywords, keywords = known.join(", ")))
                    .into())
            }
        },
        None => {
            let mut out = String::new();
            for s in shipped {
                let first = s.text.lines().next().unwrap_or("").trim_start_matches('#').trim();
                out.push_str(&format!("{:<26} {first}\n", s.name));
            }
            out.push_str(lang.pick(
                "\nDùng: [index] set = \"TÊN\" trong plan.toml, hoặc set = \"tep-cua-tinh.toml\" (tệp cạnh kế hoạch).\n",
                "\nUse: [index] set = \"NAME\" in plan.toml, or set = \"province-set.toml\" (a file beside the plan).\n",
            ));
            Ok(Outcome::ok(out))
        }
    }
}

/// The node the typed code names (through the crosswalk too), or a refusal naming the nearest.
fn node(index: &Index, typed: &str, lang: Lang) -> Result<usize, Fail> {
    if let Some(i) = crate::plan::sets::resolve(index, typed) {
        return Ok(i);
    }
    let codes = index.nodes.iter().map(|n| n.code.as_str());
    let near = crate::text::nearest(typed.trim(), codes, 1);
    let fail = Fail::input(say!(lang, AssessCodeUnknown, code = crate::text::clean(typed.trim())));
    Err(match near.first() {
        Some(n) => fail.help(say!(lang, DidYouMeanCode, code = n)),
        None => fail,
    })
}

fn index_of(s: &Session) -> Result<&Index, Fail> {
    s.plan().index.as_ref().ok_or_else(|| Fail::input(say!(s.lang, NoIndexTree, file = s.path.display())))
}

/// `par assess score CODE POINTS [--evidence REF]… [--explain TEXT]`.
fn score(ctx: &Context, args: &AssessScoreArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let index = index_of(&s)?;
    let i = node(index, &args.code, lang)?;
    let n = &index.nodes[i];
    let (code, max) = (n.code.clone(), n.max);
    if !n.children.is_empty() {
        let parts: Vec<&str> = n.children.iter().map(|&c| index.nodes[c].code.as_str()).collect();
        return Err(Fail::input(say!(lang, AssessScoreParent, code))
            .help(say!(lang, AssessScoreParts, parts = parts.join(", ")))
            .into());
    }
    if n.scoring == Scoring::Survey {
        return Err(Fail::input(say!(lang, AssessScoreSurvey, code)).help(say!(lang, AssessScoreSurveyHelp)).into());
    }
    // Marked not applicable, itself or through an area or criterion above it.
    let mut up = Some(i);
    while let Some(k) = up {
        if plan.assess.na_of(k).is_some() {
            let marked = &index.nodes[k].code;
            return Err(Fail::input(say!(lang, AssessScoreNa, code))
                .help(say!(lang, AssessScoreNaHelp, code = marked))
                .into());
        }
        up = index.nodes[k].parent;
    }
    let points = points(&args.points, &code, n.max, lang)?;
    let evidence: Vec<String> = args.evidence.iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
    let folder = s.path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut warnings = Vec::new();
    let win = window(plan);
    for e in &evidence {
        let parsed = parse_evidence(e);
        if let Some(p) = &parsed.path
            && !args.allow_outside
            && outside(&folder, p)
        {
            return Err(Fail::input(say!(lang, AssessEvidenceOutside, path = crate::text::clean(p)))
                .help(say!(lang, AssessEvidenceOutsideHelp))
                .into());
        }
        if let Some(d) = parsed.date.filter(|d| !in_window(win, *d)) {
            warnings.push(say!(
                lang,
                AssessEvidenceOutsideWindow,
                evidence = crate::text::clean(e),
                date = short(d),
                from = short(win.0),
                to = short(win.1)
            ));
        }
    }
    let explain = args.explain.as_deref().map(str::trim).filter(|e| !e.is_empty());
    let mut set: Vec<(&str, String)> = vec![("points", number(points))];
    if !evidence.is_empty() {
        set.push(("evidence", crate::write::splice::array(&evidence)));
    }
    if let Some(x) = explain {
        set.push(("explain", quote(x)));
    }
    let existing = plan.assess.scores.iter().position(|x| x.node == i);
    let change = match existing {
        Some(k) => edit_block(&s, "score", k, plan.assess.scores.len(), &set)?,
        None => {
            let mut lines = Lines::new(s.eol());
            lines.raw("[[assess.score]]").string("code", &code);
            for (key, value) in &set {
                lines.raw(&format!("{key} = {value}"));
            }
            append(&s, &lines.text)
        }
    };
    verify(&s, &change, |p| p.assess.score_of(i).is_some_and(|x| (x.points - points).abs() < 1e-9))?;
    let recorded = match existing {
        Some(k) if evidence.is_empty() => plan.assess.scores[k].evidence.len(),
        _ => evidence.len(),
    };
    let offered = offered(plan, ctx.today, &code, lang);
    s.commit(&change)?;
    for w in warnings {
        eprintln!("{}: {w}", say!(lang, LabelWarning));
    }
    let style = Style::new(lang, false, None);
    let mut out = lang
        .pick(
            &format!(
                "Đã ghi điểm tự đánh giá tiêu chí {code}: {}/{} ({recorded} tài liệu kiểm chứng).\n",
                style.points(points),
                style.points(max)
            ),
            &format!(
                "Recorded the self-score of criterion {code}: {}/{} ({recorded} evidence references).\n",
                style.points(points),
                style.points(max)
            ),
        )
        .to_string();
    if recorded == 0 && !offered.is_empty() {
        out.push_str(lang.pick(
            "Tài liệu kiểm chứng các nhiệm vụ liên kết đã ghi (thêm bằng --evidence):\n",
            "Evidence the linked tasks gathered (add it with --evidence):\n",
        ));
        for o in offered {
            out.push_str(&format!("  - {o}\n"));
        }
    }
    Ok(Outcome::ok(out))
}

/// The typed points: a number (a decimal comma too) from 0 to the maximum.
fn points(typed: &str, code: &str, max: f64, lang: Lang) -> Result<f64, Fail> {
    let t = typed.trim().replace(',', ".");
    let Ok(p) = t.parse::<f64>().map_err(|_| ()).and_then(|p| if p.is_finite() { Ok(p) } else { Err(()) }) else {
        return Err(Fail::input(say!(lang, AssessPointsNotNumber, typed = crate::text::clean(typed.trim()))));
    };
    let style = Style::new(lang, false, None);
    if p < 0.0 {
        return Err(Fail::input(say!(lang, AssessPointsNegative, code, points = style.points(p))));
    }
    if p > max + 1e-9 {
        return Err(Fail::input(say!(
            lang,
            AssessPointsAboveMax,
            code,
            points = style.points(p),
            max = style.points(max)
        )));
    }
    Ok(p)
}

/// Points as the file writes them: `2`, `1.5`.
fn number(p: f64) -> String {
    let s = format!("{p:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Whether a path named by evidence lies outside the plan's folder tree: absolute, or
/// climbing out with `..`, or (when it exists) a link that leads out.
fn outside(folder: &Path, path: &str) -> bool {
    let p = Path::new(path);
    if p.is_absolute() || path.starts_with('\\') || path.get(1..3) == Some(":\\") {
        return true;
    }
    let mut depth: i32 = 0;
    for c in p.components() {
        match c {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            _ => return true,
        }
        if depth < 0 {
            return true;
        }
    }
    let joined: PathBuf = folder.join(p);
    match (
        std::fs::canonicalize(&joined),
        std::fs::canonicalize(if folder.as_os_str().is_empty() { Path::new(".") } else { folder }),
    ) {
        (Ok(real), Ok(root)) => !real.starts_with(root),
        _ => false,
    }
}

/// The evidence the tasks linked to the criterion gathered (done marks, log entries).
fn offered(plan: &Plan, today: chrono::NaiveDate, code: &str, lang: Lang) -> Vec<String> {
    let Some(r) = crate::compute::index::evidence(plan, today, lang) else { return Vec::new() };
    let Some(c) = r.criteria.iter().find(|c| c.code == code) else { return Vec::new() };
    c.evidence
        .iter()
        .map(|e| {
            format!(
                "{} ({} {}, {})",
                crate::text::one_line(&e.reference),
                lang.pick("nhiệm vụ", "task"),
                e.task,
                short(e.date)
            )
        })
        .collect()
}

/// `par assess na CODE --reason TEXT`, `par assess na CODE --undo`.
fn na(ctx: &Context, args: &AssessNaArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let index = index_of(&s)?;
    let i = node(index, &args.code, lang)?;
    let code = index.nodes[i].code.clone();
    let existing = plan.assess.na.iter().position(|x| x.node == i);
    let total = plan.assess.na.len();
    if args.undo {
        let Some(k) = existing else {
            return Err(Fail::input(say!(lang, AssessNaNothingToUndo, code)).into());
        };
        let (_, removal) = block(&s, "na", k, total)?;
        let change = Change::new(removal, String::new());
        verify(&s, &change, |p| p.assess.na_of(i).is_none())?;
        s.commit(&change)?;
        return Ok(Outcome::ok(
            lang.pick(
                &format!("Đã bỏ ghi không áp dụng của tiêu chí {code}.\n"),
                &format!("Criterion {code} is applicable again.\n"),
            )
            .to_string(),
        ));
    }
    let reason = args.reason.as_deref().map(str::trim).unwrap_or("");
    if reason.is_empty() {
        return Err(Fail::input(say!(lang, AssessNaNeedsReason)).into());
    }
    if plan.assess.score_of(i).is_some() || scored_below(plan, index, i) {
        return Err(Fail::input(say!(lang, AssessNaScored, code)).help(say!(lang, AssessNaScoredHelp, code)).into());
    }
    let change = match existing {
        Some(k) => edit_block(&s, "na", k, total, &[("reason", quote(reason))])?,
        None => {
            let mut lines = Lines::new(s.eol());
            lines.raw("[[assess.na]]").string("code", &code).string("reason", reason);
            append(&s, &lines.text)
        }
    };
    verify(&s, &change, |p| p.assess.na_of(i).is_some_and(|x| x.reason == reason))?;
    s.commit(&change)?;
    Ok(Outcome::ok(
        lang.pick(
            &format!("Đã ghi tiêu chí {code} không áp dụng: {}.\n", crate::text::one_line(reason)),
            &format!("Marked criterion {code} not applicable: {}.\n", crate::text::one_line(reason)),
        )
        .to_string(),
    ))
}

/// Whether a part of the node is scored.
fn scored_below(plan: &Plan, index: &Index, i: usize) -> bool {
    index.nodes[i].children.iter().any(|&c| plan.assess.score_of(c).is_some() || scored_below(plan, index, c))
}

/// The `k`-th `[[assess.<name>]]` table of `total`: its bytes (header to last line) and
/// what removing it takes (with the blank lines before it).
fn block(s: &Session, name: &str, k: usize, total: usize) -> Result<(Range<usize>, Range<usize>), Fail> {
    let layout = Layout::scan(s.text());
    let h = &layout.headers;
    let found: Vec<usize> = (0..h.len()).filter(|&j| h[j].array && h[j].path == ["assess", name]).collect();
    if found.len() != total {
        return Err(Fail::input(say!(s.lang, AssessTablesNotFound, path = s.path.display())));
    }
    let j = found[k];
    let end = before_comments(s.text(), h[j].start, h.get(j + 1).map_or(layout.content_end, |n| n.prev_content_end));
    Ok((h[j].start..end, h[j].prev_content_end..end))
}

/// The `k`-th `[[assess.<name>]]` table with `set` keys changed, the others kept.
fn edit_block(s: &Session, name: &str, k: usize, total: usize, set: &[(&str, String)]) -> Result<Change, Fail> {
    let (range, _) = block(s, name, k, total)?;
    let text = &s.text()[range.clone()];
    let order = ["code", "points", "evidence", "explain", "reason"];
    let new = edit_table(text, &["assess", name], true, set, &[], s.eol(), &order)
        .map_err(|reason| Fail::input(say!(s.lang, AssessTablesNotFound, path = s.path.display())).help(reason))?;
    Ok(Change::new(range, new))
}

/// A new table placed after the last `[assess…]` table, else after the `[index…]` tables,
/// else before the first task (and the comments above it), else at the end.
fn append(s: &Session, lines: &str) -> Change {
    let text = s.text();
    let layout = Layout::scan(text);
    let h = &layout.headers;
    let next_after = |i: usize| h.get(i + 1).map_or(layout.content_end, |n| n.prev_content_end);
    let last = |root: &str| h.iter().rposition(|x| x.path.first().is_some_and(|p| p == root));
    let at = match (last("assess"), last("index"), h.iter().position(|x| x.is_task())) {
        (Some(i), _, _) | (None, Some(i), _) => before_comments(text, h[i].start, next_after(i)),
        (None, None, Some(t)) => h[t].prev_content_end,
        (None, None, None) => layout.content_end,
    };
    Change::new(at..at, block_after(text, at, lines, s.eol()))
}

/// The end of the last line of `start..end` that is not a comment: comments that close a
/// table (a banner for what follows) stay below the new table.
fn before_comments(text: &str, start: usize, end: usize) -> usize {
    let mut at = end;
    while at > start {
        let line_start = text[..at.saturating_sub(1)].rfind('\n').map_or(0, |n| n + 1);
        let line = text[line_start..at].trim();
        if line_start <= start || !(line.is_empty() || line.starts_with('#')) {
            break;
        }
        at = line_start;
    }
    at
}

/// The plan must read, once changed, and say what the change meant to say.
fn verify(s: &Session, change: &Change, ok: impl Fn(&Plan) -> bool) -> Result<(), Fail> {
    let changed = change.apply(s.text());
    match crate::plan::load::parse(&s.path, &changed) {
        Ok(plan) if ok(&plan) => Ok(()),
        _ => Err(Fail::input(say!(s.lang, AssessNotPlaced))),
    }
}
