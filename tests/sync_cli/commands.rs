//! `disconnect` refusals and the documented shape of `connections --json`.

use super::*;

/// What the database holds and which secrets are kept: equal before and after a
/// refused command.
fn state(s: &Setup) -> String {
    let lists: String = [
        &["connections", "--json"][..],
        &["account", "list", "--json"],
        &["inbox", "list", "--status", "all", "--json"],
    ]
    .iter()
    .map(|args| out(&s.run(args, None)))
    .collect();
    let mut files: Vec<String> = std::fs::read_dir(&s.secrets)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    files.sort();
    lists + &files.join("\n")
}

#[test]
fn disconnecting_an_unknown_or_unconnected_account_exits_2_and_changes_nothing() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    let o = s.run(
        &[
            "account",
            "add",
            "--client",
            "Bakery",
            "instagram",
            "@bakery",
        ],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    s.connect_token(&mut server);
    // Nothing may reach the server: no sign-out for an account not disconnected.
    let revoke = server.mock("POST", "/oauth/revoke").expect(0).create();
    let before = state(&s);
    for (args, want) in [
        (
            &["--account", "@nobody@127.0.0.1"][..],
            "client Bakery has no account @nobody@127.0.0.1: see `twohats connections`",
        ),
        (
            &["--account", "@bakery"],
            "@bakery of Bakery is not connected: see `twohats connections`",
        ),
    ] {
        let mut all = vec!["disconnect", "--client", "Bakery"];
        all.extend_from_slice(args);
        let o = s.run(&all, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(out(&o).is_empty(), "{}", out(&o));
        assert!(err(&o).contains(want), "{args:?}: {}", err(&o));
        assert_eq!(state(&s), before);
    }
    let o = s.run(
        &[
            "--lang",
            "fr",
            "disconnect",
            "--client",
            "Bakery",
            "--account",
            "nobody",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("le client Bakery n'a pas de compte nobody\u{202f}: voyez"),
        "{}",
        err(&o)
    );
    let o = s.run(
        &["disconnect", "--client", "Nobody", "--account", "@studio"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("\"Nobody\" not found"), "{}", err(&o));
    assert_eq!(state(&s), before);
    revoke.assert();
}

/// The README lists the fields of `connections --json`: a field added or
/// renamed there or here fails this.
#[test]
fn connections_json_has_the_fields_the_readme_lists() {
    let mut server = mockito::Server::new();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let rows = s.json(&["connections", "--json"]);
    let row = rows[0].as_object().unwrap();
    let keys: Vec<&str> = row.keys().map(String::as_str).collect();

    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap()
        .replace('\n', " ");
    let start = readme
        .find("`connections --json` prints one object per connection:")
        .expect("the README documents `connections --json`");
    let sentence = &readme[start..];
    let sentence = &sentence[..sentence.find(").").map_or(sentence.len(), |i| i + 2)];
    // The field names are the backticked words outside parentheses.
    let mut depth = 0;
    let mut outside = String::new();
    for c in sentence.split_once(':').unwrap().1.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let documented: Vec<&str> = outside.split('`').skip(1).step_by(2).collect();
    let mut sorted_doc = documented.clone();
    sorted_doc.sort_unstable();
    let mut sorted_keys = keys.clone();
    sorted_keys.sort_unstable();
    assert_eq!(sorted_doc, sorted_keys, "{sentence}");
    assert_eq!(row["state"], "active");
    assert_eq!(row["platform"], "mastodon");
    assert_eq!(row["client"], "Bakery");
    assert!(row["last_sync"].is_null() && row["last_error"].is_null());
    assert!(row["id"].is_i64());
}
