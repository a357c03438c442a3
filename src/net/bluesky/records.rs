//! Posts and replies: `com.atproto.repo.createRecord` of an `app.bsky.feed.post`, with
//! facets, under a record key derived from the send itself so that a retry after a
//! crash finds the post already made instead of making a second one.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

use super::facets::{SpanKind, detect};
use super::{Bluesky, permalink};
use crate::net::error::{InputProblem, LengthUnit, NetError, NetErrorKind};
use crate::net::http::Query;
use crate::net::{Outgoing, Sent};

/// A post's text limits.
pub const MAX_GRAPHEMES: usize = 300;
pub const MAX_BYTES: usize = 3000;

const COLLECTION: &str = "app.bsky.feed.post";

const BASE32_SORTABLE: &[u8; 32] = b"234567abcdefghijklmnopqrstuvwxyz";

/// A record key in the TID format: 53 bits of microseconds since the epoch and a
/// 10-bit clock id, in 13 sortable base-32 characters.
pub fn tid(at: DateTime<Utc>, clock_id: u16) -> String {
    let micros = u64::try_from(at.timestamp_micros()).unwrap_or(0) & ((1 << 53) - 1);
    let v = (micros << 10) | u64::from(clock_id & 0x3ff);
    (0..13)
        .map(|i| {
            let shift = 60 - 5 * i;
            char::from(BASE32_SORTABLE[((v >> shift) & 31) as usize])
        })
        .collect()
}

/// The record key of a send: its first attempt's time and a clock id from its key,
/// the same on every attempt.
pub fn record_key(msg: &Outgoing) -> String {
    let h = Sha256::digest(msg.key.as_str().as_bytes());
    tid(msg.sent_at, u16::from_be_bytes([h[0], h[1]]))
}

pub(super) fn check_length(b: &Bluesky, text: &str) -> Result<(), NetError> {
    let too_long = |count, limit, unit| {
        b.api.err(NetErrorKind::BadInput(InputProblem::TooLong {
            count,
            limit,
            unit,
        }))
    };
    if text.trim().is_empty() {
        return Err(b.api.err(NetErrorKind::BadInput(InputProblem::EmptyText)));
    }
    let graphemes = text.graphemes(true).count();
    if graphemes > MAX_GRAPHEMES {
        return Err(too_long(graphemes, MAX_GRAPHEMES, LengthUnit::Graphemes));
    }
    if text.len() > MAX_BYTES {
        return Err(too_long(text.len(), MAX_BYTES, LengthUnit::Bytes));
    }
    Ok(())
}

/// `com.atproto.identity.resolveHandle`; `None` when the handle resolves to nobody
/// (the mention then stays plain text, as in Bluesky's own app).
fn resolve(b: &mut Bluesky, handle: &str) -> Result<Option<String>, NetError> {
    #[derive(Deserialize)]
    struct Resolved {
        did: String,
    }
    const EP: &str = "/xrpc/com.atproto.identity.resolveHandle";
    let path = format!("{EP}{}", Query::new().add("handle", handle).render());
    match b.get(&path) {
        Ok(resp) => Ok(Some(b.api.decode::<Resolved>(&resp, EP)?.did)),
        Err(NetError {
            kind: NetErrorKind::Validation { .. } | NetErrorKind::NotFound,
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The facets of `text`, mentions resolved to DIDs.
pub(super) fn facets(b: &mut Bluesky, text: &str) -> Result<Vec<Value>, NetError> {
    let mut out = Vec::new();
    for span in detect(text) {
        let feature = match span.kind {
            SpanKind::Link(uri) => json!({ "$type": "app.bsky.richtext.facet#link", "uri": uri }),
            SpanKind::Tag(tag) => json!({ "$type": "app.bsky.richtext.facet#tag", "tag": tag }),
            SpanKind::Mention(handle) => match resolve(b, &handle)? {
                Some(did) => json!({ "$type": "app.bsky.richtext.facet#mention", "did": did }),
                None => continue,
            },
        };
        out.push(json!({
            "index": { "byteStart": span.start, "byteEnd": span.end },
            "features": [feature],
        }));
    }
    Ok(out)
}

#[derive(Deserialize)]
struct Created {
    uri: String,
}

/// The post a previous attempt made, if it went through.
fn already_made(b: &mut Bluesky, rkey: &str) -> Result<Option<String>, NetError> {
    const EP: &str = "/xrpc/com.atproto.repo.getRecord";
    let q = Query::new()
        .add("repo", b.did.as_str())
        .add("collection", COLLECTION)
        .add("rkey", rkey);
    match b.get(&format!("{EP}{}", q.render())) {
        Ok(resp) => Ok(Some(b.api.decode::<Created>(&resp, EP)?.uri)),
        Err(NetError {
            kind: NetErrorKind::Validation { .. } | NetErrorKind::NotFound,
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Creates the post (a reply when `reply` holds its root and parent).
pub(super) fn create_post(
    b: &mut Bluesky,
    msg: &Outgoing,
    reply: Option<Value>,
) -> Result<Sent, NetError> {
    const EP: &str = "/xrpc/com.atproto.repo.createRecord";
    check_length(b, &msg.text)?;
    let rkey = record_key(msg);
    let sent = |b: &Bluesky, uri: String| Sent {
        url: permalink(&uri, &b.handle),
        id: uri,
    };
    if msg.resume
        && let Some(uri) = already_made(b, &rkey)?
    {
        return Ok(sent(b, uri));
    }
    let mut record = json!({
        "$type": COLLECTION,
        "text": msg.text,
        "createdAt": msg.sent_at.to_rfc3339_opts(SecondsFormat::Millis, true),
    });
    if let Some(lang) = &msg.language {
        record["langs"] = json!([lang]);
    }
    let facets = facets(b, &msg.text)?;
    if !facets.is_empty() {
        record["facets"] = Value::Array(facets);
    }
    if let Some(reply) = reply {
        record["reply"] = reply;
    }
    let body = json!({
        "repo": b.did,
        "collection": COLLECTION,
        "rkey": rkey,
        "record": record,
    });
    let resp = b.post_json(EP, body)?;
    let created: Created = b.api.decode(&resp, EP)?;
    Ok(sent(b, created.uri))
}
