//! The full-screen app. One direction of flow:
//! key -> [`keymap`] -> [`action::Action`] -> [`update::update`] -> [`effect::Effect`]s ->
//! [`effect::execute`] (store, files) -> more actions. [`views`] only read the model.

pub mod action;
pub mod app;
pub mod calendar;
pub mod effect;
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
