//! `twohats posts list [--client NAME] [--from DATE] [--to DATE] [--status S] [--json]`.

use std::collections::HashMap;

use chrono::{NaiveDate, SecondsFormat};
use clap::Subcommand;
use serde::Serialize;

use super::account::AccountJson;
use super::{Failure, print_json};
use crate::domain::post::{Post, PostStatus};
use crate::domain::text::{sanitize_line, truncate};
use crate::domain::{Account, Client};
use crate::i18n::{fill, t};
use crate::store::{PostFilter, Store};

#[derive(Debug, Subcommand)]
pub enum PostsCmd {
    /// List posts, by time; undated ideas last.
    List {
        /// One client (name or id); all clients when left out.
        #[arg(long)]
        client: Option<String>,
        /// First day (YYYY-MM-DD, the client's wall clock); all posts when left out.
        #[arg(long)]
        from: Option<String>,
        /// Last day, included.
        #[arg(long)]
        to: Option<String>,
        /// idea, draft, ready, scheduled, published, failed, cancelled or publishing;
        /// all when left out.
        #[arg(long)]
        status: Option<String>,
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct PostJson<'a> {
    id: i64,
    client: &'a str,
    accounts: Vec<AccountJson<'a>>,
    /// RFC 3339, at the client's offset that day; `None` for an undated idea.
    time: Option<String>,
    timezone: &'a str,
    status: &'static str,
    title: &'a str,
    text: &'a str,
    pillar: Option<&'a str>,
    campaign: Option<&'a str>,
    /// Where the post lives once published.
    url: Option<&'a str>,
    /// The link the post carries.
    link: Option<&'a str>,
}

/// A `--from`/`--to` day.
fn day(flag: &str, value: Option<&str>) -> Result<Option<NaiveDate>, Failure> {
    value
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                Failure::usage(fill(
                    t().cli.cli_bad_date,
                    &[("flag", flag), ("value", &sanitize_line(v))],
                ))
            })
        })
        .transpose()
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

/// Pillar and campaign names of the clients whose posts are listed, by id.
struct Names {
    pillars: HashMap<i64, String>,
    campaigns: HashMap<i64, String>,
}

impl Names {
    fn load(store: &Store, posts: &[Post]) -> Result<Names, Failure> {
        let mut clients: Vec<i64> = posts.iter().map(|p| p.client_id).collect();
        clients.sort_unstable();
        clients.dedup();
        let mut names = Names {
            pillars: HashMap::new(),
            campaigns: HashMap::new(),
        };
        for c in clients {
            let plan = store.plan(c)?;
            names
                .pillars
                .extend(plan.pillars.into_iter().map(|x| (x.id, x.name)));
            names
                .campaigns
                .extend(plan.campaigns.into_iter().map(|x| (x.id, x.name)));
        }
        Ok(names)
    }
}

pub fn run(store: &Store, cmd: PostsCmd) -> Result<(), Failure> {
    let PostsCmd::List {
        client,
        from,
        to,
        status,
        json,
    } = cmd;
    let client = client.map(|c| store.find_client(&c)).transpose()?;
    let from = day("from", from.as_deref())?;
    let to = day("to", to.as_deref())?;
    if let (Some(f), Some(l)) = (from, to)
        && l < f
    {
        return Err(Failure::usage(t().cli.cli_to_before_from));
    }
    let status = status
        .map(|s| {
            PostStatus::parse(&s).ok_or_else(|| {
                // From the statuses themselves, so a new one is never left out.
                let list: Vec<&str> = PostStatus::ALL.iter().map(|x| x.key()).collect();
                Failure::usage(fill(
                    t().cli.cli_unknown_post_status,
                    &[("status", &sanitize_line(&s)), ("list", &list.join(", "))],
                ))
            })
        })
        .transpose()?;
    let mut posts = store.posts_matching(&PostFilter {
        client: client.as_ref().map(|c| c.id),
        from,
        status,
        ..PostFilter::default()
    })?;
    // A span of days leaves out the ideas that have no day yet.
    if from.is_some() || to.is_some() {
        posts.retain(|p| p.day().is_some_and(|d| to.is_none_or(|t| d <= t)));
    }
    // By instant: clients in other zones interleave as they go out.
    posts.sort_by_key(|p| (p.at.is_none(), p.at, p.id));
    let clients = store.clients()?;
    let accounts = store.accounts()?;
    let client_of = |p: &Post| clients.iter().find(|c| c.id == p.client_id);
    let accounts_of = |p: &Post| -> Vec<&Account> {
        accounts
            .iter()
            .filter(|a| p.accounts.contains(&a.id))
            .collect()
    };
    if json {
        let names = Names::load(store, &posts)?;
        let out: Vec<PostJson> = posts
            .iter()
            .map(|p| {
                let c = client_of(p);
                PostJson {
                    id: p.id,
                    client: c.map_or("", |c| c.name.as_str()),
                    accounts: accounts_of(p).into_iter().map(AccountJson::from).collect(),
                    time: p.at.map(|at| {
                        at.with_timezone(&c.map_or(chrono_tz::UTC, Client::tz))
                            .to_rfc3339_opts(SecondsFormat::Secs, false)
                    }),
                    timezone: c.map_or("UTC", |c| c.timezone.as_str()),
                    status: p.status.key(),
                    title: &p.title,
                    text: &p.body,
                    pillar: p
                        .pillar_id
                        .and_then(|id| names.pillars.get(&id))
                        .map(String::as_str),
                    campaign: p
                        .campaign_id
                        .and_then(|id| names.campaigns.get(&id))
                        .map(String::as_str),
                    url: non_empty(&p.permalink),
                    link: non_empty(&p.link),
                }
            })
            .collect();
        return print_json(&out);
    }
    if posts.is_empty() {
        super::out::line(t().cli.cli_no_posts)?;
    }
    for p in &posts {
        let when = p.local.map_or_else(
            || "—".to_string(),
            |l| l.format("%Y-%m-%d %H:%M").to_string(),
        );
        let platforms: Vec<&str> = accounts_of(p)
            .into_iter()
            .map(|a| a.platform.key())
            .collect();
        // Outside text: made harmless before it reaches the terminal.
        super::out::line(&format!(
            "{:>6}  {}  {when:<16}  {:<9}  {:<20}  {}",
            p.id,
            sanitize_line(client_of(p).map_or("", |c| c.name.as_str())),
            p.status.key(),
            platforms.join(","),
            truncate(&sanitize_line(p.label()), 60)
        ))?;
    }
    Ok(())
}
