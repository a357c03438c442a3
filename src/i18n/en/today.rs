//! English: the Today tab: what is late, due and waiting across clients.

use crate::i18n::keys::Today;

pub(super) const TODAY: Today = Today {
    today_calm: "Nothing needs you right now: no late post, no message waiting, no alert.",
    today_posts_late: "Late posts",
    today_posts_due: "Due today",
    today_objectives: "Objectives at risk",
    today_budgets: "Budgets",
    today_campaigns: "Campaigns this week",
    today_reviews: "Weekly reviews due",
    today_objective_line: "{scope} {metric}",
    today_by: "by {date}",
    today_starts: "starts",
    today_ends: "ends",
    today_inbox_line: "{pending} waiting, {overdue} late",
    today_left: "{d} left",
    today_oldest: "oldest:",
    today_budget_near: "{pct} of {planned} spent in {month}",
    today_budget_over: "over budget: {pct} of {planned} spent in {month}",
    today_never: "never",
    today_review_line: "no figures for {week} (last: {last}): import the exports or type the week",
    today_jump_hint: "Enter opens the item in its tab · y copies a post · p marks it published",
    today_post_only: "y and p work on post lines.",
    answers_post: "On the post",
    today_inbox_line_short: "{pending} waiting, {overdue} late",
};
