//! The English catalogue.

use super::{Plural, PluralRule, Strings};

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

/// A counted phrase: one for 1, other for the rest.
const fn pl(one: &'static str, other: &'static str) -> Plural {
    Plural::new(PluralRule::OneIsSingular, one, other)
}

pub static EN: Strings = Strings {
    shell: shell::SHELL,
    forms: forms::FORMS,
    strategy: strategy::STRATEGY,
    inbox: inbox::INBOX,
    calendar: calendar::CALENDAR,
    report: report::REPORT,
    today: today::TODAY,
    cli: cli::CLI,
    import: import::IMPORT,
    data: data::DATA,
    live: live::LIVE,
};
