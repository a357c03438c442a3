//! `cargo bench`: the figures behind the README's Performance section, measured on the
//! large demo (30 clients, 50,000 posts, 500,000 inbox items, 2,000,400 daily figures).
//!
//! Prints start-up to first frame, the latency of each key (handle it, run its effects,
//! draw the frame into a 200x50 buffer) over scripted sessions, import throughput beside
//! `sqlite3`'s own `.import` of the same file, a client-month report, peak memory, and a
//! sync of 2,000 notifications from a local server on the app's worker thread with the
//! keys pressed during it (on a copy of the database).
//! Set `TWOHATS_BENCH_DB` to reuse a database; by default it is built once under
//! `target/perf/`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use twohats::domain::{Clock, FixedClock};
use twohats::store::Store;
use twohats::tui::action::Action;
use twohats::tui::{app, effect, keymap, theme::Theme, update::update, views};

#[path = "perf/sync.rs"]
mod sync;

const W: u16 = 200;
const H: u16 = 50;

fn clock() -> FixedClock {
    FixedClock(Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap())
}

fn database() -> PathBuf {
    if let Some(p) = std::env::var_os("TWOHATS_BENCH_DB") {
        return PathBuf::from(p);
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/perf/large.db");
    if !path.exists() {
        let t = Instant::now();
        let mut s = Store::open(&path).expect("bench database");
        twohats::demo::load_scale(
            &mut s,
            twohats::demo::large::LARGE,
            clock().now(),
            false,
            |_| {},
        )
        .expect("large demo");
        println!("built the large demo in {:.1} s", t.elapsed().as_secs_f64());
    }
    path
}

fn percentile(v: &mut [Duration], q: f64) -> Duration {
    v.sort();
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

struct Session {
    store: Store,
    model: twohats::tui::model::Model,
    term: Terminal<TestBackend>,
    clock: FixedClock,
    /// The read-ahead work the event loop does between keys, each time there was some.
    idle: Vec<Duration>,
    /// Where network jobs go, as in the event loop (`None`: they are dropped).
    worker: Option<twohats::tui::worker::Worker>,
}

impl Session {
    fn open(path: &Path) -> Session {
        let store = Store::open(path).expect("open");
        let clock = clock();
        let model =
            app::initial_model(&store, &clock, (W, H), Theme { color: true }).expect("model");
        let mut term = Terminal::new(TestBackend::new(W, H)).expect("terminal");
        term.draw(|f| views::render(&model, f)).expect("draw");
        Session {
            store,
            model,
            term,
            clock,
            idle: Vec::new(),
            worker: None,
        }
    }

    /// Runs actions and the effects they ask for until none is left.
    fn run(&mut self, mut queue: Vec<Action>) {
        while let Some(a) = queue.pop() {
            for eff in update(&mut self.model, a) {
                if let (effect::Effect::Live(job), Some(w)) = (&eff, &self.worker) {
                    w.start(job.clone());
                    continue;
                }
                let mut answers = effect::execute(&mut self.store, &self.clock, eff);
                answers.reverse();
                queue.extend(answers);
            }
        }
    }

    /// One key as the event loop handles it: keymap, update, effects, frame.
    fn key(&mut self, key: KeyEvent) -> Duration {
        let t = Instant::now();
        self.run(keymap::resolve(&self.model, key).into_iter().collect());
        self.term
            .draw(|f| views::render(&self.model, f))
            .expect("draw");
        let took = t.elapsed();
        // A person's next key comes tens of milliseconds later at the fastest (a held
        // key repeats every 30 ms or so): the event loop reads ahead in that pause. That
        // work is timed apart, since no key waits on it.
        let t = Instant::now();
        let ahead = twohats::tui::update::idle(&mut self.model);
        if !ahead.is_empty() {
            let answers = ahead
                .into_iter()
                .flat_map(|eff| effect::execute(&mut self.store, &self.clock, eff))
                .rev()
                .collect();
            self.run(answers);
            self.idle.push(t.elapsed());
        }
        took
    }

    /// Presses `c` `n` times, keeping each key's time.
    fn press(&mut self, c: char, n: usize, times: &mut Vec<Duration>) {
        for _ in 0..n {
            times.push(self.char(c));
        }
    }

    fn char(&mut self, c: char) -> Duration {
        self.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }
}

/// With `TWOHATS_BENCH_VERBOSE`, every key's time of a session.
fn each_key(session: &str, v: &[Duration]) {
    if std::env::var_os("TWOHATS_BENCH_VERBOSE").is_some() {
        println!(
            "  {session} keys: {:?}",
            v.iter().map(|d| ms(*d)).collect::<Vec<_>>()
        );
    }
}

fn report(name: &str, mut v: Vec<Duration>) {
    let n = v.len();
    let p50 = percentile(&mut v, 0.5);
    let p99 = percentile(&mut v, 0.99);
    let max = *v.last().unwrap_or(&Duration::ZERO);
    println!(
        "{name:<28} {n:>6} keys   p50 {:>10}   p99 {:>10}   max {:>10}",
        ms(p50),
        ms(p99),
        ms(max)
    );
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    if std::env::var_os("TWOHATS_BENCH_ONLY_IMPORTS").is_some() {
        imports();
        return;
    }
    let path = database();
    println!(
        "database: {} ({:.0} MB)",
        path.display(),
        std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1e6)
    );

    // Start-up: open, check the schema, load, draw Today into 200x50.
    let mut starts: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let s = Session::open(&path);
            let d = t.elapsed();
            drop(s);
            d
        })
        .collect();
    println!(
        "start-up to first frame        median {:>10}   max {:>10}",
        ms(percentile(&mut starts, 0.5)),
        ms(*starts.last().unwrap_or(&Duration::ZERO))
    );

    let mut s = Session::open(&path);
    // TWOHATS_BENCH_ONLY=months (scroll, switch, months, report, filter, sync) runs one
    // session.
    let only = std::env::var("TWOHATS_BENCH_ONLY").ok();
    let want = |name: &str| only.as_deref().is_none_or(|o| o == name);
    if want("scroll") {
        // Scroll the inbox of all clients: the pending items line by line, then every item
        // (status "all": the whole 500,000) page by page to the end and back.
        s.char('4');
        let mut v = Vec::new();
        let pending = s.model.inbox.ids.len();
        for _ in 0..pending.min(5_000) {
            v.push(s.char('j'));
        }
        v.push(s.char('G'));
        v.push(s.char('g'));
        s.char('/');
        s.key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        s.char('a');
        let t = Instant::now();
        s.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        let load_all = t.elapsed();
        let all = s.model.inbox.ids.len();
        let mut last = usize::MAX;
        while s.model.inbox.cursor.selected != last {
            last = s.model.inbox.cursor.selected;
            v.push(s.key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE)));
        }
        for _ in 0..2_000 {
            v.push(s.char('k'));
        }
        v.push(s.char('g'));
        report(
            &format!("scroll the inbox ({pending} pending by line, {all} by page)"),
            v,
        );
        println!(
            "  (listing all {all} items after the filter: {})",
            ms(load_all)
        );
        s.char('/');
        s.key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        s.char('p');
        s.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    }
    if want("switch") {
        // Switch clients through the switcher.
        let names: Vec<String> = s
            .model
            .data
            .clients
            .iter()
            .map(|c| c.name.clone())
            .collect();
        let mut v = Vec::new();
        s.char('1');
        for name in &names {
            v.push(s.char('c'));
            for c in name.chars().take(6) {
                v.push(s.char(c));
            }
            v.push(s.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
        }
        report("switch clients", v);
    }
    if want("months") {
        // Flip months on the calendar, all clients then one.
        s.char('3');
        let mut v = Vec::new();
        s.press(']', 24, &mut v);
        s.press('[', 24, &mut v);
        s.press('a', 1, &mut v);
        s.press('[', 12, &mut v);
        each_key("month", &v);
        report("flip months", v);
    }
    if want("report") {
        // Change report periods: weeks, then months.
        s.char('5');
        let mut v = Vec::new();
        s.press('[', 26, &mut v);
        s.press('m', 1, &mut v);
        s.press('[', 12, &mut v);
        each_key("report", &v);
        report("change report periods", v);
    }
    if want("filter") {
        // Filter the inbox by text.
        s.char('a');
        s.char('4');
        let mut v = Vec::new();
        for word in ["blue", "happy", "open"] {
            v.push(s.char('/'));
            v.push(s.key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)));
            for c in word.chars() {
                v.push(s.char(c));
            }
            v.push(s.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
        }
        each_key("filter", &v);
        report("filter the inbox by text", v);
    }
    let rss = peak_rss_mb();
    if !s.idle.is_empty() {
        let mut v = std::mem::take(&mut s.idle);
        let n = v.len();
        let p50 = percentile(&mut v, 0.5);
        let max = *v.last().unwrap_or(&Duration::ZERO);
        println!(
            "read ahead between keys      {n:>6} times  p50 {:>10}   max {:>10}",
            ms(p50),
            ms(max)
        );
    }

    // A client-month report.
    let client = s.store.clients().expect("clients").remove(0);
    let period = twohats::domain::report::Period::parse_month("2026-10").expect("month");
    let mut v: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            twohats::report::build(&s.store, &client, period, clock().now()).expect("report");
            t.elapsed()
        })
        .collect();
    println!(
        "report, one client-month       median {:>10}",
        ms(percentile(&mut v, 0.5))
    );
    println!("peak memory (RSS) of the app   {rss:.1} MB");
    drop(s);
    if want("sync") {
        sync::sync_session(&path);
    }

    if std::env::var_os("TWOHATS_BENCH_SKIP_IMPORTS").is_none() {
        imports();
    }
}

/// Import throughput on a generated 1,000,000-row CSV, beside sqlite3's own `.import`.
fn imports() {
    const ROWS: usize = 1_000_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let kpi_csv = dir.path().join("kpi.csv");
    let mut text = String::with_capacity(ROWS * 40);
    text.push_str("date,platform,metric,value\n");
    let metrics = [
        "impressions",
        "reach",
        "engagements",
        "likes",
        "comments",
        "shares",
        "saves",
        "clicks",
        "video_views",
        "profile_visits",
    ];
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    for i in 0..ROWS {
        let day = start + chrono::Duration::days((i / (metrics.len() * 4)) as i64);
        let platform = ["instagram", "facebook", "x", "tiktok"][(i / metrics.len()) % 4];
        text.push_str(&format!(
            "{day},{platform},{},{}\n",
            metrics[i % metrics.len()],
            i % 5000
        ));
    }
    std::fs::write(&kpi_csv, &text).expect("write");
    let inbox_csv = dir.path().join("inbox.csv");
    let mut text = String::with_capacity(ROWS * 70);
    text.push_str("platform,kind,author,text,received_at,permalink,external_id\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "x,mention,@u{},hello {i},2026-11-20T10:00:00Z,,b{i}\n",
            i % 9999
        ));
    }
    std::fs::write(&inbox_csv, &text).expect("write");

    // Each side runs three times, in turn, into a fresh database; the median of each is
    // kept, so a noisy neighbour on a shared machine weighs on both alike.
    const RUNS: usize = 3;
    let fresh = |name: String| -> PathBuf {
        let db = dir.path().join(name);
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
        }
        // The previous run's writes reach the disk first, not during the next run.
        let _ = std::process::Command::new("sync").status();
        db
    };
    let sqlite = |file: &Path, run: usize| -> Option<f64> {
        let db = fresh(format!("plain-{run}.db"));
        let t = Instant::now();
        let ok = std::process::Command::new("sqlite3")
            .arg(&db)
            .arg(format!(".import --csv {} t", file.display()))
            .status()
            .ok()?
            .success();
        ok.then(|| ROWS as f64 / t.elapsed().as_secs_f64())
    };
    // Our figure is the command a user runs, end to end: a process that opens the
    // database, reads and checks the file, and commits, like sqlite3's.
    let ours = |what: &str, file: &Path, run: usize| -> f64 {
        let db = fresh(format!("import-{run}.db"));
        Store::open(&db)
            .expect("store")
            .insert_client(&twohats::domain::ClientDraft::new("Bench"), clock().now())
            .expect("client");
        let t = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_twohats"))
            .args(["--lang", "en", "--db"])
            .arg(&db)
            .args(["import", what])
            .arg(file)
            .args(["--client", "Bench"])
            .output()
            .expect("twohats");
        let rate = ROWS as f64 / t.elapsed().as_secs_f64();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        rate
    };
    let median = |mut v: Vec<f64>| -> f64 {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    for (name, what, file) in [
        ("import kpi", "kpi", &kpi_csv),
        ("import inbox", "inbox", &inbox_csv),
    ] {
        let (mut us, mut them) = (Vec::new(), Vec::new());
        for run in 0..RUNS {
            us.push(ours(what, file, run));
            them.extend(sqlite(file, run));
        }
        let theirs = (!them.is_empty()).then(|| median(them));
        print_import(name, median(us), theirs);
    }
}

fn print_import(name: &str, ours: f64, theirs: Option<f64>) {
    match theirs {
        Some(t) => println!(
            "{name:<28} {:>10.0} rows/s   sqlite3 .import {:>10.0} rows/s   ratio {:.2}",
            ours,
            t,
            ours / t
        ),
        None => println!(
            "{name:<28} {:>10.0} rows/s   (sqlite3 not found: no comparison)",
            ours
        ),
    }
}
