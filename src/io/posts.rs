//! `twohats import posts`: a CSV of planned posts with the header
//! `date,time,platforms,title,body,pillar,campaign,status` and an optional `external_id`.
//!
//! Each row has an identity, so importing a file again adds nothing: its `external_id`
//! when the column is there and filled, else a fingerprint of what the row says (day,
//! time, platforms, title, text).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;

use super::{ImportError, quoted};
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

/// A post read from a file, with what identifies its row.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPost {
    pub post: Post,
    pub external_id: String,
}

/// FNV-1a, 64 bits: a fingerprint that stays the same from one run (and build) to the
/// next, unlike the standard library's hasher.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("row:{h:016x}")
}

/// Reads every post of the file, or the first error with its line: nothing is partial.
pub fn read(bytes: &[u8], ctx: &Context<'_>) -> Result<Vec<ImportedPost>, ImportError> {
    let text = super::text::decode(bytes).map_err(|e| ImportError::new(ctx.file, 0, None, e))?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(super::text::separator(&text))
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| ImportError::new(ctx.file, 1, None, e.to_string()))?
        .clone();
    let idx = super::header_columns(ctx.file, &headers, &HEADER)?;
    let iexternal = headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("external_id"));
    let mut out = Vec::new();
    let mut lines = super::text::Lines::new(&text);
    for rec in rdr.records() {
        let rec = rec
            .map_err(|e| ImportError::new(ctx.file, lines.of(e.position()), None, e.to_string()))?;
        let line = lines.of(rec.position());
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| rec.get(idx[i]).unwrap_or("").trim();
        let err = |field: &str, msg: String| ImportError::new(ctx.file, line, Some(field), msg);
        let err_at = |i: usize, field: &str, msg: String| err(field, msg).at_field(idx[i]);
        let date = NaiveDate::parse_from_str(get(0), "%Y-%m-%d").map_err(|_| {
            err_at(
                0,
                "date",
                crate::i18n::fill(
                    crate::i18n::t().import.imp_not_date_like,
                    &[("value", &quoted(get(0)))],
                ),
            )
        })?;
        let time = NaiveTime::parse_from_str(get(1), "%H:%M").map_err(|_| {
            err_at(
                1,
                "time",
                crate::i18n::fill(
                    crate::i18n::t().import.imp_not_time_like,
                    &[("value", &quoted(get(1)))],
                ),
            )
        })?;
        let local = NaiveDateTime::new(date, time);
        if is_skipped(local, ctx.tz) {
            return Err(err(
                "time",
                crate::i18n::fill(
                    crate::i18n::t().import.imp_gap_time,
                    &[
                        ("time", &format!("{} {}", get(0), get(1))),
                        ("zone", ctx.tz.name()),
                    ],
                ),
            ));
        }
        let mut accounts = Vec::new();
        // `;` between platforms; `,` or `|` from a file whose cells `;` separates.
        for name in get(2)
            .split([';', ',', '|'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let p = Platform::parse(name).ok_or_else(|| {
                err_at(
                    2,
                    "platforms",
                    crate::i18n::fill(
                        crate::i18n::t().import.imp_unknown_platform,
                        &[("platform", &quoted(name))],
                    ),
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
                            crate::i18n::t().import.imp_no_account,
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
                crate::i18n::t().import.imp_platforms_empty.into(),
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
                            crate::i18n::t().import.imp_no_named,
                            &[("field", field), ("value", &quoted(value))],
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
                        crate::i18n::t().import.imp_not_one_of,
                        &[
                            ("value", &quoted(s)),
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
        let external_id = match iexternal.map(|i| rec.get(i).unwrap_or("").trim()) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => {
                let mut platforms: Vec<&str> = get(2)
                    .split([';', ',', '|'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                platforms.sort_unstable();
                let platforms = platforms.join(";").to_lowercase();
                fingerprint(&[get(0), get(1), &platforms, &post.title, &post.body])
            }
        };
        out.push(ImportedPost { post, external_id });
    }
    Ok(out)
}
