//! The interface language: chosen before the command line is parsed (so its help and
//! errors come in that language), and the `twohats lang` command that shows or sets it.

use std::ffi::OsString;
use std::path::PathBuf;

use super::{Failure, LANG_SETTING};
use crate::i18n::{Lang, fill, t};
use crate::store::Store;

/// The value of `--lang` or `--db` among raw arguments, before clap runs.
fn flag_value(args: &[OsString], name: &str) -> Option<OsString> {
    let long = format!("--{name}");
    let prefix = format!("--{name}=");
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--" {
            break;
        }
        if s == long {
            return it.next().cloned();
        }
        if let Some(v) = s.strip_prefix(&prefix) {
            return Some(v.into());
        }
    }
    None
}

fn env(key: &str) -> Option<String> {
    std::env::var(key).ok()
}

/// The database the command line will open, as far as the raw arguments tell.
fn db_path(args: &[OsString]) -> Option<PathBuf> {
    flag_value(args, "db")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TWOHATS_DB").map(PathBuf::from))
        .or_else(crate::paths::default_db_path)
}

/// The language for this run: `--lang`, the database's `lang` setting, the locale.
pub fn early(args: &[OsString]) -> Lang {
    let flag = flag_value(args, "lang").and_then(|v| Lang::parse(&v.to_string_lossy()));
    let setting = match flag {
        Some(_) => None,
        None => db_path(args).and_then(|p| crate::store::peek_setting(&p, LANG_SETTING)),
    };
    Lang::choose(flag, setting.as_deref(), env)
}

/// Prints clap's message (help, version or a usage error) in `lang`; returns the exit
/// code clap chose.
pub fn print_clap_error(e: &clap::Error, lang: Lang) -> i32 {
    let code = e.exit_code();
    let rendered = e.render().to_string();
    let text = match lang {
        Lang::En => rendered,
        Lang::Fr => crate::i18n::cli::french_clap_message(&rendered),
    };
    // clap quotes the arguments it refuses: they may come from a file name.
    let text = crate::domain::text::sanitize_multiline(&text);
    // Help to a closed pipe (`--help | head`) ends quietly like any output.
    let written = if e.use_stderr() {
        std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes())
    } else {
        std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes())
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => 1,
        _ => code,
    }
}

fn name(lang: Lang) -> &'static str {
    t().cli.lang_names[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
}

/// `twohats lang [en|fr|auto]`.
pub fn run(store: &Store, value: Option<&str>) -> Result<(), Failure> {
    let Some(value) = value else {
        let setting = store.setting(LANG_SETTING)?;
        let current = crate::i18n::lang();
        let source = match setting.as_deref().and_then(Lang::parse) {
            Some(_) => t().cli.cli_lang_from_setting.to_string(),
            None => crate::i18n::LOCALE_VARS
                .iter()
                .find(|k| env(k).is_some_and(|v| !v.trim().is_empty()))
                .map_or_else(
                    || t().cli.cli_lang_default.to_string(),
                    |k| fill(t().cli.cli_lang_from_env, &[("var", k)]),
                ),
        };
        return super::out::line(&fill(
            t().cli.cli_lang_current,
            &[
                ("lang", name(current)),
                ("code", current.code()),
                ("source", &source),
            ],
        ));
    };
    if value.trim().eq_ignore_ascii_case("auto") {
        store.delete_setting(LANG_SETTING)?;
        let lang = Lang::choose(None, None, env);
        crate::i18n::set_lang(lang);
        return super::out::line(&fill(t().cli.cli_lang_auto, &[("lang", name(lang))]));
    }
    let lang = Lang::parse(value)
        .ok_or_else(|| Failure::usage(fill(t().cli.cli_lang_bad, &[("value", value)])))?;
    store.set_setting(LANG_SETTING, lang.code())?;
    crate::i18n::set_lang(lang);
    super::out::line(&fill(t().cli.cli_lang_set, &[("lang", name(lang))]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn flag_values_are_found_before_clap() {
        let a = args(&["twohats", "--db", "/tmp/x.db", "--lang=fr", "today"]);
        assert_eq!(flag_value(&a, "lang"), Some("fr".into()));
        assert_eq!(flag_value(&a, "db"), Some("/tmp/x.db".into()));
        let a = args(&["twohats", "report", "--", "--lang", "fr"]);
        assert_eq!(flag_value(&a, "lang"), None);
    }

    #[test]
    fn the_flag_beats_the_setting_which_beats_the_locale() {
        let fr_env = |k: &str| (k == "LANG").then(|| "fr_FR.UTF-8".to_string());
        let no_env = |_: &str| None;
        assert_eq!(Lang::choose(Some(Lang::En), Some("fr"), fr_env), Lang::En);
        assert_eq!(Lang::choose(None, Some("en"), fr_env), Lang::En);
        assert_eq!(Lang::choose(None, None, fr_env), Lang::Fr);
        assert_eq!(Lang::choose(None, Some("fr"), no_env), Lang::Fr);
        assert_eq!(Lang::choose(None, None, no_env), Lang::En);
        // LC_ALL wins over LANG, as POSIX says.
        let both = |k: &str| match k {
            "LC_ALL" => Some("C.UTF-8".to_string()),
            "LANG" => Some("fr_CA.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(Lang::choose(None, None, both), Lang::En);
        let empty_all = |k: &str| match k {
            "LC_ALL" => Some(String::new()),
            "LANG" => Some("fr".to_string()),
            _ => None,
        };
        assert_eq!(Lang::choose(None, None, empty_all), Lang::Fr);
    }

    #[test]
    fn the_setting_is_read_without_writing_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        assert_eq!(crate::store::peek_setting(&path, LANG_SETTING), None);
        let store = Store::open(&path).unwrap();
        store.set_setting(LANG_SETTING, "fr").unwrap();
        drop(store);
        let before = std::fs::read(&path).unwrap();
        let a = args(&["twohats", "--db", path.to_str().unwrap()]);
        assert_eq!(
            db_path(&a)
                .and_then(|p| crate::store::peek_setting(&p, LANG_SETTING))
                .as_deref(),
            Some("fr")
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    /// The help of this command line, against the French table of `i18n::cli`.
    mod help {
        use clap::CommandFactory;

        use crate::cli::Cli;
        use crate::i18n::Lang;
        use crate::i18n::cli::{FR, french_clap_message, french_of, localize, texts};

        #[test]
        fn every_help_text_has_its_french() {
            let missing: Vec<String> = texts(&Cli::command())
                .into_iter()
                .filter(|t| french_of(t).is_none())
                .collect();
            assert!(missing.is_empty(), "no French for: {missing:#?}");
        }

        #[test]
        fn the_french_tree_has_no_english_left() {
            let fr = localize(Cli::command(), Lang::Fr);
            let english: Vec<String> = texts(&fr)
                .into_iter()
                .filter(|t| FR.iter().any(|(e, _)| e == t))
                .collect();
            assert!(english.is_empty(), "still English: {english:#?}");
            // Every entry of the table is used: a text edited in English shows up here.
            let en = texts(&Cli::command());
            let unused: Vec<&str> = FR
                .iter()
                .map(|(e, _)| *e)
                .filter(|e| !en.iter().any(|t| t == e))
                .collect();
            assert!(unused.is_empty(), "unused entries: {unused:#?}");
        }

        #[test]
        fn the_french_help_is_all_french() {
            let help = localize(Cli::command(), Lang::Fr).render_help().to_string();
            let help = french_clap_message(&help);
            assert!(help.contains("Commandes\u{202f}:"), "{help}");
            assert!(help.contains("Afficher l'aide"), "{help}");
            assert!(!help.contains("Print"), "{help}");
        }
    }
}
