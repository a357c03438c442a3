//! `twohats today [--json]`: the daily check-in, for a shell login or a scheduled
//! notification.

use super::Failure;
use crate::domain::Clock;
use crate::store::Store;
use crate::today::{self, text::text};

pub fn run(store: &Store, clock: &dyn Clock, json: bool) -> Result<(), Failure> {
    let summary = today::build(store, clock.now())?;
    if json {
        let text =
            serde_json::to_string_pretty(&summary).map_err(|e| Failure::failed(e.to_string()))?;
        super::out::json(&text)
    } else {
        super::out::text(&text(&summary, clock.now()))
    }
}
