//! Numbers, money, dates and metric values as the interface shows them. Kept beside the
//! catalogues because every language writes them its own way: English `€1,234.56`,
//! `12.5%`, `Nov 22, 2026`; French `1 234,56 €`, `12,5 %`, `22/11/2026` (with the
//! narrow no-break space French typography puts between digit groups and before `%`).

use chrono::{Datelike, NaiveDate, Timelike};

use super::{Lang, lang, t};
use crate::domain::metric::{Metric, Unit, format_scaled};
use iso_currency::Currency;

use crate::domain::money::{self, Money, group_thousands};

/// Groups digits in French (U+202F, narrow no-break space).
const FR_GROUP: char = '\u{202f}';
/// Between a French amount and its currency (U+00A0, no-break space).
const FR_BEFORE_SYMBOL: char = '\u{a0}';

/// `1,234,567` / `1 234 567`.
pub fn count(n: i64) -> String {
    let sep = match lang() {
        Lang::En => ',',
        Lang::Fr => FR_GROUP,
    };
    let digits = group_thousands(&n.unsigned_abs().to_string(), sep);
    if n < 0 { format!("-{digits}") } else { digits }
}

/// A decimal written with the language's decimal mark: `12.5` / `12,5`.
fn decimal(plain: String) -> String {
    match lang() {
        Lang::En => plain,
        Lang::Fr => plain.replace('.', ","),
    }
}

/// `€1,234.56` / `1 234,56 €` in the client's currency; the bare number if the code is
/// unknown.
pub fn money(minor: i64, currency: &str) -> String {
    match (money::currency(currency), lang()) {
        (Some(c), Lang::En) => Money::new(minor, c).display(),
        (Some(c), Lang::Fr) => money_fr(Money::new(minor, c), c),
        (None, _) => format!("{} {currency}", count(minor)),
    }
}

fn money_fr(m: Money, c: Currency) -> String {
    let plain = m.plain();
    let (sign, body) = match plain.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", plain.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let grouped = group_thousands(int, FR_GROUP);
    let symbol = match c.code() {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        "CAD" => "$CA",
        "AUD" => "$AU",
        "NZD" => "$NZ",
        "HKD" => "$HK",
        "INR" => "₹",
        code => code,
    };
    match frac {
        Some(f) => format!("{sign}{grouped},{f}{FR_BEFORE_SYMBOL}{symbol}"),
        None => format!("{sign}{grouped}{FR_BEFORE_SYMBOL}{symbol}"),
    }
}

/// An amount as typed in a form (no symbol, no grouping): `1234.50` / `1234,50`.
pub fn money_input(m: Money) -> String {
    decimal(m.plain())
}

/// A metric value in its unit: `1,200`, `€12.00`, `3.5%`, `2.5x`, `4 h`.
pub fn metric_value(metric: Metric, value: i64, currency: &str) -> String {
    match metric.unit() {
        Unit::Count => count(value),
        Unit::Money => money(value, currency),
        Unit::Percent => percent_text(decimal(format_scaled(value, Unit::Percent))),
        Unit::Ratio => format!("{}x", decimal(format_scaled(value, Unit::Ratio))),
        Unit::Hours => format!("{} h", decimal(format_scaled(value, Unit::Hours))),
    }
}

/// A metric value as typed in a form (no symbols, no grouping): `1200`, `12.5`.
pub fn metric_input(metric: Metric, value: i64, currency: &str) -> String {
    match (metric.unit(), money::currency(currency)) {
        (Unit::Money, Some(c)) => money_input(Money::new(value, c)),
        (unit, _) => decimal(format_scaled(value, unit)),
    }
}

/// The colon that ends a label: `:`, or in French ` :` (French typography puts a
/// narrow no-break space before it, as before `;` `!` `?` `%`).
pub fn colon() -> &'static str {
    match lang() {
        Lang::En => ":",
        Lang::Fr => "\u{202f}:",
    }
}

/// A label and its value: `Status: new` / `Statut : nouveau`.
pub fn labelled(label: &str, value: &str) -> String {
    format!("{label}{} {value}", colon())
}

/// `12.5%` / `12,5 %`.
fn percent_text(number: String) -> String {
    match lang() {
        Lang::En => format!("{number}%"),
        Lang::Fr => format!("{number}{FR_GROUP}%"),
    }
}

fn month_name(d: &impl Datelike) -> &'static str {
    t().calendar.months[d.month0() as usize]
}

fn month_short(d: &impl Datelike) -> &'static str {
    t().calendar.months_short[d.month0() as usize]
}

fn weekday_short(d: &impl Datelike) -> &'static str {
    t().calendar.weekdays_short[d.weekday().num_days_from_monday() as usize]
}

/// `Nov 22, 2026` / `22/11/2026`.
pub fn date(d: NaiveDate) -> String {
    match lang() {
        Lang::En => format!("{} {}, {}", month_short(&d), d.day(), d.year()),
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
    }
}

/// The day of the month in words: `1`, `22` / `1er`, `22` (French writes the first
/// day of a month as an ordinal: "1er mars").
pub fn day_number(d: &impl Datelike) -> String {
    match (lang(), d.day()) {
        (Lang::Fr, 1) => "1er".to_string(),
        (_, n) => n.to_string(),
    }
}

/// `Nov 22` / `22 nov.`, `1er nov.`.
pub fn day_month(d: NaiveDate) -> String {
    match lang() {
        Lang::En => format!("{} {}", month_short(&d), d.day()),
        Lang::Fr => format!("{} {}", day_number(&d), month_short(&d)),
    }
}

/// `November 2026` / `novembre 2026`.
pub fn month(d: NaiveDate) -> String {
    format!("{} {}", month_name(&d), d.year())
}

/// `Sunday 22 November` / `dimanche 22 novembre`: a day's heading.
pub fn weekday_day_month(d: NaiveDate) -> String {
    let day = t().calendar.weekdays[d.weekday().num_days_from_monday() as usize];
    format!("{day} {} {}", day_number(&d), month_name(&d))
}

/// `Sun Nov 22 14:05` / `dim. 22 nov. 14:05`.
pub fn weekday_day_time(dt: &(impl Datelike + Timelike)) -> String {
    let (wd, hm) = (weekday_short(dt), hour_minute(dt));
    match lang() {
        Lang::En => format!("{wd} {} {} {hm}", month_short(dt), dt.day()),
        Lang::Fr => format!("{wd} {} {} {hm}", day_number(dt), month_short(dt)),
    }
}

/// `Sun 14:05` / `dim. 14:05`.
pub fn weekday_time(dt: &(impl Datelike + Timelike)) -> String {
    format!("{} {}", weekday_short(dt), hour_minute(dt))
}

fn hour_minute(dt: &impl Timelike) -> String {
    format!("{:02}:{:02}", dt.hour(), dt.minute())
}

/// A share in whole percent: `35%` / `35 %`.
pub fn percent_whole(p: impl std::fmt::Display) -> String {
    percent_text(p.to_string())
}

/// An objective's figure, given in its metric's display unit (percent, hours, major
/// money units, counts): `4.2%`, `8 h`, `€1,200.00`, `150,000`.
pub fn objective_value(metric_key: &str, v: f64, currency: &str) -> String {
    let Some(m) = Metric::parse(metric_key) else {
        return decimal(v.to_string());
    };
    let scale = match m.unit() {
        Unit::Money => money::minor_per_major(currency),
        unit => unit.scale() as f64,
    };
    metric_value(m, (v * scale).round() as i64, currency)
}

/// `12.5%` / `12,5 %` with one decimal.
pub fn percent(p: f64) -> String {
    percent_places(p, 1)
}

/// `0.75%` / `0,75 %` with `places` decimals.
pub fn percent_places(p: f64, places: usize) -> String {
    percent_text(decimal(format!("{p:.places$}")))
}

/// A rate's change in percentage points: `+0.4 pt` / `+0,4 pt` (4.2% to 4.6%), `=` when
/// it did not move.
pub fn change_pt(c: Option<f64>) -> String {
    change_pt_places(c, 1)
}

/// [`change_pt`] with `places` decimals: `-0.08 pt`.
pub fn change_pt_places(c: Option<f64>, places: usize) -> String {
    let half = 0.5 / 10f64.powi(i32::try_from(places).unwrap_or(1));
    match c {
        None => "—".into(),
        Some(x) if x.abs() < half => "=".into(),
        Some(x) => {
            let sign = if x > 0.0 { '+' } else { '-' };
            let n = decimal(format!("{:.places$}", x.abs()));
            match lang() {
                Lang::En => format!("{sign}{n} pt"),
                Lang::Fr => format!("{sign}{n}\u{202f}pt"),
            }
        }
    }
}

/// A short duration: `45m`, `2h10`, `3d 4h` / `45 min`, `2h10`, `3 j 4 h`.
pub fn duration_short(minutes: i64) -> String {
    let m = minutes.abs();
    let (days, hours, mins) = (m / (24 * 60), (m % (24 * 60)) / 60, m % 60);
    match (lang(), m) {
        (Lang::En, m) if m < 60 => format!("{m}m"),
        (Lang::Fr, m) if m < 60 => format!("{m} min"),
        (_, m) if m < 24 * 60 => format!("{hours}h{mins:02}"),
        (Lang::En, _) => format!("{days}d {hours}h"),
        (Lang::Fr, _) => format!("{days} j {hours} h"),
    }
}

/// A date and time in a zone: `Nov 22, 14:05` / `22 nov., 14:05`.
pub fn day_time(t: chrono::DateTime<chrono_tz::Tz>) -> String {
    format!("{}, {}", day_month(t.date_naive()), hour_minute(&t))
}

/// A report value in its unit: `1,234`, `€12.50`, `3.5%`, `2.40x`; an em dash for none.
pub fn report_value(key: &str, v: Option<f64>, currency: &str) -> String {
    let Some(v) = v else { return "—".into() };
    match crate::domain::report::key_unit(key) {
        Unit::Money => {
            let minor = money::minor_per_major(currency);
            money((v * minor).round() as i64, currency)
        }
        Unit::Percent => percent(v),
        Unit::Ratio => format!("{}x", decimal(format!("{v:.2}"))),
        Unit::Hours => {
            // Tenths of an hour, the whole hours grouped: `15,794.4 h` / `15 794,4 h`.
            let tenths = (v * 10.0).round() as i64;
            let frac = decimal(format!(".{}", (tenths % 10).abs()));
            let sign = if tenths < 0 && tenths / 10 == 0 {
                "-"
            } else {
                ""
            };
            format!("{sign}{}{frac} h", count(tenths / 10))
        }
        _ => count(v.round() as i64),
    }
}

/// `▲ 12.5%`, `▼ 3.0%`, `=` or an em dash.
pub fn change(c: Option<f64>) -> String {
    match c {
        None => "—".into(),
        Some(x) if x > 0.05 => format!("▲ {}", percent(x)),
        Some(x) if x < -0.05 => format!("▼ {}", percent(-x)),
        Some(_) => "=".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::with_lang;
    use super::*;

    #[test]
    fn english_formats() {
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(-1200), "-1,200");
        assert_eq!(money(123_456, "EUR"), "€1,234.56");
        assert_eq!(metric_value(Metric::Ctr, 1250, "EUR"), "12.5%");
        assert_eq!(metric_value(Metric::Cpc, 45, "EUR"), "€0.45");
        assert_eq!(metric_value(Metric::ResponseTime, 240, "EUR"), "4 h");
        assert_eq!(metric_input(Metric::Spend, 123_450, "EUR"), "1234.50");
        let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(date(d), "Nov 2, 2026");
        assert_eq!(day_month(d), "Nov 2");
        assert_eq!(month(d), "November 2026");
        assert_eq!(weekday_day_month(d), "Monday 2 November");
        let dt = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(weekday_day_time(&dt), "Mon Nov 2 09:05");
        assert_eq!(percent(12.5), "12.5%");
        assert_eq!(report_value("roas", Some(2.4), "EUR"), "2.40x");
        assert_eq!(change_pt(Some(0.4)), "+0.4 pt");
        assert_eq!(change_pt(Some(-0.04)), "=");
        assert_eq!(change_pt(None), "—");
    }

    #[test]
    fn french_formats() {
        with_lang(Lang::Fr, || {
            // U+202F groups digits and comes before %; U+00A0 comes before the symbol.
            assert_eq!(count(1_234_567), "1\u{202f}234\u{202f}567");
            assert_eq!(money(123_456, "EUR"), "1\u{202f}234,56\u{a0}€");
            assert_eq!(money(-5, "EUR"), "-0,05\u{a0}€");
            assert_eq!(money(250_000, "CHF"), "2\u{202f}500,00\u{a0}CHF");
            assert_eq!(money(1200, "JPY"), "1\u{202f}200\u{a0}¥");
            assert_eq!(percent(12.5), "12,5\u{202f}%");
            assert_eq!(metric_value(Metric::Ctr, 1250, "EUR"), "12,5\u{202f}%");
            assert_eq!(metric_value(Metric::Roas, 250, "EUR"), "2,5x");
            assert_eq!(metric_input(Metric::Spend, 123_450, "EUR"), "1234,50");
            let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
            assert_eq!(date(d), "22/11/2026");
            assert_eq!(day_month(d), "22 nov.");
            assert_eq!(month(d), "novembre 2026");
            assert_eq!(weekday_day_month(d), "dimanche 22 novembre");
            let dt = d.and_hms_opt(14, 5, 0).unwrap();
            assert_eq!(weekday_day_time(&dt), "dim. 22 nov. 14:05");
            assert_eq!(weekday_time(&dt), "dim. 14:05");
            assert_eq!(change(Some(-3.0)), "▼ 3,0\u{202f}%");
            assert_eq!(change_pt(Some(0.4)), "+0,4\u{202f}pt");
            assert_eq!(change_pt(Some(-1.26)), "-1,3\u{202f}pt");
            assert_eq!(duration_short(45), "45 min");
            assert_eq!(duration_short(3 * 1440 + 250), "3 j 4 h");
            // The first of a month is an ordinal in French; the numeric date is not.
            let first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
            assert_eq!(day_month(first), "1er mars");
            assert_eq!(weekday_day_month(first), "dimanche 1er mars");
            let at = first.and_hms_opt(9, 0, 0).unwrap();
            assert_eq!(weekday_day_time(&at), "dim. 1er mars 09:00");
            assert_eq!(date(first), "01/03/2026");
            assert_eq!(
                day_number(&NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()),
                "2"
            );
            assert_eq!(labelled("Statut", "nouveau"), "Statut\u{202f}: nouveau");
        });
    }

    #[test]
    fn watch_time_reads_in_hours() {
        assert_eq!(
            report_value("watch_time", Some(15794.356), "EUR"),
            "15,794.4 h"
        );
        assert_eq!(report_value("watch_time", Some(0.04), "EUR"), "0.0 h");
        with_lang(Lang::Fr, || {
            assert_eq!(report_value("watch_time", Some(12.5), "EUR"), "12,5 h");
            assert_eq!(
                report_value("watch_time", Some(1234.5), "EUR"),
                "1\u{202f}234,5 h"
            );
            assert_eq!(
                t().cli.cli_inbox_deleted.form(0),
                t().cli.cli_inbox_deleted.one
            );
        });
        assert_eq!(
            t().cli.cli_inbox_deleted.form(0),
            t().cli.cli_inbox_deleted.other
        );
        assert_eq!(
            t().cli.cli_inbox_deleted.n(39),
            "39 skipped: posts deleted."
        );
    }

    #[test]
    fn english_has_no_ordinal_and_a_plain_colon() {
        let first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(day_month(first), "Mar 1");
        assert_eq!(weekday_day_month(first), "Sunday 1 March");
        assert_eq!(labelled("Status", "new"), "Status: new");
    }

    #[test]
    fn short_durations() {
        assert_eq!(duration_short(45), "45m");
        assert_eq!(duration_short(130), "2h10");
        assert_eq!(duration_short(-130), "2h10");
        assert_eq!(duration_short(3 * 1440 + 250), "3d 4h");
    }
}
