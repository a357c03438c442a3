//! Crash safety: imports and edits run in a child process that is killed with SIGKILL at
//! pseudo-random moments. After each kill the database must pass `integrity_check`, and
//! every import must be wholly there or wholly absent.

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::{TempDb, twohats};

const TRIALS: u64 = 60;
const KPI_ROWS_PER_FILE: usize = 365 * 8;
const INBOX_ITEMS_PER_FILE: usize = 2000;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A year of 8 metrics in a long CSV; the year marks the trial.
fn kpi_file(dir: &std::path::Path, year: u64) -> std::path::PathBuf {
    let mut s = String::from("date,platform,metric,value\n");
    let start = chrono::NaiveDate::from_ymd_opt(year as i32, 1, 1).unwrap();
    for d in 0..365 {
        let day = start + chrono::Duration::days(d);
        for m in [
            "impressions",
            "reach",
            "engagements",
            "likes",
            "comments",
            "shares",
            "saves",
            "clicks",
        ] {
            s.push_str(&format!("{day},instagram,{m},{}\n", d * 7 + 3));
        }
    }
    let p = dir.join(format!("kpi-{year}.csv"));
    std::fs::write(&p, s).unwrap();
    p
}

fn inbox_file(dir: &std::path::Path, trial: u64) -> std::path::PathBuf {
    let mut s = String::from("platform,kind,author,text,received_at,permalink,external_id\n");
    for i in 0..INBOX_ITEMS_PER_FILE {
        s.push_str(&format!(
            "x,mention,@u{i},hello {i},2026-11-20T10:00:00Z,,t{trial}-{i}\n"
        ));
    }
    let p = dir.join(format!("inbox-{trial}.csv"));
    std::fs::write(&p, s).unwrap();
    p
}

#[derive(Default, Debug)]
struct Tally {
    complete: usize,
    absent: usize,
}

#[test]
fn sigkill_during_imports_and_edits_never_corrupts_or_half_writes() {
    let db = TempDb::new();
    assert!(
        db.run(&["client", "add", "A", "--timezone", "UTC"])
            .status
            .success()
    );
    assert!(db.run(&["demo", "--force"]).status.success());
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let (mut kpi, mut inbox, mut demo) = (Tally::default(), Tally::default(), Tally::default());
    for trial in 0..TRIALS {
        let kind = trial % 3;
        let args: Vec<String> = match kind {
            0 => {
                let f = kpi_file(db.dir.path(), 2000 + trial);
                vec![
                    "import".into(),
                    "kpi".into(),
                    f.display().to_string(),
                    "--client".into(),
                    "A".into(),
                ]
            }
            1 => {
                let f = inbox_file(db.dir.path(), trial);
                vec![
                    "import".into(),
                    "inbox".into(),
                    f.display().to_string(),
                    "--client".into(),
                    "A".into(),
                ]
            }
            // An edit touching every table of the demo clients at once.
            _ => vec!["demo".into(), "--force".into()],
        };
        let mut child = twohats()
            .arg("--db")
            .arg(&db.path)
            .args(&args)
            .env("TWOHATS_NOW", "2026-11-22T08:30:00Z")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next() % 250));
        // `kill` is SIGKILL on Unix: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();

        let c = rusqlite::Connection::open(&db.path).unwrap();
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "trial {trial}");
        let fk: i64 = c
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0, "trial {trial}: broken references");
        match kind {
            0 => {
                let n: i64 = c
                    .query_row(
                        "SELECT count(*) FROM kpi_daily WHERE day LIKE ?1",
                        [format!("{}-%", 2000 + trial)],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert!(
                    n == 0 || n == KPI_ROWS_PER_FILE as i64,
                    "trial {trial}: {n} of {KPI_ROWS_PER_FILE} values"
                );
                if n == 0 {
                    kpi.absent += 1
                } else {
                    kpi.complete += 1
                }
            }
            1 => {
                let n: i64 = c
                    .query_row(
                        "SELECT count(*) FROM inbox_items WHERE external_id LIKE ?1",
                        [format!("t{trial}-%")],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert!(
                    n == 0 || n == INBOX_ITEMS_PER_FILE as i64,
                    "trial {trial}: {n} of {INBOX_ITEMS_PER_FILE} items"
                );
                if n == 0 {
                    inbox.absent += 1
                } else {
                    inbox.complete += 1
                }
            }
            _ => {
                // Either the old demo or the new one: four demo clients, each whole.
                let clients: i64 = c
                    .query_row("SELECT count(*) FROM clients WHERE is_demo = 1", [], |r| {
                        r.get(0)
                    })
                    .unwrap();
                assert_eq!(clients, 4, "trial {trial}");
                let accounts: i64 = c
                    .query_row("SELECT count(*) FROM accounts a JOIN clients c ON c.id = a.client_id WHERE c.is_demo = 1", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(accounts, 13, "trial {trial}");
                let mine: i64 = c
                    .query_row("SELECT count(*) FROM clients WHERE is_demo = 0", [], |r| {
                        r.get(0)
                    })
                    .unwrap();
                assert_eq!(
                    mine, 1,
                    "trial {trial}: the user's own client is never touched"
                );
                demo.complete += 1;
            }
        }
    }
    // Seen in the output with --nocapture; the README reports a run.
    println!(
        "crash trials: {TRIALS}; kpi imports {kpi:?}; inbox imports {inbox:?}; demo reloads checked {}",
        demo.complete
    );
}
