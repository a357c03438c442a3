//! The machinery of the catalogue: the macro that declares an area of `Strings` from its
//! list of entries, the catalogue in use, and filling a template's blanks.

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

/// How a language picks between the two forms of a counted phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// English: "1 item", but "0 items" and "2 items".
    OneIsSingular,
    /// French: "0 message" and "1 message", but "2 messages".
    ZeroAndOneAreSingular,
}

impl PluralRule {
    /// Whether `n` takes the singular form.
    pub fn singular(self, n: u64) -> bool {
        match self {
            PluralRule::OneIsSingular => n == 1,
            PluralRule::ZeroAndOneAreSingular => n <= 1,
        }
    }
}

/// A phrase with a count, in its two forms: `{n}` is the count. Each catalogue builds
/// its plurals with its language's rule, so a caller only gives the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
    pub rule: PluralRule,
}

impl Plural {
    pub const fn new(rule: PluralRule, one: &'static str, other: &'static str) -> Plural {
        Plural { one, other, rule }
    }

    /// The form `n` takes, with its blanks unfilled.
    pub fn form(&self, n: u64) -> &'static str {
        if self.rule.singular(n) {
            self.one
        } else {
            self.other
        }
    }

    /// The phrase for `n`: `{n}` filled with the count.
    pub fn n(&self, n: usize) -> String {
        self.with(n, &[])
    }

    /// The phrase for `n`, with its other blanks filled too.
    pub fn with(&self, n: usize, values: &[(&str, &str)]) -> String {
        let count = n.to_string();
        let mut all = vec![("n", count.as_str())];
        all.extend_from_slice(values);
        fill(self.form(n as u64), &all)
    }
}

/// Declares one area of the catalogue and the list of its entries, from one list of
/// fields: the compiler refuses a catalogue that misses a field, and `entries` lets a test
/// compare what the catalogues say.
macro_rules! catalogue {
    ($area:ident { $($name:ident : $ty:ty,)* }) => {
        pub struct $area {
            $(pub $name: $ty,)*
        }

        impl $area {
            /// Every entry by name, with its text(s).
            pub fn entries(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![$((stringify!($name), $crate::i18n::catalogue::Texts::texts(&self.$name)),)*]
            }

            /// Every counted entry by name, with the rule that picks its form.
            pub fn plural_rules(&self) -> Vec<(&'static str, $crate::i18n::PluralRule)> {
                let all = [$((stringify!($name), $crate::i18n::catalogue::Texts::rule(&self.$name)),)*];
                all.into_iter().filter_map(|(k, r)| r.map(|r| (k, r))).collect()
            }
        }
    };
}

/// The texts of one catalogue entry: a string or a list of them.
pub(super) trait Texts {
    fn texts(&self) -> Vec<&'static str>;
    /// The plural rule of a counted entry.
    fn rule(&self) -> Option<PluralRule> {
        None
    }
}

impl Texts for &'static str {
    fn texts(&self) -> Vec<&'static str> {
        vec![*self]
    }
}

impl Texts for Plural {
    fn texts(&self) -> Vec<&'static str> {
        vec![self.one, self.other]
    }
    fn rule(&self) -> Option<PluralRule> {
        Some(self.rule)
    }
}

impl<const N: usize> Texts for [&'static str; N] {
    fn texts(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}
