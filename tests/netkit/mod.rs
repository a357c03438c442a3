//! Helpers for the connection tests: a local server on 127.0.0.1 (mockito) that replays
//! the recorded payloads of `tests/fixtures/api/` and records what the app sends.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use twohats::domain::FixedClock;
use twohats::net::NetEnv;
use twohats::net::http::UreqTransport;

/// The instant every test runs at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

pub fn env() -> NetEnv {
    NetEnv {
        transport: Arc::new(UreqTransport::with_timeout(std::time::Duration::from_secs(
            10,
        ))),
        clock: Arc::new(FixedClock(now())),
    }
}

pub fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/api/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// Every request answered through [`Log::answer`], in order.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<Seen>>>);

impl Log {
    pub fn seen(&self) -> Vec<Seen> {
        self.0.lock().unwrap().clone()
    }

    /// A body callback for mockito that records the request and answers `body`.
    pub fn answer(
        &self,
        body: impl Into<String>,
    ) -> impl Fn(&mockito::Request) -> Vec<u8> + Send + Sync + 'static {
        let log = self.0.clone();
        let body: String = body.into();
        move |req: &mockito::Request| {
            log.lock().unwrap().push(Seen {
                method: req.method().to_string(),
                path: req.path_and_query().to_string(),
                headers: req
                    .headers()
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
                    .collect(),
                body: req.utf8_lossy_body().unwrap_or_default().into_owned(),
            });
            body.clone().into_bytes()
        }
    }
}
