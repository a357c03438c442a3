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

fn platforms() -> Form {
    let opts: Vec<Opt> = crate::domain::Platform::ALL
        .iter()
        .map(|p| Opt::new(p.key(), p.name()))
        .collect();
    Form::new("Target")
        .text("name", "Name", "", true)
        .multi("platforms", "Platforms", opts, &["forum"])
        .text("notes", "Notes", "", false)
}

fn drawn(f: &Form, w: u16, h: u16) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    let theme = crate::tui::theme::Theme { color: false };
    term.draw(|frame| f.render(frame, frame.area(), &theme))
        .unwrap();
    term.backend().to_string()
}

#[test]
fn choices_wrap_whole_onto_lines() {
    let f = platforms();
    let FieldKind::MultiChoice {
        options, chosen, ..
    } = &f.fields[1].kind
    else {
        panic!("a multi-choice field");
    };
    // "[ ] Facebook" is 12 wide, two spaces between choices.
    let lines = super::render::choice_lines(options, chosen, 30);
    assert_eq!(lines[0], vec![0, 1], "Facebook and Instagram");
    assert_eq!(
        lines.concat(),
        (0..12).collect::<Vec<_>>(),
        "every choice, in order"
    );
    assert!(super::render::choice_lines(options, chosen, 400).len() == 1);
    // At 80 columns every platform shows, on three lines.
    let screen = drawn(&f, 80, 14);
    for p in crate::domain::Platform::ALL {
        assert!(screen.contains(p.name()), "{} missing:\n{screen}", p.name());
    }
    assert!(screen.contains("[x] Forum"), "{screen}");
}

#[test]
fn choices_past_the_lines_shown_scroll_with_the_cursor() {
    let mut f = platforms();
    f.focus = 1;
    // 30 columns: a choice or two a line, more lines than shown.
    let screen = drawn(&f, 30, 14);
    assert!(
        screen.contains("Facebook") && !screen.contains("Forum"),
        "{screen}"
    );
    assert!(screen.contains('↓'), "says there are more:\n{screen}");
    // The cursor on the last choice: its line shows, ticked, with the first gone.
    for _ in 0..11 {
        f.input(key(KeyCode::Right));
    }
    let screen = drawn(&f, 30, 14);
    assert!(screen.contains("[x] Forum"), "{screen}");
    assert!(
        !screen.contains("Facebook") && screen.contains('↑'),
        "{screen}"
    );
    f.input(key(KeyCode::Char(' ')));
    assert_eq!(
        f.text_value("platforms"),
        "",
        "Space unticks the choice in view"
    );
}

#[test]
fn a_form_uses_the_width_of_the_screen() {
    let f = platforms();
    let screen = drawn(&f, 200, 14);
    // Its border runs from column 2 to column 197.
    let top = screen.lines().find(|l| l.contains("┌")).unwrap();
    let line = top.split('"').nth(1).unwrap();
    assert_eq!(line.chars().position(|c| c == '┌'), Some(2), "{screen}");
    assert_eq!(line.chars().position(|c| c == '┐'), Some(197), "{screen}");
    // Every platform on one line.
    let row = screen.lines().find(|l| l.contains("Facebook")).unwrap();
    assert!(row.contains("Forum"), "{screen}");
}

/// A number field that starts at 0 takes the first digit typed in place of the 0; any
/// other starting value is kept, and a 0 typed after a digit is a digit.
#[test]
fn a_digit_typed_on_a_lone_zero_replaces_it() {
    let mut f = Form::new("t")
        .integer("share", "Share", Some(0), 0, 100)
        .integer("hours", "Hours", Some(4), 1, 48);
    typed(&mut f, "20");
    assert_eq!(f.text_value("share"), "20");
    f.focus = 1;
    typed(&mut f, "0");
    assert_eq!(f.text_value("hours"), "40");
}
