//! The form every screen edits with: labelled fields of several kinds, inline validation
//! messages, a dirty check for "discard changes?".
//!
//! The form only holds and parses what is typed; what the values mean (a client, a post)
//! is checked by the domain, and its errors are put back on fields with `set_error`.

use chrono::{NaiveDate, NaiveDateTime};
use iso_currency::Currency;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Style;
use ratatui_textarea::TextArea;

use crate::domain::money::Money;
use crate::explain::Explain;
use crate::i18n::{fill, t};

/// Lines a multi-line field takes on screen.
const MULTILINE_HEIGHT: u16 = 5;

/// One option of a choice: the stored value and what the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    pub value: String,
    pub label: String,
}

impl Opt {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Opt {
        Opt {
            value: value.into(),
            label: label.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text(TextArea<'static>),
    Multiline(TextArea<'static>),
    Integer {
        area: TextArea<'static>,
        min: i64,
        max: i64,
    },
    Money {
        area: TextArea<'static>,
        currency: Currency,
    },
    Date(TextArea<'static>),
    DateTime(TextArea<'static>),
    Choice {
        options: Vec<Opt>,
        selected: usize,
    },
    MultiChoice {
        options: Vec<Opt>,
        chosen: Vec<bool>,
        cursor: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: &'static str,
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    pub error: Option<String>,
    pub hint: Option<String>,
    /// Lines a multi-line field takes on screen.
    lines: u16,
    /// The value as first shown, to tell whether anything changed.
    initial: String,
    /// A secret (a token, a password): shown as dots, never as typed.
    pub masked: bool,
}

/// A parsed field value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Int(i64),
    Money(Money),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Choice(String),
    Multi(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// An error about the whole form (a save refused by the store).
    pub error: Option<String>,
    /// Live notes under the fields (a post's length per platform); `true` marks a
    /// problem.
    pub footer: Vec<(String, bool)>,
}

/// Control and bidi-override characters cannot be edited meaningfully and must not
/// reach the terminal: a field loads text without them.
fn editable(value: &str) -> String {
    value
        .chars()
        .filter(|c| {
            *c == '\n'
                || !(c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        })
        .collect()
}

fn text_area(value: &str) -> TextArea<'static> {
    let value = editable(value);
    let mut a = TextArea::new(value.lines().map(str::to_string).collect());
    a.set_cursor_line_style(Style::new());
    a.move_cursor(ratatui_textarea::CursorMove::Bottom);
    a.move_cursor(ratatui_textarea::CursorMove::End);
    a
}

impl Field {
    fn area(&self) -> Option<&TextArea<'static>> {
        match &self.kind {
            FieldKind::Text(a)
            | FieldKind::Multiline(a)
            | FieldKind::Date(a)
            | FieldKind::DateTime(a)
            | FieldKind::Integer { area: a, .. }
            | FieldKind::Money { area: a, .. } => Some(a),
            _ => None,
        }
    }

    fn area_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match &mut self.kind {
            FieldKind::Text(a)
            | FieldKind::Multiline(a)
            | FieldKind::Date(a)
            | FieldKind::DateTime(a)
            | FieldKind::Integer { area: a, .. }
            | FieldKind::Money { area: a, .. } => Some(a),
            _ => None,
        }
    }

    /// The field's content as one string, for the dirty check.
    fn raw(&self) -> String {
        match &self.kind {
            FieldKind::Choice { options, selected } => options
                .get(*selected)
                .map(|o| o.value.clone())
                .unwrap_or_default(),
            FieldKind::MultiChoice {
                options, chosen, ..
            } => options
                .iter()
                .zip(chosen)
                .filter(|(_, c)| **c)
                .map(|(o, _)| o.value.as_str())
                .collect::<Vec<_>>()
                .join(","),
            _ => self
                .area()
                .map(|a| a.lines().join("\n"))
                .unwrap_or_default(),
        }
    }

    fn is_multiline(&self) -> bool {
        matches!(self.kind, FieldKind::Multiline(_))
    }

    /// Parses the field; `Err` holds the message to show under it.
    fn parse(&self) -> Result<Value, String> {
        let s = t();
        let raw = self.raw();
        let trimmed = raw.trim();
        // A choice always holds one of its options, "none" (an empty value) included.
        let is_choice = matches!(
            self.kind,
            FieldKind::Choice { .. } | FieldKind::MultiChoice { .. }
        );
        if trimmed.is_empty() && !is_choice {
            return if self.required {
                Err(s.forms.err_required.to_string())
            } else {
                Ok(Value::Empty)
            };
        }
        match &self.kind {
            FieldKind::Text(_) | FieldKind::Multiline(_) => Ok(Value::Text(raw)),
            FieldKind::Integer { min, max, .. } => {
                let digits: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
                match digits.parse::<i64>() {
                    Ok(n) if (*min..=*max).contains(&n) => Ok(Value::Int(n)),
                    Ok(_) => Err(fill(
                        s.forms.err_range,
                        &[("min", &min.to_string()), ("max", &max.to_string())],
                    )),
                    Err(_) => Err(s.forms.err_integer.to_string()),
                }
            }
            FieldKind::Money { currency, .. } => Money::parse(trimmed, *currency)
                .map(Value::Money)
                .map_err(|e| e.explain()),
            FieldKind::Date(_) => NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
                .map(Value::Date)
                .map_err(|_| s.forms.err_date.to_string()),
            FieldKind::DateTime(_) => NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%d %H:%M")
                .map(Value::DateTime)
                .map_err(|_| s.forms.err_datetime.to_string()),
            FieldKind::Choice { .. } => Ok(Value::Choice(raw)),
            FieldKind::MultiChoice { .. } => {
                Ok(Value::Multi(raw.split(',').map(str::to_string).collect()))
            }
        }
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Changed,
    Moved,
    Ignored,
}

impl Form {
    pub fn new(title: impl Into<String>) -> Form {
        Form {
            title: title.into(),
            fields: Vec::new(),
            focus: 0,
            error: None,
            footer: Vec::new(),
        }
    }

    fn push(mut self, key: &'static str, label: &str, kind: FieldKind, required: bool) -> Form {
        let mut f = Field {
            key,
            label: label.to_string(),
            kind,
            required,
            error: None,
            hint: None,
            lines: MULTILINE_HEIGHT,
            initial: String::new(),
            masked: false,
        };
        f.initial = f.raw();
        self.fields.push(f);
        self
    }

    pub fn text(self, key: &'static str, label: &str, value: &str, required: bool) -> Form {
        self.push(key, label, FieldKind::Text(text_area(value)), required)
    }
    pub fn multiline(self, key: &'static str, label: &str, value: &str) -> Form {
        let mut area = text_area(value);
        // Long text wraps at words, as in any editor, instead of scrolling sideways.
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        self.push(key, label, FieldKind::Multiline(area), false)
    }
    /// A multi-line field `lines` high.
    pub fn multiline_h(self, key: &'static str, label: &str, value: &str, lines: u16) -> Form {
        let mut f = self.multiline(key, label, value);
        if let Some(last) = f.fields.last_mut() {
            last.lines = lines.max(1);
        }
        f
    }
    /// Makes the last field added a secret: drawn as dots.
    pub fn secret(mut self) -> Form {
        if let Some(f) = self.fields.last_mut() {
            f.masked = true;
            if let FieldKind::Text(area) = &mut f.kind {
                area.set_mask_char('•');
            }
        }
        self
    }
    /// Makes the last field added optional: empty is fine.
    pub fn optional(mut self) -> Form {
        if let Some(f) = self.fields.last_mut() {
            f.required = false;
        }
        self
    }
    pub fn integer(
        self,
        key: &'static str,
        label: &str,
        value: Option<i64>,
        min: i64,
        max: i64,
    ) -> Form {
        let v = value.map(|v| v.to_string()).unwrap_or_default();
        self.push(
            key,
            label,
            FieldKind::Integer {
                area: text_area(&v),
                min,
                max,
            },
            true,
        )
    }
    pub fn money(
        self,
        key: &'static str,
        label: &str,
        value: Option<Money>,
        currency: Currency,
    ) -> Form {
        let v = value
            .map(crate::i18n::format::money_input)
            .unwrap_or_default();
        self.push(
            key,
            label,
            FieldKind::Money {
                area: text_area(&v),
                currency,
            },
            true,
        )
    }
    pub fn date(
        self,
        key: &'static str,
        label: &str,
        value: Option<NaiveDate>,
        required: bool,
    ) -> Form {
        let v = value
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        self.push(key, label, FieldKind::Date(text_area(&v)), required)
    }
    pub fn datetime(
        self,
        key: &'static str,
        label: &str,
        value: Option<NaiveDateTime>,
        required: bool,
    ) -> Form {
        let v = value
            .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        self.push(key, label, FieldKind::DateTime(text_area(&v)), required)
    }
    pub fn choice(self, key: &'static str, label: &str, options: Vec<Opt>, value: &str) -> Form {
        let selected = options.iter().position(|o| o.value == value).unwrap_or(0);
        self.push(key, label, FieldKind::Choice { options, selected }, true)
    }
    pub fn multi(self, key: &'static str, label: &str, options: Vec<Opt>, values: &[&str]) -> Form {
        let chosen = options
            .iter()
            .map(|o| values.contains(&o.value.as_str()))
            .collect();
        self.push(
            key,
            label,
            FieldKind::MultiChoice {
                options,
                chosen,
                cursor: 0,
            },
            false,
        )
    }
    /// Makes `value` what the last field added started from (the stored value), while it
    /// shows what it was given (a saved reply's text put in a reply): the form counts as
    /// changed, and another window's change is told from the user's own.
    pub fn started_from(mut self, value: &str) -> Form {
        if let Some(f) = self.fields.last_mut() {
            // As a text field holds it, so it compares with what the field shows.
            f.initial = text_area(value).lines().join("\n");
        }
        self
    }

    /// A line of help under the last field added.
    pub fn hint(mut self, hint: &str) -> Form {
        if let Some(f) = self.fields.last_mut() {
            f.hint = Some(hint.to_string());
        }
        self
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// True when any field differs from what it first showed.
    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| f.raw() != f.initial)
    }

    pub fn focus_next(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }
    pub fn focus_prev(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    /// The focused field is a multi-line text (the one `$EDITOR` can edit).
    pub fn focused_multiline(&self) -> Option<String> {
        self.fields
            .get(self.focus)
            .filter(|f| f.is_multiline())
            .map(Field::raw)
    }

    /// Shows `text` in the text field `key` as its first value: the dirty check starts
    /// over from it (a form that shows what is stored for another choice).
    pub fn reset_text(&mut self, key: &str, text: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key)
            && let Some(area) = f.area_mut()
        {
            *area = text_area(text);
            f.error = None;
            f.initial = f.raw();
        }
    }

    /// Makes what field `key` shows its first value: a choice that reloads the form
    /// (the platform of a week's figures) is not an edit to ask about on Esc.
    pub fn settle(&mut self, key: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key) {
            f.initial = f.raw();
        }
    }

    /// Replaces the text of the focused text field (after `$EDITOR`).
    pub fn set_focused_text(&mut self, text: &str) {
        if let Some(area) = self.fields.get_mut(self.focus).and_then(Field::area_mut) {
            *area = text_area(text.trim_end_matches('\n'));
        }
    }

    /// Replaces the text of the text field `key` (a value that follows another field).
    pub fn set_text(&mut self, key: &str, text: &str) {
        if let Some(area) = self
            .fields
            .iter_mut()
            .find(|f| f.key == key)
            .and_then(Field::area_mut)
        {
            *area = text_area(text);
        }
    }

    /// Feeds a key to the focused field.
    pub fn input(&mut self, key: KeyEvent) -> Input {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Input::Ignored;
        };
        let multiline = field.is_multiline();
        match (&mut field.kind, key.code) {
            (_, KeyCode::Enter) if !multiline => {
                self.focus_next();
                Input::Moved
            }
            (_, KeyCode::Down) if !multiline => {
                self.focus_next();
                Input::Moved
            }
            (_, KeyCode::Up) if !multiline => {
                self.focus_prev();
                Input::Moved
            }
            (FieldKind::Choice { options, selected }, code) => {
                let n = options.len().max(1);
                match code {
                    KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                    KeyCode::Left => *selected = (*selected + n - 1) % n,
                    KeyCode::Char(c) => {
                        // Jump to the next option starting with the typed letter.
                        let c = c.to_lowercase().to_string();
                        let start = *selected + 1;
                        match (0..options.len())
                            .map(|i| (start + i) % options.len())
                            .find(|&i| options[i].label.to_lowercase().starts_with(&c))
                        {
                            Some(i) => *selected = i,
                            None => return Input::Ignored,
                        }
                    }
                    _ => return Input::Ignored,
                }
                field.error = None;
                Input::Changed
            }
            (
                FieldKind::MultiChoice {
                    options,
                    chosen,
                    cursor,
                },
                code,
            ) => {
                match code {
                    KeyCode::Right => *cursor = (*cursor + 1).min(options.len().saturating_sub(1)),
                    KeyCode::Left => *cursor = cursor.saturating_sub(1),
                    KeyCode::Char(' ') | KeyCode::Char('x') => {
                        if let Some(c) = chosen.get_mut(*cursor) {
                            *c = !*c;
                        }
                    }
                    _ => return Input::Ignored,
                }
                field.error = None;
                Input::Changed
            }
            _ => {
                // Control characters never enter a field from the keyboard.
                if let KeyCode::Char(c) = key.code
                    && c.is_control()
                {
                    return Input::Ignored;
                }
                // A lone 0 in a number field is where it starts, not a first digit:
                // a digit typed replaces it ("20", never "020").
                if let FieldKind::Integer { area, .. } = &mut field.kind
                    && matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit())
                    && area.lines() == ["0"]
                {
                    area.move_cursor(ratatui_textarea::CursorMove::End);
                    area.delete_line_by_head();
                }
                let Some(area) = field.area_mut() else {
                    return Input::Ignored;
                };
                // Ctrl-u deletes to the start of the line, as in a shell (the text
                // area's own Ctrl-u would undo instead).
                let changed = if key.code == KeyCode::Char('u')
                    && key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
                {
                    area.delete_line_by_head()
                } else {
                    area.input(key)
                };
                if changed {
                    field.error = None;
                    Input::Changed
                } else {
                    Input::Moved
                }
            }
        }
    }

    /// Parses every field, marks the bad ones, and tells whether all are good.
    pub fn check(&mut self) -> bool {
        let mut ok = true;
        for f in &mut self.fields {
            f.error = f.parse().err();
            ok &= f.error.is_none();
        }
        if !ok && let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
        ok
    }

    /// Puts a domain error on a field and focuses the first bad field.
    pub fn set_error(&mut self, key: &str, msg: String) {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.fields[i].error = Some(msg);
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
        }
    }

    pub fn value(&self, key: &str) -> Value {
        self.field(key)
            .and_then(|f| f.parse().ok())
            .unwrap_or(Value::Empty)
    }
    pub fn text_value(&self, key: &str) -> String {
        self.field(key).map(Field::raw).unwrap_or_default()
    }
    pub fn int_value(&self, key: &str) -> Option<i64> {
        match self.value(key) {
            Value::Int(n) => Some(n),
            _ => None,
        }
    }
    pub fn choice_value(&self, key: &str) -> Option<String> {
        match self.value(key) {
            Value::Choice(s) => Some(s),
            _ => None,
        }
    }
}

mod reload;
mod render;

#[cfg(test)]
mod tests;
