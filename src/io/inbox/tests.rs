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
        "bad_kind.csv:4: kind: \"shout\" is not one of comment, reply, dm, mention, review"
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
