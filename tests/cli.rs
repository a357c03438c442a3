//! The command line, as scripts use it.

mod common;
// Beside this file, not a test binary of its own (cargo only takes `tests/*/main.rs`).
#[path = "cli/imports.rs"]
mod imports;

use common::{TempDb, stderr, stdout, twohats};
use imports::FIX;

#[test]
fn client_add_and_list() {
    let db = TempDb::new();
    let o = db.run(&[
        "client",
        "add",
        "Boulangerie Marcel",
        "--currency",
        "eur",
        "--timezone",
        "Europe/Paris",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Added client Boulangerie Marcel"),
        "{}",
        stdout(&o)
    );
    // --db after the subcommand works too.
    let o = twohats()
        .args(["client", "list", "--json", "--db"])
        .arg(&db.path)
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["name"], "Boulangerie Marcel");
    assert_eq!(v[0]["currency"], "EUR");
    assert_eq!(v[0]["timezone"], "Europe/Paris");
    assert_eq!(v[0]["reply_target_hours"], 4);
    assert!(v[0]["accounts"].as_array().unwrap().is_empty());
    let o = db.run(&["client", "list"]);
    assert!(
        stdout(&o).contains("Boulangerie Marcel  EUR Europe/Paris reply 4h"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn env_var_chooses_the_database() {
    let db = TempDb::new();
    let o = twohats()
        .args(["client", "add", "Via Env", "--timezone", "UTC"])
        .env("TWOHATS_DB", &db.path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&db.run(&["client", "list"])).contains("Via Env"));
}

#[test]
fn bad_input_exits_2_and_changes_nothing() {
    let db = TempDb::new();
    db.run(&["client", "add", "Keep"]);
    let before = stdout(&db.run(&["client", "list", "--json"]));
    let o = db.run(&[
        "client",
        "add",
        "New",
        "--currency",
        "EURO",
        "--timezone",
        "Mars/Base",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("currency: unknown currency \"EURO\""), "{err}");
    assert!(
        err.contains("timezone: unknown time zone \"Mars/Base\""),
        "{err}"
    );
    let o = db.run(&["client", "add", "keep"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(stdout(&db.run(&["client", "list", "--json"])), before);
    let o = db.run(&["client", "frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn demo_refuses_a_database_with_clients_unless_forced() {
    let db = TempDb::new();
    let o = db.run(&["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Loaded 4 demo clients"));
    let o = db.run(&["demo"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    db.run(&["client", "add", "Mine", "--timezone", "UTC"]);
    let o = db.run(&["demo", "--force"]);
    assert!(o.status.success());
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&db.run(&["client", "list", "--json"]))).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5, "demo replaced, mine kept");
    assert!(v.as_array().unwrap().iter().any(|c| c["name"] == "Mine"));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|c| c["accounts"].as_array().unwrap().len() == 4)
    );
}

#[test]
fn a_newer_database_is_refused_with_exit_2_and_not_modified() {
    let db = TempDb::new();
    db.run(&["client", "add", "Keep", "--timezone", "UTC"]);
    {
        let c = rusqlite::Connection::open(&db.path).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    for args in [&["client", "list"][..], &["demo", "--force"][..]] {
        let o = db.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("newer twohats") && err.contains("999"),
            "{err}"
        );
    }
    // The app without a terminal stops before it opens the database.
    let o = db.run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
}

#[test]
fn version_and_help() {
    let o = twohats().arg("--version").output().unwrap();
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("twohats "));
    let o = twohats().arg("--help").output().unwrap();
    assert!(stdout(&o).contains("--db"));
    assert!(stdout(&o).contains("client"));
}

#[test]
fn default_database_lives_in_the_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let o = twohats()
        .args(["client", "add", "Default Place", "--timezone", "UTC"])
        .env_remove("TWOHATS_DB")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let db = data.join("twohats").join("twohats.db");
    assert!(db.exists());
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
}

#[test]
fn today_text_and_json() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let o = db.run(&["today", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in [
        "posts_due",
        "posts_late",
        "inbox",
        "objectives_at_risk",
        "budget_alerts",
        "reviews_due",
    ] {
        assert!(v[key].is_array(), "{key}");
    }
    let inbox = v["inbox"].as_array().unwrap();
    assert_eq!(inbox.len(), 4);
    for i in inbox {
        for key in ["client", "pending", "overdue", "oldest_received_at"] {
            assert!(i.get(key).is_some(), "{key}");
        }
    }
    assert_eq!(
        inbox[0]["client"], "Boulangerie Marcel",
        "the most overdue first"
    );
    assert_eq!(inbox[0]["pending"], 5);
    assert_eq!(inbox[0]["overdue"], 2);
    let o = db.run(&["today"]);
    let text = stdout(&o);
    assert!(text.starts_with("Today · Nov 22, 2026"), "{text}");
    assert!(
        text.contains("Boulangerie Marcel     5 waiting, 2 late"),
        "{text}"
    );
    // A database with no client left (the demo came and went).
    let empty = TempDb::new();
    assert!(empty.run(&["demo"]).status.success());
    assert!(empty.run(&["demo", "--remove"]).status.success());
    let o = empty.run(&["today"]);
    assert!(stdout(&o).contains("Nothing needs you right now"));
}

/// French from `--lang fr`, from `LANG`, and from the `lang` setting; English back with
/// `--lang en` or `lang auto`.
#[test]
fn the_command_line_speaks_french() {
    let db = TempDb::new();
    let path = db.path.to_str().unwrap();
    let fr = |args: &[&str]| {
        twohats()
            .args(["--db", path])
            .args(args)
            .env("LANG", "fr_FR.UTF-8")
            .env("TWOHATS_NOW", "2026-11-22T08:30:00Z")
            .output()
            .unwrap()
    };
    let o = db.run(&["--lang", "fr", "client", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("aucune base twohats à"),
        "{}",
        stderr(&o)
    );
    assert!(db.run(&["demo"]).status.success());
    assert!(db.run(&["demo", "--remove"]).status.success());
    let o = db.run(&["--lang", "fr", "client", "list"]);
    assert!(
        stdout(&o).contains("Aucun client pour l'instant"),
        "{}",
        stdout(&o)
    );

    // Bad input: French message, same place (field), exit 2, nothing written.
    let o = fr(&["client", "add", "Boulangerie", "--currency", "EURO"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("currency\u{202f}: devise inconnue \"EURO\""),
        "{}",
        stderr(&o)
    );
    assert!(
        fr(&["client", "add", "Boulangerie", "--timezone", "Europe/Paris"])
            .status
            .success()
    );
    let o = fr(&["client", "list"]);
    assert!(stdout(&o).contains("réponse 4 h"), "{}", stdout(&o));
    let bad = format!("{FIX}bad_kind.csv");
    let o = fr(&["import", "inbox", &bad, "--client", "Boulangerie"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "bad_kind.csv:4:2\u{202f}: kind\u{202f}: \"shout\" n'est pas l'une des valeurs"
        ),
        "{}",
        stderr(&o)
    );
    let o = fr(&["client", "add", "boulangerie"]);
    assert!(stderr(&o).contains("existe déjà"), "{}", stderr(&o));

    // Help and clap's own errors.
    let o = fr(&["--help"]);
    let help = stdout(&o);
    assert!(o.status.success());
    for want in [
        "Utilisation\u{202f}:",
        "Commandes\u{202f}:",
        "Afficher l'aide",
        "Importer des données",
    ] {
        assert!(help.contains(want), "{want} in {help}");
    }
    assert!(!help.contains("Print help"), "{help}");
    let o = fr(&["--nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("erreur\u{202f}: argument inattendu '--nope'"),
        "{}",
        stderr(&o)
    );

    // The setting wins over the locale; the flag wins over the setting.
    let o = db.run(&["lang", "fr"]);
    assert!(
        stdout(&o).contains("Langue réglée sur français"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&db.run(&["client", "list"])).contains("réponse 4 h"));
    let o = db.run(&["lang"]);
    assert!(
        stdout(&o).contains("français (fr), d'après le réglage lang"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&db.run(&["--lang", "en", "client", "list"])).contains("reply 4h"));
    let o = db.run(&["lang", "klingon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("langue inconnue \"klingon\""),
        "{}",
        stderr(&o)
    );
    let o = db.run(&["lang", "auto"]);
    assert!(stdout(&o).contains("English here"), "{}", stdout(&o));
    assert!(stdout(&db.run(&["client", "list"])).contains("reply 4h"));
}
