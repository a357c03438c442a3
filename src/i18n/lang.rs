//! Which language the interface speaks: chosen once for the process at start-up, or per
//! thread in tests.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

use super::{EN, FR, Strings};

/// The locale variables that choose the language, in the order POSIX gives them.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// `en`, `fr`: what `--lang` and the `lang` setting hold.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "en" | "english" | "anglais" => Some(Lang::En),
            "fr" | "french" | "français" | "francais" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language a locale variable asks for: French for `fr`, `fr_FR.UTF-8`,
    /// `fr-CA`…, English for any other; `None` when unset or empty.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() {
            None
        } else if v.to_lowercase().starts_with("fr") {
            Some(Lang::Fr)
        } else {
            Some(Lang::En)
        }
    }

    /// The language to use: `--lang`, else the `lang` setting, else the first set of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (the POSIX order), else English.
    pub fn choose(
        flag: Option<Lang>,
        setting: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.or_else(|| setting.and_then(Lang::parse))
            .or_else(|| {
                LOCALE_VARS
                    .iter()
                    .find_map(|k| env(k).as_deref().and_then(Lang::from_locale))
            })
            .unwrap_or(Lang::En)
    }

    pub(super) fn catalogue(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }
}

/// The process's language, chosen at start-up (0 English, 1 French).
static LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A test's language, for this thread only: tests run side by side.
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the language of the whole process.
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::En => 0,
            Lang::Fr => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language in use.
pub fn lang() -> Lang {
    THREAD_LANG.with(Cell::get).unwrap_or_else(|| {
        if LANG.load(Ordering::Relaxed) == 1 {
            Lang::Fr
        } else {
            Lang::En
        }
    })
}

/// Runs `f` with `lang` as this thread's language (tests and snapshots).
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = THREAD_LANG.with(|l| l.replace(Some(lang)));
    let out = f();
    THREAD_LANG.with(|l| l.set(before));
    out
}
