//! `twohats sync`, `publish --due`, and the live step of `inbox reply`: the command
//! line's side of [`crate::sync`].

use std::path::PathBuf;

use serde::Serialize;

use super::Failure;
use super::connect::{net_env, secrets};
use super::inbox_change::{Deliver, Delivered};
use crate::domain::Clock;
use crate::domain::inbox::Item;
use crate::domain::text::sanitize_line;
use crate::explain::Explain;
use crate::i18n::{fill, t};
use crate::store::Store;
use crate::sync::{self, AccountReport, Progress, SyncEnv};

fn env(clock: &dyn Clock) -> Result<SyncEnv, Failure> {
    Ok(SyncEnv {
        net: net_env(clock),
        secrets: secrets()?,
    })
}

fn client_id(store: &Store, client: Option<&str>) -> Result<Option<i64>, Failure> {
    Ok(match client {
        Some(c) => Some(store.find_client(c)?.id),
        None => None,
    })
}

#[derive(Serialize)]
struct AccountJson {
    client: String,
    platform: &'static str,
    account: String,
    ok: bool,
    new: usize,
    known: usize,
    skipped_deleted: usize,
    left_out: std::collections::BTreeMap<String, usize>,
    filtered: Option<u64>,
    more: bool,
    followers: Option<u64>,
    posts_counted: usize,
    error: Option<String>,
    error_kind: Option<&'static str>,
    retry_at: Option<String>,
}

fn n_of(forms: crate::i18n::Plural, n: usize) -> String {
    forms.n(n)
}

fn line_of(r: &AccountReport) -> String {
    let s = t();
    let parts = match &r.outcome {
        Ok(p) => {
            let mut parts = vec![
                n_of(s.live.sync_new, p.new),
                n_of(s.live.sync_known, p.known),
            ];
            if p.skipped_deleted > 0 {
                parts.push(n_of(s.live.sync_deleted, p.skipped_deleted));
            }
            let left: usize = p.left_out.values().sum();
            if left > 0 {
                parts.push(n_of(s.live.sync_left_out, left));
            }
            if let Some(f) = p.filtered.filter(|f| *f > 0) {
                parts.push(n_of(
                    s.live.sync_filtered,
                    usize::try_from(f).unwrap_or(usize::MAX),
                ));
            }
            if p.more {
                parts.push(s.live.sync_more.to_string());
            }
            if let Some(f) = p.followers {
                parts.push(n_of(
                    s.live.sync_followers,
                    usize::try_from(f).unwrap_or(usize::MAX),
                ));
            }
            if p.posts_counted > 0 {
                parts.push(n_of(s.live.sync_counted, p.posts_counted));
            }
            if let Some(e) = &p.counts {
                parts.push(e.0.explain());
            }
            parts.join(", ")
        }
        // The line names the account already: its error need not say it again.
        Err(e) => {
            let text = e.explain();
            let named = format!("{}{} ", r.account, crate::i18n::format::colon());
            text.strip_prefix(&named)
                .map_or(text.clone(), str::to_string)
        }
    };
    fill(
        s.live.sync_line,
        &[
            ("client", &sanitize_line(&r.client)),
            ("account", &sanitize_line(&r.account)),
            ("parts", &parts),
        ],
    )
}

/// Whether an account's sync failed as `sync` counts failures (exit 1): the pull, or
/// counts that need a new connection.
fn failed(r: &AccountReport) -> bool {
    match &r.outcome {
        Ok(p) => p.counts.as_ref().is_some_and(|c| c.0.is_expired()),
        Err(_) => true,
    }
}

pub fn sync(
    store: &mut Store,
    clock: &dyn Clock,
    client: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let client = client_id(store, client)?;
    let env = env(clock)?;
    let reports = sync::sync(store, &env, client, &mut |p| {
        if let Progress::Account {
            index,
            total,
            account,
            ..
        } = p
            && !json
            && std::io::IsTerminal::is_terminal(&std::io::stderr())
        {
            super::out::error(&fill(
                t().live.sync_progress,
                &[
                    ("account", &sanitize_line(&account)),
                    ("i", &index.to_string()),
                    ("n", &total.to_string()),
                ],
            ));
        }
    })?;
    let any_failed = reports.iter().any(failed);
    if json {
        let rows: Vec<AccountJson> = reports
            .iter()
            .map(|r| {
                let p = r.outcome.as_ref().ok().cloned().unwrap_or_default();
                let err = r.outcome.as_ref().err();
                AccountJson {
                    client: r.client.clone(),
                    platform: r.platform.key(),
                    account: r.account.clone(),
                    ok: !failed(r),
                    new: p.new,
                    known: p.known,
                    skipped_deleted: p.skipped_deleted,
                    left_out: p.left_out.clone(),
                    filtered: p.filtered,
                    more: p.more,
                    followers: p.followers,
                    posts_counted: p.posts_counted,
                    error: err
                        .map(|e| e.explain())
                        .or_else(|| p.counts.as_ref().map(|c| c.0.explain())),
                    error_kind: err.map(|e| e.kind_key()),
                    retry_at: err.and_then(sync::retry_at).map(|t| t.to_rfc3339()),
                }
            })
            .collect();
        super::print_json(&rows)?;
    } else if reports.is_empty() {
        super::out::line(t().live.sync_none)?;
    } else {
        let lines: Vec<String> = reports.iter().map(line_of).collect();
        super::out::line(&lines.join("\n"))?;
    }
    if any_failed {
        let names: Vec<String> = reports
            .iter()
            .filter(|r| failed(r))
            .map(|r| sanitize_line(&r.account))
            .collect();
        return Err(Failure::failed(
            t().live
                .cli_sync_failed
                .with(names.len(), &[("accounts", &names.join(", "))]),
        ));
    }
    Ok(())
}

pub fn publish(
    store: &mut Store,
    clock: &dyn Clock,
    client: Option<&str>,
    dry_run: bool,
) -> Result<(), Failure> {
    let client = client_id(store, client)?;
    let env = env(clock)?;
    let report = sync::publish_due(store, &env, clock.now(), client, dry_run)?;
    if report.steps.is_empty() {
        return super::out::line(t().live.publish_none);
    }
    let lines: Vec<String> = report
        .steps
        .iter()
        .map(crate::explain::publish_step)
        .collect();
    super::out::line(&lines.join("\n"))?;
    if report.has_failures() {
        return Err(Failure::failed(String::new()));
    }
    Ok(())
}

/// Sends a reply through the connection its item came from (on a store of its own:
/// the reply command holds the other); an item that came from a file is recorded only.
pub struct LiveDeliver {
    pub db: PathBuf,
}

impl Deliver for LiveDeliver {
    fn deliver(&self, item: &Item, text: &str) -> Result<Delivered, Failure> {
        let mut store = Store::open(&self.db)?;
        if !sync::can_send(&store, item.id).map_err(|e| Failure::failed(e.explain()))? {
            return Ok(Delivered::NotSent);
        }
        let clock = crate::domain::clock::from_env();
        let env = env(clock.as_ref())?;
        match sync::send_reply(&mut store, &env, item, text) {
            Ok(sent) => Ok(Delivered::Sent { url: sent.url }),
            Err(e) => {
                let bad = matches!(&e, sync::SyncError::Net { error, .. } if error.is_bad_input());
                Err(if bad {
                    Failure::usage(e.explain())
                } else {
                    Failure::failed(e.explain())
                })
            }
        }
    }
}
