//! The canonical metric keys (FORMATS.md) and the derived ones, with the unit each is
//! counted in. Values are stored as integers in the unit's smallest step, never floats.

use serde::Serialize;

/// What a metric's number means, and how it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A count of things, stored as is.
    Count,
    /// Money in minor units of the client's currency.
    Money,
    /// A percentage, stored in hundredths of a percent (12.5 % is 1250).
    Percent,
    /// A ratio (ROAS), stored in hundredths (2.5x is 250).
    Ratio,
    /// A duration shown in hours: reply times and objectives' targets are stored in
    /// minutes ([`Unit::scale`]), watch time in the KPI tables in seconds
    /// ([`KPI_SECONDS_PER_HOUR`]).
    Hours,
}

/// Watch time is kept in seconds in the KPI tables: exports give it to the
/// ten-thousandth of an hour (0.36 s), and a year of days rounded to whole minutes
/// summed almost an hour away from the file's own total.
pub const KPI_SECONDS_PER_HOUR: f64 = 3600.0;

impl Unit {
    /// Steps per displayed unit.
    pub fn scale(self) -> i64 {
        match self {
            Unit::Count | Unit::Money => 1,
            Unit::Percent | Unit::Ratio => 100,
            Unit::Hours => 60,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Impressions,
    Reach,
    Engagements,
    Likes,
    Comments,
    Shares,
    Saves,
    Clicks,
    VideoViews,
    ProfileVisits,
    NewFollows,
    Spend,
    Conversions,
    Revenue,
    Followers,
    EngagementRateReach,
    EngagementRateImpressions,
    Ctr,
    Cpm,
    Cpc,
    Cpa,
    Roas,
    FollowerGrowthPct,
    ResponseRate,
    ResponseTime,
    /// Time spent watching videos (YouTube, TikTok), additive, shown in hours.
    WatchTime,
}

impl Metric {
    pub const ALL: [Metric; 26] = [
        Metric::Impressions,
        Metric::Reach,
        Metric::Engagements,
        Metric::Likes,
        Metric::Comments,
        Metric::Shares,
        Metric::Saves,
        Metric::Clicks,
        Metric::VideoViews,
        Metric::ProfileVisits,
        Metric::NewFollows,
        Metric::Spend,
        Metric::Conversions,
        Metric::Revenue,
        Metric::Followers,
        Metric::EngagementRateReach,
        Metric::EngagementRateImpressions,
        Metric::Ctr,
        Metric::Cpm,
        Metric::Cpc,
        Metric::Cpa,
        Metric::Roas,
        Metric::FollowerGrowthPct,
        Metric::ResponseRate,
        Metric::ResponseTime,
        Metric::WatchTime,
    ];

    /// The stable key used in files, the database and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Impressions => "impressions",
            Metric::Reach => "reach",
            Metric::Engagements => "engagements",
            Metric::Likes => "likes",
            Metric::Comments => "comments",
            Metric::Shares => "shares",
            Metric::Saves => "saves",
            Metric::Clicks => "clicks",
            Metric::VideoViews => "video_views",
            Metric::ProfileVisits => "profile_visits",
            Metric::NewFollows => "new_follows",
            Metric::Spend => "spend",
            Metric::Conversions => "conversions",
            Metric::Revenue => "revenue",
            Metric::Followers => "followers",
            Metric::EngagementRateReach => "engagement_rate_reach",
            Metric::EngagementRateImpressions => "engagement_rate_impressions",
            Metric::Ctr => "ctr",
            Metric::Cpm => "cpm",
            Metric::Cpc => "cpc",
            Metric::Cpa => "cpa",
            Metric::Roas => "roas",
            Metric::FollowerGrowthPct => "follower_growth_pct",
            Metric::ResponseRate => "response_rate",
            Metric::ResponseTime => "response_time",
            Metric::WatchTime => "watch_time",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        let k = s.trim();
        Metric::ALL
            .into_iter()
            .find(|m| m.key().eq_ignore_ascii_case(k))
    }

    pub fn unit(self) -> Unit {
        match self {
            Metric::Spend | Metric::Revenue | Metric::Cpm | Metric::Cpc | Metric::Cpa => {
                Unit::Money
            }
            Metric::EngagementRateReach
            | Metric::EngagementRateImpressions
            | Metric::Ctr
            | Metric::FollowerGrowthPct
            | Metric::ResponseRate => Unit::Percent,
            Metric::Roas => Unit::Ratio,
            Metric::ResponseTime | Metric::WatchTime => Unit::Hours,
            _ => Unit::Count,
        }
    }

    /// Summed over a period (the others are levels or derived).
    pub fn is_additive(self) -> bool {
        matches!(
            self,
            Metric::Impressions
                | Metric::Reach
                | Metric::Engagements
                | Metric::Likes
                | Metric::Comments
                | Metric::Shares
                | Metric::Saves
                | Metric::Clicks
                | Metric::VideoViews
                | Metric::ProfileVisits
                | Metric::NewFollows
                | Metric::Spend
                | Metric::Conversions
                | Metric::Revenue
                | Metric::WatchTime
        )
    }

    /// Stored as imported (additive or level), not computed from others.
    pub fn is_canonical(self) -> bool {
        self.is_additive() || self == Metric::Followers
    }

    /// The canonical keys, as files name them: what the generic CSVs accept.
    pub fn canonical_keys() -> Vec<&'static str> {
        Metric::ALL
            .into_iter()
            .filter(|m| m.is_canonical())
            .map(Metric::key)
            .collect()
    }

    /// For costs and reply times a smaller number is the better one.
    pub fn lower_is_better(self) -> bool {
        matches!(
            self,
            Metric::Cpm | Metric::Cpc | Metric::Cpa | Metric::ResponseTime | Metric::Spend
        )
    }
}

/// Parses a value typed for a metric of `unit` into its stored integer: `12.5` percent is
/// 1250, `2h30`... is not accepted: hours are decimal (`2.5`). Money goes through
/// [`crate::domain::money::Money::parse`] by the caller, who knows the currency.
pub fn parse_scaled(input: &str, unit: Unit) -> Option<i64> {
    let s: String = input
        .trim()
        .trim_end_matches(['%', 'x', 'h'])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    let s = s.replace(',', ".");
    if s.is_empty() || s.starts_with('-') {
        return None;
    }
    let scale = unit.scale();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if scale == 1 && !frac.trim_end_matches('0').is_empty() {
        return None;
    }
    let int: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    // Keep as many decimals as the scale holds (two for percent and ratio); hours are
    // converted to minutes, rounded.
    let frac_val = if frac.is_empty() {
        0.0
    } else {
        format!("0.{frac}").parse::<f64>().ok()?
    };
    let extra = (frac_val * scale as f64).round() as i64;
    int.checked_mul(scale)?.checked_add(extra)
}

/// Shows a stored value in its unit's plain form (`12.5`, `1200`, `2.5`).
pub fn format_scaled(value: i64, unit: Unit) -> String {
    let scale = unit.scale();
    if scale == 1 {
        return value.to_string();
    }
    let v = value as f64 / scale as f64;
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for m in Metric::ALL {
            assert_eq!(Metric::parse(m.key()), Some(m));
        }
        assert_eq!(Metric::parse("nope"), None);
    }

    #[test]
    fn scaled_values() {
        assert_eq!(parse_scaled("12.5", Unit::Percent), Some(1250));
        assert_eq!(parse_scaled("12,5 %", Unit::Percent), Some(1250));
        assert_eq!(parse_scaled("3", Unit::Count), Some(3));
        assert_eq!(parse_scaled("2.5", Unit::Hours), Some(150));
        assert_eq!(parse_scaled("2.5x", Unit::Ratio), Some(250));
        assert_eq!(parse_scaled("-1", Unit::Count), None);
        assert_eq!(parse_scaled("abc", Unit::Count), None);
        assert_eq!(parse_scaled("1.5", Unit::Count), None);
        assert_eq!(format_scaled(1250, Unit::Percent), "12.5");
        assert_eq!(format_scaled(150, Unit::Hours), "2.5");
        assert_eq!(format_scaled(400, Unit::Ratio), "4");
        assert_eq!(format_scaled(42, Unit::Count), "42");
    }
}
