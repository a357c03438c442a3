//! `twohats import inbox FILE --client NAME [--format] [--platform]`.

use std::path::Path;

use clap::Subcommand;

use super::Failure;
use crate::domain::sentiment::suggest_sentiment;
use crate::domain::{Clock, Platform};
use crate::i18n::{fill, t};
use crate::io::inbox::{self, Context, Format};
use crate::store::{Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum ImportCmd {
    /// Comments, DMs and mentions: a CSV, a JSON array, or Mastodon's or Bluesky's
    /// notifications.
    Inbox {
        file: std::path::PathBuf,
        /// The client the items belong to (name or id).
        #[arg(long)]
        client: String,
        /// auto, csv, json, mastodon or bluesky.
        #[arg(long, default_value = "auto")]
        format: String,
        /// The platform of rows that do not name one.
        #[arg(long)]
        platform: Option<String>,
    },
    /// Analytics exports: X, Facebook, Instagram, LinkedIn (xls/xlsx), TikTok, YouTube
    /// (CSV or zip), Meta page files, or a generic long or wide CSV.
    Kpi {
        file: std::path::PathBuf,
        /// The client (name or id).
        #[arg(long)]
        client: String,
        /// auto (from the headers), long, wide, meta, or an export's name.
        #[arg(long, default_value = "auto")]
        format: String,
        /// The platform of files that do not say it (wide CSV, Meta page files).
        #[arg(long)]
        platform: Option<String>,
    },
    /// Planned posts: a CSV with the header date,time,platforms,title,body,pillar,campaign,status.
    Posts {
        file: std::path::PathBuf,
        /// The client the posts belong to (name or id).
        #[arg(long)]
        client: String,
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

pub fn read_file(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        Failure::usage(crate::i18n::format::labelled(
            &path.display().to_string(),
            &e.to_string(),
        ))
    })
}

pub fn parse_platform(p: Option<&str>) -> Result<Option<Platform>, Failure> {
    p.map(|p| {
        Platform::parse(p)
            .ok_or_else(|| Failure::usage(fill(t().cli_unknown_platform, &[("platform", p)])))
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
        } => {
            let client = store.find_client(&client)?;
            let bytes = read_file(&file)?;
            let name = file.display().to_string();
            // Year-less dates (TikTok) are read as on or before the file's last change.
            let today = clock.now().with_timezone(&client.tz()).date_naive();
            let reference = std::fs::metadata(&file)
                .and_then(|m| m.modified())
                .ok()
                .map(|t| {
                    chrono::DateTime::<chrono::Utc>::from(t)
                        .with_timezone(&client.tz())
                        .date_naive()
                })
                .map_or(today, |d| d.min(today));
            let ctx = crate::io::kpi::Context {
                file: &name,
                platform: parse_platform(platform.as_deref())?,
                minor: crate::report::minor_units(&client),
                reference,
                format: &format,
            };
            let data =
                crate::io::kpi::read(&bytes, &ctx).map_err(|e| Failure::usage(e.to_string()))?;
            let bar = progress((data.daily.len() + data.posts.len()) as u64);
            let (daily, posts) = store.bulk_transaction(|tx| {
                let daily = tx.upsert_daily(client.id, &data.daily, |n| bar.inc(n as u64))?;
                let posts = tx.upsert_posts(client.id, &data.posts, |n| bar.inc(n as u64))?;
                Ok::<_, StoreError>((daily, posts))
            })?;
            bar.finish_and_clear();
            let s = t();
            println!(
                "{}",
                fill(
                    s.cli_kpi_imported,
                    &[
                        ("client", &client.name),
                        ("formats", &data.formats.join(", ")),
                        ("rows", &s.cli_read_rows.n(data.rows)),
                        (
                            "stored",
                            &s.cli_stored_values.n(daily.stored + posts.stored)
                        ),
                        (
                            "unchanged",
                            &s.cli_already_there.n(daily.unchanged + posts.unchanged)
                        ),
                    ],
                )
            );
            if !data.ignored.is_empty() {
                let ignored: Vec<&str> = data.ignored.iter().map(String::as_str).collect();
                println!(
                    "{}",
                    fill(s.cli_kpi_ignored, &[("what", &ignored.join(", "))])
                );
            }
            Ok(())
        }
        ImportCmd::Posts { file, client } => {
            let client = store.find_client(&client)?;
            let bytes = read_file(&file)?;
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
            let posts =
                crate::io::posts::read(&bytes, &ctx).map_err(|e| Failure::usage(e.to_string()))?;
            let now = clock.now();
            let bar = progress(posts.len() as u64);
            store.transaction(|tx| {
                for p in &posts {
                    tx.save_post(p, now)?;
                    bar.inc(1);
                }
                Ok(())
            })?;
            bar.finish_and_clear();
            println!(
                "{}",
                t().cli_posts_imported
                    .with(posts.len(), &[("client", &client.name)])
            );
            Ok(())
        }
        ImportCmd::Inbox {
            file,
            client,
            format,
            platform,
        } => {
            let client = store.find_client(&client)?;
            let format = Format::parse(&format).ok_or_else(|| {
                Failure::usage(fill(t().cli_unknown_format, &[("format", &format)]))
            })?;
            let bytes = read_file(&file)?;
            let name = file.display().to_string();
            let ctx = Context {
                file: &name,
                platform: parse_platform(platform.as_deref())?,
                tz: client.tz(),
            };
            let now = clock.now();
            // About one item a line after the header; the bar only shows work going on.
            let lines = bytes.iter().filter(|&&b| b == b'\n').count();
            let bar = progress(lines.saturating_sub(1) as u64);
            // The file is read on a second thread while the first stores what is read:
            // the two overlap. A bad row anywhere still leaves the database as it was.
            let (read, added) = std::thread::scope(|s| {
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
                // Freeing a stored chunk's strings took the storing thread 2% of its time:
                // a third thread does it.
                let (spent, bin) = std::sync::mpsc::channel::<Vec<_>>();
                s.spawn(move || bin.into_iter().for_each(drop));
                store.bulk_transaction(|tx| {
                    let mut added = 0;
                    for chunk in chunks {
                        added += tx.insert_items(client.id, &chunk, now, |n| bar.inc(n as u64))?;
                        // The bin only closes with this scope, so a send cannot fail.
                        let _ = spent.send(chunk);
                    }
                    let read = reader
                        .join()
                        .unwrap_or_else(|p| std::panic::resume_unwind(p))
                        .map_err(|e| Failure::usage(e.to_string()))?;
                    Ok::<_, Failure>((read, added))
                })
            })?;
            bar.finish_and_clear();
            println!(
                "{}",
                fill(
                    t().cli_inbox_imported,
                    &[
                        ("read", &t().cli_read_items.n(read)),
                        ("added", &t().cli_added.n(added)),
                        ("skipped", &t().cli_skipped.n(read - added)),
                        ("client", &client.name),
                    ],
                )
            );
            Ok(())
        }
    }
}
