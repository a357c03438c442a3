use super::*;
use ratatui::crossterm::event::KeyModifiers;

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}
fn typed(form: &mut Form, s: &str) {
    for c in s.chars() {
        form.input(key(KeyCode::Char(c)));
    }
}

fn sample() -> Form {
    Form::new("t")
        .text("name", "Name", "", true)
        .integer("hours", "Hours", Some(4), 1, 48)
        .choice(
            "cur",
            "Currency",
            vec![Opt::new("EUR", "Euro"), Opt::new("USD", "US dollar")],
            "EUR",
        )
        .date("day", "Day", None, false)
        .money(
            "amount",
            "Amount",
            None,
            crate::domain::money::currency("EUR").unwrap(),
        )
        .multiline("notes", "Notes", "")
}

#[test]
fn typing_marks_dirty_and_parses() {
    let mut f = sample();
    assert!(!f.is_dirty());
    typed(&mut f, "Café");
    assert!(f.is_dirty());
    assert_eq!(f.text_value("name"), "Café");
    f.input(key(KeyCode::Enter));
    assert_eq!(f.focus, 1);
    f.input(key(KeyCode::Backspace));
    typed(&mut f, "12");
    assert_eq!(f.int_value("hours"), Some(12));
    f.focus_next();
    f.input(key(KeyCode::Right));
    assert_eq!(f.choice_value("cur").as_deref(), Some("USD"));
    f.input(key(KeyCode::Char('e')));
    assert_eq!(f.choice_value("cur").as_deref(), Some("EUR"));
}

#[test]
fn check_reports_each_bad_field() {
    let mut f = sample();
    f.focus = 1;
    f.input(key(KeyCode::Backspace));
    typed(&mut f, "99");
    f.focus = 3;
    typed(&mut f, "2026-13-01");
    f.focus = 4;
    typed(&mut f, "12.345");
    assert!(!f.check());
    assert_eq!(f.focus, 0, "focus goes to the first bad field");
    let errs: Vec<_> = f.fields.iter().map(|x| x.error.is_some()).collect();
    assert_eq!(errs, [true, true, false, true, true, false]);
    // Fixing a field clears its message as soon as it is edited.
    typed(&mut f, "X");
    assert!(f.fields[0].error.is_none());
}

#[test]
fn multiline_keeps_newlines_and_arrows() {
    let mut f = sample();
    f.focus = 5;
    typed(&mut f, "a");
    f.input(key(KeyCode::Enter));
    typed(&mut f, "b");
    f.input(key(KeyCode::Up));
    assert_eq!(f.focus, 5);
    assert_eq!(f.text_value("notes"), "a\nb");
    assert_eq!(f.focused_multiline().as_deref(), Some("a\nb"));
    f.set_focused_text("from editor\n");
    assert_eq!(f.text_value("notes"), "from editor");
}

#[test]
fn a_none_choice_is_a_valid_answer() {
    let mut f = Form::new("t").choice(
        "platform",
        "Platform",
        vec![Opt::new("", "All platforms"), Opt::new("x", "X")],
        "",
    );
    assert!(f.check());
    assert_eq!(f.choice_value("platform").as_deref(), Some(""));
}

#[test]
fn ctrl_u_clears_to_the_start_of_the_line() {
    let mut f = sample();
    typed(&mut f, "Europe/Paris");
    f.input(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert_eq!(f.text_value("name"), "");
}

#[test]
fn control_characters_are_not_typed() {
    let mut f = sample();
    f.input(key(KeyCode::Char('\u{1b}')));
    assert_eq!(f.text_value("name"), "");
}
