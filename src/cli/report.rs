//! `twohats report --client NAME (--week W | --month M | --from D --to D) [--format F] [-o FILE]`.

use std::path::{Path, PathBuf};

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
    /// md, html, csv or json (default: from the extension of the -o file; md on standard output).
    #[arg(long)]
    format: Option<String>,
    /// Write to this file instead of standard output (private, replaced whole).
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
}

fn day(flag: &str, s: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        Failure::usage(crate::i18n::fill(
            crate::i18n::t().cli.cli_bad_date,
            &[("flag", flag), ("value", s)],
        ))
    })
}

/// The format `--format` names, else the one the output file's extension names, else
/// Markdown on standard output; a `--format` the extension contradicts is refused.
fn format_of(flag: Option<&str>, output: Option<&Path>) -> Result<Format, Failure> {
    let s = crate::i18n::t();
    let named = flag
        .map(|f| {
            Format::parse(f).ok_or_else(|| {
                Failure::usage(crate::i18n::fill(
                    s.cli.cli_bad_report_format,
                    &[("value", f)],
                ))
            })
        })
        .transpose()?;
    let ext = output
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let by_ext = ext.as_deref().and_then(Format::from_extension);
    match (named, by_ext, output) {
        (Some(f), Some(e), Some(path)) if f != e => Err(Failure::usage(crate::i18n::fill(
            s.cli.cli_report_format_clash,
            &[
                ("format", flag.unwrap_or_default()),
                ("path", &path.display().to_string()),
                ("ext", e.extension()),
            ],
        ))),
        (Some(f), _, _) => Ok(f),
        (None, Some(e), _) => Ok(e),
        // Standard output without --format: Markdown, readable as it is.
        (None, None, None) => Ok(Format::Markdown),
        (None, None, Some(_)) => Err(Failure::usage(s.cli.cli_report_which_format)),
    }
}

pub fn run(store: &Store, clock: &dyn Clock, a: ReportArgs) -> Result<(), Failure> {
    let client = store.find_client(&a.client)?;
    let format = format_of(a.format.as_deref(), a.output.as_deref())?;
    let period = match (&a.week, &a.month, &a.from, &a.to) {
        (Some(w), _, _, _) => Period::parse_week(w).ok_or_else(|| {
            Failure::usage(crate::i18n::fill(
                crate::i18n::t().cli.cli_bad_week,
                &[("value", w)],
            ))
        })?,
        (_, Some(m), _, _) => Period::parse_month(m).ok_or_else(|| {
            Failure::usage(crate::i18n::fill(
                crate::i18n::t().cli.cli_bad_month,
                &[("value", m)],
            ))
        })?,
        (_, _, Some(f), Some(t)) => {
            let (f, t) = (day("from", f)?, day("to", t)?);
            if t < f {
                return Err(Failure::usage(crate::i18n::t().cli.cli_to_before_from));
            }
            Period::custom(f, t)
        }
        _ => {
            return Err(Failure::usage(crate::i18n::t().cli.cli_which_period));
        }
    };
    let report = crate::report::build(store, &client, period, clock.now())?;
    emit(store, a.output.as_ref(), &write(&report, format))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::format_of;
    use crate::io::report::Format;

    #[test]
    fn the_format_comes_from_the_flag_or_the_extension_and_they_must_agree() {
        let md = Some(Path::new("out/r.md"));
        assert_eq!(format_of(None, md).unwrap(), Format::Markdown);
        assert_eq!(
            format_of(None, Some(Path::new("R.HTML"))).unwrap(),
            Format::Html
        );
        assert_eq!(
            format_of(None, Some(Path::new("r.htm"))).unwrap(),
            Format::Html
        );
        assert_eq!(
            format_of(None, Some(Path::new("r.json"))).unwrap(),
            Format::Json
        );
        assert_eq!(format_of(Some("md"), md).unwrap(), Format::Markdown);
        assert_eq!(format_of(Some("markdown"), md).unwrap(), Format::Markdown);
        // An extension that names no format leaves the choice to --format.
        assert_eq!(
            format_of(Some("csv"), Some(Path::new("r.txt"))).unwrap(),
            Format::Csv
        );
        assert_eq!(format_of(Some("json"), None).unwrap(), Format::Json);
        // Standard output without --format: Markdown, as the README says.
        assert_eq!(format_of(None, None).unwrap(), Format::Markdown);
        for (flag, out) in [
            (Some("html"), md),
            (None, Some(Path::new("r.txt"))),
            (None, Some(Path::new("report"))),
            (Some("pdf"), None),
        ] {
            let e = format_of(flag, out).unwrap_err();
            assert_eq!(e.code, 2, "{flag:?} {out:?}: {}", e.message);
        }
    }
}
