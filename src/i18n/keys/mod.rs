//! The entries of the catalogue, one area of the interface per file: each file declares
//! its area's struct, which every language fills.

mod calendar;
mod cli;
mod data;
mod forms;
mod import;
mod inbox;
mod live;
mod report;
mod shell;
mod strategy;
mod today;

pub use calendar::Calendar;
pub use cli::Cli;
pub use data::Data;
pub use forms::Forms;
pub use import::Import;
pub use inbox::Inbox;
pub use live::Live;
pub use report::Report;
pub use shell::Shell;
pub use strategy::Strategy;
pub use today::Today;
