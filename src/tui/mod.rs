//! The full-screen app. One direction of flow:
//! key -> [`keymap`] -> [`action::Action`] -> [`update::update`] -> [`effect::Effect`]s ->
//! [`effect::execute`] (store, files) -> more actions: `Action::Done` with what was
//! written, `Action::Failed` with the error in words from [`crate::explain`], or
//! `Action::Stale` with the row as it is now when a save found that another window (or a
//! command) had changed it since its form opened (`update/stale.rs` asks what to do).
//! [`views`] only read the model. [`app`] runs the loop and owns the terminal.
//!
//! A form says what it edits in its [`model::FormPurpose`] and which state of the row it
//! was opened on in its [`model::Opened`]; `update` opens it from the tab's module, and on
//! `Ctrl-s` its dispatcher (`update/forms.rs`) hands it back to that module, which returns
//! the effect that saves it over that state only.

pub mod action;
pub mod app;
pub mod calendar;
pub mod clipboard;
pub mod effect;
mod fresh;
pub mod help;
pub mod inbox;
pub mod kept;
pub mod keymap;
pub mod live;
mod loads;
pub mod model;
pub mod report;
pub mod strategy;
pub mod theme;
pub mod today;
pub mod update;
pub mod views;
pub mod widgets;
pub mod worker;

#[cfg(test)]
pub(crate) mod testing;

pub use app::run;
