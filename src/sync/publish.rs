//! Sending due posts (`publish --due`), holding posts on the server (Mastodon
//! `scheduled_at`) and keeping them in step when the post moves or goes.
//!
//! Never twice: a post is marked `publishing`, and each of its sends `sending` with its
//! idempotency key and first time, in a transaction committed before anything goes out.
//! A send found `sending` (the app stopped between sending and recording) is sent again
//! only as the same send: the same `Idempotency-Key` within the hour Mastodon keeps it,
//! the same record key on Bluesky (checked first); past the hour on Mastodon it is not
//! sent again and the user is asked to look.

use chrono::{DateTime, Duration, Utc};

use super::{SyncEnv, SyncError, Who, open_connection, store_failure};
use crate::domain::Platform;
use crate::domain::post::{Post, PostId, PostStatus};
use crate::net::{IdempotencyKey, NetErrorKind, NewPost, Outgoing, Published};
use crate::store::{ConnectionRow, SendOutcome, SendRow, SendState, Store, StoreError};

/// How long Mastodon remembers an `Idempotency-Key`.
const MASTODON_KEY_KEPT: Duration = Duration::hours(1);

/// What happened to one post on one account.
#[derive(Debug)]
pub struct PublishStep {
    pub post: PostId,
    pub client: String,
    /// The handle (for `WouldPublish`, the handles joined).
    pub account: String,
    pub what: StepKind,
}

#[derive(Debug)]
pub enum StepKind {
    /// Out now, at this address; `resumed`: sent again as the same send after a stop.
    Sent {
        url: String,
        resumed: bool,
    },
    /// Held on the server until `at`.
    Held {
        at: DateTime<Utc>,
    },
    /// A held post whose time passed: the server published it.
    HeldOut,
    /// A held post moved on the server.
    Moved {
        at: DateTime<Utc>,
    },
    /// A held post withdrawn from the server (deleted or cancelled).
    Withdrawn,
    Failed(SyncError),
    /// The account has no connection: nothing sent there.
    NotConnected,
    /// Stopped while sending too long ago to send again safely: not sent again.
    UnknownOutcome,
    /// `--dry-run`: would be sent on these accounts.
    WouldPublish,
    /// The request went but no answer came (the connection broke): it may have gone
    /// out. The send stays `sending`: the next run sends it again as the same send,
    /// which the server recognizes if it has it.
    MaybeSent(SyncError),
    /// `--dry-run`: would not be sent on this account (too long, not signed in...).
    WouldRefuse(SyncError),
}

#[derive(Debug, Default)]
pub struct PublishReport {
    pub steps: Vec<PublishStep>,
}

impl PublishReport {
    /// Any step failed or could not be sent.
    pub fn has_failures(&self) -> bool {
        self.steps.iter().any(|s| {
            matches!(
                s.what,
                StepKind::Failed(_)
                    | StepKind::MaybeSent(_)
                    | StepKind::UnknownOutcome
                    | StepKind::NotConnected
                    | StepKind::WouldRefuse(_)
            )
        })
    }
}

/// The text a post goes out with: its body, and its link when the body lacks it.
pub fn post_text(p: &Post) -> String {
    let body = p.body.trim();
    let link = p.link.trim();
    if link.is_empty() || body.contains(link) {
        body.to_string()
    } else if body.is_empty() {
        link.to_string()
    } else {
        format!("{body}\n\n{link}")
    }
}

/// The idempotency key of a post's send to an account: from what identifies the send
/// (the post, the account, the text), never from the time of the attempt.
pub fn send_key(p: &Post, account: i64) -> String {
    IdempotencyKey::derive(&[
        "post",
        &p.id.to_string(),
        &account.to_string(),
        &post_text(p),
    ])
    .0
}

/// The accounts of a post with their connections (`None`: not connected).
fn targets(
    store: &Store,
    p: &Post,
) -> Result<Vec<(i64, String, Option<ConnectionRow>)>, StoreError> {
    let mut out = Vec::new();
    for a in &p.accounts {
        let Some(acc) = store.live_account(*a)? else {
            continue;
        };
        out.push((
            acc.id,
            acc.handle.clone(),
            store.connection_of_account(acc.id)?,
        ));
    }
    Ok(out)
}

/// Sends every post of `client` (or of all) that is `scheduled` and due at `now` on its
/// connected accounts, after finishing any left `publishing` by a stop. `dry_run`:
/// says what would go out and changes nothing.
pub fn publish_due(
    store: &mut Store,
    env: &SyncEnv,
    now: DateTime<Utc>,
    client: Option<i64>,
    dry_run: bool,
) -> Result<PublishReport, StoreError> {
    let names = super::client_names(store)?;
    let mut report = PublishReport::default();
    if !dry_run {
        for s in store.sends_in_state(SendState::Held)? {
            if let Some(p) = store
                .post(s.post_id)
                .ok()
                .filter(|p| client.is_none_or(|c| c == p.client_id))
            {
                let name = names.get(&p.client_id).cloned().unwrap_or_default();
                report
                    .steps
                    .extend(keep_in_step(store, env, &p, &name, &s, now)?);
            }
        }
    }
    let left = store.posts_in_status(PostStatus::Publishing, client, None)?;
    let due = store.posts_in_status(PostStatus::Scheduled, client, Some(now))?;
    for p in left.into_iter().chain(due) {
        let name = names.get(&p.client_id).cloned().unwrap_or_default();
        publish_post(store, env, &p, &name, now, dry_run, &mut report)?;
    }
    Ok(report)
}

/// Whether "publish now" may send a post: not one already out, cancelled or an idea.
pub fn can_publish_now(status: PostStatus) -> bool {
    matches!(
        status,
        PostStatus::Draft
            | PostStatus::Ready
            | PostStatus::Scheduled
            | PostStatus::Failed
            | PostStatus::Publishing
    )
}

/// Sends one post now on its connected accounts, whatever its time (the app's "publish
/// now"), with the same care as [`publish_due`]: marked `publishing` first, each send
/// recorded, never sent twice. A post that may not be sent
/// ([`can_publish_now`]) is left as it is.
pub fn publish_now(
    store: &mut Store,
    env: &SyncEnv,
    post: PostId,
    now: DateTime<Utc>,
) -> Result<PublishReport, StoreError> {
    let p = store.post(post)?;
    let mut report = PublishReport::default();
    if !can_publish_now(p.status) {
        return Ok(report);
    }
    let name = super::client_names(store)?
        .get(&p.client_id)
        .cloned()
        .unwrap_or_default();
    publish_post(store, env, &p, &name, now, false, &mut report)?;
    Ok(report)
}

fn step(p: &Post, client: &str, account: &str, what: StepKind) -> PublishStep {
    PublishStep {
        post: p.id,
        client: client.to_string(),
        account: account.to_string(),
        what,
    }
}

fn publish_post(
    store: &mut Store,
    env: &SyncEnv,
    p: &Post,
    client: &str,
    now: DateTime<Utc>,
    dry_run: bool,
    report: &mut PublishReport,
) -> Result<(), StoreError> {
    let targets = targets(store, p)?;
    let sends = store.post_sends(p.id)?;
    let send_of = |a: i64| sends.iter().find(|s| s.account_id == a);
    let mut to_send = Vec::new();
    for (account, handle, conn) in &targets {
        match (send_of(*account).map(|s| s.state), conn) {
            (Some(SendState::Sent), _) => {}
            (Some(SendState::Held), _) if dry_run => {}
            (Some(SendState::Held), _) => {
                // Its time has passed: the server published it.
                let key = send_of(*account)
                    .map(|s| s.attempt_key.clone())
                    .unwrap_or_default();
                store.record_send(
                    p.id,
                    *account,
                    &key,
                    &SendOutcome::Sent {
                        id: String::new(),
                        url: String::new(),
                    },
                    now,
                )?;
                report
                    .steps
                    .push(step(p, client, handle, StepKind::HeldOut));
            }
            (_, None) => report
                .steps
                .push(step(p, client, handle, StepKind::NotConnected)),
            (_, Some(c)) => to_send.push((*account, handle.clone(), c.clone())),
        }
    }
    if dry_run {
        // What the platform would refuse is said now, without sending anything.
        let text = post_text(p);
        let mut handles: Vec<&str> = Vec::new();
        for (_, handle, conn) in &to_send {
            let who = Who::of(conn, client);
            let checked = open_connection(store, env, conn, &who, now).and_then(|mut c| {
                c.check_text(&text)
                    .map_err(|e| SyncError::from((who.clone(), e)))
            });
            match checked {
                Ok(()) => handles.push(handle),
                Err(SyncError::Store(e)) => return Err(e),
                Err(e) => report
                    .steps
                    .push(step(p, client, handle, StepKind::WouldRefuse(e))),
            }
        }
        if !handles.is_empty() {
            report
                .steps
                .push(step(p, client, &handles.join(", "), StepKind::WouldPublish));
        }
        return Ok(());
    }
    // Sends an earlier run left `sending` (it stopped before recording what came of
    // them): only these are sent again as the same send, and said so.
    let left_behind: Vec<i64> = sends
        .iter()
        .filter(|s| s.state == SendState::Sending)
        .map(|s| s.account_id)
        .collect();
    if p.status != PostStatus::Publishing {
        if to_send.is_empty() && targets.iter().all(|(_, _, c)| c.is_none()) {
            // Nothing connected: the post stays as it is, for the user to send.
            return Ok(());
        }
        let keys: Vec<(i64, String)> = to_send
            .iter()
            .map(|(a, _, _)| (*a, send_key(p, *a)))
            .collect();
        store.begin_publishing(p.id, p.version, p.status, &keys, now)?;
    }
    let sends = store.post_sends(p.id)?;
    for (account, handle, conn) in &to_send {
        let Some(s) = sends.iter().find(|s| s.account_id == *account) else {
            continue;
        };
        let who = Who::of(conn, client);
        let resume = left_behind.contains(account);
        let kind = send_one(store, env, p, (s, resume), conn, &who, now)?;
        report.steps.push(step(p, client, handle, kind));
    }
    finish(store, p.id)
}

/// Sends one post to one account as the send `s` recorded, and records what came of it;
/// `resume`: an earlier run left the send `sending`.
fn send_one(
    store: &mut Store,
    env: &SyncEnv,
    p: &Post,
    (s, resume): (&SendRow, bool),
    conn_row: &ConnectionRow,
    who: &Who,
    now: DateTime<Utc>,
) -> Result<StepKind, StoreError> {
    if resume && conn_row.platform == Platform::Mastodon && now - s.attempt_at > MASTODON_KEY_KEPT {
        store.record_send(
            p.id,
            s.account_id,
            &s.attempt_key,
            &SendOutcome::Failed {
                error: "unknown_outcome".into(),
            },
            now,
        )?;
        return Ok(StepKind::UnknownOutcome);
    }
    let post = NewPost {
        message: Outgoing {
            text: post_text(p),
            language: None,
            key: IdempotencyKey(s.attempt_key.clone()),
            sent_at: s.attempt_at,
            resume,
        },
        schedule_at: None,
    };
    let sent = open_connection(store, env, conn_row, who, now).and_then(|mut c| {
        c.publish(&post)
            .map_err(|e| SyncError::from((who.clone(), e)))
    });
    let (outcome, kind) = match sent {
        Ok(Published::Posted { post, .. }) => (
            SendOutcome::Sent {
                id: post.id,
                url: post.url.clone(),
            },
            StepKind::Sent {
                url: post.url,
                resumed: resume,
            },
        ),
        Ok(Published::Scheduled { id, at }) => {
            (SendOutcome::Held { id, at }, StepKind::Held { at })
        }
        Err(SyncError::Store(e)) => return Err(e),
        Err(e) if matches!(&e, SyncError::Net { error, .. } if error.may_have_arrived()) => {
            // Left `sending`, as after a stop: only a send as the same one may follow.
            store_failure(store, conn_row.id, &e, now).map_err(into_store)?;
            return Ok(StepKind::MaybeSent(e));
        }
        Err(e) => {
            store_failure(store, conn_row.id, &e, now).map_err(into_store)?;
            (
                SendOutcome::Failed {
                    error: e.kind_key().to_string(),
                },
                StepKind::Failed(e),
            )
        }
    };
    store.record_send(p.id, s.account_id, &s.attempt_key, &outcome, now)?;
    Ok(kind)
}

fn into_store(e: SyncError) -> StoreError {
    match e {
        SyncError::Store(e) => e,
        // `store_failure` returns only store errors.
        _ => StoreError::Unreadable { what: "sync" },
    }
}

/// Ends a post's publishing from its sends: published (with the first address) when
/// none failed and none is still sending, failed when one failed.
fn finish(store: &mut Store, post: PostId) -> Result<(), StoreError> {
    let sends = store.post_sends(post)?;
    if sends.iter().any(|s| s.state == SendState::Sending) {
        return Ok(());
    }
    let status = if sends.iter().any(|s| s.state == SendState::Failed) {
        PostStatus::Failed
    } else {
        PostStatus::Published
    };
    let url = sends
        .iter()
        .filter_map(|s| s.remote_url.as_deref())
        .find(|u| !u.is_empty());
    store.finish_publishing(post, status, url)?;
    Ok(())
}

/// Holds a scheduled post on the servers of its accounts that can (Mastodon, 5 minutes
/// ahead at least), so it goes out while the computer sleeps. Accounts that cannot are
/// left to `publish --due`.
pub fn hold_on_server(
    store: &mut Store,
    env: &SyncEnv,
    post: PostId,
    now: DateTime<Utc>,
) -> Result<Vec<PublishStep>, StoreError> {
    let p = store.post(post)?;
    let client = super::client_names(store)?
        .get(&p.client_id)
        .cloned()
        .unwrap_or_default();
    let mut steps = Vec::new();
    let (Some(at), PostStatus::Scheduled) = (p.at, p.status) else {
        return Ok(steps);
    };
    let sends = store.post_sends(p.id)?;
    for (account, handle, conn) in targets(store, &p)? {
        let Some(row) = conn else { continue };
        if sends.iter().any(|s| s.account_id == account) {
            continue;
        }
        let who = Who::of(&row, &client);
        let key = send_key(&p, account);
        let new = NewPost {
            message: Outgoing {
                text: post_text(&p),
                language: None,
                key: IdempotencyKey(key.clone()),
                sent_at: now,
                resume: false,
            },
            schedule_at: Some(at),
        };
        let held = open_connection(store, env, &row, &who, now).and_then(|mut c| {
            if !c.can_schedule() {
                return Ok(None);
            }
            c.publish(&new)
                .map(Some)
                .map_err(|e| SyncError::from((who.clone(), e)))
        });
        match held {
            Ok(None) => {}
            Ok(Some(Published::Scheduled { id, at })) => {
                store.record_send(p.id, account, &key, &SendOutcome::Held { id, at }, now)?;
                steps.push(step(&p, &client, &handle, StepKind::Held { at }));
            }
            Ok(Some(Published::Posted { post: sent, .. })) => {
                // The server published at once (GoToSocial before 0.20).
                store.record_send(
                    p.id,
                    account,
                    &key,
                    &SendOutcome::Sent {
                        id: sent.id,
                        url: sent.url.clone(),
                    },
                    now,
                )?;
                steps.push(step(
                    &p,
                    &client,
                    &handle,
                    StepKind::Sent {
                        url: sent.url,
                        resumed: false,
                    },
                ));
            }
            Err(SyncError::Store(e)) => return Err(e),
            Err(e) => steps.push(step(&p, &client, &handle, StepKind::Failed(e))),
        }
    }
    Ok(steps)
}

/// Keeps a post's held copies in step with it: withdrawn when the post is deleted or no
/// longer scheduled, moved when its time changed.
pub fn keep_held_in_step(
    store: &mut Store,
    env: &SyncEnv,
    post: PostId,
    now: DateTime<Utc>,
) -> Result<Vec<PublishStep>, StoreError> {
    let p = store.post(post)?;
    let client = super::client_names(store)?
        .get(&p.client_id)
        .cloned()
        .unwrap_or_default();
    let mut steps = Vec::new();
    for s in store
        .post_sends(post)?
        .into_iter()
        .filter(|s| s.state == SendState::Held)
    {
        steps.extend(keep_in_step(store, env, &p, &client, &s, now)?);
    }
    Ok(steps)
}

fn keep_in_step(
    store: &mut Store,
    env: &SyncEnv,
    p: &Post,
    client: &str,
    s: &SendRow,
    now: DateTime<Utc>,
) -> Result<Option<PublishStep>, StoreError> {
    let (Some(id), Some(held_at)) = (s.remote_id.clone(), s.held_at) else {
        return Ok(None);
    };
    let Some(row) = store.connection_of_account(s.account_id)? else {
        return Ok(None);
    };
    let who = Who::of(&row, client);
    let live = store
        .live_post(p.id)?
        .filter(|p| p.status == PostStatus::Scheduled);
    let want = live.as_ref().and_then(|p| p.at);
    if want == Some(held_at) || (want.is_some() && held_at <= now) {
        return Ok(None);
    }
    let result = open_connection(store, env, &row, &who, now).and_then(|mut c| match want {
        None => match c.unschedule(&id) {
            Ok(()) => Ok(None),
            Err(e) if e.kind == NetErrorKind::NotFound => Ok(None),
            Err(e) => Err(SyncError::from((who.clone(), e))),
        },
        Some(at) => c
            .reschedule(&id, at)
            .map(Some)
            .map_err(|e| SyncError::from((who.clone(), e))),
    });
    let what = match result {
        Ok(None) => {
            store.delete_send(p.id, s.account_id)?;
            StepKind::Withdrawn
        }
        Ok(Some(Published::Scheduled { id, at })) => {
            store.record_send(
                p.id,
                s.account_id,
                &s.attempt_key,
                &SendOutcome::Held { id, at },
                now,
            )?;
            StepKind::Moved { at }
        }
        Ok(Some(Published::Posted { post, .. })) => {
            store.record_send(
                p.id,
                s.account_id,
                &s.attempt_key,
                &SendOutcome::Sent {
                    id: post.id,
                    url: post.url.clone(),
                },
                now,
            )?;
            StepKind::Sent {
                url: post.url,
                resumed: false,
            }
        }
        Err(SyncError::Store(e)) => return Err(e),
        Err(e) => StepKind::Failed(e),
    };
    Ok(Some(step(p, client, &row.handle, what)))
}
