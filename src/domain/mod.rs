//! Plain types and rules. No IO, no SQL, no terminal.

pub mod client;
pub mod clock;
pub mod count;
pub mod dates;
pub mod inbox;
pub mod iso;
pub mod kpi;
pub mod metric;
pub mod money;
pub mod objective;
pub mod platform;
pub mod post;
pub mod report;
pub mod sentiment;
pub mod strategy;
pub mod text;

/// A row's version: every change of the row raises it, so a save can tell that the row
/// changed since it was read (another window, a command) and refuse to write over that.
pub type Version = i64;

pub use client::{Account, AccountDraft, Client, ClientDraft, ClientId};
pub use clock::{Clock, FixedClock, SystemClock};
pub use money::Money;
pub use platform::{CountRule, Platform};
