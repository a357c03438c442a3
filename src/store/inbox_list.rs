//! The inbox's lists: which items a filter keeps (its WHERE clause) and in which order,
//! as the statements that read them.

use rusqlite::types::Value;

use super::Result;
use crate::domain::inbox::{Filter, Order, StatusFilter};

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// When an item's client's reply-time target is missed (a scalar subquery: one probe of
/// the clients' primary key per item).
const DUE: &str = "received_at + (SELECT reply_target_hours FROM clients c WHERE c.id = inbox_items.client_id) * 3600";

/// The item's client is not archived (a scalar subquery: one probe of the clients'
/// primary key per item, so the list keeps its index). Lists across clients leave
/// archived clients out; a list asked for one client shows it whatever its state.
const ACTIVE: &str =
    "(SELECT archived_at FROM clients c WHERE c.id = inbox_items.client_id) IS NULL";

const WAITING: &str = "status IN ('new', 'follow_up')";
/// Answered or ignored. The `+` keeps SQLite off the status index: for most of a large
/// inbox, a scan of the covering client index beats a table lookup per item.
const DONE: &str = "+status IN ('replied', 'ignored')";

/// The statements whose rows, one statement after the other, are a filter's list of
/// `columns`, in the filter's order.
///
/// Most urgent: items still waiting by when their target is missed (the latest first,
/// then the least time left), then the others newest first. Within one client every item
/// has the same target, so that is the oldest first, and the (client, status,
/// received_at) index gives it; across clients the waiting items (what waits for a
/// reply: a few thousand at most) are sorted by their due time. By client: each client's
/// list, by name, one after the other, each from that index.
pub(super) fn list_queries(
    conn: &rusqlite::Connection,
    columns: &str,
    f: &Filter,
) -> Result<Vec<(String, Vec<Value>)>> {
    if f.order == Order::Client && f.client.is_none() {
        let clients: Vec<i64> = conn
            .prepare_cached(
                "SELECT id FROM clients WHERE archived_at IS NULL ORDER BY name_key, id",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for c in clients {
            let one = Filter {
                client: Some(c),
                order: Order::Urgency,
                ..f.clone()
            };
            out.extend(list_queries(conn, columns, &one)?);
        }
        return Ok(out);
    }
    let due = if f.client.is_some() {
        "received_at"
    } else {
        DUE
    };
    let query = |extra: &str, order: &str| {
        let (w, p) = where_clause(f);
        (
            format!("SELECT {columns} FROM inbox_items WHERE {w}{extra} ORDER BY {order}"),
            p,
        )
    };
    let oldest = "received_at ASC, id ASC";
    let newest = "received_at DESC, id DESC";
    let by_due = format!("{due} ASC, id ASC");
    Ok(match (f.order, f.status) {
        (Order::Oldest, _) => vec![query("", oldest)],
        (Order::Newest, _) => vec![query("", newest)],
        (_, StatusFilter::Pending) => vec![query("", &by_due)],
        (_, StatusFilter::Replied | StatusFilter::Ignored) => vec![query("", newest)],
        (_, StatusFilter::All) => vec![
            query(&format!(" AND {WAITING}"), &by_due),
            query(&format!(" AND {DONE}"), newest),
        ],
    })
}

/// The WHERE clause and parameters of a filter.
fn where_clause(f: &Filter) -> (String, Vec<Value>) {
    let mut sql = String::from("deleted_at IS NULL");
    let mut p: Vec<Value> = Vec::new();
    match f.client {
        Some(c) => {
            p.push(Value::Integer(c));
            sql.push_str(&format!(" AND client_id = ?{}", p.len()));
        }
        None => sql.push_str(&format!(" AND {ACTIVE}")),
    }
    match f.status {
        StatusFilter::Pending => sql.push_str(" AND status IN ('new', 'follow_up')"),
        StatusFilter::Replied => sql.push_str(" AND status = 'replied'"),
        StatusFilter::Ignored => sql.push_str(" AND status = 'ignored'"),
        StatusFilter::All => {}
    }
    if let Some(pl) = f.platform {
        p.push(Value::Text(pl.key().into()));
        sql.push_str(&format!(" AND platform = ?{}", p.len()));
    }
    if let Some(k) = f.kind {
        p.push(Value::Text(k.key().into()));
        sql.push_str(&format!(" AND kind = ?{}", p.len()));
    }
    if let Some(t) = &f.tag {
        p.push(Value::Text(format!(
            "% {} %",
            like_escape(&t.to_lowercase())
        )));
        sql.push_str(&format!(" AND tags LIKE ?{} ESCAPE '\\'", p.len()));
    }
    if let Some(text) = &f.text {
        for word in text.split_whitespace() {
            p.push(Value::Text(format!("%{}%", like_escape(word))));
            let n = p.len();
            sql.push_str(&format!(
                " AND (text LIKE ?{n} ESCAPE '\\' OR author LIKE ?{n} ESCAPE '\\' OR author_name LIKE ?{n} ESCAPE '\\')"
            ));
        }
    }
    (sql, p)
}
