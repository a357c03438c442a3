//! `twohats import inbox|kpi|posts FILE --client NAME ...`: a file is read whole (a
//! regular file within `--max-size`), checked, then stored in one transaction, or
//! refused with what is wrong and where, the database left as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{Failure, out};
use crate::domain::sentiment::suggest_sentiment;
use crate::domain::text::shown;
use crate::domain::{Clock, Platform};
use crate::i18n::{fill, t};
use crate::io::inbox::{self, Context, Format, Summary};
use crate::io::source::{self, Limits, SourceError};
use crate::store::{Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum ImportCmd {
    /// Comments, DMs and mentions: a CSV, a JSON array, or Mastodon's or Bluesky's
    /// notifications.
    Inbox {
        file: PathBuf,
        /// The client the items belong to (name or id).
        #[arg(long)]
        client: String,
        /// auto, csv, json, mastodon or bluesky.
        #[arg(long, default_value = "auto")]
        format: String,
        /// The platform of rows that do not name one.
        #[arg(long)]
        platform: Option<String>,
        /// The largest file read, like 512M or 2G (default 256M).
        #[arg(long, value_name = "SIZE")]
        max_size: Option<String>,
    },
    /// Analytics exports: X, Facebook, Instagram, LinkedIn (xls/xlsx), TikTok, YouTube
    /// (CSV or zip), Meta page files, or a generic long or wide CSV.
    ///
    /// The generic CSVs (long: date,platform,metric,value; wide: date and a column per
    /// metric) name metrics by these keys: impressions, reach, engagements, likes,
    /// comments, shares, saves, clicks, video_views, profile_visits, new_follows, spend,
    /// conversions, revenue, watch_time, followers. Money is in major units (12.50),
    /// watch_time in hours; followers is a level (the count that day), the others add up.
    Kpi {
        file: PathBuf,
        /// The client (name or id).
        #[arg(long)]
        client: String,
        /// auto (from the headers), long, wide, meta, or an export's name.
        #[arg(long, default_value = "auto")]
        format: String,
        /// The platform of files that do not say it (wide CSV, Meta page files).
        #[arg(long)]
        platform: Option<String>,
        /// The last day of an export whose dates have no year (TikTok), YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        last_date: Option<String>,
        /// The largest file read, and the most a zip or xlsx may inflate to, like 512M or 2G (default 256M).
        #[arg(long, value_name = "SIZE")]
        max_size: Option<String>,
    },
    /// Planned posts: a CSV with the header date,time,platforms,title,body,pillar,campaign,status.
    Posts {
        file: PathBuf,
        /// The client the posts belong to (name or id).
        #[arg(long)]
        client: String,
        /// The largest file read, like 512M or 2G (default 256M).
        #[arg(long, value_name = "SIZE")]
        max_size: Option<String>,
    },
}

/// A progress bar on a terminal, nothing when piped.
pub fn progress(len: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rows {per_sec}")
    {
        bar.set_style(style);
    }
    bar
}

fn limits(max_size: Option<&str>) -> Result<Limits, Failure> {
    match max_size {
        None => Ok(Limits::default()),
        Some(s) => source::parse_size(s)
            .map(|max_bytes| Limits { max_bytes })
            .ok_or_else(|| Failure::usage(fill(t().cli.cli_bad_size, &[("value", &shown(s))]))),
    }
}

/// Reads an input file: a regular file within the limit, or a usage error saying why not.
pub fn read_file(path: &Path, limits: Limits) -> Result<Vec<u8>, Failure> {
    source::read_file(path, limits).map_err(|e| source_failure(path, e))
}

/// Why an input file was not read, as a usage error naming it.
pub fn source_failure(path: &Path, e: SourceError) -> Failure {
    let name = path.display().to_string();
    Failure::usage(match e {
        SourceError::NotRegular => fill(t().cli.cli_not_regular, &[("path", &name)]),
        SourceError::TooLarge { size, limit } => fill(
            t().cli.cli_file_too_large,
            &[
                ("path", &name),
                ("size", &source::size_text(size)),
                ("limit", &source::size_text(limit)),
            ],
        ),
        SourceError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fill(t().cli.cli_no_such_file, &[("path", &name)])
        }
        SourceError::Io(e) => crate::i18n::format::labelled(&name, &e.to_string()),
    })
}

pub fn parse_platform(p: Option<&str>) -> Result<Option<Platform>, Failure> {
    p.map(|p| {
        Platform::parse(p).ok_or_else(|| {
            Failure::usage(fill(
                t().cli.cli_unknown_platform,
                &[("platform", &shown(p))],
            ))
        })
    })
    .transpose()
}

pub fn run(store: &mut Store, clock: &dyn Clock, cmd: ImportCmd) -> Result<(), Failure> {
    match cmd {
        ImportCmd::Kpi {
            file,
            client,
            format,
            platform,
            last_date,
            max_size,
        } => kpi(
            store,
            clock,
            KpiArgs {
                file,
                client,
                format,
                platform,
                last_date,
                max_size,
            },
        ),
        ImportCmd::Posts {
            file,
            client,
            max_size,
        } => posts(store, clock, &file, &client, max_size.as_deref()),
        ImportCmd::Inbox {
            file,
            client,
            format,
            platform,
            max_size,
        } => inbox_items(
            store,
            clock,
            &file,
            &client,
            &format,
            platform.as_deref(),
            max_size.as_deref(),
        ),
    }
}

struct KpiArgs {
    file: PathBuf,
    client: String,
    format: String,
    platform: Option<String>,
    last_date: Option<String>,
    max_size: Option<String>,
}

fn kpi(store: &mut Store, clock: &dyn Clock, a: KpiArgs) -> Result<(), Failure> {
    let client = store.find_client(&a.client)?;
    let limits = limits(a.max_size.as_deref())?;
    let last_date = a
        .last_date
        .as_deref()
        .map(|s| {
            chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                Failure::usage(fill(
                    t().cli.cli_bad_date,
                    &[("flag", "last-date"), ("value", &shown(s))],
                ))
            })
        })
        .transpose()?;
    let platform = parse_platform(a.platform.as_deref())?;
    let bytes = read_file(&a.file, limits)?;
    let name = a.file.display().to_string();
    let today = clock.now().with_timezone(&client.tz()).date_naive();
    let ctx = crate::io::kpi::Context {
        platform,
        currency: &client.currency,
        minor: crate::report::minor_units(&client),
        tz: client.tz(),
        last_date,
        format: &a.format,
        limits,
        ..crate::io::kpi::Context::new(&name, today)
    };
    let data = crate::io::kpi::read(&bytes, &ctx).map_err(|e| Failure::usage(e.to_string()))?;
    drop(bytes);
    let bar = progress((data.daily.len() + data.posts.len()) as u64);
    let (daily, posts) = store.bulk_transaction(|tx| {
        let daily = tx.upsert_daily(client.id, &data.daily, |n| bar.inc(n as u64))?;
        let posts = tx.upsert_posts(client.id, &data.posts, |n| bar.inc(n as u64))?;
        Ok::<_, StoreError>((daily, posts))
    })?;
    bar.finish_and_clear();
    let s = t();
    out::line(&fill(
        s.cli.cli_kpi_imported,
        &[
            ("client", &shown(&client.name)),
            ("formats", &data.formats.join(", ")),
            ("rows", &s.cli.cli_read_rows.n(data.rows)),
            (
                "stored",
                &s.cli.cli_stored_values.n(daily.stored + posts.stored),
            ),
            (
                "unchanged",
                &s.cli.cli_already_there.n(daily.unchanged + posts.unchanged),
            ),
        ],
    ))?;
    if let (Some((from, to)), Some(reference)) = (data.inferred, data.reference) {
        out::line(&fill(
            s.cli.cli_kpi_years,
            &[
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("reference", &reference.to_string()),
            ],
        ))?;
    }
    for note in &data.notes {
        match note {
            crate::io::kpi::Note::OtherCurrency { column, currency } => out::line(&fill(
                s.cli.cli_kpi_currency,
                &[
                    ("column", &shown(column)),
                    ("currency", &shown(currency)),
                    ("client_currency", &client.currency),
                ],
            ))?,
        }
    }
    if !data.ignored.is_empty() {
        // Header and entry names come from the file: each is made harmless and cut.
        let ignored: Vec<String> = data.ignored.iter().map(|i| shown(i)).collect();
        out::line(&fill(
            s.cli.cli_kpi_ignored,
            &[("what", &ignored.join(", "))],
        ))?;
    }
    Ok(())
}

fn posts(
    store: &mut Store,
    clock: &dyn Clock,
    file: &Path,
    client: &str,
    max_size: Option<&str>,
) -> Result<(), Failure> {
    let client = store.find_client(client)?;
    let bytes = read_file(file, limits(max_size)?)?;
    let name = file.display().to_string();
    let accounts = store.accounts()?;
    let plan = store.plan(client.id)?;
    let ctx = crate::io::posts::Context {
        file: &name,
        client_id: client.id,
        tz: client.tz(),
        accounts: &accounts,
        pillars: &plan.pillars,
        campaigns: &plan.campaigns,
    };
    let posts = crate::io::posts::read(&bytes, &ctx).map_err(|e| Failure::usage(e.to_string()))?;
    let now = clock.now();
    let bar = progress(posts.len() as u64);
    let added = store.transaction(|tx| {
        let mut added = 0;
        for p in &posts {
            if tx.import_post(&p.post, &p.external_id, now)?.is_some() {
                added += 1;
            }
            bar.inc(1);
        }
        Ok(added)
    })?;
    bar.finish_and_clear();
    out::line(&t().cli.cli_posts_imported.with(
        added,
        &[
            ("skipped", &(posts.len() - added).to_string()),
            ("client", &shown(&client.name)),
        ],
    ))
}

/// What the store learnt while items went in.
#[derive(Default)]
struct Stored {
    added: usize,
    platforms: BTreeSet<Platform>,
    /// Items already there for another client: how many, by client id.
    elsewhere: BTreeMap<i64, usize>,
}

fn inbox_items(
    store: &mut Store,
    clock: &dyn Clock,
    file: &Path,
    client: &str,
    format: &str,
    platform: Option<&str>,
    max_size: Option<&str>,
) -> Result<(), Failure> {
    let client = store.find_client(client)?;
    let format = Format::parse(format).ok_or_else(|| {
        Failure::usage(fill(
            t().cli.cli_unknown_format,
            &[("format", &shown(format))],
        ))
    })?;
    let bytes = read_file(file, limits(max_size)?)?;
    let name = file.display().to_string();
    let ctx = Context {
        file: &name,
        platform: parse_platform(platform)?,
        tz: client.tz(),
    };
    let now = clock.now();
    // About one item a line after the header; the bar only shows work going on.
    let lines = bytes.iter().filter(|&&b| b == b'\n').count();
    let bar = progress(lines.saturating_sub(1) as u64);
    // The file is read on a second thread while the first stores what is read: the two
    // overlap. A bad row anywhere still leaves the database as it was.
    let (read, stored) = std::thread::scope(|s| {
        let (send, chunks) = std::sync::mpsc::sync_channel::<Vec<_>>(4);
        let (bytes, ctx) = (&bytes, &ctx);
        // `send` moves in: the store's loop ends when the reader is done.
        let reader = s.spawn(move || {
            inbox::read_each(bytes, format, ctx, |chunk| {
                let scored = chunk
                    .into_iter()
                    .map(|d| {
                        let s = suggest_sentiment(&d.text);
                        (d, s)
                    })
                    .collect();
                send.send(scored).is_ok()
            })
        });
        // Freeing a stored chunk's strings took the storing thread 2% of its time: a
        // third thread does it.
        let (spent, bin) = std::sync::mpsc::channel::<Vec<_>>();
        s.spawn(move || bin.into_iter().for_each(drop));
        store.bulk_transaction(|tx| {
            let mut st = Stored::default();
            for chunk in chunks {
                let added = tx.insert_items(client.id, &chunk, now, |n| bar.inc(n as u64))?;
                if added < chunk.len() {
                    for (c, n) in tx.item_holders(client.id, &chunk)? {
                        *st.elsewhere.entry(c).or_default() += n;
                    }
                }
                st.added += added;
                st.platforms.extend(chunk.iter().map(|(d, _)| d.platform));
                // The bin only closes with this scope, so a send cannot fail.
                let _ = spent.send(chunk);
            }
            let read = reader
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
                .map_err(|e| Failure::usage(e.to_string()))?;
            Ok::<_, Failure>((read, st))
        })
    })?;
    bar.finish_and_clear();
    let s = t();
    out::line(&fill(
        s.cli.cli_inbox_imported,
        &[
            ("read", &s.cli.cli_read_items.n(read.items)),
            ("added", &s.cli.cli_added.n(stored.added)),
            ("skipped", &s.cli.cli_skipped.n(read.items - stored.added)),
            ("client", &shown(&client.name)),
        ],
    ))?;
    if !stored.elsewhere.is_empty() {
        let clients = store.clients()?;
        for (id, n) in &stored.elsewhere {
            let holder = clients
                .iter()
                .find(|c| c.id == *id)
                .map_or_else(|| id.to_string(), |c| shown(&c.name));
            out::line(&s.cli.cli_inbox_elsewhere.with(*n, &[("client", &holder)]))?;
        }
    }
    summary_lines(&read.summary)?;
    let accounts = store.accounts()?;
    for p in &stored.platforms {
        if !accounts
            .iter()
            .any(|a| a.client_id == client.id && a.platform == *p)
        {
            out::error(&fill(
                s.cli.cli_inbox_no_account,
                &[("client", &shown(&client.name)), ("platform", p.key())],
            ));
        }
    }
    Ok(())
}

/// What an inbox file held beside its items: mentions of deleted posts, and the
/// notification types left out.
fn summary_lines(summary: &Summary) -> Result<(), Failure> {
    let s = t();
    if summary.deleted > 0 {
        out::line(&s.cli.cli_inbox_deleted.n(summary.deleted))?;
    }
    if !summary.left_out.is_empty() {
        let mut by_count: Vec<(&String, &usize)> = summary.left_out.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let what: Vec<String> = by_count
            .iter()
            .map(|(k, n)| format!("{n} {}", shown(k)))
            .collect();
        out::line(&fill(
            s.cli.cli_inbox_left_out,
            &[("what", &what.join(", "))],
        ))?;
    }
    Ok(())
}
