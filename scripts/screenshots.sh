#!/usr/bin/env bash
# Makes the README's screenshots again: assets/screenshots/<tab>.svg, one per tab, from
# the real app on the demo data, the clock pinned to 2026-11-26 09:00 UTC, in a 120x36
# pseudo-terminal. Needs only Rust (cargo). Run it from anywhere in the repository:
#     scripts/screenshots.sh
# then look at the pictures (a browser opens SVG) and commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --bin twohats
cargo run --release --locked --example screenshots -- assets/screenshots
