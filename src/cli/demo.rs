//! `twohats demo [--scale small|large] [--force]` and `twohats demo --remove`.

use super::Failure;
use crate::demo::{self, DemoError};
use crate::domain::Clock;
use crate::explain::Explain;
use crate::i18n::{fill, t};
use crate::store::Store;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Scale {
    Small,
    Large,
}

pub fn run(store: &mut Store, clock: &dyn Clock, scale: Scale, force: bool) -> Result<(), Failure> {
    if let Scale::Large = scale {
        let s = demo::large::LARGE;
        let total =
            (s.accounts * s.kpi_days * demo::large::metrics().len() + s.posts + s.items) as u64;
        let bar = super::import::progress(total);
        let started = std::time::Instant::now();
        return match demo::load_scale(store, s, clock.now(), force, |n| bar.inc(n)) {
            Ok([c, a, p, i, k]) => {
                bar.finish_and_clear();
                super::out::line(&fill(
                    t().cli.cli_demo_large,
                    &[
                        ("clients", &c.to_string()),
                        ("accounts", &a.to_string()),
                        ("posts", &p.to_string()),
                        ("items", &i.to_string()),
                        ("values", &k.to_string()),
                        (
                            "seconds",
                            &format!("{:.1}", started.elapsed().as_secs_f64()),
                        ),
                    ],
                ))
            }
            Err(e @ DemoError::NotEmpty(_)) => Err(Failure::usage(e.explain())),
            Err(DemoError::Store(e)) => Err(e.into()),
        };
    }
    match demo::load(store, clock.now(), force) {
        Ok(n) => {
            let path = store
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            super::out::line(&t().cli.cli_demo_loaded.with(n, &[("path", &path)]))
        }
        Err(e @ DemoError::NotEmpty(_)) => Err(Failure::usage(e.explain())),
        Err(DemoError::Store(e)) => Err(e.into()),
    }
}

/// `twohats demo --remove`: the demo clients and everything of theirs go; the user's
/// own clients are never touched.
pub fn remove(store: &mut Store) -> Result<(), Failure> {
    let names = demo::remove(store)?;
    if names.is_empty() {
        super::out::line(t().cli.cli_demo_none)?;
    } else {
        let names: Vec<String> = names
            .iter()
            .map(|n| crate::domain::text::sanitize_line(n))
            .collect();
        super::out::line(&fill(
            t().cli.cli_demo_removed,
            &[("names", &names.join(", "))],
        ))?;
    }
    Ok(())
}
