//! The real binary in French, chosen by `LANG`: tab names, dates, money and a reply
//! round trip, typed as a user would.

mod common;

#[path = "pty/mod.rs"]
mod pty;

use common::TempDb;

#[test]
fn the_app_in_french_from_the_locale() {
    let db = TempDb::new();
    assert!(db.run(&["demo"]).status.success());
    let mut app = pty::App::start_with(&db.path, 130, 36, &[("LANG", "fr_FR.UTF-8")]);
    app.wait_for("1 Aujourd'hui  2 Stratégie  3 Calendrier  4 Boîte de réception  5 Rapport");
    app.wait_for("Aujourd'hui · 22/11/2026");
    app.wait_for("Boulangerie Marcel    5 en attente, 2 en retard");
    // Money and percent with French separators (narrow no-break spaces).
    app.wait_for("104,0\u{202f}% de 2\u{202f}500,00\u{a0}CHF dépensés en novembre 2026");
    app.send("\r");
    app.wait_for("Boîte de réception · en attente · Boulangerie Marcel (5)");
    app.send("r");
    app.wait_for("Partir d'une réponse enregistrée");
    app.send("\r");
    app.wait_for("Répondre à @claire.b");
    app.type_text("Désolés, Claire : la prochaine baguette est pour nous.");
    app.send("\x13");
    // No display, no tmux: the terminal is asked, and the message says so.
    app.wait_for("Réponse enregistrée et envoyée au terminal (OSC 52)");
    app.send("m");
    app.wait_for("1 message marqué comme répondu");
    app.send("?");
    app.wait_for("Aide");
    app.wait_for("Entrée");
    app.send("\x1b");
    app.send("3");
    app.wait_for("novembre 2026 · mois");
    app.send("q");
    assert!(app.wait_exit().success());
}
