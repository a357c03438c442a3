//! The full-screen app. One direction of flow:
//! key -> [`keymap`] -> [`action::Action`] -> [`update::update`] -> [`effect::Effect`]s ->
//! [`effect::execute`] (store, files) -> more actions: `Action::Done` with what was
//! written, or `Action::Failed` with the error in words from [`crate::explain`].
//! [`views`] only read the model. [`app`] runs the loop and owns the terminal.
//!
//! A form says what it edits in its [`model::FormPurpose`]; `update` opens it from the
//! tab's module, and on `Ctrl-s` its dispatcher (`update/forms.rs`) hands it back to that
//! module, which returns the effect that saves it.

pub mod action;
pub mod app;
pub mod calendar;
pub mod clipboard;
pub mod effect;
pub mod help;
pub mod inbox;
pub mod kept;
pub mod keymap;
pub mod model;
pub mod report;
pub mod strategy;
pub mod theme;
pub mod today;
pub mod update;
pub mod views;
pub mod widgets;

#[cfg(test)]
pub(crate) mod testing;

pub use app::run;
