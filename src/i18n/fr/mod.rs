//! Le catalogue français. Typographie : une espace fine insécable (U+202F) précède « : »,
//! « ; », « ! », « ? » et « % », tapée telle quelle dans les textes ci-dessous (un test
//! refuse une espace ordinaire à sa place) ; guillemets droits comme en anglais pour ce
//! que l'utilisateur a tapé.

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

/// A counted phrase: one for 0 and 1, other for the rest.
const fn pl(one: &'static str, other: &'static str) -> Plural {
    Plural::new(PluralRule::ZeroAndOneAreSingular, one, other)
}

pub static FR: Strings = Strings {
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
