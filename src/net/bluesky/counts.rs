//! Followers (`app.bsky.actor.getProfile`) and per-post counts
//! (`app.bsky.feed.getAuthorFeed`: likes, reposts, replies, quotes).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use super::Bluesky;
use crate::net::error::NetError;
use crate::net::http::Query;
use crate::net::{AccountInfo, Counts, PostCounts, PostRef, PullLimits};

const PAGE: usize = 100;

pub(super) fn profile(b: &mut Bluesky) -> Result<AccountInfo, NetError> {
    #[derive(Deserialize)]
    struct Profile {
        did: String,
        handle: String,
        #[serde(default, rename = "displayName")]
        display_name: Option<String>,
        #[serde(default, rename = "followersCount")]
        followers_count: u64,
        #[serde(default, rename = "postsCount")]
        posts_count: Option<u64>,
    }
    const EP: &str = "/xrpc/app.bsky.actor.getProfile";
    let path = format!("{EP}{}", Query::new().add("actor", b.did.as_str()).render());
    let resp = b.get(&path)?;
    let p: Profile = b.api.decode(&resp, EP)?;
    b.handle = p.handle.clone();
    Ok(AccountInfo {
        id: p.did,
        handle: format!("@{}", p.handle),
        display_name: p.display_name.unwrap_or_default(),
        followers: p.followers_count,
        posts: p.posts_count,
    })
}

#[derive(Deserialize)]
struct Feed {
    #[serde(default)]
    cursor: Option<String>,
    feed: Vec<FeedItem>,
}

#[derive(Deserialize)]
struct FeedItem {
    post: Post,
    /// Set on reposts of other people's posts, which are not the account's.
    #[serde(default)]
    reason: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Post {
    uri: String,
    #[serde(rename = "indexedAt")]
    indexed_at: DateTime<Utc>,
    #[serde(default, rename = "likeCount")]
    like_count: u64,
    #[serde(default, rename = "repostCount")]
    repost_count: u64,
    #[serde(default, rename = "replyCount")]
    reply_count: u64,
    #[serde(default, rename = "quoteCount")]
    quote_count: Option<u64>,
}

/// The record key an address names: `at://DID/app.bsky.feed.post/RKEY` of this account,
/// or `https://bsky.app/profile/HANDLE-OR-DID/post/RKEY`.
fn rkey_of<'a>(address: &'a str, did: &str) -> Option<&'a str> {
    let a = address.trim().trim_end_matches('/');
    if let Some(rest) = a.strip_prefix("at://") {
        let (repo, rkey) = rest.split_once("/app.bsky.feed.post/")?;
        return (repo == did).then_some(rkey);
    }
    let rest = a.split_once("/profile/")?.1;
    rest.split_once("/post/").map(|(_, rkey)| rkey)
}

pub(super) fn counts(
    b: &mut Bluesky,
    posts: &[PostRef],
    limits: PullLimits,
) -> Result<Counts, NetError> {
    const EP: &str = "/xrpc/app.bsky.feed.getAuthorFeed";
    let me = profile(b)?;
    let mut wanted: HashMap<String, Vec<usize>> = HashMap::new();
    let mut not_found = Vec::new();
    for (i, p) in posts.iter().enumerate() {
        match rkey_of(&p.address, &b.did) {
            Some(rkey) => wanted.entry(rkey.to_string()).or_default().push(i),
            None => not_found.push(i),
        }
    }
    let oldest = posts.iter().map(|p| p.published_at).min();
    let mut found: Vec<(usize, PostCounts)> = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    while !wanted.is_empty() && pages < limits.max_pages {
        let q = Query::new()
            .add("actor", b.did.as_str())
            .add("limit", PAGE.to_string())
            .add("filter", "posts_no_replies")
            .add_opt("cursor", cursor.as_deref());
        let resp = b.get(&format!("{EP}{}", q.render()))?;
        pages += 1;
        let feed: Feed = b.api.decode(&resp, EP)?;
        let page_oldest = feed.feed.iter().map(|f| f.post.indexed_at).min();
        for item in feed.feed.iter().filter(|f| f.reason.is_none()) {
            let Some(rkey) = rkey_of(&item.post.uri, &b.did) else {
                continue;
            };
            for i in wanted.remove(rkey).unwrap_or_default() {
                found.push((
                    i,
                    PostCounts {
                        address: posts[i].address.clone(),
                        likes: item.post.like_count,
                        reposts: item.post.repost_count,
                        replies: item.post.reply_count,
                        quotes: item.post.quote_count,
                    },
                ));
            }
        }
        // A day's slack: a post's recorded time and the server's may differ.
        if let (Some(po), Some(o)) = (page_oldest, oldest)
            && po < o - Duration::days(1)
        {
            break;
        }
        match feed.cursor {
            Some(c) if !feed.feed.is_empty() && cursor.as_deref() != Some(&c) => cursor = Some(c),
            _ => break,
        }
    }
    not_found.extend(wanted.into_values().flatten());
    not_found.sort_unstable();
    found.sort_by_key(|(i, _)| *i);
    Ok(Counts {
        followers: me.followers,
        posts: found.into_iter().map(|(_, c)| c).collect(),
        not_found: not_found
            .into_iter()
            .map(|i| posts[i].address.clone())
            .collect(),
    })
}
