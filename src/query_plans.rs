//! Every query the hot paths run uses an index on the big tables: no full scan of inbox
//! items, KPI values or posts. The statements are captured as run (SQLite's trace), so
//! the test follows the code rather than a copy of its SQL. It sits at the top of the
//! house because the hot paths it runs (the check-in, the report, on demo data) are
//! built on several floors above the store.

use std::sync::Mutex;

use chrono::{Duration, TimeZone, Utc};

use crate::domain::inbox::{Filter, Order, StatusFilter};
use crate::domain::report::Period;
use crate::store::Store;

static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record(event: rusqlite::trace::TraceEvent<'_>) {
    if let rusqlite::trace::TraceEvent::Stmt(stmt, _) = event
        && let (Some(sql), Ok(mut v)) = (stmt.expanded_sql(), SEEN.lock())
    {
        v.push(sql);
    }
}

const BIG: [&str; 4] = ["inbox_items", "kpi_daily", "kpi_posts", "posts"];

#[test]
fn hot_queries_search_by_index() {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap();
    let mut s = Store::open_in_memory().unwrap();
    let scale = crate::demo::large::Scale {
        clients: 3,
        accounts: 8,
        posts: 600,
        items: 3_000,
        kpi_days: 90,
    };
    crate::demo::load_scale(&mut s, scale, now, false, |_| {}).unwrap();
    s.trace_statements(Some(record));
    let clients = s.clients().unwrap();
    let c = &clients[0];
    crate::today::build(&s, now).unwrap();
    for f in [
        // Every client's waiting items, most urgent first (by each client's target).
        Filter::default(),
        Filter {
            order: Order::Client,
            ..Filter::default()
        },
        Filter {
            order: Order::Newest,
            ..Filter::default()
        },
        // Every item of every client: waiting ones by due time, then the rest newest
        // first, or client by client.
        Filter {
            status: StatusFilter::All,
            ..Filter::default()
        },
        Filter {
            status: StatusFilter::All,
            order: Order::Client,
            ..Filter::default()
        },
        Filter {
            client: Some(c.id),
            status: StatusFilter::All,
            ..Filter::default()
        },
        Filter {
            client: Some(c.id),
            ..Filter::default()
        },
        Filter {
            client: Some(c.id),
            status: StatusFilter::Replied,
            ..Filter::default()
        },
        Filter {
            text: Some("blue".into()),
            ..Filter::default()
        },
    ] {
        let ids = s.item_ids(&f).unwrap();
        s.items(&ids[..ids.len().min(50)]).unwrap();
        // What the app reads ahead for a search in the list: the text of every item of
        // the list, so not for every item of every client (it reads ahead only lists of
        // up to `SEARCH_AHEAD` items).
        if f.client.is_some() || f.status != StatusFilter::All {
            s.searchables(&f.without_text()).unwrap();
        }
    }
    s.reply_stats(Some(c.id), now, Some(now - Duration::days(7)))
        .unwrap();
    s.reply_stats(None, now, Some(now - Duration::days(30)))
        .unwrap();
    crate::report::build(&s, c, Period::parse_month("2026-10").unwrap(), now).unwrap();
    let day = now.date_naive();
    s.posts_between(None, day - Duration::days(35), day + Duration::days(7))
        .unwrap();
    s.posts_between(
        Some(c.id),
        day - Duration::days(35),
        day + Duration::days(7),
    )
    .unwrap();
    for client in [None, Some(c.id)] {
        s.post_cells_between(client, day - Duration::days(35), day + Duration::days(7))
            .unwrap();
    }
    s.trace_statements(None);

    let mut statements: Vec<String> = SEEN.lock().unwrap().clone();
    statements.sort();
    statements.dedup();
    let mut checked = 0;
    let mut covered = 0;
    for sql in statements
        .iter()
        .filter(|q| q.trim_start().to_uppercase().starts_with("SELECT"))
    {
        let plan = s.query_plan(sql);
        // A report reads a client-month of inbox timings and post counts from the index
        // alone: the rows of one client are spread over as many pages as there are rows.
        if sql.contains("SELECT status, received_at, replied_at FROM inbox_items")
            || sql.contains("SELECT pillar_id, status, count(*) FROM posts")
        {
            assert!(
                plan.iter().any(|p| p.contains("USING COVERING INDEX")),
                "read from the index alone:\n{sql}\n{plan:#?}"
            );
            covered += 1;
        }
        if sql.contains("metric = 'followers'") {
            assert!(
                plan.iter().any(|p| p.contains("kpi_daily_followers")),
                "the latest followers count is one probe of its index:\n{sql}\n{plan:#?}"
            );
        }
        for step in &plan {
            for table in BIG {
                let full = step.starts_with(&format!("SCAN {table}"))
                    && !step.contains("USING COVERING INDEX");
                assert!(!full, "a full scan of {table}:\n{sql}\n{plan:#?}");
            }
        }
        checked += 1;
    }
    assert!(checked > 15, "{checked} statements checked");
    assert_eq!(covered, 2, "the report's inbox and post figures were read");
}
