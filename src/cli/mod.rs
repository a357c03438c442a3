//! The command line. Scripts depend on it: keep it stable. Exit codes: 0 ok, 1 failure,
//! 2 bad usage or bad input.

mod client;
mod demo;
mod export;
mod import;
mod inbox;
mod report;
mod safety;
mod today;

mod lang;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::explain::Explain;
use crate::i18n::t;
use crate::store::{Store, StoreError};

/// The `lang` setting: `en` or `fr`; absent, the environment decides.
pub const LANG_SETTING: &str = "lang";

#[derive(Debug, Parser)]
#[command(
    name = "twohats",
    version,
    about = "A keyboard-first cockpit for freelance community and social media managers.",
    long_about = "Without a subcommand, opens the full-screen app on the database.",
    // Our own help and version flags and no help subcommand, so every line of the help
    // has a translation.
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// The database file (default: twohats.db in your data folder).
    #[arg(long, global = true, env = "TWOHATS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Interface language, en or fr (default: the lang setting, else LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "fr"])]
    pub lang: Option<String>,
    /// Print help.
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// Print the version.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add or list clients.
    Client {
        #[command(subcommand)]
        command: client::ClientCmd,
    },
    /// Bring outside data in (all of a file or nothing).
    Import {
        #[command(subcommand)]
        command: import::ImportCmd,
    },
    /// Write data out for other programs.
    Export {
        #[command(subcommand)]
        command: export::ExportCmd,
    },
    /// The inbox from the command line.
    Inbox {
        #[command(subcommand)]
        command: inbox::InboxCmd,
    },
    /// The KPI review of a client for a week, a month or any span, for the client.
    Report(report::ReportArgs),
    /// The daily check-in across all clients: late posts, posts due today, inbox,
    /// objectives at risk, budgets, campaigns, reviews due.
    Today {
        /// One JSON object, for scripts and notifications.
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the database (works while the app runs).
    Backup { file: PathBuf },
    /// Replace the database with a backup (refuses a file that is not a twohats one).
    Restore { file: PathBuf },
    /// What was deleted, and bringing it back.
    Trash {
        #[command(subcommand)]
        command: Option<safety::TrashCmd>,
    },
    /// Show the interface language, or set it: en, fr, or auto (from LC_ALL, LC_MESSAGES or LANG).
    Lang { value: Option<String> },
    /// Load demo clients to look around.
    Demo {
        /// small: four clients to look around; large: 30 clients, 50,000 posts,
        /// 500,000 inbox items and 2,000,000 daily figures, for benchmarks.
        #[arg(long, value_enum, default_value = "small")]
        scale: demo::Scale,
        /// Load even when the database has clients (earlier demo clients are replaced;
        /// yours are kept).
        #[arg(long)]
        force: bool,
    },
}

/// A command-line failure: its message and exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: i32,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
    pub fn failed(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure {
            code: if e.is_bad_input() { 2 } else { 1 },
            message: e.explain(),
        }
    }
}

/// Parses the command line, runs it and returns the exit code.
pub fn main() -> i32 {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang::early(&args);
    crate::i18n::set_lang(lang);
    let parsed = crate::i18n::cli::localize(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return lang::print_clap_error(&e, lang),
    };
    match run(cli) {
        Ok(()) => 0,
        Err(f) => {
            eprintln!("{}", crate::i18n::format::labelled("twohats", &f.message));
            f.code
        }
    }
}

fn db_path(cli: &Cli) -> Result<PathBuf, Failure> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => crate::paths::default_db_path().ok_or_else(|| Failure::failed(t().cli_no_data_dir)),
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let path = db_path(&cli)?;
    let clock = crate::domain::clock::from_env();
    match cli.command {
        None => {
            let store = Store::open(&path)?;
            crate::tui::run(store, clock).map_err(|e| Failure::failed(e.explain()))
        }
        Some(Cmd::Client { command }) => {
            let mut store = Store::open(&path)?;
            client::run(&mut store, clock.as_ref(), command)
        }
        Some(Cmd::Import { command }) => {
            let mut store = Store::open(&path)?;
            import::run(&mut store, clock.as_ref(), command)
        }
        Some(Cmd::Export { command }) => export::run(&Store::open(&path)?, clock.as_ref(), command),
        Some(Cmd::Inbox { command }) => inbox::run(&Store::open(&path)?, command),
        Some(Cmd::Report(args)) => report::run(&Store::open(&path)?, clock.as_ref(), args),
        Some(Cmd::Today { json }) => today::run(&Store::open(&path)?, clock.as_ref(), json),
        Some(Cmd::Backup { file }) => safety::backup(&Store::open(&path)?, file),
        Some(Cmd::Restore { file }) => safety::restore(&mut Store::open(&path)?, file),
        Some(Cmd::Trash { command }) => safety::trash(&Store::open(&path)?, command),
        Some(Cmd::Lang { value }) => lang::run(&Store::open(&path)?, value.as_deref()),
        Some(Cmd::Demo { scale, force }) => {
            let mut store = Store::open(&path)?;
            demo::run(&mut store, clock.as_ref(), scale, force)
        }
    }
}
