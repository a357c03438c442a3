//! Mastodon against a local server replaying recorded answers: paging, incremental
//! sync, deleted statuses, unknown types, errors, rate limits, and the exact requests
//! of a reply, a post and a sign-in.

#[path = "../netkit/mod.rs"]
mod netkit;
mod pull;
mod send;

use chrono::Duration;
use mockito::Matcher;
use netkit::{Log, env, fixture, now};
use serde_json::json;
use twohats::domain::Platform;
use twohats::domain::inbox::Kind;
use twohats::io::inbox::{Context, Format, read};
use twohats::net::error::{InputProblem, NetworkFailure};
use twohats::net::http::BaseUrl;
use twohats::net::mastodon::{self, App, Mastodon};
use twohats::net::oauth::Pkce;
use twohats::net::{
    Connection, ConnectionKey, Credentials, Cursor, Filtered, IdempotencyKey, NetErrorKind,
    NewPost, Outgoing, PostRef, Profile, Published, PullLimits, ReplyTarget, Secret, SecretsStore,
    SecretsVault, Visibility,
};

const TOKEN: &str = "ACCESS-TOKEN-scrubbed";
const QUERY: &str = "types%5B%5D=mention&types%5B%5D=quote&limit=80";

fn connect(server: &mockito::Server) -> Mastodon {
    let base = BaseUrl::parse(&server.url()).unwrap();
    let key = ConnectionKey::new(
        Platform::Mastodon,
        base.as_str(),
        "@studio@mastodon.example",
    );
    let creds = Credentials::Mastodon {
        access_token: Secret::new(TOKEN),
        client_id: Some("CLIENT-ID-scrubbed".into()),
        client_secret: Some(Secret::new("CLIENT-SECRET-scrubbed")),
    };
    Mastodon::new(&env(), key, &base, creds).unwrap()
}

fn notifications(server: &mut mockito::Server, query: &str) -> mockito::Mock {
    server
        .mock("GET", "/api/v1/notifications")
        .match_query(Matcher::Exact(query.to_string()))
        .match_header("authorization", format!("Bearer {TOKEN}").as_str())
        .with_header("content-type", "application/json; charset=utf-8")
}

fn no_policy(server: &mut mockito::Server) -> (mockito::Mock, mockito::Mock) {
    (
        server
            .mock("GET", "/api/v2/notifications/policy")
            .with_status(404)
            .with_body(r#"{"error":"Record not found"}"#)
            .create(),
        server
            .mock("GET", "/api/v1/notifications/policy")
            .with_status(404)
            .with_body(r#"{"error":"Record not found"}"#)
            .create(),
    )
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
