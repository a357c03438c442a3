//! `twohats demo [--force]`.

use super::Failure;
use crate::demo::{self, DemoError};
use crate::domain::Clock;
use crate::i18n::{fill, t};
use crate::store::Store;

pub fn run(store: &mut Store, clock: &dyn Clock, force: bool) -> Result<(), Failure> {
    match demo::load(store, clock.now(), force) {
        Ok(n) => {
            let path = store
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            println!(
                "{}",
                fill(
                    t().cli_demo_loaded,
                    &[("n", &n.to_string()), ("path", &path)]
                )
            );
            Ok(())
        }
        Err(DemoError::NotEmpty(n)) => Err(Failure::usage(fill(
            t().cli_demo_refused,
            &[("n", &n.to_string())],
        ))),
        Err(DemoError::Store(e)) => Err(e.into()),
    }
}
