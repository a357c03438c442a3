//! French: the Today tab: what is late, due and waiting across clients.

use crate::i18n::keys::Today;

pub(super) const TODAY: Today = Today {
    today_calm: "Rien ne vous attend : aucune publication en retard, aucun message en attente, aucune alerte.",
    today_posts_late: "Publications en retard",
    today_posts_due: "À publier aujourd'hui",
    today_objectives: "Objectifs à risque",
    today_budgets: "Budgets",
    today_campaigns: "Campagnes de la semaine",
    today_reviews: "Bilans hebdomadaires à faire",
    today_objective_line: "{scope} {metric}",
    today_by: "d'ici le {date}",
    today_starts: "début",
    today_ends: "fin",
    today_inbox_line: "{pending} en attente, {overdue} en retard",
    today_left: "reste {d}",
    today_oldest: "plus ancien :",
    today_budget_near: "{pct} de {planned} dépensés en {month}",
    today_budget_over: "budget dépassé : {pct} de {planned} dépensés en {month}",
    today_never: "jamais",
    today_review_line: "aucun chiffre pour {week} (dernier : {last}) : importez les exports ou saisissez la semaine",
    today_jump_hint: "Entrée ouvre l'élément dans son onglet · y copie une publication · p la marque publiée",
    today_post_only: "y et p agissent sur les lignes de publication.",
    answers_post: "Sur la publication",
    today_inbox_line_short: "{pending} en att., {overdue} en retard",
};
