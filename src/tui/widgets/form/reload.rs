//! A form whose row another window saved while it was open: what that window changed,
//! and its values taken into the form without losing the user's other changes.

use super::Form;

impl Form {
    /// The labels of the fields whose first value differs between this form and `other`,
    /// the same form opened on another state of its row.
    pub fn differences(&self, other: &Form) -> Vec<String> {
        self.fields
            .iter()
            .filter(|f| other.field(f.key).is_some_and(|o| o.initial != f.initial))
            .map(|f| f.label.clone())
            .collect()
    }

    /// Takes `theirs`, the same form opened on the row as another window saved it, as
    /// the new starting point: each field that window changed shows its value, every
    /// other field keeps what the user typed. Returns the labels of the fields taken.
    pub fn reload_from(&mut self, theirs: Form) -> Vec<String> {
        let mut taken = Vec::new();
        for th in theirs.fields {
            let Some(mine) = self.fields.iter_mut().find(|f| f.key == th.key) else {
                continue;
            };
            if th.initial != mine.initial {
                taken.push(th.label.clone());
                *mine = th;
            }
        }
        self.title = theirs.title;
        self.error = None;
        taken
    }
}
