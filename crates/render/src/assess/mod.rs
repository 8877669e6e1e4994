//! `par assess`: the self-assessment table (issue #16) rendered.
//!
//! This branch (s15-assessout) holds the outputs of the table: the spreadsheet, the Word
//! document and the rows they share; the table and JSON renderers come with s15-assess.

pub mod docx;
pub mod rows;
pub mod xlsx;
