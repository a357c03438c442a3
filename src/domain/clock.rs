//! Time behind a trait, so calendar, reply-time and report output is deterministic in tests.

use chrono::{DateTime, Utc};

/// Where "now" comes from.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stopped at one instant, for tests and reproducible output.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// `TWOHATS_NOW` (RFC 3339) pins the clock for end-to-end tests and demos; anything else
/// gives the system clock.
pub fn from_env() -> Box<dyn Clock> {
    match std::env::var("TWOHATS_NOW")
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
    {
        Some(t) => Box::new(FixedClock(t.with_timezone(&Utc))),
        None => Box::new(SystemClock),
    }
}
