//! The real binary in a terminal with a connected Mastodon account on a local server on
//! 127.0.0.1: Ctrl-r pulls the new mentions on the worker thread and the Inbox shows them.

mod common;
mod netkit;

#[path = "pty/mod.rs"]
mod pty;

use mockito::Matcher;
use twohats::domain::client::AccountDraft;
use twohats::domain::{ClientDraft, Platform};
use twohats::net::http::BaseUrl;
use twohats::net::{Credentials, SecretsStore};
use twohats::store::Store;
use twohats::sync::connect::{keep, mastodon_identity};

use common::TempDb;
use netkit::{fixture, now};

const TOKEN: &str = "ACCESS-TOKEN-scrubbed";
const QUERY: &str = "types%5B%5D=mention&types%5B%5D=quote&limit=80";

#[test]
fn ctrl_r_in_the_app_brings_new_mentions_into_the_inbox() {
    let mut server = mockito::Server::new();
    let me = server
        .mock("GET", "/api/v1/accounts/verify_credentials")
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_body(fixture("mastodon/verify_credentials.json"))
        .create();
    let db = TempDb::new();
    let secrets = db.dir.path().join("secrets");
    {
        // "Bakery" and its Mastodon account, connected with a token as `connect
        // mastodon --token-stdin` does; syncing only on the key, so Ctrl-r starts it.
        let mut store = Store::open(&db.path).unwrap();
        let client = store
            .insert_client(&ClientDraft::new("Bakery"), now())
            .unwrap();
        let account = store
            .insert_account(
                client,
                &AccountDraft {
                    platform: Platform::Mastodon,
                    handle: "@studio@127.0.0.1".into(),
                },
                now(),
            )
            .unwrap();
        store
            .set_setting(twohats::tui::live::SYNC_MINUTES, "0")
            .unwrap();
        let base = BaseUrl::parse(&server.url()).unwrap();
        let creds = Credentials::Mastodon {
            access_token: TOKEN.into(),
            client_id: None,
            client_secret: None,
        };
        let (key, profile) =
            mastodon_identity(&netkit::env(), &base, "@studio@127.0.0.1", &creds).unwrap();
        keep(
            &mut store,
            &SecretsStore::files_in(secrets.clone()),
            (client, account),
            &key,
            &creds,
            &profile,
            now(),
        )
        .unwrap();
    }
    me.assert();
    let _policy = server
        .mock("GET", "/api/v2/notifications/policy")
        .with_body(fixture("mastodon/notification_policy.json"))
        .create();
    let page = server
        .mock("GET", "/api/v1/notifications")
        .match_query(Matcher::Exact(QUERY.to_string()))
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_body(fixture("mastodon/notifications_page2.json"))
        .expect(1)
        .create();

    let mut app = pty::App::start_with(
        &db.path,
        120,
        34,
        &[("TWOHATS_SECRETS_DIR", secrets.to_str().unwrap())],
    );
    app.wait_for("Today · Nov 22, 2026");
    app.send("4");
    app.wait_for("Pending 0");
    app.send("\x12"); // Ctrl-r
    app.wait_for("Synced: @studio@127.0.0.1 2 new items");
    app.wait_for("Pending 2");
    app.wait_for("hello!");
    page.assert();
    app.send("q");
    assert!(app.wait_exit().success());
}
