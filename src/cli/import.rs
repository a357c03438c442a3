//! `twohats import inbox FILE --client NAME [--format] [--platform]`.

use std::path::Path;

use clap::Subcommand;

use super::Failure;
use crate::domain::{Clock, Platform};
use crate::i18n::{fill, t};
use crate::io::inbox::{self, Context, Format};
use crate::store::Store;

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
    std::fs::read(path).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))
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
            let (daily, posts) = store.transaction(|tx| {
                let daily = tx.upsert_daily(client.id, &data.daily, || bar.inc(1))?;
                let posts = tx.upsert_posts(client.id, &data.posts, || bar.inc(1))?;
                Ok((daily, posts))
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
                        ("rows", &data.rows.to_string()),
                        ("stored", &(daily.stored + posts.stored).to_string()),
                        (
                            "unchanged",
                            &(daily.unchanged + posts.unchanged).to_string()
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
                fill(
                    t().cli_posts_imported,
                    &[("n", &posts.len().to_string()), ("client", &client.name)]
                )
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
            let items =
                inbox::read(&bytes, format, &ctx).map_err(|e| Failure::usage(e.to_string()))?;
            let now = clock.now();
            let bar = progress(items.len() as u64);
            let added = store.transaction(|tx| {
                let mut added = 0;
                for it in &items {
                    if tx.insert_item(client.id, it, now)? {
                        added += 1;
                    }
                    bar.inc(1);
                }
                tx.link_items_to_posts(client.id, now)?;
                Ok(added)
            })?;
            bar.finish_and_clear();
            println!(
                "{}",
                fill(
                    t().cli_inbox_imported,
                    &[
                        ("read", &items.len().to_string()),
                        ("added", &added.to_string()),
                        ("skipped", &(items.len() - added).to_string()),
                        ("client", &client.name),
                    ],
                )
            );
            Ok(())
        }
    }
}
