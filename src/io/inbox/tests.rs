use super::*;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inbox/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIX}{name}")).unwrap()
}

fn ctx(file: &str) -> Context<'_> {
    Context {
        file,
        platform: Some(Platform::X),
        tz: "Europe/Paris".parse().unwrap(),
    }
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn csv_with_bom_quotes_local_times_and_default_platform() {
    let items = read(&fixture("items.csv"), Format::Auto, &ctx("items.csv")).unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0].author, "@julie.lyon");
    assert_eq!(items[0].author_name, "Julie");
    assert_eq!(items[0].external_id.as_deref(), Some("ig-c-1001"));
    assert_eq!(items[1].kind, Kind::Dm);
    assert!(items[1].text.contains('\n'), "quoted line breaks are kept");
    // 09:15 in Paris in November is 08:15 UTC.
    assert_eq!(items[1].received_at, utc("2026-11-22T08:15:00Z"));
    assert_eq!(items[2].received_at, utc("2026-11-22T06:00:00Z"));
    assert!(
        items[2].text.contains('\u{1b}'),
        "the importer keeps text as it is; views neutralize it"
    );
    assert_eq!(
        items[3].platform,
        Platform::X,
        "empty platform takes --platform"
    );
}

#[test]
fn csv_errors_say_file_line_and_field() {
    let e = read(&fixture("bad_kind.csv"), Format::Csv, &ctx("bad_kind.csv")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "bad_kind.csv:4:2: kind: \"shout\" is not one of comment, reply, dm, mention, review"
    );
    let e = read(
        b"platform,kind,author\nx,comment,@a\n",
        Format::Csv,
        &ctx("f.csv"),
    )
    .unwrap_err();
    assert_eq!(e.line, 1);
    assert!(
        e.message
            .contains("missing columns text, received_at, permalink, external_id"),
        "{e}"
    );
    let bad_time =
        b"platform,kind,author,text,received_at,permalink,external_id\nx,dm,@a,t,yesterday,,1\n";
    let e = read(bad_time, Format::Csv, &ctx("t.csv")).unwrap_err();
    assert_eq!((e.line, e.field.as_deref()), (2, Some("received_at")));
    // 02:30 on the last Sunday of March does not exist in Paris.
    let gap = b"platform,kind,author,text,received_at,permalink,external_id\nx,dm,@a,t,2026-03-29 02:30,,1\n";
    let e = read(gap, Format::Csv, &ctx("g.csv")).unwrap_err();
    assert!(e.message.contains("does not exist"), "{e}");
    let ragged = b"platform,kind,author,text,received_at,permalink,external_id\nx,dm,@a\n";
    let e = read(ragged, Format::Csv, &ctx("r.csv")).unwrap_err();
    assert_eq!(e.line, 2, "{e}");
}

#[test]
fn mastodon_mentions_only_html_stripped() {
    let items = read(&fixture("mastodon.json"), Format::Auto, &ctx("m.json")).unwrap();
    assert_eq!(items.len(), 2, "the favourite is not a message");
    let a = &items[0];
    assert_eq!(a.platform, Platform::Mastodon);
    assert_eq!(a.kind, Kind::Mention);
    assert_eq!(a.author, "@cyclist@framapiaf.org");
    assert_eq!(a.author_name, "Lou Vélo");
    assert_eq!(
        a.text,
        "@velorouge Are you open on Sunday? I'd like a \"quick\" fix & a coffee\n\nThanks!"
    );
    assert_eq!(a.external_id.as_deref(), Some("113556220041"));
    assert_eq!(a.received_at, utc("2026-11-21T22:40:53Z"));
    assert_eq!(items[1].kind, Kind::Reply);
    assert_eq!(items[1].text, "Brake pads arrived?\nStill waiting…");
}

#[test]
fn bluesky_mentions_and_replies() {
    let items = read(&fixture("bluesky.json"), Format::Auto, &ctx("b.json")).unwrap();
    assert_eq!(items.len(), 2, "the like is not a message");
    assert_eq!(items[0].author, "@ana.bsky.social");
    assert_eq!(items[0].kind, Kind::Mention);
    assert_eq!(
        items[0].external_id.as_deref(),
        Some("at://did:plc:abc123/app.bsky.feed.post/3lbx2mention")
    );
    assert_eq!(
        items[0].permalink,
        "https://bsky.app/profile/ana.bsky.social/post/3lbx2mention"
    );
    assert_eq!(items[1].kind, Kind::Reply);
    assert_eq!(items[1].received_at, utc("2026-11-22T01:30:00Z"));
}

#[test]
fn json_array_of_items_with_line_numbers() {
    let text = br#"[
  {"platform": "x", "kind": "comment", "author": "@a", "text": "hi", "received_at": "2026-11-22T10:00:00Z", "external_id": "1"},
  {"platform": "x", "kind": "mail", "author": "@b", "text": "hi", "received_at": "2026-11-22T10:00:00Z"}
]"#;
    let e = read(text, Format::Auto, &ctx("j.json")).unwrap_err();
    assert_eq!((e.line, e.field.as_deref()), (3, Some("kind")));
    let broken = b"[\n  {\"platform\": \"x\",\n  \"kind\": }\n]";
    let e = read(broken, Format::Json, &ctx("k.json")).unwrap_err();
    assert_eq!(e.line, 3);
}

#[test]
fn html_edge_cases() {
    assert_eq!(html_to_text("<p>a &lt; b</p>"), "a < b");
    assert_eq!(html_to_text("1 < 2 and no tag"), "1 < 2 and no tag");
    assert_eq!(html_to_text("line<br>next"), "line\nnext");
}

/// Whatever bytes come in, the importers answer with items or an error, never a panic.
#[test]
fn no_panic_on_any_input() {
    let seeds: Vec<Vec<u8>> = vec![
        fixture("items.csv"),
        fixture("mastodon.json"),
        fixture("bluesky.json"),
        b"[{\"account\":1,\"status\":[]}]".to_vec(),
        b"{\"notifications\":[{}]}".to_vec(),
    ];
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for seed in &seeds {
        for _ in 0..300 {
            let mut b = seed.clone();
            for _ in 0..(next() % 8 + 1) {
                if b.is_empty() {
                    break;
                }
                let i = (next() as usize) % b.len();
                match next() % 3 {
                    0 => b[i] = next() as u8,
                    1 => {
                        b.remove(i);
                    }
                    _ => b.truncate(i),
                }
            }
            for f in [
                Format::Auto,
                Format::Csv,
                Format::Json,
                Format::Mastodon,
                Format::Bluesky,
            ] {
                let _ = read(&b, f, &ctx("fuzz"));
            }
        }
    }
}

fn read_with_summary(name: &str) -> (Vec<ItemDraft>, Summary) {
    read_all(&fixture(name), Format::Auto, &ctx(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// Issue 17 point 1: a real mastodon.social page of 40 mentions, 39 of them about posts
/// since deleted (`"status": null`): those are skipped and counted, the direct mention
/// is kept as a DM.
#[test]
fn mastodon_mentions_of_deleted_posts_are_skipped() {
    let (items, summary) = read_with_summary("mastodon_deleted.json");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, Kind::Dm);
    assert_eq!(items[0].author, "@rider5");
    assert_eq!(
        items[0].text,
        "@velorouge Vous réparez les freins à disque le samedi\u{a0}?"
    );
    assert_eq!(summary.deleted, 39);
    assert!(summary.left_out.is_empty());
}

/// Point 2: a page with no mention at all is Mastodon's (by its keys), not the generic
/// JSON: 0 items, and the types left out are counted.
#[test]
fn mastodon_page_without_mentions() {
    let (items, summary) = read_with_summary("mastodon_no_mentions.json");
    assert!(items.is_empty());
    assert_eq!(summary.deleted, 0);
    let left: Vec<(&str, usize)> = summary
        .left_out
        .iter()
        .map(|(k, n)| (k.as_str(), *n))
        .collect();
    assert_eq!(
        left,
        [
            ("admin.sign_up", 1),
            ("annual_report", 1),
            ("favourite", 2),
            ("follow", 1),
            ("follow_request", 1),
            ("moderation_warning", 1),
            ("reblog", 1),
            ("severed_relationships", 1),
        ]
    );
}

/// Point 3: servers before 2.0 send integer ids; a type this code does not know is left
/// out, never an error.
#[test]
fn mastodon_integer_ids_and_unknown_types() {
    let (items, summary) = read_with_summary("mastodon_integer_ids.json");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].external_id.as_deref(), Some("77001"));
    assert_eq!(items[0].kind, Kind::Reply, "in_reply_to_id 76000");
    assert_eq!(items[1].external_id.as_deref(), Some("77002"));
    assert_eq!(items[1].author, "@bo@other.example");
    assert_eq!(items[1].text, "Hello & welcome");
    assert_eq!(summary.left_out.get("emoji_reaction"), Some(&1));
    assert_eq!(summary.left_out.get("favourite"), Some(&1));
    // A type with a shape no code knows yet still passes.
    let odd = br#"[{"id": 9, "type": "something_new", "created_at": "x", "status": 42}]"#;
    let (items, summary) = read_all(odd, Format::Mastodon, &ctx("odd.json")).unwrap();
    assert!(items.is_empty());
    assert_eq!(summary.left_out.get("something_new"), Some(&1));
}

/// Point 4: the grouped v2 object: its mentions and quotes are read; a mention whose
/// status is missing counts as deleted; the groups left out count their notifications.
#[test]
fn mastodon_grouped_notifications() {
    let (items, summary) = read_with_summary("mastodon_v2_grouped.json");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].kind, Kind::Reply);
    assert_eq!(items[0].author, "@anna");
    assert_eq!(items[0].received_at, utc("2026-11-21T08:00:01Z"));
    assert_eq!(items[1].kind, Kind::Mention, "a quote");
    assert_eq!(items[1].author, "@bo");
    assert_eq!(items[1].external_id.as_deref(), Some("113600000000000002"));
    assert_eq!(summary.deleted, 1);
    assert_eq!(summary.left_out.get("favourite"), Some(&12));
    assert_eq!(summary.left_out.get("follow"), Some(&3));
}

/// The page reader a live sync will call: items, summary and the ids to page from.
#[test]
fn mastodon_page_for_a_sync() {
    let text = String::from_utf8(fixture("mastodon_deleted.json")).unwrap();
    let tz = "Europe/Paris".parse().unwrap();
    let page = mastodon::read_page(&text, "GET /api/v1/notifications", tz).unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.summary.deleted, 39);
    assert_eq!(page.first_id.as_deref(), Some("367000100"));
    assert_eq!(page.last_id.as_deref(), Some("367000061"));
    let e = mastodon::read_page("{\"error\": \"x\"}", "page", tz).unwrap_err();
    assert!(e.message.contains("/api/v1/notifications"), "{e}");
}

/// Bluesky says what it left out too.
#[test]
fn bluesky_summary() {
    let (_, summary) = read_with_summary("bluesky.json");
    assert_eq!(summary.left_out.get("like"), Some(&1));
}

/// Point 10 for the inbox: `;` between cells (French Excel), a BOM; UTF-16 without one.
#[test]
fn inbox_csv_saved_by_excel() {
    let items = read(&fixture("items (Excel).csv"), Format::Auto, &ctx("i.csv")).unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].text, "Trop beau ; bravo !");
    assert_eq!(items[1].kind, Kind::Dm);
    let utf16: Vec<u8> = "platform,kind,author,text,received_at,permalink,external_id\r\nx,dm,@a,salut,2026-11-22 10:00,,u16-1\r\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let items = read(&utf16, Format::Auto, &ctx("u.csv")).unwrap();
    assert_eq!(items[0].external_id.as_deref(), Some("u16-1"));
}

/// A hostile cell is quoted harmlessly and briefly; CRLF files keep their line numbers.
#[test]
fn hostile_cells_in_messages() {
    let evil = format!(
        "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}{}",
        "z".repeat(500_000)
    );
    let text = format!(
        "platform,kind,author,text,received_at,permalink,external_id\r\nx,dm,@a,t,2026-11-22 10:00,,1\r\nx,dm,@a,t,{evil},,2\r\n"
    );
    let e = read(text.as_bytes(), Format::Csv, &ctx("evil.csv")).unwrap_err();
    let shown = e.to_string();
    assert!(shown.starts_with("evil.csv:3:5: received_at: "), "{shown}");
    assert!(shown.contains("^[]0;PWNED^G^[]52;c;"), "{shown}");
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    assert!(shown.chars().count() < 200, "{}", shown.chars().count());
}
