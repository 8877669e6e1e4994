//! Criteria sets (issue #16): the index tree as data, the set a plan is assessed under,
//! the crosswalk from last year's codes, and the self-assessment recorded in the plan.
//!
//! A criteria set is a TOML file of `[[criterion]]` tables (code, title, title_en, max,
//! scoring) with `name` (the decision that issued it), `kind` (what it is: "official",
//! "illustrative", "structure") and `rescale`. The plan chooses one with `[index] set =
//! "…"`: a set shipped with par (see [`SHIPPED`], `par assess sets`) or a file relative to
//! the plan; or writes the tree inline with `[[index.criterion]]` as before.
//!
//! The self-assessment lives in the plan as `[[assess.score]]` (code, points, evidence,
//! explain) and `[[assess.na]]` (code, reason) tables, which `par assess score` and `par
//! assess na` write and a hand editor may write too. A recorded score is the criterion's
//! `self_score`, which `par index` forecasts with.

use std::collections::HashMap;
use std::ops::Range;

use super::diagnostic::Diagnostic;
use super::model::{Criterion, Index};
use super::schema::{RawAssess, RawCriterion, RawIndex, RawIndexFile, Text};
use crate::compute::assess_table::Scoring;
use crate::messages::{Msg, output_lang};
use crate::say;

/// A criteria set shipped with par, compiled in.
#[derive(Debug)]
pub struct Shipped {
    pub name: &'static str,
    pub text: &'static str,
}

/// The sets shipped with par: the national eight-area structure (no points) and the
/// illustrative set of the bundled plan.
pub const SHIPPED: &[Shipped] = &[
    Shipped { name: "national-8-areas", text: include_str!("../../data/criteria/national-8-areas.toml") },
    Shipped {
        name: "illustrative-school-2025",
        text: include_str!("../../data/criteria/illustrative-school-2025.toml"),
    },
];

/// The shipped set of that name (case-insensitive, `.toml` optional).
pub fn shipped(name: &str) -> Option<&'static Shipped> {
    let n = name.trim().trim_end_matches(".toml");
    SHIPPED.iter().find(|s| s.name.eq_ignore_ascii_case(n))
}

/// What a criteria set is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SetKind {
    /// Written in the plan, or a file that does not say.
    #[default]
    Unstated,
    /// Copied from the decision that issued it.
    Official,
    /// Points made up to show the tool (the bundled set).
    Illustrative,
    /// Areas without points: a skeleton to fill in.
    Structure,
}

impl SetKind {
    pub const KEYWORDS: [&'static str; 3] = ["official", "illustrative", "structure"];

    fn parse(word: &str) -> Option<SetKind> {
        Some(match word.trim().to_ascii_lowercase().as_str() {
            "official" => SetKind::Official,
            "illustrative" => SetKind::Illustrative,
            "structure" => SetKind::Structure,
            _ => return None,
        })
    }
}

/// How the total is rescaled when criteria are not applicable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Rescale {
    /// raw × (what the unit could score without exclusions) / (what it can score).
    #[default]
    Proportional,
    /// Not rescaled: the raw total stands.
    None,
}

impl Rescale {
    pub const KEYWORDS: [&'static str; 2] = ["proportional", "none"];

    pub fn keyword(self) -> &'static str {
        match self {
            Rescale::Proportional => "proportional",
            Rescale::None => "none",
        }
    }

    fn parse(word: &str) -> Option<Rescale> {
        Some(match word.trim().to_ascii_lowercase().as_str() {
            "proportional" => Rescale::Proportional,
            "none" => Rescale::None,
            _ => return None,
        })
    }
}

/// `[[index.crosswalk]]`: a code of another year, now the node `to`.
#[derive(Debug, Clone)]
pub struct Crosswalk {
    pub year: Option<i32>,
    pub from: String,
    pub to: usize,
}

/// Where the set comes from and what it is.
#[derive(Debug, Clone, Default)]
pub struct SetInfo {
    pub kind: SetKind,
    pub note: Option<String>,
    pub rescale: Rescale,
    /// The shipped set's name or the file, as `[index] set` or `file` names it.
    pub source: Option<String>,
    pub crosswalk: Vec<Crosswalk>,
}

/// The self-assessment recorded in the plan.
#[derive(Debug, Clone, Default)]
pub struct Assessment {
    /// `[[assess.score]]`, in file order.
    pub scores: Vec<Score>,
    /// `[[assess.na]]`, in file order.
    pub na: Vec<NotApplicable>,
}

#[derive(Debug, Clone)]
pub struct Score {
    pub code: String,
    /// Index of the criterion in `Plan::index` nodes.
    pub node: usize,
    pub points: f64,
    pub evidence: Vec<String>,
    pub explain: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NotApplicable {
    pub code: String,
    pub node: usize,
    pub reason: String,
}

impl Assessment {
    pub fn score_of(&self, node: usize) -> Option<&Score> {
        self.scores.iter().find(|s| s.node == node)
    }

    pub fn na_of(&self, node: usize) -> Option<&NotApplicable> {
        self.na.iter().find(|n| n.node == node)
    }
}

/// Collects diagnostics.
#[derive(Default)]
struct Problems(Vec<Diagnostic>);

impl Problems {
    fn problem(&mut self, msg: impl Into<String>, span: Range<usize>) -> &mut Diagnostic {
        self.0.push(Diagnostic::new(msg, Some(span)));
        self.0.last_mut().expect("just pushed")
    }
}

/// A set read from its own file (or a shipped one): its tree and what it says it is.
pub fn index_from_file(raw: RawIndexFile, plan_name: Option<String>, source: String) -> (Index, Vec<Diagnostic>) {
    let (mut index, mut problems) = validate_index(plan_name.or(raw.name), &raw.criterion);
    let lang = output_lang();
    let mut p = Problems::default();
    if let Some(k) = &raw.kind {
        match SetKind::parse(k.get_ref()) {
            Some(kind) => index.set.kind = kind,
            None => {
                p.problem(say!(lang, SetKindUnknown, kind = crate::text::clean(k.get_ref())), k.span()).help =
                    Some(say!(lang, KnownKeywords, keywords = SetKind::KEYWORDS.join(", ")));
            }
        }
    }
    if let Some(r) = &raw.rescale {
        index.set.rescale = rescale(&mut p, r);
    }
    index.set.note = raw.note;
    index.set.source = Some(source);
    problems.extend(p.0);
    (index, problems)
}

fn rescale(p: &mut Problems, r: &Text) -> Rescale {
    Rescale::parse(r.get_ref()).unwrap_or_else(|| {
        let lang = output_lang();
        p.problem(say!(lang, RescaleUnknown, method = crate::text::clean(r.get_ref())), r.span()).help =
            Some(say!(lang, KnownKeywords, keywords = Rescale::KEYWORDS.join(", ")));
        Rescale::Proportional
    })
}

/// What the plan's `[index]` adds to the set: its rescaling method and the crosswalk
/// (each `to` a code of the set), and that it chooses the tree one way only.
pub fn finish(index: &mut Index, raw: &RawIndex) -> Vec<Diagnostic> {
    let lang = output_lang();
    let mut p = Problems::default();
    if let Some(set) = &raw.set
        && (raw.file.is_some() || !raw.criterion.is_empty())
    {
        p.problem(say!(lang, SetAndTree), set.span()).help = Some(say!(lang, SetAndTreeHelp));
    }
    if let Some(r) = &raw.rescale {
        index.set.rescale = rescale(&mut p, r);
    }
    let codes: Vec<&str> = index.nodes.iter().map(|n| n.code.as_str()).collect();
    let mut walk = Vec::new();
    for c in &raw.crosswalk {
        let (year, from) = match c.from.get_ref().split_once(':') {
            Some((y, code)) => (y.trim().parse::<i32>().ok(), code.trim()),
            None => (None, c.from.get_ref().trim()),
        };
        let to = c.to.get_ref().trim();
        match codes.iter().position(|k| *k == to) {
            Some(i) if !from.is_empty() => walk.push(Crosswalk { year, from: from.to_string(), to: i }),
            Some(_) => {
                p.problem(say!(lang, CrosswalkFromEmpty, from = crate::text::clean(c.from.get_ref())), c.from.span());
            }
            None => {
                let near = crate::text::nearest(to, codes.iter().copied(), 1);
                let d = p.problem(say!(lang, CrosswalkToUnknown, to = crate::text::clean(to)), c.to.span());
                d.help = Some(match near.first() {
                    Some(n) => say!(lang, DidYouMeanCode, code = n),
                    None => say!(lang, CrosswalkToUnknownHelp),
                });
            }
        }
    }
    index.set.crosswalk = walk;
    p.0
}

/// The node a code names: a code of the set, else last year's code through the crosswalk.
pub fn resolve(index: &Index, code: &str) -> Option<usize> {
    let code = code.trim();
    if let Some(i) = index.nodes.iter().position(|n| n.code == code) {
        return Some(i);
    }
    let (year, bare) = match code.split_once(':') {
        Some((y, c)) => (y.trim().parse::<i32>().ok(), c.trim()),
        None => (None, code),
    };
    index.set.crosswalk.iter().find(|c| c.from == bare && (year.is_none() || c.year == year)).map(|c| c.to)
}

/// Checks `[[assess.score]]` and `[[assess.na]]` against the tree, and records each
/// score as its criterion's `self_score`.
pub fn assessment(raw: Option<&RawAssess>, index: Option<&mut Index>) -> (Assessment, Vec<Diagnostic>) {
    let mut out = Assessment::default();
    let Some(raw) = raw.filter(|r| !r.score.is_empty() || !r.na.is_empty()) else {
        return (out, Vec::new());
    };
    let lang = output_lang();
    let mut p = Problems::default();
    let Some(index) = index else {
        p.0.push(Diagnostic::new(say!(lang, AssessWithoutIndex), None).help(say!(lang, AssessWithoutIndexHelp)));
        return (out, p.0);
    };
    let codes: Vec<String> = index.nodes.iter().map(|n| n.code.clone()).collect();
    let mut seen: HashMap<usize, ()> = HashMap::new();
    let node_of = |p: &mut Problems, code: &Text| -> Option<usize> {
        let found = index.nodes.iter().position(|n| n.code == code.get_ref().trim());
        if found.is_none() {
            let near = crate::text::nearest(code.get_ref(), codes.iter().map(String::as_str), 1);
            let d = p.problem(say!(lang, AssessCodeUnknown, code = crate::text::clean(code.get_ref())), code.span());
            d.help = near.first().map(|n| say!(lang, DidYouMeanCode, code = n));
        }
        found
    };
    for s in &raw.score {
        let Some(i) = node_of(&mut p, &s.code) else { continue };
        let n = &index.nodes[i];
        let pts = *s.points.get_ref();
        let code = n.code.clone();
        if seen.insert(i, ()).is_some() {
            p.problem(say!(lang, AssessScoredTwice, code), s.code.span());
        } else if !n.children.is_empty() {
            p.problem(say!(lang, AssessScoreParent, code), s.code.span()).help =
                Some(say!(lang, AssessScoreParentHelp));
        } else if n.scoring == Scoring::Survey {
            p.problem(say!(lang, AssessScoreSurvey, code), s.code.span());
        } else if !pts.is_finite() || pts < 0.0 || pts > n.max + 1e-9 {
            p.problem(say!(lang, AssessPointsOutOfRange, code, points = pts, max = n.max), s.points.span());
        } else {
            out.scores.push(Score {
                code,
                node: i,
                points: pts,
                evidence: s.evidence.iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect(),
                explain: s.explain.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(String::from),
            });
        }
    }
    let mut na_seen: HashMap<usize, ()> = HashMap::new();
    for r in &raw.na {
        let Some(i) = node_of(&mut p, &r.code) else { continue };
        let code = index.nodes[i].code.clone();
        if na_seen.insert(i, ()).is_some() {
            p.problem(say!(lang, AssessNaTwice, code), r.code.span());
        } else if seen.keys().any(|&k| under(index, k, i)) {
            p.problem(say!(lang, AssessScoredAndNa, code), r.code.span());
        } else {
            out.na.push(NotApplicable { code, node: i, reason: r.reason.get_ref().trim().to_string() });
        }
    }
    for s in &out.scores {
        index.nodes[s.node].self_score = Some(s.points);
    }
    (out, p.0)
}

/// Whether node `k` is `i` or one of its parts.
fn under(index: &Index, k: usize, i: usize) -> bool {
    let mut at = Some(k);
    while let Some(a) = at {
        if a == i {
            return true;
        }
        at = index.nodes[a].parent;
    }
    false
}

/// How a criterion is scored: `scoring`, else `survey = true`, else self-assessed.
fn scoring(p: &mut Problems, r: &RawCriterion) -> Scoring {
    let Some(s) = &r.scoring else {
        return if r.survey { Scoring::Survey } else { Scoring::SelfAssessed };
    };
    let parsed = match crate::text::fold(s.get_ref()).trim() {
        "self" | "tu cham" => Some(Scoring::SelfAssessed),
        "appraised" | "tham dinh" => Some(Scoring::Appraised),
        "survey" | "khao sat" => Some(Scoring::Survey),
        _ => None,
    };
    let lang = output_lang();
    match parsed {
        Some(sc) if r.survey && sc != Scoring::Survey => {
            p.problem(say!(lang, ScoringConflictsSurvey, code = crate::text::clean(r.code.get_ref())), s.span());
            sc
        }
        Some(sc) => sc,
        None => {
            p.problem(say!(lang, ScoringUnknown, scoring = crate::text::clean(s.get_ref())), s.span()).help =
                Some(say!(lang, KnownKeywords, keywords = "self, appraised, survey"));
            Scoring::SelfAssessed
        }
    }
}

/// Checks the index tree: unique codes, parents present, points within bounds.
/// (Moved here from `validate`, its English diagnostics as they were.)
pub fn validate_index(name: Option<String>, raw: &[RawCriterion]) -> (Index, Vec<Diagnostic>) {
    let mut c = Problems::default();
    let lang = output_lang();
    let mut nodes: Vec<Criterion> = Vec::with_capacity(raw.len());
    let mut by_code: HashMap<String, usize> = HashMap::new();
    let mut max_spans = Vec::with_capacity(raw.len());
    // The raw entry of each node: ill-formed or repeated codes are skipped, so the two differ.
    let mut raw_of = Vec::with_capacity(raw.len());
    for (k, r) in raw.iter().enumerate() {
        let code = r.code.get_ref().trim().to_string();
        let well_formed =
            !code.is_empty() && code.split('.').all(|p| !p.is_empty() && !p.contains(char::is_whitespace));
        if !well_formed {
            c.problem(crate::say!(lang, CriterionCodeShape, code = crate::text::clean(&code)), r.code.span());
            continue;
        }
        if by_code.contains_key(&code) {
            c.problem(crate::say!(lang, CriterionDefinedTwice, code), r.code.span());
            continue;
        }
        let parent = match code.rsplit_once('.') {
            None => None,
            Some((p, _)) => match by_code.get(p) {
                Some(&i) => Some(i),
                None => {
                    c.problem(crate::say!(lang, CriterionBeforeParent, code, parent = p), r.code.span()).help =
                        Some(crate::say!(lang, CriterionBeforeParentHelp, parent = p));
                    None
                }
            },
        };
        let mut points = |v: &Option<toml::Spanned<f64>>, what: Msg| -> Option<f64> {
            let v = v.as_ref()?;
            let x = *v.get_ref();
            if !x.is_finite() || x < 0.0 {
                c.problem(crate::say!(lang, PointsNegative, what = what.text(lang), code), v.span());
                return None;
            }
            Some(x)
        };
        let max = points(&r.max, Msg::WhatMax);
        let last_year = points(&r.last_year, Msg::WhatLastYear);
        let self_score = points(&r.self_score, Msg::WhatSelfScore);
        let scoring = scoring(&mut c, r);
        let i = nodes.len();
        by_code.insert(code.clone(), i);
        if let Some(p) = parent {
            nodes[p].children.push(i);
        }
        raw_of.push(k);
        max_spans.push((max, r.max.as_ref().map(|m| m.span()).unwrap_or_else(|| r.code.span())));
        nodes.push(Criterion {
            code,
            title: r.title.get_ref().clone(),
            title_en: r.title_en.clone(),
            max: max.unwrap_or(0.0),
            last_year,
            self_score,
            survey: scoring == Scoring::Survey,
            parent,
            scoring,
            children: Vec::new(),
        });
    }
    // Parents' maximum: given, or the sum of their children. Children come after their
    // parents, so a reverse pass sees every child's final value first.
    for i in (0..nodes.len()).rev() {
        let (given, span) = max_spans[i].clone();
        if nodes[i].children.is_empty() {
            if given.is_none() {
                c.problem(crate::say!(lang, CriterionNeedsMax, code = nodes[i].code), span);
            }
            continue;
        }
        let sum: f64 = nodes[i].children.iter().map(|&ch| nodes[ch].max).sum();
        match given {
            Some(g) if (g - sum).abs() > 1e-6 => {
                c.problem(crate::say!(lang, MaxNotSum, code = nodes[i].code, max = g, sum), span).help =
                    Some(crate::say!(lang, MaxNotSumHelp));
            }
            _ => nodes[i].max = sum,
        }
    }
    for (n, &k) in nodes.iter().zip(&raw_of) {
        let r = &raw[k];
        for (score, what) in [(&r.last_year, Msg::WhatLastYear), (&r.self_score, Msg::WhatSelfScore)] {
            if let Some(v) = score
                && *v.get_ref() > n.max + 1e-9
            {
                let (what, code, score, max) = (what.text(lang), &n.code, v.get_ref(), n.max);
                c.problem(crate::say!(lang, ScoreAboveMax, what, code, score, max), v.span());
            }
        }
    }
    (Index { name, nodes, set: SetInfo::default() }, c.0)
}

/// The codes the crosswalk links (`3.2` and `2024:3.2`) and the node each now names.
pub fn crosswalk_keys(index: &Index) -> impl Iterator<Item = (String, usize)> + '_ {
    index.set.crosswalk.iter().flat_map(|w| {
        let with_year = w.year.map(|y| (format!("{y}:{}", w.from), w.to));
        std::iter::once((w.from.clone(), w.to)).chain(with_year)
    })
}
