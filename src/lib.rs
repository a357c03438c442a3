//! twohats: a keyboard-first terminal cockpit for freelance community and social media
//! managers who run several clients' accounts. Everything lives in one local SQLite file.
//!
//! # Module map, floor by floor
//!
//! A module uses only modules on floors below its own: never one above, never one on its
//! floor. `tests/floors.rs` reads this table and fails when an import breaks the rule,
//! when the store uses the catalogue's words, and when the modules of a folder such as
//! `store/` or `tui/update/` call each other in a loop.
//!
//! | Floor | Module | What it holds |
//! |---|---|---|
//! | 0 | [`domain`] | plain types and rules: clients, platforms and their text limits, money, dates, strategy, posts, inbox, KPI formulas. No IO, no terminal, no words. |
//! | 0 | [`paths`] | where the database lives by default. |
//! | 0 | [`files`] | every file the app writes, whole and private (a temporary, then a rename); what went wrong with a file, as values (a full disk, a busy or read-only database). |
//! | 1 | [`i18n`] | every user-visible word, in English and French, and the formats and names of domain values. |
//! | 2 | [`store`] | the only place that speaks SQL: opening, pragmas, migrations, one module per aggregate. Its errors are values: it never uses [`i18n`]. |
//! | 3 | [`report`] | the KPI review of a client and period, assembled from the store. |
//! | 3 | [`demo`] | the demo data set, written through the store. |
//! | 4 | [`io`] | importers and exporters, pure over bytes and domain types. |
//! | 5 | [`today`] | the daily check-in across all clients (the Today tab and `twohats today`). |
//! | 5 | [`net`] | live connections (Mastodon, Bluesky) behind one interface, over a small HTTP seam with injectable base URLs; the secrets store (system keyring, else a `0600` file). |
//! | 6 | [`sync`] | live sync: the store and the connections together (pull the inbox and counts, publish due posts, hold them on the server, send replies), with progress for a worker thread. |
//! | 7 | [`explain`] | the one renderer of errors: what went wrong below, in the user's words. |
//! | 8 | [`tui`] | the full-screen app: terminal guard, event loop, keymap, `Action`, `update`, `Effect` executor, pure views, widgets. |
//! | 9 | [`cli`] | the command line: parses, picks the language, runs a subcommand or the [`tui`]. |
//! | 10 | `proptests`, `query_plans` | tests that cross the floors. |
//!
//! The connections ([`net`]) are on floor 5: above [`io`], whose readers they use, and
//! below [`sync`], which joins them to the [`store`]; [`explain`] words both. `main.rs`, the binary, only calls
//! [`cli::main`].
//!
//! What is data rather than code lives in `assets/` beside `src/`, for anyone to edit:
//! the sentiment word lists (read by [`domain::sentiment`]), the HTML report's
//! stylesheet ([`io::report::html`](mod@io::report::html)) and the README's screenshots
//! (made by `scripts/screenshots.sh`). The binary embeds the first two (`include_str!`).
//!
//! # One direction of flow
//!
//! A key becomes an `Action` ([`tui::keymap`]); [`tui::update::update`] is the only
//! function that changes the model, and returns `Effect`s; the executor
//! ([`tui::effect::execute`]) runs them against the [`store`] and answers with more
//! `Action`s, a failure as words from [`explain`]; views ([`tui::views`]) only read the
//! model. The command line runs the same floors without the model.
#![forbid(unsafe_code)]

pub mod cli;
pub mod demo;
pub mod domain;
pub mod explain;
pub mod files;
pub mod i18n;
pub mod io;
pub mod net;
pub mod paths;
pub mod report;
pub mod store;
pub mod sync;
pub mod today;
pub mod tui;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod query_plans;
