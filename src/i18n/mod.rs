//! Every user-visible string, in one place. A catalogue is a `Strings` value: a new
//! language is one more file, and the compiler refuses a catalogue with a string missing.
//!
//! Templates name their blanks, `{name}`, so a translation may reorder them; `fill`
//! puts the values in. `keys/` declares the entries, one area of the interface per
//! file; `en/` and `fr/` fill them, area by area; `catalogue.rs` holds the machinery, `names.rs` the names of domain values, `format.rs` their formats,
//! `errors.rs` the words of the domain's errors.

// First: its macro declares the areas of the catalogue in `keys/`.
#[macro_use]
mod catalogue;

pub mod cli;
mod en;
mod errors;
pub mod files;
pub mod format;
mod fr;
pub mod keys;
mod lang;
mod names;

pub use errors::*;
pub use lang::*;
pub use names::*;

pub use catalogue::{Plural, PluralRule, fill, t};
pub use en::EN;
pub use fr::FR;

use keys::{Calendar, Cli, Data, Forms, Import, Inbox, Live, Report, Shell, Strategy, Today};

/// The whole catalogue, one part per area of the interface (`t().inbox.reply_sent`).
pub struct Strings {
    pub shell: Shell,
    pub forms: Forms,
    pub strategy: Strategy,
    pub inbox: Inbox,
    pub calendar: Calendar,
    pub report: Report,
    pub today: Today,
    pub cli: Cli,
    pub import: Import,
    pub data: Data,
    pub live: Live,
}

impl Strings {
    /// Every entry by name, with its text(s), area after area.
    pub fn entries(&self) -> Vec<(&'static str, Vec<&'static str>)> {
        [
            self.shell.entries(),
            self.forms.entries(),
            self.strategy.entries(),
            self.inbox.entries(),
            self.calendar.entries(),
            self.report.entries(),
            self.today.entries(),
            self.cli.entries(),
            self.import.entries(),
            self.data.entries(),
            self.live.entries(),
        ]
        .concat()
    }

    /// Every counted entry by name, with the rule that picks its form.
    pub fn plural_rules(&self) -> Vec<(&'static str, PluralRule)> {
        [
            self.shell.plural_rules(),
            self.forms.plural_rules(),
            self.strategy.plural_rules(),
            self.inbox.plural_rules(),
            self.calendar.plural_rules(),
            self.report.plural_rules(),
            self.today.plural_rules(),
            self.cli.plural_rules(),
            self.import.plural_rules(),
            self.data.plural_rules(),
            self.live.plural_rules(),
        ]
        .concat()
    }
}

#[cfg(test)]
mod tests;
