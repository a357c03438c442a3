//! Objectives: a metric to move from a baseline to a target between two dates, and the
//! status computed from the measured values with a straight-line projection.

use chrono::NaiveDate;
use serde::Serialize;

use super::Version;
use super::metric::Metric;
use super::platform::Platform;

pub type ObjectiveId = i64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Objective {
    pub id: ObjectiveId,
    pub client_id: i64,
    /// `None`: across all of the client's platforms.
    pub platform: Option<Platform>,
    pub metric: Metric,
    /// Stored in the metric unit's smallest step (see [`super::metric::Unit`]).
    pub baseline: i64,
    pub target: i64,
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    pub note: String,
    /// The row's version when it was read (0: not stored yet); a save writes only
    /// over this version.
    #[serde(skip)]
    pub version: Version,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveDraft {
    pub platform: Option<Platform>,
    pub metric: Metric,
    pub baseline: i64,
    pub target: i64,
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectiveError {
    DeadlineNotAfterStart,
    TargetEqualsBaseline,
    Negative,
}

impl ObjectiveError {
    pub fn field(self) -> &'static str {
        match self {
            ObjectiveError::DeadlineNotAfterStart => "deadline",
            ObjectiveError::TargetEqualsBaseline | ObjectiveError::Negative => "target",
        }
    }
}

impl ObjectiveDraft {
    pub fn validate(&self) -> Result<(), Vec<ObjectiveError>> {
        let mut errs = Vec::new();
        if self.deadline <= self.start {
            errs.push(ObjectiveError::DeadlineNotAfterStart);
        }
        if self.baseline < 0 || self.target < 0 {
            errs.push(ObjectiveError::Negative);
        } else if self.target == self.baseline {
            errs.push(ObjectiveError::TargetEqualsBaseline);
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

/// Where an objective stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing measured yet for this metric and scope.
    NoData,
    /// Its start is still to come: it can be neither on track nor behind.
    NotStarted,
    Achieved,
    /// The straight line through the measurements reaches the target by the deadline.
    OnTrack,
    /// It would reach at least 80% of the way.
    AtRisk,
    /// Less than that, or the deadline passed short of the target.
    Behind,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::NoData => "no_data",
            Status::NotStarted => "not_started",
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Behind => "behind",
        }
    }
}

/// An objective's status and figures on a day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    pub status: Status,
    /// The latest measured value, in stored units.
    pub current: Option<i64>,
    /// Share of the way from baseline to target covered, 0.0 = baseline, 1.0 = target.
    pub done: Option<f64>,
    /// Where the straight line lands at the deadline, as a share of the way.
    pub projected: Option<f64>,
}

/// Share of the way from the baseline to the target that `value` covers; works for
/// objectives that go down (a target below the baseline) too. A value on the wrong side
/// of the baseline has covered none of it: 0, never a negative share.
pub fn share_of_way(o: &Objective, value: i64) -> f64 {
    let span = (o.target - o.baseline) as f64;
    if span == 0.0 {
        return 1.0;
    }
    ((value - o.baseline) as f64 / span).max(0.0)
}

/// Computes the status on `today` from the latest measured value of the metric at the
/// objective's scope (`current`: the value and the day it was measured). Before its
/// start an objective is not started, whatever is measured: its value is given, its
/// progress starts with it.
pub fn progress(o: &Objective, current: Option<(NaiveDate, i64)>, today: NaiveDate) -> Progress {
    if today < o.start {
        return Progress {
            status: Status::NotStarted,
            current: current.map(|(_, v)| v),
            done: None,
            projected: None,
        };
    }
    let Some((day, value)) = current else {
        return Progress {
            status: Status::NoData,
            current: None,
            done: None,
            projected: None,
        };
    };
    let done = share_of_way(o, value);
    let total = (o.deadline - o.start).num_days().max(1) as f64;
    let elapsed = (day.min(o.deadline) - o.start).num_days() as f64;
    let projected = if elapsed <= 0.0 {
        done
    } else {
        done * total / elapsed
    };
    let status = if done >= 1.0 {
        Status::Achieved
    } else if today > o.deadline {
        Status::Behind
    } else if projected >= 1.0 {
        Status::OnTrack
    } else if projected >= 0.8 {
        Status::AtRisk
    } else {
        Status::Behind
    };
    Progress {
        status,
        current: Some(value),
        done: Some(done),
        projected: Some(projected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn obj(baseline: i64, target: i64) -> Objective {
        Objective {
            version: 0,
            id: 1,
            client_id: 1,
            platform: Some(Platform::Instagram),
            metric: Metric::Followers,
            baseline,
            target,
            start: d(2026, 1, 1),
            deadline: d(2026, 12, 31),
            note: String::new(),
        }
    }

    #[test]
    fn no_measure_no_status() {
        let p = progress(&obj(1000, 2000), None, d(2026, 6, 1));
        assert_eq!(p.status, Status::NoData);
    }

    #[test]
    fn straight_line_projection() {
        let o = obj(1000, 2000);
        // Half the year gone (182 of 364 days), half the way done: on track.
        let p = progress(&o, Some((d(2026, 7, 2), 1500)), d(2026, 7, 2));
        assert_eq!(p.status, Status::OnTrack);
        assert!((p.projected.unwrap() - 1.0).abs() < 0.01);
        // Half the year gone, 42% of the way: projected 84%: at risk.
        let p = progress(&o, Some((d(2026, 7, 2), 1420)), d(2026, 7, 2));
        assert_eq!(p.status, Status::AtRisk);
        // 30%: behind.
        let p = progress(&o, Some((d(2026, 7, 2), 1300)), d(2026, 7, 2));
        assert_eq!(p.status, Status::Behind);
        // Target met.
        let p = progress(&o, Some((d(2026, 3, 1), 2100)), d(2026, 3, 1));
        assert_eq!(p.status, Status::Achieved);
        // Deadline passed short of the target.
        let p = progress(&o, Some((d(2026, 12, 31), 1990)), d(2027, 1, 5));
        assert_eq!(p.status, Status::Behind);
    }

    #[test]
    fn before_its_start_an_objective_is_not_started() {
        let mut o = obj(1000, 2000);
        o.start = d(2026, 12, 1);
        // Measured below the baseline on 26 November: not behind, not started.
        let p = progress(&o, Some((d(2026, 11, 25), 900)), d(2026, 11, 26));
        assert_eq!(p.status, Status::NotStarted);
        assert_eq!(p.current, Some(900));
        assert_eq!((p.done, p.projected), (None, None));
        assert_eq!(
            progress(&o, None, d(2026, 11, 30)).status,
            Status::NotStarted
        );
        // From its first day it is judged.
        let p = progress(&o, Some((d(2026, 12, 1), 900)), d(2026, 12, 1));
        assert_eq!(p.status, Status::Behind);
        assert_eq!(Status::NotStarted.key(), "not_started");
    }

    #[test]
    fn objectives_that_go_down() {
        // Reply time from 10 h to 4 h (stored in minutes).
        let mut o = obj(600, 240);
        o.metric = Metric::ResponseTime;
        let p = progress(&o, Some((d(2026, 7, 2), 420)), d(2026, 7, 2));
        assert!((p.done.unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(p.status, Status::OnTrack);
        let p = progress(&o, Some((d(2026, 7, 2), 200)), d(2026, 7, 2));
        assert_eq!(p.status, Status::Achieved);
    }

    #[test]
    fn a_value_past_the_baseline_the_wrong_way_is_no_progress() {
        // A reply rate of 60% to 80%, measured at 10%: behind, 0% of the way (not -250%).
        let mut o = obj(6000, 8000);
        o.metric = Metric::ResponseRate;
        let p = progress(&o, Some((d(2026, 7, 2), 1000)), d(2026, 7, 2));
        assert_eq!(p.done, Some(0.0));
        assert_eq!(p.projected, Some(0.0));
        assert_eq!(p.status, Status::Behind);
        // Going down: a reply time above its baseline.
        let mut o = obj(600, 240);
        o.metric = Metric::ResponseTime;
        assert_eq!(share_of_way(&o, 900), 0.0);
    }

    #[test]
    fn validation() {
        let draft = ObjectiveDraft {
            platform: None,
            metric: Metric::Reach,
            baseline: 10,
            target: 10,
            start: d(2026, 5, 1),
            deadline: d(2026, 4, 1),
            note: String::new(),
        };
        assert_eq!(
            draft.validate().unwrap_err(),
            vec![
                ObjectiveError::DeadlineNotAfterStart,
                ObjectiveError::TargetEqualsBaseline
            ]
        );
    }
}
