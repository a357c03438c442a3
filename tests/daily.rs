//! The command line in the first week's daily use: objectives not started are not
//! behind in `today --json`, and a report of a period still running says so and gives
//! the changes of rates in points.

mod common;

use std::process::Output;

use common::{TempDb, stderr, stdout, twohats};

/// `twohats --db <db> args...` with the clock at `now`.
fn at(db: &TempDb, now: &str, args: &[&str]) -> Output {
    twohats()
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .env_remove("TWOHATS_DB")
        .env("TWOHATS_NOW", now)
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn today_json_leaves_out_objectives_not_started() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    // The bakery's new Instagram objective starts on 1 December, from 50,000 followers:
    // measured today (about 4,000) it would be far behind.
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute(
        "INSERT INTO objectives (client_id, platform, metric, baseline, target, start_date, deadline, note, created_at)
         SELECT id, 'instagram', 'followers', 50000, 60000, '2026-12-01', '2027-03-01', 'launch', 0
         FROM clients WHERE name = 'Boulangerie Marcel'",
        [],
    )
    .unwrap();
    drop(c);
    let behind = |v: &serde_json::Value| -> Vec<String> {
        v["objectives_at_risk"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["deadline"] == "2027-03-01")
            .map(|o| o["status"].as_str().unwrap().to_string())
            .collect()
    };
    let v = json(&db.run(&["today", "--json"]));
    assert!(behind(&v).is_empty(), "{:#}", v["objectives_at_risk"]);
    // From its start it is judged.
    let v = json(&at(&db, "2026-12-02T09:00:00Z", &["today", "--json"]));
    assert_eq!(behind(&v), ["behind"]);
}

/// W46 and W47 of a bakery: clicks and impressions every Monday and Wednesday, a CTR of
/// 1.0% in W46 and 1.5% in W47; W46's Friday has more impressions.
fn bakery_with_two_weeks(db: &TempDb) {
    assert!(
        db.run(&["client", "add", "Bakery", "--timezone", "Europe/Paris"])
            .status
            .success()
    );
    let csv = "date,platform,metric,value\n\
        2026-11-09,instagram,impressions,1000\n2026-11-09,instagram,clicks,10\n\
        2026-11-11,instagram,impressions,1000\n2026-11-11,instagram,clicks,10\n\
        2026-11-13,instagram,impressions,8000\n\
        2026-11-16,instagram,impressions,1000\n2026-11-16,instagram,clicks,15\n\
        2026-11-18,instagram,impressions,1000\n2026-11-18,instagram,clicks,15\n";
    let file = db.dir.path().join("weeks.csv");
    std::fs::write(&file, csv).unwrap();
    let o = db.run(&[
        "import",
        "kpi",
        file.to_str().unwrap(),
        "--client",
        "Bakery",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_report_of_a_running_week_says_so_and_gives_rates_in_points() {
    let db = TempDb::new();
    bakery_with_two_weeks(&db);
    let wednesday = "2026-11-18T10:00:00Z";
    let report = |fmt: &str| {
        at(
            &db,
            wednesday,
            &[
                "report", "--client", "Bakery", "--week", "2026-W47", "--format", fmt,
            ],
        )
    };
    let v = json(&report("json"));
    assert_eq!(v["in_progress"], true);
    assert_eq!(v["period"]["through"], "2026-11-18");
    assert_eq!(v["previous"]["from"], "2026-11-09");
    assert_eq!(v["previous"]["through"], "2026-11-11");
    let t = &v["totals"];
    assert_eq!(t["impressions"]["value"], 2000.0);
    assert_eq!(
        t["impressions"]["previous"], 2000.0,
        "Monday to Wednesday of W46, not its Friday"
    );
    assert_eq!(t["ctr"]["value"], 1.5);
    assert_eq!(t["ctr"]["previous"], 1.0);
    assert_eq!(t["ctr"]["change_pt"], 0.5);
    assert!(t["ctr"]["change_pct"].is_null(), "not +50%");
    assert_eq!(t["clicks"]["change_pct"], 50.0);

    let md = stdout(&report("md"));
    assert!(md.contains("in progress, through Nov 18, 2026"), "{md}");
    assert!(md.contains("| CTR | 1.5% | 1.0% | +0.5 pt |"), "{md}");
    let html = stdout(&report("html"));
    assert!(html.contains("in progress") && html.contains("+0.5 pt"));
    let csv = stdout(&report("csv"));
    assert!(
        csv.starts_with(
            "client,period_from,period_to,scope,metric,value,previous,change_pct,change_pt,in_progress,through\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("Bakery,2026-11-16,2026-11-22,total,ctr,1.5,1,,0.5,true,2026-11-18"),
        "{csv}"
    );
    // In French: "en cours", "+0,5 pt".
    let o = at(
        &db,
        wednesday,
        &[
            "--lang", "fr", "report", "--client", "Bakery", "--week", "2026-W47", "--format", "md",
        ],
    );
    let md = stdout(&o);
    assert!(md.contains("en cours, jusqu'au 18/11/2026"), "{md}");
    assert!(md.contains("+0,5\u{202f}pt"), "{md}");
    // A week that ended is whole on both sides.
    let v = json(&at(
        &db,
        "2026-11-26T09:00:00Z",
        &[
            "report", "--client", "Bakery", "--week", "2026-W47", "--format", "json",
        ],
    ));
    assert_eq!(v["in_progress"], false);
    assert_eq!(v["totals"]["impressions"]["previous"], 10000.0);
}
