//! The PAR Index forecast: from the index tree, last year's scores and the state of
//! the tasks linked to each criterion, what the unit can expect this year.
//!
//! The rule, for a criterion without parts (a leaf):
//! 1. a recorded self-assessed score (`self_score`) is the forecast;
//! 2. a survey-scored criterion (`survey = true`) keeps last year's score: tasks cannot move it;
//! 3. with no linked task, last year's score stands (and if it lost points, that is a hole in the plan);
//! 4. otherwise the lost points (max − last year) are won back in proportion to the linked work done:
//!    each item with a deadline (a one-off task or one period of a recurring task, up to the end of the
//!    plan year) counts 1 when done on time and ½ when done late; all done on time gives the maximum.
//!    Ongoing duties have no deadline and do not count; with only those, last year's score stands.
//!
//! A task linked to an area or criterion applies to all its parts. A criterion without `last_year` is
//! taken to have scored its maximum. Areas and criteria with parts add up their parts.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::schedule::{Status, occurrences};
use crate::i18n::Lang;
use crate::plan::{Criterion, Plan};

/// Why a leaf got its forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    SelfScore,
    Survey,
    NoTask,
    NoDeadlines,
    Progress,
    Parts,
}

#[derive(Debug, Serialize)]
pub struct NodeForecast {
    pub code: String,
    pub title: String,
    pub depth: usize,
    pub max: f64,
    pub last_year: f64,
    pub forecast: f64,
    /// Points still missing to the maximum.
    pub gap: f64,
    pub basis: Basis,
    /// Ids of the tasks linked to this node or (for a leaf) to an ancestor.
    pub tasks: Vec<String>,
    pub items_total: usize,
    pub items_done: usize,
    pub items_overdue: usize,
    /// Linked work is overdue: the forecast is at risk.
    pub at_risk: bool,
}

#[derive(Debug, Serialize)]
pub struct Hole {
    pub code: String,
    pub title: String,
    pub lost: f64,
}

#[derive(Debug, Serialize)]
pub struct Totals {
    pub max: f64,
    pub last_year: f64,
    pub forecast: f64,
}

#[derive(Debug, Serialize)]
pub struct IndexReport {
    pub name: Option<String>,
    pub today: NaiveDate,
    pub nodes: Vec<NodeForecast>,
    pub total: Totals,
    /// Criteria that lost points last year and have no remedial task.
    pub holes: Vec<Hole>,
}

#[derive(Default, Clone, Copy)]
struct Work {
    total: usize,
    on_time: usize,
    late: usize,
    overdue: usize,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Tasks linked to the criterion node `criterion` itself.
fn linked_directly(plan: &Plan, criterion: usize) -> impl Iterator<Item = usize> + '_ {
    plan.tasks.iter().enumerate().filter(move |(_, t)| t.criteria.contains(&criterion)).map(|(ti, _)| ti)
}

/// Computes the forecast on `today`. `None` when the plan has no index.
pub fn forecast(plan: &Plan, today: NaiveDate, lang: Lang) -> Option<IndexReport> {
    let index = plan.index.as_ref()?;
    let nodes = &index.nodes;
    // Work per task, computed once.
    let work: Vec<Work> = plan
        .tasks
        .iter()
        .map(|t| {
            let mut w = Work::default();
            for o in occurrences(plan, t) {
                if o.due.is_none() {
                    continue;
                }
                w.total += 1;
                match o.status(today) {
                    Status::DoneOnTime => w.on_time += 1,
                    Status::DoneLate => w.late += 1,
                    Status::Overdue => w.overdue += 1,
                    _ => {}
                }
            }
            w
        })
        .collect();

    // Tasks that apply to each node: its own links plus its ancestors'.
    let mut applying: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); nodes.len()];
    for i in 0..nodes.len() {
        let mut set: BTreeSet<usize> = linked_directly(plan, i).collect();
        if let Some(p) = nodes[i].parent {
            set.extend(applying[p].iter().copied());
        }
        applying[i] = set;
    }

    let mut out: Vec<NodeForecast> =
        nodes.iter().enumerate().map(|(i, n)| leaf_or_placeholder(plan, n, i, &applying[i], &work, lang)).collect();
    // Parents add up their parts; children come after parents, so go backwards.
    for i in (0..nodes.len()).rev() {
        if nodes[i].children.is_empty() {
            continue;
        }
        let (mut last, mut fc) = (0.0, 0.0);
        let mut tasks: BTreeSet<usize> = BTreeSet::new();
        for &ch in &nodes[i].children {
            last += out[ch].last_year;
            fc += out[ch].forecast;
        }
        collect_tasks(plan, nodes, i, &mut tasks);
        let w = sum_work(&tasks, &work);
        let n = &mut out[i];
        n.last_year = round2(last);
        n.forecast = round2(fc);
        n.gap = round2(n.max - n.forecast);
        n.basis = Basis::Parts;
        n.tasks = tasks.iter().map(|&t| plan.tasks[t].id.clone()).collect();
        n.items_total = w.total;
        n.items_done = w.on_time + w.late;
        n.items_overdue = w.overdue;
        n.at_risk = w.overdue > 0;
    }
    let roots: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].parent.is_none()).collect();
    let total = Totals {
        max: round2(roots.iter().map(|&i| out[i].max).sum()),
        last_year: round2(roots.iter().map(|&i| out[i].last_year).sum()),
        forecast: round2(roots.iter().map(|&i| out[i].forecast).sum()),
    };
    let holes = nodes
        .iter()
        .enumerate()
        .filter(|(i, n)| n.children.is_empty() && !n.survey && applying[*i].is_empty())
        .filter_map(|(i, n)| {
            let lost = round2(n.max - out[i].last_year);
            (lost > 0.0).then(|| Hole { code: n.code.clone(), title: n.display(lang).to_string(), lost })
        })
        .collect();
    Some(IndexReport { name: index.name.clone(), today, nodes: out, total, holes })
}

/// Every task linked anywhere in the subtree of `criterion` (or to its ancestors).
fn collect_tasks(plan: &Plan, nodes: &[Criterion], criterion: usize, into: &mut BTreeSet<usize>) {
    let mut a = Some(criterion);
    while let Some(k) = a {
        into.extend(linked_directly(plan, k));
        a = nodes[k].parent;
    }
    let mut stack = nodes[criterion].children.clone();
    while let Some(k) = stack.pop() {
        into.extend(linked_directly(plan, k));
        stack.extend(nodes[k].children.iter().copied());
    }
}

fn sum_work(tasks: &BTreeSet<usize>, work: &[Work]) -> Work {
    tasks.iter().fold(Work::default(), |mut acc, &t| {
        acc.total += work[t].total;
        acc.on_time += work[t].on_time;
        acc.late += work[t].late;
        acc.overdue += work[t].overdue;
        acc
    })
}

fn leaf_or_placeholder(
    plan: &Plan,
    criterion: &Criterion,
    _i: usize,
    applying: &BTreeSet<usize>,
    work: &[Work],
    lang: Lang,
) -> NodeForecast {
    let last = criterion.last_year.unwrap_or(criterion.max);
    let w = sum_work(applying, work);
    let (forecast, basis) = if let Some(s) = criterion.self_score {
        (s, Basis::SelfScore)
    } else if criterion.survey {
        (last, Basis::Survey)
    } else if applying.is_empty() {
        (last, Basis::NoTask)
    } else if w.total == 0 {
        (last, Basis::NoDeadlines)
    } else {
        let share = (w.on_time as f64 + 0.5 * w.late as f64) / w.total as f64;
        (last + (criterion.max - last) * share, Basis::Progress)
    };
    let forecast = round2(forecast);
    NodeForecast {
        code: criterion.code.clone(),
        title: criterion.display(lang).to_string(),
        depth: criterion.depth(),
        max: round2(criterion.max),
        last_year: round2(last),
        forecast,
        gap: round2(criterion.max - forecast),
        basis,
        tasks: applying.iter().map(|&t| plan.tasks[t].id.clone()).collect(),
        items_total: w.total,
        items_done: w.on_time + w.late,
        items_overdue: w.overdue,
        at_risk: w.overdue > 0,
    }
}

/// Evidence (tài liệu kiểm chứng) gathered per leaf criterion from its linked tasks'
/// done marks and progress entries, up to `today`.
#[derive(Debug, Serialize)]
pub struct EvidenceEntry {
    pub date: NaiveDate,
    pub task: String,
    pub reference: String,
}

#[derive(Debug, Serialize)]
pub struct CriterionEvidence {
    pub code: String,
    pub title: String,
    pub evidence: Vec<EvidenceEntry>,
}

#[derive(Debug, Serialize)]
pub struct EvidenceReport {
    pub today: NaiveDate,
    pub criteria: Vec<CriterionEvidence>,
    /// Codes of leaf criteria with no evidence yet.
    pub missing: Vec<String>,
}

pub fn evidence(plan: &Plan, today: NaiveDate, lang: Lang) -> Option<EvidenceReport> {
    let index = plan.index.as_ref()?;
    let mut criteria = Vec::new();
    let mut missing = Vec::new();
    for (i, n) in index.nodes.iter().enumerate() {
        if !n.children.is_empty() {
            continue;
        }
        let mut set = BTreeSet::new();
        let mut a = Some(i);
        while let Some(k) = a {
            set.extend(linked_directly(plan, k));
            a = index.nodes[k].parent;
        }
        let mut entries = Vec::new();
        for &t in &set {
            let task = &plan.tasks[t];
            let dated = task
                .done
                .iter()
                .map(|d| (d.date, &d.evidence))
                .chain(task.log.iter().map(|l| (l.date, &l.evidence)))
                .filter(|(d, _)| *d <= today);
            for (date, refs) in dated {
                for r in refs {
                    entries.push(EvidenceEntry { date, task: task.id.clone(), reference: r.clone() });
                }
            }
        }
        entries.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.task.cmp(&b.task)));
        entries.dedup_by(|a, b| a.reference == b.reference && a.task == b.task);
        if entries.is_empty() && !n.survey {
            missing.push(n.code.clone());
        }
        criteria.push(CriterionEvidence {
            code: n.code.clone(),
            title: n.display(lang).to_string(),
            evidence: entries,
        });
    }
    Some(EvidenceReport { today, criteria, missing })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load::parse;
    use std::path::Path;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn plan(body: &str) -> Plan {
        let text = format!(
            "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[section]]\nid = \"II\"\ntitle = \"S\"\n{body}"
        );
        parse(Path::new("t.toml"), &text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn node<'a>(report: &'a IndexReport, code: &str) -> &'a NodeForecast {
        report.nodes.iter().find(|n| n.code == code).unwrap()
    }

    /// Area 1 (10 points) = 1.1 (4, lost 2 last year) + 1.2 (6, lost 3).
    /// Area 2 (5 points) = 2.1 (5, lost 1, no task: a hole).
    const TREE: &str = "[index]\n\
        [[index.criterion]]\ncode = \"1\"\ntitle = \"A\"\n\
        [[index.criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = 4\nlast_year = 2\n\
        [[index.criterion]]\ncode = \"1.2\"\ntitle = \"b\"\nmax = 6\nlast_year = 3\n\
        [[index.criterion]]\ncode = \"2\"\ntitle = \"B\"\nmax = 5\n\
        [[index.criterion]]\ncode = \"2.1\"\ntitle = \"c\"\nmax = 5\nlast_year = 4\n";

    #[test]
    fn all_done_on_time_reaches_the_maximum_and_half_done_wins_half() {
        // 1.1: one task done on time → 4 (max).
        // 1.2: a quarterly task over Q1–Q4 with Q1 on time, Q2 late, Q3 and Q4 open:
        //      share = (1 + 0.5) / 4 = 0.375 → 3 + 3 × 0.375 = 4.125 → 4.13 (rounded).
        // 2.1: no task → last year's 4; a hole of 1 point.
        // Totals: max 15, last year 2 + 3 + 4 = 9, forecast 4 + 4.13 + 4 = 12.13.
        let p = plan(&format!(
            "{TREE}\
             [[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"x\"\ndue = 2025-03-31\ncriteria = [\"1.1\"]\n\
             [[task.done]]\ndate = 2025-03-01\n\
             [[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"y\"\nrepeat = \"quarterly\"\ncriteria = [\"1.2\"]\n\
             [[task.done]]\nperiod = \"2025-Q1\"\ndate = 2025-03-20\n\
             [[task.done]]\nperiod = \"2025-Q2\"\ndate = 2025-07-05\n"
        ));
        let r = forecast(&p, d(2025, 8, 1), Lang::Vi).unwrap();
        assert_eq!(node(&r, "1.1").forecast, 4.0);
        assert_eq!(node(&r, "1.2").forecast, 4.13);
        assert_eq!(node(&r, "1.2").basis, Basis::Progress);
        assert_eq!(node(&r, "1").forecast, 8.13);
        assert_eq!(node(&r, "1").max, 10.0);
        assert_eq!(node(&r, "2.1").basis, Basis::NoTask);
        assert_eq!((r.total.max, r.total.last_year, r.total.forecast), (15.0, 9.0, 12.13));
        assert_eq!(r.holes.len(), 1);
        assert_eq!((r.holes[0].code.as_str(), r.holes[0].lost), ("2.1", 1.0));
        // Q3 went overdue on 1 October: the criterion is at risk.
        let r = forecast(&p, d(2025, 10, 1), Lang::Vi).unwrap();
        assert!(node(&r, "1.2").at_risk && node(&r, "1").at_risk && !node(&r, "1.1").at_risk);
    }

    #[test]
    fn self_score_overrides_and_area_links_spread_to_parts() {
        // Task linked to area 1 applies to 1.1 and 1.2; nothing done yet → last year's scores,
        // except 1.2 whose recorded self-assessment (5.5) wins. Total: 2 + 5.5 + 4 = 11.5.
        let tree = TREE.replace("max = 6\nlast_year = 3\n", "max = 6\nlast_year = 3\nself_score = 5.5\n");
        let p = plan(&format!(
            "{tree}[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"x\"\ndue = 2025-12-31\ncriteria = [\"1\"]\n"
        ));
        let r = forecast(&p, d(2025, 6, 1), Lang::Vi).unwrap();
        assert_eq!(node(&r, "1.1").forecast, 2.0);
        assert_eq!(node(&r, "1.1").tasks, ["1"]);
        assert_eq!(node(&r, "1.2").forecast, 5.5);
        assert_eq!(node(&r, "1.2").basis, Basis::SelfScore);
        assert_eq!(r.total.forecast, 11.5);
        assert_eq!(r.holes.len(), 1);
    }

    #[test]
    fn ongoing_only_and_survey_keep_last_year() {
        let tree = TREE.replace(
            "code = \"2.1\"\ntitle = \"c\"\nmax = 5\nlast_year = 4\n",
            "code = \"2.1\"\ntitle = \"c\"\nmax = 5\nlast_year = 4\nsurvey = true\n",
        );
        let p = plan(&format!(
            "{tree}[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"x\"\nrepeat = \"ongoing\"\ncriteria = [\"1.1\"]\n"
        ));
        let r = forecast(&p, d(2025, 6, 1), Lang::Vi).unwrap();
        assert_eq!(node(&r, "1.1").basis, Basis::NoDeadlines);
        assert_eq!(node(&r, "1.1").forecast, 2.0);
        assert_eq!(node(&r, "2.1").basis, Basis::Survey);
        // Survey criteria are no hole: the unit cannot remedy them with tasks.
        assert_eq!(r.holes.iter().map(|h| h.code.as_str()).collect::<Vec<_>>(), ["1.2"]);
    }
}
