//! Test helpers: a model built on an in-memory store with a fixed clock, and a way to
//! run actions through `update` and the executor as the event loop does.

use chrono::{DateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::initial_model;
use super::effect::{self, Effect};
use super::keymap;
use super::model::Model;
use super::theme::Theme;
use super::update::update;
use crate::domain::FixedClock;
use crate::store::Store;

/// The demo, built once per test process (a year of figures takes a while in debug
/// builds) and restored into each test's own in-memory database.
fn demo_file() -> &'static std::path::Path {
    static FILE: std::sync::OnceLock<tempfile::TempPath> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("twohats-demo")
            .tempdir()
            .unwrap()
            .keep();
        let path = dir.join("demo.db");
        let mut s = Store::open(&path).unwrap();
        crate::demo::load(&mut s, now(), false).unwrap();
        drop(s);
        let copy = tempfile::NamedTempFile::new().unwrap().into_temp_path();
        std::fs::remove_file(&copy).unwrap();
        Store::open(&path).unwrap().backup_to(&copy, false).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        copy
    })
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

pub struct Harness {
    pub store: Store,
    pub model: Model,
    pub clock: FixedClock,
    /// The read-ahead effects run after the last key.
    pub read_ahead: Vec<Effect>,
}

type CopyResult = Result<crate::tui::clipboard::Via, crate::tui::clipboard::NotCopied>;

thread_local! {
    /// What a copy answers in this test (tests touch neither the system's clipboard nor
    /// the terminal), and the texts copied.
    static CLIPBOARD: std::cell::RefCell<(CopyResult, Vec<String>)> =
        const { std::cell::RefCell::new((Ok(crate::tui::clipboard::Via::System), Vec::new())) };
}

/// Makes this test's copies answer `result`.
pub fn clipboard_answers(result: CopyResult) {
    CLIPBOARD.with(|c| c.borrow_mut().0 = result);
}

/// The texts this test copied, oldest first.
pub fn copied() -> Vec<String> {
    CLIPBOARD.with(|c| c.borrow().1.clone())
}

impl Harness {
    pub fn empty() -> Harness {
        let store = Store::open_in_memory().unwrap();
        let clock = FixedClock(now());
        let mut model = initial_model(&store, &clock, (100, 30), Theme { color: false }).unwrap();
        // Snapshots must not depend on the machine's zone.
        model.default_timezone = "Europe/Paris".into();
        // Never the user's own documents: a test that exports says where.
        model.report.export_folder = "/nonexistent/twohats-tests".into();
        Harness {
            store,
            model,
            clock,
            read_ahead: Vec::new(),
        }
    }

    pub fn demo() -> Harness {
        let mut h = Harness::empty();
        h.store.restore_from(demo_file()).unwrap();
        h.model = initial_model(&h.store, &h.clock, (100, 30), Theme { color: false }).unwrap();
        h.model.default_timezone = "Europe/Paris".into();
        h.model.report.export_folder = "/nonexistent/twohats-tests".into();
        h
    }

    /// Runs an action and every effect it causes, like the event loop.
    pub fn act(&mut self, action: Action) -> Vec<Effect> {
        let mut seen = Vec::new();
        let mut queue = vec![action];
        while let Some(a) = queue.pop() {
            for eff in update(&mut self.model, a) {
                seen.push(eff.clone());
                if let Effect::Copy { text, clip } = eff {
                    let result = CLIPBOARD.with(|c| {
                        let mut c = c.borrow_mut();
                        c.1.push(text);
                        c.0.clone()
                    });
                    queue.push(Action::Done(super::action::Outcome::Copied {
                        clip,
                        result,
                    }));
                    continue;
                }
                let mut answers = effect::execute(&mut self.store, &self.clock, eff);
                answers.reverse();
                queue.extend(answers);
            }
        }
        seen
    }

    /// Presses one key through the keymap, then reads ahead as the event loop does
    /// while no key is waiting. Returns the key's effects.
    pub fn key(&mut self, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
        let seen = match keymap::resolve(&self.model, KeyEvent::new(code, mods)) {
            Some(a) => self.act(a),
            None => vec![],
        };
        self.read_ahead.clear();
        for eff in crate::tui::update::idle(&mut self.model) {
            self.read_ahead.push(eff.clone());
            for answer in effect::execute(&mut self.store, &self.clock, eff) {
                let more = self.act(answer);
                self.read_ahead.extend(more);
            }
        }
        seen
    }

    pub fn press(&mut self, c: char) -> Vec<Effect> {
        self.key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    pub fn ctrl(&mut self, c: char) -> Vec<Effect> {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    pub fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            self.press(c);
        }
    }

    /// The screen as text.
    pub fn screen(&self, w: u16, h: u16) -> String {
        let mut model = self.model.clone();
        model.size = (w, h);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| super::views::render(&model, f)).unwrap();
        term.backend().to_string()
    }
}
