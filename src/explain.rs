//! Errors put into words: the one renderer the edges share. The floors below return
//! typed errors (which entity, which id, which field, why) and never choose words; `cli`
//! and `tui` call [`Explain::explain`] on them and get a message in the interface's
//! language, which the edge chose once at start (`i18n::set_lang`).

use crate::demo::DemoError;
use crate::domain::client::{AccountError, ClientError};
use crate::domain::money::MoneyError;
use crate::domain::objective::ObjectiveError;
use crate::domain::strategy::CampaignError;
use crate::i18n::{self, fill, t};
use crate::io::ImportError;
use crate::store::{Conflict, Entity, StoreError};

/// An error the edges can show.
pub trait Explain {
    /// The error in the interface's language, for a status bar, a form or stderr.
    fn explain(&self) -> String;
}

impl Explain for StoreError {
    fn explain(&self) -> String {
        let s = t();
        let not_found = |what: String| fill(s.data.store_not_found, &[("what", &what)]);
        match self {
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => fill(
                s.data.store_newer_schema,
                &[
                    ("path", path),
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            StoreError::NotTwohats { path } => fill(s.data.store_not_twohats, &[("path", path)]),
            StoreError::Io { path, source } => {
                crate::i18n::format::labelled(path, &source.to_string())
            }
            StoreError::Sqlite(e) => fill(s.data.store_database, &[("e", &e.to_string())]),
            StoreError::Migration(e) => fill(s.data.store_migration, &[("e", &e.to_string())]),
            StoreError::NotFound { entity, id } => not_found(entity_id(*entity, *id)),
            StoreError::Stale { entity, id } => {
                fill(s.data.store_stale, &[("what", &entity_id(*entity, *id))])
            }
            StoreError::NoClientNamed(name) => {
                not_found(fill(s.data.nf_client_named, &[("id", name)]))
            }
            StoreError::UnknownTrashKind { kind, known } => not_found(fill(
                s.data.nf_trash_kind,
                &[("kind", kind), ("list", &known.join(", "))],
            )),
            StoreError::NotInTrash { kind, id } => not_found(fill(
                s.data.nf_trash_row,
                &[("kind", kind), ("id", &id.to_string())],
            )),
            StoreError::Conflict(c) => c.explain(),
            StoreError::Unreadable { what } => fill(s.data.store_unexpected, &[("what", what)]),
            StoreError::File(p) => p.explain(),
        }
    }
}

/// `post 12`, `client 3`, `target 5`: a row named by its kind and id.
fn entity_id(entity: Entity, id: i64) -> String {
    let s = t();
    let template = match entity {
        Entity::Client => s.data.nf_client,
        Entity::Account => s.data.nf_account,
        Entity::Post => s.data.nf_post,
        Entity::InboxItem => s.data.nf_inbox_item,
        Entity::SavedReply => s.data.nf_saved_reply,
        Entity::Tone => s.data.nf_tone,
        Entity::Strategy(part) => return format!("{} {id}", i18n::part_name(part)),
    };
    fill(template, &[("id", &id.to_string())])
}

impl Explain for Conflict {
    fn explain(&self) -> String {
        let s = t();
        match self {
            Conflict::ClientName(name) => fill(s.data.conflict_client_name, &[("name", name)]),
            Conflict::Account { platform, handle } => fill(
                s.data.conflict_account,
                &[("platform", platform.name()), ("handle", handle)],
            ),
            Conflict::AccountCreatedSince => s.data.conflict_account_since.to_string(),
            Conflict::FileExists(path) => fill(s.data.conflict_file_exists, &[("path", path)]),
            Conflict::TrashedRowTaken { kind, id } => fill(
                s.data.conflict_trash,
                &[("kind", kind), ("id", &id.to_string())],
            ),
            Conflict::Connection { handle } => {
                fill(s.live.conflict_connection, &[("handle", handle)])
            }
        }
    }
}

impl Explain for DemoError {
    fn explain(&self) -> String {
        match self {
            DemoError::NotEmpty(n) => t().cli.cli_demo_refused.n(*n as usize),
            DemoError::Store(e) => e.explain(),
        }
    }
}

/// `file:line: field: what`, worded by the importer as it read the file.
impl Explain for ImportError {
    fn explain(&self) -> String {
        self.to_string()
    }
}

impl Explain for crate::files::Problem {
    fn explain(&self) -> String {
        i18n::files::file_problem(self)
    }
}

impl Explain for MoneyError {
    fn explain(&self) -> String {
        i18n::money_error(self)
    }
}

impl Explain for ClientError {
    fn explain(&self) -> String {
        i18n::client_error(self)
    }
}

impl Explain for AccountError {
    fn explain(&self) -> String {
        i18n::account_error(self)
    }
}

impl Explain for ObjectiveError {
    fn explain(&self) -> String {
        i18n::objective_error(*self)
    }
}

impl Explain for CampaignError {
    fn explain(&self) -> String {
        i18n::campaign_error(*self)
    }
}

impl Explain for crate::net::NetError {
    fn explain(&self) -> String {
        explain_net(self, t().live.net_reconnect_generic)
    }
}

/// What broke, for a send that may have gone out.
fn network_detail(e: &crate::sync::SyncError) -> String {
    match e {
        crate::sync::SyncError::Net { error, .. } => match error.kind {
            crate::net::NetErrorKind::Network { detail } => network_failure(detail).to_string(),
            _ => e.explain(),
        },
        _ => e.explain(),
    }
}

fn network_failure(detail: crate::net::error::NetworkFailure) -> &'static str {
    use crate::net::error::NetworkFailure as F;
    let i = match detail {
        F::Dns => 0,
        F::Connect => 1,
        F::Timeout => 2,
        F::Tls => 3,
        F::Io => 4,
        F::TooLarge => 5,
        F::Redirect => 6,
        F::Insecure => 7,
    };
    t().live.net_failures[i]
}

/// A failed sign-in in words: like any connection error, but a server that cannot be
/// reached is to be tried again by hand (there is no sync to catch up).
pub fn explain_connect(e: &crate::net::NetError) -> String {
    match e.kind {
        crate::net::NetErrorKind::Network { detail } => fill(
            t().live.net_network_connect,
            &[("account", &e.account), ("detail", network_failure(detail))],
        ),
        _ => e.explain(),
    }
}

/// A connection's error in words; `todo` says how to connect again when that is what
/// it needs.
fn explain_net(e: &crate::net::NetError, todo: &str) -> String {
    use crate::net::error::{InputProblem, LengthUnit, UrlProblem};
    use crate::net::{NetErrorKind as K, SecretsError};
    let s = t();
    let a = e.account.as_str();
    let with = |template: &str, more: &[(&str, &str)]| {
        let mut v = vec![("account", a), ("todo", todo)];
        v.extend_from_slice(more);
        fill(template, &v)
    };
    match &e.kind {
        K::Unauthorized | K::TokenExpired => with(s.live.net_unauthorized, &[]),
        K::NoCredentials => with(s.live.net_no_credentials, &[]),
        K::RateLimited { until: Some(t) } => with(
            s.live.net_rate_limited,
            &[("time", &t.format("%Y-%m-%d %H:%M UTC").to_string())],
        ),
        K::RateLimited { until: None } => with(s.live.net_rate_limited_later, &[]),
        K::Validation { message, .. } => with(s.live.net_validation, &[("message", message)]),
        K::Forbidden { message } => with(s.live.net_forbidden, &[("message", message)]),
        K::NotFound => with(s.live.net_not_found, &[]),
        K::Network { detail } => with(s.live.net_network, &[("detail", network_failure(*detail))]),
        K::Server { status, message } => with(
            s.live.net_server,
            &[("status", &status.to_string()), ("message", message)],
        ),
        K::Decode { endpoint, detail } => with(
            s.live.net_decode,
            &[("endpoint", endpoint), ("detail", detail)],
        ),
        K::BadUrl { url, reason } => {
            let template = match reason {
                UrlProblem::NotHttps => s.live.net_bad_url,
                UrlProblem::Malformed => s.live.net_bad_url_malformed,
            };
            fill(template, &[("url", url)])
        }
        K::BadInput(p) => match p {
            InputProblem::EmptyText => with(s.live.net_empty_text, &[]),
            InputProblem::TooLong { count, limit, unit } => {
                let unit = match unit {
                    LengthUnit::Graphemes => s.live.net_units[0],
                    LengthUnit::Bytes => s.live.net_units[1],
                };
                with(
                    s.live.net_too_long,
                    &[
                        ("count", &count.to_string()),
                        ("limit", &limit.to_string()),
                        ("unit", unit),
                    ],
                )
            }
            InputProblem::ScheduleTooSoon { earliest } => with(
                s.live.net_schedule_too_soon,
                &[("time", &earliest.format("%Y-%m-%d %H:%M UTC").to_string())],
            ),
            InputProblem::WrongPlatform => with(s.live.net_wrong_platform, &[]),
            InputProblem::NotAppPassword => with(s.live.net_not_app_password, &[]),
            InputProblem::NoServer => with(s.live.net_no_server, &[]),
            InputProblem::BadSignIn => with(s.live.net_bad_sign_in, &[]),
            InputProblem::OtherAccount { answered } => {
                with(s.live.net_other_account, &[("answered", answered)])
            }
        },
        K::Unsupported => with(s.live.net_unsupported, &[]),
        K::Secrets(se) => {
            let detail = match se {
                SecretsError::NoConfigDir => s.live.net_secrets_details[0].to_string(),
                SecretsError::Keyring => s.live.net_secrets_details[1].to_string(),
                SecretsError::Corrupt { path } => {
                    format!("{}: {}", path.display(), s.live.net_secrets_details[2])
                }
                SecretsError::Io { path, kind } => format!("{}: {kind}", path.display()),
                SecretsError::Lock { detail } => detail.clone(),
            };
            with(s.live.net_secrets, &[("detail", &detail)])
        }
    }
}

impl Explain for crate::sync::SyncError {
    fn explain(&self) -> String {
        use crate::sync::SyncError as E;
        let s = t();
        let reconnect = |who: &crate::sync::Who| {
            fill(
                s.live.net_reconnect,
                &[
                    ("platform", who.platform.key()),
                    ("client", &who.client),
                    ("account", &who.account),
                    ("args", &who.reconnect),
                ],
            )
        };
        match self {
            E::Net { who, error } => explain_net(error, &reconnect(who)),
            E::BadProfile { who } => fill(
                s.live.sync_bad_profile,
                &[("account", &who.account), ("todo", &reconnect(who))],
            ),
            E::NotConnected { who } => fill(
                s.live.cli_no_connection,
                &[("account", &who.account), ("client", &who.client)],
            ),
            E::NoReplyTarget { item } => fill(s.live.sync_no_target, &[("id", &item.to_string())]),
            E::Store(e) => e.explain(),
        }
    }
}

/// One step of a publish, a hold or a keep-in-step, in words (the command line prints
/// them, the app shows them in its status line).
pub fn publish_step(st: &crate::sync::PublishStep) -> String {
    use crate::domain::text::sanitize_line;
    use crate::sync::StepKind;
    let s = t();
    let id = st.post.to_string();
    let client = sanitize_line(&st.client);
    let account = sanitize_line(&st.account);
    let base = [
        ("id", id.as_str()),
        ("client", client.as_str()),
        ("account", account.as_str()),
    ];
    let with = |template: &str, more: &[(&str, &str)]| {
        let mut v = base.to_vec();
        v.extend_from_slice(more);
        fill(template, &v)
    };
    let time = |t: &chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    match &st.what {
        StepKind::Sent { url, resumed } => {
            let sent = with(s.live.publish_sent, &[("url", &sanitize_line(url))]);
            if *resumed {
                format!("{}\n{sent}", with(s.live.publish_resumed, &[]))
            } else {
                sent
            }
        }
        StepKind::Held { at } => with(s.live.publish_held, &[("time", &time(at))]),
        StepKind::HeldOut => with(s.live.publish_held_out, &[]),
        StepKind::Moved { at } => with(s.live.publish_moved, &[("time", &time(at))]),
        StepKind::Withdrawn => with(s.live.publish_withdrawn, &[]),
        StepKind::Failed(e) => with(s.live.publish_failed, &[("error", &e.explain())]),
        StepKind::NotConnected => with(s.live.publish_not_connected, &[]),
        StepKind::UnknownOutcome => with(s.live.publish_unknown_outcome, &[]),
        StepKind::WouldPublish => with(s.live.publish_dry, &[("accounts", &account)]),
        StepKind::MaybeSent(e) => {
            with(s.live.publish_maybe_sent, &[("detail", &network_detail(e))])
        }
        StepKind::WouldRefuse(e) => with(s.live.publish_dry_refused, &[("error", &e.explain())]),
    }
}

impl Explain for crate::sync::connect::KeepError {
    fn explain(&self) -> String {
        match self {
            crate::sync::connect::KeepError::Net(e) => e.explain(),
            crate::sync::connect::KeepError::Store(e) => e.explain(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;
    use crate::domain::strategy::Part;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn store_errors_in_both_languages() {
        let e = StoreError::NotFound {
            entity: Entity::Post,
            id: 12,
        };
        assert_eq!(e.explain(), "post 12 not found");
        assert_eq!(
            with_lang(Lang::Fr, || e.explain()),
            "publication 12 introuvable"
        );
        let e = StoreError::NotFound {
            entity: Entity::Strategy(Part::Target),
            id: 5,
        };
        assert!(e.explain().ends_with(" 5 not found"), "{}", e.explain());
        let e = StoreError::Stale {
            entity: Entity::Client,
            id: 3,
        };
        assert_eq!(
            e.explain(),
            "client 3 changed elsewhere (another window or a command) since it was read: \
             nothing was written over it; read it again and retry"
        );
        assert!(
            with_lang(Lang::Fr, || e.explain()).starts_with("client 3 a changé ailleurs"),
            "{}",
            with_lang(Lang::Fr, || e.explain())
        );
        assert!(e.is_bad_input());
        let e = StoreError::NoClientNamed("Nobody".into());
        assert_eq!(e.explain(), "client \"Nobody\" not found");
        let e = StoreError::Conflict(Conflict::Account {
            platform: Platform::Instagram,
            handle: "@a".into(),
        });
        assert!(e.explain().contains("@a"), "{}", e.explain());
        assert!(e.is_bad_input());
        let e = StoreError::NewerSchema {
            path: "f.db".into(),
            found: 999,
            supported: 12,
        };
        assert!(e.explain().contains("newer twohats"), "{}", e.explain());
        let e = StoreError::Unreadable { what: "platform" };
        assert_eq!(e.explain(), "unexpected platform in the database");
        assert!(!e.is_bad_input());
    }

    #[test]
    fn domain_errors_in_both_languages() {
        assert_eq!(
            MoneyError::TooManyDecimals(2).explain(),
            "at most 2 decimals for this currency"
        );
        assert_eq!(
            with_lang(Lang::Fr, || MoneyError::Empty.explain()),
            "un montant est obligatoire"
        );
        assert_eq!(
            DemoError::Store(StoreError::NotTwohats { path: "x".into() }).explain(),
            "x: not a twohats database; it was not modified"
        );
    }
}
