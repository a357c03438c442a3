use super::*;

fn env(programs: &[&'static str]) -> Env {
    Env {
        programs: programs.to_vec(),
        ..Env::default()
    }
}

fn programs(plan: &[Method]) -> Vec<&'static str> {
    plan.iter()
        .map(|m| match m {
            Method::Program { program, .. } => *program,
            Method::Library => "arboard",
            Method::Osc52 { .. } => "osc52",
        })
        .collect()
}

fn osc(plan: &[Method]) -> Option<(Vec<Wrap>, Through)> {
    plan.iter().find_map(|m| match m {
        Method::Osc52 { wraps, through } => Some((wraps.clone(), *through)),
        _ => None,
    })
}

fn tmux(set_clipboard: Option<&str>, passthrough: Option<&str>) -> Option<TmuxOptions> {
    Some(TmuxOptions {
        set_clipboard: set_clipboard.map(str::to_string),
        allow_passthrough: passthrough.map(str::to_string),
    })
}

#[test]
fn a_desktop_uses_its_clipboard_program_first() {
    let wayland = Env {
        wayland: true,
        x11: true,
        ..env(&["wl-copy", "xclip"])
    };
    assert_eq!(programs(&plan(&wayland)), ["wl-copy", "xclip", "osc52"]);
    let x = Env {
        x11: true,
        ..env(&["xsel"])
    };
    let p = plan(&x);
    assert_eq!(programs(&p), ["xsel", "osc52"]);
    assert!(matches!(
        &p[0],
        Method::Program { args, via: Via::System, .. } if args == &["--clipboard", "--input"]
    ));
    let x = Env {
        x11: true,
        ..env(&["xclip"])
    };
    assert!(matches!(
        &plan(&x)[0],
        Method::Program { args, .. } if args == &["-selection", "clipboard"]
    ));
    // An X display without a clipboard program: the arboard crate.
    let bare = Env {
        x11: true,
        ..env(&[])
    };
    if cfg!(target_os = "macos") {
        assert_eq!(programs(&plan(&bare)), ["osc52"]);
    } else {
        assert_eq!(programs(&plan(&bare)), ["arboard", "osc52"]);
    }
    // A Wayland display with only X programs (no wl-copy): XWayland's clipboard.
    let wayland_x = Env {
        wayland: true,
        x11: true,
        ..env(&["xclip"])
    };
    assert_eq!(programs(&plan(&wayland_x)), ["xclip", "osc52"]);
    let mac = Env {
        macos: true,
        ..env(&["pbcopy"])
    };
    assert_eq!(programs(&plan(&mac)), ["pbcopy", "osc52"]);
}

#[test]
fn over_ssh_the_terminal_is_asked() {
    // pbcopy on the far Mac is not the user's clipboard, nor is a program without a
    // display.
    let ssh = Env {
        ssh: true,
        macos: true,
        ..env(&["pbcopy", "xclip", "wl-copy"])
    };
    let p = plan(&ssh);
    assert_eq!(programs(&p), ["osc52"]);
    assert_eq!(osc(&p), Some((vec![Wrap::Plain], Through::Direct)));
    // `ssh -X`: the forwarded display is the user's.
    let forwarded = Env {
        ssh: true,
        x11: true,
        ..env(&["xclip"])
    };
    assert_eq!(programs(&plan(&forwarded)), ["xclip", "osc52"]);
    // A console with nothing: the terminal still gets the sequence.
    assert_eq!(programs(&plan(&env(&[]))), ["osc52"]);
}

#[test]
fn tmux_and_screen_get_what_they_pass_on() {
    let with = |options| Env {
        ssh: true,
        tmux: options,
        ..env(&["tmux"])
    };
    // set-clipboard on: tmux takes the plain sequence, keeps it and passes it on.
    assert_eq!(
        osc(&plan(&with(tmux(Some("on"), Some("off"))))),
        Some((vec![Wrap::Plain], Through::Tmux))
    );
    // allow-passthrough: wrapped, straight to the outer terminal.
    assert_eq!(
        osc(&plan(&with(tmux(Some("external"), Some("on"))))),
        Some((vec![Wrap::TmuxPassthrough], Through::Tmux))
    );
    // Options unknown: both.
    assert_eq!(
        osc(&plan(&with(tmux(None, None)))),
        Some((vec![Wrap::Plain, Wrap::TmuxPassthrough], Through::Tmux))
    );
    // tmux's defaults drop the sequence: its paste buffer instead, with -w then without.
    let p = plan(&with(tmux(Some("external"), Some("off"))));
    assert_eq!(programs(&p), ["tmux", "tmux"]);
    assert!(matches!(
        &p[0],
        Method::Program { args, via: Via::TmuxBuffer, .. } if args == &["load-buffer", "-w", "-"]
    ));
    // ...and without tmux's program, nothing at all: the copy says tmux keeps it.
    let no_program = Env {
        programs: vec![],
        ..with(tmux(Some("external"), Some("off")))
    };
    assert!(plan(&no_program).is_empty());
    assert_eq!(copy("x", &no_program), Err(NotCopied::TmuxDrops));
    // A local desktop inside tmux: the system clipboard first.
    let desktop = Env {
        x11: true,
        tmux: tmux(Some("external"), Some("off")),
        ..env(&["xclip", "tmux"])
    };
    assert_eq!(programs(&plan(&desktop)), ["xclip", "tmux", "tmux"]);
    let screen = Env {
        ssh: true,
        screen: true,
        ..env(&[])
    };
    assert_eq!(
        osc(&plan(&screen)),
        Some((vec![Wrap::Screen], Through::Screen))
    );
}

#[test]
fn osc52_bytes_exactly() {
    // "hi" is aGk= in base64.
    assert_eq!(osc52("hi", Wrap::Plain), b"\x1b]52;c;aGk=\x07");
    assert_eq!(
        osc52("hi", Wrap::TmuxPassthrough),
        b"\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
    );
    assert_eq!(osc52("hi", Wrap::Screen), b"\x1bP\x1b]52;c;aGk=\x07\x1b\\");
    assert_eq!(osc52("é", Wrap::Plain), b"\x1b]52;c;w6k=\x07");
    // Screen: pieces of at most 76 bytes, each in its own DCS, that make the plain
    // sequence again.
    let long = "x".repeat(200);
    let wrapped = osc52(&long, Wrap::Screen);
    let plain = osc52(&long, Wrap::Plain);
    let mut rebuilt = Vec::new();
    let mut rest = &wrapped[..];
    while !rest.is_empty() {
        assert!(rest.starts_with(b"\x1bP"));
        // The sequence holds no ESC \ of its own: the first one ends the piece.
        let end = rest.windows(2).position(|w| w == b"\x1b\\").unwrap();
        let piece = &rest[2..end];
        assert!(piece.len() <= 76);
        rebuilt.extend_from_slice(piece);
        rest = &rest[end + 2..];
    }
    assert_eq!(rebuilt, plain);
}
