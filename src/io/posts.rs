//! `twohats import posts`: a CSV of planned posts with the header
//! `date,time,platforms,title,body,pillar,campaign,status`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;

use super::ImportError;
use crate::domain::Account;
use crate::domain::Platform;
use crate::domain::post::{Post, PostStatus, is_skipped};
use crate::domain::strategy::{Campaign, Pillar};

pub const HEADER: [&str; 8] = [
    "date",
    "time",
    "platforms",
    "title",
    "body",
    "pillar",
    "campaign",
    "status",
];

/// What the rows are resolved against: the client's zone, accounts, pillars, campaigns.
pub struct Context<'a> {
    pub file: &'a str,
    pub client_id: i64,
    pub tz: Tz,
    pub accounts: &'a [Account],
    pub pillars: &'a [Pillar],
    pub campaigns: &'a [Campaign],
}

/// Reads every post of the file, or the first error with its line: nothing is partial.
pub fn read(bytes: &[u8], ctx: &Context<'_>) -> Result<Vec<Post>, ImportError> {
    let text = super::text::decode(bytes).map_err(|e| ImportError::new(ctx.file, 0, None, e))?;
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| ImportError::new(ctx.file, 1, None, e.to_string()))?
        .clone();
    let idx = super::header_columns(ctx.file, &headers, &HEADER)?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            ImportError::new(
                ctx.file,
                e.position().map_or(0, |p| p.line() as usize),
                None,
                e.to_string(),
            )
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| rec.get(idx[i]).unwrap_or("").trim();
        let err = |field: &str, msg: String| ImportError::new(ctx.file, line, Some(field), msg);
        let date = NaiveDate::parse_from_str(get(0), "%Y-%m-%d").map_err(|_| {
            err(
                "date",
                crate::i18n::fill(crate::i18n::t().imp_not_date_like, &[("value", get(0))]),
            )
        })?;
        let time = NaiveTime::parse_from_str(get(1), "%H:%M").map_err(|_| {
            err(
                "time",
                crate::i18n::fill(crate::i18n::t().imp_not_time_like, &[("value", get(1))]),
            )
        })?;
        let local = NaiveDateTime::new(date, time);
        if is_skipped(local, ctx.tz) {
            return Err(err(
                "time",
                crate::i18n::fill(
                    crate::i18n::t().imp_gap_time,
                    &[
                        ("time", &format!("{} {}", get(0), get(1))),
                        ("zone", ctx.tz.name()),
                    ],
                ),
            ));
        }
        let mut accounts = Vec::new();
        for name in get(2).split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let p = Platform::parse(name).ok_or_else(|| {
                err(
                    "platforms",
                    crate::i18n::fill(crate::i18n::t().imp_unknown_platform, &[("platform", name)]),
                )
            })?;
            let acc = ctx
                .accounts
                .iter()
                .find(|a| a.platform == p && a.client_id == ctx.client_id)
                .ok_or_else(|| {
                    err(
                        "platforms",
                        crate::i18n::fill(
                            crate::i18n::t().imp_no_account,
                            &[("platform", p.name())],
                        ),
                    )
                })?;
            if !accounts.contains(&acc.id) {
                accounts.push(acc.id);
            }
        }
        if accounts.is_empty() {
            return Err(err(
                "platforms",
                crate::i18n::t().imp_platforms_empty.into(),
            ));
        }
        let by_name = |field: &str,
                       value: &str,
                       names: Vec<(i64, &str)>|
         -> Result<Option<i64>, ImportError> {
            if value.is_empty() {
                return Ok(None);
            }
            names
                .iter()
                .find(|(_, n)| n.trim().eq_ignore_ascii_case(value))
                .map(|(id, _)| Some(*id))
                .ok_or_else(|| {
                    err(
                        field,
                        crate::i18n::fill(
                            crate::i18n::t().imp_no_named,
                            &[("field", field), ("value", value)],
                        ),
                    )
                })
        };
        let pillar = by_name(
            "pillar",
            get(5),
            ctx.pillars
                .iter()
                .map(|p| (p.id, p.name.as_str()))
                .collect(),
        )?;
        let campaign = by_name(
            "campaign",
            get(6),
            ctx.campaigns
                .iter()
                .map(|c| (c.id, c.name.as_str()))
                .collect(),
        )?;
        let status = match get(7) {
            "" => PostStatus::Draft,
            s => PostStatus::parse(s).ok_or_else(|| {
                err(
                    "status",
                    crate::i18n::fill(
                        crate::i18n::t().imp_not_one_of,
                        &[
                            ("value", s),
                            (
                                "list",
                                "idea, draft, ready, scheduled, published, failed, cancelled",
                            ),
                        ],
                    ),
                )
            })?,
        };
        let mut post = Post {
            client_id: ctx.client_id,
            accounts,
            status,
            title: get(3).to_string(),
            body: rec.get(idx[4]).unwrap_or("").trim_end().to_string(),
            pillar_id: pillar,
            campaign_id: campaign,
            utm_medium: "social".into(),
            utm_campaign: campaign
                .and_then(|id| ctx.campaigns.iter().find(|c| c.id == id))
                .map(|c| crate::domain::post::slug(&c.name))
                .unwrap_or_default(),
            ..Post::default()
        };
        post.schedule(Some(local), ctx.tz);
        out.push(post);
    }
    Ok(out)
}
