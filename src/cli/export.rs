//! `twohats export ics --client NAME [--from DATE] [--to DATE] [-o FILE]`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use super::Failure;
use crate::domain::Clock;
use crate::io::ics::{self, Event};
use crate::store::{PostFilter, Store};

#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// The editorial calendar as an iCalendar file for a calendar program.
    Ics {
        /// The client (name or id).
        #[arg(long)]
        client: String,
        /// First day (YYYY-MM-DD, the client's wall clock); all posts when left out.
        #[arg(long)]
        from: Option<String>,
        /// Last day, included.
        #[arg(long)]
        to: Option<String>,
        /// Write to this file instead of standard output (private, replaced whole).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
}

fn date(flag: &str, s: Option<&str>) -> Result<Option<NaiveDate>, Failure> {
    s.map(|s| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            Failure::usage(crate::i18n::fill(
                crate::i18n::t().cli.cli_bad_date,
                &[("flag", flag), ("value", s)],
            ))
        })
    })
    .transpose()
}

/// Writes `text` to a file or to stdout. A file is written whole and private (it holds
/// client data) and replaces what was there, as `cp` does; a symlink there is replaced,
/// never followed.
/// Never the database itself: a report named after it is refused.
pub fn emit(store: &Store, output: Option<&PathBuf>, text: &str) -> Result<(), Failure> {
    use crate::explain::Explain;
    if let Some(path) = output {
        store.refuse_own_file(path)?;
    }
    match output {
        Some(path) => crate::files::write_bytes(path, true, text.as_bytes()).map_err(|e| {
            Failure::failed(match crate::files::Problem::of_io(path, &e) {
                Some(p) => p.explain(),
                None => format!("{}: {e}", path.display()),
            })
        }),
        None => super::out::data(text),
    }
}

pub fn run(store: &Store, clock: &dyn Clock, cmd: ExportCmd) -> Result<(), Failure> {
    let ExportCmd::Ics {
        client,
        from,
        to,
        output,
    } = cmd;
    let client = store.find_client(&client)?;
    let from = date("from", from.as_deref())?;
    let to = date("to", to.as_deref())?;
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(Failure::usage(crate::i18n::t().cli.cli_to_before_from));
    }
    let posts = store.posts_matching(&PostFilter {
        client: Some(client.id),
        from,
        ..PostFilter::default()
    })?;
    let accounts = store.accounts()?;
    let plan = store.plan(client.id)?;
    let events: Vec<Event> = posts
        .iter()
        .filter(|p| match (to, p.day()) {
            (Some(t), Some(d)) => d <= t,
            _ => true,
        })
        .map(|p| Event {
            post: p,
            marks: crate::tui::calendar::marks(&p.accounts, &accounts),
            client: &client.name,
            pillar: p
                .pillar_id
                .and_then(|id| plan.pillars.iter().find(|x| x.id == id))
                .map(|x| x.name.as_str()),
        })
        .collect();
    emit(
        store,
        output.as_ref(),
        &ics::write(&events, &client.name, clock.now()),
    )
}
