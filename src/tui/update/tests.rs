use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::model::{FormPurpose, Overlay, StatusKind, SwitcherFocus, Tab};
use crate::tui::testing::Harness;

fn top_form(h: &Harness) -> &crate::tui::model::FormOverlay {
    match h.model.overlays.last() {
        Some(Overlay::Form(f)) => f,
        other => panic!("expected a form on top, got {other:?}"),
    }
}

#[test]
fn tabs_by_number_and_tab_key() {
    let mut h = Harness::demo();
    assert_eq!(h.model.tab, Tab::Today);
    h.press('3');
    assert_eq!(h.model.tab, Tab::Calendar);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(h.model.tab, Tab::Inbox);
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(h.model.tab, Tab::Strategy);
    h.press('5');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(h.model.tab, Tab::Today, "Tab wraps around");
    h.press('q');
    assert!(h.model.quit);
}

#[test]
fn creating_the_first_client_with_keys() {
    let mut h = Harness::empty();
    assert!(h.model.data.clients.is_empty());
    h.press('n');
    assert_eq!(top_form(&h).purpose, FormPurpose::NewClient);
    h.type_text("Café Lumière");
    // Currency: replace EUR with CHF.
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    for _ in 0..3 {
        h.key(KeyCode::Backspace, KeyModifiers::NONE);
    }
    h.type_text("chf");
    let effects = h.ctrl('s');
    assert!(
        matches!(&effects[0], Effect::SaveClient { id: None, draft, .. } if draft.name == "Café Lumière" && draft.currency == "CHF")
    );
    assert!(h.model.overlays.is_empty(), "the form closes after saving");
    let c = h.store.find_client("café lumière").unwrap();
    assert_eq!(h.model.current, Some(c.id), "a new client becomes current");
    assert_eq!(
        h.store.setting("last_client").unwrap(),
        Some(c.id.to_string())
    );
    assert_eq!(h.model.status.as_ref().unwrap().kind, StatusKind::Success);
}

#[test]
fn form_validation_keeps_the_form_open_with_messages() {
    let mut h = Harness::empty();
    h.press('n');
    // Name left empty; bad currency; bad zone; reply target 0.
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    for _ in 0..3 {
        h.key(KeyCode::Backspace, KeyModifiers::NONE);
    }
    h.type_text("EURO");
    let effects = h.ctrl('s');
    assert!(effects.is_empty());
    let f = top_form(&h);
    assert!(f.form.field("name").unwrap().error.is_some());
    assert_eq!(f.form.focus, 0, "focus goes to the first bad field");
    h.type_text("Acme");
    h.ctrl('s');
    let f = top_form(&h);
    let err = f.form.field("currency").unwrap().error.clone().unwrap();
    assert!(err.contains("EURO"), "{err}");
    assert!(h.store.clients().unwrap().is_empty());
}

#[test]
fn duplicate_name_is_shown_in_the_form() {
    let mut h = Harness::demo();
    h.press('c');
    h.ctrl('n');
    h.type_text("hotel alpenrose");
    h.ctrl('s');
    let f = top_form(&h);
    assert!(!f.saving);
    assert!(f.form.error.as_deref().unwrap().contains("already exists"));
}

#[test]
fn escape_on_a_changed_form_asks_first() {
    let mut h = Harness::empty();
    h.press('n');
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(
        h.model.overlays.is_empty(),
        "an untouched form closes at once"
    );
    h.press('n');
    h.type_text("x");
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Confirm(_))));
    h.press('n');
    assert!(
        matches!(h.model.overlays.last(), Some(Overlay::Form(_))),
        "no keeps the form"
    );
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    h.press('y');
    assert!(h.model.overlays.is_empty());
}

#[test]
fn switcher_filters_as_you_type_and_switches() {
    let mut h = Harness::demo();
    let before = h.model.current;
    h.press('c');
    h.type_text("map");
    let sw = h.model.switcher().unwrap();
    let names: Vec<_> = sw
        .matches(&h.model.data.clients)
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(names, ["Maple & Pine Studio"]);
    // 'q' is text in the filter, not quit.
    h.press('q');
    assert!(!h.model.quit);
    h.key(KeyCode::Backspace, KeyModifiers::NONE);
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    assert!(h.model.overlays.is_empty());
    let maple = h.store.find_client("Maple & Pine Studio").unwrap().id;
    assert_eq!(h.model.current, Some(maple));
    assert_ne!(before, h.model.current);
}

#[test]
fn archive_and_undo_a_client() {
    let mut h = Harness::demo();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(h.model.switcher().unwrap().focus, SwitcherFocus::Clients);
    let target = h.model.switcher_client().unwrap().clone();
    h.press('d');
    assert!(h.store.client(target.id).unwrap().is_archived());
    assert!(
        h.model
            .switcher()
            .unwrap()
            .matches(&h.model.data.clients)
            .iter()
            .all(|c| c.id != target.id)
    );
    h.press('u');
    assert!(!h.store.client(target.id).unwrap().is_archived());
}

#[test]
fn the_switcher_filter_ignores_case_and_accents() {
    let mut h = Harness::demo();
    h.press('c');
    let names = |h: &Harness| -> Vec<String> {
        let sw = h.model.switcher().unwrap();
        sw.matches(&h.model.data.clients)
            .iter()
            .map(|c| c.name.clone())
            .collect()
    };
    h.type_text("velo");
    assert_eq!(names(&h), ["Atelier Vélo Rouge"]);
    h.ctrl('u');
    h.type_text("VÉLO R");
    assert_eq!(names(&h), ["Atelier Vélo Rouge"]);
    h.ctrl('u');
    h.type_text("hôtel");
    assert_eq!(names(&h), ["Hotel Alpenrose"]);
}

#[test]
fn u_on_an_archived_client_brings_it_back_as_the_current_one() {
    let mut h = Harness::demo();
    let first = h.model.current.unwrap();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    // Archive the client under the cursor (not the current one), then show archived.
    h.press('j');
    let target = h.model.switcher_client().unwrap().clone();
    assert_ne!(target.id, first);
    h.press('d');
    assert!(h.store.client(target.id).unwrap().is_archived());
    // Something else happens before: `u` is about the client under the cursor.
    h.press('z');
    while h.model.switcher_client().map(|c| c.id) != Some(target.id) {
        h.press('j');
    }
    let effects = h.press('u');
    assert!(effects.contains(&Effect::SetClientArchived {
        id: target.id,
        archived: false
    }));
    assert!(!h.store.client(target.id).unwrap().is_archived());
    assert_eq!(h.model.current, Some(target.id));
    assert!(h.model.overlays.is_empty(), "picked, as with Enter");
    assert!(effects.contains(&Effect::RememberClient(target.id)));
    let msg = &h.model.status.as_ref().unwrap().text;
    assert!(
        msg.contains("is active again") && msg.contains("Now working on"),
        "{msg}"
    );
    // On an active client, u still undoes.
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.press('d');
    let archived = h.model.undo.last().cloned();
    assert!(matches!(
        archived,
        Some(crate::tui::model::Undo::ClientArchived(_))
    ));
    h.press('u');
    assert!(h.store.clients().unwrap().iter().all(|c| !c.is_archived()));
}

#[test]
fn the_no_account_hint_names_a_key_that_works_from_the_cursor() {
    let mut h = Harness::demo();
    let id = h
        .store
        .insert_client(&crate::domain::ClientDraft::new("Zéro Compte"), h.clock.0)
        .unwrap();
    h.act(Action::Loaded(crate::tui::effect::load(&h.store).unwrap()));
    h.press('c');
    h.type_text("zero");
    assert_eq!(h.model.switcher_client().unwrap().id, id);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("No account yet: Tab, then A adds one."),
        "{screen}"
    );
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    assert!(h.screen(100, 30).contains("No account yet: A adds one."));
    h.press('A');
    assert_eq!(top_form(&h).purpose, FormPurpose::NewAccount(id));
}

#[test]
fn current_client_moves_on_when_archived() {
    let mut h = Harness::demo();
    let cur = h.model.current.unwrap();
    h.act(Action::Loaded(h.model.data.clone()));
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    let sel = h.model.switcher_client().unwrap().id;
    assert_eq!(sel, cur, "the switcher opens on the current client");
    h.press('d');
    assert_ne!(h.model.current, Some(cur));
    assert!(h.model.current.is_some());
}

#[test]
fn accounts_add_edit_delete_undo() {
    let mut h = Harness::demo();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    let client = h.model.switcher_client().unwrap().id;
    let count = |h: &Harness| {
        h.store
            .accounts()
            .unwrap()
            .iter()
            .filter(|a| a.client_id == client)
            .count()
    };
    let before = count(&h);
    h.press('A');
    assert_eq!(top_form(&h).purpose, FormPurpose::NewAccount(client));
    // Platform: jump to Bluesky by its first letter.
    h.press('b');
    assert_eq!(
        top_form(&h).form.choice_value("platform").as_deref(),
        Some("bluesky")
    );
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.type_text("@new.bsky.social");
    h.ctrl('s');
    assert_eq!(count(&h), before + 1);
    // Accounts pane: delete the first one, then undo.
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(h.model.switcher().unwrap().focus, SwitcherFocus::Accounts);
    h.press('d');
    assert_eq!(count(&h), before);
    h.press('u');
    assert_eq!(count(&h), before + 1);
    // Edit: a handle with a space is refused inline.
    h.press('e');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    h.type_text(" x");
    h.ctrl('s');
    assert!(top_form(&h).form.field("handle").unwrap().error.is_some());
}

#[test]
fn help_opens_and_closes_and_lists_what_is_under_it() {
    let mut h = Harness::demo();
    h.press('?');
    assert!(matches!(h.model.overlays.last(), Some(Overlay::Help(_))));
    let screen = h.screen(100, 40);
    assert!(screen.contains("clients"), "{screen}");
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(h.model.overlays.is_empty());
}

#[test]
fn toggle_all_clients_and_status_expiry() {
    let mut h = Harness::demo();
    assert!(h.model.all_clients);
    h.press('4');
    h.press('a');
    assert!(!h.model.all_clients);
    assert!(h.model.status.is_some());
    let later = h.model.now + chrono::Duration::seconds(60);
    h.act(Action::Tick(later));
    assert!(h.model.status.is_none());
}

#[test]
fn demo_from_the_welcome_screen() {
    let mut h = Harness::empty();
    let effects = h.press('D');
    assert_eq!(effects[0], Effect::LoadDemo);
    assert!(
        matches!(effects[1], Effect::LoadPlan(_)),
        "the current client's plan follows"
    );
    assert_eq!(h.model.data.clients.len(), 4);
    assert!(h.model.current.is_some());
}

#[test]
fn editor_result_lands_in_the_focused_field() {
    let mut h = Harness::empty();
    h.press('n');
    let effects = h.ctrl('e');
    assert!(effects.is_empty(), "Ctrl-e only works on long text fields");
    for _ in 0..4 {
        h.key(KeyCode::Tab, KeyModifiers::NONE);
    }
    let effects = h.ctrl('e');
    assert_eq!(effects, vec![Effect::OpenEditor(String::new())]);
    h.act(Action::EditorClosed(Ok("Written in vim\n".into())));
    assert_eq!(top_form(&h).form.text_value("notes"), "Written in vim");
}

fn confirm(h: &Harness) -> &crate::tui::widgets::confirm::Confirm {
    match h.model.overlays.last() {
        Some(Overlay::Confirm(c)) => c,
        other => panic!("expected a question on top, got {other:?}"),
    }
}

fn status_text(h: &Harness) -> String {
    h.model
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_demo_goes_from_the_switcher_after_a_yes_and_the_users_clients_stay() {
    use crate::tui::widgets::confirm::ConfirmKind;
    let mut h = Harness::demo();
    let mine = h
        .store
        .insert_client(
            &crate::domain::ClientDraft::new("Mine"),
            crate::tui::testing::now(),
        )
        .unwrap();
    h.act(Action::Loaded(crate::tui::effect::load(&h.store).unwrap()));
    h.press('c');
    // In the filter, D is a letter of a name.
    h.press('D');
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Switcher(_))
    ));
    h.key(KeyCode::Backspace, KeyModifiers::NONE);
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    let effects = h.press('D');
    assert!(effects.is_empty(), "nothing goes before the answer");
    let c = confirm(&h);
    assert_eq!(c.kind, ConfirmKind::RemoveDemo);
    assert_eq!(
        c.question,
        "Remove the demo (Atelier Vélo Rouge, Boulangerie Marcel, Hotel Alpenrose, \
         Maple & Pine Studio) and everything in it? Your own clients stay."
    );
    // No keeps everything.
    let effects = h.press('n');
    assert!(effects.is_empty());
    assert_eq!(h.model.data.clients.len(), 5);
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Switcher(_))
    ));

    h.press('D');
    let effects = h.press('y');
    assert_eq!(effects[0], Effect::RemoveDemo);
    let names: Vec<&str> = h
        .model
        .data
        .clients
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Mine"]);
    assert_eq!(h.store.clients().unwrap().len(), 1);
    assert!(h.store.accounts().unwrap().is_empty());
    assert_eq!(
        h.model.current,
        Some(mine),
        "the current client was a demo one"
    );
    assert!(h.model.undo.is_empty());
    assert_eq!(
        status_text(&h),
        "Demo removed: Atelier Vélo Rouge, Boulangerie Marcel, Hotel Alpenrose, \
         Maple & Pine Studio."
    );
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Switcher(_))
    ));

    // Again: nothing to remove, and no question.
    h.press('D');
    assert!(matches!(
        h.model.overlays.last(),
        Some(Overlay::Switcher(_))
    ));
    assert_eq!(status_text(&h), "No demo clients here: nothing to remove.");
}

#[test]
fn removing_a_demo_alone_goes_back_to_the_welcome_screen() {
    let mut h = Harness::demo();
    h.press('c');
    h.key(KeyCode::Tab, KeyModifiers::NONE);
    // The switcher's help lists the key.
    h.press('?');
    assert!(
        h.screen(90, 50)
            .contains("D               remove the demo clients")
    );
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    h.press('D');
    h.key(KeyCode::Enter, KeyModifiers::NONE);
    assert!(h.model.data.clients.is_empty());
    assert!(h.model.overlays.is_empty());
    assert_eq!(h.model.current, None);
    assert!(h.screen(100, 30).contains("Welcome to twohats"));
}

#[test]
fn a_works_only_where_a_tab_shows_every_client_and_help_says_so() {
    let mut h = Harness::demo();
    for (tab, works) in [
        ('1', false),
        ('2', false),
        ('3', true),
        ('4', true),
        ('5', false),
    ] {
        h.press(tab);
        h.model.status = None;
        let before = h.model.all_clients;
        h.press('a');
        assert_eq!(h.model.all_clients != before, works, "tab {tab}");
        assert_eq!(
            h.model.status.is_some(),
            works,
            "tab {tab}: no message either"
        );
        if works {
            h.press('a');
        }
        h.press('?');
        let help = h.screen(120, 60);
        assert_eq!(
            help.contains("all clients / current client"),
            works,
            "tab {tab}: help promises only what works:\n{help}"
        );
        h.key(KeyCode::Esc, KeyModifiers::NONE);
    }
}

#[test]
fn help_scrolls_by_line_page_and_to_either_end() {
    let mut h = Harness::demo();
    h.press('4');
    h.model.size = (80, 24);
    h.press('?');
    let scroll = |h: &Harness| match h.model.overlays.last() {
        Some(Overlay::Help(s)) => s.scroll,
        _ => panic!("help is closed"),
    };
    let max = crate::tui::help::max_scroll(&h.model, 0);
    let page = crate::tui::help::page(h.model.size);
    assert!(
        max > page,
        "the inbox's help is longer than two pages at 80x24"
    );
    h.press('j');
    h.press('j');
    assert_eq!(scroll(&h), 2);
    h.press('k');
    assert_eq!(scroll(&h), 1);
    h.key(KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(scroll(&h), 1 + page);
    h.key(KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(scroll(&h), 1);
    h.press('G');
    assert_eq!(scroll(&h), max);
    h.press('j');
    assert_eq!(scroll(&h), max, "no scrolling past the last line");
    let last = h.screen(80, 24);
    assert!(last.contains("Data: :memory:"), "{last}");
    h.press('k');
    assert_eq!(scroll(&h), max - 1, "one key back up, from the very end");
    h.press('g');
    assert_eq!(scroll(&h), 0);
    let first = h.screen(80, 24);
    assert!(first.contains(&format!("1–{page} of")), "{first}");
    assert!(first.contains("PgDn"), "{first}");
    h.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(h.model.overlays.is_empty());
}
