//! Reusable widgets: a form, a windowed table, a confirmation box, a centered popup.

pub mod bar;
pub mod columns;
pub mod confirm;
pub mod fit;
pub mod form;
pub mod picker;
pub mod popup;
pub mod table;
