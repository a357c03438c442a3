//! `twohats report --client NAME (--week W | --month M | --from D --to D) --format F [-o FILE]`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::Failure;
use super::export::emit;
use crate::domain::Clock;
use crate::domain::report::Period;
use crate::io::report::{Format, write};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The client (name or id).
    #[arg(long)]
    client: String,
    /// An ISO week, like 2026-W47.
    #[arg(long, conflicts_with_all = ["month", "from", "to"])]
    week: Option<String>,
    /// A month, like 2026-11.
    #[arg(long, conflicts_with_all = ["from", "to"])]
    month: Option<String>,
    /// First day of a custom period (YYYY-MM-DD).
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// Last day of a custom period, included.
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// md, html, csv or json.
    #[arg(long)]
    format: String,
    /// Write to this file (created 0600) instead of standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
}

fn day(flag: &str, s: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        Failure::usage(crate::i18n::fill(
            crate::i18n::t().cli_bad_date,
            &[("flag", flag), ("value", s)],
        ))
    })
}

pub fn run(store: &Store, clock: &dyn Clock, a: ReportArgs) -> Result<(), Failure> {
    let client = store.find_client(&a.client)?;
    let format = Format::parse(&a.format).ok_or_else(|| {
        Failure::usage(crate::i18n::fill(
            crate::i18n::t().cli_bad_report_format,
            &[("value", &a.format)],
        ))
    })?;
    let period = match (&a.week, &a.month, &a.from, &a.to) {
        (Some(w), _, _, _) => Period::parse_week(w).ok_or_else(|| {
            Failure::usage(crate::i18n::fill(
                crate::i18n::t().cli_bad_week,
                &[("value", w)],
            ))
        })?,
        (_, Some(m), _, _) => Period::parse_month(m).ok_or_else(|| {
            Failure::usage(crate::i18n::fill(
                crate::i18n::t().cli_bad_month,
                &[("value", m)],
            ))
        })?,
        (_, _, Some(f), Some(t)) => {
            let (f, t) = (day("from", f)?, day("to", t)?);
            if t < f {
                return Err(Failure::usage(crate::i18n::t().cli_to_before_from));
            }
            Period::custom(f, t)
        }
        _ => {
            return Err(Failure::usage(crate::i18n::t().cli_which_period));
        }
    };
    let report = crate::report::build(store, &client, period, clock.now())?;
    emit(a.output.as_ref(), &write(&report, format))
}
