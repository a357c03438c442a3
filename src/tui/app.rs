//! The event loop: draw, wait for a key, a resize or a tick, update, run the effects.

use std::io::{self, Write};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use super::action::Action;
use super::effect::{self, Effect, LAST_CLIENT};
use super::keymap;
use super::model::Model;
use super::theme::Theme;
use super::update::{self, update};
use super::worker::Worker;
use crate::domain::Clock;
use crate::explain::Explain;
use crate::store::{Store, StoreError};

/// How often the clock ticks when no key comes (countdowns, expiring messages).
const TICK: Duration = Duration::from_millis(500);
/// How often the worker's answers are looked for while it runs.
const WORKER_POLL: Duration = Duration::from_millis(40);

/// Why the app stopped.
#[derive(Debug)]
pub enum AppError {
    /// The first read of the store failed.
    Store(StoreError),
    /// The terminal could not be drawn or read.
    Terminal(io::Error),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        AppError::Store(e)
    }
}

impl From<io::Error> for AppError {
    fn from(e: io::Error) -> AppError {
        AppError::Terminal(e)
    }
}

impl Explain for AppError {
    fn explain(&self) -> String {
        match self {
            AppError::Store(e) => e.explain(),
            AppError::Terminal(e) => e.to_string(),
        }
    }
}

/// Builds the first model from the store: data, the last client used.
pub fn initial_model(
    store: &Store,
    clock: &dyn Clock,
    size: (u16, u16),
    theme: Theme,
) -> Result<Model, StoreError> {
    let label = store
        .path()
        .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string());
    let mut m = Model::new(clock.now(), size, theme, label);
    m.default_timezone = crate::domain::client::system_timezone();
    let last = store
        .setting(LAST_CLIENT)?
        .and_then(|s| s.parse::<i64>().ok());
    m.current = last;
    m.report.export_folder = match store.setting(effect::EXPORT_FOLDER)? {
        Some(folder) => folder,
        None => crate::paths::default_export_folder().display().to_string(),
    };
    m.live.minutes = store
        .setting(super::live::SYNC_MINUTES)?
        .and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(super::live::DEFAULT_SYNC_MINUTES)
        .min(super::live::MAX_SYNC_MINUTES);
    // The first sync starts with the app (when the interval is not 0).
    m.live.next_sync = (m.live.minutes > 0).then(|| clock.now());
    // Read with the data, so a write by another window after this moment is noticed.
    m.data_version = Some(store.data_version()?);
    let mut queue = vec![Action::Loaded(effect::load(store)?)];
    // Loading asks for the current client's plan and the check-in; answer before the
    // first frame.
    while let Some(a) = queue.pop() {
        for eff in update(&mut m, a) {
            if matches!(eff, Effect::LoadPlan(_) | Effect::LoadToday) {
                queue.extend(effect::execute_read(store, clock, eff));
            }
        }
    }
    Ok(m)
}

/// Runs the app until the user quits. The terminal is restored on the way out, on an
/// error and on a panic (`ratatui::init` installs the hook).
pub fn run(mut store: Store, clock: Box<dyn Clock>) -> Result<(), AppError> {
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut store, clock.as_ref());
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    store: &mut Store,
    clock: &dyn Clock,
) -> Result<(), AppError> {
    let size = terminal.size()?;
    let mut model = initial_model(store, clock, (size.width, size.height), Theme::from_env())?;
    let worker = Worker::new(store.path().map(std::path::Path::to_path_buf));
    handle(
        terminal,
        store,
        clock,
        &worker,
        &mut model,
        vec![Action::SyncDue],
    );
    let mut last_tick = std::time::Instant::now();
    // A switch for the test that checks a panic restores the terminal.
    let panic_after_first_frame = std::env::var_os("TWOHATS_DEBUG_PANIC").is_some();
    loop {
        terminal.draw(|f| super::views::render(&model, f))?;
        if panic_after_first_frame {
            panic!("TWOHATS_DEBUG_PANIC is set: panicking on purpose after the first frame");
        }
        if model.quit {
            return Ok(());
        }
        // Nothing waiting: read ahead what the next keys are likely to show. Its answers
        // only fill the model's stores of read-ahead data, so no frame is drawn for them.
        if !event::poll(Duration::ZERO)? {
            let ahead = update::idle(&mut model);
            if !ahead.is_empty() {
                let answers = ahead
                    .into_iter()
                    .flat_map(|eff| effect::execute(store, clock, eff))
                    .collect();
                handle(terminal, store, clock, &worker, &mut model, answers);
            }
        }
        // While the worker runs, wake often to hear it; keys still come first.
        let wait = if worker.busy() { WORKER_POLL } else { TICK };
        let action = if event::poll(wait)? {
            match event::read()? {
                Event::Key(key) => keymap::resolve(&model, key),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            }
        } else if last_tick.elapsed() >= TICK {
            last_tick = std::time::Instant::now();
            Some(Action::Tick(clock.now()))
        } else {
            None
        };
        let mut queue: Vec<Action> = action.into_iter().collect();
        while let Some(heard) = worker.try_recv() {
            queue.push(heard);
        }
        handle(terminal, store, clock, &worker, &mut model, queue);
    }
}

/// Runs actions through `update`, and the effects they ask for, until none is left.
fn handle(
    terminal: &mut DefaultTerminal,
    store: &mut Store,
    clock: &dyn Clock,
    worker: &Worker,
    model: &mut Model,
    mut queue: Vec<Action>,
) {
    while !queue.is_empty() {
        let mut next = Vec::new();
        for a in queue {
            for eff in update(model, a) {
                match eff {
                    Effect::OpenEditor(text) => next.push(edit_externally(terminal, &text)),
                    Effect::Live(job) => worker.start(job),
                    Effect::OpenUrl(url) => {
                        if let Err(e) = open_url(&url) {
                            next.push(Action::Failed(e));
                        }
                    }
                    other => next.extend(effect::execute(store, clock, other)),
                }
            }
        }
        queue = next;
    }
}

/// Opens a web address with the system's opener, detached from the terminal.
fn open_url(url: &str) -> Result<(), String> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| {
            crate::i18n::fill(
                crate::i18n::t().data.app_cannot_open,
                &[("program", opener), ("url", url), ("e", &e.to_string())],
            )
        })
}

/// Suspends the app, runs `$VISUAL` or `$EDITOR` (else `vi`) on a private temporary file
/// holding `text`, and gives back what was saved.
fn edit_externally(terminal: &mut DefaultTerminal, text: &str) -> Action {
    ratatui::restore();
    let result = run_editor(text);
    *terminal = ratatui::init();
    let _ = terminal.clear();
    Action::EditorClosed(result)
}

fn run_editor(text: &str) -> Result<String, String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".to_string());
    let mut file = tempfile::Builder::new()
        .prefix("twohats-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| {
            crate::i18n::fill(
                crate::i18n::t().data.app_temp_create,
                &[("e", &e.to_string())],
            )
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| {
            crate::i18n::fill(
                crate::i18n::t().data.app_temp_write,
                &[("e", &e.to_string())],
            )
        })?;
    // The editor may be given with arguments, like "code --wait".
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(file.path())
        .status()
        .map_err(|e| {
            crate::i18n::fill(
                crate::i18n::t().data.app_cannot_run,
                &[("program", &editor), ("e", &e.to_string())],
            )
        })?;
    if !status.success() {
        return Err(crate::i18n::fill(
            crate::i18n::t().data.app_editor_failed,
            &[("program", &editor), ("status", &status.to_string())],
        ));
    }
    std::fs::read_to_string(file.path()).map_err(|e: io::Error| {
        crate::i18n::fill(
            crate::i18n::t().data.app_read_edited,
            &[("e", &e.to_string())],
        )
    })
}
