//! Bluesky against a local server replaying recorded answers: sign-in, paging back to
//! a known notification, refresh rotation (one refresh across two windows), and the
//! exact records of a reply and a post with facets.

mod limits;
#[path = "../netkit/mod.rs"]
mod netkit;
mod pull;
mod refresh;
mod send;
mod session;

use std::sync::{Arc, Barrier};

use mockito::Matcher;
use netkit::{Log, env, fixture, now};
use serde_json::json;
use twohats::domain::Platform;
use twohats::domain::inbox::Kind;
use twohats::io::inbox::{Context, Format, read};
use twohats::net::bluesky::{self, Bluesky, record_key};
use twohats::net::error::{InputProblem, LengthUnit};
use twohats::net::http::BaseUrl;
use twohats::net::{
    Connection, ConnectionKey, Credentials, Cursor, IdempotencyKey, NetErrorKind, NewPost,
    Outgoing, PostRef, Published, PullLimits, ReplyTarget, Secret, SecretsStore, SecretsVault,
    Vault,
};

const DID: &str = "did:plc:studionordexample00000";
const ACCESS_1: &str = "ACCESS-JWT-scrubbed";
const REFRESH_1: &str = "REFRESH-JWT-scrubbed";
const ACCESS_2: &str = "ACCESS-JWT-2-scrubbed";
const REFRESH_2: &str = "REFRESH-JWT-2-scrubbed";
const LIST: &str = "/xrpc/app.bsky.notification.listNotifications";

fn key(server: &mockito::Server) -> ConnectionKey {
    ConnectionKey::new(Platform::Bluesky, &server.url(), "@studio-nord.example")
}

fn tokens(access: &str, refresh: &str) -> Credentials {
    Credentials::Bluesky {
        access_jwt: Secret::new(access),
        refresh_jwt: Secret::new(refresh),
    }
}

/// A vault in a temporary folder holding the first pair of tokens.
fn vault(server: &mockito::Server, dir: &tempfile::TempDir) -> Arc<SecretsVault> {
    let store = SecretsStore::files_in(dir.path().to_path_buf());
    store
        .put(&key(server), &tokens(ACCESS_1, REFRESH_1))
        .unwrap();
    Arc::new(SecretsVault::new(store, key(server)))
}

fn connect(server: &mockito::Server, vault: Arc<SecretsVault>) -> Bluesky {
    Bluesky::open(&env(), key(server), &server.url(), DID, vault).unwrap()
}

fn list(server: &mut mockito::Server, query: &str, token: &str) -> mockito::Mock {
    server
        .mock("GET", LIST)
        .match_query(Matcher::Exact(query.to_string()))
        .match_header("authorization", format!("Bearer {token}").as_str())
        .with_header("content-type", "application/json; charset=utf-8")
}

fn message(text: &str, key: &str) -> Outgoing {
    Outgoing {
        text: text.to_string(),
        language: Some("fr".into()),
        key: IdempotencyKey(key.to_string()),
        sent_at: now(),
        resume: false,
    }
}
