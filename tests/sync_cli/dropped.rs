//! A post the server took but whose answer never came (the connection broke): it may
//! have gone out, so it is not marked failed; the next run sends it again as the same
//! send (the same `Idempotency-Key`), once.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use super::*;

/// A server that answers `verify_credentials`, refuses `instance`, and breaks the
/// connection of the first `POST /api/v1/statuses` after reading it (answering the
/// next ones). Keeps each status request's `Idempotency-Key`.
fn breaking_server() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let keys = Arc::new(Mutex::new(Vec::new()));
    let seen = keys.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = Vec::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push(line.trim_end().to_string());
            }
            let header = |name: &str| {
                head.iter().find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
                })
            };
            let len: usize = header("content-length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let mut body = vec![0; len];
            let _ = reader.read_exact(&mut body);
            let first = head.first().cloned().unwrap_or_default();
            let answer = if first.starts_with("GET /api/v1/accounts/verify_credentials") {
                Some((200, fixture("mastodon/verify_credentials.json")))
            } else if first.starts_with("POST /api/v1/statuses") {
                let mut k = seen.lock().unwrap();
                k.push(header("idempotency-key").unwrap_or_default());
                (k.len() > 1).then(|| (200, fixture("mastodon/status.json")))
            } else {
                Some((404, r#"{"error":"Record not found"}"#.to_string()))
            };
            // None: the request was read, the connection breaks without an answer.
            if let Some((status, text)) = answer {
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                    text.len()
                );
            }
        }
    });
    (url, keys)
}

#[test]
fn a_post_whose_answer_never_came_may_have_gone_out_and_is_sent_again_as_the_same_send() {
    let (url, keys) = breaking_server();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    let o = s.run(
        &[
            "connect",
            "mastodon",
            "--client",
            "Bakery",
            "--server",
            &url,
            "--token-stdin",
        ],
        Some(&format!("{TOKEN}\n")),
    );
    assert!(o.status.success(), "{}", err(&o));
    super::publish::due_post(&s);
    let o = s.run(&["publish", "--due"], None);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let text = out(&o);
    assert!(
        text.contains("may have gone out on @studio@127.0.0.1"),
        "{text}"
    );
    assert!(
        text.contains("The next `twohats publish --due` checks"),
        "{text}"
    );
    assert!(!text.contains("nothing was lost"), "{text}");
    assert!(!text.contains("not published"), "{text}");
    let posts = s.json(&["posts", "list", "--json"]);
    assert_eq!(posts[0]["status"], "publishing", "{posts}");

    let o = s.run(&["publish", "--due"], None);
    assert!(o.status.success(), "{}\n{}", out(&o), err(&o));
    assert!(
        out(&o).contains("sent again as the same send"),
        "{}",
        out(&o)
    );
    let keys = keys.lock().unwrap().clone();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1]);
    assert_eq!(keys[0].len(), 32);
    assert_eq!(
        s.json(&["posts", "list", "--json"])[0]["status"],
        "published"
    );
}

/// A server that cannot be reached at connect time: the message says nothing was
/// connected and to try again, not that a sync will catch up.
#[test]
fn a_connect_to_an_unreachable_server_says_to_try_again() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s = Setup::new("mastodon", "@studio@127.0.0.1");
    let url = format!("http://127.0.0.1:{port}");
    let o = s.run(
        &[
            "connect",
            "mastodon",
            "--client",
            "Bakery",
            "--server",
            &url,
            "--token-stdin",
        ],
        Some(&format!("{TOKEN}\n")),
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("nothing was connected"), "{}", err(&o));
    assert!(!err(&o).contains("the next sync catches up"), "{}", err(&o));
}
