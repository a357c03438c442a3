//! The Report tab's `x`: the file name follows the format, the folder is remembered, a
//! file already there is replaced only when the user says so, and the message gives the
//! full path.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::domain::ClientDraft;
use crate::tui::model::{Overlay, StatusKind, Tab};
use crate::tui::testing::Harness;

// The review opens on the last complete week: the harness runs in W47, so W46.
const NAME: &str = "report-studio-nord-2026-W46";

fn one_client(folder: &Path) -> Harness {
    let mut h = Harness::empty();
    let mut c = ClientDraft::new("Studio Nord");
    c.timezone = "Europe/Paris".into();
    h.store.insert_client(&c, h.clock.0).unwrap();
    h.act(crate::tui::action::Action::Loaded(
        crate::tui::effect::load(&h.store).unwrap(),
    ));
    h.model.report.export_folder = folder.display().to_string();
    h.press('5');
    assert_eq!(h.model.tab, Tab::Report);
    h
}

fn field(h: &Harness, key: &str) -> String {
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => f.form.text_value(key),
        other => panic!("no form on top: {other:?}"),
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_name_follows_the_format_unless_the_user_gave_an_extension() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = one_client(dir.path());
    h.press('x');
    assert_eq!(field(&h, "folder"), dir.path().display().to_string());
    assert_eq!(field(&h, "name"), format!("{NAME}.html"));
    h.key(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(field(&h, "name"), format!("{NAME}.md"));
    h.key(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(field(&h, "name"), format!("{NAME}.csv"));
    h.key(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(field(&h, "name"), format!("{NAME}.json"));
    // A name of the user's own, with an extension no format has, stays as typed.
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.ctrl('u');
    h.type_text("notes.txt");
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    h.key(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(field(&h, "name"), "notes.txt");
}

#[test]
fn export_writes_a_private_file_names_it_in_full_and_remembers_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = one_client(dir.path());
    h.press('x');
    // JSON: the last format, one step to the left of HTML.
    h.key(KeyCode::Left, KeyModifiers::NONE);
    h.ctrl('s');
    let path = dir.path().join(format!("{NAME}.json"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["client"], "Studio Nord");
    assert_eq!(mode(&path), 0o600);
    assert!(h.model.overlays.is_empty(), "the form closed");
    let status = h.model.status.as_ref().unwrap();
    assert_eq!(status.kind, StatusKind::Success);
    assert!(
        status.text.contains(&path.display().to_string()),
        "{}",
        status.text
    );
    // The folder is a setting: the next start offers it again.
    let folder = dir.path().display().to_string();
    assert_eq!(
        h.store.setting(crate::tui::effect::EXPORT_FOLDER).unwrap(),
        Some(folder.clone())
    );
    let next = crate::tui::app::initial_model(
        &h.store,
        &h.clock,
        (100, 30),
        crate::tui::theme::Theme { color: false },
    )
    .unwrap();
    assert_eq!(next.report.export_folder, folder);
}

#[test]
fn a_file_already_there_is_replaced_only_when_the_user_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = one_client(dir.path());
    let path = dir.path().join(format!("{NAME}.html"));
    std::fs::write(&path, "the client's own notes").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    h.press('x');
    h.ctrl('s');
    match h.model.overlays.last() {
        Some(Overlay::Confirm(c)) => {
            assert!(c.question.contains(&path.display().to_string()), "{c:?}")
        }
        other => panic!("asks first: {other:?}"),
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the client's own notes"
    );
    // No: back to the form, nothing written.
    h.press('n');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Form(f)) if !f.saving));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the client's own notes"
    );
    // Yes: replaced, private.
    h.ctrl('s');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Confirm(_))));
    h.press('y');
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("<html"), "{}", &text[..text.len().min(80)]);
    assert_eq!(mode(&path), 0o600);
    assert!(h.model.overlays.is_empty());
}

#[test]
fn a_folder_that_is_not_there_is_an_error_on_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = one_client(&dir.path().join("missing"));
    h.press('x');
    h.ctrl('s');
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => {
            let e = f.form.error.as_deref().unwrap_or_default();
            assert!(e.contains("missing"), "{e}");
        }
        other => panic!("the form stays with the error: {other:?}"),
    }
    assert!(!dir.path().join("missing").exists());
}

#[test]
fn a_name_that_says_another_format_is_refused_on_the_file_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = one_client(dir.path());
    h.press('x');
    // HTML chosen, the name typed afterwards says Markdown (any case): nothing written.
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.ctrl('u');
    h.type_text("clientA.MD");
    h.ctrl('s');
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => {
            let e = f
                .form
                .field("name")
                .unwrap()
                .error
                .clone()
                .unwrap_or_default();
            assert!(e.contains("HTML") && e.contains("clientA.MD"), "{e}");
        }
        other => panic!("the form stays with the error: {other:?}"),
    }
    assert!(!dir.path().join("clientA.MD").exists());
    // A name of the user's own with no format's extension is written as asked.
    h.ctrl('u');
    h.type_text("clientA.txt");
    h.ctrl('s');
    let text = std::fs::read_to_string(dir.path().join("clientA.txt")).unwrap();
    assert!(text.contains("<html"), "{}", &text[..text.len().min(80)]);
}
