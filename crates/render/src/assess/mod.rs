//! `par assess`: the self-assessment table (issue #16) rendered: on the terminal, as
//! JSON, as a spreadsheet and as a Word document (the two files share their rows).

pub mod docx;
pub mod json;
pub mod rows;
pub mod table;
pub mod xlsx;
