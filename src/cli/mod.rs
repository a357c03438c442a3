//! The command line. Scripts depend on it: keep it stable. Exit codes: 0 ok, 1 failure,
//! 2 bad usage or bad input.

mod account;
mod client;
mod connect;
mod demo;
mod export;
mod import;
mod inbox;
mod inbox_change;
mod live;
mod posts;
mod report;
mod safety;
mod today;

mod lang;
pub mod out;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::explain::Explain;
use crate::i18n::{fill, t};
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
    /// Add, edit, archive or list clients.
    Client {
        #[command(subcommand)]
        command: client::ClientCmd,
    },
    /// Add, list or remove a client's social accounts.
    Account {
        #[command(subcommand)]
        command: account::AccountCmd,
    },
    /// The editorial calendar from the command line.
    Posts {
        #[command(subcommand)]
        command: posts::PostsCmd,
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
    /// Replace the database with a backup (refuses a file that is not a twohats one); the
    /// replaced database is kept beside it, and a terminal is asked first.
    Restore {
        file: PathBuf,
        /// Replace without asking (scripts); without a terminal to ask on, restore
        /// needs it.
        #[arg(long)]
        yes: bool,
    },
    /// What was deleted, and bringing it back.
    Trash {
        #[command(subcommand)]
        command: Option<safety::TrashCmd>,
    },
    /// Show the interface language, or set it: en, fr, or auto (from LC_ALL, LC_MESSAGES or LANG).
    Lang { value: Option<String> },
    /// Connect a client's Mastodon or Bluesky account (its secrets go to the system
    /// keyring, else a private file; never the database).
    Connect {
        #[command(subcommand)]
        command: connect::ConnectCmd,
    },
    /// List the connected accounts: client, platform, account, server, last sync, state.
    Connections {
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Forget a connection: sign out on the server (best effort) and delete its secrets;
    /// its inbox items stay.
    Disconnect {
        /// The client (name or id).
        #[arg(long)]
        client: String,
        /// The account's handle.
        #[arg(long)]
        account: String,
    },
    /// Pull what is new from every connected account (of one client with --client):
    /// inbox items, followers, figures of published posts.
    Sync {
        /// One client (name or id); all clients when left out.
        #[arg(long)]
        client: Option<String>,
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Send the scheduled posts whose time has come on their connected accounts (for
    /// cron or a systemd timer).
    Publish {
        /// Send the posts that are due (required: says what the command does).
        #[arg(long, required = true)]
        due: bool,
        /// One client (name or id); all clients when left out.
        #[arg(long)]
        client: Option<String>,
        /// Say what would be sent, and send nothing.
        #[arg(long)]
        dry_run: bool,
    },
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
        /// Remove the demo clients and everything of theirs (yours are kept).
        #[arg(long, conflicts_with_all = ["scale", "force"])]
        remove: bool,
    },
}

/// A command-line failure: its message and exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: i32,
    /// The store's error it came from, put into words again once the database path is
    /// known (a full disk, a busy or read-only file, see `run`).
    cause: Option<StoreError>,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
            cause: None,
        }
    }
    pub fn failed(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
            cause: None,
        }
    }

    /// The failure in the words of what happened to the database at `db`.
    fn on(mut self, db: &std::path::Path) -> Failure {
        match self.cause.take() {
            Some(e) => Failure::from(crate::store::diagnose(Some(db), e)),
            None => self,
        }
    }
    /// The reader of standard output went away (`| head`): stop, say nothing, exit 0.
    pub fn quiet() -> Failure {
        Failure {
            message: String::new(),
            code: 0,
            cause: None,
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure {
            code: if e.is_bad_input() { 2 } else { 1 },
            message: e.explain(),
            cause: Some(e),
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
            if !f.message.is_empty() {
                out::error(&crate::i18n::format::labelled("twohats", &f.message));
            }
            f.code
        }
    }
}

fn db_path(cli: &Cli) -> Result<PathBuf, Failure> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => {
            crate::paths::default_db_path().ok_or_else(|| Failure::failed(t().cli.cli_no_data_dir))
        }
    }
}

/// Opens a database that must already be there. Reading, or changing rows that exist,
/// on a mistyped path says there is no database there (exit 2) instead of creating an
/// empty one; only the commands that can start a database (the app, `client add`,
/// `import`, `demo`, `restore`, `lang`) create the file.
fn open_existing(path: &Path) -> Result<Store, Failure> {
    // Any other answer (a folder we may not read) is left to the open, which words it.
    if matches!(path.try_exists(), Ok(false)) {
        return Err(Failure::usage(fill(
            t().cli.cli_no_database,
            &[("path", &path.display().to_string())],
        )));
    }
    Ok(Store::open(path)?)
}

/// Prints a value as indented JSON on standard output.
fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::failed(e.to_string()))?;
    out::json(&text)
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let path = db_path(&cli)?;
    let clock = crate::domain::clock::from_env();
    // Absolute, as the store names it, so messages give the full path.
    let at = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
    dispatch(cli, &path, clock).map_err(|f| f.on(&at))
}

fn dispatch(
    cli: Cli,
    path: &std::path::Path,
    clock: Box<dyn crate::domain::Clock>,
) -> Result<(), Failure> {
    match cli.command {
        None => {
            // The app draws on a terminal: piped, say which commands print instead,
            // before a database is opened (or created: a new path would be left behind).
            use std::io::IsTerminal;
            if !std::io::stdout().is_terminal() {
                return Err(Failure::usage(t().cli.cli_needs_terminal));
            }
            let store = Store::open(path)?;
            crate::tui::run(store, clock).map_err(|e| Failure::failed(e.explain()))
        }
        Some(Cmd::Client { command }) => {
            let mut store = match command {
                client::ClientCmd::Add { .. } => Store::open(path)?,
                _ => open_existing(path)?,
            };
            client::run(&mut store, clock.as_ref(), command)
        }
        Some(Cmd::Account { command }) => {
            account::run(&open_existing(path)?, clock.as_ref(), command)
        }
        Some(Cmd::Posts { command }) => posts::run(&open_existing(path)?, command),
        Some(Cmd::Import { command }) => {
            let mut store = Store::open(path)?;
            import::run(&mut store, clock.as_ref(), command)
        }
        Some(Cmd::Export { command }) => {
            export::run(&open_existing(path)?, clock.as_ref(), command)
        }
        Some(Cmd::Inbox { command }) => {
            inbox::run(&mut open_existing(path)?, clock.as_ref(), command, path)
        }
        Some(Cmd::Connect { command }) => {
            connect::connect(&mut open_existing(path)?, clock.as_ref(), command)
        }
        Some(Cmd::Connections { json }) => connect::list(&open_existing(path)?, json),
        Some(Cmd::Disconnect { client, account }) => {
            connect::disconnect(&mut open_existing(path)?, clock.as_ref(), &client, &account)
        }
        Some(Cmd::Sync { client, json }) => live::sync(
            &mut open_existing(path)?,
            clock.as_ref(),
            client.as_deref(),
            json,
        ),
        Some(Cmd::Publish {
            client, dry_run, ..
        }) => live::publish(
            &mut open_existing(path)?,
            clock.as_ref(),
            client.as_deref(),
            dry_run,
        ),
        Some(Cmd::Report(args)) => report::run(&open_existing(path)?, clock.as_ref(), args),
        Some(Cmd::Today { json }) => today::run(&open_existing(path)?, clock.as_ref(), json),
        Some(Cmd::Backup { file }) => safety::backup(&open_existing(path)?, file),
        Some(Cmd::Restore { file, yes }) => {
            safety::restore(&mut Store::open(path)?, clock.as_ref(), file, yes)
        }
        Some(Cmd::Trash { command }) => safety::trash(&open_existing(path)?, command),
        Some(Cmd::Lang { value }) => lang::run(&Store::open(path)?, value.as_deref()),
        Some(Cmd::Demo { remove: true, .. }) => demo::remove(&mut open_existing(path)?),
        Some(Cmd::Demo { scale, force, .. }) => {
            let mut store = Store::open(path)?;
            demo::run(&mut store, clock.as_ref(), scale, force)
        }
    }
}
