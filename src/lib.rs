//! twohats: a keyboard-first terminal cockpit for freelance community and social media
//! managers who run several clients' accounts. Everything lives in one local SQLite file.
//!
//! # Module map
//! - [`domain`]: plain types and rules (clients, platforms and their text limits, money,
//!   time). No IO, no terminal.
//! - [`store`]: the only place that speaks SQL: opening, pragmas, migrations, one module
//!   per aggregate with typed queries.
//! - [`io`]: importers and exporters, pure over bytes and domain types.
//! - [`cli`]: the command line (clap definitions and one handler per subcommand).
//! - [`tui`]: the full-screen app: terminal guard, event loop, keymap -> `Action` ->
//!   `update` -> `Effect` -> executor; pure views; reusable widgets (form, windowed table).
//! - [`today`]: the daily check-in across all clients (the Today tab and `twohats today`).
//! - [`demo`]: the demo data set, written through the store.
//! - [`i18n`]: every user-visible string, in one place.
//! - [`report`]: the KPI review of a client and period, assembled from the store.
//! - [`net`]: live connections (Mastodon, Bluesky) behind one interface, over a small
//!   HTTP seam with injectable base URLs; the secrets store (keyring, else a `0600` file).
//! - [`paths`]: where the database lives by default.
//!
//! Data flows one way: a key becomes an `Action`, `update` is the only function that
//! changes the model and returns `Effect`s, the executor runs them against the store and
//! answers with more `Action`s; views only read the model.
#![forbid(unsafe_code)]

pub mod cli;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod io;
pub mod net;
pub mod paths;
pub mod report;
pub mod store;
pub mod today;
pub mod tui;

#[cfg(test)]
mod proptests;
