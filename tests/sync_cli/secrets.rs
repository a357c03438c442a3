//! Each connection keeps its own secret: a refused connect, another client or another
//! database never reads, replaces or deletes it; secrets kept under the name of
//! before are moved on first use; credentials of another account are refused.

use twohats::domain::Platform;
use twohats::net::{ConnectionKey, SecretsStore};
use twohats::store::Store;

use super::*;

/// The secret files of a folder, their contents sorted.
fn secret_files(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    v.sort();
    v
}

/// A sync of every connection of `s`, which must go through with `token`.
fn sync_works(s: &Setup, server: &mut mockito::Server, token: &str) {
    let me = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .match_header("authorization", format!("Bearer {token}").as_str())
        .with_body(fixture("mastodon/verify_credentials.json"))
        .expect_at_least(1)
        .create();
    let _policy = policy(server);
    let empty = server
        .mock("GET", "/api/v1/notifications")
        .match_query(Matcher::Any)
        .match_header("authorization", format!("Bearer {token}").as_str())
        .with_body("[]")
        .expect_at_least(1)
        .create();
    let rows = s.json(&["sync", "--json"]);
    for r in rows.as_array().unwrap() {
        assert_eq!(r["ok"], true, "{rows}");
    }
    me.assert();
    empty.assert();
}

fn connect_as(s: &Setup, client: &str, account: Option<&str>, url: &str, token: &str) -> Output {
    let mut args = vec![
        "connect",
        "mastodon",
        "--client",
        client,
        "--server",
        url,
        "--token-stdin",
    ];
    if let Some(a) = account {
        args.extend(["--account", a]);
    }
    s.run(&args, Some(&format!("{token}\n")))
}

#[test]
fn a_refused_connect_leaves_the_other_clients_secret_alone() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    s.connect_token(&mut server);
    let before = secret_files(&s.secrets);
    assert_eq!(before.len(), 1);
    // Cafe has the same account, and one of its own.
    assert!(s.run(&["client", "add", "Cafe"], None).status.success());
    for h in ["@studio@127.0.0.1", "@cafe@127.0.0.1"] {
        let o = s.run(&["account", "add", "--client", "Cafe", "mastodon", h], None);
        assert!(o.status.success(), "{}", err(&o));
    }
    let other = "OTHER-TOKEN-scrubbed";
    let _studio = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .match_header("authorization", format!("Bearer {other}").as_str())
        .with_body(fixture("mastodon/verify_credentials.json"))
        .create();
    // The same account, already connected for Bakery.
    let o = connect_as(&s, "Cafe", Some("@studio@127.0.0.1"), &url, other);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("already connected for another client"),
        "{}",
        err(&o)
    );
    assert_eq!(secret_files(&s.secrets), before);
    // A token of @studio given for @cafe: refused, naming both.
    let o = connect_as(&s, "Cafe", Some("@cafe@127.0.0.1"), &url, other);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains(
            "@cafe@127.0.0.1: these credentials belong to @studio@127.0.0.1, not @cafe@127.0.0.1"
        ),
        "{}",
        err(&o)
    );
    assert_eq!(secret_files(&s.secrets), before);
    let conns = s.json(&["connections", "--json"]);
    assert_eq!(conns.as_array().unwrap().len(), 1, "{conns}");
    sync_works(&s, &mut server, TOKEN);
}

#[test]
fn two_databases_keep_their_own_secrets_and_old_names_move_on_first_use() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let x = Setup::new("mastodon", "@studio@127.0.0.1");
    let mut y = Setup::new("mastodon", "@studio@127.0.0.1");
    y.secrets = x.secrets.clone();
    x.connect_token(&mut server);
    let y_token = "Y-TOKEN-scrubbed";
    let _y_me = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .match_header("authorization", format!("Bearer {y_token}").as_str())
        .with_body(fixture("mastodon/verify_credentials.json"))
        .create();
    let o = connect_as(&y, "Bakery", None, &url, y_token);
    assert!(o.status.success(), "{}", err(&o));
    // Two secrets: y's connect replaced nothing of x's.
    let both = secret_files(&x.secrets);
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(both.iter().any(|f| f.contains(TOKEN)));
    assert!(both.iter().any(|f| f.contains(y_token)));

    // Disconnecting in y leaves x's secret, and x still syncs.
    let o = y.run(
        &[
            "disconnect",
            "--client",
            "Bakery",
            "--account",
            "@studio@127.0.0.1",
        ],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    let left = secret_files(&x.secrets);
    assert_eq!(left.len(), 1);
    assert!(left[0].contains(TOKEN));
    sync_works(&x, &mut server, TOKEN);

    // A secret kept under the name of before (platform, server, handle) is read, and
    // moved to the connection's own name.
    let store = Store::open(&x.db).unwrap();
    let row = store.connections(None).unwrap().remove(0);
    let own = twohats::sync::key_of(&store, &row).unwrap();
    drop(store);
    let files = SecretsStore::files_in(x.secrets.clone());
    let creds = files.get(&own).unwrap().unwrap();
    let old = ConnectionKey::new(Platform::Mastodon, &url, "@studio@127.0.0.1");
    assert_eq!(own.legacy(), Some(old.clone()));
    files.delete(&own).unwrap();
    files.put(&old, &creds).unwrap();
    assert!(files.file_path(&old).exists());
    sync_works(&x, &mut server, TOKEN);
    assert!(!files.file_path(&old).exists());
    assert!(files.file_path(&own).exists());
}

/// The reconnect hint names the client's account and the server the connection was
/// made on, so that running it works; the hinted command is run to prove it.
#[test]
fn the_reconnect_hint_is_a_command_that_works() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let s = Setup::new("mastodon", "@studio@mastodon.example");
    let _me = verify(&mut server);
    let o = connect_as(&s, "Bakery", None, &url, TOKEN);
    assert!(o.status.success(), "{}", err(&o));
    let refused = notifications(&mut server, QUERY)
        .with_status(401)
        .with_body(fixture("mastodon/error_401.json"))
        .create();
    let o = s.run(&["sync"], None);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let hint = format!(
        "twohats connect mastodon --client \"Bakery\" --account @studio@mastodon.example --server {url}`"
    );
    assert!(out(&o).contains(&hint), "{}", out(&o));
    let o = s.run(&["today"], None);
    assert!(out(&o).contains(&hint), "{}", out(&o));
    refused.remove();
    // The hint, run as given (with the token on standard input), connects again.
    let args: Vec<String> = hint
        .trim_end_matches('`')
        .split(' ')
        .skip(1)
        .map(|a| a.trim_matches('"').to_string())
        .chain(["--token-stdin".to_string()])
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = s.run(&args, Some(&format!("{TOKEN}\n")));
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(s.json(&["connections", "--json"])[0]["state"], "active");
}
