//! The command line's help in French. clap's derive takes the English from the doc
//! comments; `localize` swaps each text for its French from `FR`, found by the English.

use clap::Command;

use super::Lang;

/// Every text of a command tree's help: abouts, then each argument's help.
pub fn texts(cmd: &Command) -> Vec<String> {
    let mut out = Vec::new();
    collect(cmd, &mut out);
    out
}

fn collect(cmd: &Command, out: &mut Vec<String>) {
    for s in [cmd.get_about(), cmd.get_long_about()]
        .into_iter()
        .flatten()
    {
        out.push(s.to_string());
    }
    for a in cmd.get_arguments() {
        for s in [a.get_help(), a.get_long_help()].into_iter().flatten() {
            out.push(s.to_string());
        }
    }
    for sub in cmd.get_subcommands() {
        collect(sub, out);
    }
}

/// The command tree with its help in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Fr => french(cmd),
    }
}

/// The French of one English help text.
pub fn french_of(en: &str) -> Option<&'static str> {
    FR.iter().find(|(e, _)| *e == en).map(|(_, f)| *f)
}

fn french(mut cmd: Command) -> Command {
    let tr = |s: Option<&clap::builder::StyledStr>| s.and_then(|s| french_of(&s.to_string()));
    if let Some(f) = tr(cmd.get_about()) {
        cmd = cmd.about(f);
    }
    if let Some(f) = tr(cmd.get_long_about()) {
        cmd = cmd.long_about(f);
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| {
            let (help, long) = (tr(a.get_help()), tr(a.get_long_help()));
            // clap writes "[default: …]" and "[possible values: …]" in English: the
            // French texts say them instead.
            let mut a = if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            };
            if let Some(h) = help {
                a = a.help(h);
            }
            if let Some(h) = long {
                a = a.long_help(h);
            }
            a
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, french);
    }
    cmd
}

/// clap's own words (headings, errors, tips) in French, line by line: (English start,
/// English end, French start, French end).
const CLAP_LINES: &[(&str, &str, &str, &str)] = &[
    (
        "error: unexpected argument ",
        " found",
        "erreur : argument inattendu ",
        "",
    ),
    (
        "error: unrecognized subcommand ",
        "",
        "erreur : sous-commande inconnue ",
        "",
    ),
    ("error: invalid value ", "", "erreur : valeur invalide ", ""),
    (
        "error: the following required arguments were not provided:",
        "",
        "erreur : ces arguments obligatoires manquent :",
        "",
    ),
    (
        "error: a value is required for ",
        " but none was supplied",
        "erreur : une valeur est attendue pour ",
        "",
    ),
    (
        "error: ",
        " requires a subcommand but one was not provided",
        "erreur : ",
        " attend une sous-commande",
    ),
    ("error: ", "", "erreur : ", ""),
    (
        "  tip: a similar argument exists: ",
        "",
        "  astuce : un argument proche existe : ",
        "",
    ),
    (
        "  tip: a similar subcommand exists: ",
        "",
        "  astuce : une sous-commande proche existe : ",
        "",
    ),
    (
        "  tip: some similar subcommands exist: ",
        "",
        "  astuce : des sous-commandes proches existent : ",
        "",
    ),
    ("  tip: to pass ", "", "  astuce : pour passer ", ""),
    ("  [possible values: ", "", "  [valeurs possibles : ", ""),
    ("  [subcommands: ", "", "  [sous-commandes : ", ""),
    (
        "For more information, try ",
        ".",
        "Pour en savoir plus, essayez ",
        ".",
    ),
    ("Usage: ", "", "Utilisation : ", ""),
    ("Commands:", "", "Commandes :", ""),
    ("Options:", "", "Options :", ""),
    ("Arguments:", "", "Arguments :", ""),
];

/// Words clap puts inside lines.
const CLAP_WORDS: &[(&str, &str)] = &[
    (" for '", " pour '"),
    ("[env: ", "[env : "),
    ("[OPTIONS]", "[OPTIONS]"),
    ("[COMMAND]", "[COMMANDE]"),
    ("<COMMAND>", "<COMMANDE>"),
    (", use '", ", utilisez '"),
    (" as a value", " comme valeur"),
];

/// A message clap rendered in English (help, usage error), in French.
pub fn french_clap_message(en: &str) -> String {
    let mut out = String::with_capacity(en.len() + 32);
    for line in en.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let mut text = CLAP_LINES
            .iter()
            .find_map(|(ep, es, fp, fs)| {
                let rest = body.strip_prefix(ep)?.strip_suffix(es)?;
                Some(format!("{fp}{rest}{fs}"))
            })
            .unwrap_or_else(|| body.to_string());
        for (e, f) in CLAP_WORDS {
            text = text.replace(e, f);
        }
        out.push_str(&text);
        out.push_str(nl);
    }
    out
}

/// (English, French) for each text of the help.
pub const FR: &[(&str, &str)] = &[
    (
        "A keyboard-first cockpit for freelance community and social media managers.",
        "Le poste de pilotage au clavier des community managers et social media managers indépendants.",
    ),
    (
        "Without a subcommand, opens the full-screen app on the database.",
        "Sans sous-commande, ouvre l'application plein écran sur la base.",
    ),
    (
        "The database file (default: twohats.db in your data folder)",
        "Le fichier de la base (par défaut : twohats.db dans votre dossier de données)",
    ),
    (
        "Interface language, en or fr (default: the lang setting, else LC_ALL, LC_MESSAGES or LANG)",
        "Langue de l'interface, en ou fr (par défaut : le réglage lang, sinon LC_ALL, LC_MESSAGES ou LANG)",
    ),
    ("Print help", "Afficher l'aide"),
    ("Print the version", "Afficher la version"),
    (
        "Add, edit, archive or list clients",
        "Ajouter, modifier, archiver ou lister les clients",
    ),
    ("Add a client", "Ajouter un client"),
    ("List clients", "Lister les clients"),
    ("Include archived clients", "Inclure les clients archivés"),
    (
        "ISO 4217 code of the client's money",
        "Code ISO 4217 de la devise du client",
    ),
    (
        "IANA time zone (default: this computer's, else Europe/Paris)",
        "Fuseau horaire IANA (par défaut : celui de cet ordinateur, sinon Europe/Paris)",
    ),
    (
        "Hours within which comments and messages should get a reply",
        "Heures dans lesquelles commentaires et messages doivent recevoir une réponse",
    ),
    (
        "One JSON array, for scripts",
        "Un tableau JSON, pour les scripts",
    ),
    (
        "One JSON object, for scripts and notifications",
        "Un objet JSON, pour les scripts et les notifications",
    ),
    (
        "Bring outside data in (all of a file or nothing)",
        "Importer des données (tout le fichier ou rien)",
    ),
    (
        "Comments, DMs and mentions: a CSV, a JSON array, or Mastodon's or Bluesky's notifications",
        "Commentaires, MP et mentions : un CSV, un tableau JSON, ou les notifications de Mastodon ou Bluesky",
    ),
    (
        "The client the items belong to (name or id)",
        "Le client des messages (nom ou id)",
    ),
    (
        "auto, csv, json, mastodon or bluesky",
        "auto, csv, json, mastodon ou bluesky",
    ),
    (
        "The platform of rows that do not name one",
        "La plateforme des lignes qui n'en nomment pas",
    ),
    (
        "Analytics exports: X, Facebook, Instagram, LinkedIn (xls/xlsx), TikTok, YouTube (CSV or zip), Meta page files, or a generic long or wide CSV",
        "Exports de statistiques : X, Facebook, Instagram, LinkedIn (xls/xlsx), TikTok, YouTube (CSV ou zip), fichiers de page Meta, ou un CSV générique long ou large",
    ),
    ("The client (name or id)", "Le client (nom ou id)"),
    (
        "auto (from the headers), long, wide, meta, or an export's name",
        "auto (d'après les en-têtes), long, wide, meta, ou le nom d'un export",
    ),
    (
        "The platform of files that do not say it (wide CSV, Meta page files)",
        "La plateforme des fichiers qui ne la disent pas (CSV large, fichiers de page Meta)",
    ),
    (
        "Planned posts: a CSV with the header date,time,platforms,title,body,pillar,campaign,status",
        "Publications prévues : un CSV avec l'en-tête date,time,platforms,title,body,pillar,campaign,status",
    ),
    (
        "The client the posts belong to (name or id)",
        "Le client des publications (nom ou id)",
    ),
    (
        "Write data out for other programs",
        "Exporter des données pour d'autres programmes",
    ),
    (
        "The editorial calendar as an iCalendar file for a calendar program",
        "Le calendrier éditorial en fichier iCalendar pour un agenda",
    ),
    (
        "One client (name or id); all clients when left out",
        "Un client (nom ou id) ; tous les clients sinon",
    ),
    (
        "First day (YYYY-MM-DD, the client's wall clock); all posts when left out",
        "Premier jour (AAAA-MM-JJ, à l'heure du client) ; toutes les publications sinon",
    ),
    ("Last day, included", "Dernier jour, inclus"),
    (
        "Write to this file instead of standard output (private, replaced whole)",
        "Écrire dans ce fichier plutôt que sur la sortie standard (privé, remplacé d'un bloc)",
    ),
    (
        "The inbox from the command line",
        "La boîte de réception en ligne de commande",
    ),
    (
        "List inbox items, oldest waiting first",
        "Lister les messages, le plus ancien en attente d'abord",
    ),
    (
        "pending (new and follow-up), replied, ignored or all",
        "pending (nouveaux et à suivre), replied, ignored ou all",
    ),
    (
        "The KPI review of a client for a week, a month or any span, for the client",
        "Le bilan des KPI d'un client pour une semaine, un mois ou toute période, pour le client",
    ),
    (
        "An ISO week, like 2026-W47",
        "Une semaine ISO, comme 2026-W47",
    ),
    ("A month, like 2026-11", "Un mois, comme 2026-11"),
    (
        "First day of a custom period (YYYY-MM-DD)",
        "Premier jour d'une période personnalisée (AAAA-MM-JJ)",
    ),
    (
        "Last day of a custom period, included",
        "Dernier jour d'une période personnalisée, inclus",
    ),
    (
        "md, html, csv or json (default: from the extension of the -o file; md on standard output)",
        "md, html, csv ou json (par défaut : d'après l'extension du fichier -o ; md sur la sortie standard)",
    ),
    (
        "The daily check-in across all clients: late posts, posts due today, inbox, objectives at risk, budgets, campaigns, reviews due",
        "Le point du jour sur tous les clients : publications en retard, à publier aujourd'hui, messages, objectifs à risque, budgets, campagnes, bilans à faire",
    ),
    (
        "Write a consistent copy of the database (works while the app runs)",
        "Écrire une copie cohérente de la base (fonctionne pendant que l'application tourne)",
    ),
    (
        "Replace the database with a backup (refuses a file that is not a twohats one); the replaced database is kept beside it, and a terminal is asked first",
        "Remplacer la base par une sauvegarde (refuse un fichier qui n'est pas une base twohats) ; la base remplacée est gardée à côté, et la question est posée d'abord sur un terminal",
    ),
    (
        "Replace without asking (scripts); without a terminal to ask on, restore needs it",
        "Remplacer sans demander (scripts) ; sans terminal où poser la question, restore en a besoin",
    ),
    (
        "What was deleted, and bringing it back",
        "Ce qui a été supprimé, et le ramener",
    ),
    (
        "List what was deleted (the default)",
        "Lister ce qui a été supprimé (par défaut)",
    ),
    (
        "Bring a row back: `twohats trash restore posts 42`",
        "Ramener une ligne : `twohats trash restore posts 42`",
    ),
    (
        "Show the interface language, or set it: en, fr, or auto (from LC_ALL, LC_MESSAGES or LANG)",
        "Afficher la langue de l'interface, ou la régler : en, fr, ou auto (d'après LC_ALL, LC_MESSAGES ou LANG)",
    ),
    (
        "Load demo clients to look around",
        "Charger des clients de démonstration pour découvrir l'outil",
    ),
    (
        "small: four clients to look around; large: 30 clients, 50,000 posts, 500,000 inbox items and 2,000,000 daily figures, for benchmarks",
        "small (par défaut) : quatre clients pour découvrir ; large : 30 clients, 50 000 publications, 500 000 messages et 2 000 000 de chiffres quotidiens, pour les mesures de performance",
    ),
    (
        "Load even when the database has clients (earlier demo clients are replaced; yours are kept)",
        "Charger même si la base a des clients (les anciens clients de démonstration sont remplacés ; les vôtres sont gardés)",
    ),
    (
        "Change a client's name, currency, time zone, reply target or notes (what is left out stays)",
        "Changer le nom, la devise, le fuseau horaire, le délai de réponse ou les notes d'un client (le reste ne change pas)",
    ),
    ("New name", "Nouveau nom"),
    (
        "IANA time zone; the client's posts keep their wall-clock times",
        "Fuseau horaire IANA ; les publications du client gardent leur heure locale",
    ),
    (
        "Notes about the client (they replace the old ones)",
        "Notes sur le client (elles remplacent les anciennes)",
    ),
    (
        "Hide a client from the switcher and the daily views (nothing is deleted)",
        "Cacher un client du sélecteur et des vues du jour (rien n'est supprimé)",
    ),
    ("Bring an archived client back", "Ramener un client archivé"),
    (
        "Add, list or remove a client's social accounts",
        "Ajouter, lister ou retirer les comptes sociaux d'un client",
    ),
    (
        "Add an account: `twohats account add --client Marcel instagram @marcel`",
        "Ajouter un compte : `twohats account add --client Marcel instagram @marcel`",
    ),
    (
        "facebook, instagram, linkedin, x, tiktok, youtube, threads, mastodon, bluesky, pinterest, blog or forum",
        "facebook, instagram, linkedin, x, tiktok, youtube, threads, mastodon, bluesky, pinterest, blog ou forum",
    ),
    (
        "The handle, page name or address (no spaces)",
        "L'identifiant, le nom de page ou l'adresse (sans espace)",
    ),
    ("List accounts", "Lister les comptes"),
    (
        "Move an account to the trash (its posts and figures stay)",
        "Mettre un compte à la corbeille (ses publications et ses chiffres restent)",
    ),
    (
        "The editorial calendar from the command line",
        "Le calendrier éditorial en ligne de commande",
    ),
    (
        "List posts, by time; undated ideas last",
        "Lister les publications, par heure ; les idées sans date à la fin",
    ),
    (
        "idea, draft, ready, scheduled, published, failed, cancelled or publishing; all when left out",
        "idea, draft, ready, scheduled, published, failed, cancelled ou publishing ; tous sinon",
    ),
    (
        "Mark an item replied, ignored, follow-up or new",
        "Marquer un message comme répondu, ignoré, à suivre ou nouveau",
    ),
    (
        "The item's id (see `twohats inbox list`)",
        "L'id du message (voir `twohats inbox list`)",
    ),
    (
        "replied, ignored, follow-up or new",
        "replied, ignored, follow-up ou new",
    ),
    ("Add tags to an item", "Ajouter des étiquettes à un message"),
    (
        "Tags, like vip delivery (a leading # is dropped)",
        "Étiquettes, comme vip livraison (le # du début est retiré)",
    ),
    (
        "Set exactly these tags (none: remove them all)",
        "Mettre exactement ces étiquettes (aucune : les retirer toutes)",
    ),
    ("The reply", "La réponse"),
    (
        "Read the reply from this file (- for standard input)",
        "Lire la réponse dans ce fichier (- pour l'entrée standard)",
    ),
    (
        "Remove the demo clients and everything of theirs (yours are kept)",
        "Retirer les clients de démonstration et tout leur contenu (les vôtres sont gardés)",
    ),
    (
        "The largest file read, like 512M or 2G (default 256M)",
        "Le plus gros fichier lu, par exemple 512M ou 2G (256M par défaut)",
    ),
    (
        "Analytics exports: X, Facebook, Instagram, LinkedIn (xls/xlsx), TikTok, YouTube (CSV or zip), Meta page files, or a generic long or wide CSV.\n\nThe generic CSVs (long: date,platform,metric,value; wide: date and a column per metric) name metrics by these keys: impressions, reach, engagements, likes, comments, shares, saves, clicks, video_views, profile_visits, new_follows, spend, conversions, revenue, watch_time, followers. Money is in major units (12.50), watch_time in hours; followers is a level (the count that day), the others add up.",
        "Exports de statistiques : X, Facebook, Instagram, LinkedIn (xls/xlsx), TikTok, YouTube (CSV ou zip), fichiers de page Meta, ou un CSV générique long ou large.\n\nLes CSV génériques (long : date,platform,metric,value ; large : date et une colonne par indicateur) nomment les indicateurs par ces clés : impressions, reach, engagements, likes, comments, shares, saves, clicks, video_views, profile_visits, new_follows, spend, conversions, revenue, watch_time, followers. L'argent est en unités (12.50), watch_time en heures ; followers est un niveau (le nombre ce jour-là), les autres s'additionnent.",
    ),
    (
        "The last day of an export whose dates have no year (TikTok), YYYY-MM-DD",
        "Le dernier jour d'un export dont les dates n'ont pas d'année (TikTok), AAAA-MM-JJ",
    ),
    (
        "The largest file read, and the most a zip or xlsx may inflate to, like 512M or 2G (default 256M)",
        "Le plus gros fichier lu, et le plus qu'un zip ou un xlsx peut occuper décompressé, par exemple 512M ou 2G (256M par défaut)",
    ),
    (
        "Connect a client's Mastodon or Bluesky account (its secrets go to the system keyring, else a private file; never the database)",
        "Connecter un compte Mastodon ou Bluesky d'un client (ses secrets vont au trousseau du système, sinon dans un fichier privé ; jamais dans la base)",
    ),
    (
        "List the connected accounts: client, platform, account, server, last sync, state",
        "Lister les comptes connectés : client, plateforme, compte, serveur, dernière synchro, état",
    ),
    (
        "Forget a connection: sign out on the server (best effort) and delete its secrets; its inbox items stay",
        "Oublier une connexion : se déconnecter du serveur (si possible) et supprimer ses secrets ; ses messages restent",
    ),
    (
        "Pull what is new from every connected account (of one client with --client): inbox items, followers, figures of published posts",
        "Récupérer les nouveautés de chaque compte connecté (d'un client avec --client) : messages, abonnés, chiffres des publications",
    ),
    (
        "Send the scheduled posts whose time has come on their connected accounts (for cron or a systemd timer)",
        "Envoyer sur leurs comptes connectés les publications programmées dont l'heure est venue (pour cron ou un minuteur systemd)",
    ),
    (
        "Send the posts that are due (required: says what the command does)",
        "Envoyer les publications dues (obligatoire : dit ce que fait la commande)",
    ),
    (
        "Say what would be sent, and send nothing",
        "Dire ce qui serait envoyé, sans rien envoyer",
    ),
    ("The account's handle", "Le nom du compte"),
    (
        "Connect a Mastodon account: approve twohats in a browser and paste the code, or give a token with --token-stdin",
        "Connecter un compte Mastodon : autorisez twohats dans un navigateur et collez le code, ou donnez un jeton avec --token-stdin",
    ),
    (
        "The account's handle, as added with `twohats account add` (may be left out when the client has one Mastodon account)",
        "Le nom du compte, tel qu'ajouté avec `twohats account add` (facultatif quand le client a un seul compte Mastodon)",
    ),
    (
        "The server (default: the handle's domain)",
        "Le serveur (par défaut : le domaine du nom)",
    ),
    (
        "Read an access token made in the server's Preferences > Development from standard input instead",
        "Lire plutôt sur l'entrée standard un jeton d'accès créé dans Préférences > Développement du serveur",
    ),
    (
        "Connect a Bluesky account with an app password (never the account password)",
        "Connecter un compte Bluesky avec un mot de passe d'application (jamais le mot de passe du compte)",
    ),
    (
        "The account's handle, as added with `twohats account add` (may be left out when the client has one Bluesky account)",
        "Le nom du compte, tel qu'ajouté avec `twohats account add` (facultatif quand le client a un seul compte Bluesky)",
    ),
    (
        "The account's PDS (default: found when signing in)",
        "Le PDS du compte (par défaut : trouvé à la connexion)",
    ),
    (
        "Read the app password from standard input without asking",
        "Lire le mot de passe d'application sur l'entrée standard sans demander",
    ),
    (
        "Send the reply to an item through its connection when it came from one (else record it for you to post), and mark it replied",
        "Envoyer la réponse à un message par sa connexion s'il en vient une (sinon l'enregistrer pour que vous la publiiez), et le marquer répondu",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_messages_in_french() {
        let en = "error: unexpected argument '--nope' found\n\nUsage: twohats [OPTIONS] [COMMAND]\n\nFor more information, try '--help'.\n";
        assert_eq!(
            french_clap_message(en),
            "erreur : argument inattendu '--nope'\n\nUtilisation : twohats [OPTIONS] [COMMANDE]\n\nPour en savoir plus, essayez '--help'.\n"
        );
    }
}
