//! The machinery of the catalogue: the macro that declares `Strings` from its list of
//! entries, the catalogue in use, and filling a template's blanks.

use super::{Strings, lang};

/// The catalogue of the language in use.
pub fn t() -> &'static Strings {
    lang().catalogue()
}

/// Fills `{key}` blanks in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Declares the catalogue's struct and the list of its entries, from one list of fields:
/// the compiler refuses a catalogue that misses a field, and `entries` lets a test compare
/// what the catalogues say.
macro_rules! catalogue {
    ($($name:ident : $ty:ty,)*) => {
        pub struct Strings {
            $(pub $name: $ty,)*
        }

        impl Strings {
            /// Every entry by name, with its text(s).
            pub fn entries(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![$((stringify!($name), $crate::i18n::catalogue::Texts::texts(&self.$name)),)*]
            }
        }
    };
}

/// The texts of one catalogue entry: a string or a list of them.
pub(super) trait Texts {
    fn texts(&self) -> Vec<&'static str>;
}

impl Texts for &'static str {
    fn texts(&self) -> Vec<&'static str> {
        vec![*self]
    }
}

impl<const N: usize> Texts for [&'static str; N] {
    fn texts(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}
